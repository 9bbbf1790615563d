"""Files no profile knows, mapped by header synonyms in seven languages."""

from __future__ import annotations

import pandas as pd
import pytest

from dashboard.schema import TableKind
from dashboard.sources import ParseAs, detect
from dashboard.sources.synonyms import SYNONYMS, normalise
from dashboard.sources.vocabulary import is_business, unit_from_header

# (language, headers, expected primary columns, rating header)
HAND_MADE = [
    ("nb", ["Saksnummer", "Opprettet", "Løst", "Saksbehandler", "Avdeling", "Tilfredshet"],
     {"created_at": "Opprettet", "resolved_at": "Løst", "agent": "Saksbehandler",
      "team": "Avdeling", "ticket_id": "Saksnummer"}, "Tilfredshet"),
    ("da", ["Sagsnummer", "Oprettet", "Lukket", "Sagsbehandler", "Afdeling", "Tilfredshed"],
     {"created_at": "Oprettet", "resolved_at": "Lukket", "agent": "Sagsbehandler",
      "team": "Afdeling"}, "Tilfredshed"),
    ("sv", ["Ärendenummer", "Skapad", "Stängd", "Handläggare", "Grupp", "Betyg"],
     {"created_at": "Skapad", "resolved_at": "Stängd", "agent": "Handläggare",
      "team": "Grupp"}, "Betyg"),
    ("de", ["Ticketnummer", "Erstellt am", "Gelöst am", "Bearbeiter", "Gruppe",
            "Zufriedenheit"],
     {"created_at": "Erstellt am", "resolved_at": "Gelöst am", "agent": "Bearbeiter",
      "team": "Gruppe"}, "Zufriedenheit"),
    ("pl", ["Numer zgłoszenia", "Data utworzenia", "Data zamknięcia", "Agent/Konsultant",
            "Zespół", "Ocena"],
     {"created_at": "Data utworzenia", "resolved_at": "Data zamknięcia",
      "agent": "Agent/Konsultant", "team": "Zespół"}, "Ocena"),
    ("zh", ["工单号", "创建时间", "解决时间", "处理人", "团队", "满意度"],
     {"created_at": "创建时间", "resolved_at": "解决时间", "agent": "处理人", "team": "团队",
      "ticket_id": "工单号"}, "满意度"),
    ("en", ["Ticket", "Created", "Closed", "Owner", "Department", "CSAT"],
     {"created_at": "Created", "resolved_at": "Closed", "agent": "Owner",
      "team": "Department"}, "CSAT"),
]  # fmt: skip


@pytest.mark.parametrize(("lang", "headers", "expected", "rating"), HAND_MADE,
                         ids=[c[0] for c in HAND_MADE])  # fmt: skip
def test_hand_made_ticket_sheet(lang, headers, expected, rating) -> None:
    found = detect(headers)
    assert found.source == "generic"
    assert 0.3 <= found.confidence < 0.9
    tickets, surveys = found.mappings
    assert tickets.kind == TableKind.TICKETS and surveys.kind == TableKind.SURVEYS
    assert {c: tickets.header_for(c) for c in expected} == expected
    assert surveys.header_for("score") == rating
    assert surveys.header_for("responded_at") == expected["resolved_at"]
    assert any("please confirm" in n for n in found.notes)


def test_shuffled_and_decorated_headers() -> None:
    headers = ["Avdeling ", "SAKSBEHANDLER", "opprettet_dato", "Løst dato (UTC)", "Kanal"]
    tickets = detect(headers).mappings[0]
    assert tickets.header_for("created_at") == "opprettet_dato"
    assert tickets.header_for("resolved_at") == "Løst dato (UTC)"
    assert tickets.header_for("channel") == "Kanal"


