"""parse_durations and duration_unit_from_header."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dashboard.parse import duration_unit_from_header, parse_durations


def _text(values: list[str | None]) -> pd.Series:
    return pd.Series(values, dtype="string")


def _minutes(res) -> list[float | None]:
    return [None if pd.isna(v) else float(v) for v in res.values]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("49:12:03", 49 * 60 + 12 + 3 / 60),  # hours past 24 (Freshdesk business hours)
        ("00:00:30.5", 30.5 / 60),
        ("03:15", 195.0),  # two-part clock is hours:minutes
        ("-03:15", -195.0),  # Jira SLA remaining time: breached, kept negative
        ("1 day 02:03:04", 1440 + 123 + 4 / 60),
        ("2 days, 00:30:00", 2 * 1440 + 30),
        ("1h 23m", 83.0),
        ("2d 4h", 2 * 1440 + 240),
        ("45s", 0.75),
        ("1 hour 5 minutes", 65.0),
        ("1,5 h", 90.0),
    ],
)
def test_self_describing_text_ignores_the_unit(text: str, expected: float) -> None:
    for unit in ("seconds", "auto"):
        res = parse_durations(_text([text]), unit=unit)
        assert _minutes(res) == [pytest.approx(expected)], unit


@pytest.mark.parametrize(
    ("unit", "text", "expected"),
    [
        ("seconds", "3600", 60.0),  # Intercom, ServiceNow calendar_stc
        ("minutes", "90", 90.0),  # Zendesk
        ("minutes", "12,5", 12.5),  # decimal comma
        ("hours", "1.5", 90.0),  # Freshservice decimal hours, Zendesk "Resolution time"
        ("days", "0.5", 720.0),
    ],
)
def test_plain_numbers_take_the_unit(unit, text, expected) -> None:
    assert _minutes(parse_durations(_text([text]), unit=unit)) == [pytest.approx(expected)]


def test_plain_numbers_without_a_unit_fail() -> None:
    res = parse_durations(_text(["90", "01:30:00"]), unit="auto")
    assert res.failed.tolist() == [True, False] and "without a unit" in res.note


def test_failures_and_empties_on_a_mixed_column() -> None:
    values = ["01:00:00", None, "", "soon", "1h foo", "12:75", "5"]
    res = parse_durations(_text(values), unit="minutes")
    assert res.failed.tolist() == [False, False, False, True, True, True, False]
    assert _minutes(res) == [60.0, None, None, None, None, None, 5.0]
    assert "3 values could not be read" in res.note


def test_negative_values_are_counted_in_the_note() -> None:
    res = parse_durations(_text(["-03:15", "-03:15", "01:00"]), unit="auto")
    assert "2 negative values kept" in res.note


def test_bad_unit_raises() -> None:
    with pytest.raises(ValueError, match="unit"):
        parse_durations(_text(["1"]), unit="weeks")  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("header", "unit"),
    [
        ("First reply time in minutes", "minutes"),
        ("First reply time in minutes within business hours", "minutes"),
        ("Agent wait time in minutes within business hours", "minutes"),
        ("First response time (in hrs)", "hours"),
        ("Resolution time (in hrs)", "hours"),
        ("Time to close (HH:mm:ss)", "hms"),
        ("Time to first agent reply (HH:mm:ss)", "hms"),
        ("calendar_stc", "seconds"),
        ("business_stc", "seconds"),
        ("time_to_admin_reply", "seconds"),
        ("time_to_last_close_ooo", "seconds"),
        ("Duration (in seconds)", "seconds"),
        ("Handling time (s)", "seconds"),
        ("Resolution time (days)", "days"),
        ("Bearbeitungszeit in Minuten", "minutes"),
        ("Resolution time", None),
        ("Time tracked", None),
        ("Within business hours", None),
        ("Created at", None),
    ],
)
def test_unit_from_header(header: str, unit: str | None) -> None:
    assert duration_unit_from_header(header) == unit


@settings(max_examples=60, deadline=None)
@given(st.lists(st.integers(min_value=-200 * 3600, max_value=200 * 3600), min_size=1))
def test_clock_text_of_random_seconds_round_trips(seconds: list[int]) -> None:
    def clock(s: int) -> str:
        sign, s = ("-" if s < 0 else ""), abs(s)
        return f"{sign}{s // 3600:02d}:{s % 3600 // 60:02d}:{s % 60:02d}"

    res = parse_durations(_text([clock(s) for s in seconds]), unit="auto")
    assert not res.failed.any()
    np.testing.assert_allclose(res.values.to_numpy(), np.array(seconds) / 60, atol=1e-9)


@pytest.mark.parametrize(
    ("text", "minutes"),
    [
        ("PT1H30M", 90.0), ("P1DT2H", 1560.0), ("PT45S", 0.75), ("-PT1H", -60.0),
        ("P1W", 10080.0), ("2 godz. 15 min", 135.0), ("1天2小时", 1560.0),
        ("1小时30分钟", 90.0), ("3 timmar 5 minuter", 185.0), ("2 Stunden 5 Minuten", 125.0),
    ],
)  # fmt: skip
def test_iso_and_more_languages(text: str, minutes: float) -> None:
    """ISO 8601 durations (APIs), and units in Polish, Chinese, Swedish and German."""
    res = parse_durations(pd.Series([text], dtype="string"), unit="auto")
    assert res.values.iloc[0] == pytest.approx(minutes)
    assert not res.failed.any()


@pytest.mark.parametrize("text", ["P", "PT", "P1X", "T1H"])
def test_not_quite_iso_durations_fail(text: str) -> None:
    res = parse_durations(pd.Series([text], dtype="string"), unit="auto")
    assert res.failed.all()


def test_money_is_not_a_duration() -> None:
    """"$5" and "(5)" are amounts, not five minutes or minus five."""
    res = parse_durations(pd.Series(["$5", "(5)", "5"], dtype="string"), unit="minutes")
    assert res.failed.tolist() == [True, True, False]
    assert res.values.tolist()[2] == 5.0
