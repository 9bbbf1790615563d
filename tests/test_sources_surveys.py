"""Survey tools: rating questions found by question text (any language) or by values."""

from __future__ import annotations

import json

import pandas as pd
import pytest

from dashboard.load.pipeline import SourceFile, inspect_files
from dashboard.schema import TableKind
from dashboard.sources import detect
from dashboard.sources.questions import classify

QUALTRICS = [
    "StartDate", "EndDate", "Status", "IPAddress", "Progress", "Duration (in seconds)",
    "Finished", "RecordedDate", "ResponseId", "RecipientLastName", "RecipientFirstName",
    "RecipientEmail", "ExternalReference", "LocationLatitude", "LocationLongitude",
    "DistributionChannel", "UserLanguage", "Q1", "Q2", "Q3", "Q2_NPS_GROUP", "TicketID",
]  # fmt: skip
QUESTIONS = {
    "Q1": "How satisfied were you with the support you received?",
    "Q2": "How likely are you to recommend Acme to a friend or colleague?",
    "Q3": "Why did you give this score?",
    "Q2_NPS_GROUP": "How likely are you to recommend Acme? - Group",
}
IMPORT_ROW = [json.dumps({"ImportId": h, "timeZone": "Europe/Oslo"}) for h in QUALTRICS]
TEXT_ROW = [QUESTIONS.get(h, h) for h in QUALTRICS]


def _by_type(found) -> dict[str, object]:
    return {m.constants["survey_type"]: m for m in found.mappings}


def test_qualtrics_three_header_rows() -> None:
    found = detect(QUALTRICS, [TEXT_ROW, IMPORT_ROW])
    assert found.source == "qualtrics" and found.confidence >= 0.9
    by_type = _by_type(found)
    assert set(by_type) == {"csat", "nps"}
    nps = by_type["nps"]
    assert nps.header_for("score") == "Q2"
    assert nps.spec("score").scale == (0.0, 10.0)
    assert nps.header_for("responded_at") == "RecordedDate"
    assert nps.header_for("response_id") == "ResponseId"
    assert nps.header_for("ticket_id") == "TicketID"  # embedded data
    assert (nps.preview_column, nps.finished_column) == ("Status", "Finished")
    assert "Q2_NPS_GROUP" in found.unmapped
    # the comment goes with one mapping only
    assert sum(m.header_for("comment") == "Q3" for m in found.mappings) == 1


def test_qualtrics_header_rows_left_in_the_data_are_reported() -> None:
    sample = pd.DataFrame([TEXT_ROW, IMPORT_ROW, ["1"] * len(QUALTRICS)], columns=QUALTRICS)
    found = detect(QUALTRICS, sample=sample)
    assert found.source == "qualtrics"
    assert found.header_rows_in_data == 2
    assert set(_by_type(found)) == {"csat", "nps"}


def test_qualtrics_without_question_text_uses_nps_group_and_values() -> None:
    sample = pd.DataFrame({h: ["a", "b", "c"] for h in QUALTRICS})
    sample["Q1"] = ["4", "5", "2"]
    sample["Q2"] = ["0", "9", "10"]
    sample["Q3"] = ["slow answer", "great", "ok I guess"]
    by_type = _by_type(detect(QUALTRICS, sample=sample))
    assert by_type["nps"].header_for("score") == "Q2"
    assert by_type["csat"].header_for("score") == "Q1"


def test_surveymonkey_two_header_rows() -> None:
    headers = [
        "Respondent ID", "Collector ID", "Start Date", "End Date", "IP Address",
        "Email Address", "First Name", "Last Name", "Custom Data 1",
        "Overall, how satisfied are you with our support?",
        "How likely is it that you would recommend us to a friend?", "Unnamed: 11",
        "Any other comments?",
    ]  # fmt: skip
    sub = [""] * 9 + ["Response", "Response", "Other (please specify)", "Open-Ended Response"]
    found = detect(headers, [sub])
    assert found.source == "surveymonkey"
    by_type = _by_type(found)
    assert set(by_type) == {"csat", "nps"}
    assert by_type["csat"].header_for("responded_at") == "End Date"
    assert by_type["csat"].header_for("customer_id") == "Email Address"
    assert any(m.header_for("comment") == "Any other comments?" for m in found.mappings)


