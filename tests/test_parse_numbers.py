"""parse_numbers: decimal mark per column, grouping, percent, failures and empties."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dashboard.parse import parse_numbers


def _text(values: list[str | None]) -> pd.Series:
    return pd.Series(values, dtype="string")


def _floats(res) -> list[float | None]:
    return [None if pd.isna(v) else float(v) for v in res.values]


def test_decimal_comma_column_with_every_grouping() -> None:
    values = ["1 234,56", "1\u00a0234,5", "1\u202f000", "1.234,56", "12,5", "-3", "  7 ", None]
    res = parse_numbers(_text(values))
    assert res.decimal == ","
    assert _floats(res) == [1234.56, 1234.5, 1000.0, 1234.56, 12.5, -3.0, 7.0, None]
    assert not res.failed.any()
    assert "decimal comma" in res.note


def test_decimal_point_column() -> None:
    res = parse_numbers(_text(["1,234.56", "1234.5", "1,234", "+7", "\u22122.5"]))
    assert res.decimal == "."
    assert _floats(res) == [1234.56, 1234.5, 1234.0, 7.0, -2.5]


@pytest.mark.parametrize(
    ("values", "expected", "mark"),
    [
        (["1,234"], [1234.0], "."),  # no proof: comma read as thousands separator
        (["1.234"], [1.234], "."),  # no proof: dot read as decimal point
        (["1,234", "12,5"], [1.234, 12.5], ","),  # 12,5 proves the decimal comma
        (["1.234", "12,5"], [1234.0, 12.5], ","),
        (["1,234", "1,234,567"], [1234.0, 1234567.0], "."),  # repeated commas are grouping
        (["0,125"], [0.125], ","),  # a leading zero cannot start a thousands group
    ],
)
def test_ambiguous_thousands_are_decided_by_the_column(values, expected, mark) -> None:
    res = parse_numbers(_text(values))
    assert _floats(res) == pytest.approx(expected) and res.decimal == mark


def test_assumed_mark_is_said_in_the_note() -> None:
    assert "assumed" in parse_numbers(_text(["1,234"])).note
    assert "assumed" not in parse_numbers(_text(["1,5"])).note


def test_mixed_marks_fail_only_the_values_readable_both_ways() -> None:
    res = parse_numbers(_text(["12,5", "12.5", "1,234", "7"]))
    assert res.decimal == "mixed"
    assert _floats(res) == [12.5, 12.5, None, 7.0]
    assert res.failed.tolist() == [False, False, True, False]


def test_excel_scientific_ids_and_percent() -> None:
    res = parse_numbers(_text(["1,03006E+13", "1.03006E+13", "45%", "12,5 %"]))
    assert _floats(res) == pytest.approx([1.03006e13, 1.03006e13, 45.0, 12.5])
    assert res.is_percent.tolist() == [False, False, True, True]
    assert "percent" in res.note


def test_failures_and_empties_on_a_mixed_column() -> None:
    values = ["12", None, "", "abc", "1,2,3", "1 2", "--1", "12.5.1", "$5 €", "€", "5 apples"]
    res = parse_numbers(_text(values))
    assert res.failed.tolist() == [False, False, False] + [True] * 8
    assert _floats(res)[:3] == [12.0, None, None]


def test_explicit_mark_is_obeyed() -> None:
    res = parse_numbers(_text(["1,234", "12.5"]), decimal=",")
    assert _floats(res) == [1.234, None] and res.failed.tolist() == [False, True]
    with pytest.raises(ValueError, match="decimal"):
        parse_numbers(_text(["1"]), decimal=";")  # type: ignore[arg-type]


@settings(max_examples=60, deadline=None)
@given(
    numbers=st.lists(
        st.floats(min_value=-1e9, max_value=1e9, allow_nan=False), min_size=1, max_size=20
    ),
    style=st.sampled_from(["de", "nb", "us", "plain_comma"]),
)
def test_formatted_floats_round_trip(numbers: list[float], style: str) -> None:
    seps = {"de": (".", ","), "nb": ("\u00a0", ","), "us": (",", "."), "plain_comma": ("", ",")}
    group, mark = seps[style]

    def fmt(x: float) -> str:
        text = f"{x:,.2f}".replace(",", "\x00").replace(".", mark)
        return text.replace("\x00", group)

    # One value with a 2-digit fraction proves the mark, as a real column nearly always has.
    numbers = [*numbers, 12.25]
    res = parse_numbers(_text([fmt(x) for x in numbers]))
    assert not res.failed.any()
    written = [float(f"{x:.2f}") for x in numbers]  # as printed (0.975 prints as 0.97)
    np.testing.assert_allclose(res.values.to_numpy(), written, rtol=0, atol=0.006)


@pytest.mark.parametrize(
    ("values", "expected", "mark"),
    [
        # en_US amounts: "1,250.00" proves the decimal point
        (["$0.00", "$1,250.00", "£12.50", "-$5.00", "$-5.00"], [0, 1250, 12.5, -5, -5], "."),
        # EU amounts: "1.250,00" proves the decimal comma; "EUR 99" is whole
        (["€1.250,00", "1 250,00 kr", "99,00 €", "EUR 99", "1\u00a0250,00\u00a0kr"],
         [1250, 1250, 99, 99, 1250], ","),
        (["USD 1,234.56", "1,234.56 USD", "usd 7"], [1234.56, 1234.56, 7], "."),
        (["R$ 10,50", "10,50 zł", "10,50 Kč", "kr 10,50", "10,50 kr."], [10.5] * 5, ","),
        (["(5.00)", "($5.00)", "12.50"], [-5, -5, 12.5], "."),  # accounting negatives
        (["$1,250", "$99"], [1250, 99], "."),  # no proof: comma as thousands, as without "$"
    ],
)  # fmt: skip
def test_money_with_currency_signs(values, expected, mark) -> None:
    res = parse_numbers(_text(values))
    assert not res.failed.any()
    assert _floats(res) == pytest.approx(expected) and res.decimal == mark


def test_currency_signs_are_named_and_mixed_currencies_said() -> None:
    res = parse_numbers(_text(["$1,250.00", "$99.00", None]))
    assert res.currencies == ("$",) and "currency sign '$' dropped" in res.note
    mixed = parse_numbers(_text(["$5.00", "€5,00"]))
    assert mixed.currencies == ("$", "€") and "not converted" in mixed.note
    assert parse_numbers(_text(["5"])).currencies == ()
    assert "parentheses" in parse_numbers(_text(["(5.00)"])).note


def test_money_can_be_refused() -> None:
    res = parse_numbers(_text(["$5", "(5)", "5 kr", "5"]), is_money_allowed=False)
    assert res.failed.tolist() == [True, True, True, False]


def test_money_mark_decision_matches_plain_numbers() -> None:
    # The same column without signs decides the same mark and reads the same numbers.
    plain = ["1.234", "1,234", "12,5"]
    money = ["€1.234", "1,234 €", "EUR 12,5"]
    a, b = parse_numbers(_text(plain)), parse_numbers(_text(money))
    assert a.decimal == b.decimal == ","
    assert _floats(a) == _floats(b) == pytest.approx([1234, 1.234, 12.5])


@settings(max_examples=60, deadline=None)
@given(
    numbers=st.lists(
        st.floats(min_value=-1e9, max_value=1e9, allow_nan=False), min_size=1, max_size=20
    ),
    style=st.sampled_from(["us_dollar", "de_euro", "nb_kroner", "uk_pound_code"]),
)
def test_formatted_amounts_round_trip(numbers: list[float], style: str) -> None:
    group, mark, before, after = {
        "us_dollar": (",", ".", "$", ""),
        "de_euro": (".", ",", "", " €"),
        "nb_kroner": ("\u00a0", ",", "", " kr"),
        "uk_pound_code": (",", ".", "GBP ", ""),
    }[style]

    def fmt(x: float) -> str:
        text = f"{abs(x):,.2f}".replace(",", "\x00").replace(".", mark).replace("\x00", group)
        return f"{'-' if x < 0 else ''}{before}{text}{after}"

    numbers = [*numbers, 12.25]  # a 2-digit fraction proves the mark, as in a real column
    res = parse_numbers(_text([fmt(x) for x in numbers]))
    assert not res.failed.any(), [fmt(x) for x in numbers]
    written = [float(f"{x:.2f}") for x in numbers]
    np.testing.assert_allclose(res.values.to_numpy(), written, rtol=0, atol=0.006)
