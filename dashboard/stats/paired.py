"""Paired ratings of the same tickets (company against customer): agreement and change.

Cohen's kappa, unweighted and quadratic-weighted (Fleiss–Cohen), with the asymptotic standard
error of Fleiss, Cohen & Everitt (1969) as `statsmodels.stats.inter_rater.cohens_kappa` reports
it; McNemar's test on a 2 × 2 table, exact and mid-p (Fagerland, Lydersen & Laake 2013);
Wilcoxon signed-rank with Pratt's treatment of zero differences. All work on aggregates: a
joint table or a histogram of differences.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np
from scipy import stats

from dashboard.stats.result import Interval, Reason


@dataclass(frozen=True, slots=True)
class Kappa:
    """Cohen's kappa with its interval; `agreement` is the observed (weighted) agreement."""

    estimate: float
    ci: Interval | None
    agreement: float
    weights: str
    n: int
    reason: Reason | None = None


@dataclass(frozen=True, slots=True)
class Agreement:
    """Unweighted and quadratic-weighted kappa of one joint table."""

    unweighted: Kappa
    quadratic: Kappa


@dataclass(frozen=True, slots=True)
class McNemar:
    """McNemar's test on the discordant cells b (row 0, col 1) and c (row 1, col 0)."""

    b: int
    c: int
    pvalue_exact: float | None
    pvalue: float | None  # mid-p
    method: str = "McNemar's test (exact and mid-p)"
    reason: Reason | None = None


@dataclass(frozen=True, slots=True)
class SignedRank:
    """Wilcoxon signed-rank test (Pratt zeros, normal approximation with tie correction)."""

    statistic: float
    pvalue: float | None
    n: int
    zeros: int
    reason: Reason | None = None


def kappa(table: Sequence[Sequence[float]], weights: str = "none", level: float = 0.95) -> Kappa:
    """Cohen's kappa of a K × K joint table; weights "none" or "quadratic"."""
    t = np.asarray(table, dtype=float)
    n = int(t.sum())
    k = t.shape[0]
    i, j = np.indices((k, k))
    w = (i == j).astype(float) if weights == "none" else 1 - (i - j) ** 2 / max(k - 1, 1) ** 2
    if n == 0:
        return Kappa(math.nan, None, math.nan, weights, 0, Reason.NO_DATA)
    p = t / n
    rows, cols = p.sum(axis=1), p.sum(axis=0)
    po, pe = float((w * p).sum()), float((w * np.outer(rows, cols)).sum())
    if pe >= 1.0:
        return Kappa(math.nan, None, po, weights, n, Reason.NO_VARIATION)
    kap = (po - pe) / (1 - pe)
    wi, wj = w @ cols, rows @ w
    inner = (p * (w - (wi[:, None] + wj[None, :]) * (1 - kap)) ** 2).sum()
    var = (inner - (kap - pe * (1 - kap)) ** 2) / (n * (1 - pe) ** 2)
    z = float(stats.norm.ppf(0.5 + level / 2))
    se = math.sqrt(max(float(var), 0.0))
    return Kappa(kap, Interval(kap - z * se, kap + z * se, level), po, weights, n)


def agreement(joint_table: Sequence[Sequence[float]], level: float = 0.95) -> Agreement:
    """Do two raters agree beyond chance? Both kappas of a K × K joint table."""
    return Agreement(kappa(joint_table, "none", level), kappa(joint_table, "quadratic", level))


def paired_change(joint_table: Sequence[Sequence[float]]) -> McNemar:
    """Did the share change between two paired ratings? McNemar on a 2 × 2 table."""
    b, c = int(joint_table[0][1]), int(joint_table[1][0])
    m = b + c
    if m == 0:
        return McNemar(b, c, None, None, reason=Reason.NO_VARIATION)
    x = min(b, c)
    tail = float(stats.binom.cdf(x, m, 0.5))
    exact = min(1.0, 2 * tail)
    mid = min(1.0, 2 * tail - float(stats.binom.pmf(x, m, 0.5)))
    return McNemar(b, c, exact, mid)


def signed_rank(differences: Mapping[float, int]) -> SignedRank:
    """Wilcoxon signed-rank from a histogram of paired differences (zero_method "pratt")."""
    d = np.repeat(np.fromiter(differences, float), np.fromiter(differences.values(), int))
    zeros = int((d == 0).sum())
    if d.size == 0 or zeros == d.size:
        return SignedRank(math.nan, None, int(d.size), zeros, Reason.NO_VARIATION)
    res = stats.wilcoxon(d, zero_method="pratt", method="asymptotic")
    return SignedRank(float(res.statistic), float(res.pvalue), int(d.size), zeros)
