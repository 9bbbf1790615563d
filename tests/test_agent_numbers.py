"""Agent numbers stored with the tickets (`dashboard.agent_numbers`) and the agent-days they key.

Tickets per agent-day counts distinct (agent, day) pairs on integers built from the stored
number; the result must be the one the agent's name and the day as text give, by hand and on
a table without the stored number, in the data's zone and in a chosen one.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pandas as pd
import pytest

from dashboard.agent_numbers import COLUMN, agent_numbers
from dashboard.config import Settings
from dashboard.kpis import KpiRequest, compute
from dashboard.schema import TableKind
from dashboard.store import build_dataset

T = pd.Timestamp


def test_the_same_agent_gets_the_same_number_and_no_agent_none() -> None:
    numbers = agent_numbers(pd.Series(["Ana", None, "Bo", "Ana", "ana"], dtype="string"))
    assert numbers.dtype == "Int64"
    assert numbers[0] == numbers[3]
    assert len({numbers[0], numbers[2], numbers[4]}) == 3  # names differ: numbers differ
    assert pd.isna(numbers[1])


def _data():
    resolved = [
        # Ana: 1 and 2 March as written; 1, 2 and 3 March in Shanghai (+8 h)
        T("2024-03-01 10:00"), T("2024-03-01 17:30"), T("2024-03-02 20:00"),
        T("2024-03-01 12:00"), T("2024-03-01 13:00"),  # Bo, one day
        T("2024-03-01 14:00"),  # no agent: not an agent-day, not counted
        pd.NaT,  # open: not counted
    ]  # fmt: skip
    frame = pd.DataFrame({
        "ticket_id": [str(i) for i in range(7)],
        "created_at": [T("2024-03-01 08:00")] * 7,
        "resolved_at": resolved,
        "agent": ["Ana", "Ana", "Ana", "Bo", "Bo", None, "Bo"],
    })  # fmt: skip
    return build_dataset({TableKind.TICKETS: frame})


@pytest.mark.parametrize(
    ("zone", "agent_days"),
    [(None, 3), ("Asia/Shanghai", 4)],  # Ana's 2 + Bo's 1; Ana's 3 + Bo's 1
)
def test_tickets_per_agent_day_by_hand_and_as_text(zone, agent_days) -> None:
    data = _data()
    settings = Settings(timezone=zone)
    request = KpiRequest(("agent_productivity",), "month", date(2024, 3, 1), date(2024, 3, 31))
    stored = compute(data, request, settings).total("agent_productivity")
    assert stored["denominator"] == agent_days
    assert stored["value"] == pytest.approx(5 / agent_days)
    tickets = data.table(TableKind.TICKETS)
    assert COLUMN in tickets.columns
    as_text = replace(data, tables={TableKind.TICKETS: tickets.drop(COLUMN)})
    text = compute(as_text, request, settings).total("agent_productivity")
    assert text["denominator"] == stored["denominator"]
    assert text["value"] == stored["value"]
