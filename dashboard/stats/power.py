"""Planning: the smallest change two samples can detect, and the sample needed for a change.

Two-sided test of two proportions on Cohen's h = 2·asin(√p2) − 2·asin(√p1), the effect size
statsmodels' NormalIndPower uses: power = Φ(h·√(n1·n2/(n1+n2)) − z(1 − alpha/2)).
Cohen (1988), Statistical Power Analysis, ch. 6.
"""

from __future__ import annotations

import math

from scipy import stats


def minimum_detectable_effect(
    p: float, n1: int, n2: int, alpha: float = 0.05, power: float = 0.8
) -> float:
    """The smallest upward change from proportion p detectable with n1 and n2 (fraction)."""
    if n1 <= 0 or n2 <= 0:
        return math.nan
    z = stats.norm.ppf(1 - alpha / 2) + stats.norm.ppf(power)
    h = z / math.sqrt(n1 * n2 / (n1 + n2))
    angle = math.asin(math.sqrt(min(max(p, 0.0), 1.0))) + h / 2
    if angle >= math.pi / 2:
        return 1.0 - p
    return math.sin(angle) ** 2 - p


def sample_size(p: float, mde: float, alpha: float = 0.05, power: float = 0.8) -> int:
    """Observations per group needed to detect a change of `mde` (fraction) from p."""
    target = min(max(p + mde, 0.0), 1.0)
    h = abs(2 * math.asin(math.sqrt(target)) - 2 * math.asin(math.sqrt(p)))
    if h == 0:
        return 0
    z = stats.norm.ppf(1 - alpha / 2) + stats.norm.ppf(power)
    return math.ceil(2 * (z / h) ** 2)
