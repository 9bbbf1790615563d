"""Paired tests and rating distributions against statsmodels and scipy."""

from __future__ import annotations

import numpy as np
import pytest
from scipy import stats
from statsmodels.stats.contingency_tables import mcnemar
from statsmodels.stats.inter_rater import cohens_kappa

from dashboard.stats import Reason, agreement, compare_distributions, paired_change, signed_rank

TABLE = [[20, 5, 2], [4, 15, 6], [1, 3, 10]]


def test_kappas_match_statsmodels() -> None:
    got = agreement(TABLE)
    ref = cohens_kappa(np.array(TABLE))
    assert got.unweighted.estimate == pytest.approx(ref.kappa)
    half = 1.959964 * ref.std_kappa
    assert (got.unweighted.ci.low, got.unweighted.ci.high) == pytest.approx(
        (ref.kappa - half, ref.kappa + half), abs=1e-5
    )
    quad = cohens_kappa(np.array(TABLE), wt="quadratic")
    assert got.quadratic.estimate == pytest.approx(quad.kappa)
    assert agreement([[0, 0], [0, 0]]).unweighted.reason == Reason.NO_DATA


def test_mcnemar_exact_matches_statsmodels_and_mid_p_by_hand() -> None:
    table = [[30, 11], [3, 20]]
    got = paired_change(table)
    assert got.pvalue_exact == pytest.approx(mcnemar(table, exact=True).pvalue)
    # mid-p = 2 P(X <= 3) - P(X = 3), X ~ Bin(14, 1/2)
    expected = 2 * stats.binom.cdf(3, 14, 0.5) - stats.binom.pmf(3, 14, 0.5)
    assert got.pvalue == pytest.approx(expected)
    assert paired_change([[5, 0], [0, 5]]).reason == Reason.NO_VARIATION


def test_signed_rank_pratt_matches_scipy() -> None:
    hist = {-20.0: 3, 0.0: 4, 10.0: 6, 25.0: 2, -5.0: 1}
    got = signed_rank(hist)
    d = np.repeat(list(hist), list(hist.values()))
    ref = stats.wilcoxon(d, zero_method="pratt", method="asymptotic")
    assert got.pvalue == pytest.approx(ref.pvalue) and got.zeros == 4


def test_rating_histograms_mann_whitney_with_ties() -> None:
    h1, h2 = {1: 5, 2: 8, 3: 20, 4: 40, 5: 27}, {1: 12, 2: 10, 3: 25, 4: 33, 5: 20}
    got = compare_distributions(h1, h2)
    a = np.repeat(list(h1), list(h1.values()))
    b = np.repeat(list(h2), list(h2.values()))
    ref = stats.mannwhitneyu(b, a, method="asymptotic")
    assert got.pvalue == pytest.approx(ref.pvalue)
    assert got.difference == pytest.approx(b.mean() - a.mean())
    assert compare_distributions({4: 3}, {4: 5}).reason == Reason.NO_VARIATION
