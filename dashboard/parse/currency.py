"""Currency signs and codes around amounts: "$1,250.00", "€1.250,00", "1 250,00 kr", "EUR 99".

The sign or code goes before or after the number, with or without a space; a minus sign goes
before the currency or right after it ("-$5.00", "$-5.00"). An amount in parentheses is
negative, as accountants write it: "(5.00)" and "($5.00)" are -5. What remains is an ordinary
number, read by `numbers` with the column's decimal mark. Nothing is converted: a column with
several currencies keeps its amounts as written, and `signs` lets the note say so.

Only the text that did not read as a plain number is looked at, so a plain column pays nothing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

# Signs first, then the ISO codes and words our users' exports carry (case-insensitive).
_SIGNS = ("US$", "A$", "C$", "NZ$", "HK$", "S$", "R$", *"$€£¥₹₩₽₺₪", "zł", "Kč", "Fr.")
_CODES = (
    *("usd", "eur", "gbp", "sek", "nok", "dkk", "isk", "pln", "chf", "czk", "huf", "jpy"),
    *("cny", "aud", "cad", "nzd", "inr", "brl", "zar", "mxn", "sgd", "hkd", "kr", "kr.", "zl"),
)
_CURRENCY = (
    "(?:"
    + "|".join(re.escape(s) for s in _SIGNS)
    + "|(?i:"
    + "|".join(re.escape(c) for c in _CODES)
    + "))"
)
# Checked by a regex, taken off by trimming: Arrow trims in C far faster than it replaces.
_PREFIXED = rf"^(?:[+-] ?{_CURRENCY} ?|{_CURRENCY} ?[+-]? ?)\d"  # "-$5", "$-5", "EUR 5"
_SUFFIXED = rf"\d ?{_CURRENCY}$"  # "5 €", "5kr"
_CURRENCY_CHARS = "".join(sorted({ch for w in (*_SIGNS, *_CODES) for ch in w + w.upper()}))
_NUMBER_CHARS = "0123456789.,' +-"


@dataclass(frozen=True, slots=True)
class Amounts:
    """Texts with the currency taken off, for the values that had one.

    Attributes:
        text: per input value, the signed number left ("-5.00"); null where nothing was taken.
        found: bool per input value; True where a currency or parentheses were taken off.
        signs: the currency signs and codes seen, as written, in order of first appearance.
        has_parens: whether any amount was negative by parentheses.
    """

    text: pa.Array
    found: np.ndarray
    signs: tuple[str, ...]
    has_parens: bool


def strip_currency(texts: pa.Array) -> Amounts:
    """Take the currency sign or code (and accounting parentheses) off each text.

    A value counts only with exactly one currency (before or after) or in parentheses; a bare
    number, "$5 €", "-$-5" or "(-5)" is left alone, so it still fails as a number.
    """
    parens = np.zeros(len(texts), dtype=bool)
    if pc.any(pc.starts_with(texts, "(")).as_py():
        parens = _match(texts, r"^\([^-]+\)$")  # "(-5)" is no accountant's negative
    text = texts
    if parens.any():
        text = pc.if_else(pa.array(parens), pc.utf8_slice_codeunits(texts, 1, -1), texts)
    before, after = _match(text, _PREFIXED), _match(text, _SUFFIXED)
    found = before ^ after
    if parens.any():
        found |= parens & ~before & ~after & _match(text, r"^[\d.,' ]+$")  # "(5.00)"
    negative = parens ^ (before & _match(text, r"^[^\d]*-"))
    number = pc.utf8_ltrim(text, characters=_CURRENCY_CHARS + "+- ")
    number = pc.if_else(pa.array(before), number, text)
    number = pc.if_else(
        pa.array(after), pc.utf8_rtrim(text, characters=_CURRENCY_CHARS + " "), number
    )
    minus = pc.binary_join_element_wise(pa.scalar("-", text.type), number, pa.scalar("", text.type))
    number = pc.if_else(pa.array(negative), minus, number)
    number = pc.if_else(pa.array(found), number, pa.scalar(None, text.type))
    sign = pc.if_else(
        pa.array(before),
        pc.utf8_trim(pc.utf8_rtrim(text, characters=_NUMBER_CHARS), characters="+- "),
        pc.utf8_ltrim(text, characters=_NUMBER_CHARS),
    )
    seen = pc.unique(pc.filter(sign, pa.array(found & (before | after))))
    return Amounts(number, found, tuple(seen.to_pylist()), bool(np.any(found & parens)))


def currency_note(amounts: Amounts) -> str:
    """'; currency signs dropped ($)', with a warning when several currencies are mixed."""
    note = ""
    if len(amounts.signs) == 1:
        note = f"; currency sign '{amounts.signs[0]}' dropped"
    elif amounts.signs:
        listed = ", ".join(f"'{s}'" for s in amounts.signs[:5])
        note = f"; several currency signs ({listed}) dropped: amounts are not converted"
    if amounts.has_parens:
        note += "; amounts in parentheses read as negative ((5.00) is -5)"
    return note


def _match(texts: pa.Array, pattern: str) -> np.ndarray:
    found = pc.match_substring_regex(texts, pattern)
    return pc.fill_null(found, False).to_numpy(zero_copy_only=False).astype(bool)
