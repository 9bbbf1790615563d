"""Exports written with a German, Norwegian, French or Spanish UI, mapped by header synonyms.

Each case is a vendor export whose headers were localised, so no (English) profile knows it:
the header row as users sent it, the expected kind, and canonical -> header pairs.
"""

from __future__ import annotations

import pandas as pd
import pytest

from dashboard.load.columns import parse_column
from dashboard.parse import parse_ratings
from dashboard.schema import TableKind
from dashboard.sources import ParseAs, detect
from dashboard.sources.vocabulary import is_segment_header, unit_from_header

T, S = TableKind.TICKETS, TableKind.SURVEYS


def _split(text: str) -> list[str]:
    return text.split(";") if ";" in text else text.split(",")


ZOHO_DE = _split(
    "Ticket-ID;Betreff;Status;Priorität;Kanal;Abteilung;Ticketinhaber;E-Mail;Kontoname;"
    "Erstellungszeit;Abschlusszeit;Zufriedenheitsbewertung"
)
FRESHDESK_NB = _split(
    "Billett-ID;Emne;Status;Prioritet;Kilde;Type;Agent;Gruppe;Opprettet tidspunkt;"
    "Tidspunkt for første svar;Løst tidspunkt;Første svartid (i timer);"
    "Løsningstid (i timer);Agentinteraksjoner;Kundeinteraksjoner;Løsningsstatus;"
    "Status for første svar;Tagger;Resultater av undersøkelse"
)
JIRA_DE = [
    "Vorgangsschlüssel", "Zusammenfassung", "Vorgangstyp", "Status", "Priorität", "Bearbeiter",
    "Autor", "Erstellt", "Erledigt", "Stichwörter", "Stichwörter.1",
]  # fmt: skip
ZENDESK_DE = _split(
    "ID;Betreff;Status;Priorität;Über;Anforderer;E-Mail des Anforderers;Organisation;Gruppe;"
    "Zugewiesener Mitarbeiter;Tags;Erstellt am;Gelöst am;Antworten;Erneut geöffnet;"
    "Zufriedenheitsbewertung"
)
HUBSPOT_DE = _split(
    "Ticket-ID,Ticketname,Ticketstatus,Priorität,Quelle,Ticketinhaber,HubSpot-Team,"
    "Erstellungsdatum,Schließdatum,Kategorie,Zugeordnetes Unternehmen"
)
SALESFORCE_NB = _split(
    "Saksnummer;Emne;Status;Prioritet;Saksopprinnelse;Sakseier;Kontonavn;"
    "Dato/klokkeslett åpnet;Dato/klokkeslett lukket;Eskalert;Sakstype"
)

CASES = [
    ("zoho_de", ZOHO_DE, {
        "ticket_id": "Ticket-ID", "created_at": "Erstellungszeit", "resolved_at": "Abschlusszeit",
        "agent": "Ticketinhaber", "organization": "Kontoname", "team": "Abteilung",
        "channel": "Kanal", "priority": "Priorität", "customer_id": "E-Mail",
    }, "Zufriedenheitsbewertung"),
    ("freshdesk_nb", FRESHDESK_NB, {
        "ticket_id": "Billett-ID", "created_at": "Opprettet tidspunkt",
        "first_response_at": "Tidspunkt for første svar", "resolved_at": "Løst tidspunkt",
        "tags": "Tagger", "sla_met": "Løsningsstatus",
        "first_response_sla_met": "Status for første svar",
        "agent_replies": "Agentinteraksjoner", "channel": "Kilde", "team": "Gruppe",
        "resolution_minutes": "Løsningstid (i timer)",
    }, "Resultater av undersøkelse"),
    ("jira_de", JIRA_DE, {
        "ticket_id": "Vorgangsschlüssel", "agent": "Bearbeiter", "customer_id": "Autor",
        "created_at": "Erstellt", "resolved_at": "Erledigt", "tags": "Stichwörter",
        "product": "Vorgangstyp",
    }, None),
    ("zendesk_de", ZENDESK_DE, {
        "ticket_id": "ID", "channel": "Über", "agent": "Zugewiesener Mitarbeiter",
        "customer_id": "E-Mail des Anforderers", "agent_replies": "Antworten",
        "reopens": "Erneut geöffnet", "created_at": "Erstellt am", "resolved_at": "Gelöst am",
        "team": "Gruppe", "organization": "Organisation",
    }, "Zufriedenheitsbewertung"),
    ("hubspot_de", HUBSPOT_DE, {
        "ticket_id": "Ticket-ID", "agent": "Ticketinhaber", "status": "Ticketstatus",
        "created_at": "Erstellungsdatum", "resolved_at": "Schließdatum",
        "team": "HubSpot-Team", "channel": "Quelle",
    }, None),
    ("salesforce_nb", SALESFORCE_NB, {
        "ticket_id": "Saksnummer", "agent": "Sakseier", "organization": "Kontonavn",
        "channel": "Saksopprinnelse", "created_at": "Dato/klokkeslett åpnet",
        "resolved_at": "Dato/klokkeslett lukket", "is_escalated": "Eskalert",
    }, None),
]  # fmt: skip


@pytest.mark.parametrize(("name", "headers", "expected", "rating"), CASES,
                         ids=[c[0] for c in CASES])  # fmt: skip
