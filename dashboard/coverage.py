"""What a dataset covers: its date range and the values of each segment column.

The sidebar needs both before any KPI is computed: presets count back from the last day with
data (a year-old export must not open on an empty "last 30 days"), and filters offer the values
that really occur, most frequent first.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

import pandas as pd

from dashboard.schema import MAIN_DATE, TableKind
from dashboard.store import Dataset

MAX_FILTER_VALUES = 500

LATER_DATE: dict[TableKind, str] = {TableKind.TICKETS: "resolved_at"}
"""A date that can fall after the main one: a ticket created on the export's last day is often
resolved days later, and a range that ended on the last creation would leave those resolutions
out of every KPI dated by resolution (tickets resolved, resolution time, FCR...)."""

MAX_LATER = timedelta(days=366)
"""How far past the last main date a later date may stretch the range: one mistyped year
(2204 for 2024) must not open the app on two centuries of empty periods."""


@dataclass(frozen=True, slots=True)
class Coverage:
    """First and last day with data over all loaded tables, and row counts per kind."""

    first: date | None
    last: date | None
    rows: dict[str, int]

    @property
    def is_empty(self) -> bool:
        """No dated row anywhere."""
        return self.first is None or self.last is None


def coverage(data: Dataset) -> Coverage:
    """Date range over the activity tables (accounts only when nothing else is loaded).

    The range ends on the last day anything happened: a resolution after the last creation
    counts (see `LATER_DATE`). Account start dates reach back years before the first ticket;
    counting them would open the app on an empty stretch.
    """
    firsts: list[date] = []
    lasts: list[date] = []
    rows: dict[str, int] = {}
    for kind, table in data.tables.items():
        column = table[MAIN_DATE[kind]]
        stats = {"lo": column.min(), "hi": column.max(), "n": table.count()}
        if LATER_DATE.get(kind) in table.columns:
            stats["later"] = table[LATER_DATE[kind]].max()
        out = table.aggregate(**stats).to_pandas()
        rows[str(kind)] = int(out["n"].iloc[0])
        lo, hi = out["lo"].iloc[0], out["hi"].iloc[0]
        is_activity = kind != TableKind.ACCOUNTS or len(data.tables) == 1
        if is_activity and pd.notna(lo) and pd.notna(hi):
            firsts.append(pd.Timestamp(lo).date())
            lasts.append(_last_day(pd.Timestamp(hi).date(), out.get("later")))
    return Coverage(min(firsts, default=None), max(lasts, default=None), rows)


def _last_day(main: date, later: pd.Series | None) -> date:
    """The last main date, or a later date within `MAX_LATER` of it."""
    if later is None or pd.isna(later.iloc[0]):
        return main
    return max(main, min(pd.Timestamp(later.iloc[0]).date(), main + MAX_LATER))


def segment_values(data: Dataset, column: str, kind: TableKind = TableKind.TICKETS) -> list[str]:
    """Distinct non-empty values of one segment column, most frequent first."""
    if column not in data.columns(kind):
        return []
    table = data.table(kind)
    present = table.filter(table[column].notnull())
    counts = present.group_by(value=present[column].cast("string")).aggregate(n=present.count())
    frame = counts.order_by([counts.n.desc(), counts.value]).limit(MAX_FILTER_VALUES).to_pandas()
    return [str(v) for v in frame["value"]]
