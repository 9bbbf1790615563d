"""View: what a manager is looking at — period, grain, comparison, filters and settings.

The sidebar builds one `View` per rerun from its widgets (whose values live in the URL, so a
copied link reopens the same view); pages pass it to the engines. `describe` is the subtitle
every chart and download carries, so a screenshot in a slide still says what it shows.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from enum import StrEnum
from typing import Protocol

from dashboard.config import Settings


class HasRange(Protocol):
    """Anything with the first and last day that has data (`dashboard.coverage.Coverage`)."""

    first: date | None
    last: date | None


class Preset(StrEnum):
    """Period presets, counted back from the last day that has data (not from today)."""

    LAST_7 = "last_7_days"
    LAST_30 = "last_30_days"
    LAST_90 = "last_90_days"
    THIS_MONTH = "this_month"
    LAST_MONTH = "last_month"
    THIS_QUARTER = "this_quarter"
    LAST_QUARTER = "last_quarter"
    YEAR_TO_DATE = "year_to_date"
    ALL = "all"
    CUSTOM = "custom"


PRESET_LABELS: dict[Preset, str] = {
    Preset.LAST_7: "Last 7 days",
    Preset.LAST_30: "Last 30 days",
    Preset.LAST_90: "Last 90 days",
    Preset.THIS_MONTH: "Latest month",
    Preset.LAST_MONTH: "Month before the latest",
    Preset.THIS_QUARTER: "Latest quarter",
    Preset.LAST_QUARTER: "Quarter before the latest",
    Preset.YEAR_TO_DATE: "Year to date",
    Preset.ALL: "All data",
    Preset.CUSTOM: "Custom range",
}


class Comparison(StrEnum):
    """What the current period is compared with."""

    PREVIOUS = "previous"  # the period of equal length just before
    LAST_YEAR = "last_year"  # the same dates one year earlier
    NONE = "none"


COMPARISON_LABELS: dict[Comparison, str] = {
    Comparison.PREVIOUS: "Previous period",
    Comparison.LAST_YEAR: "Same period last year",
    Comparison.NONE: "No comparison",
}

GRAIN_LABELS: dict[str, str] = {
    "day": "Day",
    "week": "Week",
    "month": "Month",
    "quarter": "Quarter",
    "year": "Year",
}


@dataclass(frozen=True, slots=True)
class View:
    """One screen's question: which dates, at what grain, against what, for which segments.

    Attributes:
        start: first day shown (inclusive).
        end: last day shown (inclusive).
        grain: "day", "week", "month", "quarter" or "year".
        comparison: what the period is compared with.
        compare_start, compare_end: the comparison period's days (None without comparison).
        filters: segment column -> allowed values (empty: no filter).
        labels: segment column -> display label, for descriptions.
        settings: KPI variants and statistical settings.
        presenting: presentation mode (large type, no sidebar).
        compare_note: why there is no comparison period although one was chosen ("" else).
    """

    start: date
    end: date
    grain: str = "week"
    comparison: Comparison = Comparison.PREVIOUS
    compare_start: date | None = None
    compare_end: date | None = None
    filters: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    labels: Mapping[str, str] = field(default_factory=dict)
    settings: Settings = field(default_factory=Settings)
    presenting: bool = False
    compare_note: str = ""

    def describe(self) -> str:
        """'1 Sep – 30 Nov 2024 · by week · Team: Billing, Tier 2' (period, grain, filters)."""
        parts = [f"{span(self.start, self.end)} · by {self.grain}"]
        for column, values in self.filters.items():
            if values:
                shown = ", ".join(values[:3]) + (f" +{len(values) - 3}" if len(values) > 3 else "")
                parts.append(f"{self.labels.get(column, column)}: {shown}")
        return " · ".join(parts)

    def describe_comparison(self) -> str:
        """'vs 1 Jun – 31 Aug 2024', a short note when the chosen one was dropped, else ""."""
        if self.compare_start is None or self.compare_end is None:
            return "· no comparison (its period is before the data)" if self.compare_note else ""
        return f"vs {span(self.compare_start, self.compare_end)}"

    def why_no_comparison(self) -> str:
        """The sentence shown where a comparison was expected and there is none."""
        if self.compare_note:
            return f"{self.compare_note[0].upper()}{self.compare_note[1:]}."
        return "Choose a comparison period in the sidebar to see what changed."


def span(start: date, end: date) -> str:
    """A date range written the short way: '3–9 Mar 2024', '1 Sep – 30 Nov 2024'."""
    if start == end:
        return f"{start.day} {start:%b %Y}"
    if (start.year, start.month) == (end.year, end.month):
        return f"{start.day}–{end.day} {end:%b %Y}"
    if start.year == end.year:
        return f"{start.day} {start:%b} – {end.day} {end:%b %Y}"
    return f"{start.day} {start:%b %Y} – {end.day} {end:%b %Y}"


def resolve(
    preset: Preset,
    cov: HasRange,
    custom: tuple[date, date] | None,
    comparison: Comparison,
) -> tuple[date, date, date | None, date | None]:
    """The shown days and the comparison days for a preset, counted back from the data's end.

    "Latest month" is the calendar month of the last day with data (partial when the export
    stops mid-month: the KPI engine flags it). The previous period has the same length and
    ends the day before; "last year" shifts both ends by one year (29 Feb -> 28 Feb).
    """
    last = cov.last or date.today()
    first = cov.first or last
    start, end = _preset_days(preset, first, last, custom)
    start = max(start, first) if end >= first else start  # no empty stretch before the data
    if comparison == Comparison.NONE:
        return start, end, None, None
    if comparison == Comparison.LAST_YEAR:
        return start, end, _year_back(start), _year_back(end)
    length = (end - start).days + 1
    if preset in (Preset.THIS_MONTH, Preset.LAST_MONTH):
        prev_end = start - timedelta(days=1)
        return start, end, prev_end.replace(day=1), prev_end
    if preset in (Preset.THIS_QUARTER, Preset.LAST_QUARTER):
        prev_end = start - timedelta(days=1)
        return start, end, _quarter_start(prev_end), prev_end
    return start, end, start - timedelta(days=length), start - timedelta(days=1)


def within_data(
    compare_start: date | None, compare_end: date | None, cov: HasRange
) -> tuple[date | None, date | None, str]:
    """The comparison days, or none with the reason when they all fall before the data starts.

    "All data" against the previous period, or "last year" on an export of a few months,
    compares with days that hold no ticket: every count reads 0 and a rate 0 %, and a test
    would call the rise from nothing real. Nothing is compared then, and the reason is shown.
    """
    if compare_start is None or compare_end is None or cov.first is None:
        return compare_start, compare_end, ""
    if compare_end >= cov.first:
        return compare_start, compare_end, ""
    note = (f"no comparison: {span(compare_start, compare_end)} is before the data starts "
            f"({span(cov.first, cov.first)}); choose a later period or no comparison")  # fmt: skip
    return None, None, note


def _preset_days(
    preset: Preset, first: date, last: date, custom: tuple[date, date] | None
) -> tuple[date, date]:
    days = {Preset.LAST_7: 7, Preset.LAST_30: 30, Preset.LAST_90: 90}
    if preset in days:
        return last - timedelta(days=days[preset] - 1), last
    if preset == Preset.THIS_MONTH:
        return last.replace(day=1), last
    if preset == Preset.LAST_MONTH:
        end = last.replace(day=1) - timedelta(days=1)
        return end.replace(day=1), end
    if preset == Preset.THIS_QUARTER:
        return _quarter_start(last), last
    if preset == Preset.LAST_QUARTER:
        end = _quarter_start(last) - timedelta(days=1)
        return _quarter_start(end), end
    if preset == Preset.YEAR_TO_DATE:
        return last.replace(month=1, day=1), last
    if preset == Preset.CUSTOM and custom:
        return min(custom), max(custom)
    return first, last


def _quarter_start(day: date) -> date:
    return date(day.year, 3 * ((day.month - 1) // 3) + 1, 1)


def _year_back(day: date) -> date:
    if day.month == 2 and day.day == 29:
        return date(day.year - 1, 2, 28)
    return day.replace(year=day.year - 1)
