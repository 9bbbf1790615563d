"""What the date layouts made of a column's values, and the day/month order decided from it.

`parse_dates` reads every distinct value with each layout it finds and records the readings in
a `Reading`; the functions here decide from those readings whether the column is day-first,
month-first or mixed, say why, and describe the forms that read it.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Literal

import numpy as np

from dashboard.parse.date_formats import NAT, Layout, day_of_month

Order = Literal["auto", "dayfirst", "monthfirst"]
ORDER_WORDS = {
    "dayfirst": "day-first dates",
    "monthfirst": "month-first dates",
    "iso": "ISO dates",
    "mixed": "day-first and month-first dates mixed",
}


@dataclass(slots=True)
class Reading:
    """What the layouts made of each distinct value (NaT = not read that way)."""

    fixed: np.ndarray  # unambiguous readings: ISO, year-first, month names
    first: np.ndarray  # day/month layouts read day-first
    second: np.ndarray  # ... and read month-first
    layout_id: np.ndarray  # int: index in `layouts` of what read each value, -1 if unread
    layouts: list[Layout | str]  # Layout objects, or _ISO

    @classmethod
    def empty(cls, n: int) -> Reading:
        nat = np.full(n, NAT)
        return cls(nat, nat.copy(), nat.copy(), np.full(n, -1, dtype=np.int32), [])

    def mark(self, where: np.ndarray, layout: Layout | str) -> None:
        """Record that `layout` read the values at `where`."""
        if layout not in self.layouts:
            self.layouts.append(layout)
        self.layout_id[where] = self.layouts.index(layout)

    def rows_per_layout(
        self, counts: np.ndarray, among: np.ndarray
    ) -> list[tuple[Layout | str, int]]:
        """(layout, rows) for the values selected by `among`, most rows first."""
        ids = self.layout_id[among]
        per = np.bincount(
            ids[ids >= 0], weights=counts[among][ids >= 0], minlength=len(self.layouts)
        )
        ranked = sorted(range(len(self.layouts)), key=lambda i: -per[i])
        return [(self.layouts[i], int(per[i])) for i in ranked if per[i] > 0]


def dmy_order(reading: Reading, is_dmy: np.ndarray, order: Order) -> tuple[str, str, bool]:
    """Day-first, month-first or mixed for the n/n/n values; the reason; whether assumed."""
    first_ok, second_ok = ~np.isnat(reading.first), ~np.isnat(reading.second)
    # A value read day-first with a day above 12 has a first field above 12; one that reads
    # month-first but not day-first has a second field above 12 (any day <= 12 is valid).
    high_first = bool(np.any(first_ok & (day_of_month(reading.first) > 12)))
    high_second = bool(np.any(second_ok & ~first_ok))
    if high_first and high_second:
        return "mixed", "; first and second fields both exceed 12 in places", False
    if high_first:
        return "dayfirst", "; decided by a first field above 12", False
    if high_second:
        return "monthfirst", "; decided by a second field above 12", False
    if not is_dmy.any():
        return "dayfirst", "", False
    if order != "auto":
        return order, f"; no field above 12, so {order} as asked", True
    ones = np.ones(len(is_dmy))
    top = reading.rows_per_layout(ones, is_dmy)[0][0]
    assert isinstance(top, Layout)
    sep, ampm = top.sep, top.has_ampm
    if sep == "/" and ampm:
        return "monthfirst", "; assumed: no field above 12, '/' with AM/PM (en_US)", True
    return "dayfirst", f"; assumed: no field above 12, '{sep}' dates default to day-first", True


def resolved_order(reading: Reading, is_dmy: np.ndarray, chosen: str, counts: np.ndarray) -> str:
    """The column's order label: the kind covering the most rows ('mixed' always wins)."""
    if chosen == "mixed" and is_dmy.any():
        return "mixed"
    tally: Counter[str] = Counter()
    for lay, rows in reading.rows_per_layout(counts, reading.layout_id >= 0):
        if isinstance(lay, str) or lay.kind == "ymd":
            tally["iso"] += rows
        elif lay.kind == "dmy":
            tally[chosen] += rows
        else:
            tally["dayfirst" if lay.kind == "mon_dmy" else "monthfirst"] += rows
    return tally.most_common(1)[0][0] if tally else "unknown"


def order_note(
    reading: Reading, ok: np.ndarray, chosen: str, counts: np.ndarray, resolved: str
) -> str:
    """'day-first dates (dd.mm.yyyy HH:MM)' from the layouts that read the most rows."""
    if not ok.any():
        return "no dates read"
    a, b = ("mm", "dd") if chosen == "monthfirst" else ("dd", "mm")
    labels = [
        lay if isinstance(lay, str) else lay.describe.replace("{a}", a).replace("{b}", b)
        for lay, _ in reading.rows_per_layout(counts, ok)
    ]
    forms = ", ".join(dict.fromkeys(labels[:3]))
    return f"{ORDER_WORDS.get(resolved, 'dates')} ({forms})"
