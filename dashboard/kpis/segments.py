"""Segments: the value each row is counted under when a KPI is broken down by a column.

Filters (column -> allowed values) are applied once by `dashboard.scope.scoped`, so every
engine sees the same rows. A breakdown shows the `top_n` most frequent values by name (ranked
on the rows in the requested range, ties by name) and pools the rest as "(other)", so forty thin
agents don't bury the chart; missing values are "(blank)" rather than dropped, so the segments
still add up to the total.
"""

from __future__ import annotations

from datetime import date, timedelta

import ibis

from dashboard.kpis.compiled import Run, run_plain

OTHER = "(other)"
BLANK = "(blank)"


def segment_value(
    table: ibis.Table,
    by: str | None,
    top_n: int | None,
    when: ibis.Value,
    days: tuple[date, date],
    run: Run = run_plain,
) -> ibis.Value:
    """The segment value per row: top-N values by name, the rest "(other)", nulls "(blank)".

    Ranking the values costs one small grouped query; without `top_n` every value is shown.
    """
    if not by:
        return ibis.literal("")
    value = table[by].cast("string").fill_null(BLANK)
    if not top_n:
        return value
    start, after = bounds(*days)
    inside = table.filter((when >= start) & (when < after))
    counts = inside.group_by(v=value).aggregate(n=inside.count())
    top = run(counts.order_by([ibis.desc("n"), "v"]).limit(top_n))["v"]
    return ibis.ifelse(value.isin(list(top)), value, ibis.literal(OTHER))


def bounds(start: date, end: date) -> tuple[ibis.Value, ibis.Value]:
    """Midnight starting `start` and midnight after `end`: the range as [lo, hi) timestamps."""
    after = end + timedelta(days=1)
    return (
        ibis.timestamp(f"{start.isoformat()} 00:00:00"),
        ibis.timestamp(f"{after.isoformat()} 00:00:00"),
    )
