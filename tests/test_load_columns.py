"""One column read as its spec says: the negated SLA question."""

from __future__ import annotations

import pandas as pd
import pytest

from dashboard.load.columns import parse_column
from dashboard.schema import TableKind
from dashboard.sources.specs import make_spec


@pytest.mark.parametrize(
    ("header", "negate"),
    [("SLA Breached", True), ("Has breached", True), ("SLA violated?", True),
     ("Brudd på SLA", True), ("Within SLA", False), ("SLA met", False), ("Made SLA", False)],
)  # fmt: skip
def test_headers_asking_the_opposite_are_negated(header: str, negate: bool) -> None:
    assert make_spec(TableKind.TICKETS, "sla_met", header).negate is negate


def test_plain_answers_flip_and_sla_words_read_as_they_say() -> None:
    """Under "SLA breached": Yes/No flip; "Within SLA" / "Breached" mean what they say."""
    spec = make_spec(TableKind.TICKETS, "sla_met", "SLA breached")
    values = pd.Series(["Yes", "No", "Within SLA", "Breached", None, "ja"], dtype="string")
    got = parse_column(values, spec).values
    assert got.tolist() == [False, True, True, False, pd.NA, False]