def test_durations_unit_and_clock_from_header() -> None:
    headers = ["Created", "Closed", "First response time (minutes)",
               "Resolution time in hours (business hours)", "Svartid (timer)"]  # fmt: skip
    tickets = detect(headers).mappings[0]
    first = tickets.spec("first_response_minutes")
    assert (first.header, first.unit, first.parse_as) == (headers[2], "minutes",
                                                          ParseAs.DURATION)  # fmt: skip
    business = tickets.spec("resolution_business_minutes")
    assert (business.header, business.unit) == (headers[3], "hours")


@pytest.mark.parametrize(
    ("header", "unit"),
    [("First reply time in minutes", "minutes"), ("Resolve time (s)", "seconds"),
     ("Time to close (HH:mm:ss)", "hms"), ("Svartid (timer)", "hours"),
     ("Lösningstid (minuter)", "minutes"), ("Czas odpowiedzi (godziny)", "hours"),
     ("首次响应时长(小时)", "hours"), ("First reply time", None)],
)  # fmt: skip
def test_unit_from_header(header: str, unit: str | None) -> None:
    assert unit_from_header(header) == unit


def test_business_hours_words() -> None:
    assert is_business("First reply time in minutes within business hours")
    assert is_business("Svartid i arbeidstid")
    assert not is_business("First reply time in minutes")


def test_accounts_file() -> None:
    found = detect(["Customer ID", "Signup date", "Churn date", "Plan", "MRR", "Country"])
    assert found.source == "generic_accounts"
    (accounts,) = found.mappings
    assert accounts.kind == TableKind.ACCOUNTS
    assert accounts.header_for("started_at") == "Signup date"
    assert accounts.header_for("churned_at") == "Churn date"
    assert accounts.header_for("value") == "MRR"
    assert accounts.spec("value").parse_as == ParseAs.NUMBER


def test_norwegian_accounts_file() -> None:
    found = detect(["Kundenummer", "Startdato", "Oppsagt", "Abonnement", "Beløp"])
    accounts = found.mappings[0]
    assert accounts.kind == TableKind.ACCOUNTS
    assert accounts.header_for("churned_at") == "Oppsagt"


def test_qa_spreadsheet_is_reviews() -> None:
    found = detect(["Date", "Agent", "Reviewer", "QA score", "Scorecard"])
    (reviews,) = found.mappings
    assert reviews.kind == TableKind.REVIEWS
    assert reviews.header_for("score") == "QA score"


def test_survey_sheet() -> None:
    found = detect(["Svardato", "Kunde", "Tilfredshet", "Kommentar"])
    (surveys,) = found.mappings
    assert surveys.kind == TableKind.SURVEYS
    assert surveys.header_for("comment") == "Kommentar"
    assert surveys.spec("score").parse_as == ParseAs.RATING


def test_nps_header_sets_survey_type() -> None:
    found = detect(["Date", "NPS", "Comment"])
    assert found.mappings[0].spec("score").survey_type == "nps"


def test_keep_segments_by_name_and_sample() -> None:
    headers = ["Created", "Closed", "Agent", "Region", "Subject", "Customer email", "Brand"]
    sample = pd.DataFrame({h: [f"v{i}" for i in range(30)] for h in headers})
    sample["Region"] = ["North", "South"] * 15
    tickets = detect(headers, sample=sample).mappings[0]
    assert "Subject" not in tickets.keep
    assert "Brand" not in tickets.keep  # 30 distinct values in 30 rows: not a segment
    assert tickets.header_for("country") == "Region"


def test_unknown_file_has_no_mappings() -> None:
    found = detect(["foo", "bar", "baz"])
    assert found.mappings == () and found.confidence == 0.0
    assert found.unmapped == ("foo", "bar", "baz")
    assert "'foo'" in found.notes[0]


def test_contact_list_is_not_a_table() -> None:
    assert detect(["Name", "Email", "Phone"]).mappings == ()


def test_synonyms_are_normalised_and_listed_once_per_column() -> None:
    for table in SYNONYMS.values():
        for canonical, words in table.items():
            assert all(w == normalise(w) for w in words), canonical
