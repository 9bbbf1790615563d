"""A profile's mapping is completed by header synonyms and segments, as for an unknown file.

Headers a vendor profile does not list used to vanish without a word; now the synonym matcher
fills the canonical columns the profile left unmapped (with a note asking to confirm), and
remaining segment-like headers are kept by the same rule `generic` uses for unknown files.
"""

from __future__ import annotations

import pandas as pd

from dashboard.schema import TableKind
from dashboard.sources import detect
from dashboard.sources.generic import fill_unmapped, repeated_headers
from dashboard.sources.model import TableMapping

SALESFORCE = ["Case Number", "Subject", "Status", "Priority", "Case Origin", "Case Owner",
              "Date/Time Opened", "Date/Time Closed", "Customer Region", "Plan",
              "Support Tier", "Comments"]  # fmt: skip


def test_profile_mapping_filled_by_synonyms_with_a_note() -> None:
    found = detect(SALESFORCE)
    assert found.source == "salesforce_cases"
    tickets = found.primary
    assert tickets.header_for("country") == "Customer Region"  # "region" as a whole word
    assert tickets.header_for("agent") == "Case Owner"  # the profile's own mapping stays
    assert any("Also mapped by header names" in n and "'Customer Region' -> country" in n
               for n in found.notes)  # fmt: skip


def test_unknown_segment_headers_are_kept_not_dropped() -> None:
    found = detect(SALESFORCE)
    assert {"Plan", "Support Tier"} <= set(found.primary.keep)
    assert "Comments" not in found.primary.keep and "Comments" in found.unmapped
    assert "Plan" not in found.unmapped


def test_keeping_uses_the_sample_like_generic() -> None:
    rows = 30
    sample = pd.DataFrame({h: [f"{h}-{i % 3}" for i in range(rows)] for h in SALESFORCE})
    sample["Plan"] = [f"customer-{i}" for i in range(rows)]  # all distinct: not a segment
    sample["Support Tier"] = [str(i % 3) for i in range(rows)]  # numbers: a measure
    found = detect(SALESFORCE, sample=sample)
    assert "Plan" not in found.primary.keep
    assert "Support Tier" not in found.primary.keep


def test_header_naming_a_mapped_column_is_neither_mapped_nor_kept() -> None:
    headers = ["Id", "Created at", "Group", "Assignee", "Status", "Group stations", "Brand"]
    found = detect(headers)
    assert found.source == "zendesk_tickets"
    tickets = found.primary
    assert tickets.header_for("team") == "Group"
    assert "Group stations" not in tickets.keep
    assert "Brand" in tickets.keep


def test_a_rating_read_by_another_table_is_left_to_it() -> None:
    headers = ["Id", "Created at", "Solved at", "Assignee", "Satisfaction Score", "Brand"]
    tickets, surveys = detect(headers).mappings
    assert surveys.header_for("score") == "Satisfaction Score"
    assert "Satisfaction Score" not in tickets.keep


def test_survey_tool_questions_are_not_filled() -> None:
    headers = ["Respondent ID", "Collector ID", "Start Date", "End Date",
               "How satisfied were you with the agent?", "Which team helped you?"]  # fmt: skip
    found = detect(headers)
    assert found.source == "surveymonkey"
    assert not any("Also mapped" in n for n in found.notes)


def test_repeated_multi_value_columns_are_not_segments() -> None:
    headers = ["Issue key", "Created", "Labels", "Labels.1", "Labels.2", "Version 2.1"]
    assert repeated_headers(headers) == {"Labels.1", "Labels.2"}
    found = detect(headers)
    assert found.primary.header_for("tags") == "Labels"
    assert "Labels.1" in found.unmapped


def test_fill_unmapped_reports_what_it_added() -> None:
    base = TableMapping(TableKind.TICKETS, columns=())
    filled, added = fill_unmapped(base, ["Opened", "Market", "Tier"])
    assert [(m.header, m.canonical) for m in added] == [("Opened", "created_at"),
                                                        ("Market", "country")]  # fmt: skip
    assert filled.keep == ("Tier",)


def test_generic_type_synonym_matches_only_exactly() -> None:
    headers = ["conversation_id", "conversation_created_at", "conversation_state",
               "message_type", "app_name"]  # fmt: skip
    found = detect(headers)
    assert found.source == "intercom_snake"
    assert found.primary.header_for("product") is None
