"""Means from summary statistics: Welch's t-test and interval; durations on the log scale.

Welch (1947); scipy.stats.ttest_ind_from_stats(equal_var=False). Durations are skewed, so they
are compared as log values: the difference of log means is the log of the ratio of geometric
means, reported as a ratio with its interval.
"""

from __future__ import annotations

import math

import numpy as np
from scipy import stats

from dashboard.stats.result import Comparison, Interval, Reason


def sd_from_sums(n: float, total: float, total_sq: float) -> float:
    """Sample standard deviation from n, Σx and Σx² (NaN when n < 2)."""
    if n < 2:
        return math.nan
    return math.sqrt(max(total_sq - total * total / n, 0.0) / (n - 1))


def compare_means(
    n1: int, mean1: float, sd1: float, n2: int, mean2: float, sd2: float, level: float = 0.95
) -> Comparison:
    """Did the mean change? Welch's t; difference = mean2 - mean1 with the Welch interval."""
    method = "Welch's t-test"
    if n1 < 2 or n2 < 2:
        reason = Reason.NO_DATA if min(n1, n2) == 0 else Reason.TOO_FEW
        return Comparison(method, mean1, mean2, mean2 - mean1, None, None, None, n1, n2,
                          reason=reason)  # fmt: skip
    v1, v2 = sd1 * sd1 / n1, sd2 * sd2 / n2
    se = math.sqrt(v1 + v2)
    if se == 0:
        return Comparison(method, mean1, mean2, mean2 - mean1, None, None, None, n1, n2,
                          reason=Reason.NO_VARIATION)  # fmt: skip
    df = (v1 + v2) ** 2 / (v1 * v1 / (n1 - 1) + v2 * v2 / (n2 - 1))
    t = (mean2 - mean1) / se
    p = float(2 * stats.t.sf(abs(t), df))
    half = stats.t.ppf(0.5 + level / 2, df) * se
    ci = Interval(mean2 - mean1 - half, mean2 - mean1 + half, level)
    return Comparison(method, mean1, mean2, mean2 - mean1, ci, t, p, n1, n2)


def compare_log_means(
    n1: int, log_sum1: float, log_sumsq1: float, n2: int, log_sum2: float, log_sumsq2: float,
    level: float = 0.95,
) -> Comparison:  # fmt: skip
    """Did a duration change? Welch on log values: ratio of geometric means with its interval."""
    m1 = log_sum1 / n1 if n1 else math.nan
    m2 = log_sum2 / n2 if n2 else math.nan
    r = compare_means(n1, m1, sd_from_sums(n1, log_sum1, log_sumsq1),
                      n2, m2, sd_from_sums(n2, log_sum2, log_sumsq2), level)  # fmt: skip
    g1, g2 = math.exp(m1) if n1 else math.nan, math.exp(m2) if n2 else math.nan
    ci = Interval(math.exp(r.ci.low), math.exp(r.ci.high), level) if r.ci else None
    return Comparison("Welch's t-test on log durations (ratio of geometric means)", g1, g2,
                      g2 - g1, ci, r.statistic, r.pvalue, n1, n2, g2 / g1 if g1 else None,
                      r.reason)  # fmt: skip


def compare_medians(values1, values2, level: float = 0.95) -> Comparison:
    """Mood's median test on two samples (counts above/below the pooled median)."""
    a = np.asarray(values1, dtype=float)
    b = np.asarray(values2, dtype=float)
    a, b = a[~np.isnan(a)], b[~np.isnan(b)]
    m1 = float(np.median(a)) if a.size else math.nan
    m2 = float(np.median(b)) if b.size else math.nan
    if a.size < 2 or b.size < 2:
        return Comparison("Mood's median test", m1, m2, m2 - m1, None, None, None, a.size,
                          b.size, reason=Reason.TOO_FEW)  # fmt: skip
    if np.all(np.concatenate([a, b]) == a[0]):
        return Comparison("Mood's median test", m1, m2, 0.0, None, None, None, a.size, b.size,
                          reason=Reason.NO_VARIATION)  # fmt: skip
    stat, p, _, _ = stats.median_test(a, b, correction=False, ties="below")
    return Comparison("Mood's median test", m1, m2, m2 - m1, None, float(stat), float(p),
                      a.size, b.size)  # fmt: skip


def median_ci(values, level: float = 0.95) -> Interval | None:
    """Distribution-free interval of a median from order statistics (binomial ranks)."""
    x = np.sort(np.asarray(values, dtype=float))
    x = x[~np.isnan(x)]
    n = x.size
    if n < 2:
        return None
    rank = int(stats.binom.ppf((1 - level) / 2, n, 0.5))  # x_(rank) .. x_(n - rank + 1)
    return Interval(float(x[max(rank - 1, 0)]), float(x[min(n - rank, n - 1)]), level)
