"""Result records of the statistics engine, in scipy's vocabulary.

Every comparison keeps its inputs (n per group, both estimates) so a verdict can cite them, and
carries a `reason` instead of raising when no test is possible (too few observations, no
variation): one thin segment must never blank a table of forty.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Reason(StrEnum):
    """Why no test (or no interval) could be given."""

    NO_DATA = "no_data"  # a group has no observations at all
    TOO_FEW = "too_few"  # too few observations for the method (e.g. n < 2 for a variance)
    NO_VARIATION = "no_variation"  # every observation is the same in both groups
    TOO_SHORT = "too_short"  # a series too short for a trend test (fewer than 8 points)
    NOT_A_SAMPLE = "not_a_sample"  # a state such as the backlog: shown, not tested


@dataclass(frozen=True, slots=True)
class Interval:
    """A confidence interval with its level."""

    low: float
    high: float
    level: float = 0.95


@dataclass(frozen=True, slots=True)
class Comparison:
    """Group 2 against group 1 (group 1 = the comparison period or the reference segment).

    Attributes:
        method: the test used, in words.
        estimate1, estimate2: each group's value on the method's scale (a proportion as a
            fraction, NPS as a fraction from -1 to 1, a mean, a rate).
        difference: estimate2 - estimate1 (for rates and log means: see `ratio`).
        ci: interval of the difference (of the ratio where `ratio` is set).
        statistic: the test statistic (z, t, or None for exact tests).
        pvalue: two-sided p-value (None when `reason` is set).
        n1, n2: observations per group.
        ratio: estimate2 / estimate1 for rate ratios and ratios of geometric means.
        reason: why no test was possible, else None.
    """

    method: str
    estimate1: float
    estimate2: float
    difference: float
    ci: Interval | None
    statistic: float | None
    pvalue: float | None
    n1: int
    n2: int
    ratio: float | None = None
    reason: Reason | None = None
