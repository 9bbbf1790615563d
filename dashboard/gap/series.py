"""The delivery gap per period and per segment: company score minus customer score, in points.

Definition (the issue's default, read literally): for each period, the company score is the mean
QA score of the reviews made in that period (placed by `reviewed_at`, all reviews with a score,
whether or not their ticket was rated by the customer); the customer score is the CSAT % (share
rated good, top-2-box) of the distinct tickets reviewed in that period that carry a customer
rating, each ticket counted once with its latest answer. gap = company − customer, in points.
With the Good ÷ (Good + Bad) CSAT definition neutral answers are left out of the customer share,
as in the KPI engine; with the mean definition the customer side is the mean 0–100 score.
A ticket reviewed in two periods counts in both; reviews without a ticket id count on the
company side only.

The same rule holds for the other sources and measures (`GapSpec`): the company side is every
company rating of the period, the customer side the customer ratings of the same tickets, so the
two sides always describe the same conversations. `n_pairs` is the number of distinct tickets in
the cell carrying both ratings (equal to `n_customer` under this rule: every customer answer
counted is paired with a company rating).

Each cell carries a Welch interval and p-value for the gap (H0: gap = 0; see `moments` for why
treating the sides as independent is conservative), and the change from the segment's previous
period with data, with a z-test of whether the gap moved. `rank_segments` pools all periods per
segment and adds p-values adjusted across segments (`Settings.correction`, Benjamini–Hochberg by
default).
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field, replace

from dashboard.config import Correction, CsatDefinition, Settings
from dashboard.gap import moments
from dashboard.gap.cells import side, side_cells
from dashboard.gap.moments import EMPTY, Interval, Reason, SideStats
from dashboard.gap.scales import CompanySource, CustomerSource, Measure
from dashboard.gap.testing import adjust
from dashboard.store import Dataset


@dataclass(frozen=True, slots=True)
class GapSpec:
    """Which ratings make up the two sides, and which number stands for each side."""

    company: CompanySource = CompanySource.QA
    customer: CustomerSource = CustomerSource.CSAT
    company_measure: Measure = Measure.SCORE
    customer_measure: Measure = Measure.GOOD

    @staticmethod
    def default(settings: Settings) -> GapSpec:
        """QA mean vs CSAT %; CSAT as a mean score when the user chose the mean definition."""
        mean = settings.csat_definition is CsatDefinition.MEAN
        return GapSpec(customer_measure=Measure.SCORE if mean else Measure.GOOD)


@dataclass(frozen=True, slots=True)
class GapCell:
    """The gap in one period × segment cell (period "all" when pooled over periods)."""

    period: str
    segment: Mapping[str, str]
    company: SideStats
    customer: SideStats
    company_score: float
    customer_score: float
    gap: float
    ci: Interval | None
    pvalue: float | None
    change: float | None = None  # gap minus the previous period's gap (same segment)
    change_ci: Interval | None = None
    change_pvalue: float | None = None
    pvalue_adjusted: float | None = None  # BH across segments (rank_segments only)
    reason: Reason | None = None

    @property
    def n_company(self) -> int:
        """Company ratings behind the company score."""
        return self.company.n

    @property
    def n_customer(self) -> int:
        """Customer ratings (distinct tickets) behind the customer score."""
        return self.customer.n

    @property
    def n_pairs(self) -> int:
        """Distinct tickets in the cell rated by both (all customer ratings are paired)."""
        return self.customer.n


@dataclass(frozen=True, slots=True)
class GapSeries:
    """The gap per period (and segment) for one spec, with the totals over all periods."""

    spec: GapSpec
    grain: str
    by: str | None
    cells: tuple[GapCell, ...]
    total: GapCell
    level: float = 0.95
    segments: tuple[GapCell, ...] = field(default_factory=tuple)


def make_cell(
    period: str,
    segment: Mapping[str, str],
    sides: tuple[SideStats, SideStats],
    spec: GapSpec,
    level: float,
) -> GapCell:
    """A cell's scores, gap, Welch interval and p-value (reason set when no test is possible)."""
    company, customer = sides
    ci, p, reason = moments.gap_test(company, customer, _measures(spec), level)
    return GapCell(
        period, dict(segment), company, customer, company.mean, customer.mean,
        company.mean - customer.mean, ci, p, reason=reason,
    )  # fmt: skip


