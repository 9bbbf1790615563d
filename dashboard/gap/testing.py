"""The few tests the gap needs beyond `moments`, until the statistics engine lands.

Temporary private stand-ins for `dashboard.stats` (issue 4): once it is merged these delegate
to it, so every p-value in servicegap comes from one place.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from scipy import stats as sps

from dashboard.config import Correction


def adjust(pvalues: Sequence[float], method: Correction = Correction.BH) -> list[float]:
    """Adjusted p-values across segments: Benjamini–Hochberg (scipy), Holm, or none."""
    if not pvalues:
        return []
    p = np.asarray(pvalues, float)
    if method is Correction.BH:
        return [float(v) for v in sps.false_discovery_control(p, method="bh")]
    if method is Correction.HOLM:
        order = np.argsort(p)
        steps = (len(p) - np.arange(len(p))) * p[order]  # (m − i)·p(i), i from 0
        out = np.empty_like(p)
        out[order] = np.minimum(np.maximum.accumulate(steps), 1.0)
        return [float(v) for v in out]
    return [float(v) for v in p]


@dataclass(frozen=True, slots=True)
class ProportionTest:
    """Difference of two proportions (first − second) in points, its interval and p-value."""

    ci: tuple[float, float] | None
    pvalue: float | None
    method: str
    reason: str | None = None


def compare_proportions(k1: int, n1: int, k2: int, n2: int, alpha: float) -> ProportionTest:
    """Pooled two-proportion z-test with Newcombe's hybrid score interval (Newcombe 1998, #10)."""
    if n1 == 0 or n2 == 0:
        return ProportionTest(None, None, "two-proportion z", "too_few")
    p1, p2, pooled = k1 / n1, k2 / n2, (k1 + k2) / (n1 + n2)
    z = float(sps.norm.ppf(1 - alpha / 2))
    l1, u1 = _wilson(k1, n1, z)
    l2, u2 = _wilson(k2, n2, z)
    d = p1 - p2
    low = d - math.sqrt((p1 - l1) ** 2 + (u2 - p2) ** 2)
    high = d + math.sqrt((u1 - p1) ** 2 + (p2 - l2) ** 2)
    ci = (100 * low, 100 * high)
    if pooled in (0.0, 1.0):
        return ProportionTest(ci, None, "two-proportion z", "no_variance")
    se = math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2))
    p = float(2 * sps.norm.sf(abs(d / se)))
    return ProportionTest(ci, p, "two-proportion z (pooled), Newcombe interval")


def _wilson(k: int, n: int, z: float) -> tuple[float, float]:
    p = k / n
    centre = p + z * z / (2 * n)
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n))
    return (centre - half) / (1 + z * z / n), (centre + half) / (1 + z * z / n)
