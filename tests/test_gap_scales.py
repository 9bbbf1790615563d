"""Company- and customer-rated service on one 0–100 scale with good/bad flags."""

from __future__ import annotations

import pandas as pd
import pytest
import test_gap_fixtures as fx
from scipy import stats as sps
from test_gap_fixtures import dataset, ts

from dashboard.config import Settings
from dashboard.gap.moments import SideStats, gap_test
from dashboard.gap.scales import (
    CompanySource,
    CustomerSource,
    Measure,
    company_mapping,
    company_ratings,
    customer_mapping,
    customer_ratings,
)
from dashboard.schema import TableKind as K
from dashboard.store import build_dataset


def _rows(table) -> pd.DataFrame:
    return table.to_pandas().sort_values(["ticket_id", "rated_at"], na_position="last")


def test_qa_scores_as_given_and_good_at_the_pass_mark() -> None:
    got = _rows(company_ratings(dataset(), CompanySource.QA, Settings()))
    # R1..R7 (R7 has no review_type: counts as QA); the self-assessment S1 is not QA
    assert got["score"].tolist() == [90.0, 100.0, 70.0, 100.0, 80.0, 60.0, 50.0]
    assert got["is_good"].tolist() == [True, True, False, True, True, False, False]
    assert got["is_bad"].tolist() == [not g for g in got["is_good"]]
    assert got["team"].tolist()[:6] == ["A", "A", "A", "B", "B", "A"]  # inherited from tickets


def test_pass_mark_is_a_setting() -> None:
    got = _rows(company_ratings(dataset(), CompanySource.QA, Settings(qa_pass_mark=90.0)))
    assert int(got["is_good"].sum()) == 3  # 90, 100, 100


def test_self_assessment_is_its_own_source() -> None:
    got = _rows(company_ratings(dataset(), CompanySource.SELF, Settings()))
    assert got["ticket_id"].tolist() == ["T7"]
    assert got["score"].tolist() == [95.0]


def test_sla_met_is_100_and_good_breach_is_0_unevaluated_left_out() -> None:
    got = _rows(company_ratings(dataset(), CompanySource.SLA, Settings()))
    assert got["ticket_id"].tolist() == ["T1", "T2", "T4", "T5", "T6", "T7"]  # T3 not evaluated
    assert got["score"].tolist() == [100.0, 100.0, 100.0, 0.0, 100.0, 100.0]
    assert got["is_good"].tolist() == [True, True, True, False, True, True]


def test_csat_1_to_5_latest_answer_per_ticket_top2_good_bottom2_bad() -> None:
    got = _rows(customer_ratings(dataset(), CustomerSource.CSAT))
    # T1 answered 5 then 2: the latest (2) counts; (s − 1)/4·100
    assert got["ticket_id"].tolist() == ["T1", "T2", "T4", "T5", "T6", "T7"]
    assert got["score"].tolist() == pytest.approx([25.0, 75.0, 50.0, 100.0, 0.0, 0.0])
    assert got["is_good"].tolist() == [False, True, False, True, False, False]
    assert got["is_bad"].tolist() == [True, False, False, False, True, True]


def _surveys(kind: str, lo: float, hi: float, scores: list[float]) -> pd.DataFrame:
    n = len(scores)
    return pd.DataFrame(
        {
            "response_id": [f"X{i}" for i in range(n)],
            "ticket_id": [None] * n,
            "responded_at": ts(*["2024-03-01"] * n),
            "survey_type": [kind] * n,
            "score": scores,
            "scale_min": [lo] * n,
            "scale_max": [hi] * n,
        }
    )


