"""Decimal numbers from export text, with the decimal mark decided per column.

Read: "1234.5", "12,5", "-3", "+7", "1 234,56" (space, no-break space, thin space or apostrophe
between groups of three), "1.234,56", "1,234.56", "1,03006E+13" (Excel's scientific notation,
either mark), "45%" (percent sign dropped: the number shown, 45, and `is_percent` set), the
Unicode minus sign, and money: "$1,250.00", "€1.250,00", "1 250,00 kr", "EUR 99", "-$5.00",
"(5.00)" (see `currency`; signs dropped, never converted, and named in the note).

The decimal mark is decided from the whole column ("auto"), amounts with a currency included:
- a value only readable with a decimal comma ("12,5", "0,125", "1.234,56", "1.234.567") proves
  a decimal comma; one only readable with a decimal point ("12.5", "1,234.56", "1,234,567")
  proves a decimal point;
- proofs of both: `decimal="mixed"`; each value is read the only way it can be, and values that
  read both ways ("1,234", "1.234") fail;
- no proof: decimal point, so "1,234" is 1234 (comma as thousands separator, the en_US reading
  and Excel's) and "1.234" is 1.234. The note says it was assumed.
An explicit `decimal` is obeyed; values that do not fit it fail.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from dashboard.parse.common import Distinct, Parsed, distinct, failure_note
from dashboard.parse.currency import Amounts, currency_note, strip_currency

Decimal = Literal["auto", ".", ","]
_ODD_SPACES = "[\u00a0\u202f\u2009\u2007\u2019']"  # no-break, narrow, thin, figure; apostrophes
_GROUPED = r"^[+-]?\d{1,3}(?: \d{3})+(?:[.,]\d+)?$"
_SCI = r"^[+-]?\d+(?:[.,]\d+)?[eE][+-]?\d+$"
_COMMA_OK = r"^[+-]?(?:\d+|\d*,\d+|[1-9]\d{0,2}(?:\.\d{3})+(?:,\d+)?)$"
_POINT_OK = r"^[+-]?(?:\d+|\d*\.\d+|[1-9]\d{0,2}(?:,\d{3})+(?:\.\d+)?)$"
_MARK_WORDS = {".": "decimal point", ",": "decimal comma", "mixed": "mixed decimal marks"}


@dataclass(frozen=True, slots=True)
class ParsedNumbers(Parsed):
    """Parsed float64 numbers with the decimal mark used.

    Attributes:
        decimal: "." | "," | "mixed" (per value, where the column proves both).
        is_percent: bool per row; True where the text ended in "%".
        currencies: the currency signs and codes dropped, as written ("$", "EUR"); several
            mean the column mixes currencies, which are not converted.
    """

    decimal: str
    is_percent: np.ndarray
    currencies: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class _Shapes:
    """Per distinct value: the cleaned text and which readings it allows."""

    text: pa.Array
    comma_ok: np.ndarray
    point_ok: np.ndarray
    sci: np.ndarray
    whole: np.ndarray
    percent: np.ndarray
    amounts: Amounts | None = None  # what had a currency sign taken off (None: nothing did)


def parse_numbers(
    values: pd.Series, *, decimal: Decimal = "auto", is_money_allowed: bool = True
) -> ParsedNumbers:
    """Read a text column as float64, deciding the decimal mark from the data.

    Args:
        values: export text (pandas string; <NA> or blank for an empty cell).
        decimal: "auto" to decide from the column, or the mark to insist on.
        is_money_allowed: read amounts with a currency sign or code ("$5", "5 kr", "(5.00)");
            False makes them fail, for columns that are not money (durations).

    Returns:
        ParsedNumbers; `failed` marks text that is not a number under the decided mark.
    """
    if decimal not in ("auto", ".", ","):
        raise ValueError(f"decimal must be 'auto', '.' or ',', not {decimal!r}")
    d = distinct(values)
    shapes = shapes_of(d.texts, is_money_allowed=is_money_allowed)
    mark, why = _decide_mark(shapes, decimal, d)
    numbers = read_with_mark(shapes, mark)
    failed = np.isnan(numbers)
    note = f"{_MARK_WORDS[mark]}{why}"
    if shapes.percent.any():
        note += "; percent signs dropped (45% is 45)"
    if shapes.amounts is not None:
        note += currency_note(shapes.amounts)
    note += failure_note(failed)
    return ParsedNumbers(
        values=pd.Series(d.spread(numbers, np.nan), index=values.index, dtype="float64"),
        failed=d.spread_failed(failed),
        note=note,
        decimal=mark,
        is_percent=d.spread(shapes.percent, False),
        currencies=shapes.amounts.signs if shapes.amounts is not None else (),
    )


def shapes_of(texts: pa.Array, *, is_money_allowed: bool = True) -> _Shapes:
    """Clean each distinct text (grouping spaces, %, minus sign) and test its readings.

    Cheap literal tests gate each regex pass, so a plain column costs two regex scans. Texts
    with no reading are then tried as money (currency sign or code taken off) when asked.
    """
    text = texts
    if not pc.all(pc.string_is_ascii(text)).as_py() or _has(text, "'"):
        text = pc.replace_substring(
            pc.replace_substring_regex(text, _ODD_SPACES, " "), "\u2212", "-"
        )
    percent = _np(pc.ends_with(text, "%"))
    if percent.any():
        text = pc.utf8_rtrim_whitespace(pc.replace_substring_regex(text, "%$", ""))
    if _has(text, " "):
        grouped = pc.match_substring_regex(text, _GROUPED)
        text = pc.if_else(grouped, pc.replace_substring(text, " ", ""), text)
    has_mark = _np(pc.match_substring(text, ",")) | _np(pc.match_substring(text, "."))
    comma_ok = _np(pc.match_substring_regex(text, _COMMA_OK))
    point_ok = _np(pc.match_substring_regex(text, _POINT_OK))
    sci = np.zeros_like(comma_ok)
    if _has(text, "e") or _has(text, "E"):
        sci = _np(pc.match_substring_regex(text, _SCI))
    whole = comma_ok & ~has_mark
    shapes = _Shapes(text, comma_ok, point_ok, sci, whole, percent)
    unread = ~(comma_ok | point_ok | sci)
    return _with_money(shapes, unread) if is_money_allowed and unread.any() else shapes


def _with_money(shapes: _Shapes, unread: np.ndarray) -> _Shapes:
    """`shapes` with the unread texts that are amounts ("$1,250.00") read as their number."""
    at = np.flatnonzero(unread)
    amounts = strip_currency(pc.take(shapes.text, pa.array(at)))
    if not amounts.found.any():
        return shapes
    at = at[amounts.found]
    inner = shapes_of(pc.filter(amounts.text, pa.array(amounts.found)), is_money_allowed=False)
    mask = np.zeros(len(shapes.text), dtype=bool)
    mask[at] = True  # `at` ascends, as the values of `inner` do
    fields = []
    for old, new in (
        (shapes.comma_ok, inner.comma_ok),
        (shapes.point_ok, inner.point_ok),
        (shapes.sci, inner.sci),
        (shapes.whole, inner.whole),
        (shapes.percent, inner.percent),
    ):
        merged = old.copy()
        merged[at] = new
        fields.append(merged)
    text = pc.replace_with_mask(shapes.text, pa.array(mask), inner.text)
    return _Shapes(text, *fields, amounts=amounts)


def read_with_mark(shapes: _Shapes, mark: str) -> np.ndarray:
    """Float per distinct value under the decimal mark ("mixed": each its only reading)."""
    if mark == ",":
        use_comma, use_point = shapes.comma_ok, np.zeros_like(shapes.comma_ok)
    elif mark == ".":
        use_comma, use_point = np.zeros_like(shapes.point_ok), shapes.point_ok
    else:
        use_comma = shapes.comma_ok & (~shapes.point_ok | shapes.whole)
        use_point = shapes.point_ok & ~shapes.comma_ok
    readings = (
        (use_comma, lambda t: pc.replace_substring(pc.replace_substring(t, ".", ""), ",", ".")),
        (use_point, lambda t: pc.replace_substring(t, ",", "")),
        (shapes.sci, lambda t: pc.replace_substring(t, ",", ".")),
    )
    out = np.full(len(shapes.text), np.nan)
    for use, rewrite in readings:
        if use.any():
            picked = rewrite(pc.filter(shapes.text, pa.array(use)))
            out[use] = pc.cast(picked, pa.float64()).to_numpy(zero_copy_only=False)
    return out


def _decide_mark(shapes: _Shapes, decimal: Decimal, d: Distinct) -> tuple[str, str]:
    """The column's decimal mark and a note fragment saying how it was chosen."""
    if decimal != "auto":
        return decimal, " (as asked)"
    only_comma = shapes.comma_ok & ~shapes.point_ok
    only_point = shapes.point_ok & ~shapes.comma_ok
    if only_comma.any() and only_point.any():
        return "mixed", (
            f" ('{_example(d, only_comma)}' and '{_example(d, only_point)}' both occur; "
            "values readable either way fail)"
        )
    if only_comma.any():
        return ",", f" (decided by values such as '{_example(d, only_comma)}')"
    if only_point.any():
        return ".", f" (decided by values such as '{_example(d, only_point)}')"
    either = shapes.comma_ok & shapes.point_ok & ~shapes.whole
    if either.any():
        return (
            ".",
            f" (assumed: nothing proves a decimal comma, '{_example(d, either)}' read as en_US)",
        )
    return ".", " (whole numbers)" if shapes.whole.any() else ""


def _example(d: Distinct, mask: np.ndarray) -> str:
    return str(d.texts[int(np.flatnonzero(mask)[0])].as_py())


def _has(text: pa.Array, needle: str) -> bool:
    return bool(pc.any(pc.match_substring(text, needle)).as_py())


def _np(mask: pa.Array | pa.ChunkedArray) -> np.ndarray:
    return pc.fill_null(mask, False).to_numpy(zero_copy_only=False).astype(bool)
