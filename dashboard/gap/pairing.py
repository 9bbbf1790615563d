"""Per-ticket pairs of a company rating and a customer rating, aggregated into small tables.

A pair is one ticket carrying both ratings. The company side of a ticket is the mean of its
company ratings in the selection (a ticket reviewed twice is one pair, scored by the mean of its
reviews), rated good when that mean reaches the good threshold (the pass mark for reviews, 50 for
SLA met = 100 / breached = 0). The customer side is the ticket's latest answer (`scales`).

Everything leaves the database as aggregates: the 2 × 2 good/not-good table, the 5 × 5 table of
20-point bands of the 0–100 scores (band 5 = 80–100), and the histogram of score differences.
Only the drill-down list of tickets rated good internally and bad by the customer is row-level,
and it is capped.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import ibis
import numpy as np
import pandas as pd
from ibis import _

from dashboard.config import Settings
from dashboard.gap.bucketing import bucket, start_of_label
from dashboard.gap.cells import BLANK
from dashboard.gap.scales import CompanySource, company_ratings, customer_ratings
from dashboard.gap.series import GapSpec
from dashboard.store import Dataset

BANDS = 5  # 20-point bands of the common 0–100 scale
DRILL_COLUMNS: tuple[str, ...] = ("team", "agent", "channel")


@dataclass(frozen=True, slots=True)
class Selection:
    """Which company ratings enter the pairs: one period and/or one segment value (None: all)."""

    grain: str = "month"
    period: str | None = None
    column: str | None = None
    value: str | None = None


def good_threshold(source: CompanySource, settings: Settings) -> float:
    """The per-ticket mean company score that counts as rated good."""
    return 50.0 if source is CompanySource.SLA else float(settings.qa_pass_mark)


def pairs(dataset: Dataset, spec: GapSpec, settings: Settings, sel: Selection) -> ibis.Table:
    """One row per ticket with both ratings: ticket_id, c_score, c_good, u_score, u_good, u_bad.

    Drill-down segment columns present on the company table are carried along (first value).
    """
    comp = company_ratings(dataset, spec.company, settings).filter(
        _.ticket_id.notnull() & _.rated_at.notnull()
    )
    if sel.period is not None:
        start = start_of_label(sel.period, sel.grain)
        comp = comp.filter(bucket(comp.rated_at, sel.grain) == ibis.literal(start))
    if sel.column is not None:
        comp = comp.filter(comp[sel.column].cast("string").fill_null(BLANK) == sel.value)
    extra = [c for c in DRILL_COLUMNS if c in comp.columns]
    per_ticket = comp.group_by("ticket_id").aggregate(
        c_score=_.score.mean(),
        n_company=_.count(),
        last_rated=_.rated_at.max(),
        **{c: comp[c].arbitrary() for c in extra},
    )
    cust = customer_ratings(dataset, spec.customer).filter(_.ticket_id.notnull())
    cust = cust.select(tid=_.ticket_id, u_score=_.score, u_good=_.is_good, u_bad=_.is_bad)
    joined = per_ticket.join(cust, per_ticket.ticket_id == cust.tid).drop("tid")
    return joined.mutate(c_good=joined.c_score >= good_threshold(spec.company, settings))


def _band(score: ibis.NumericValue) -> ibis.IntegerValue:
    """0..4 for the bands 0–<20, …, 80–100 (100 falls in the top band)."""
    return ibis.least((score / 20.0).floor().cast("int64"), BANDS - 1)


@dataclass(frozen=True, slots=True)
class PairTables:
    """Aggregates of the pairs: joint tables (company rows × customer columns) and differences.

    Attributes:
        good: 2 × 2 counts, index 0 = rated good, 1 = not good, on each side.
        bands: 5 × 5 counts of 20-point bands, index 0 = 0–<20 … 4 = 80–100.
        differences: company score − customer score (points) → number of pairs.
        bad_by_customer: pairs the company rated good and the customer rated bad.
    """

    good: tuple[tuple[int, int], tuple[int, int]]
    bands: tuple[tuple[int, ...], ...]
    differences: Mapping[float, int]
    bad_by_customer: int

    @property
    def n(self) -> int:
        """Number of pairs (tickets with both ratings)."""
        return sum(map(sum, self.good))


def pair_tables(table: ibis.Table) -> PairTables:
    """Build the joint tables, the difference histogram and the good-but-bad count.

    One grouped query (by both good flags, both bands, the difference and the good-but-bad
    flag) returns a few thousand rows at most; every table is a sum over them. The pairs are a
    join of two rating tables, so each query over them pays the join: one query, not four.
    """
    # round away float noise (e.g. 88.2 − 75.0) so equal differences share one rank
    grouped = table.group_by(
        c=table.c_good, u=table.u_good, cb=_band(table.c_score), ub=_band(table.u_score),
        d=(table.c_score - table.u_score).round(6), bad=table.c_good & table.u_bad,
    ).aggregate(k=_.count()).to_pandas()  # fmt: skip
    good = np.zeros((2, 2), dtype=int)
    bands = np.zeros((BANDS, BANDS), dtype=int)
    for row in grouped.itertuples():
        good[0 if row.c else 1, 0 if row.u else 1] += int(row.k)
        bands[int(row.cb), int(row.ub)] += int(row.k)
    d = grouped.groupby("d", dropna=False, sort=False)["k"].sum()
    bad = grouped.loc[grouped["bad"].fillna(False).astype(bool), "k"].sum()
    return PairTables(
        good=((int(good[0, 0]), int(good[0, 1])), (int(good[1, 0]), int(good[1, 1]))),
        bands=tuple(tuple(int(v) for v in r) for r in bands),
        differences={float(k): int(v) for k, v in d.items()},
        bad_by_customer=int(bad),
    )


def good_but_bad(table: ibis.Table, limit: int = 200) -> pd.DataFrame:
    """Tickets rated good internally and bad by the customer, highest company score first."""
    rows = table.filter(table.c_good & table.u_bad)
    keep = ["ticket_id", "c_score", "u_score", "n_company", "last_rated"]
    keep += [c for c in DRILL_COLUMNS if c in rows.columns]
    out = rows.select(*keep).order_by([ibis.desc("c_score"), "ticket_id"]).limit(limit)
    frame = out.to_pandas()
    return frame.rename(columns={"c_score": "company_score", "u_score": "customer_score"})
