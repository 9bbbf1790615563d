"""NPS of two independent samples: z-test with the multinomial variance.

Responses coded +1 (promoter), 0 (passive), -1 (detractor): NPS is their mean and
Var = [(pP + pD) - (pP - pD)^2] / n. Below 30 answers in a group the adjusted Wald recipe of
Lewis & Sauro (MeasuringU) is used: add 3/4 to promoters and to detractors and 3 to n.
Rocks (2016), "Interval estimation for the Net Promoter Score", Am. Stat. 70:365–372.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from scipy import stats

from dashboard.stats.result import Comparison, Interval, Reason

SMALL_N = 30


def nps_and_variance(promoters: float, detractors: float, n: float) -> tuple[float, float]:
    """NPS as a fraction in [-1, 1] and its sampling variance."""
    pp, pd_ = promoters / n, detractors / n
    return pp - pd_, ((pp + pd_) - (pp - pd_) ** 2) / n


def compare_nps(counts1: Sequence[int], counts2: Sequence[int], level: float = 0.95) -> Comparison:
    """Did NPS change? counts = (promoters, passives, detractors); difference = NPS2 - NPS1."""
    (p1, _, d1), (p2, _, d2) = counts1, counts2
    n1, n2 = int(sum(counts1)), int(sum(counts2))
    if n1 == 0 or n2 == 0:
        return Comparison("NPS z-test", math.nan, math.nan, math.nan, None, None, None, n1, n2,
                          reason=Reason.NO_DATA)  # fmt: skip
    nps1, _ = nps_and_variance(p1, d1, n1)
    nps2, _ = nps_and_variance(p2, d2, n2)
    small = min(n1, n2) < SMALL_N
    add = (0.75, 3.0) if small else (0.0, 0.0)
    a1, v1 = nps_and_variance(p1 + add[0], d1 + add[0], n1 + add[1])
    a2, v2 = nps_and_variance(p2 + add[0], d2 + add[0], n2 + add[1])
    se = math.sqrt(v1 + v2)
    method = "NPS z-test, adjusted Wald (small n)" if small else "NPS z-test (multinomial variance)"
    if se == 0:
        return Comparison(method, nps1, nps2, nps2 - nps1, None, None, None, n1, n2,
                          reason=Reason.NO_VARIATION)  # fmt: skip
    z = (a2 - a1) / se
    half = stats.norm.ppf(0.5 + level / 2) * se
    ci = Interval(a2 - a1 - half, a2 - a1 + half, level)
    p = float(2 * stats.norm.sf(abs(z)))
    return Comparison(method, nps1, nps2, nps2 - nps1, ci, z, p, n1, n2)
