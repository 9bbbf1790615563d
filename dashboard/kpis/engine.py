"""The KPI engine: a request in, one row per period × segment × KPI of sufficient statistics out.

All aggregation is Ibis (DuckDB embedded by default; the same expressions run on other Ibis
backends). KPIs that read the same table on the same date are aggregated together in one
grouped query per table, plus one ungrouped-by-period query for the whole range ("all"), so a
page's worth of KPIs costs a handful of queries. Rates are ratios of sums; medians and
percentiles are computed per cell, never pooled. Backlog and churn are states at period
boundaries and have their own small queries (`states.py`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date

import ibis
import numpy as np
import pandas as pd

from dashboard.config import Settings
from dashboard.coverage import coverage
from dashboard.errors import UnknownColumnError
from dashboard.kpis import histograms, periods, queries, states, zones
from dashboard.kpis.compiled import Run, stand_ins
from dashboard.kpis.frame import COLUMNS, densify, long_rows
from dashboard.kpis.registry import KPIS, Kpi
from dashboard.kpis.segments import segment_value
from dashboard.schema import TableKind
from dashboard.scope import scoped
from dashboard.store import Dataset


@dataclass(frozen=True, slots=True)
class KpiRequest:
    """Which KPIs, at which grain, over which days, for which segments.

    Attributes:
        kpis: registry keys.
        grain: day, week, month, quarter or year.
        start, end: first and last day (inclusive).
        filters: segment column -> allowed values.
        by: segment column to break down by (None: totals only).
        top_n: segments shown by name; the rest pooled as "(other)" (None: all).
        data_range: first and last day with data, when the caller knows it (saves queries;
            used to flag partial periods).
        series: False for the whole-range rows only (a comparison period needs no series):
            one query per table instead of a grouped one and a quantile one.
    """

    kpis: tuple[str, ...]
    grain: str
    start: date
    end: date
    filters: Mapping[str, Sequence[str]] = field(default_factory=dict)
    by: str | None = None
    top_n: int | None = None
    data_range: tuple[date, date] | None = None
    series: bool = True


@dataclass(frozen=True, slots=True)
class KpiCells:
    """The engine's answer: `frame` has one row per period × segment value × KPI (see COLUMNS)."""

    request: KpiRequest
    frame: pd.DataFrame

    def kpi(self, key: str, segment_value: str = "") -> pd.DataFrame:
        """Rows of one KPI (and one segment value; "" for totals), periods in order."""
        f = self.frame
        return f[(f.kpi == key) & (f.segment_value == segment_value)]

    def total(self, key: str) -> pd.Series | None:
        """The whole-range ("all") totals row of one KPI, or None when it has no row."""
        f = self.frame
        rows = f[(f.kpi == key) & (f.period == "all") & (f.segment_value == "")]
        return None if rows.empty else rows.iloc[0]


