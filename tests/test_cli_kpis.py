"""`python -m dashboard kpis`: records per period, segments, filters, and user errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from dashboard.cli import main

ROOT = Path(__file__).resolve().parents[1]
TICKETS = (
    "Ticket ID;Created;Solved;Team\n"
    "1;03.01.2024 09:00;03.01.2024 12:00;Faktura\n"
    "2;04.01.2024 10:00;06.01.2024 10:00;Faktura\n"
    "3;05.02.2024 10:00;;Støtte\n"
).encode("cp1252")


@pytest.fixture
def export(tmp_path: Path) -> str:
    path = tmp_path / "tickets.csv"
    path.write_bytes(TICKETS)
    return str(path)


def _json(capsys, *argv: str) -> list[dict]:
    assert main(list(argv)) == 0
    return json.loads(capsys.readouterr().out)


def test_monthly_json_records(export, capsys) -> None:
    out = _json(capsys, "kpis", export, "--period", "month", "--kpi",
                "tickets_created,resolution_time", "--format", "json")  # fmt: skip
    created = {r["period"]: r["value"] for r in out if r["kpi"] == "tickets_created"}
    assert created == {"2024-01": 2, "2024-02": 1}
    jan = next(r for r in out if r["kpi"] == "resolution_time" and r["period"] == "2024-01")
    assert jan["median"] == pytest.approx((180 + 2880) / 2) and jan["unit"] == "minutes"
    assert jan["segment"] == {} and jan["n"] == 2


def test_by_and_where(export, capsys) -> None:
    out = _json(capsys, "kpis", export, "--kpi", "tickets_created", "--by", "team",
                "--where", "team=Støtte", "--format", "json")  # fmt: skip
    got = {(r["period"], json.dumps(r["segment"], ensure_ascii=False), r["value"]) for r in out}
    assert {g for g in got if g[2]} == {("2024-02", "{}", 1), ("2024-02", '{"team": "Støtte"}', 1)}


def test_unknown_column_and_kpi_are_user_errors(export, capsys) -> None:
    assert main(["kpis", export, "--by", "nope"]) == 2
    assert "no column 'nope'" in capsys.readouterr().err
    assert main(["kpis", export, "--kpi", "speed"]) == 2
    assert "Unknown KPI speed" in capsys.readouterr().err


def test_sample_csv_output(capsys) -> None:
    sample = str(ROOT / "sample_data" / "klaus_qa_reviews.csv")
    argv = ["kpis", sample, "--period", "quarter", "--kpi", "qa_score", "--format", "csv"]
    assert main(argv) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("period,segment,kpi,value,unit,n")
    assert len(lines) == 5 and lines[1].startswith("2025-Q1,,qa_score,")
