"""The README's KPI table and commands match the code."""

from __future__ import annotations

from pathlib import Path

from dashboard.kpis import KPIS

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_kpi_table_matches_the_registry() -> None:
    block = README.split("<!-- kpi-table:start -->")[1].split("<!-- kpi-table:end -->")[0]
    rows = [line for line in block.strip().splitlines()[2:]]
    assert [r.split("|")[1].strip().strip("`") for r in rows] == list(KPIS)
    for row, kpi in zip(rows, KPIS.values(), strict=True):
        assert kpi.help in row and kpi.label in row


def test_two_commands_and_screenshots() -> None:
    assert "pip install -r requirements.txt && streamlit run streamlit_app.py" in README
    assert "bash scripts/test.sh" in README
    assert "bash scripts/test.sh" in (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    for shot in ("docs/screenshots/overview.png", "docs/screenshots/gap.png"):
        assert shot in README and (ROOT / shot).is_file()
