"""Paired view per ticket on the hand-made fixture (see test_gap_fixtures)."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
import test_gap_fixtures as fx
from scipy import stats as sps
from statsmodels.stats.inter_rater import cohens_kappa

from dashboard.config import Settings
from dashboard.gap.agreement import kappa, mcnemar, signed_rank
from dashboard.gap.paired import paired_view
from dashboard.gap.pairing import Selection

# Pairs over all periods (company = mean of the ticket's QA reviews; customer = latest answer):
#   T1 (90 + 100)/2 = 95 good | 2 → 25 not good, bad
#   T2 70 not good            | 4 → 75 good
#   T4 80 good                | 3 → 50 not good, not bad
#   T5 60 not good            | 5 → 100 good
# T3 has no answer, R6 no ticket, T7 only a self-assessment: none of them pairs.


def test_joint_table_agreement_and_top_box_gap() -> None:
    v = paired_view(fx.dataset(), Settings())
    assert v.n == 4
    assert v.tables.good == ((0, 2), (2, 0))  # rows company good/not, columns customer
    assert v.agreement == pytest.approx(0.0)
    assert (v.company_good_share, v.customer_good_share, v.top_box_gap) == (50.0, 50.0, 0.0)
    # McNemar b = c = 2: exact 2·P(X ≤ 2) capped at 1; mid-p 2·11/16 − 6/16 = 1
    assert (v.mcnemar.b, v.mcnemar.c) == (2, 2)
    assert v.mcnemar.pvalue_exact == 1.0 and v.mcnemar.pvalue == pytest.approx(1.0)
    # every pair disagrees with balanced margins: po = 0, pe = 0.5 → kappa −1
    assert v.kappa.estimate == pytest.approx(-1.0)


def test_bands_weighted_kappa_and_score_differences() -> None:
    v = paired_view(fx.dataset(), Settings())
    bands = np.zeros((5, 5), int)
    for c, u in [(4, 1), (3, 3), (4, 2), (3, 4)]:  # 95|25, 70|75, 80|50, 60|100
        bands[c, u] += 1
    assert np.array_equal(np.array(v.tables.bands), bands)
    ref = cohens_kappa(bands, wt="quadratic")  # statsmodels 0.15 as reference
    assert v.weighted_kappa.estimate == pytest.approx(ref.kappa, rel=1e-9)
    assert v.weighted_kappa.ci is not None
    assert v.weighted_kappa.ci.low == pytest.approx(ref.kappa_low, rel=1e-9)
    assert dict(v.tables.differences) == {70.0: 1, -5.0: 1, 30.0: 1, -40.0: 1}
    assert v.mean_difference == pytest.approx(13.75)
    ref_w = sps.wilcoxon([70, -5, 30, -40], zero_method="pratt", method="asymptotic")
    assert v.signed_rank.pvalue == pytest.approx(ref_w.pvalue, rel=1e-12)
    ref_t = sps.ttest_1samp([70, -5, 30, -40], 0.0).confidence_interval()
    assert v.mean_ci is not None
    assert (v.mean_ci.low, v.mean_ci.high) == pytest.approx((ref_t.low, ref_t.high))


def test_drill_down_lists_good_internally_bad_for_the_customer() -> None:
    v = paired_view(fx.dataset(), Settings())
    assert v.good_but_bad_total == 1  # T1; T4's 3 is neutral, not bad
    assert v.good_but_bad["ticket_id"].tolist() == ["T1"]
    row = v.good_but_bad.iloc[0]
    assert (row["company_score"], row["customer_score"], row["n_company"]) == (95.0, 25.0, 2)
    assert row["team"] == "A"


def test_selection_by_period_and_segment() -> None:
    jan = paired_view(fx.dataset(), Settings(), selection=Selection(period="2024-01"))
    # January reviews: T1 90 (good) | 25, T2 70 | 75, T3 (no answer)
    assert jan.n == 2 and dict(jan.tables.differences) == {65.0: 1, -5.0: 1}
    team_a = paired_view(fx.dataset(), Settings(), selection=Selection(column="team", value="A"))
    assert team_a.n == 3  # T1, T2, T5


def test_edge_cases_no_pairs_no_discordance_all_zero_differences() -> None:
    assert mcnemar(0, 0).pvalue is None and mcnemar(0, 0).reason == "no_variation"
    assert signed_rank({0.0: 5}).pvalue is None
    assert kappa([[0, 0], [0, 0]]).reason == "no_data"
    assert kappa([[5, 0], [0, 0]]).reason == "no_variation"
    empty = paired_view(fx.dataset(surveys=fx.surveys().iloc[[5]]), Settings())  # T6 only
    assert empty.n == 0 and empty.mean_ci is None and empty.good_but_bad.empty


def test_mcnemar_mid_p_by_hand() -> None:
    # b = 1, c = 7: X ~ Bin(8, ½); P(X ≤ 1) = 9/256, P(X = 1) = 8/256
    res = mcnemar(1, 7)
    assert res.pvalue_exact == pytest.approx(18 / 256)
    assert res.pvalue == pytest.approx(10 / 256)


def test_period_labels_round_trip_and_bad_labels_are_caller_errors() -> None:
    from dashboard.gap.bucketing import label_column, start_of_label

    labels = [
        ("2024-01-05", "day"),
        ("2024-W01", "week"),
        ("2025-W01", "week"),
        ("2024-02", "month"),
        ("2024-Q3", "quarter"),
        ("2024", "year"),
    ]
    for text, grain in labels:
        start = start_of_label(text, grain)
        assert label_column(pd.Series([start]), grain).tolist() == [text]
    assert start_of_label("2025-W01", "week") == pd.Timestamp("2024-12-30")  # ISO week 1
    with pytest.raises(ValueError, match="not a month label"):
        start_of_label("2024-13", "month")
    with pytest.raises(ValueError, match="not a week label"):
        start_of_label("2024-01", "week")
