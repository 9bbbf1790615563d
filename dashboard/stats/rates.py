"""Two Poisson rates (ticket volume per day, replies per ticket): exact conditional test.

Given c1 + c2 events, c2 is binomial with p = e2 / (e1 + e2) when the rates are equal; the
Clopper–Pearson interval of that proportion maps to an interval of the rate ratio.
Fleiss, Levin & Paik (2003), §4; scipy.stats.binomtest.
"""

from __future__ import annotations

import math

from scipy import stats

from dashboard.stats.result import Comparison, Interval, Reason


def compare_rates(
    count1: float, exposure1: float, count2: float, exposure2: float, level: float = 0.95
) -> Comparison:
    """Did the rate change from count1/exposure1 to count2/exposure2? Ratio = rate2 / rate1."""
    method = "exact conditional test of two Poisson rates"
    r1 = count1 / exposure1 if exposure1 > 0 else math.nan
    r2 = count2 / exposure2 if exposure2 > 0 else math.nan
    if math.isnan(count1) or math.isnan(count2):  # a period without rows has no count
        return Comparison(method, r1, r2, r2 - r1, None, None, None, 0, 0,
                          reason=Reason.NO_DATA)  # fmt: skip
    c1, c2 = round(count1), round(count2)
    if not (exposure1 > 0 and exposure2 > 0) or c1 + c2 == 0:  # NaN exposure: no data either
        return Comparison(method, r1, r2, r2 - r1, None, None, None, c1, c2,
                          reason=Reason.NO_DATA)  # fmt: skip
    share = exposure2 / (exposure1 + exposure2)
    test = stats.binomtest(c2, c1 + c2, share)
    ci = test.proportion_ci(confidence_level=level, method="exact")
    scale = exposure1 / exposure2

    def to_ratio(q: float) -> float:
        return math.inf if q >= 1 else q / (1 - q) * scale

    ratio = r2 / r1 if r1 > 0 else math.inf
    interval = Interval(to_ratio(ci.low), to_ratio(ci.high), level)
    return Comparison(method, r1, r2, r2 - r1, interval, None, float(test.pvalue), c1, c2, ratio)
