"""parse_dates: every layout, the day/month order decided from the data, failures and empties."""

from __future__ import annotations

from datetime import datetime

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dashboard.parse import parse_dates


def _text(values: list[str | None]) -> pd.Series:
    return pd.Series(values, dtype="string")


def _stamps(values: list[str | None]) -> list[pd.Timestamp | None]:
    return [None if v is None else pd.Timestamp(v) for v in values]


def _got(result) -> list[pd.Timestamp | None]:
    return [None if pd.isna(v) else v for v in result.values]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2024-03-14T14:05:00Z", "2024-03-14 14:05"),
        ("2024-03-14T14:05:00.250Z", "2024-03-14 14:05:00.250"),
        ("2024-03-14T14:05:00+02:00", "2024-03-14 12:05"),  # offset -> UTC
        ("2024-03-14T14:05:00-0530", "2024-03-14 19:35"),
        ("2024-03-14 14:05:00", "2024-03-14 14:05"),  # ServiceNow default
        ("2024-03-14T14:05:00.000Z", "2024-03-14 14:05"),  # Zoho
        ("2024-03-14", "2024-03-14"),
        ("2024/03/14", "2024-03-14"),
        ("2024/3/4 9:07", "2024-03-04 09:07"),
        ("14/Mar/24 2:05 PM", "2024-03-14 14:05"),  # Jira
        ("14-Mar-2024", "2024-03-14"),
        ("14 March 2024", "2024-03-14"),
        ("Mar 14, 2024 2:05 PM", "2024-03-14 14:05"),
        ("14 mars 2024", "2024-03-14"),  # French / Norwegian
        ("3. mai 2024 14:05", "2024-05-03 14:05"),  # Norwegian / Danish
        ("14. okt. 2024", "2024-10-14"),
        ("14 déc. 2024", "2024-12-14"),
        ("1 października 2024", "2024-10-01"),  # Polish genitive
        ("20/dic/23 11:54 PM", "2023-12-20 23:54"),  # Jira in Spanish
        ("3 ene 2024", "2024-01-03"),
        ("14 agosto 2024", "2024-08-14"),
        ("Mon, 03 Mar, 2025 at 09:00 AM", "2025-03-03 09:00"),  # Freshdesk on screen
        ("Tue, 04 Mar, 2025 at 06:39 PM", "2025-03-04 18:39"),  # 6:39 PM is 18:39
        ("03 Mar 2025 09:00", "2025-03-03 09:00"),
        ("Mar 3, 2025 9:00 AM", "2025-03-03 09:00"),
        ("Monday, March 3, 2025 at 9:00 PM", "2025-03-03 21:00"),
    ],
)
def test_single_unambiguous_forms(text: str, expected: str) -> None:
    res = parse_dates(_text([text]))
    assert _got(res) == [pd.Timestamp(expected)]
    assert not res.failed.any()
    assert str(res.values.dtype) == "datetime64[us]"


def test_day_first_decided_by_a_day_above_12() -> None:
    res = parse_dates(_text(["14.03.2024 14:05", "01.02.2024 09:00", None]))
    assert _got(res) == _stamps(["2024-03-14 14:05", "2024-02-01 09:00", None])
    assert res.order == "dayfirst" and not res.is_order_assumed
    assert "dd.mm.yyyy HH:MM" in res.note


def test_month_first_decided_by_a_second_field_above_12() -> None:
    res = parse_dates(_text(["3/14/2024 2:05 PM", "1/2/2024 9:00 AM"]))  # Salesforce en_US
    assert _got(res) == _stamps(["2024-03-14 14:05", "2024-01-02 09:00"])
    assert res.order == "monthfirst" and not res.is_order_assumed


