"""CSV and XLSX downloads that are safe to open in a spreadsheet.

A cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage return is run as a formula by
Excel, LibreOffice and Google Sheets (OWASP "CSV injection"). Upload text such as a ticket
subject `=HYPERLINK("http://evil", "click")` must come back as text, so such cells get a
leading apostrophe. We are deliberately broader than the OWASP list where it costs nothing:
leading spaces or line breaks before a trigger, and the full-width forms (U+FF1D, U+FF0B,
U+FF0D, U+FF20) that Excel in CJK locales also accepts, are neutralised too. Genuine numbers
(`-5`, `+3.2`, `-1,5`) stay numbers. CSV is UTF-8 with a BOM so Excel shows æøå, ł and
中文 correctly.

XLSX cannot hold control characters (openpyxl refuses them) nor time-zone-aware datetimes
(pandas refuses them): control characters are dropped and datetimes are written in UTC
without the zone, so a download never fails on what an upload contained.
"""

from __future__ import annotations

import csv
import io
import math
import numbers
import re

import pandas as pd
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

TRIGGERS = ("=", "+", "-", "@", "\t", "\r", "\uff1d", "\uff0b", "\uff0d", "\uff20")
_NUMBER = re.compile(r"^[+-]?(\d+([.,]\d*)?|[.,]\d+)([eE][+-]?\d+)?$")
_SHEET_FORBIDDEN = re.compile(r"[\[\]:*?/\\]")


def safe_cell(value: object) -> object:
    """The value, with text that a spreadsheet would execute prefixed by an apostrophe.

    Non-text values (numbers, booleans, dates, None, NaN) come back unchanged; text is
    neutralised when, after any leading whitespace, it starts with a trigger and is not a
    plain number.
    """
    if value is None or isinstance(value, numbers.Number | bool):
        return value
    if isinstance(value, float) and math.isnan(value):
        return value
    text = str(value)
    starts = text.startswith(TRIGGERS) or text.lstrip(" \n\r\t").startswith(TRIGGERS)
    if starts and not _NUMBER.match(text.strip()):
        return "'" + text
    return value


def _safe_frame(frame: pd.DataFrame, *, for_excel: bool) -> pd.DataFrame:
    """A copy with neutralised text cells and headers (and Excel-safe values if asked)."""
    out = frame.copy()
    out.columns = [_text(safe_cell(_header(c)), for_excel) for c in out.columns]
    for j in range(out.shape[1]):
        column = out.iloc[:, j]
        if isinstance(column.dtype, pd.DatetimeTZDtype):
            if for_excel:
                out.isetitem(j, column.dt.tz_convert("UTC").dt.tz_localize(None))
        elif not _is_plain(column):
            out.isetitem(j, column.astype(object).map(lambda v: _text(safe_cell(v), for_excel)))
    return out


def _is_plain(column: pd.Series) -> bool:
    """Numbers, booleans and naive datetimes: nothing in them a spreadsheet would run."""
    types = pd.api.types
    return (
        types.is_numeric_dtype(column)
        or types.is_bool_dtype(column)
        or types.is_datetime64_dtype(column)
    )


def _header(column: object) -> str:
    """A column label as one string (tuples of a MultiIndex joined with ' / ')."""
    if isinstance(column, tuple):
        return " / ".join(str(part) for part in column)
    return str(column)


def _text(value: object, for_excel: bool) -> object:
    if for_excel and isinstance(value, str):
        return ILLEGAL_CHARACTERS_RE.sub("", value)
    return value


def to_csv_bytes(frame: pd.DataFrame, *, title: str | None = None) -> bytes:
    """UTF-8-with-BOM CSV of `frame`, an optional title line first, formula cells neutralised.

    The title is written as one quoted-as-needed CSV cell, so commas or line breaks in it
    cannot shift the table.
    """
    buf = io.StringIO()
    if title:
        csv.writer(buf, lineterminator="\n").writerow([safe_cell(title)])
    _safe_frame(frame, for_excel=False).to_csv(buf, index=False, lineterminator="\n")
    return ("\ufeff" + buf.getvalue()).encode("utf-8")


def sheet_title(name: str) -> str:
    """`name` made valid as an Excel sheet title: no `[]:*?/\\`, 1-31 characters."""
    cleaned = _SHEET_FORBIDDEN.sub("-", ILLEGAL_CHARACTERS_RE.sub("", name)).strip("'")[:31]
    return cleaned or "data"


def to_xlsx_bytes(frame: pd.DataFrame, *, title: str | None = None, sheet: str = "data") -> bytes:
    """An XLSX workbook with one sheet; formula-like text is stored as text, not a formula."""
    buf = io.BytesIO()
    start = 2 if title else 0
    name = sheet_title(sheet)
    with pd.ExcelWriter(buf, engine="openpyxl") as writer:
        safe = _safe_frame(frame, for_excel=True)
        safe.to_excel(writer, sheet_name=name, index=False, startrow=start)
        if title:
            writer.sheets[name].cell(row=1, column=1, value=_text(safe_cell(title), True))
    return buf.getvalue()
