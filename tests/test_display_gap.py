"""Gap results become readable tables: thin cells marked, joint table oriented, churn rates."""

from __future__ import annotations

import math
from types import SimpleNamespace

import pandas as pd
import pytest

from dashboard.display import gap as show
from dashboard.display.labels import label_start
from dashboard.gap import GapCell, GapSeries, GapSpec
from dashboard.gap.cost import ChurnGroup, CostOfGap
from dashboard.gap.moments import Interval, SideStats
from dashboard.gap.scales import ScaleMapping


def _cell(period: str, n_company: int, n_customer: int, gap: float) -> GapCell:
    company = SideStats(n_company, 90.0 * n_company, 8100.0 * n_company, n_company)
    customer = SideStats(n_customer, 80.0 * n_customer, 6400.0 * n_customer, n_customer)
    return GapCell(period, {}, company, customer, 90.0, 80.0, gap, Interval(1.0, 19.0), 0.03)


def test_period_table_marks_thin_cells_and_keeps_numbers() -> None:
    cells = (_cell("2024-01", 40, 35, 10.0), _cell("2024-02", 40, 5, 10.0))
    series = GapSeries(GapSpec(), "month", None, cells, _cell("all", 80, 40, 10.0))
    table = show.period_table(series, min_n=30)
    assert list(table["Note"]) == ["", "too few ratings"]
    assert list(table["Gap (points)"]) == [10.0, 10.0]
    assert "Segment" not in table.columns
    frame = show.chart_frame(series, "QA", "CSAT")
    assert list(frame["series"]) == ["QA", "CSAT", "QA", "CSAT"]
    assert frame["period_start"].iloc[2] == pd.Timestamp("2024-02-01")


def test_cost_table_rates_per_account_period() -> None:
    cost = CostOfGap(
        bad=ChurnGroup(account_periods=200, churned=10, accounts=50),
        other=ChurnGroup(account_periods=1000, churned=20, accounts=300),
        grain="month",
        lookback_days=90,
        difference=3.0,
        relative_risk=2.5,
        ci=(0.1, 5.9),
        pvalue=0.01,
        method="test",
    )
    table = show.cost_table(cost)
    assert list(table["Churn per account-month (%)"]) == pytest.approx([5.0, 2.0])
    assert list(table["Accounts"]) == [50, 300]


def _cost(bad: ChurnGroup, other: ChurnGroup, reason: str) -> CostOfGap:
    nan = float("nan")
    return CostOfGap(bad, other, "month", 90, nan, nan, None, None, "none", reason)


def test_cost_unavailable_says_why_in_words_with_the_counts() -> None:
    empty = ChurnGroup(account_periods=0, churned=0, accounts=0)
    few = show.cost_unavailable(_cost(empty, ChurnGroup(40, 3, 12), "too_few"))
    assert few.startswith("Too few accounts to compare churn after bad service")
    assert "0 accounts had a bad experience in the 90 days before a month, 12 did not" in few
    assert "too_few" not in few
    none = show.cost_unavailable(_cost(ChurnGroup(5, 0, 5), ChurnGroup(40, 0, 12), "no_variation"))
    assert none.endswith("no account churned.")


@pytest.mark.parametrize(
    ("label", "expected"),
    [
        ("2024-W01", "2024-01-01"),
        ("2020-W53", "2020-12-28"),
        ("2024-Q3", "2024-07-01"),
        ("2024", "2024-01-01"),
        ("2024-02", "2024-02-01"),
        ("2024-02-29", "2024-02-29"),
    ],
)
def test_label_start(label: str, expected: str) -> None:
    assert label_start(label) == pd.Timestamp(expected)


def test_label_start_of_all_is_missing() -> None:
    assert label_start("all") is pd.NaT or math.isnan(label_start("all").value)


def test_side_cards_show_the_two_numbers_the_gap_subtracts() -> None:
    """The page showed both sides' 'rated good' shares (82 %, 84 %) over a gap of +3.8 points
    that subtracts the average review score from the customers' share rated good."""
    company = SideStats(4, 352.0, 31000.0, 3)  # mean 88.0, 3 of 4 rated good
    customer = SideStats(5, 400.0, 40000.0, 4)  # 4 of 5 rated good: 80 %
    total = GapCell("all", {}, company, customer, 88.0, 80.0, 8.0, None, None)
    series = GapSeries(GapSpec(), "month", None, (), total)
    qa = ScaleMapping("qa", "QA reviews", "score as given", "80 or more", "below 60")
    csat = ScaleMapping("csat", "CSAT", "1–5 to 0–100", "4 or 5", "1 or 2")
    (c_title, c_value, c_help), (k_title, k_value, k_help) = show.side_cards(series, qa, csat)
    assert (c_title, c_value) == ("Company: average score (QA reviews)", "88.0 of 100")
    assert (k_title, k_value) == ("Customers: rated good (CSAT)", "80 %")
    assert c_help == "score as given; n = 4" and k_help == "4 or 5; n = 5"
    assert float(c_value.split()[0]) - float(k_value.split()[0]) == total.gap


def test_segments_with_too_few_ratings_come_after_the_others() -> None:
    """An agent with 3 ratings topped the gap ranking on noise (new-user run)."""
    def cell(name: str, n: int, gap: float) -> GapCell:
        c = _cell("all", n, n, gap)
        return GapCell("all", {"agent": name}, c.company, c.customer, 90.0, 80.0, gap,
                       c.ci, c.pvalue)  # fmt: skip

    ranked = (cell("Liam", 3, 27.5), cell("Ann", 40, 12.0), cell("Bo", 2, 9.0),
              cell("Cy", 50, 4.0))  # fmt: skip
    total = _cell("all", 95, 95, 10.0)
    series = GapSeries(GapSpec(), "month", "agent", (), total, segments=ranked)
    table = show.segment_table(series, min_n=30)
    assert table["Segment"].tolist() == ["Ann", "Cy", "Liam", "Bo"]
    assert table["Note"].tolist() == ["", "", "too few ratings", "too few ratings"]


def test_drill_down_headers_are_words_not_field_names() -> None:
    frame = pd.DataFrame({"ticket_id": ["52881"], "company_score": [100.0],
                          "customer_score": [0.0], "n_company": [1],
                          "last_rated": [pd.Timestamp("2025-10-19")], "team": ["Billing"],
                          "first_contact_channel": ["Mail"]})  # fmt: skip
    table = show.good_but_bad_table(SimpleNamespace(good_but_bad=frame))
    assert list(table.columns) == ["Ticket", "Company score (0–100)", "Customer score (0–100)",
                                   "Company ratings", "Last rated", "Team",
                                   "First contact channel"]  # fmt: skip
    assert table.iloc[0].tolist()[:3] == ["52881", 100.0, 0.0]
