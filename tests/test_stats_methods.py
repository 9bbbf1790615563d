"""Statistics engine against published examples and established libraries.

Tolerances are stated per test; provenance in comments.
"""

from __future__ import annotations

import math

import numpy as np
import pytest
from scipy import stats
from statsmodels.stats.power import NormalIndPower
from statsmodels.stats.proportion import proportion_effectsize

from dashboard.stats import (
    Reason,
    adjust_pvalues,
    compare_log_means,
    compare_means,
    compare_medians,
    compare_nps,
    compare_proportions,
    compare_rates,
    median_ci,
    minimum_detectable_effect,
    p_chart,
    sample_size,
    trend,
    wilson,
)


def test_newcombe_1998_worked_examples() -> None:
    # Newcombe (1998) Table II, method 10: 56/70 vs 48/80 -> 0.0524 to 0.3339
    r = compare_proportions(48, 80, 56, 70)
    assert r.difference == pytest.approx(0.2)
    assert (r.ci.low, r.ci.high) == pytest.approx((0.0524, 0.3339), abs=5e-5)
    # 9/10 vs 3/10 -> 0.1705 to 0.8090
    r = compare_proportions(3, 10, 9, 10)
    assert (r.ci.low, r.ci.high) == pytest.approx((0.1705, 0.8090), abs=5e-5)
    # 5/56 vs 0/29 -> -0.0381 to 0.1926 (difference 5/56 - 0/29)
    r = compare_proportions(0, 29, 5, 56)
    assert (r.ci.low, r.ci.high) == pytest.approx((-0.0381, 0.1926), abs=5e-5)


def test_z_test_matches_chi_square_without_yates() -> None:
    r = compare_proportions(480, 600, 430, 580)
    chi2, p, _, _ = stats.chi2_contingency([[480, 120], [430, 150]], correction=False)
    assert r.method.startswith("two-proportion z") and r.pvalue == pytest.approx(p, rel=1e-9)
    assert r.statistic**2 == pytest.approx(chi2, rel=1e-9)


def test_fisher_when_expected_counts_are_small() -> None:
    r = compare_proportions(1, 12, 6, 10)
    assert r.method == "Fisher's exact test"
    assert r.pvalue == pytest.approx(stats.fisher_exact([[1, 11], [6, 4]])[1])


@pytest.mark.parametrize(("k1", "n1", "k2", "n2"), [(0, 10, 0, 20), (10, 10, 20, 20)])
def test_no_variation_and_no_data(k1, n1, k2, n2) -> None:
    assert compare_proportions(k1, n1, k2, n2).reason == Reason.NO_VARIATION
    assert compare_proportions(0, 0, 3, 5).reason == Reason.NO_DATA


def test_wilson_matches_scipy() -> None:
    ci = stats.binomtest(7, 20).proportion_ci(method="wilson")
    w = wilson(7, 20)
    assert (w.low, w.high) == pytest.approx((ci.low, ci.high), abs=1e-12)


def test_welch_matches_scipy() -> None:
    r = compare_means(40, 4.1, 0.9, 55, 3.7, 1.2)
    ref = stats.ttest_ind_from_stats(3.7, 1.2, 55, 4.1, 0.9, 40, equal_var=False)
    assert r.statistic == pytest.approx(ref.statistic) and r.pvalue == pytest.approx(ref.pvalue)
    a = np.random.default_rng(1).normal(4, 1, 40)
    b = np.random.default_rng(2).normal(3.6, 1.3, 55)
    ci = stats.ttest_ind(b, a, equal_var=False).confidence_interval()
    r = compare_means(40, a.mean(), a.std(ddof=1), 55, b.mean(), b.std(ddof=1))
    assert (r.ci.low, r.ci.high) == pytest.approx((ci.low, ci.high), rel=1e-9)
    assert compare_means(1, 4.0, 0.0, 10, 3.0, 1.0).reason == Reason.TOO_FEW
    assert compare_means(5, 4.0, 0.0, 5, 4.0, 0.0).reason == Reason.NO_VARIATION


def test_log_means_give_the_ratio_of_geometric_means() -> None:
    rng = np.random.default_rng(3)
    a, b = rng.lognormal(4, 1, 200), rng.lognormal(4.3, 1, 180)
    la, lb = np.log(a), np.log(b)
    r = compare_log_means(a.size, la.sum(), (la**2).sum(), b.size, lb.sum(), (lb**2).sum())
    ref = stats.ttest_ind(lb, la, equal_var=False)
    assert r.pvalue == pytest.approx(ref.pvalue, rel=1e-9)
    assert r.ratio == pytest.approx(math.exp(lb.mean() - la.mean()))
    ci = ref.confidence_interval()
    assert (r.ci.low, r.ci.high) == pytest.approx((math.exp(ci.low), math.exp(ci.high)))


