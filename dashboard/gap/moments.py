"""Sufficient statistics of one side of the gap, and the interval and tests built on them.

A side (company or customer) of one cell is n, Σx, Σx² of its 0–100 values plus the number
rated good; everything the gap needs comes from these, so no later step reads rows.

The gap interval is Welch's: the two sides are treated as independent samples. They are not
quite (the customer answers rate some of the same tickets the company reviewed), but company and
customer ratings of one ticket correlate positively, and ignoring a positive correlation makes
the standard error of a difference larger, so the interval errs on the wide side. Paired tests
on the tickets that carry both ratings live in `dashboard.gap.paired`.

A side measured as a share (0 or 100 per rating) takes its variance from the Agresti–Caffo
adjusted share p̃ = (good + 1) / (n + 2), i.e. 100² · p̃(1 − p̃), instead of the sample variance:
seven answers that are all good have a sample variance of 0, which would pretend the customer
share is known exactly (Agresti & Caffo 2000, "Simple and effective confidence intervals for
proportions and differences of proportions", Am. Stat. 54:280).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from enum import StrEnum

from scipy import stats as sps

from dashboard.gap.scales import Measure
from dashboard.stats.means import compare_means
from dashboard.stats.result import Interval


class Reason(StrEnum):
    """Why no interval or test could be given for a cell."""

    TOO_FEW = "too_few"  # a side has fewer than two ratings
    NO_VARIATION = "no_variation"  # every rating on both sides is identical
    NO_PREVIOUS = "no_previous"  # first period of a series: nothing to compare with


@dataclass(frozen=True, slots=True)
class SideStats:
    """One side of one cell: n, sum and sum of squares of its 0–100 values, and n rated good."""

    n: int
    total: float
    total_sq: float
    good: int

    @property
    def mean(self) -> float:
        """Mean of the values (NaN when empty)."""
        return self.total / self.n if self.n else math.nan

    @property
    def sd(self) -> float:
        """Sample standard deviation, ddof = 1 (NaN below two values)."""
        if self.n < 2:
            return math.nan
        var = (self.total_sq - self.total * self.total / self.n) / (self.n - 1)
        return math.sqrt(max(var, 0.0))

    @property
    def good_share(self) -> float:
        """Percent rated good (NaN when empty)."""
        return 100.0 * self.good / self.n if self.n else math.nan

    def __add__(self, other: SideStats) -> SideStats:
        return SideStats(
            self.n + other.n,
            self.total + other.total,
            self.total_sq + other.total_sq,
            self.good + other.good,
        )


EMPTY = SideStats(0, 0.0, 0.0, 0)


def value_of(measure: Measure, score: float, is_good: bool) -> float:
    """The per-rating value a measure averages: the 0–100 score, or 100 when rated good."""
    return score if measure is Measure.SCORE else (100.0 if is_good else 0.0)


@dataclass(frozen=True, slots=True)
class Estimate:
    """A difference with its standard error and Welch degrees of freedom."""

    value: float
    se: float
    df: float


def variance(side: SideStats, measure: Measure) -> float:
    """Per-rating variance of a side: sample variance, or Agresti–Caffo for a share."""
    if measure is Measure.GOOD:
        p = (side.good + 1) / (side.n + 2)
        return 10000.0 * p * (1 - p)
    return side.sd**2


def welch(
    company: SideStats,
    customer: SideStats,
    measures: tuple[Measure, Measure] = (Measure.SCORE, Measure.SCORE),
) -> Estimate | Reason:
    """Company mean minus customer mean with Welch's standard error and df.

    Welch (1947); for two score sides the same as `scipy.stats.ttest_ind_from_stats(
    equal_var=False)`. `measures` (company, customer) says which side is a share.
    """
    if company.n < 2 or customer.n < 2:
        return Reason.TOO_FEW
    v1 = variance(company, measures[0]) / company.n
    v2 = variance(customer, measures[1]) / customer.n
    se = math.sqrt(v1 + v2)
    if se == 0.0:
        return Reason.NO_VARIATION
    df_den = v1 * v1 / (company.n - 1) + v2 * v2 / (customer.n - 1)
    df = (v1 + v2) ** 2 / df_den
    return Estimate(company.mean - customer.mean, se, df)


GAP_BOUND = 100.0
"""The largest gap there can be: both sides are on 0–100."""


def gap_test(
    company: SideStats, customer: SideStats, measures: tuple[Measure, Measure], level: float
) -> tuple[Interval | None, float | None, Reason | None]:
    """Interval and p-value of company − customer (H0: no gap) by `dashboard.stats`' Welch t.

    Each side's spread is `variance` (Agresti–Caffo for a share side), so the test is Welch's
    on the moments the cell holds. Both sides are on 0–100, so the gap lies in ±100: the
    interval is cut there (a t interval on three ratings reached −103 to +149, which no
    gap can be; intersecting with the possible values keeps the coverage).
    """
    res = compare_means(
        customer.n, customer.mean, math.sqrt(variance(customer, measures[1])),
        company.n, company.mean, math.sqrt(variance(company, measures[0])), level,
    )  # fmt: skip
    if res.reason is not None:
        return None, None, Reason.NO_VARIATION if res.reason == "no_variation" else Reason.TOO_FEW
    ci = res.ci and Interval(max(float(res.ci.low), -GAP_BOUND),
                             min(float(res.ci.high), GAP_BOUND), res.ci.level)  # fmt: skip
    return ci, None if res.pvalue is None else float(res.pvalue), None


def compare_estimates(
    first: Estimate, second: Estimate, level: float
) -> tuple[float, Interval, float]:
    """Second minus first for two independent estimates: the change, its z interval and p.

    Used for "did the gap move": two periods hold different ratings, so their gaps are
    independent and the variance of the change is the sum of the variances (normal
    approximation; each gap is already a difference of means).
    """
    change = second.value - first.value
    se = math.hypot(first.se, second.se)
    z = float(sps.norm.ppf(0.5 + level / 2))
    p = float(2 * sps.norm.sf(abs(change / se)))
    return change, Interval(change - z * se, change + z * se, level), p
