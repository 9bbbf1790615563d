"""parse_booleans: multilingual yes/no, caller vocabulary, SLA words."""

from __future__ import annotations

import pandas as pd
import pytest

from dashboard.parse import SLA_BREACHED_WORDS, SLA_MET_WORDS, parse_booleans


def _text(values: list[str | None]) -> pd.Series:
    return pd.Series(values, dtype="string")


def _bools(res) -> list[bool | None]:
    return [None if pd.isna(v) else bool(v) for v in res.values]


@pytest.mark.parametrize(
    ("yes", "no"),
    [
        ("true", "false"),
        ("TRUE", "False"),
        ("yes", "no"),
        ("Y", "n"),
        ("1", "0"),
        ("ja", "nei"),  # Norwegian
        ("Ja", "Nej"),  # Danish
        ("tak", "nie"),  # Polish
        ("oui", "non"),
        ("si", "no"),
        ("wahr", "falsch"),
        ("是", "否"),
    ],
)
def test_generic_words(yes: str, no: str) -> None:
    res = parse_booleans(_text([f" {yes} ", no, None]))
    assert _bools(res) == [True, False, None]
    assert str(res.values.dtype) == "boolean"
    assert not res.failed.any()


def test_sla_words_only_with_the_sla_vocabulary() -> None:
    values = ["Within SLA", "SLA Violated", "Achieved", "Breached", "met", "missed",
              "not breached", "NOT MET"]  # fmt: skip
    assert parse_booleans(_text(values)).failed.all()
    res = parse_booleans(_text(values), true_values=SLA_MET_WORDS, false_values=SLA_BREACHED_WORDS)
    assert _bools(res) == [True, False, True, False, True, False, True, False]


def test_caller_words_win_and_clashes_raise() -> None:
    res = parse_booleans(_text(["Escalated", "-", "no"]), true_values=["escalated"],
                         false_values=["-"])  # fmt: skip
    assert _bools(res) == [True, False, False]
    with pytest.raises(ValueError, match="both"):
        parse_booleans(_text(["x"]), true_values=["x"], false_values=["X"])


def test_failures_and_empties_on_a_mixed_column() -> None:
    res = parse_booleans(_text(["yes", None, "", "maybe", "2", "no"]))
    assert res.failed.tolist() == [False, False, False, True, True, False]
    assert _bools(res) == [True, None, None, None, None, False]
    assert "2 values could not be read" in res.note
    assert res.values.index.equals(pd.RangeIndex(6))
