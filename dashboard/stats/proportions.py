"""Two proportions: pooled z-test (Fisher's exact test for small expected counts) and the
Newcombe hybrid score interval of the difference.

Newcombe (1998), "Interval estimation for the difference between independent proportions",
Statistics in Medicine 17:873–890, method 10. statsmodels' score interval is not used: it
disagrees with Newcombe's published examples. No Yates correction (it is over-conservative).
"""

from __future__ import annotations

import math

from scipy import stats

from dashboard.stats.result import Comparison, Interval, Reason

MIN_EXPECTED = 5


def wilson(k: int, n: int, level: float = 0.95) -> Interval | None:
    """Wilson score interval of k successes in n (None when n = 0)."""
    if n <= 0:
        return None
    z = stats.norm.ppf(0.5 + level / 2)
    p = k / n
    centre = (p + z * z / (2 * n)) / (1 + z * z / n)
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / (1 + z * z / n)
    return Interval(max(0.0, centre - half), min(1.0, centre + half), level)


def newcombe(k1: int, n1: int, k2: int, n2: int, level: float = 0.95) -> Interval | None:
    """Newcombe's hybrid score interval for p2 - p1 (method 10)."""
    w1, w2 = wilson(k1, n1, level), wilson(k2, n2, level)
    if w1 is None or w2 is None:
        return None
    p1, p2 = k1 / n1, k2 / n2
    d = p2 - p1
    low = d - math.sqrt((p2 - w2.low) ** 2 + (w1.high - p1) ** 2)
    high = d + math.sqrt((w2.high - p2) ** 2 + (p1 - w1.low) ** 2)
    return Interval(low, high, level)


def compare_proportions(k1: int, n1: int, k2: int, n2: int, level: float = 0.95) -> Comparison:
    """Did the proportion change from k1/n1 to k2/n2? Difference = p2 - p1 (fractions)."""
    if n1 <= 0 or n2 <= 0:
        return Comparison("two-proportion test", _share(k1, n1), _share(k2, n2), math.nan,
                          None, None, None, n1, n2, reason=Reason.NO_DATA)  # fmt: skip
    p1, p2 = k1 / n1, k2 / n2
    ci = newcombe(k1, n1, k2, n2, level)
    if (k1 == 0 and k2 == 0) or (k1 == n1 and k2 == n2):
        return Comparison("two-proportion test", p1, p2, 0.0, ci, None, None, n1, n2,
                          reason=Reason.NO_VARIATION)  # fmt: skip
    pooled = (k1 + k2) / (n1 + n2)
    expected = min(n1 * pooled, n1 * (1 - pooled), n2 * pooled, n2 * (1 - pooled))
    if expected < MIN_EXPECTED:
        _, p = stats.fisher_exact([[k1, n1 - k1], [k2, n2 - k2]])
        return Comparison("Fisher's exact test", p1, p2, p2 - p1, ci, None, float(p), n1, n2)
    se = math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2))
    z = (p2 - p1) / se
    p = 2 * stats.norm.sf(abs(z))
    return Comparison("two-proportion z-test (pooled)", p1, p2, p2 - p1, ci, z, float(p), n1, n2)


def _share(k: int, n: int) -> float:
    return k / n if n > 0 else math.nan
