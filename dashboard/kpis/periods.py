"""Periods: day, ISO week (Monday), month, quarter, year — as Ibis buckets and as labels.

The engine buckets rows with `bucket` (a timestamp truncation, which every Ibis backend can
run); labels are made afterwards on the few aggregated rows: "2024-01-05", "2024-W05",
"2024-01", "2024-Q1", "2024". A period is partial when the requested range or the data cuts it,
so half a week is never compared with a full one unflagged.

Presets (last 7/30/90 days, this/last month and quarter, year to date, custom) and comparison
periods (previous, same period last year) are resolved in `dashboard.view.resolve`, counted
back from the last day with data; this module only cuts a range into periods.
"""

from __future__ import annotations

from datetime import date, timedelta

import ibis
import pandas as pd

GRAINS = ("day", "week", "month", "quarter", "year")
_UNIT = {"day": "D", "week": "W", "month": "M", "quarter": "Q", "year": "Y"}


def check_grain(grain: str) -> str:
    """The grain, or a ValueError naming the allowed ones."""
    if grain not in GRAINS:
        raise ValueError(f"unknown grain {grain!r}; use one of {', '.join(GRAINS)}")
    return grain


def bucket(ts: ibis.TimestampValue, grain: str) -> ibis.TimestampValue:
    """The start of the period holding `ts` (weeks start on Monday, ISO 8601)."""
    return ts.truncate(_UNIT[check_grain(grain)])


def start_of(day: date | pd.Timestamp, grain: str) -> pd.Timestamp:
    """The first day of the period holding `day`."""
    t = pd.Timestamp(day).normalize()
    if grain == "day":
        return t
    if grain == "week":
        return t - pd.Timedelta(days=t.weekday())
    if grain == "month":
        return t.replace(day=1)
    if grain == "quarter":
        return pd.Timestamp(t.year, 3 * ((t.month - 1) // 3) + 1, 1)
    return pd.Timestamp(t.year, 1, 1)


def next_start(start: pd.Timestamp, grain: str) -> pd.Timestamp:
    """The first day of the following period (the exclusive end of this one)."""
    offsets = {
        "day": pd.DateOffset(days=1),
        "week": pd.DateOffset(weeks=1),
        "month": pd.DateOffset(months=1),
        "quarter": pd.DateOffset(months=3),
        "year": pd.DateOffset(years=1),
    }
    return pd.Timestamp(start) + offsets[check_grain(grain)]


def label(start: pd.Timestamp, grain: str) -> str:
    """The period's label: "2024-01-05", "2024-W05", "2024-01", "2024-Q1" or "2024"."""
    t = pd.Timestamp(start)
    if grain == "day":
        return f"{t:%Y-%m-%d}"
    if grain == "week":
        year, week, _ = t.isocalendar()
        return f"{year}-W{week:02d}"
    if grain == "month":
        return f"{t:%Y-%m}"
    if grain == "quarter":
        return f"{t.year}-Q{(t.month - 1) // 3 + 1}"
    return f"{t.year}"


def starts(first: date, last: date, grain: str) -> list[pd.Timestamp]:
    """Start of every period touching the days `first` to `last` (inclusive)."""
    out, t = [], start_of(first, grain)
    end = pd.Timestamp(last)
    while t <= end:
        out.append(t)
        t = next_start(t, grain)
    return out


def is_partial(start: pd.Timestamp, grain: str, first: date, last: date) -> bool:
    """True when [first, last] (the range and the data, intersected) does not cover the period."""
    end = next_start(start, grain)
    return bool(pd.Timestamp(first) > start or pd.Timestamp(last) + timedelta(days=1) < end)
