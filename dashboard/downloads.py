"""CSV and XLSX downloads that are safe to open in a spreadsheet.

A cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage return is run as a formula by
Excel, LibreOffice and Google Sheets (OWASP "CSV injection"). Upload text such as a ticket
subject `=HYPERLINK("http://evil", "click")` must come back as text, so such cells get a
leading apostrophe. Genuine numbers (`-5`, `+3.2`) stay numbers. CSV is UTF-8 with a BOM so
Excel shows æøå, ł and 中文 correctly.
"""

from __future__ import annotations

import io
import math
import numbers
import re

import pandas as pd

TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
_NUMBER = re.compile(r"^[+-]?(\d+([.,]\d*)?|[.,]\d+)([eE][+-]?\d+)?$")


def safe_cell(value: object) -> object:
    """The value, with text that a spreadsheet would execute prefixed by an apostrophe."""
    if value is None or isinstance(value, numbers.Number | bool):
        return value
    if isinstance(value, float) and math.isnan(value):
        return value
    text = str(value)
    if text.startswith(TRIGGERS) and not _NUMBER.match(text.strip()):
        return "'" + text
    return value


def _safe_frame(frame: pd.DataFrame) -> pd.DataFrame:
    out = frame.copy()
    out.columns = [str(safe_cell(str(c))) for c in out.columns]
    for column in out.columns:
        if not pd.api.types.is_numeric_dtype(out[column]):
            out[column] = out[column].map(safe_cell)
    return out


def to_csv_bytes(frame: pd.DataFrame, *, title: str | None = None) -> bytes:
    """UTF-8-with-BOM CSV of `frame`, an optional title line first, formula cells neutralised."""
    buf = io.StringIO()
    if title:
        buf.write(f"{safe_cell(title)}\n")
    _safe_frame(frame).to_csv(buf, index=False, lineterminator="\n")
    return ("\ufeff" + buf.getvalue()).encode("utf-8")


def to_xlsx_bytes(frame: pd.DataFrame, *, title: str | None = None, sheet: str = "data") -> bytes:
    """An XLSX workbook with one sheet; formula-like text is stored as text, not a formula."""
    buf = io.BytesIO()
    start = 2 if title else 0
    with pd.ExcelWriter(buf, engine="openpyxl") as writer:
        _safe_frame(frame).to_excel(writer, sheet_name=sheet[:31], index=False, startrow=start)
        if title:
            writer.sheets[sheet[:31]].cell(row=1, column=1, value=str(safe_cell(title)))
    return buf.getvalue()
