"""Downloads neutralise spreadsheet formulas, keep numbers, and keep non-ASCII text readable."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import openpyxl
import pandas as pd
import pytest

from dashboard.downloads import safe_cell, to_csv_bytes, to_xlsx_bytes
from dashboard.ui import widgets


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


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (" =1+1", "' =1+1"),
        ("\n=cmd", "'\n=cmd"),
        ("\uff1d1+1", "'\uff1d1+1"),
        ("\uff0d5+1", "'\uff0d5+1"),
        (" -5", " -5"),
        ("-1e5", "-1e5"),
        ("=", "'="),
    ],
)
def test_issue_7_safe_cell_leading_space_and_full_width(value, expected) -> None:
    assert safe_cell(value) == expected


def test_issue_7_xlsx_survives_control_characters_tz_dates_and_odd_sheet_names() -> None:
    # Found by fuzzing the downloads: each of these raised inside openpyxl or pandas.
    frame = pd.DataFrame(
        {
            "Subject": ["tab\x0bvertical", "nul\x00=x"],
            "Created": pd.to_datetime(["2024-01-01 10:00", "2024-06-01 12:30"]).tz_localize(
                "Europe/Oslo"
            ),
        }
    )
    data = to_xlsx_bytes(frame, title="Q1 [draft]", sheet="Tickets/2024: [all]?")
    book = openpyxl.load_workbook(io.BytesIO(data))
    (sheet,) = book.worksheets
    assert sheet.title == "Tickets-2024- -all--"
    assert sheet["A4"].value == "tabvertical" and sheet["A5"].value == "nul=x"
    assert str(sheet["B4"].value) == "2024-01-01 09:00:00"  # written in UTC, zone dropped


def test_issue_7_csv_title_with_comma_stays_one_cell() -> None:
    data = to_csv_bytes(pd.DataFrame({"a": [1]}), title='CSAT, "all" teams')
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert rows == [['CSAT, "all" teams'], ["a"], ["1"]]


def test_issue_7_multiindex_columns_become_one_header_row() -> None:
    frame = pd.DataFrame([[1, 2]], columns=pd.MultiIndex.from_tuples([("CSAT", "n"), ("=x", "p")]))
    text = to_csv_bytes(frame).decode("utf-8-sig").splitlines()
    assert text[0] == "CSAT / n,'=x / p"


def test_a_download_without_a_title_reads_back_as_the_table() -> None:
    """The pages' downloads had a title line above the header, so pandas and BI tools read
    each file as one column; they are written without one (the file name carries the name)."""
    frame = pd.DataFrame({"Team": ["Støtte", "=cmd"], "CSAT": [81.5, 70.0]})
    back = pd.read_csv(io.BytesIO(to_csv_bytes(frame)), encoding="utf-8-sig")
    assert list(back.columns) == ["Team", "CSAT"]
    assert back["CSAT"].tolist() == [81.5, 70.0] and back["Team"].tolist() == ["Støtte", "'=cmd"]
    source = Path(widgets.__file__).read_text()
    assert "title=" not in source  # every page download goes through these two widgets