@pytest.mark.parametrize(
    ("values", "order", "expected", "resolved"),
    [
        (["01.02.2024 09:00"], "auto", "2024-02-01 09:00", "dayfirst"),  # '.' -> day-first
        (["1/2/2024 9:00 AM"], "auto", "2024-01-02 09:00", "monthfirst"),  # '/' + AM/PM
        (["01/02/2024"], "auto", "2024-02-01", "dayfirst"),  # '/' without AM/PM
        (["08-04-2023 20:52"], "auto", "2023-04-08 20:52", "dayfirst"),  # Zendesk via Excel
        (["01/02/2024"], "monthfirst", "2024-01-02", "monthfirst"),
        (["1/2/2024 9:00 AM"], "dayfirst", "2024-02-01 09:00", "dayfirst"),
    ],
)
def test_undecided_order_falls_back_and_says_so(values, order, expected, resolved) -> None:
    res = parse_dates(_text(values), order=order)
    assert _got(res) == [pd.Timestamp(expected)]
    assert res.order == resolved and res.is_order_assumed
    assert "no field above 12" in res.note


def test_data_beats_the_order_argument() -> None:
    res = parse_dates(_text(["13.01.2024", "01.02.2024"]), order="monthfirst")
    assert _got(res) == _stamps(["2024-01-13", "2024-02-01"])
    assert res.order == "dayfirst" and not res.is_order_assumed


def test_mixed_order_flags_only_the_ambiguous_values() -> None:
    res = parse_dates(_text(["13/01/2024", "01/13/2024", "02/03/2024", "05/05/2024"]))
    assert res.order == "mixed"
    # 13/01 and 01/13 read one way only; 05/05 reads the same both ways; 02/03 is a guess.
    assert _got(res) == _stamps(["2024-01-13", "2024-01-13", None, "2024-05-05"])
    assert res.failed.tolist() == [False, False, True, False]


def test_failures_and_empties_on_a_mixed_column() -> None:
    values = ["2024-03-14", None, "", "  ", "31.02.2024", "not a date", "12", "2024-02-30"]
    res = parse_dates(_text(values))
    assert res.failed.tolist() == [False, False, False, False, True, True, True, True]
    assert res.values.isna().tolist() == [False, True, True, True, True, True, True, True]
    assert "4 values could not be read" in res.note


def test_impossible_days_fail_rather_than_roll_over() -> None:
    res = parse_dates(_text(["31.04.2024", "29.02.2023", "29.02.2024", "30/02/2024 1:00 PM"]))
    assert res.failed.tolist() == [True, True, False, True]


@pytest.mark.parametrize(
    "text",
    ["2024-02-30 10:00:00", "2024-04-31 10:00:00", "2024-02-30T10:00:00Z", "2024-02-30T10:00:00",
     "2023-02-29 00:00:00", "2024-06-31T23:59:59Z", "2024-2-30 10:00:00",
     "1850-02-30 10:00:00", "2400-11-31T10:00:00Z"],  # years outside the roll-over table
)  # fmt: skip
def test_impossible_iso_days_fail_rather_than_roll_over(text: str) -> None:
    """Arrow's strptime reads 2024-02-30 as 1 March; the plain ISO path must not."""
    column = [text, "2024-03-01 10:00:00", "2024-02-29 10:00:00", "2024-05-31T10:00:00Z"]
    res = parse_dates(_text(column))
    assert res.failed.tolist() == [True, False, False, False]
    assert _got(res) == _stamps([None, "2024-03-01 10:00", "2024-02-29 10:00", "2024-05-31 10:00"])
    assert "1 value could not be read" in res.note


def test_impossible_iso_day_among_day_first_dates_fails() -> None:
    # ISO is absent from the sample here, so the value reaches the ISO reader as a leftover.
    res = parse_dates(_text(["14.03.2024 10:00"] * 300 + ["2024-04-31 10:00:00"]))
    assert res.failed.tolist() == [False] * 300 + [True]


@settings(max_examples=60, deadline=None)
@given(
    year=st.integers(1970, 2068),
    month=st.integers(1, 12),
    day=st.integers(1, 31),
    sep=st.sampled_from([" ", "T"]),
    zone=st.sampled_from(["", "Z"]),
)
def test_iso_day_is_read_exactly_or_fails(year, month, day, sep, zone) -> None:
    text = f"{year:04d}-{month:02d}-{day:02d}{sep}10:00:00{zone}"
    if sep == " " and zone:
        text = text[:-1]
    res = parse_dates(_text([text]))
    try:
        expected = pd.Timestamp(year, month, day, 10)
    except ValueError:  # no such day: it must fail, not become the 1st of the next month
        assert res.failed.tolist() == [True]
    else:
        assert _got(res) == [expected]


