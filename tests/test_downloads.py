"""Downloads neutralise spreadsheet formulas, keep numbers, and keep non-ASCII text readable."""

from __future__ import annotations

import io

import openpyxl
import pandas as pd
import pytest

from dashboard.downloads import safe_cell, to_csv_bytes, to_xlsx_bytes


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ('=HYPERLINK("http://x","y")', '\'=HYPERLINK("http://x","y")'),
        ("+SUM(A1)", "'+SUM(A1)"),
        ("-2+3", "'-2+3"),
        ("@cmd", "'@cmd"),
        ("\tx", "'\tx"),
        ("\rx", "'\rx"),
        ("-5", "-5"),
        ("+3.2", "+3.2"),
        ("-1,5", "-1,5"),
        ("plain text", "plain text"),
        (-5, -5),
        (None, None),
    ],
)
def test_safe_cell(value, expected) -> None:
    assert safe_cell(value) == expected


def test_csv_has_bom_title_and_neutralised_cells() -> None:
    frame = pd.DataFrame({"Team": ["Støtte", "=1+1", "中文"], "CSAT": [81.5, -2.0, 90.0]})
    data = to_csv_bytes(frame, title="CSAT by team · 1–30 Sep 2024")
    assert data.startswith(b"\xef\xbb\xbf")
    text = data.decode("utf-8-sig").splitlines()
    assert text[0] == "CSAT by team · 1–30 Sep 2024"
    assert text[1:] == ["Team,CSAT", "Støtte,81.5", "'=1+1,-2.0", "中文,90.0"]


def test_xlsx_stores_formula_text_as_text() -> None:
    frame = pd.DataFrame({"Subject": ["=cmd|' /C calc'!A0", "ok"], "n": [3, -4]})
    book = openpyxl.load_workbook(io.BytesIO(to_xlsx_bytes(frame, title="t")))
    sheet = book["data"]
    assert sheet["A1"].value == "t"
    assert sheet["A4"].value == "'=cmd|' /C calc'!A0" and sheet["A4"].data_type == "s"
    assert sheet["B5"].value == -4
