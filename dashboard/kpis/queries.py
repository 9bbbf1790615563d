"""The queries of KPIs that share a table and a date, built once per request shape.

Building the Ibis expressions of a page's KPIs costs tens of milliseconds per table (hundreds
of expression nodes, each validated), and a filter change used to pay it again for the same
shapes. On the embedded backend the engine builds on stand-in tables (see `compiled`), so the
expressions do not depend on the filters: `Queries` is built once per table schema × date ×
KPIs × request shape × settings, kept in a small process-wide memo, and rerun on each new
filter. A memo of expressions over stand-ins holds no data; expressions over real tables
(other backends) are built every time, so no session's backend is kept alive by the memo.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Hashable
from dataclasses import dataclass
from threading import Lock
from typing import TypeVar

import ibis
import ibis.expr.operations as ops
import pandas as pd

from dashboard.config import Settings
from dashboard.kpis import histograms, periods
from dashboard.kpis.compiled import Run
from dashboard.kpis.measures import aggregates, row_columns
from dashboard.kpis.registry import Kpi
from dashboard.kpis.segments import bounds

NOT_ADDITIVE = ("__median", "__p90")
"""Statistics that are never pooled over periods: the whole range needs its own query."""

MEMO_SIZE = 256

T = TypeVar("T")
_memo: OrderedDict[Hashable, object] = OrderedDict()
_lock = Lock()


@dataclass(frozen=True, slots=True)
class Split:
    """One grouping's queries: per period plus the whole range's quantiles, or the whole range.

    Attributes:
        keys: grouping columns besides the period ([] for totals, ["_seg"] for a breakdown).
        metrics: names of the statistics every query returns.
        periods: statistics per period (× keys); None when only the whole range is asked.
        whole: over the whole range (× keys): every statistic when `periods` is None, else only
            the quantiles (the rest is the sum of the period rows).
    """

    keys: tuple[str, ...]
    metrics: tuple[str, ...]
    periods: ibis.Table | None
    whole: ibis.Table | None

    def run(self, run: Run) -> tuple[pd.DataFrame, pd.DataFrame]:
        """(per-period rows, whole-range rows) as frames, in one or two queries."""
        keys = list(self.keys)
        if self.periods is None:
            return pd.DataFrame(columns=["_period", *keys, *self.metrics]), run(self.whole)
        by_period = run(self.periods)
        quantiles = [m for m in self.metrics if m.endswith(NOT_ADDITIVE)]
        additive = by_period.drop(columns=["_period", *quantiles])
        if keys:
            whole = additive.groupby(keys, as_index=False).sum(min_count=1)
        else:
            whole = additive.sum(min_count=1).to_frame().T
        if self.whole is not None:
            q = run(self.whole)
            whole = whole.merge(q, on=keys) if keys else pd.concat([whole, q], axis=1)
        return by_period, whole


@dataclass(frozen=True, slots=True)
class Queries:
    """Everything the engine runs for KPIs sharing a table and date.

    Attributes:
        main: per segment value (or totals when there is no breakdown).
        totals: the totals beside a breakdown (None without one).
        hist: answers per score for the rating KPIs (None when none is asked).
    """

    main: Split
    totals: Split | None
    hist: ibis.Table | None


def build(
    table: ibis.Table,
    basis: str,
    kpis: list[Kpi],
    request,
    settings: Settings,
    seg: ibis.Value,
) -> Queries:
    """The queries of `kpis` on `table` dated by `basis`; reused when the shape was seen."""
    # what `_build` reads of the request; the breakdown column and its top N are in `seg`
    shape = (request.grain, request.start, request.end, bool(request.by), request.series)
    key = ("aggregate", basis, tuple(k.key for k in kpis), shape, settings, seg.op())
    return built(table, key, lambda: _build(table, basis, kpis, request, settings, seg))


def built(table: ibis.Table, key: tuple, make: Callable[[], T]) -> T:
    """`make()` for queries on `table`, reused for the same `key` when `table` is a stand-in."""
    if not isinstance(table.op(), ops.UnboundTable):
        return make()
    return reuse((table.op(), *key), make)


def reuse(key: Hashable, make: Callable[[], T]) -> T:
    """`make()`, or what it gave for the same key before (a bounded process-wide memo)."""
    with _lock:
        if key in _memo:
            _memo.move_to_end(key)
            return _memo[key]  # type: ignore[return-value]
    made = make()
    with _lock:
        _memo[key] = made
        while len(_memo) > MEMO_SIZE:
            _memo.popitem(last=False)
    return made


def _build(table, basis, kpis, request, settings, seg) -> Queries:
    cols: dict[str, ibis.Value] = {}
    for kpi in kpis:
        cols.update(row_columns(kpi, table, settings))
    rows = table.mutate(_when=table[basis], _seg=seg, **cols)
    start, after = bounds(request.start, request.end)
    rows = rows.filter(rows._when.notnull() & (rows._when >= start) & (rows._when < after))
    rows = rows.mutate(_period=periods.bucket(rows._when, request.grain))
    metrics: dict[str, ibis.Value] = {}
    for kpi in kpis:
        metrics.update(aggregates(kpi, rows, settings))
    main = _split(rows, ["_seg"] if request.by else [], metrics, request.series)
    totals = _split(rows, [], metrics, request.series) if request.by else None
    return Queries(main, totals, histograms.query(rows, kpis))


def _split(
    rows: ibis.Table, keys: list[str], metrics: dict[str, ibis.Value], series: bool
) -> Split:
    grouped = rows.group_by(keys) if keys else rows
    if not series:
        return Split(tuple(keys), tuple(metrics), None, grouped.aggregate(**metrics))
    by_period = rows.group_by(["_period", *keys]).aggregate(**metrics)
    quantiles = {m: e for m, e in metrics.items() if m.endswith(NOT_ADDITIVE)}
    whole = grouped.aggregate(**quantiles) if quantiles else None
    return Split(tuple(keys), tuple(metrics), by_period, whole)
