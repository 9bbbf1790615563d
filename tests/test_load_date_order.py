"""All date columns of one file are read in one day/month order when one column settles it."""

from __future__ import annotations

import pandas as pd

from dashboard.load.pipeline import SourceFile, inspect_files
from dashboard.reports import reasons_table
from dashboard.schema import TableKind


def _frame(text: str) -> tuple[pd.DataFrame, list[str]]:
    loaded = inspect_files([SourceFile("export.csv", text.encode())])
    assert not loaded.errors
    return loaded.frames[TableKind.TICKETS][0], loaded.reports[0].notes


def test_a_us_file_opened_early_in_the_month_is_read_month_first_throughout() -> None:
    """Opened 1-12 March (no field above 12), closed up to the 20th (settles month-first): the
    opening dates were read day-first and spread March over the year (unseen US export)."""
    frame, notes = _frame(
        "Ticket ID,Date Opened,Date Closed\n"
        "1,03/02/2024 09:00,03/02/2024 17:00\n"
        "2,03/05/2024 10:00,03/13/2024 11:00\n"
        "3,03/11/2024 08:30,03/20/2024 16:45\n"
    )
    assert frame["created_at"].dt.month.tolist() == [3, 3, 3]
    assert frame["created_at"].dt.day.tolist() == [2, 5, 11]
    assert frame["resolved_at"].dt.day.tolist() == [2, 13, 20]
    assert any("'Date Opened': month-first" in n and "'Date Closed'" in n for n in notes)


def test_a_uk_file_is_read_day_first_throughout() -> None:
    frame, _ = _frame(
        "Ticket ID,Created,Resolved\n"
        "1,01/04/2024 9:00 AM,02/04/2024 5:00 PM\n"
        "2,05/04/2024 10:00 AM,15/04/2024 11:00 AM\n"
    )
    assert frame["created_at"].dt.month.tolist() == [4, 4]
    assert frame["created_at"].dt.day.tolist() == [1, 5]


def test_columns_that_settle_opposite_orders_are_each_kept_as_read() -> None:
    """No single order for the file: each column keeps its own reading (and its note)."""
    frame, _ = _frame(
        "Ticket ID,Created,Resolved\n"
        "1,13/03/2024 09:00,03/14/2024 10:00\n"
        "2,14/03/2024 09:00,03/15/2024 10:00\n"
    )
    assert frame["created_at"].dt.day.tolist() == [13, 14]
    assert frame["resolved_at"].dt.day.tolist() == [14, 15]


def test_tickets_resolved_before_they_were_created_are_counted_and_kept() -> None:
    """They leave resolution time (a negative duration) and used to do so silently."""
    loaded = inspect_files([SourceFile("t.csv", (
        b"Ticket ID,Created,First reply,Resolved\n"
        b"1,2024-03-12 09:00,2024-03-12 10:00,2024-03-13 10:30\n"
        b"2,2024-03-14 09:00,2024-03-14 08:00,2024-03-13 10:30\n"
        b"3,2024-03-14 09:00,,2024-03-14 09:00\n"
        b"4,2024-03-15 09:00,,2024-03-15 08:59\n"
    ))])  # fmt: skip
    report = loaded.reports[0]
    assert (report.rows_read, report.rows_used) == (4, 4)
    assert report.warnings_by_reason == {"before_creation": 3}  # 2 resolutions + 1 reply
    lines = sorted((i.line, i.column) for i in report.issues if i.code == "before_creation")
    assert lines == [(3, "First reply"), (3, "Resolved"), (5, "Resolved")]
    frame = loaded.frames[TableKind.TICKETS][0]
    assert frame["resolved_at"].notna().all()  # kept as written
    effect = reasons_table(report).set_index("Reason")["Effect"]
    assert effect.tolist() == ["kept, left out of its time KPI"]


def test_resolution_minutes_without_a_resolution_date_give_the_date() -> None:
    """Every ticket of such a file was open in the backlog and none was resolved."""
    loaded = inspect_files([SourceFile("t.csv", (
        b"Ticket ID,Created,Resolution time (minutes)\n"
        b"1,2024-03-12 09:00,\"1,234\"\n2,2024-03-13 10:00,\n3,2024-03-14 23:30,60\n"
    ))])  # fmt: skip
    frame = loaded.frames[TableKind.TICKETS][0]
    assert frame["resolved_at"].tolist()[0] == pd.Timestamp("2024-03-13 05:34")
    assert pd.isna(frame["resolved_at"].tolist()[1])
    assert frame["resolved_at"].tolist()[2] == pd.Timestamp("2024-03-15 00:30")
    assert any("Resolution dates derived" in n and "(2 tickets)" in n
               for n in loaded.reports[0].notes)  # fmt: skip


def test_business_minutes_alone_date_nothing() -> None:
    loaded = inspect_files([SourceFile("t.csv", (
        b"Ticket ID,Created,Resolution time in business hours (minutes)\n1,2024-03-12 09:00,30\n"
    ))])  # fmt: skip
    frame = loaded.frames[TableKind.TICKETS][0]
    assert "resolved_at" not in frame or frame["resolved_at"].isna().all()


def test_dates_before_1990_or_in_the_future_get_a_note() -> None:
    """Files dated 1970 or 2030 were taken without a word (usually a broken column)."""
    loaded = inspect_files([SourceFile("t.csv", (
        b"Ticket ID,Created,Resolved\n1,1970-01-01 00:00,2024-03-02 10:00\n"
        b"2,2024-03-01 09:00,2099-03-01 10:00\n3,2024-03-01 09:00,2024-03-01 12:00\n"
    ))])  # fmt: skip
    report = loaded.reports[0]
    assert report.rows_used == 3  # kept
    notes = [n for n in report.notes if "kept as written" in n]
    assert any(n.startswith("'Created': 1 before 1990") for n in notes)
    assert any(n.startswith("'Resolved': 1 in the future") for n in notes)
    assert len(notes) == 2