@pytest.mark.parametrize(
    ("kind", "source", "lo", "hi", "scores", "want_score", "good", "bad"),
    [
        # Zendesk Good/Bad: 1/0 on 0–1 → 100/0; two points: top box good, bottom box bad
        ("csat", CustomerSource.CSAT, 0, 1, [1, 0], [100, 0], [1, 0], [0, 1]),
        # Freshdesk Awesome/Just Okay/Not Good on 1–3: top box only
        ("csat", CustomerSource.CSAT, 1, 3, [3, 2, 1], [100, 50, 0], [1, 0, 0], [0, 0, 1]),
        # NPS 0–10 → ×10; promoter good, detractor bad, passive neither
        ("nps", CustomerSource.NPS, 0, 10, [10, 9, 8, 7, 6, 0], [100, 90, 80, 70, 60, 0],
         [1, 1, 0, 0, 0, 0], [0, 0, 0, 0, 1, 1]),
        # CES 1–7 oriented higher = easier: 7 → 100, top-2 (6–7) easy, bottom-2 (1–2) hard
        ("ces", CustomerSource.CES, 1, 7, [7, 6, 4, 2], [100, 250 / 3, 50, 50 / 3],
         [1, 1, 0, 0], [0, 0, 0, 1]),
    ],
)  # fmt: skip
def test_customer_scales(kind, source, lo, hi, scores, want_score, good, bad) -> None:
    ds = build_dataset({K.SURVEYS: _surveys(kind, lo, hi, [float(s) for s in scores])})
    got = customer_ratings(ds, source).to_pandas()
    # answers without a ticket are all kept (no latest-answer rule applies)
    assert got["score"].tolist() == pytest.approx([float(s) for s in want_score])
    assert got["is_good"].astype(int).tolist() == good
    assert got["is_bad"].astype(int).tolist() == bad


def test_other_questions_and_unusable_scales_are_left_out() -> None:
    frame = pd.concat(
        [
            _surveys("nps", 0, 10, [9.0]),
            _surveys("csat", 3, 3, [3.0]),
            _surveys("csat", 1, 5, [5.0]),
        ]
    )
    frame["response_id"] = ["a", "b", "c"]
    got = customer_ratings(build_dataset({K.SURVEYS: frame}), CustomerSource.CSAT).to_pandas()
    assert got["score"].tolist() == [100.0]


def test_mappings_are_stated_in_words() -> None:
    assert "≥ 80" in company_mapping(CompanySource.QA, Settings()).good_text
    assert "SLA met = 100" in company_mapping(CompanySource.SLA, Settings()).score_text
    assert "(s − 1) ÷ 4 × 100" in customer_mapping(CustomerSource.CSAT).score_text
    assert "promoter" in customer_mapping(CustomerSource.NPS).good_text
    assert "easier" in customer_mapping(CustomerSource.CES).score_text


def test_review_types_naming_self_are_self_assessments() -> None:
    reviews = fx.reviews()
    reviews["review_type"] = ["Manual review"] * 6 + ["Self-review", "self"]
    ds = build_dataset({K.REVIEWS: reviews})
    assert len(company_ratings(ds, CompanySource.QA, Settings()).to_pandas()) == 6
    assert len(company_ratings(ds, CompanySource.SELF, Settings()).to_pandas()) == 2


def test_gap_interval_stays_within_what_a_gap_can_be() -> None:
    """Three ratings a side give a Welch t interval wider than ±100; it is cut at ±100 and is
    otherwise scipy's Welch interval."""
    a, b = [0.0, 100.0, 100.0], [100.0, 0.0, 50.0]

    def side(v):
        return SideStats(len(v), sum(v), sum(x * x for x in v), sum(x >= 80 for x in v))

    ci, p, reason = gap_test(side(a), side(b), (Measure.SCORE, Measure.SCORE), 0.95)
    ref = sps.ttest_ind(a, b, equal_var=False)
    raw = ref.confidence_interval(0.95)
    assert raw.low < -100 and raw.high > 100  # the case the page showed
    assert (ci.low, ci.high) == (-100.0, 100.0)
    assert p == pytest.approx(ref.pvalue, rel=1e-9) and reason is None
    narrow = [70.0, 80.0, 90.0, 85.0, 75.0]
    ci, _, _ = gap_test(side(narrow), side(b), (Measure.SCORE, Measure.SCORE), 0.95)
    raw = sps.ttest_ind(narrow, b, equal_var=False).confidence_interval(0.95)
    assert (ci.low, ci.high) == pytest.approx((raw.low, min(raw.high, 100.0)), rel=1e-9)
