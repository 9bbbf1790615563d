"""A dataset narrowed to the segments (and optionally the dates) a manager is looking at.

The engines take a `Dataset`; filtering it once here means every engine (gap, churn, drill-down)
sees the same rows for the same sidebar filters, and nobody re-implements filtering. Tables stay
lazy Ibis expressions: nothing is computed until an engine aggregates.

A filter applies to every table that has the column (surveys and reviews inherit the ticket's
segments, so "Team: Billing" narrows all three). Dates narrow each table on its main date;
accounts keep their history (churn needs the accounts active before the period).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace
from datetime import date, timedelta

import ibis

from dashboard.schema import MAIN_DATE, TableKind
from dashboard.store import Dataset


def scoped(
    data: Dataset,
    filters: Mapping[str, Sequence[str]],
    start: date | None = None,
    end: date | None = None,
) -> Dataset:
    """`data` with segment filters, and the [start, end] days when given, applied lazily."""
    tables = {}
    for kind, table in data.tables.items():
        for column, values in filters.items():
            if values and column in table.columns:
                table = table.filter(table[column].cast("string").isin(list(values)))
        if kind != TableKind.ACCOUNTS and (start or end):
            table = _between(table, MAIN_DATE[kind], start, end)
        tables[kind] = table
    return replace(data, tables=tables)


def _between(table: ibis.Table, column: str, start: date | None, end: date | None) -> ibis.Table:
    """Rows whose `column` falls on the days from `start` to `end` inclusive."""
    when = table[column]
    if start is not None:
        table = table.filter(when >= ibis.timestamp(f"{start.isoformat()} 00:00:00"))
    if end is not None:
        after = end + timedelta(days=1)
        table = table.filter(when < ibis.timestamp(f"{after.isoformat()} 00:00:00"))
    return table
