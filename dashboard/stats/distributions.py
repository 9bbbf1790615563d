"""Two rating distributions: tie-corrected Mann–Whitney U from score histograms.

Rating scales have few values and many ties; scipy's exact mode ignores ties, so the normal
approximation with tie correction is used (scipy.stats.mannwhitneyu, method="asymptotic").
"""

from __future__ import annotations

import math
from collections.abc import Mapping

import numpy as np
from scipy import stats

from dashboard.stats.result import Comparison, Reason


def _expand(hist: Mapping[float, int]) -> np.ndarray:
    return np.repeat(np.fromiter(hist, float), np.fromiter(hist.values(), int))


def compare_distributions(hist1: Mapping[float, int], hist2: Mapping[float, int]) -> Comparison:
    """Did the ratings shift? hist = score -> count; estimates are the mean scores."""
    a, b = _expand(hist1), _expand(hist2)
    m1 = float(a.mean()) if a.size else math.nan
    m2 = float(b.mean()) if b.size else math.nan
    method = "Mann–Whitney U (tie-corrected normal approximation)"
    if a.size == 0 or b.size == 0:
        return Comparison(method, m1, m2, m2 - m1, None, None, None, a.size, b.size,
                          reason=Reason.NO_DATA)  # fmt: skip
    if np.all(np.concatenate([a, b]) == a[0]):
        return Comparison(method, m1, m2, 0.0, None, None, None, a.size, b.size,
                          reason=Reason.NO_VARIATION)  # fmt: skip
    res = stats.mannwhitneyu(b, a, alternative="two-sided", method="asymptotic")
    return Comparison(method, m1, m2, m2 - m1, None, float(res.statistic), float(res.pvalue),
                      a.size, b.size)  # fmt: skip
