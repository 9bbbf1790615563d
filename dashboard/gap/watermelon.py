""" "Green but unhappy": the watermelon rate, per period and segment.

Green outside, red inside: the SLA dashboard says the promise was kept, the customer says the
service was bad. The watermelon rate of a cell is

    tickets that met the SLA and got a bad customer rating ÷ tickets that met the SLA and got a
    customer rating (any answer to the chosen question),

in percent. "Met the SLA" is the ticket's `sla_met` (resolution or overall SLA) being true;
"bad" is the bottom of the customer's scale (`scales`: Bad on Good/Bad, bottom-2-box on 1–5,
detractor on NPS), so a neutral answer is not counted as unhappy. Each ticket counts once, with
its latest answer, in the period of its resolution (the answer time when the ticket has none).
For contrast each cell also carries the same share among rated tickets that breached the SLA.
The interval is Wilson's score interval (Wilson 1927, from `dashboard.stats`); whether the
rate moved is a two-proportion z-test against the segment's previous period.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, replace

import ibis
from ibis import _

from dashboard.gap.bucketing import bucket, label_column
from dashboard.gap.cells import BLANK
from dashboard.gap.moments import Interval
from dashboard.gap.scales import CustomerSource, customer_ratings
from dashboard.gap.testing import compare_proportions
from dashboard.stats.proportions import wilson as stats_wilson
from dashboard.store import Dataset


@dataclass(frozen=True, slots=True)
class WatermelonCell:
    """Green-but-unhappy in one period × segment cell (period "all" when pooled)."""

    period: str
    segment: Mapping[str, str]
    green_rated: int  # rated tickets that met the SLA
    green_unhappy: int  # … of which rated bad
    red_rated: int  # rated tickets that breached the SLA
    red_unhappy: int  # … of which rated bad
    ci: Interval | None  # Wilson interval of the watermelon rate, percent
    change: float | None = None  # rate minus the segment's previous period, points
    change_pvalue: float | None = None  # two-proportion z-test of that change

    @property
    def rate(self) -> float:
        """Watermelon rate in percent (NaN without green rated tickets)."""
        return 100.0 * self.green_unhappy / self.green_rated if self.green_rated else math.nan

    @property
    def red_rate(self) -> float:
        """Share of SLA-breached rated tickets rated bad, percent (NaN without any)."""
        return 100.0 * self.red_unhappy / self.red_rated if self.red_rated else math.nan


@dataclass(frozen=True, slots=True)
class WatermelonReport:
    """Watermelon rate per period (× segment) and over the whole selection."""

    customer: CustomerSource
    grain: str
    by: str | None
    cells: tuple[WatermelonCell, ...]
    total: WatermelonCell


def wilson(k: int, n: int, level: float = 0.95) -> Interval | None:
    """Wilson score interval for k of n, in percent (`dashboard.stats.wilson`; None when n = 0)."""
    ci = stats_wilson(k, n, level)
    return None if ci is None else Interval(100.0 * ci.low, 100.0 * ci.high, ci.level)


def watermelon(
    dataset: Dataset,
    grain: str = "month",
    by: str | None = None,
    customer: CustomerSource = CustomerSource.CSAT,
    level: float = 0.95,
) -> WatermelonReport:
    """The watermelon rate per period and segment (one query; a few rows come back).

    Without a ticket table there is no SLA outcome: the report has no cells and a zero total.
    """
    r = customer_ratings(dataset, customer)
    if "ticket_sla_met" not in r.columns:  # answers uploaded without their tickets
        empty = WatermelonCell("all", {}, 0, 0, 0, 0, ci=None)
        return WatermelonReport(customer, grain, by, (), empty)
    r = r.filter(_.ticket_id.notnull() & _.ticket_sla_met.notnull())
    when = r.ticket_resolved_at.coalesce(r.rated_at)
    seg = r[by].cast("string").fill_null(BLANK) if by else ibis.literal("")
    r = r.filter(when.notnull()).mutate(period=bucket(when, grain), segment=seg)
    green, bad = r.ticket_sla_met, r.is_bad
    agg = r.group_by(["period", "segment"]).aggregate(
        green_rated=green.cast("int64").sum(),
        green_unhappy=(green & bad).cast("int64").sum(),
        red_rated=(~green).cast("int64").sum(),
        red_unhappy=(~green & bad).cast("int64").sum(),
    )
    frame = agg.to_pandas().sort_values(["segment", "period"], ignore_index=True)
    frame = frame.assign(period=label_column(frame["period"], grain))
    counts = ("green_rated", "green_unhappy", "red_rated", "red_unhappy")
    cells = []
    sums = dict.fromkeys(counts, 0)
    for row in frame.to_dict("records"):
        c = {k: int(row[k]) for k in counts}
        sums = {k: sums[k] + c[k] for k in counts}
        seg_map = {by: str(row["segment"])} if by else {}
        ci = wilson(c["green_unhappy"], c["green_rated"], level)
        cells.append(WatermelonCell(str(row["period"]), seg_map, **c, ci=ci))
    total = WatermelonCell(
        "all", {}, **sums, ci=wilson(sums["green_unhappy"], sums["green_rated"], level)
    )
    return WatermelonReport(customer, grain, by, tuple(with_changes(cells, level)), total)


def with_changes(cells: list[WatermelonCell], level: float) -> list[WatermelonCell]:
    """Add the change from the segment's previous period (cells sorted by segment, period)."""
    out: list[WatermelonCell] = []
    for cell in cells:
        prev = out[-1] if out else None
        if prev and prev.segment == cell.segment and prev.green_rated and cell.green_rated:
            test = compare_proportions(
                cell.green_unhappy, cell.green_rated, prev.green_unhappy, prev.green_rated,
                1 - level,
            )  # fmt: skip
            cell = replace(cell, change=cell.rate - prev.rate, change_pvalue=test.pvalue)
        out.append(cell)
    return out
