"""Period presets resolve against the data's last day; comparisons have the right length."""

from __future__ import annotations

from datetime import date

import pytest

from dashboard.config import Settings
from dashboard.coverage import Coverage
from dashboard.overview import headline
from dashboard.view import Comparison, Preset, View, resolve, span, within_data

COV = Coverage(first=date(2024, 1, 3), last=date(2024, 11, 20), rows={})


@pytest.mark.parametrize(
    ("preset", "start", "end"),
    [
        (Preset.LAST_7, date(2024, 11, 14), date(2024, 11, 20)),
        (Preset.LAST_30, date(2024, 10, 22), date(2024, 11, 20)),
        (Preset.LAST_90, date(2024, 8, 23), date(2024, 11, 20)),
        (Preset.THIS_MONTH, date(2024, 11, 1), date(2024, 11, 20)),
        (Preset.LAST_MONTH, date(2024, 10, 1), date(2024, 10, 31)),
        (Preset.THIS_QUARTER, date(2024, 10, 1), date(2024, 11, 20)),
        (Preset.LAST_QUARTER, date(2024, 7, 1), date(2024, 9, 30)),
        (Preset.YEAR_TO_DATE, date(2024, 1, 3), date(2024, 11, 20)),  # clipped to the data
        (Preset.ALL, date(2024, 1, 3), date(2024, 11, 20)),
    ],
)
def test_presets_count_back_from_the_last_day_with_data(preset, start, end) -> None:
    got = resolve(preset, COV, None, Comparison.NONE)
    assert got == (start, end, None, None)


def test_previous_period_has_the_same_length_and_ends_the_day_before() -> None:
    start, end, c_start, c_end = resolve(Preset.LAST_30, COV, None, Comparison.PREVIOUS)
    assert (c_start, c_end) == (date(2024, 9, 22), date(2024, 10, 21))
    assert (c_end - c_start) == (end - start)


def test_previous_month_and_quarter_are_calendar_periods() -> None:
    assert resolve(Preset.LAST_MONTH, COV, None, Comparison.PREVIOUS)[2:] == (
        date(2024, 9, 1),
        date(2024, 9, 30),
    )
    assert resolve(Preset.LAST_QUARTER, COV, None, Comparison.PREVIOUS)[2:] == (
        date(2024, 4, 1),
        date(2024, 6, 30),
    )


def test_same_period_last_year_handles_29_february() -> None:
    cov = Coverage(first=date(2023, 1, 1), last=date(2024, 2, 29), rows={})
    got = resolve(Preset.LAST_7, cov, None, Comparison.LAST_YEAR)
    assert got == (date(2024, 2, 23), date(2024, 2, 29), date(2023, 2, 23), date(2023, 2, 28))


def test_custom_range_is_ordered() -> None:
    custom = (date(2024, 5, 31), date(2024, 5, 1))
    got = resolve(Preset.CUSTOM, COV, custom, Comparison.PREVIOUS)
    assert got == (date(2024, 5, 1), date(2024, 5, 31), date(2024, 3, 31), date(2024, 4, 30))


def test_describe_names_period_grain_and_filters() -> None:
    view = View(
        start=date(2024, 9, 1),
        end=date(2024, 11, 30),
        grain="week",
        filters={"team": ("Billing", "Tier 2", "Onboarding", "VIP")},
        labels={"team": "Team"},
        settings=Settings(),
        compare_start=date(2024, 6, 1),
        compare_end=date(2024, 8, 31),
    )
    assert view.describe() == "1 Sep – 30 Nov 2024 · by week · Team: Billing, Tier 2, Onboarding +1"
    assert view.describe_comparison() == "vs 1 Jun – 31 Aug 2024"


def test_span_short_forms() -> None:
    assert span(date(2024, 3, 3), date(2024, 3, 9)) == "3–9 Mar 2024"
    assert span(date(2024, 3, 3), date(2024, 3, 3)) == "3 Mar 2024"
    assert span(date(2023, 12, 30), date(2024, 1, 5)) == "30 Dec 2023 – 5 Jan 2024"


def test_a_comparison_before_the_data_starts_is_dropped_with_its_reason() -> None:
    """'All data' against the previous period compared with days holding no ticket, and the
    Overview called a churn rise from 0 % real (found by a new-user run on the sample)."""
    start, end, c_start, c_end = resolve(Preset.ALL, COV, None, Comparison.PREVIOUS)
    assert c_end < COV.first
    c_start, c_end, note = within_data(c_start, c_end, COV)
    assert (c_start, c_end) == (None, None)
    assert note.startswith("no comparison: 14 Feb 2023 – 2 Jan 2024 is before the data starts")
    view = View(start, end, compare_note=note)
    assert view.describe_comparison() == "· no comparison (its period is before the data)"
    assert headline([], view.why_no_comparison()) == view.why_no_comparison()
    assert view.why_no_comparison().startswith("No comparison: 14 Feb 2023")


def test_a_comparison_that_reaches_into_the_data_is_kept() -> None:
    _, _, c_start, c_end = resolve(Preset.LAST_90, COV, None, Comparison.PREVIOUS)
    assert within_data(c_start, c_end, COV) == (c_start, c_end, "")
    assert View(date(2024, 1, 3), date(2024, 1, 9)).why_no_comparison().startswith("Choose")
