"""Cost of the gap: do accounts churn more after a bad service experience?

Unit of analysis: the account-period (account-month by default). For each period of the data,
every account active at its start (started before it, not churned before it) is one
account-period. It is "after a bad experience" when the account had one in the
`Settings.churn_lookback_days` (90) days before the period's start, and it churned when its
churn date falls inside the period. Looking only backwards from the period's start keeps the
flag from knowing the future: an account cannot be flagged by tickets it opened while leaving.

A bad experience is any of:
- a bad customer rating on a CSAT or CES question (bottom of the scale, see `scales`), at the
  time of the answer, belonging to the answer's customer (or the rated ticket's customer);
- an SLA breach on one of the account's tickets: `sla_met` false (at the resolution, else the
  creation) or `first_response_sla_met` false (at the first reply, else the creation).
NPS answers are not counted: relationship NPS measures the outcome, not a service event.

The churn rate per account-period of the two groups is compared with a two-proportion test;
each figure carries its account-periods, churns and distinct accounts. The account-periods of
one account are not independent, so the p-value is optimistic when few accounts dominate.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date, timedelta

import ibis
import pandas as pd
from ibis import _

from dashboard.config import Settings
from dashboard.errors import UnsupportedDataError
from dashboard.gap.scales import CustomerSource, customer_ratings
from dashboard.gap.testing import compare_proportions
from dashboard.schema import TableKind
from dashboard.store import Dataset

_FREQ = {"month": "MS", "quarter": "QS", "year": "YS"}


@dataclass(frozen=True, slots=True)
class ChurnGroup:
    """Churn of one group of account-periods."""

    account_periods: int
    churned: int  # account-periods that ended in churn (= churned accounts in the group)
    accounts: int  # distinct accounts behind the account-periods

    @property
    def rate(self) -> float:
        """Churn per account-period, percent (NaN when empty)."""
        return 100.0 * self.churned / self.account_periods if self.account_periods else math.nan


@dataclass(frozen=True, slots=True)
class CostOfGap:
    """Churn after a bad experience against churn otherwise, with the test of the difference."""

    bad: ChurnGroup
    other: ChurnGroup
    grain: str
    lookback_days: int
    difference: float  # bad rate − other rate, points
    relative_risk: float
    ci: tuple[float, float] | None  # interval of the difference, points
    pvalue: float | None
    method: str
    reason: str | None = None


def bad_events(dataset: Dataset) -> ibis.Table:
    """customer_id and time (`at`) of every bad rating and SLA breach."""
    parts: list[ibis.Table] = []
    has_tickets = dataset.has(TableKind.TICKETS)
    if dataset.has(TableKind.SURVEYS):
        for source in (CustomerSource.CSAT, CustomerSource.CES):
            r = customer_ratings(dataset, source).filter(_.is_bad)
            if has_tickets:
                t = dataset.table(TableKind.TICKETS).select(tid=_.ticket_id, tcust=_.customer_id)
                t = t.distinct(on="tid", keep="first")
                r = r.left_join(t, r.ticket_id == t.tid)
                r = r.mutate(customer_id=r.customer_id.coalesce(r.tcust))
            parts.append(r.select(customer_id=_.customer_id, at=_.rated_at))
    if has_tickets:
        t = dataset.table(TableKind.TICKETS)
        res = t.filter(_.sla_met == False)  # noqa: E712 (Ibis comparison, not Python)
        fr = t.filter(_.first_response_sla_met == False)  # noqa: E712
        parts.append(res.select(_.customer_id, at=_.resolved_at.coalesce(_.created_at)))
        parts.append(fr.select(_.customer_id, at=_.first_response_at.coalesce(_.created_at)))
    if not parts:
        empty = {"customer_id": pd.Series([], dtype="string"), "at": pd.Series([], dtype="M8[us]")}
        return ibis.memtable(pd.DataFrame(empty))
    events = parts[0].union(*parts[1:]) if len(parts) > 1 else parts[0]
    return events.filter(_.customer_id.notnull() & _.at.notnull())


def period_grid(dataset: Dataset, grain: str) -> pd.DataFrame:
    """Starts and ends of the periods spanned by the tickets (else the accounts' dates)."""
    if grain not in _FREQ:
        raise ValueError(f"grain must be one of {', '.join(_FREQ)}, not {grain!r}")
    if dataset.has(TableKind.TICKETS):
        t = dataset.table(TableKind.TICKETS)
        lo, hi = t.created_at.min().execute(), t.created_at.max().execute()
    else:
        a = dataset.table(TableKind.ACCOUNTS)
        lo, hi = a.started_at.min().execute(), a.churned_at.max().execute()
    if lo is None or hi is None or pd.isna(lo) or pd.isna(hi):
        none = pd.Series([], dtype="M8[us]")
        return pd.DataFrame({"p_start": none, "p_end": none})
    period = {"month": "M", "quarter": "Q", "year": "Y"}[grain]
    first = pd.Timestamp(lo).to_period(period).start_time
    starts = pd.date_range(first, pd.Timestamp(hi), freq=_FREQ[grain])
    ends = starts + pd.tseries.frequencies.to_offset(_FREQ[grain])
    return pd.DataFrame({"p_start": starts.astype("M8[us]"), "p_end": ends.astype("M8[us]")})


def cost_of_gap(
    dataset: Dataset,
    settings: Settings,
    grain: str = "month",
    days: tuple[date, date] | None = None,
) -> CostOfGap:
    """Churn per account-period after a bad experience vs otherwise, tested (see module doc).

    `days`: count only the periods that overlap these days (first, last), so the figure
    follows the period a page shows; the 90-day look-back still reads the tickets and ratings
    before it. None: every period of the data.
    """
    if not dataset.has(TableKind.ACCOUNTS):
        raise UnsupportedDataError(
            "The cost of the gap needs an accounts export (customer id, start and churn date).",
            hint="Add the CRM's account list.",
        )
    grid = period_grid(dataset, grain)
    if days is not None:
        after = pd.Timestamp(days[1] + timedelta(days=1))
        grid = grid[(grid.p_end > pd.Timestamp(days[0])) & (grid.p_start < after)]
    grid = ibis.memtable(grid.reset_index(drop=True))
    acc = dataset.table(TableKind.ACCOUNTS).filter(_.customer_id.notnull())
    am = acc.cross_join(grid).filter(
        (_.started_at < _.p_start) & (_.churned_at.isnull() | (_.churned_at >= _.p_start))
    )
    am = am.select("customer_id", "p_start", churned=(_.churned_at < _.p_end).fill_null(False))
    ev = bad_events(dataset).rename(ev_customer="customer_id")
    lookback = ibis.interval(days=settings.churn_lookback_days)
    preds = [
        am.customer_id == ev.ev_customer,
        ev.at >= am.p_start - lookback,
        ev.at < am.p_start,
    ]
    bad, other = _group(am.semi_join(ev, preds)), _group(am.anti_join(ev, preds))
    return _compare(bad, other, grain, settings)


def _group(t: ibis.Table) -> ChurnGroup:
    row = t.aggregate(
        n=_.count(), k=_.churned.cast("int64").sum(), a=_.customer_id.nunique()
    ).to_pandas()
    k = row["k"].iloc[0]
    return ChurnGroup(int(row["n"].iloc[0]), 0 if pd.isna(k) else int(k), int(row["a"].iloc[0]))


def _compare(bad: ChurnGroup, other: ChurnGroup, grain: str, settings: Settings) -> CostOfGap:
    res = compare_proportions(
        bad.churned, bad.account_periods, other.churned, other.account_periods, settings.alpha
    )
    rr = bad.rate / other.rate if other.churned else math.nan
    return CostOfGap(
        bad, other, grain, settings.churn_lookback_days, bad.rate - other.rate, rr,
        res.ci, res.pvalue, res.method, res.reason,
    )  # fmt: skip