def test_two_digit_years_and_surrounding_spaces() -> None:
    res = parse_dates(_text(["  14.03.24 ", "01.01.69", "01.01.68"]))
    assert _got(res) == _stamps(["2024-03-14", "1969-01-01", "2068-01-01"])


def test_excel_serial_column() -> None:
    res = parse_dates(_text(["45366.5", "45000", None]))
    # 45366 days after 1899-12-30 is 2024-03-15; .5 day is noon
    assert _got(res) == _stamps(["2024-03-15 12:00", "2023-03-15", None])
    assert res.order == "excel_serial"


@pytest.mark.parametrize(
    ("values", "order", "expected"),
    [
        (["1710424500"], "epoch_s", "2024-03-14 13:55"),
        (["1710424500123"], "epoch_ms", "2024-03-14 13:55:00.123"),
        (["20240314"], "iso", "2024-03-14"),
    ],
)
def test_epoch_and_compact_numbers(values, order, expected) -> None:
    res = parse_dates(_text(values))
    assert _got(res) == [pd.Timestamp(expected)] and res.order == order


def test_numbers_are_dates_only_when_the_whole_column_is() -> None:
    res = parse_dates(_text(["45366", "14.03.2024"]))
    assert res.failed.tolist() == [True, False]
    res = parse_dates(_text(["123", "45"]))  # numeric but no date reading fits
    assert res.failed.all() and res.order == "unknown"


def test_empty_column() -> None:
    res = parse_dates(_text([None, None]))
    assert not res.failed.any() and res.values.isna().all() and res.order == "unknown"
    assert len(parse_dates(_text([])).values) == 0


def test_index_is_kept_and_bad_input_type_raises() -> None:
    s = pd.Series(["2024-03-14", "2024-03-15"], index=[10, 20], dtype="string")
    assert parse_dates(s).values.index.tolist() == [10, 20]
    with pytest.raises(TypeError):
        parse_dates(["2024-03-14"])  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="order"):
        parse_dates(s, order="yearfirst")  # type: ignore[arg-type]


def test_repeated_values_in_a_large_column_take_the_fast_path() -> None:
    base = ["14.03.2024 14:05", "01.02.2024 09:00", None]
    res = parse_dates(_text(base * 5000 + ["bad"]))
    assert res.failed.sum() == 1 and res.values.notna().sum() == 10000


_FORMATS = [
    # (strftime format, seconds kept, note fragment)
    ("%Y-%m-%dT%H:%M:%SZ", True, "ISO"),
    ("%Y-%m-%d %H:%M:%S", True, "ISO"),
    ("%Y-%m-%d", False, "ISO"),
    ("%d.%m.%Y %H:%M", False, "dd.mm.yyyy HH:MM"),
    ("%d/%m/%Y", False, "dd/mm/yyyy"),
    ("%m/%d/%Y %I:%M %p", False, "h:mm AM/PM"),
    ("%d/%b/%y %I:%M %p", False, "dd/MMM/yy"),
    ("%d-%m-%Y %H:%M", False, "dd-mm-yyyy"),
    ("%Y/%m/%d %H:%M:%S", True, "yyyy/mm/dd"),
    ("%d %B %Y", False, "MMM"),
    ("%a, %d %b, %Y at %I:%M %p", False, "dd MMM yyyy h:mm AM/PM"),  # Freshdesk
]


@settings(max_examples=40, deadline=None)
@given(
    stamps=st.lists(
        st.datetimes(min_value=datetime(1970, 1, 1), max_value=datetime(2068, 12, 31)),
        min_size=1,
        max_size=30,
    ),
    which=st.sampled_from(range(len(_FORMATS))),
)
def test_formatted_datetimes_round_trip(stamps: list[datetime], which: int) -> None:
    fmt, with_seconds, _ = _FORMATS[which]
    # Decisive days in both fields so the order is settled by the data, as in a real column.
    stamps = [*stamps, datetime(2024, 3, 14, 14, 5, 7)]
    text = [s.strftime(fmt) for s in stamps]
    res = parse_dates(_text(text))
    unit = "s" if with_seconds else ("m" if "%H" in fmt or "%I" in fmt else "D")
    expected = np.array(stamps, dtype="datetime64[us]").astype(f"datetime64[{unit}]")
    got = res.values.to_numpy().astype(f"datetime64[{unit}]")
    assert not res.failed.any(), [t for t, f in zip(text, res.failed, strict=True) if f]
    np.testing.assert_array_equal(got, expected)


