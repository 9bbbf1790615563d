"""The KPIs the main hand fixture lacks columns for: handle time, escalation rate and CES, plus
the hist of CES answers and the zero-count periods densified into a series. Hand-computed."""

from __future__ import annotations

from datetime import date

import numpy as np
import pandas as pd
import pytest

from dashboard.config import DurationStat, Settings
from dashboard.kpis import KpiRequest, available, compute
from dashboard.schema import TableKind as K
from dashboard.store import build_dataset

T = pd.Timestamp


@pytest.fixture(scope="module")
def data():
    tickets = pd.DataFrame({
        "ticket_id": ["1", "2", "3", "4"],
        "created_at": [T("2024-01-02"), T("2024-01-03"), T("2024-01-04"), T("2024-03-05")],
        "resolved_at": [T("2024-01-02 05:00"), T("2024-01-09"), pd.NaT, T("2024-03-06")],
        "handle_minutes": [10.0, 30.0, 99.0, -5.0],  # 3 unresolved; 4 negative: left out
        "is_escalated": [True, False, None, True],
    })  # fmt: skip
    surveys = pd.DataFrame({
        "response_id": ["a", "b", "c", "d"], "survey_type": ["ces"] * 4,
        "score": [7.0, 6.0, 2.0, 5.0], "scale_min": [1.0] * 4, "scale_max": [7.0] * 4,
        "responded_at": [T("2024-01-05"), T("2024-01-06"), T("2024-01-07"), T("2024-03-01")],
    })  # fmt: skip
    return build_dataset({K.TICKETS: tickets, K.SURVEYS: surveys})


def _frame(data, settings: Settings | None = None) -> pd.DataFrame:
    req = KpiRequest(("handle_time", "escalation_rate", "ces", "tickets_created"), "month",
                     date(2024, 1, 1), date(2024, 3, 31))  # fmt: skip
    f = compute(data, req, settings or Settings()).frame
    return f.set_index(["kpi", "period"])


def test_handle_time_escalation_and_ces_by_hand(data) -> None:
    f = _frame(data)
    assert f.loc[("handle_time", "2024-01"), "value"] == pytest.approx(20.0)  # median of 10, 30
    assert f.loc[("handle_time", "2024-03"), "n"] == 0  # only a negative duration
    mean = _frame(data, Settings(duration_stat=DurationStat.MEAN))
    assert mean.loc[("handle_time", "2024-01"), "value"] == pytest.approx(20.0)
    assert f.loc[("escalation_rate", "2024-01"), "value"] == pytest.approx(50.0)  # 1 of 2 known
    assert f.loc[("escalation_rate", "all"), "successes"] == 2
    jan = f.loc[("ces", "2024-01")]
    assert jan["value"] == pytest.approx(5.0)  # (7 + 6 + 2) / 3
    assert jan["successes"] == 2  # 7 and 6 are in the easy top two boxes of 1-7
    assert jan["hist"] == {2: 1, 6: 1, 7: 1}
    assert jan["sumsq"] == pytest.approx(49 + 36 + 4)


def test_empty_months_are_zero_counts_and_missing_values(data) -> None:
    f = _frame(data)
    assert f.loc[("tickets_created", "2024-02"), "value"] == 0
    assert np.isnan(f.loc[("ces", "2024-02"), "value"])
    assert f.loc[("ces", "2024-02"), "hist"] == {}
    assert not f.loc[("tickets_created", "2024-02"), "partial"]


def test_these_kpis_are_available(data) -> None:
    ok = {a.kpi.key for a in available(data) if a.ok}
    assert {"handle_time", "escalation_rate", "ces"} <= ok
