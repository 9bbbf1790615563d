"""Rows that must not count: a survey answer or QA review exported twice, a QA score over 100 %."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from dashboard.load.pipeline import SourceFile, inspect_files

EXPORTS = Path(__file__).parent / "fixtures" / "exports"


def _report(text: str, name: str):
    loaded = inspect_files([SourceFile(name, text.encode())])
    assert not loaded.errors, loaded.errors
    return loaded.reports[0]


def test_a_repeated_survey_response_is_left_out() -> None:
    text = (
        "#,How likely are you to recommend Acme to a friend or colleague?,Submit Date (UTC)\n"
        "r1,9,2025-03-01 10:00:00\n"
        "r2,0,2025-03-01 11:00:00\n"
        "r2,0,2025-03-01 11:00:00\n"
        "r3,10,2025-03-02 11:00:00\n"
    )
    report = _report(text, "typeform.csv")
    assert (report.rows_read, report.rows_used) == (4, 3)
    assert dict(report.excluded_by_reason) == {"duplicate_id": 1}
    (issue,) = [i for i in report.issues if i.code == "duplicate_id"]
    assert issue.line == 4


def test_a_repeated_review_is_left_out() -> None:
    text = (
        "Review ID,Conversation ID,Reviewer,Reviewee,Review score,Review created at\n"
        "rv_1,c1,Ann,Bo,80%,2025-03-03T09:00:00Z\n"
        "rv_2,c2,Ann,Bo,60%,2025-03-03T10:00:00Z\n"
        "rv_2,c2,Ann,Bo,60%,2025-03-03T10:00:00Z\n"
    )
    report = _report(text, "reviews.csv")
    assert report.kind == "reviews"
    assert (report.rows_read, report.rows_used) == (3, 2)
    assert dict(report.excluded_by_reason) == {"duplicate_id": 1}


def test_answers_without_a_response_id_are_all_kept() -> None:
    text = "Ticket ID,Rated at,Rating (1-5)\n7,2025-03-01 10:00,5\n7,2025-03-01 10:00,5\n"
    report = _report(text, "csat.csv")
    assert (report.rows_read, report.rows_used) == (2, 2)


def test_a_qa_score_above_100_percent_is_left_out() -> None:
    text = (
        "Review ID,Conversation ID,Reviewer,Reviewee,Review score,Review created at\n"
        "rv_1,c1,Ann,Bo,80%,2025-03-03T09:00:00Z\n"
        "rv_2,c2,Ann,Bo,112%,2025-03-03T10:00:00Z\n"
        "rv_3,c3,Ann,Bo,55%,2025-03-03T11:00:00Z\n"
    )
    report = _report(text, "reviews.csv")
    assert (report.rows_read, report.rows_used) == (3, 2)
    assert dict(report.excluded_by_reason) == {"invalid_rating": 1}


def test_each_question_of_a_survey_says_which_answers_it_could_not_count() -> None:
    """Qualtrics CSAT (Q1) + NPS (Q2): a row counts for the file when either was answered; the
    blank answers to one question among those rows are named per question (pandas counts)."""
    path = EXPORTS / "qualtrics_csat_nps.csv"
    raw = pd.read_csv(path, skiprows=[1, 2], dtype=str, keep_default_na=False)
    live = raw[(raw.Status != "Survey Preview") & (raw.Finished == "1")]
    kept = live[(live.Q1 != "") | (live.Q2 != "")]
    report = inspect_files([SourceFile(path.name, path.read_bytes())]).reports[0]
    assert report.rows_used == len(kept)
    for question in ("Q1", "Q2"):
        blank = int((kept[question] == "").sum())
        assert blank > 0
        assert (
            f"Question '{question}': {blank} of the rows kept have no countable answer to it "
            f"(no_rating: {blank})"
        ) in " ".join(report.notes)

