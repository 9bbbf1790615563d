"""Cost of the gap: churn per account-month after a bad experience, on a hand-made fixture."""

from __future__ import annotations

import math
from datetime import date

import pandas as pd
import pytest
import test_gap_fixtures as fx
from scipy import stats as sps

from dashboard.config import Settings
from dashboard.errors import UnsupportedDataError
from dashboard.gap.cost import cost_of_gap, period_grid
from dashboard.schema import TableKind as K
from dashboard.scope import scoped
from dashboard.store import build_dataset


def _accounts() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "customer_id": ["c1", "c2", "c3", "c4", "c5"],
            "started_at": fx.ts(
                "2023-12-01", "2023-12-01", "2023-12-01", "2024-01-15", "2023-12-01"
            ),
            "churned_at": fx.ts("2024-02-15", None, "2024-02-10", "2024-02-20", "2024-01-20"),
        }
    )


def _dataset():
    # one more ticket (no rating, SLA not evaluated) so that the data run to March 2024
    extra = pd.DataFrame(
        {"ticket_id": ["T8"], "created_at": fx.ts("2024-03-05"), "customer_id": ["c2"]}
    )
    tickets = pd.concat([fx.tickets(), extra], ignore_index=True)
    frames = {K.TICKETS: tickets, K.REVIEWS: fx.reviews(), K.SURVEYS: fx.surveys()}
    return build_dataset({**frames, K.ACCOUNTS: _accounts()})


def test_churn_after_bad_experience_in_account_months() -> None:
    # bad experiences: T1 rated 2 (c1, Jan 4), T5 SLA breached (c3, Jan 5 12:00), T6 rated 1
    # (c4, Jan 8), T7 rated 1 (c5, Feb 27, after c5 churned)
    # Jan: c1, c2, c3, c5 active (c4 starts Jan 15), nothing in the 90 days before → other;
    #      c5 churns.
    # Feb: c1, c2, c3, c4 active; c1, c3, c4 had a bad experience in Nov 3 – Jan 31 → bad, all
    #      three churn in Feb; c2 → other.
    # Mar: only c2 is left → other.
    res = cost_of_gap(_dataset(), Settings())
    assert (res.bad.account_periods, res.bad.churned, res.bad.accounts) == (3, 3, 3)
    assert (res.other.account_periods, res.other.churned, res.other.accounts) == (6, 1, 4)
    assert res.bad.rate == pytest.approx(100.0)
    assert res.other.rate == pytest.approx(100 / 6)
    assert res.difference == pytest.approx(100 - 100 / 6)
    assert res.relative_risk == pytest.approx(6.0)
    # expected counts below 5: Fisher's exact test (issue 4), as scipy computes it
    assert res.pvalue == pytest.approx(sps.fisher_exact([[3, 0], [1, 5]])[1], rel=1e-9)
    assert res.lookback_days == 90


def test_lookback_is_a_setting() -> None:
    res = cost_of_gap(_dataset(), Settings(churn_lookback_days=10))
    # Feb window Jan 22 – Jan 31 holds no bad experience: every account-month is "other"
    assert res.bad.account_periods == 0 and math.isnan(res.bad.rate)
    assert (res.other.account_periods, res.other.churned) == (9, 4)
    assert res.pvalue is None and res.reason == "too_few"


def test_grid_spans_the_tickets_by_month_and_quarter() -> None:
    grid = period_grid(_dataset(), "month")
    assert grid["p_start"].dt.strftime("%Y-%m").tolist() == ["2024-01", "2024-02", "2024-03"]
    assert period_grid(_dataset(), "quarter")["p_end"].dt.strftime("%Y-%m-%d").tolist() == [
        "2024-04-01"
    ]


def test_needs_accounts() -> None:
    with pytest.raises(UnsupportedDataError, match="accounts export"):
        cost_of_gap(fx.dataset(), Settings())


def test_newcombe_interval_matches_the_published_example() -> None:
    from dashboard.gap.testing import compare_proportions

    # Newcombe (1998), Stat. Med. 17:873, table II example (a): 56/70 − 48/80, method 10:
    # 0.0524 to 0.3339
    res = compare_proportions(56, 70, 48, 80, 0.05)
    assert res.ci == pytest.approx((5.24, 33.39), abs=0.01)


def test_a_filter_that_leaves_no_ticket_gives_too_few_not_an_error() -> None:
    """The Delivery gap and Churn pages crashed when a filter left no ticket (an empty period
    grid was built with its dtype passed as the index)."""
    result = cost_of_gap(scoped(_dataset(), {"customer_id": ["nobody"]}), Settings())
    assert result.reason == "too_few"
    assert result.bad.account_periods == result.other.account_periods == 0
    assert period_grid(scoped(_dataset(), {"customer_id": ["nobody"]}), "month").empty


def test_only_the_periods_overlapping_the_days_shown_count() -> None:
    """The churn table kept every month of the data whatever period the page showed (found by
    a new-user run: 96 churned beside cards saying 17). From the hand count above: February
    alone has the three bad account-months, all churned, and c2's other one."""
    feb = cost_of_gap(_dataset(), Settings(), days=(date(2024, 2, 10), date(2024, 2, 20)))
    assert (feb.bad.account_periods, feb.bad.churned) == (3, 3)
    assert (feb.other.account_periods, feb.other.churned) == (1, 0)
    jan_mar = cost_of_gap(_dataset(), Settings(), days=(date(2024, 1, 31), date(2024, 3, 1)))
    assert (jan_mar.bad.account_periods, jan_mar.other.account_periods) == (3, 6)
    none = cost_of_gap(_dataset(), Settings(), days=(date(2025, 1, 1), date(2025, 2, 1)))
    assert none.reason == "too_few" and none.other.account_periods == 0
