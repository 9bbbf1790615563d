"""KPIs that are states at a period boundary, not events in it: backlog and churn.

Backlog at the end of a period = tickets created before its end minus tickets resolved before
its end; both are cumulative counts over the whole history (a ticket opened last year and
still open counts), computed from per-period counts so the query returns few rows. Churn is
measured on the accounts active at a period's start.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

import ibis
import pandas as pd

from dashboard.kpis import periods, queries
from dashboard.kpis.compiled import Run, run_plain
from dashboard.kpis.frame import COLUMNS, all_period
from dashboard.kpis.registry import Kpi


def backlog(
    table: ibis.Table, request, segment_expr, first: date, last: date, run: Run = run_plain
) -> pd.DataFrame:
    """Open tickets at the end of every period, per segment and in total."""
    seg = segment_expr(table, request, table.created_at)
    end = pd.Timestamp(request.end + timedelta(days=1))
    key = ("backlog", request.series, request.grain, end, bool(request.by), seg.op())
    q = queries.built(table, key, lambda: _queries(table, seg, request, end))
    if not request.series:
        return _backlog_at_end(q, request, run)
    opened, closed, whole = _flows(q[0], run)
    grid = periods.starts(request.start, request.end, request.grain)
    rows: list[dict] = []
    segments = sorted(set(opened["_seg"])) if request.by else [""]
    for value in segments + ([""] if request.by else []):
        o = opened if value == "" else opened[opened["_seg"] == value]
        c = closed if value == "" else closed[closed["_seg"] == value]
        series = [_open_at(o, c, periods.next_start(p, request.grain)) for p in grid]
        segment = request.by if value != "" else ""
        for p, n in zip(grid, series, strict=True):
            where = {
                "period": periods.label(p, request.grain), "period_start": p,
                "period_end": periods.next_start(p, request.grain),
                "partial": periods.is_partial(p, request.grain, first, last),
            }  # fmt: skip
            rows.append(_row(where, segment, value, "backlog", n))
        w = whole if value == "" else whole[whole["_seg"] == value]
        n = int(w["opened"].sum() - w["closed"].sum())
        rows.append(_row(all_period(request), segment, value, "backlog", n))
    return pd.DataFrame(rows, columns=COLUMNS)


def _queries(table: ibis.Table, seg: ibis.Value, request, end: pd.Timestamp) -> list[ibis.Table]:
    """The flows per period; or the counts open at the range's end (per segment, then total)."""
    t = table.filter(table.created_at.notnull()).mutate(_seg=seg)
    # A ticket "resolved" before it was created (a data error) is closed from its creation on.
    closing = ibis.ifelse(t.resolved_at < t.created_at, t.created_at, t.resolved_at)
    at = ibis.literal(end.to_pydatetime())
    if request.series:
        return [_flows_query(t, closing, request.grain, at)]
    metrics = {"opened": (t.created_at < at).cast("int64").sum(),
               "closed": (closing < at).fill_null(False).cast("int64").sum()}  # fmt: skip
    whole = [t.aggregate(**metrics)]
    return [t.group_by("_seg").aggregate(**metrics), *whole] if request.by else whole


def _backlog_at_end(q: list[ibis.Table], request, run: Run) -> pd.DataFrame:
    """Only the whole-range row(s): open at the range's end, in one ungrouped-by-period query."""
    parts = [("", run(q[-1]))]
    if request.by:
        parts.insert(0, (request.by, run(q[0])))
    rows = []
    for segment, counts in parts:
        for r in counts.to_dict("records"):
            value = str(r["_seg"]) if segment else ""
            n = int(r["opened"] or 0) - int(r["closed"] or 0)
            rows.append(_row(all_period(request), segment, value, "backlog", n))
    return pd.DataFrame(rows, columns=COLUMNS)


def _flows_query(t: ibis.Table, closing: ibis.Value, grain: str, at: ibis.Value) -> ibis.Table:
    """Tickets opened and closed per period × segment, and both before `at`, in one query.

    The openings and the closings are stacked (union all) and counted together, so the
    cumulative difference gives the backlog at every period end; `at` (the range's end, which
    need not fall on a period boundary) is counted exactly.
    """
    zero, one = ibis.literal(0, "int64"), ibis.literal(1, "int64")
    opened = t.select(_period=periods.bucket(t.created_at, grain), _seg=t._seg, o=one, c=zero,
                      oe=(t.created_at < at).cast("int64"), ce=zero)  # fmt: skip
    done = t.mutate(_closing=closing).filter(lambda r: r._closing.notnull())
    closed = done.select(_period=periods.bucket(done._closing, grain), _seg=done._seg, o=zero,
                         c=one, oe=zero, ce=(done._closing < at).cast("int64"))  # fmt: skip
    both = ibis.union(opened, closed, distinct=False)
    return both.group_by(["_period", "_seg"]).aggregate(
        opened=both.o.sum(), closed=both.c.sum(), oe=both.oe.sum(), ce=both.ce.sum()
    )


