"""Gap per period and segment on the hand-made fixture (see test_gap_fixtures)."""

from __future__ import annotations

import math

import pytest
import test_gap_fixtures as fx
from scipy import stats as sps
from test_gap_fixtures import dataset

from dashboard.config import CsatDefinition, Settings
from dashboard.gap.moments import Reason
from dashboard.gap.scales import CompanySource, Measure
from dashboard.gap.series import GapSpec, gap_series, headline, headline_sentence


def test_monthly_gap_is_qa_mean_minus_csat_percent_of_reviewed_rated_tickets() -> None:
    s = gap_series(dataset(), Settings())
    jan, feb = s.cells
    # Jan: reviews 90, 70, 100 → 86.667; reviewed tickets T1 (latest 2: not good), T2 (4: good),
    # T3 (no answer) → CSAT 1/2 = 50 %; gap 36.667
    assert (jan.period, jan.n_company, jan.n_customer, jan.n_pairs) == ("2024-01", 3, 2, 2)
    assert jan.company_score == pytest.approx(260 / 3)
    assert jan.customer_score == pytest.approx(50.0)
    assert jan.gap == pytest.approx(260 / 3 - 50)
    # Feb: 80, 60, 50 (no ticket), 100 → 72.5; T4 (3), T5 (5), T1 (2) → 1/3; gap 39.167
    assert (feb.period, feb.n_company, feb.n_customer) == ("2024-02", 4, 3)
    assert feb.gap == pytest.approx(72.5 - 100 / 3)
    # whether it moved: Feb gap − Jan gap
    assert jan.change is None and feb.change == pytest.approx(72.5 - 100 / 3 - (260 / 3 - 50))


def test_gap_interval_and_pvalue_are_welch_for_two_mean_scores() -> None:
    spec = GapSpec(customer_measure=Measure.SCORE)
    jan = gap_series(dataset(), Settings(), spec=spec).cells[0]
    # reference: scipy's Welch t from the same moments; company (90, 70, 100): mean 260/3,
    # variance 700/3; customer T1 2 → 25, T2 4 → 75: mean 50, variance 1250 (ddof = 1)
    ref = sps.ttest_ind_from_stats(
        260 / 3, math.sqrt(700 / 3), 3, 50.0, math.sqrt(1250.0), 2, equal_var=False
    )
    assert jan.pvalue == pytest.approx(ref.pvalue, rel=1e-9)
    se = math.sqrt(700 / 9 + 625.0)
    df = (700 / 9 + 625.0) ** 2 / ((700 / 9) ** 2 / 2 + 625.0**2 / 1)
    half = sps.t.ppf(0.975, df) * se
    assert jan.ci is not None
    # the interval is cut at what a gap can be (±100 on the common scale)
    want = (max(jan.gap - half, -100.0), min(jan.gap + half, 100.0))
    assert (jan.ci.low, jan.ci.high) == pytest.approx(want)


def test_share_side_variance_is_agresti_caffo() -> None:
    jan = gap_series(dataset(), Settings()).cells[0]
    # customer share 1 of 2: p~ = (1 + 1)/(2 + 2) = 0.5 → variance 100² · 0.25 = 2500 per answer
    v1, v2 = 700 / 9, 2500 / 2
    t = jan.gap / math.sqrt(v1 + v2)
    df = (v1 + v2) ** 2 / (v1**2 / 2 + v2**2 / 1)
    assert jan.pvalue == pytest.approx(2 * sps.t.sf(abs(t), df), rel=1e-9)


def test_all_good_customers_still_have_an_uncertain_share() -> None:
    # keep only the answers of T2 (4) and T5 (5): every customer answer is good
    ds = fx.dataset(surveys=fx.surveys().iloc[[2, 4]])
    s = gap_series(ds, Settings())
    # Jan pairs only T2, Feb only T5: one answer each, too few for an interval
    assert [c.reason for c in s.cells] == [Reason.TOO_FEW, Reason.TOO_FEW]
    # pooled: 2 of 2 good; the sample variance is 0 but p~ = 3/4 gives 100² · 3/16 = 1875
    total = s.total
    v1, v2 = total.company.sd**2 / 7, 1875.0 / 2
    df = (v1 + v2) ** 2 / (v1**2 / 6 + v2**2 / 1)
    half = sps.t.ppf(0.975, df) * math.sqrt(v1 + v2)
    assert total.ci is not None
    want = (max(total.gap - half, -100.0), min(total.gap + half, 100.0))
    assert (total.ci.low, total.ci.high) == pytest.approx(want)


def test_change_test_is_z_on_two_independent_gaps() -> None:
    jan, feb = gap_series(dataset(), Settings()).cells
    se_jan = math.sqrt(700 / 9 + 2500 / 2)
    # Feb: company (80, 60, 50, 100): mean 72.5, variance 1475/3; customer 1 of 3 good:
    # p~ = 2/5 → variance 2400
    se_feb = math.sqrt((1475 / 3) / 4 + 2400 / 3)
    z = (feb.gap - jan.gap) / math.hypot(se_jan, se_feb)
    assert feb.change_pvalue == pytest.approx(2 * sps.norm.sf(abs(z)), rel=1e-9)


