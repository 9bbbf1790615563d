"""Funnel plots: is a team or agent really off the overall rate, or just small?

Each segment is plotted at its n against its value; control limits around the overall value
narrow as n grows (Spiegelhalter 2005, "Funnel plots for comparing institutional
performance"). A segment outside the 99.8 % limits is flagged; inside the 95 % limits it is
"as expected", so a team of 12 is neither shamed nor praised for noise.

Proportions use the binomial normal approximation p0 ± z·sqrt(p0(1−p0)/n) (on the percent
scale); means use mean0 ± z·sd0/sqrt(n) with the pooled standard deviation.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

import numpy as np
import pandas as pd
from scipy.stats import norm

Z95 = float(norm.ppf(0.975))
Z998 = float(norm.ppf(0.999))
CURVE_POINTS = 60


class Position(StrEnum):
    """Where a segment falls against the funnel."""

    ABOVE = "above"  # beyond the upper 99.8 % limit
    HIGH = "high"  # between the upper 95 % and 99.8 % limits
    EXPECTED = "expected"  # within the 95 % limits
    LOW = "low"  # between the lower 95 % and 99.8 % limits
    BELOW = "below"  # beyond the lower 99.8 % limit


@dataclass(frozen=True, slots=True)
class Funnel:
    """Segments placed against funnel limits around the overall value.

    Attributes:
        center: the overall value (percent for rates, the mean for scores).
        points: one row per segment: segment, value, n, position.
        curve: limits over a grid of n: n, lo95, hi95, lo998, hi998.
        reason: why no funnel could be drawn (no segments, no variation), else None.
    """

    center: float
    points: pd.DataFrame
    curve: pd.DataFrame
    reason: str | None = None


def proportion_funnel(segments: list[str], successes, totals) -> Funnel:
    """Funnel for a rate in percent: successes/totals per segment against the pooled rate."""
    k = np.asarray(successes, dtype=float)
    n = np.asarray(totals, dtype=float)
    keep = n > 0
    if not keep.any():
        return _empty("No segment has any observations.")
    p0 = k[keep].sum() / n[keep].sum()
    spread = np.sqrt(p0 * (1 - p0))
    if spread == 0:
        return _empty("Every segment is at the same value: nothing to compare.", 100 * p0)
    values = 100 * np.divide(k, n, out=np.full_like(k, np.nan), where=keep)
    return _funnel(segments, values, n, 100 * p0, 100 * spread, clip=(0.0, 100.0))


def mean_funnel(segments: list[str], counts, sums, sumsqs) -> Funnel:
    """Funnel for a mean score: per-segment means against the pooled mean and pooled sd."""
    n = np.asarray(counts, dtype=float)
    s = np.asarray(sums, dtype=float)
    ss = np.asarray(sumsqs, dtype=float)
    total = n.sum()
    if total < 2:
        return _empty("Too few observations for a funnel.")
    mean0 = s.sum() / total
    var0 = max((ss.sum() - total * mean0**2) / (total - 1), 0.0)
    if var0 == 0:
        return _empty("Every observation has the same value: nothing to compare.", mean0)
    values = np.divide(s, n, out=np.full_like(s, np.nan), where=n > 0)
    return _funnel(segments, values, n, mean0, float(np.sqrt(var0)), clip=None)


def _funnel(segments, values, n, center, sd, clip) -> Funnel:
    keep = n > 0
    se = sd / np.sqrt(np.where(keep, n, np.nan))
    positions = [
        _position(v, center, e) if k else Position.EXPECTED
        for v, e, k in zip(values, se, keep, strict=True)
    ]
    points = pd.DataFrame(
        {"segment": segments, "value": values, "n": n.astype(int), "position": positions}
    )[keep]
    grid = np.unique(np.geomspace(max(1.0, n[keep].min() / 2), n[keep].max() * 1.5, CURVE_POINTS))
    half95, half998 = Z95 * sd / np.sqrt(grid), Z998 * sd / np.sqrt(grid)
    curve = pd.DataFrame(
        {
            "n": grid,
            "lo95": center - half95,
            "hi95": center + half95,
            "lo998": center - half998,
            "hi998": center + half998,
        }
    )
    if clip is not None:
        cols = ["lo95", "hi95", "lo998", "hi998"]
        curve[cols] = curve[cols].clip(*clip)
    return Funnel(center=float(center), points=points.reset_index(drop=True), curve=curve)


def _position(value: float, center: float, se: float) -> Position:
    z = (value - center) / se
    if z > Z998:
        return Position.ABOVE
    if z > Z95:
        return Position.HIGH
    if z < -Z998:
        return Position.BELOW
    if z < -Z95:
        return Position.LOW
    return Position.EXPECTED


def _empty(reason: str, center: float = float("nan")) -> Funnel:
    points = pd.DataFrame(columns=["segment", "value", "n", "position"])
    curve = pd.DataFrame(columns=["n", "lo95", "hi95", "lo998", "hi998"])
    return Funnel(center, points, curve, reason)
