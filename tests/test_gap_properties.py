"""Properties of the gap series on random data: equal to pandas on the raw rows; pooling adds up."""

from __future__ import annotations

import math

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dashboard.config import Settings
from dashboard.gap.series import gap_series
from dashboard.schema import TableKind as K
from dashboard.store import build_dataset

review = st.tuples(
    st.integers(0, 9),  # ticket number
    st.integers(1, 4),  # month of 2024
    st.sampled_from([0.0, 25.0, 60.0, 80.0, 92.5, 100.0]),
)
answer = st.tuples(st.integers(0, 9), st.integers(1, 5), st.integers(1, 28))


def _frames(reviews: list, answers: list) -> dict:
    rev = pd.DataFrame(reviews, columns=["t", "m", "score"])
    rev = pd.DataFrame(
        {
            "review_id": [f"R{i}" for i in range(len(rev))],
            "ticket_id": [f"T{t}" for t in rev["t"]],
            "reviewed_at": pd.to_datetime([f"2024-{m:02d}-15" for m in rev["m"]]).astype("M8[us]"),
            "score": rev["score"],
        }
    )
    ans = pd.DataFrame(answers, columns=["t", "s", "d"])
    sur = pd.DataFrame(
        {
            "response_id": [f"U{i}" for i in range(len(ans))],
            "ticket_id": [f"T{t}" for t in ans["t"]],
            "responded_at": pd.to_datetime([f"2024-05-{d:02d}" for d in ans["d"]]).astype("M8[us]"),
            "survey_type": "csat",
            "score": ans["s"].astype(float),
            "scale_min": 1.0,
            "scale_max": 5.0,
        }
    )
    return {K.REVIEWS: rev, K.SURVEYS: sur}


def _pandas_gap(frames: dict) -> dict[str, tuple[float, int, float, int]]:
    rev, sur = frames[K.REVIEWS], frames[K.SURVEYS]
    rev = rev.assign(period=rev["reviewed_at"].dt.strftime("%Y-%m"))
    latest = sur.sort_values(["responded_at", "response_id"]).groupby("ticket_id").tail(1)
    out = {}
    for period, g in rev.groupby("period"):
        paired = latest[latest["ticket_id"].isin(set(g["ticket_id"]))]
        good = 100 * (paired["score"] >= 4).mean() if len(paired) else math.nan
        out[period] = (g["score"].mean(), len(g), good, len(paired))
    return out


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(review, min_size=1, max_size=30), st.lists(answer, max_size=30))
def test_series_equals_pandas_and_pools(reviews: list, answers: list) -> None:
    frames = _frames(reviews, answers)
    s = gap_series(build_dataset(frames), Settings())
    want = _pandas_gap(frames)
    assert [c.period for c in s.cells] == sorted(want)
    for cell in s.cells:
        company, n_c, customer, n_u = want[cell.period]
        assert cell.company_score == pytest.approx(company)
        assert (cell.n_company, cell.n_customer) == (n_c, n_u)
        if n_u:
            assert cell.customer_score == pytest.approx(customer)
        if cell.pvalue is not None:
            assert 0.0 <= cell.pvalue <= 1.0
    assert s.total.n_company == sum(c.n_company for c in s.cells)
    assert s.total.customer.good == sum(c.customer.good for c in s.cells)
    assert s.total.company.total == pytest.approx(sum(c.company.total for c in s.cells))
