"""Paired tests for the per-ticket view, until the statistics engine (issue 4) lands.

Temporary private stand-ins for `dashboard.stats.agreement`, `paired_change` and the Wilcoxon
signed-rank test; they will delegate to it once merged. Each works on aggregates: a joint table
or a histogram of differences.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np
from scipy import stats as sps

from dashboard.gap.moments import Interval


@dataclass(frozen=True, slots=True)
class Kappa:
    """Cohen's kappa (unweighted or quadratic-weighted) with its asymptotic interval."""

    estimate: float
    ci: Interval | None
    agreement: float  # observed (weighted) agreement, 0–1
    weights: str
    n: int
    reason: str | None = None


def kappa(table: Sequence[Sequence[int]], weights: str = "none", level: float = 0.95) -> Kappa:
    """Cohen's kappa of a K × K joint table; weights "none" or "quadratic" (Fleiss–Cohen).

    Standard error: Fleiss, Cohen & Everitt (1969) under the alternative, the ASE that
    `statsmodels.stats.inter_rater.cohens_kappa` reports.
    """
    t = np.asarray(table, dtype=float)
    n = int(t.sum())
    k = t.shape[0]
    i, j = np.indices((k, k))
    w = (i == j).astype(float) if weights == "none" else 1 - (i - j) ** 2 / (k - 1) ** 2
    if n == 0:
        return Kappa(math.nan, None, math.nan, weights, 0, "too_few")
    p = t / n
    rows, cols = p.sum(axis=1), p.sum(axis=0)
    po, pe = float((w * p).sum()), float((w * np.outer(rows, cols)).sum())
    if pe >= 1.0:
        return Kappa(math.nan, None, po, weights, n, "no_variance")
    kap = (po - pe) / (1 - pe)
    wi, wj = w @ cols, rows @ w
    inner = (p * (w - (wi[:, None] + wj[None, :]) * (1 - kap)) ** 2).sum()
    var = (inner - (kap - pe * (1 - kap)) ** 2) / (n * (1 - pe) ** 2)
    z = float(sps.norm.ppf(0.5 + level / 2))
    se = math.sqrt(max(float(var), 0.0))
    return Kappa(kap, Interval(kap - z * se, kap + z * se, level), po, weights, n)


@dataclass(frozen=True, slots=True)
class McNemar:
    """McNemar's test on the discordant pairs b and c: exact and mid-p (binomial, ½)."""

    b: int
    c: int
    pvalue_exact: float
    pvalue: float  # mid-p (Fagerland, Lydersen & Laake 2013)
    reason: str | None = None


def mcnemar(b: int, c: int) -> McNemar:
    """Exact and mid-p McNemar; no discordant pairs gives p = 1 ("no evidence of a change")."""
    m = b + c
    if m == 0:
        return McNemar(b, c, 1.0, 1.0, "no_discordant")
    x = min(b, c)
    exact = min(1.0, 2 * float(sps.binom.cdf(x, m, 0.5)))
    mid = 2 * float(sps.binom.cdf(x, m, 0.5)) - float(sps.binom.pmf(x, m, 0.5))
    return McNemar(b, c, exact, min(1.0, mid))


@dataclass(frozen=True, slots=True)
class SignedRank:
    """Wilcoxon signed-rank test (Pratt's zeros, normal approximation with tie correction)."""

    statistic: float
    pvalue: float | None
    n: int
    zeros: int
    reason: str | None = None


def signed_rank(differences: Mapping[float, int]) -> SignedRank:
    """Wilcoxon signed-rank from a histogram of differences (zero_method "pratt").

    Computed by `scipy.stats.wilcoxon(zero_method="pratt", method="asymptotic")` on the
    expanded differences (there are at most a few thousand pairs).
    """
    d = np.repeat(np.fromiter(differences, float), np.fromiter(differences.values(), int))
    zeros = int((d == 0).sum())
    if d.size == 0 or zeros == d.size:
        return SignedRank(math.nan, None, int(d.size), zeros, "no_variance")
    res = sps.wilcoxon(d, zero_method="pratt", method="asymptotic")
    return SignedRank(float(res.statistic), float(res.pvalue), int(d.size), zeros)
