"""--map with several files: an override applies to the files that have its header."""

from __future__ import annotations

from dashboard.load.pipeline import SourceFile, inspect_files

TICKETS = SourceFile(
    "t.csv", b"Id,Created at,Subject\n1,2024-03-01 10:00,a\n2,2024-03-02 10:00,b\n"
)
SURVEYS = SourceFile("s.csv", b"Ticket ID,Rating,Rated when\n1,Good,2024-03-03 10:00\n")


def test_an_override_applies_where_its_header_is() -> None:
    loaded = inspect_files([TICKETS, SURVEYS], overrides={"surveys.responded_at": "Rated when"})
    assert not loaded.errors
    tickets, surveys = loaded.reports
    assert (tickets.kind, tickets.rows_used) == ("tickets", 2)
    assert surveys.mapping["responded_at"] == "Rated when"


def test_an_override_no_file_matches_is_an_error_naming_it() -> None:
    loaded = inspect_files([TICKETS, SURVEYS], overrides={"surveys.responded_at": "Rated wen"})
    assert loaded.error_files == ["s.csv", "--map"]  # s.csv has no date without the map
    assert "none of the files has a column 'Rated wen'" in loaded.errors[1].message
    assert [r.file for r in loaded.reports] == ["t.csv"]


def test_one_file_keeps_the_strict_check_with_suggestions() -> None:
    loaded = inspect_files([SURVEYS], overrides={"surveys.responded_at": "Rated wen"})
    assert loaded.error_files == ["s.csv"]
    assert "Did you mean 'Rated when'" in loaded.errors[0].hint
