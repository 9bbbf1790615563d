"""The engine against independent pandas computations: the sample data, and random data where
pooled cells must reproduce the totals (counts and sums add up; medians are never pooled)."""

from __future__ import annotations

from datetime import date

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dashboard.config import Settings
from dashboard.kpis import KpiRequest, compute
from dashboard.samples import load_sample
from dashboard.schema import TableKind as K
from dashboard.store import build_dataset

YEAR = (date(2025, 1, 1), date(2025, 12, 31))


@pytest.fixture(scope="module")
def sample():
    data, _ = load_sample()
    req = KpiRequest(("tickets_created", "first_response_time", "csat", "nps", "qa_score"),
                     "month", *YEAR)  # fmt: skip
    raw = {k: data.table(k).to_pandas() for k in (K.TICKETS, K.SURVEYS, K.REVIEWS)}
    return compute(data, req, Settings()).frame, raw


def _monthly(frame: pd.DataFrame, kpi: str) -> pd.Series:
    f = frame[(frame.kpi == kpi) & (frame.period != "all") & (frame.segment_value == "")]
    return f.set_index("period")["value"]


def test_tickets_created_and_first_response_match_pandas(sample) -> None:
    frame, raw = sample
    t = raw[K.TICKETS]
    t = t[(t.created_at >= "2025-01-01") & (t.created_at < "2026-01-01")]
    month = t.created_at.dt.strftime("%Y-%m")
    pd.testing.assert_series_equal(
        _monthly(frame, "tickets_created"), month.value_counts().sort_index().astype(float),
        check_names=False,
    )  # fmt: skip
    frt = (t.first_response_at - t.created_at).dt.total_seconds() / 60
    frt = frt.fillna(t.first_response_minutes).fillna(t.first_response_business_minutes)
    expected = frt[frt >= 0].groupby(month).median()
    assert np.allclose(_monthly(frame, "first_response_time"), expected.sort_index())


def test_csat_nps_and_qa_match_pandas(sample) -> None:
    frame, raw = sample
    s = raw[K.SURVEYS]
    s = s[(s.responded_at >= "2025-01-01") & (s.responded_at < "2026-01-01")]
    month = s.responded_at.dt.strftime("%Y-%m")
    csat = s[s.survey_type == "csat"]
    small = (csat.scale_max - csat.scale_min + 1) <= 3
    good = np.where(small, csat.score >= csat.scale_max, csat.score >= csat.scale_max - 1)
    expected = pd.Series(good, index=csat.index).groupby(month[csat.index]).mean() * 100
    assert np.allclose(_monthly(frame, "csat"), expected.sort_index())
    nps = s[s.survey_type == "nps"]
    score = nps.score.groupby(month[nps.index])
    expected = score.apply(lambda x: 100 * ((x >= 9).mean() - (x <= 6).mean()))
    assert np.allclose(_monthly(frame, "nps"), expected.sort_index())
    r = raw[K.REVIEWS]
    r = r[(r.reviewed_at >= "2025-01-01") & (r.reviewed_at < "2026-01-01")]
    expected = r.score.groupby(r.reviewed_at.dt.strftime("%Y-%m")).mean()
    assert np.allclose(_monthly(frame, "qa_score"), expected.sort_index())


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(
        st.tuples(st.integers(0, 89), st.integers(0, 3), st.booleans(), st.integers(0, 5)),
        min_size=1, max_size=40,
    )
)  # fmt: skip
def test_pooled_cells_reproduce_the_totals(rows) -> None:
    frame = pd.DataFrame({
        "ticket_id": [str(i) for i in range(len(rows))],
        "created_at": [pd.Timestamp("2024-01-01") + pd.Timedelta(days=d) for d, *_ in rows],
        "team": [f"T{t}" for _, t, _, _ in rows],
        "sla_met": [b for *_, b, _ in rows],
        "agent_replies": [r for *_, r in rows],
    })  # fmt: skip
    frame["resolved_at"] = frame.created_at + pd.Timedelta(hours=5)
    data = build_dataset({K.TICKETS: frame})
    req = KpiRequest(("tickets_created", "sla_compliance", "replies_per_resolution"), "week",
                     date(2024, 1, 1), date(2024, 3, 31), by="team",
                     data_range=(date(2024, 1, 1), date(2024, 3, 31)))  # fmt: skip
    f = compute(data, req, Settings()).frame
    cells = f[(f.segment_value != "") & (f.period != "all")]
    totals = f[(f.segment_value == "") & (f.period == "all")].set_index("kpi")
    sums = cells.groupby("kpi")[["n", "successes", "numerator", "denominator"]].sum()
    assert sums.loc["tickets_created", "n"] == totals.loc["tickets_created", "n"] == len(rows)
    assert sums.loc["sla_compliance", "successes"] == totals.loc["sla_compliance", "successes"]
    pooled = sums.loc["replies_per_resolution"]
    assert pooled.numerator / pooled.denominator == pytest.approx(
        totals.loc["replies_per_resolution", "value"]
    )
