"""Uploads load file by file: a bad file keeps its error and headers, the rest still load."""

from __future__ import annotations

from dashboard.config import Settings
from dashboard.coverage import coverage, segment_values
from dashboard.load import SourceFile, to_dataset
from dashboard.reports import accounting, examples_table, mapping_table, reasons_table
from dashboard.schema import TableKind
from dashboard.uploads import (
    NOT_MAPPED,
    load_uploads,
    merge,
    overrides_from_edit,
    release_frames,
)

TICKETS = (
    "Ticket ID;Created;Solved;Team;Channel\n"
    "1;03.01.2024 09:00;03.01.2024 12:00;Faktura;E-post\n"
    "2;04.01.2024 10:00;;Faktura;Telefon\n"
    ";05.01.2024 10:00;;Støtte;E-post\n"
    "4;31.02.2024 10:00;;Støtte;E-post\n"
    "5;13.01.2024 11:30;14.01.2024 08:00;Støtte;Chat\n"
).encode("cp1252")
UNKNOWN = b"Case;Stamp;Who\nA-1;2024-01-03;x\nA-2;2024-01-04;y\n"


def _load(*files: SourceFile, overrides=None):
    return load_uploads(list(files), Settings(), overrides)


def test_bad_file_keeps_error_and_headers_while_others_load() -> None:
    good, unknown = _load(SourceFile("t.csv", TICKETS), SourceFile("odd.csv", UNKNOWN))
    assert good.error is None and good.loaded.reports[0].rows_read == 5
    assert unknown.error is not None and "odd.csv" in unknown.error.message
    assert unknown.headers == ("Case", "Stamp", "Who")
    merged = merge([good, unknown])
    assert merged.error_files == ["odd.csv"]
    assert merged.reports == good.loaded.reports


def test_hand_mapping_makes_an_unknown_file_usable() -> None:
    overrides = {"odd.csv": {"tickets.ticket_id": "Case", "tickets.created_at": "Stamp"}}
    (result,) = _load(SourceFile("odd.csv", UNKNOWN), overrides=overrides)
    assert result.error is None
    assert result.loaded.reports[0].rows_used == 2
    assert list(result.previews[TableKind.TICKETS]["ticket_id"]) == ["A-1", "A-2"]


def test_unreadable_file_has_no_headers() -> None:
    (result,) = _load(SourceFile("x.csv", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4))
    assert result.error is not None and result.headers == ()


def test_accounting_adds_up_and_names_reasons() -> None:
    (result,) = _load(SourceFile("t.csv", TICKETS))
    report = result.loaded.reports[0]
    acc = accounting(report)
    assert (acc.rows_read, acc.rows_used, acc.rows_excluded) == (5, 3, 2)
    assert acc.sentence.startswith("5 rows read = 3 used + 2 excluded")
    reasons = reasons_table(report)
    assert set(reasons["Rows"]) == {1} and len(reasons) == 2
    examples = examples_table(report)
    assert set(examples["Line"]) >= {4, 5}  # spreadsheet lines: header is line 1
    mapping = mapping_table(report)
    read_from = dict(zip(mapping["Column"], mapping["Read from"], strict=True))
    assert read_from["created_at"] == "Created"


def test_coverage_and_segment_values_from_the_dataset() -> None:
    (result,) = _load(SourceFile("t.csv", TICKETS))
    data = to_dataset(merge([result]))
    cov = coverage(data)
    assert (str(cov.first), str(cov.last)) == ("2024-01-03", "2024-01-14")  # a resolution
    assert cov.rows == {"tickets": 3}
    assert segment_values(data, "team") == ["Støtte", "Faktura"] or segment_values(
        data, "team"
    ) == ["Faktura", "Støtte"]
    assert segment_values(data, "no_such_column") == []


def test_overrides_from_edit_only_lists_changes() -> None:
    current = {"ticket_id": "Ticket ID", "created_at": "Created", "team": "Team"}
    edited = {
        "ticket_id": "Ticket ID",
        "created_at": "Solved",
        "team": NOT_MAPPED,
        "channel": None,
        "agent": "Who",
    }
    assert overrides_from_edit("tickets", current, edited) == {
        "tickets.created_at": "Solved",
        "tickets.team": "-",
        "tickets.agent": "Who",
    }


def test_storing_with_consume_moves_the_frames_onto_the_backend() -> None:
    """The merged frames leave `Loaded` as they are stored; the reports stay for the Data page."""
    (result,) = _load(SourceFile("t.csv", TICKETS))
    merged = merge([result])
    release_frames([result])
    data = to_dataset(merged, consume=True)
    assert merged.frames == {} and merged.reports
    assert data.table(TableKind.TICKETS).count().execute() == 3
