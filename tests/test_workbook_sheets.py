"""Workbooks with several sheets: which are read by default, and reading the ones chosen."""

from __future__ import annotations

import io
from datetime import datetime, timedelta
from pathlib import Path

import openpyxl
import pandas as pd
from streamlit.testing.v1 import AppTest

from dashboard.config import Settings
from dashboard.load.pipeline import SourceFile, inspect_files
from dashboard.uploads import load_one

APP = str(Path(__file__).resolve().parents[1] / "streamlit_app.py")
TICKETS = ["Ticket ID", "Created", "Resolved", "Agent", "Priority"]


def workbook() -> bytes:
    """Tickets (10), CSAT answers (6) and "Open" tickets (1, a subset view) on three sheets."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Tickets"
    ws.append(TICKETS)
    start = datetime(2024, 3, 1)
    for i in range(10):
        ws.append([100 + i, start + timedelta(hours=5 * i), start + timedelta(days=1, hours=5 * i),
                   "Ann", "High"])  # fmt: skip
    csat = wb.create_sheet("CSAT")
    csat.append(["Ticket ID", "Rated at", "Satisfaction"])
    for i in range(6):
        csat.append([100 + i, start + timedelta(days=2, hours=i), 1 + i % 5])
    extra = wb.create_sheet("Open")
    extra.append(TICKETS)
    extra.append([200, start + timedelta(days=4), None, "Bo", "Low"])
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


BOOK = SourceFile("book.xlsx", workbook())


def test_by_default_each_kind_is_read_from_its_first_sheet() -> None:
    loaded = inspect_files([BOOK])
    assert [(r.sheet, str(r.kind), r.rows_used) for r in loaded.reports] == [
        ("Tickets", "tickets", 10),
        ("CSAT", "surveys", 6),
    ]
    assert any("Skipped sheet 'Open'" in n for n in loaded.reports[0].notes)


def test_chosen_sheets_are_each_read_as_they_are() -> None:
    result = load_one(BOOK, Settings(), {}, ["Open", "CSAT"])
    assert result.error is None
    assert result.sheets == ("Tickets", "CSAT", "Open")
    assert result.sheets_read == ("CSAT", "Open")
    assert [r.rows_used for r in result.loaded.reports] == [6, 1]


def test_an_unknown_sheet_is_named_with_the_ones_there_are() -> None:
    result = load_one(BOOK, Settings(), {}, ["Summary"])
    assert result.error is not None
    assert "no sheet named 'Summary'" in result.error.message
    assert "'CSAT', 'Open', 'Tickets'" in result.error.hint


def test_the_data_page_reads_the_sheets_the_user_picks() -> None:
    at = AppTest.from_file(APP, default_timeout=90).run()
    at.switch_page("pages/data.py").run()
    at.file_uploader[0].set_value(("book.xlsx", BOOK.data, "application/octet-stream")).run()
    assert not at.exception
    (chooser,) = [m for m in at.multiselect if m.label == "Sheets to read"]
    assert chooser.value == ["Tickets", "CSAT"]
    chooser.set_value(["Open"]).run()
    at.button(key="sheets_book.xlsx_apply").click().run()
    assert not at.exception
    labels = [e.label for e in at.expander]
    assert any("Open" in label and "tickets" in label for label in labels)
    assert not any("CSAT" in label for label in labels)



def test_serial_numbers_among_date_cells_are_dates() -> None:
    """A date column mixing date cells and General-formatted serials lost the serial rows as
    'not a date' (an unseen workbook); a number column without date cells stays numbers."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Ticket ID", "Created", "Replies"])
    sheet.append(["1", datetime(2024, 3, 14, 9, 0), 45364.5])
    sheet.append(["2", 45365.665278, 3])  # 14 Mar 2024 15:58 typed into a General cell
    sheet.append(["3", "15.03.2024 10:00", 2])
    buf = io.BytesIO()
    book.save(buf)
    loaded = inspect_files([SourceFile("mixed.xlsx", buf.getvalue())])
    report = loaded.reports[0]
    assert (report.rows_read, report.rows_used) == (3, 3)
    frame = loaded.frames[next(iter(loaded.frames))][0]
    assert frame["created_at"].tolist() == [pd.Timestamp("2024-03-14 09:00"),
                                            pd.Timestamp("2024-03-14 15:58"),
                                            pd.Timestamp("2024-03-15 10:00")]  # fmt: skip
    assert frame["agent_replies"].tolist() == [45364.5, 3.0, 2.0]


def test_group_headings_above_the_header_are_passed_over() -> None:
    """A report with merged group cells ('Ticket', 'Times', 'Customer') over the real header
    was refused: none of its columns looked like tickets (an unseen workbook)."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Ticket", None, "Times", None, None, "Customer"])
    sheet.append(["ID", "Agent", "Created", "First reply", "Resolved", "Email"])
    sheet.append(["1", "Ann", datetime(2024, 3, 1, 9), datetime(2024, 3, 1, 10), None, "a@x.no"])
    sheet.append(["2", "Bo", datetime(2024, 3, 2, 9), None, datetime(2024, 3, 3, 9), "b@x.no"])
    buf = io.BytesIO()
    book.save(buf)
    loaded = inspect_files([SourceFile("grouped.xlsx", buf.getvalue())])
    assert not loaded.errors
    report = loaded.reports[0]
    assert (report.rows_read, report.rows_used) == (2, 2)
    frame = loaded.frames[next(iter(loaded.frames))][0]
    assert frame["ticket_id"].tolist() == ["1", "2"]
    assert frame["created_at"].tolist()[1] == pd.Timestamp("2024-03-02 09:00")
