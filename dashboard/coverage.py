"""What a dataset covers: its date range and the values of each segment column.

The sidebar needs both before any KPI is computed: presets count back from the last day with
data (a year-old export must not open on an empty "last 30 days"), and filters offer the values
that really occur, most frequent first.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pandas as pd

from dashboard.schema import MAIN_DATE, TableKind
from dashboard.store import Dataset

MAX_FILTER_VALUES = 500


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

    Account start dates reach back years before the first ticket; counting them would open
    the app on an empty stretch.
    """
    firsts: list[date] = []
    lasts: list[date] = []
    rows: dict[str, int] = {}
    for kind, table in data.tables.items():
        column = table[MAIN_DATE[kind]]
        out = table.aggregate(lo=column.min(), hi=column.max(), n=table.count()).to_pandas()
        rows[str(kind)] = int(out["n"].iloc[0])
        lo, hi = out["lo"].iloc[0], out["hi"].iloc[0]
        is_activity = kind != TableKind.ACCOUNTS or len(data.tables) == 1
        if is_activity and pd.notna(lo) and pd.notna(hi):
            firsts.append(pd.Timestamp(lo).date())
            lasts.append(pd.Timestamp(hi).date())
    return Coverage(min(firsts, default=None), max(lasts, default=None), rows)


def segment_values(data: Dataset, column: str, kind: TableKind = TableKind.TICKETS) -> list[str]:
    """Distinct non-empty values of one segment column, most frequent first."""
    if column not in data.columns(kind):
        return []
    table = data.table(kind)
    present = table.filter(table[column].notnull())
    counts = present.group_by(value=present[column].cast("string")).aggregate(n=present.count())
    frame = counts.order_by([counts.n.desc(), counts.value]).limit(MAX_FILTER_VALUES).to_pandas()
    return [str(v) for v in frame["value"]]