def test_total_pools_the_cells_and_headline_pair() -> None:
    s = gap_series(dataset(), Settings())
    # 7 reviews (mean 550/7); customer: 5 ticket-periods (T1 counts in Jan and Feb), 2 good
    assert s.total.company_score == pytest.approx(550 / 7)
    assert (s.total.n_company, s.total.n_customer) == (7, 5)
    pair = headline(s)
    # reviews ≥ 80: 90, 100, 80, 100 → 4/7
    assert pair.company_share == pytest.approx(400 / 7)
    assert pair.customer_share == pytest.approx(40.0)
    assert headline_sentence(pair) == (
        "Company rated 57 % of conversations good (7 ratings); customers rated 40 % good "
        "(5 ratings)."
    )


def test_segments_ranked_by_gap_with_bh_adjusted_p() -> None:
    s = gap_series(dataset(), Settings(), by="team")
    names = [c.segment["team"] for c in s.segments]
    # B: reviews 100, 80 → 90 vs T4 (3: not good) → 0 %: gap 90 but one answer: no test.
    # A: 90, 70, 60, 100 → 80 vs T1, T2, T5, T1 → 2/4 = 50 %: gap 30.
    # (blank): review R6 without a ticket, no customer side: gap undefined, last.
    assert names == ["B", "A", "(blank)"]
    b, a, blank = s.segments
    assert b.gap == pytest.approx(90.0) and b.reason is Reason.TOO_FEW and b.pvalue is None
    assert a.gap == pytest.approx(30.0)
    assert a.pvalue_adjusted == pytest.approx(a.pvalue)  # the only tested segment
    assert math.isnan(blank.gap)
    cells = {(c.period, c.segment["team"]): c for c in s.cells}
    assert cells[("2024-01", "A")].gap == pytest.approx(30.0)
    assert cells[("2024-02", "A")].change == pytest.approx(0.0)
    assert cells[("2024-01", "B")].n_customer == 0


def test_share_measures_and_sla_as_company_side() -> None:
    spec = GapSpec(company=CompanySource.SLA, company_measure=Measure.GOOD)
    (cell,) = gap_series(dataset(), Settings(), spec=spec).cells
    # all tickets created in Jan 2024; SLA evaluated on 6, met on 5 → 83.33 %;
    # their answers: T1 2, T2 4, T4 3, T5 5, T6 1, T7 1 → 2 good of 6
    assert cell.company_score == pytest.approx(500 / 6)
    assert cell.customer_score == pytest.approx(200 / 6)


def test_mean_csat_definition_uses_the_score() -> None:
    assert GapSpec.default(Settings(csat_definition=CsatDefinition.MEAN)).customer_measure == (
        Measure.SCORE
    )
    jan = gap_series(dataset(), Settings(), spec=GapSpec(customer_measure=Measure.SCORE)).cells[0]
    assert jan.customer_score == pytest.approx((25 + 75) / 2)  # T1 2 → 25, T2 4 → 75


def test_quarter_and_week_labels() -> None:
    assert [c.period for c in gap_series(dataset(), Settings(), grain="quarter").cells] == [
        "2024-Q1"
    ]
    weeks = [c.period for c in gap_series(dataset(), Settings(), grain="week").cells]
    assert weeks[0] == "2024-W01" and weeks[-1] == "2024-W08"


def test_unknown_segment_column_is_a_user_error() -> None:
    from dashboard.errors import UnknownColumnError

    with pytest.raises(UnknownColumnError, match="No column 'nope'") as err:
        gap_series(dataset(), Settings(), by="nope")
    assert "team" in err.value.hint


def test_adjustments_bh_holm_none() -> None:
    from dashboard.config import Correction
    from dashboard.gap.testing import adjust

    p = [0.01, 0.04, 0.03, 0.5]
    # BH: sorted 0.01, 0.03, 0.04, 0.5 → 0.04, 0.0533, 0.0533, 0.5 (step-up minimum)
    assert adjust(p, Correction.BH) == pytest.approx([0.04, 0.16 / 3, 0.16 / 3, 0.5])
    # Holm: 4·0.01, 3·0.03, 2·0.04, 1·0.5 with running maximum
    assert adjust(p, Correction.HOLM) == pytest.approx([0.04, 0.09, 0.09, 0.5])
    assert adjust(p, Correction.NONE) == p
    assert adjust([]) == []


def test_good_bad_csat_definition_leaves_neutral_answers_out() -> None:
    settings = Settings(csat_definition=CsatDefinition.GOOD_BAD)
    feb = gap_series(dataset(), settings).cells[1]
    # Feb: T4 answered 3 (neutral) → out; T5 5 good, T1 2 bad → 1 of 2
    assert (feb.n_customer, feb.customer_score) == (2, pytest.approx(50.0))
