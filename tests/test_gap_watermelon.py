"""Green but unhappy: SLA met and rated bad, on the hand-made fixture (test_gap_fixtures)."""

from __future__ import annotations

import math

import pandas as pd
import pytest
import test_gap_fixtures as fx
from scipy import stats as sps

from dashboard.gap.watermelon import watermelon, wilson
from dashboard.schema import TableKind as K
from dashboard.store import build_dataset


def _wilson(k: int, n: int) -> tuple[float, float]:
    # Wilson (1927) by hand: (p + z²/2n ± z·sqrt(p(1 − p)/n + z²/4n²)) / (1 + z²/n)
    z, p = sps.norm.ppf(0.975), k / n
    centre, half = p + z * z / (2 * n), z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n))
    return 100 * (centre - half) / (1 + z * z / n), 100 * (centre + half) / (1 + z * z / n)


def test_watermelon_rate_among_rated_sla_met_tickets() -> None:
    report = watermelon(fx.dataset())
    (jan,) = report.cells  # every ticket was resolved in January 2024
    # SLA met and rated: T1 (2: bad), T2 (4), T4 (3: neutral, not bad), T6 (1: bad), T7 (1: bad)
    # T3's SLA was not evaluated; T5 breached the SLA (rated 5)
    assert (jan.green_rated, jan.green_unhappy) == (5, 3)
    assert jan.rate == pytest.approx(60.0)
    assert (jan.red_rated, jan.red_unhappy, jan.red_rate) == (1, 0, 0.0)
    assert jan.ci is not None
    assert (jan.ci.low, jan.ci.high) == pytest.approx(_wilson(3, 5))
    assert report.total.rate == pytest.approx(60.0)


def test_watermelon_by_segment() -> None:
    cells = {c.segment["team"]: c for c in watermelon(fx.dataset(), by="team").cells}
    # A: T1 bad, T2, T7 bad met the SLA → 2 of 3; B: T4, T6 bad → 1 of 2
    assert (cells["A"].green_rated, cells["A"].green_unhappy) == (3, 2)
    assert (cells["B"].green_rated, cells["B"].green_unhappy) == (2, 1)


def test_without_sla_results_there_is_nothing_to_count() -> None:
    tickets = fx.tickets().drop(columns=["sla_met"])
    ds = build_dataset({K.TICKETS: tickets, K.SURVEYS: fx.surveys()})
    report = watermelon(ds)
    assert report.cells == ()
    assert math.isnan(report.total.rate) and report.total.ci is None


def test_answers_without_their_tickets_have_nothing_to_count() -> None:
    """Survey answers and QA reviews uploaded alone: no SLA outcome, an empty report."""
    ds = build_dataset({K.SURVEYS: fx.surveys(), K.REVIEWS: fx.reviews()})
    report = watermelon(ds)
    assert report.cells == ()
    assert report.total.green_rated == 0 and report.total.ci is None


def test_wilson_edges() -> None:
    assert wilson(0, 0) is None
    ci = wilson(0, 10)
    assert ci is not None and ci.low == pytest.approx(0.0, abs=1e-12)
    assert ci.high == pytest.approx(_wilson(0, 10)[1])


def test_change_from_the_previous_period() -> None:
    tickets = fx.tickets()
    tickets.loc[tickets["ticket_id"].isin(["T6", "T7"]), "resolved_at"] = pd.Timestamp("2024-02-02")
    ds = build_dataset({K.TICKETS: tickets, K.SURVEYS: fx.surveys()})
    jan, feb = watermelon(ds).cells
    # Jan: T1 bad, T2, T4 → 1 of 3; Feb: T6 bad, T7 bad → 2 of 2
    assert (jan.green_unhappy, jan.green_rated, feb.green_unhappy, feb.green_rated) == (1, 3, 2, 2)
    assert feb.change == pytest.approx(100 - 100 / 3)
    # expected counts below 5: Fisher's exact test (issue 4), as scipy computes it
    assert feb.change_pvalue == pytest.approx(sps.fisher_exact([[2, 0], [1, 2]])[1], rel=1e-9)
    assert jan.change is None