def compute(data: Dataset, request: KpiRequest, settings: Settings) -> KpiCells:
    """Compute the requested KPIs; KPIs whose table is not loaded give no rows."""
    periods.check_grain(request.grain)
    unknown = [k for k in request.kpis if k not in KPIS]
    if unknown:
        raise ValueError(f"unknown KPI keys: {unknown}")
    if request.data_range is None:
        cov = coverage(data)
        known = (cov.first, cov.last) if cov.first and cov.last else None
    else:
        known = request.data_range
    here = in_zone(scoped(data, request.filters), settings, known or (request.start, request.end))
    here, sources = stand_ins(here)
    run = sources.frame
    first = max(request.start, known[0]) if known else request.start
    last = min(request.end, known[1]) if known else request.end
    groups: dict[tuple[TableKind, str], list[Kpi]] = {}
    for key in request.kpis:
        kpi = KPIS[key]
        if here.has(kpi.table):
            groups.setdefault((kpi.table, kpi.basis), []).append(kpi)
    parts = []
    for (kind, basis), kpis in groups.items():
        table = here.table(kind)
        if request.by and request.by not in table.columns and kind != TableKind.ACCOUNTS:
            raise UnknownColumnError(
                f"There is no column '{request.by}' in the {kind} data.",
                hint="Choose one of the segment columns listed on the Data page.",
            )
        if basis == "" and kind == TableKind.TICKETS:
            parts.append(states.backlog(table, request, _segments(run), first, last, run))
        elif basis == "":
            parts.append(states.churn(table, kpis, request, _segments(run), first, last, run))
        else:
            parts.append(_aggregate(table, basis, kpis, request, settings, first, last, run))
    parts = [p for p in parts if not p.empty]  # a filter can leave every table without rows
    frame = pd.concat(parts, ignore_index=True) if parts else None
    frame = _with_response_rate(frame, request, settings, here, first, last, run)
    if frame is None or frame.empty:
        frame = pd.DataFrame(columns=COLUMNS)
    if request.series:
        frame = densify(frame, request, first, last)
    else:  # backlog and churn come with their series: keep only the whole range
        frame = frame[frame["period"] == "all"]
    order = {k: i for i, k in enumerate(request.kpis)}
    frame = frame.assign(_k=frame["kpi"].map(order), _all=frame["period"] == "all").sort_values(
        ["_k", "segment", "segment_value", "_all", "period_start"], kind="stable"
    )
    frame = frame.drop(columns=["_k", "_all"]).reset_index(drop=True)
    frame["n"] = frame["n"].fillna(0).astype("int64")
    rating = frame["kpi"].isin(histograms.RATING_KPIS) & frame["hist"].isna()
    frame.loc[rating, "hist"] = pd.Series([{} for _ in range(int(rating.sum()))],
                                          index=frame.index[rating], dtype=object)  # fmt: skip
    return KpiCells(request, frame[COLUMNS])


def in_zone(data: Dataset, settings: Settings, span: tuple[date, date]) -> Dataset:
    """`data` with timestamps converted to `settings.timezone` (as written when None)."""
    if not settings.timezone:
        return data
    tables = {k: zones.localize(t, settings.timezone, *span) for k, t in data.tables.items()}
    return replace(data, tables=tables)


def _segments(run: Run):
    """The segment value per row for a request (see `segments.segment_value`), run by `run`."""

    def segment_expr(table: ibis.Table, request: KpiRequest, when: ibis.Value) -> ibis.Value:
        days = (request.start, request.end)
        return segment_value(table, request.by, request.top_n, when, days, run)

    return segment_expr


def _aggregate(
    table: ibis.Table,
    basis: str,
    kpis: list[Kpi],
    request: KpiRequest,
    settings: Settings,
    first: date,
    last: date,
    run: Run,
) -> pd.DataFrame:
    """One grouped query per period and one for the whole range, for KPIs sharing a date."""
    seg = _segments(run)(table, request, table[basis])
    q = queries.build(table, basis, kpis, request, settings, seg)
    by_period, whole = q.main.run(run)
    totals = q.totals.run(run) if q.totals else None
    out = long_rows(kpis, by_period, whole, totals, request, settings, first, last)
    return histograms.attach(out, None if q.hist is None else run(q.hist))


def _with_response_rate(
    frame: pd.DataFrame | None,
    request: KpiRequest,
    settings: Settings,
    data: Dataset,
    first: date,
    last: date,
    run: Run,
) -> pd.DataFrame | None:
    """Survey responses per resolved ticket: the denominator comes from the tickets table."""
    if frame is None or "survey_response_rate" not in request.kpis:
        return frame
    if not data.has(TableKind.TICKETS):
        return frame[frame.kpi != "survey_response_rate"]
    tickets = _aggregate(
        data.table(TableKind.TICKETS), "resolved_at", [KPIS["tickets_resolved"]], request,
        settings, first, last, run,
    )  # fmt: skip
    keys = ["period", "segment", "segment_value"]
    resolved = tickets.set_index(keys)["n"]
    mask = frame.kpi == "survey_response_rate"
    idx = pd.MultiIndex.from_frame(frame.loc[mask, keys])
    denominator = resolved.reindex(idx).to_numpy(dtype=float)
    frame.loc[mask, "denominator"] = denominator
    with np.errstate(divide="ignore", invalid="ignore"):
        rate = frame.loc[mask, "numerator"].to_numpy(float) / denominator
    # answers with no resolved ticket in the cell: no rate, not an infinite one
    frame.loc[mask, "value"] = np.where(denominator > 0, rate, np.nan)
    return frame
