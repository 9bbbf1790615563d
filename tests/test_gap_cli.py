"""`python -m dashboard gap`: monthly gap records from a ticket export and a QA-review export."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from dashboard.cli import main

TICKETS = """Id,Created at,Solved at,Group,Assignee,Satisfaction Score,Requester id
T1,2024-01-01 09:00:00,2024-01-01 12:00:00,A,Ann,Bad,c1
T2,2024-01-02 09:00:00,2024-01-02 12:00:00,A,Ann,Good,c1
T3,2024-01-03 09:00:00,2024-01-03 12:00:00,B,Bob,Offered,c2
T4,2024-01-04 09:00:00,2024-01-04 12:00:00,B,Bob,Bad,c3
T5,2024-01-05 09:00:00,2024-01-05 12:00:00,A,Ann,Good,c3
T6,2024-01-06 09:00:00,2024-01-06 12:00:00,A,Ann,Bad,c4
"""

REVIEWS = """Review ID,Conversation external ID,Reviewee,Reviewer,Scorecard,Review score,Created
R1,T1,Ann,Rita,Support,90,2024-01-05T10:00:00Z
R2,T2,Ann,Rita,Support,70,2024-01-10T10:00:00Z
R3,T3,Bob,Rita,Support,100,2024-01-20T10:00:00Z
R4,T4,Bob,Rita,Support,80,2024-02-03T10:00:00Z
R5,T5,Ann,Rita,Support,60,2024-02-15T10:00:00Z
R6,,Ann,Rita,Support,50,2024-02-20T10:00:00Z
"""


@pytest.fixture
def files(tmp_path: Path) -> list[str]:
    (tmp_path / "tickets.csv").write_text(TICKETS)
    (tmp_path / "reviews.csv").write_text(REVIEWS)
    return [str(tmp_path / "tickets.csv"), str(tmp_path / "reviews.csv")]


def _json(capsys: pytest.CaptureFixture[str], argv: list[str]) -> list[dict]:
    assert main(argv) == 0
    return json.loads(capsys.readouterr().out)


def test_monthly_gap_json(files: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    jan, feb = _json(capsys, ["gap", *files, "--period", "month", "--format", "json"])
    # Jan: reviews 90, 70, 100 → 86.667; reviewed tickets T1 Bad, T2 Good, T3 unanswered
    # → CSAT 1 of 2 = 50 %; T6 (Bad) was never reviewed and does not count
    assert jan["period"] == "2024-01" and jan["segment"] == {}
    assert jan["company_score"] == pytest.approx(260 / 3)
    assert jan["customer_score"] == pytest.approx(50.0)
    assert jan["gap"] == pytest.approx(260 / 3 - 50)
    assert (jan["n_company"], jan["n_customer"], jan["n_pairs"]) == (3, 2, 2)
    assert jan["ci_low"] < jan["gap"] < jan["ci_high"]
    assert 0 <= jan["pvalue"] <= 1
    # Feb: 80, 60 and 50 (no ticket) → 63.333; T4 Bad, T5 Good → 50 %
    assert feb["gap"] == pytest.approx(190 / 3 - 50)
    assert (feb["n_company"], feb["n_customer"]) == (3, 2)
    assert feb["change"] == pytest.approx(190 / 3 - 260 / 3)
    assert set(jan) >= {
        "period", "segment", "company_score", "customer_score", "gap", "ci_low", "ci_high",
        "pvalue", "n_company", "n_customer", "n_pairs",
    }  # fmt: skip


def test_by_original_header_and_empty_side_is_null(
    files: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    records = _json(capsys, ["gap", *files, "--by", "Group", "--format", "json"])
    cells = {(r["period"], r["segment"].get("team")): r for r in records}
    assert cells[("2024-01", "A")]["gap"] == pytest.approx(30.0)  # (90 + 70)/2 − 1 of 2
    jan_b = cells[("2024-01", "B")]  # T3 never answered: no customer side
    assert jan_b["customer_score"] is None and jan_b["gap"] is None and jan_b["n_customer"] == 0
    assert cells[("2024-02", "(blank)")]["n_company"] == 1  # R6 has no ticket


def test_csv_and_table_formats(files: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["gap", *files, "--format", "csv"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("period,segment,company_score,customer_score,gap,ci_low,ci_high")
    assert lines[1].startswith("2024-01,,86.6667,50,36.6667,")
    assert main(["gap", *files]) == 0
    assert capsys.readouterr().out.split()[0] == "period"


def test_user_errors_exit_2(files: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["gap", files[1]]) == 2
    assert "customer ratings" in capsys.readouterr().err
    assert main(["gap", files[0]]) == 2
    assert "QA reviews" in capsys.readouterr().err
    assert main(["gap", *files, "--by", "nope"]) == 2
    err = capsys.readouterr().err
    assert "--by 'nope'" in err and "team" in err
