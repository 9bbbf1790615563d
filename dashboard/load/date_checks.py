"""Checks and repairs across the date columns of one file, after each column is parsed.

Each column's dates are read on their own values (`parse.dates`); these steps look at the
columns together: one day/month order per file, resolution dates from resolution minutes,
times before the creation, and dates no export should hold (before 1990, in the future).
"""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pandas as pd

from dashboard.ingest import RawTable
from dashboard.load.columns import ParsedColumn, parse_column
from dashboard.parse.common import failure_note
from dashboard.sources.model import ParseAs, TableMapping

EARLIEST_LIKELY = np.datetime64("1990-01-01", "us")


def unlikely_dates(mapping: TableMapping, parsed: dict[str, ParsedColumn]) -> list[str]:
    """Notes for dates before 1990 or after tomorrow: kept, but they usually mean a broken
    column (Unix time 0, a mistyped year) and otherwise stretch every chart silently."""
    latest = np.datetime64(pd.Timestamp.now().normalize() + pd.Timedelta(days=2), "us")
    notes = []
    for spec in mapping.columns:
        if spec.parse_as != ParseAs.DATETIME:
            continue
        stamps = parsed[spec.canonical].values.to_numpy(dtype="datetime64[us]")
        known = ~np.isnat(stamps)
        early = int((known & (stamps < EARLIEST_LIKELY)).sum())
        late = int((known & (stamps > latest)).sum())
        parts = ([f"{early:,} before 1990"] if early else []) + (
            [f"{late:,} in the future"] if late else [])  # fmt: skip
        if parts:
            notes.append(f"'{spec.header}': {' and '.join(parts)}; kept as written, but check "
                         "the column (a wrong date column or a mistyped year?).")  # fmt: skip
    return notes


def one_date_order(
    raw: RawTable, mapping: TableMapping, parsed: dict[str, ParsedColumn]
) -> None:
    """Read every date column of a file in the order its data settles, when one column does.

    An export writes all its dates one way, but each column is decided on its own values: in a
    US file whose tickets were all opened on 1-12 March and closed up to the 20th, the closing
    dates say month-first while the opening dates, none above 12, were taken as day-first,
    spreading March's tickets over the year. So a column whose order was only assumed is read
    again in the order another date column settled (when those columns agree).
    """
    dated = [s for s in mapping.columns if s.parse_as == ParseAs.DATETIME]
    orders = ("dayfirst", "monthfirst")
    settling = {
        s.header: parsed[s.canonical].order
        for s in dated
        if not parsed[s.canonical].is_order_assumed and parsed[s.canonical].order in orders
    }
    if len(set(settling.values())) != 1:
        return
    by, order = next(iter(settling.items()))
    for spec in dated:
        col = parsed[spec.canonical]
        if col.is_order_assumed and col.order in orders and col.order != order:
            again = parse_column(raw.frame[spec.header], spec, order=order)
            note = (f"{again.note.split(';')[0]}; no field above 12, so read like '{by}', "
                    f"whose dates settle it{failure_note(again.failed)}")  # fmt: skip
            parsed[spec.canonical] = replace(again, note=note)


def resolved_from_minutes(columns: dict[str, pd.Series]) -> str:
    """Resolution times from the creation plus the resolution minutes, when no date is given.

    An export with "Resolution time (minutes)" and no resolution date had every ticket open
    in the backlog and none resolved. Calendar minutes only (business minutes skip nights and
    weekends, so they date nothing). Returns the note to show ("" when nothing was derived).
    """
    if "resolved_at" in columns or "created_at" not in columns:
        return ""
    minutes = columns.get("resolution_minutes")
    if minutes is None or not minutes.notna().any():
        return ""
    shift = pd.to_timedelta(minutes.astype("float64"), unit="m")
    columns["resolved_at"] = (columns["created_at"] + shift).astype("datetime64[us]")
    n = int(columns["resolved_at"].notna().sum())
    return (f"Resolution dates derived from the creation time plus the resolution minutes "
            f"({n:,} tickets), as the file has no resolution date")  # fmt: skip


LATER_STAMPS = ("first_response_at", "resolved_at")
"""Ticket times that cannot come before the creation; a duration from them would be negative."""


def before_creation(parsed: dict[str, ParsedColumn], used: np.ndarray) -> dict[str, np.ndarray]:
    """Per ticket time column, the used rows replied to or resolved before their creation.

    Their response or resolution time would be negative, so the KPIs leave them out; without
    a count that was silent, and swapped or shifted dates hide whole files behind it. The
    caller counts them as a warning (the rows are kept).
    """
    if "created_at" not in parsed:
        return {}
    created = parsed["created_at"].values.to_numpy(dtype="datetime64[us]")
    found = {}
    for canonical in LATER_STAMPS:
        if canonical not in parsed:
            continue
        later = parsed[canonical].values.to_numpy(dtype="datetime64[us]")
        early = used & ~np.isnat(later) & ~np.isnat(created) & (later < created)
        if early.any():
            found[canonical] = early
    return found
