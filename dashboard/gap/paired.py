"""The paired view: tickets rated by both the company and the customer, compared ticket by ticket.

On paired data the right tests are paired ones (never a two-sample test): McNemar on the
discordant good/not-good pairs for the top-box gap, Wilcoxon signed-rank (Pratt's treatment of
zero differences) on the 0–100 score differences, Cohen's kappa for agreement. Raw agreement is
always shown next to kappa, because kappa drops when one side rates almost everything good even
if the two agree on most tickets (Feinstein & Cicchetti 1990).

Definitions (see `pairing` for how a pair is formed):
- joint table: company good / not good (rows) × customer good / not good (columns);
- agreement %: share of pairs on the diagonal of that table;
- kappa: unweighted, on that 2 × 2 table; weighted kappa: quadratic weights on the 5 × 5 table
  of 20-point bands of both 0–100 scores (agreement on the common scale, not just good/bad);
- top-box gap: company good share − customer good share of the same tickets, in points, tested
  with McNemar (b = company good & customer not, c = the reverse; mid-p reported);
- mean difference: company score − customer score per ticket, with a paired t interval;
- drill-down: tickets rated good internally and bad by the customer (bottom of the scale).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import pandas as pd
from scipy import stats as sps

from dashboard.config import Settings
from dashboard.gap.agreement import Kappa, McNemar, SignedRank, kappa, mcnemar, signed_rank
from dashboard.gap.moments import Interval
from dashboard.gap.pairing import PairTables, Selection, good_but_bad, pair_tables, pairs
from dashboard.gap.series import GapSpec
from dashboard.store import Dataset


@dataclass(frozen=True, slots=True)
class PairedView:
    """Agreement and paired tests on the tickets that carry both ratings."""

    spec: GapSpec
    selection: Selection
    tables: PairTables
    agreement: float  # percent of pairs where both say good or both say not good
    kappa: Kappa  # unweighted, good/not good
    weighted_kappa: Kappa  # quadratic, 20-point bands
    company_good_share: float  # percent of the pairs
    customer_good_share: float
    top_box_gap: float  # points
    mcnemar: McNemar
    mean_difference: float  # points, company − customer
    mean_ci: Interval | None  # paired t interval
    signed_rank: SignedRank
    good_but_bad: pd.DataFrame = field(repr=False)  # capped drill-down list
    good_but_bad_total: int = 0

    @property
    def n(self) -> int:
        """Number of pairs."""
        return self.tables.n


def paired_view(
    dataset: Dataset,
    settings: Settings,
    spec: GapSpec | None = None,
    selection: Selection | None = None,
    limit: int = 200,
) -> PairedView:
    """Build the paired view for one selection (all periods and segments by default)."""
    spec = spec or GapSpec.default(settings)
    selection = selection or Selection()
    table = pairs(dataset, spec, settings, selection)
    tabs = pair_tables(table)
    (a, b), (c, d) = tabs.good
    n = tabs.n
    pct = (lambda k: 100.0 * k / n) if n else (lambda k: math.nan)
    level = 1 - settings.alpha
    return PairedView(
        spec=spec,
        selection=selection,
        tables=tabs,
        agreement=pct(a + d),
        kappa=kappa(tabs.good, "none", level),
        weighted_kappa=kappa(tabs.bands, "quadratic", level),
        company_good_share=pct(a + b),
        customer_good_share=pct(a + c),
        top_box_gap=pct(b - c),
        mcnemar=mcnemar(b, c),
        mean_difference=_mean(tabs),
        mean_ci=paired_t_interval(tabs, level),
        signed_rank=signed_rank(tabs.differences),
        good_but_bad=good_but_bad(table, limit),
        good_but_bad_total=tabs.bad_by_customer,
    )


def _mean(tabs: PairTables) -> float:
    n = sum(tabs.differences.values())
    return sum(d * k for d, k in tabs.differences.items()) / n if n else math.nan


def paired_t_interval(tabs: PairTables, level: float) -> Interval | None:
    """t interval of the mean per-ticket difference (None below two pairs or without spread)."""
    n = sum(tabs.differences.values())
    if n < 2:
        return None
    mean = _mean(tabs)
    ss = sum(k * (d - mean) ** 2 for d, k in tabs.differences.items())
    se = math.sqrt(ss / (n - 1) / n)
    if se == 0.0:
        return None
    half = float(sps.t.ppf(0.5 + level / 2, n - 1)) * se
    return Interval(mean - half, mean + half, level)