def _measures(spec: GapSpec) -> tuple[Measure, Measure]:
    return spec.company_measure, spec.customer_measure


def with_changes(cells: list[GapCell], spec: GapSpec, level: float) -> list[GapCell]:
    """Add to each cell the change from its segment's previous period, with a z-test."""
    out: list[GapCell] = []
    prev: GapCell | None = None
    m = _measures(spec)
    for cell in cells:
        same = prev is not None and prev.segment == cell.segment
        a = moments.welch(prev.company, prev.customer, m) if same and prev else Reason.NO_PREVIOUS
        b = moments.welch(cell.company, cell.customer, m)
        if isinstance(a, moments.Estimate) and isinstance(b, moments.Estimate):
            change, ci, p = moments.compare_estimates(a, b, level)
            cell = _replace(cell, change=change, change_ci=ci, change_pvalue=p)
        elif same and prev and not math.isnan(prev.gap) and not math.isnan(cell.gap):
            cell = _replace(cell, change=cell.gap - prev.gap)
        out.append(cell)
        prev = cell
    return out


def _replace(cell: GapCell, **changes: object) -> GapCell:
    return replace(cell, **changes)  # type: ignore[arg-type]


def gap_series(
    dataset: Dataset,
    settings: Settings,
    grain: str = "month",
    by: str | None = None,
    spec: GapSpec | None = None,
) -> GapSeries:
    """The gap per period (× segment of column `by`), totals and ranked segments."""
    spec = spec or GapSpec.default(settings)
    level = 1 - settings.alpha
    frame = side_cells(dataset, spec, grain, by, settings)
    cells: list[GapCell] = []
    pooled: dict[str, tuple[SideStats, SideStats]] = {}
    total_c, total_u = EMPTY, EMPTY
    for row in frame.to_dict("records"):
        c, u = side(row, "c_"), side(row, "u_")
        seg = {by: str(row["segment"])} if by else {}
        cells.append(make_cell(str(row["period"]), seg, (c, u), spec, level))
        pc, pu = pooled.get(str(row["segment"]), (EMPTY, EMPTY))
        pooled[str(row["segment"])] = (pc + c, pu + u)
        total_c, total_u = total_c + c, total_u + u
    segments = [
        make_cell("all", {by: name} if by else {}, sides, spec, level)
        for name, sides in pooled.items()
    ]
    return GapSeries(
        spec, grain, by, tuple(with_changes(cells, spec, level)),
        make_cell("all", {}, (total_c, total_u), spec, level), level,
        tuple(rank_segments(segments, settings.correction)),
    )  # fmt: skip


def rank_segments(cells: list[GapCell], correction: Correction = Correction.BH) -> list[GapCell]:
    """Segments ordered by gap (largest first) with adjusted p-values (BH by default)."""
    tested = [i for i, c in enumerate(cells) if c.pvalue is not None]
    adjusted = adjust([cells[i].pvalue or 0.0 for i in tested], correction)
    out = list(cells)
    for i, p in zip(tested, adjusted, strict=True):
        out[i] = _replace(out[i], pvalue_adjusted=p)
    return sorted(out, key=lambda c: -c.gap if not math.isnan(c.gap) else math.inf)


@dataclass(frozen=True, slots=True)
class SharePair:
    """The headline: share of conversations the company rated good, and the customers' share."""

    company_share: float
    customer_share: float
    n_company: int
    n_customer: int

    @property
    def difference(self) -> float:
        """Company share minus customer share, in points."""
        return self.company_share - self.customer_share


def headline(series: GapSeries) -> SharePair:
    """The share pair over all periods of a series ("company rated 94 % … customers 78 %")."""
    c, u = series.total.company, series.total.customer
    return SharePair(c.good_share, u.good_share, c.n, u.n)


def headline_sentence(pair: SharePair) -> str:
    """The headline sentence ("Company rated 94 % of conversations good; …") with counts."""
    if pair.n_company == 0 or pair.n_customer == 0:
        return "Not enough ratings on both sides to compare."
    return (
        f"Company rated {pair.company_share:.0f} % of conversations good "
        f"({pair.n_company:,} ratings); customers rated {pair.customer_share:.0f} % good "
        f"({pair.n_customer:,} ratings)."
    )
