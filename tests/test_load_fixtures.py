"""The full load pipeline over every realistic export fixture, checked against its manifest.

The fixtures and `manifest.json` are written by `tests/fixtures/make_exports.py` from its own
records (never from app code), so the expected source, kind and row accounting are independent
ground truth: read = used + excluded, by reason, for every file.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from dashboard.load.pipeline import SourceFile, inspect_files, load_files

EXPORTS = Path(__file__).resolve().parent / "fixtures" / "exports"
MANIFEST: dict[str, dict] = json.loads((EXPORTS / "manifest.json").read_text(encoding="utf-8"))


KNOWN_BAD: set[str] = set()  # fixtures the loader is known to get wrong (strict xfail)


@pytest.mark.parametrize(
    "name",
    [
        pytest.param(n, marks=pytest.mark.xfail(strict=True, reason="loader bug"))
        if n in KNOWN_BAD
        else n
        for n in sorted(MANIFEST)
    ],
)
def test_fixture_loads_as_the_manifest_says(name: str) -> None:
    """Detected source, kind and exact row accounting match the generator's manifest."""
    entry = MANIFEST[name]
    _, loaded = load_files([SourceFile(name, (EXPORTS / name).read_bytes())])
    if entry["error"]:
        assert loaded.errors, name
        return
    assert not loaded.errors, [str(e) for e in loaded.errors]
    report = next(r for r in loaded.reports if r.kind == entry["kind"])
    assert report.source == entry["vendor"]
    assert report.rows_read == entry["rows_read"]
    assert report.rows_used == entry["rows_used"][entry["kind"]]
    assert dict(report.excluded_by_reason) == entry["excluded_by_reason"]
    assert report.rows_read == report.rows_used + report.rows_excluded


TICKET_FILES = sorted(
    n
    for n, e in MANIFEST.items()
    if e["kind"] == "tickets" and "first_ticket_id" in e["expect"] and n not in KNOWN_BAD
)


@pytest.mark.parametrize("name", TICKET_FILES)
def test_first_ticket_id_and_created_at(name: str) -> None:
    """The first ticket's id and created time are read as the generator wrote them."""
    expect = MANIFEST[name]["expect"]
    _, loaded = load_files([SourceFile(name, (EXPORTS / name).read_bytes())])
    first = loaded.frames["tickets"][0].iloc[0]
    assert str(first["ticket_id"]) == expect["first_ticket_id"]
    assert first["created_at"].isoformat() == expect["first_created_at"]


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "dashboard", "inspect", *args],
        capture_output=True,
        text=True,
        check=False,
    )


def test_inspect_cli_table_and_json_on_fixtures() -> None:
    """`inspect` prints the source and the row accounting; `--json` carries the issue's keys."""
    table = _cli(str(EXPORTS / "zoho_desk_tickets.csv"))
    assert table.returncode == 0
    assert "zoho_desk_tickets" in table.stdout
    assert "18 read = 18 used + 0 excluded" in table.stdout
    out = json.loads(_cli(str(EXPORTS / "klaus_reviews.csv"), "--json").stdout)
    assert out[0]["source"] == "klaus_reviews" and out[0]["kind"] == "reviews"
    assert out[0]["rows_read"] == MANIFEST["klaus_reviews.csv"]["rows_read"]


def test_inspect_cli_bad_file_is_one_line_and_exit_2(tmp_path: Path) -> None:
    """A binary file gets exit code 2 and a single error line naming it, no traceback."""
    bad = tmp_path / "bad.csv"
    bad.write_bytes(b"\x00\x01\x02binary")
    res = _cli(str(bad))
    assert res.returncode == 2
    lines = [ln for ln in (res.stdout + res.stderr).splitlines() if ln.strip()]
    assert len(lines) == 1 and "bad.csv" in lines[0] and "Traceback" not in lines[0]


def test_workbook_with_a_summary_first_sheet_uses_the_data_sheet() -> None:
    """HubSpot's workbook opens on a "Summary" sheet: the data sheet loads, the skip is noted."""
    path = EXPORTS / "hubspot_tickets.xlsx"
    loaded = inspect_files([SourceFile(path.name, path.read_bytes())])
    assert not loaded.errors
    (report,) = loaded.reports
    assert report.sheet == "All tickets"
    assert any("Skipped a sheet" in n and "Summary" in n for n in report.notes)