def test_mood_median_test_matches_scipy_and_median_ci() -> None:
    a, b = [1, 3, 5, 7, 9, 11, 13], [2, 4, 6, 8, 30, 40, 50, 60]
    r = compare_medians(a, b)
    ref = stats.median_test(a, b, correction=False)
    assert r.pvalue == pytest.approx(ref.pvalue)
    ci = median_ci(list(range(1, 21)))  # n = 20: ranks 6 and 15 (binomial, 95 %)
    assert (ci.low, ci.high) == (6.0, 15.0)


def test_nps_difference_with_multinomial_variance() -> None:
    # hand: NPS1 = (50-20)/100 = .30, var1 = (.70 - .09)/100 = .0061
    #       NPS2 = (40-30)/100 = .10, var2 = (.70 - .01)/100 = .0069
    r = compare_nps((50, 30, 20), (40, 30, 30))
    assert r.difference == pytest.approx(-0.2)
    assert r.statistic == pytest.approx(-0.2 / math.sqrt(0.0061 + 0.0069))
    half = 1.959964 * math.sqrt(0.013)
    assert (r.ci.low, r.ci.high) == pytest.approx((-0.2 - half, -0.2 + half), abs=1e-5)
    small = compare_nps((5, 3, 2), (3, 3, 4))
    assert "adjusted Wald" in small.method


def test_poisson_rate_ratio_exact() -> None:
    r = compare_rates(120, 30, 150, 30)
    ref = stats.binomtest(150, 270, 0.5)
    assert r.ratio == pytest.approx(1.25) and r.pvalue == pytest.approx(ref.pvalue)
    assert r.ci.low < 1.25 < r.ci.high
    assert compare_rates(0, 10, 0, 10).reason == Reason.NO_DATA


def test_adjustments_match_statsmodels() -> None:
    from statsmodels.stats.multitest import multipletests

    p = [0.01, 0.04, 0.03, 0.20, None, 0.001]
    got_bh = adjust_pvalues(p, "bh")
    got_holm = adjust_pvalues(p, "holm")
    clean = [v for v in p if v is not None]
    ref_bh = multipletests(clean, method="fdr_bh")[1]
    ref_holm = multipletests(clean, method="holm")[1]
    assert got_bh[4] is None and got_holm[4] is None
    assert [v for v in got_bh if v is not None] == pytest.approx(list(ref_bh))
    assert [v for v in got_holm if v is not None] == pytest.approx(list(ref_holm))
    assert adjust_pvalues(p, "none") == p


def test_mann_kendall_and_sen_slope() -> None:
    y = [10, 12, 11, 14, 15, 15, 17, 19, 18, 21]
    r = trend(y)
    s = sum(np.sign(y[j] - y[i]) for i in range(10) for j in range(i + 1, 10))
    var = (10 * 9 * 25 - 1 * 2 * 9) / 18  # one pair of ties (15, 15)
    assert r.statistic == s
    assert r.z == pytest.approx((s - 1) / math.sqrt(var))
    assert r.slope == pytest.approx(stats.theilslopes(y).slope)
    assert trend([1, 2, 3]).reason == Reason.TOO_SHORT


def test_p_chart_limits_and_run_rules() -> None:
    k, n = [40, 45, 50, 80], [100, 100, 100, 100]
    r = p_chart(k, n)
    assert r.center == pytest.approx(215 / 400)
    sigma = math.sqrt(r.center * (1 - r.center) / 100)
    assert r.ucl[0] == pytest.approx(r.center + 3 * sigma)
    assert r.outside == (False, False, False, True)  # 0.80 is beyond 0.54 + 0.15
    shifted = p_chart([60] * 10 + [40] * 10, [100] * 20)
    assert shifted.longest_run == 10 and shifted.run_limit == round(math.log2(20)) + 3
    assert shifted.runs_signal and shifted.crossings == 1


def test_power_matches_statsmodels() -> None:
    mde = minimum_detectable_effect(0.8, 300, 300)
    h = proportion_effectsize(0.8 + mde, 0.8)
    power = NormalIndPower().power(h, nobs1=300, alpha=0.05, ratio=1.0)
    assert power == pytest.approx(0.8, abs=1e-3)
    n = sample_size(0.8, 0.1)
    ref = NormalIndPower().solve_power(proportion_effectsize(0.9, 0.8), alpha=0.05, power=0.8)
    assert n == math.ceil(ref)
