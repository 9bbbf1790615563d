"""p-chart with per-period limits, rule 1 and the Anhøj run rules.

CL = Σk / Σn; limits CL ± 3·sqrt(CL(1 − CL)/nᵢ), clipped to [0, 1] (Montgomery; qicharts2
`qic.p`). Anhøj & Olesen (2014), PLoS ONE 9:e113825: a signal when the longest run on one side
of the centre line exceeds round(log2(n)) + 3, or when the line is crossed fewer than
qbinom(0.05, n − 1, 0.5) times; points on the line are skipped.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from scipy import stats

from dashboard.stats.result import Reason


@dataclass(frozen=True, slots=True)
class PChart:
    """Centre line, limits and signals per period (fractions); run-rule results for the series."""

    center: float
    lcl: tuple[float, ...]
    ucl: tuple[float, ...]
    outside: tuple[bool, ...]
    longest_run: int
    run_limit: int
    crossings: int
    crossing_limit: int
    runs_signal: bool
    crossings_signal: bool
    reason: Reason | None = None


def p_chart(successes: Sequence[float], totals: Sequence[float]) -> PChart:
    """Control limits and signals for per-period proportions successes/totals."""
    k = np.asarray(successes, dtype=float)
    n = np.asarray(totals, dtype=float)
    if n.sum() <= 0:
        return PChart(math.nan, (), (), (), 0, 0, 0, 0, False, False, Reason.NO_DATA)
    cl = float(k.sum() / n.sum())
    with np.errstate(divide="ignore", invalid="ignore"):
        sigma = np.sqrt(cl * (1 - cl) / n)
        p = np.where(n > 0, k / n, np.nan)
    lcl = np.clip(cl - 3 * sigma, 0, 1)
    ucl = np.clip(cl + 3 * sigma, 0, 1)
    outside = (p < lcl) | (p > ucl)
    side = np.sign(p[~np.isnan(p)] - cl)
    side = side[side != 0]
    m = side.size
    runs = _runs(side)
    longest = max(runs, default=0)
    crossings = max(len(runs) - 1, 0)
    run_limit = round(math.log2(m)) + 3 if m else 0
    crossing_limit = int(stats.binom.ppf(0.05, m - 1, 0.5)) if m > 1 else 0
    return PChart(
        cl, tuple(lcl), tuple(ucl), tuple(bool(o) for o in outside), longest, run_limit,
        crossings, crossing_limit, m > 0 and longest > run_limit,
        m > 1 and crossings < crossing_limit,
    )  # fmt: skip


def _runs(side: np.ndarray) -> list[int]:
    runs: list[int] = []
    for i, s in enumerate(side):
        if i and s == side[i - 1]:
            runs[-1] += 1
        else:
            runs.append(1)
    return runs