@pytest.mark.parametrize(
    ("texts", "want"),
    [
        (["Mon, 11 Mar 2024 08:12:31 +0100", "Thu, 14 Mar 2024 18:00:00 +0000"],
         ["2024-03-11 07:12:31", "2024-03-14 18:00:00"]),
        (["2024-03-11 08:12:31 UTC", "2024-03-14 18:00:00 UTC"],
         ["2024-03-11 08:12:31", "2024-03-14 18:00:00"]),
        (["2024年3月11日 08:12", "2024年3月14日"], ["2024-03-11 08:12:00", "2024-03-14 00:00:00"]),
        (["11. mars 2024 kl. 08:12", "14. mars 2024 kl. 18:00"],
         ["2024-03-11 08:12:00", "2024-03-14 18:00:00"]),
        (["man. 11. marts 2024 08:12", "tor. 14. marts 2024 18:00"],
         ["2024-03-11 08:12:00", "2024-03-14 18:00:00"]),
        # month-first is decided by 3/14; 3/11 is then re-read month-first, zone and all
        (["3/11/2024 8:12 AM -05:00", "3/14/2024 6:00 PM -05:00"],
         ["2024-03-11 13:12:00", "2024-03-14 23:00:00"]),
        (["11 januari 2024 08:12", "14 augusti 2024 18:00"],
         ["2024-01-11 08:12:00", "2024-08-14 18:00:00"]),
    ],
)  # fmt: skip
def test_dates_written_for_people(texts: list[str], want: list[str]) -> None:
    """Weekdays, "kl.", 年月日, month words in more languages, zone words and offsets."""
    res = parse_dates(pd.Series(texts, dtype="string"))
    assert [str(v) for v in res.values] == want
    assert not res.failed.any()


def test_freshdesk_column_with_midnight_noon_and_an_impossible_day() -> None:
    texts = [
        "Mon, 03 Mar, 2025 at 09:00 AM",
        "Tue, 04 Mar, 2025 at 06:39 AM",
        "Wed, 05 Mar, 2025 at 12:05 AM",  # 12 AM is midnight
        "Wed, 05 Mar, 2025 at 12:05 PM",  # 12 PM is noon
        "Fri, 31 Feb, 2025 at 09:00 AM",  # no such day: fails, never 3 March
        None,
    ]
    res = parse_dates(_text(texts))
    assert _got(res) == _stamps(
        ["2025-03-03 09:00", "2025-03-04 06:39", "2025-03-05 00:05", "2025-03-05 12:05", None, None]
    )
    assert res.failed.tolist() == [False, False, False, False, True, False]
    assert res.order == "dayfirst" and not res.is_order_assumed


def test_weekday_before_numeric_dates_keeps_the_order_decision() -> None:
    # 3/14 settles month-first; 3/11 is then re-read month-first from the tidied text.
    res = parse_dates(_text(["Mon, 3/11/2024 8:12 AM", "Thu, 3/14/2024 6:00 PM"]))
    assert _got(res) == _stamps(["2024-03-11 08:12", "2024-03-14 18:00"])
    assert res.order == "monthfirst" and not res.is_order_assumed


@pytest.mark.parametrize(
    "texts",
    [
        [
            "2024-01-01 10:00:61",
            "2024-01-01 10:00:60",
            "2024-01-01 10:00:01",
            "2024-01-01 10:06:00",
        ],
        [
            "01.02.2024 10:00:61",
            "01.02.2024 10:00:60",
            "13.02.2024 10:00:01",
            "14.02.2024 10:06:00",
        ],
    ],
)
def test_seconds_60_and_61_are_no_time_not_the_next_minute(texts: list[str]) -> None:
    result = parse_dates(pd.Series(texts))
    assert result.failed.tolist() == [True, True, False, False]
    assert [t.strftime("%H:%M:%S") for t in result.values[2:]] == ["10:00:01", "10:06:00"]