def test_typeform_questions_and_hidden_fields() -> None:
    headers = [
        "#", "How would you rate our support today?", "How easy was it to get help?",
        "ticket_id", "email", "Start Date (UTC)", "Submit Date (UTC)", "Network ID",
    ]  # fmt: skip
    found = detect(headers)
    assert found.source == "typeform"
    by_type = _by_type(found)
    assert set(by_type) == {"csat", "ces"}
    csat = by_type["csat"]
    assert csat.header_for("response_id") == "#"
    assert csat.header_for("responded_at") == "Submit Date (UTC)"
    assert csat.header_for("ticket_id") == "ticket_id"
    assert csat.header_for("customer_id") == "email"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Hvor sannsynlig er det at du vil anbefale oss til en venn?", "nps"),
        ("Hvor sandsynligt er det, at du vil anbefale os?", "nps"),
        ("Hur troligt är det att du skulle rekommendera oss?", "nps"),
        ("Wie wahrscheinlich ist es, dass Sie uns weiterempfehlen?", "nps"),
        ("Jak bardzo prawdopodobne jest, że polecisz nas? polecić", "nps"),
        ("您向朋友推荐我们的可能性有多大?", "nps"),
        ("Hvor fornøyd er du med hjelpen du fikk?", "csat"),
        ("Hvor tilfreds er du med hjælpen?", "csat"),
        ("Hur nöjd är du med hjälpen?", "csat"),
        ("Wie zufrieden sind Sie mit unserem Support?", "csat"),
        ("Jak bardzo jesteś zadowolony z obsługi?", "csat"),
        ("您对我们的服务满意吗?", "csat"),
        ("How easy was it to solve your problem?", "ces"),
        ("Hvor lett var det å få hjelp?", "ces"),
    ],
)
def test_question_text_in_our_languages(text: str, expected: str) -> None:
    assert classify("Q1", text, None, ["Q1"]) == expected


def test_free_text_with_sample_is_a_comment() -> None:
    values = pd.Series(["The agent was quick", "Too slow", "ok"])
    assert classify("Q9", "Q9 Why did you give this rating?", values, ["Q9"]) == "comment"


def test_survey_without_any_rating_question_asks_for_one() -> None:
    found = detect(["Respondent ID", "Collector ID", "Start Date", "End Date", "Your name"])
    assert found.source == "surveymonkey"
    (mapping,) = found.mappings
    assert mapping.kind == TableKind.SURVEYS and mapping.spec("score") is None
    assert any("score=<header>" in n for n in found.notes)


def test_a_matrix_question_beside_a_satisfaction_question_is_not_csat() -> None:
    """'Rate the agent on: Speed / Knowledge / Friendliness' made each respondent count four
    times in CSAT (n = 120 for 30 people; an unseen SurveyMonkey export)."""
    text = (
        "Respondent ID,Collector ID,Start Date,End Date,Email Address,"
        "How likely is it that you would recommend us to a friend?,"
        "How satisfied were you with our support?,Please rate the agent on:,,,Any comments?\n"
        ",,,,,Response,Response,Speed,Knowledge,Friendliness,Open-Ended Response\n"
        "1,9,03/13/2024 09:00:00 AM,03/13/2024 09:05:00 AM,a@x.com,9,Very satisfied,"
        "Excellent,Good,Excellent,\n"
        "2,9,03/14/2024 09:00:00 AM,03/14/2024 09:05:00 AM,b@x.com,3,Very dissatisfied,"
        "Poor,Good,Good,slow\n"
    )
    loaded = inspect_files([SourceFile("monkey.csv", text.encode())])
    assert not loaded.errors
    surveys = pd.concat(loaded.frames[TableKind.SURVEYS])
    assert sorted(surveys["survey_type"].tolist()) == ["csat", "csat", "nps", "nps"]
    notes = [n for r in loaded.reports for n in r.notes]
    assert any("'Please rate the agent on:' is a grid of 3 ratings" in n for n in notes)
    assert not any(n.startswith("'Please rate the agent on: - Speed'") for n in notes)
