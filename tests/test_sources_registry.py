"""Invariants of the profile registry and of every mapping it can produce."""

from __future__ import annotations

import re

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as hst

from dashboard.schema import COLUMNS, TableKind
from dashboard.sources import PROFILES, ColumnSpec, ParseAs, detect
from dashboard.sources.model import TableMapping
from dashboard.sources.specs import default_parse, refine_with_sample

IDS = [p.key for p in PROFILES]


def test_profile_keys_are_unique() -> None:
    assert len(IDS) == len(set(IDS))


@pytest.mark.parametrize("profile", PROFILES, ids=IDS)
def test_every_rule_names_a_canonical_column_of_its_table(profile) -> None:
    for table in profile.tables:
        names = {c.name for c in COLUMNS[table.kind]}
        for rule in table.columns:
            assert rule.canonical in names, (profile.key, rule.canonical)
            assert rule.headers, (profile.key, rule.canonical)
            default_parse(table.kind, rule.canonical)  # raises for an unknown column
        assert set(table.constants) <= names
        assert set(table.requires) <= names
        if table.keep_pattern:
            re.compile(table.keep_pattern)


@pytest.mark.parametrize("profile", PROFILES, ids=IDS)
def test_full_signature_detects_the_profile_with_valid_mappings(profile) -> None:
    headers = [entry[0] for entry in profile.signature]
    found = detect(headers)
    assert found.source == profile.key
    assert found.confidence >= 0.9
    for mapping in found.mappings:
        _assert_valid(mapping, headers)


def _assert_valid(mapping: TableMapping, headers: list[str]) -> None:
    names = {c.name for c in COLUMNS[mapping.kind]}
    canonicals = [s.canonical for s in mapping.columns]
    assert len(canonicals) == len(set(canonicals)), "one spec per canonical column"
    assert set(canonicals) <= names
    assert {s.header for s in mapping.columns} <= set(headers)
    assert set(mapping.keep) <= set(headers)
    assert not set(mapping.keep) & {s.header for s in mapping.columns}
    assert set(mapping.constants) <= names


@pytest.mark.parametrize(
    ("kind", "canonical", "expected"),
    [
        (TableKind.TICKETS, "ticket_id", ParseAs.ID),
        (TableKind.TICKETS, "created_at", ParseAs.DATETIME),
        (TableKind.TICKETS, "sla_met", ParseAs.SLA),
        (TableKind.TICKETS, "is_escalated", ParseAs.BOOLEAN),
        (TableKind.TICKETS, "reopens", ParseAs.COUNT),
        (TableKind.TICKETS, "handle_minutes", ParseAs.DURATION),
        (TableKind.SURVEYS, "score", ParseAs.RATING),
        (TableKind.REVIEWS, "score", ParseAs.NUMBER),
        (TableKind.ACCOUNTS, "value", ParseAs.NUMBER),
        (TableKind.TICKETS, "agent", ParseAs.TEXT),
    ],
)
def test_default_parse(kind, canonical, expected) -> None:
    assert default_parse(kind, canonical) == expected


def test_default_parse_rejects_unknown_column() -> None:
    with pytest.raises(ValueError, match="no canonical column"):
        default_parse(TableKind.TICKETS, "score")


def test_hms_values_switch_a_minutes_column_to_hms() -> None:
    spec = ColumnSpec("Handle", "handle_minutes", ParseAs.DURATION, unit="minutes")
    out, note = refine_with_sample(spec, pd.Series(["12:30:00", "49:12:03", None]))
    assert out.unit == "hms" and "HH:MM:SS" in note


def test_bom_and_spaces_in_headers_still_match() -> None:
    found = detect(["\ufeffId", "Created at ", "Via", "Solved at", "Requester id"])
    assert found.source == "zendesk_tickets"
    assert found.mappings[0].header_for("ticket_id") == "\ufeffId"


_HEADER_POOL = sorted(
    {entry[0] for p in PROFILES for entry in p.signature}
    | {"Opprettet", "Løst", "满意度", "Data utworzenia", "Kommentar", "foo", "#", ""}
)


@settings(max_examples=60, deadline=None)
@given(
    headers=hst.lists(
        hst.one_of(hst.sampled_from(_HEADER_POOL), hst.text(max_size=12)),
        max_size=25,
        unique=True,
    )
)
def test_detect_never_fails_and_maps_only_real_headers(headers: list[str]) -> None:
    found = detect(headers)
    assert 0.0 <= found.confidence <= 1.0
    assert set(found.unmapped) <= set(headers)
    for mapping in found.mappings:
        _assert_valid(mapping, headers)
