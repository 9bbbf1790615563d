"""Trend over periods: Mann–Kendall test (tie-corrected) with Sen's slope.

Mann (1945), Kendall (1975), Sen (1968); the slope and its interval from
scipy.stats.theilslopes. Fewer than 8 points is "too short": the test has no power there and
a manager should not read a trend into it.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from scipy import stats

from dashboard.stats.result import Interval, Reason

MIN_POINTS = 8


@dataclass(frozen=True, slots=True)
class Trend:
    """Mann–Kendall S, z and p, Sen's slope per period with its interval, n points used."""

    statistic: float | None
    z: float | None
    pvalue: float | None
    slope: float | None
    ci: Interval | None
    n: int
    method: str = "Mann–Kendall test with Sen's slope"
    reason: Reason | None = None


def trend(values: Sequence[float], level: float = 0.95) -> Trend:
    """Is there a monotonic trend in `values` (in period order; missing values skipped)?"""
    y = np.asarray([v for v in values if v is not None and not math.isnan(v)], dtype=float)
    n = y.size
    if n < MIN_POINTS:
        return Trend(None, None, None, None, None, n, reason=Reason.TOO_SHORT)
    s = float(sum(np.sign(y[j] - y[i]) for i in range(n - 1) for j in range(i + 1, n)))
    ties = sum(t * (t - 1) * (2 * t + 5) for t in Counter(y.tolist()).values() if t > 1)
    var = (n * (n - 1) * (2 * n + 5) - ties) / 18
    if var == 0:
        return Trend(s, None, None, 0.0, None, n, reason=Reason.NO_VARIATION)
    z = (s - 1) / math.sqrt(var) if s > 0 else (s + 1) / math.sqrt(var) if s < 0 else 0.0
    p = float(2 * stats.norm.sf(abs(z)))
    sen = stats.theilslopes(y, np.arange(n), alpha=level)
    return Trend(s, z, p, float(sen.slope), Interval(float(sen.low_slope), float(sen.high_slope),
                                                     level), n)  # fmt: skip