def test_localised_ticket_export(name, headers, expected, rating) -> None:
    found = detect(headers)
    assert found.source == "generic"
    tickets = found.primary
    assert tickets is not None and tickets.kind == T
    assert {c: tickets.header_for(c) for c in expected} == expected
    if rating:
        surveys = found.mappings[1]
        assert surveys.kind == S and surveys.header_for("score") == rating
        assert surveys.header_for("ticket_id") == expected["ticket_id"]


def test_freshdesk_nb_sla_words_are_read_as_outcomes() -> None:
    tickets = detect(FRESHDESK_NB).mappings[0]
    for canonical in ("sla_met", "first_response_sla_met"):
        spec = tickets.spec(canonical)
        assert spec.parse_as == ParseAs.SLA and not spec.negate
        words = pd.Series(["Innenfor SLA", "SLA brutt", None], dtype="string")
        assert parse_column(words, spec).values.tolist() == [True, False, pd.NA]


def test_counts_and_summaries_are_not_segments() -> None:
    assert not is_segment_header("Kundeinteraksjoner")
    assert not is_segment_header("Zusammenfassung")
    assert not is_segment_header("Ticketname")
    assert not is_segment_header("Svartid (t)")
    assert is_segment_header("Plan")


def test_t_in_brackets_means_hours() -> None:
    assert unit_from_header("Svartid (t)") == "hours"
    assert unit_from_header("Svartid t") is None


NB_CSAT = ["Saksnummer", "Kundenr", "Dato besvart", "Fornøyd (1–5)", "Kommentar", "Behandler",
           "Avdeling", "Svartid (t)"]  # fmt: skip


def test_norwegian_csat_sheet_is_a_survey_table() -> None:
    sample = pd.DataFrame(
        [["1001", "K-77", "01.03.2024", "5", "Veldig bra", "Kari", "Support", "2,5"],
         ["1002", "K-78", "02.03.2024", "3", "Tok lang tid", "Ola", "Salg", "26"],
         ["1003", "K-79", "03.03.2024", "4", "", "Kari", "Support", "1"]],
        columns=NB_CSAT,
    )  # fmt: skip
    found = detect(NB_CSAT, sample=sample)
    assert found.source == "generic"
    surveys = found.primary
    assert surveys.kind == S and len(found.mappings) == 1
    expected = {"score": "Fornøyd (1–5)", "responded_at": "Dato besvart",
                "ticket_id": "Saksnummer", "customer_id": "Kundenr", "comment": "Kommentar",
                "agent": "Behandler", "team": "Avdeling"}  # fmt: skip
    assert {c: surveys.header_for(c) for c in expected} == expected
    assert surveys.spec("score").parse_as == ParseAs.RATING
    assert "Fornøyd (1–5)" not in surveys.keep and "Svartid (t)" not in surveys.keep


@pytest.mark.parametrize("header", ["Hvor fornøyd var du? (1-5)", "Karakter"])
def test_norwegian_rating_headers(header: str) -> None:
    found = detect(["Saksnummer", "Dato", header, "Kommentar"])
    assert found.primary.kind == S
    assert found.primary.header_for("score") == header


@pytest.mark.parametrize(
    ("headers", "expected"),
    [
        (  # Freshdesk with a French UI (an unseen export)
            "ID du ticket;Objet;Statut;Priorité;Source;Agent;Groupe;Heure de création;"
            "Heure de résolution;Heure de réponse initiale;Résultats de l'enquête",
            {"ticket_id": "ID du ticket", "created_at": "Heure de création",
             "resolved_at": "Heure de résolution",
             "first_response_at": "Heure de réponse initiale", "agent": "Agent"},
        ),
        (  # Jira Service Management in Spanish
            "Resumen,Clave de incidencia,ID de la incidencia,Estado,Prioridad,Responsable,"
            "Creada,Actualizada,Resuelta,Calificación de satisfacción",
            {"ticket_id": "Clave de incidencia", "created_at": "Creada",
             "resolved_at": "Resuelta"},
        ),
        (  # a hand-made Spanish sheet
            "Nº de ticket;Fecha de creación;Fecha de cierre;Agente;Canal;Satisfacción (1-5)",
            {"ticket_id": "Nº de ticket", "created_at": "Fecha de creación",
             "resolved_at": "Fecha de cierre", "agent": "Agente"},
        ),
        ("Ticket-ID\tErstelldatum\tSchließdatum", {"created_at": "Erstelldatum"}),  # HubSpot de
    ],
)  # fmt: skip
def test_french_and_spanish_ticket_exports(headers: str, expected: dict[str, str]) -> None:
    found = detect(headers.split("\t") if "\t" in headers else _split(headers))
    assert found.primary.kind == T
    assert {c: found.primary.header_for(c) for c in expected} == expected
    if "Calificación" in headers or "Résultats" in headers:
        assert S in [m.kind for m in found.mappings]  # the ratings become survey answers


def test_french_freshdesk_answers_are_a_three_point_scale() -> None:
    res = parse_ratings(pd.Series(["Génial", "Neutre", "Pas satisfait"], dtype="string"))
    assert res.score.tolist() == [3.0, 2.0, 1.0] and not res.failed.any()
