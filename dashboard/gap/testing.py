"""The gap's proportion test and p-value adjustment, from the statistics engine.

Thin adapters over `dashboard.stats` in the gap's conventions: differences are first − second
in points, and reasons are the gap's words.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from dashboard.config import Correction
from dashboard.stats import Reason, adjust_pvalues
from dashboard.stats import compare_proportions as _compare

REASONS = {Reason.NO_DATA: "too_few", Reason.NO_VARIATION: "no_variation"}


def adjust(pvalues: Sequence[float], method: Correction = Correction.BH) -> list[float]:
    """Adjusted p-values across segments: Benjamini–Hochberg, Holm, or none."""
    adjusted = adjust_pvalues(list(pvalues), str(method))
    return [math.nan if v is None else float(v) for v in adjusted]


@dataclass(frozen=True, slots=True)
class ProportionTest:
    """Difference of two proportions (first − second) in points, its interval and p-value."""

    ci: tuple[float, float] | None
    pvalue: float | None
    method: str
    reason: str | None = None


def compare_proportions(k1: int, n1: int, k2: int, n2: int, alpha: float) -> ProportionTest:
    """Two-proportion test (z, or Fisher's exact for small counts) with Newcombe's interval."""
    r = _compare(k2, n2, k1, n1, level=1 - alpha)  # stats: second group minus first
    ci = (100 * r.ci.low, 100 * r.ci.high) if r.ci else None
    reason = REASONS.get(r.reason) if r.reason else None
    method = f"{r.method}, Newcombe interval"
    return ProportionTest(ci, None if reason else r.pvalue, method, reason)
