"""Segments page logic: funnel from KPI cells, ranked by the KPI's direction."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from dashboard.config import Settings
from dashboard.display.segments import funnel_for, ranked_table
from dashboard.kpis import KpiRequest, compute
from dashboard.schema import TableKind as K
from dashboard.store import build_dataset


def test_rate_funnel_and_ranking_from_cells() -> None:
    n = {"A": 50, "B": 500, "C": 20}
    met = {"A": 45, "B": 400, "C": 10}
    rows = []
    for team, total in n.items():
        rows += [(team, i < met[team]) for i in range(total)]
    frame = pd.DataFrame(rows, columns=["team", "sla_met"])
    frame["ticket_id"] = [str(i) for i in range(len(frame))]
    frame["created_at"] = pd.Timestamp("2024-03-05 10:00")
    data = build_dataset({K.TICKETS: frame})
    req = KpiRequest(("sla_compliance",), "month", date(2024, 3, 1), date(2024, 3, 31), by="team")
    cells = compute(data, req, Settings())
    funnel = funnel_for(cells, "sla_compliance", Settings())
    assert funnel.center == pytest.approx(100 * 455 / 570)
    table = ranked_table(funnel, "sla_compliance", "Team")
    assert list(table["Team"]) == ["A", "B", "C"]  # 90 %, 80 %, 50 %: higher is better
    assert list(table["Against the overall value"])[-1] == "clearly below"