def _flows(query: ibis.Table, run: Run) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """(opened, closed) per period × segment, and both before the range's end per segment."""
    counts = run(query)
    whole = counts.groupby("_seg", as_index=False)[["oe", "ce"]].sum()
    whole = whole.rename(columns={"oe": "opened", "ce": "closed"})
    return (counts.rename(columns={"opened": "n"})[["_period", "_seg", "n"]],
            counts.rename(columns={"closed": "n"})[["_period", "_seg", "n"]], whole)  # fmt: skip


def _open_at(opened: pd.DataFrame, closed: pd.DataFrame, end: pd.Timestamp) -> int:
    """Created before `end` minus resolved before `end` (bucket starts before `end`)."""
    return int(opened.loc[opened["_period"] < end, "n"].sum()) - int(
        closed.loc[closed["_period"] < end, "n"].sum()
    )


def _row(where: dict, segment: str, value: str, key: str, n: int) -> dict:
    return {
        **where, "segment": segment, "segment_value": value, "kpi": key, "kind": "count",
        "unit": "tickets", "value": float(n), "n": n, "hist": None,
    }  # fmt: skip


def churn(
    table: ibis.Table,
    kpis: list[Kpi],
    request,
    segment_expr,
    first: date,
    last: date,
    run: Run = run_plain,
) -> pd.DataFrame:
    """Churn and retention per period, on the accounts active at each period's start."""
    if request.by and request.by not in table.columns:
        request = replace(request, by=None, top_n=None)
    grid = periods.starts(request.start, request.end, request.grain)
    spans = [(p, periods.next_start(p, request.grain), periods.label(p, request.grain))
             for p in grid]  # fmt: skip
    spans.append((pd.Timestamp(request.start), pd.Timestamp(request.end + timedelta(days=1)),
                  "all"))  # fmt: skip
    grid_table = ibis.memtable(pd.DataFrame(spans, columns=["_ps", "_pe", "_label"]))
    seg = segment_expr(table, request, table.started_at)
    a = table.filter(table.started_at.notnull()).mutate(_seg=seg)
    joined = a.cross_join(grid_table)
    active = (joined.started_at < joined._ps) & (
        joined.churned_at.isnull() | (joined.churned_at >= joined._ps)
    )
    gone = active & joined.churned_at.notnull() & (joined.churned_at < joined._pe)
    keys = ["_label", "_ps", "_pe", *(["_seg"] if request.by else [])]
    metrics = {"n": active.cast("int64").sum(), "churned": gone.cast("int64").sum()}
    frames = [(run(joined.group_by(keys).aggregate(**metrics)), request.by or "")]
    if request.by:
        frames.append((run(joined.group_by(keys[:3]).aggregate(**metrics)), ""))
    rows = []
    for frame, segment in frames:
        for _, r in frame.iterrows():
            rows.extend(_churn_rows(r, kpis, segment, request, first, last))
    return pd.DataFrame(rows, columns=COLUMNS)


def _churn_rows(r: pd.Series, kpis: list[Kpi], segment: str, request, first, last) -> list:
    n, churned = int(r["n"]), int(r["churned"])
    if r["_label"] == "all":
        where = all_period(request)
    else:
        start = pd.Timestamp(r["_ps"])
        where = {
            "period": r["_label"], "period_start": start, "period_end": pd.Timestamp(r["_pe"]),
            "partial": periods.is_partial(start, request.grain, first, last),
        }  # fmt: skip
    out = []
    for kpi in kpis:
        k = churned if kpi.key == "churn_rate" else n - churned
        out.append({
            **where, "segment": segment, "segment_value": str(r["_seg"]) if segment else "",
            "kpi": kpi.key, "kind": "rate", "unit": "%", "n": n, "successes": float(k),
            "value": 100.0 * k / n if n else float("nan"), "hist": None,
        })  # fmt: skip
    return out
