"""User overrides of a detected mapping, and their error wording."""

from __future__ import annotations

import pytest

from dashboard.errors import UnknownColumnError
from dashboard.schema import TableKind
from dashboard.sources import ParseAs, apply_overrides, detect

HEADERS = ["Saksnummer", "Opprettet", "Løst", "Saksbehandler", "Avdeling", "Første svar (min)"]


def test_override_replaces_a_mapping() -> None:
    found = detect(HEADERS)
    out = apply_overrides(found, {"team": "Saksbehandler", "agent": "-"}, HEADERS)
    tickets = out.mappings[0]
    assert tickets.header_for("team") == "Saksbehandler"
    assert tickets.spec("agent") is None
    assert "Avdeling" in out.unmapped or "Avdeling" in tickets.keep
    assert any("You mapped 'Saksbehandler' to tickets.team" in n for n in out.notes)


def test_override_with_kind_prefix_and_duration_unit_from_header() -> None:
    found = detect(HEADERS)
    out = apply_overrides(found, {"tickets.first_response_minutes": "Første svar (min)"}, HEADERS)
    spec = out.mappings[0].spec("first_response_minutes")
    assert (spec.parse_as, spec.unit) == (ParseAs.DURATION, "minutes")


def test_override_accepts_a_header_differing_only_in_case() -> None:
    out = apply_overrides(detect(HEADERS), {"created_at": "opprettet"}, HEADERS)
    assert out.mappings[0].header_for("created_at") == "Opprettet"


def test_override_starts_a_table_for_an_unknown_file() -> None:
    headers = ["When", "Who", "How happy"]
    found = detect(headers)
    assert found.mappings == ()
    out = apply_overrides(found, {"responded_at": "When", "score": "How happy"}, headers)
    (surveys,) = out.mappings
    assert surveys.kind == TableKind.SURVEYS
    assert surveys.spec("score").parse_as == ParseAs.RATING
    assert out.source == "manual"
    assert out.unmapped == ("Who",)


def test_override_of_a_constant_column_drops_the_constant() -> None:
    headers = ["Reviewee", "Reviewer", "Score", "Created", "Type"]
    found = detect(headers)
    assert found.mappings[0].constants == {"review_type": "qa"}
    out = apply_overrides(found, {"review_type": "Type"}, headers)
    assert out.mappings[0].constants == {}


def test_bad_header_names_close_matches() -> None:
    with pytest.raises(UnknownColumnError, match="There is no column 'Opretet' in this file") as e:
        apply_overrides(detect(HEADERS), {"created_at": "Opretet"}, HEADERS)
    assert "Did you mean 'Opprettet'" in e.value.hint
    assert "'Saksnummer'" in e.value.hint


def test_bad_canonical_lists_valid_names() -> None:
    with pytest.raises(UnknownColumnError, match="'created' is not a column servicegap knows"):
        apply_overrides(detect(HEADERS), {"created": "Opprettet"}, HEADERS)
    with pytest.raises(UnknownColumnError) as e:
        apply_overrides(detect(HEADERS), {"tickets.creatd_at": "Opprettet"}, HEADERS)
    assert "Did you mean 'tickets.created_at'" in e.value.hint


def test_bad_kind_is_a_user_error() -> None:
    with pytest.raises(UnknownColumnError, match=r"'ticket\.created_at'"):
        apply_overrides(detect(HEADERS), {"ticket.created_at": "Opprettet"}, HEADERS)
