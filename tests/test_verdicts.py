"""Verdict sentences, significance bridging and the Overview headline."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest
from scipy import stats as sps

from dashboard.config import CsatDefinition, DurationStat, Settings
from dashboard.errors import IssueCode
from dashboard.kpis import KPIS, KpiCells, KpiRequest, compute
from dashboard.overview import Card, cards, headline
from dashboard.samples import load_sample
from dashboard.significance import compare_cells, compare_kpis
from dashboard.stats import Reason
from dashboard.verdicts import ISSUE_WORDING, REASON_WORDING, Subject, verdict

CSAT = Subject("CSAT", "%", "ratings", True)


def test_every_enum_member_has_wording() -> None:
    assert set(ISSUE_WORDING) == set(IssueCode)
    assert set(REASON_WORDING) == set(Reason)


def test_real_drop_sentence_with_numbers() -> None:
    v = verdict(CSAT, 86.0, 81.0, "−5 points, 95 % CI −8 to −2", (612, 580), 0.001, None)
    assert v.sentence == (
        "CSAT fell from 86 % to 81 % (−5 points, 95 % CI −8 to −2; 612 and 580 ratings). "
        "A drop this large would be unlikely by chance."
    )
    assert (v.label, v.tone, v.significant) == ("Real drop", "bad", True)


def test_too_few_says_how_many_are_needed() -> None:
    v = verdict(CSAT, 80.0, 70.0, "", (12, 9), 0.4, None, share=0.8)
    assert v.sentence.startswith("Too few ratings to tell (12 and 9); about ")
    assert "per period are needed to detect a 10-point change" in v.sentence
    assert v.label == "Too few data"


def test_tiny_but_real_and_noise_and_lower_is_better() -> None:
    v = verdict(CSAT, 86.0, 86.5, "+0.5 points", (90000, 90000), 0.0001, None)
    assert v.label == "Tiny but real"
    v = verdict(CSAT, 86.0, 84.0, "−2 points", (400, 400), 0.3, None)
    assert v.label == "Noise" and "p = 0.300" in v.sentence
    frt = Subject("First response time", "minutes", "tickets", False)
    v = verdict(frt, 60.0, 40.0, "", (500, 500), 0.001, None)
    assert (v.label, v.tone) == ("Real drop", "good")


def _cell(kind: str, unit: str, **values) -> pd.Series:
    base = {"kind": kind, "unit": unit, "period_start": pd.Timestamp("2024-01-01"),
            "period_end": pd.Timestamp("2024-02-01")}  # fmt: skip
    return pd.Series({**base, **values})


def test_rate_cells_use_two_proportions_in_points() -> None:
    before = _cell("rate", "%", value=60.0, n=80, successes=48)
    after = _cell("rate", "%", value=80.0, n=70, successes=56)
    c = compare_cells("csat", before, after, Settings())
    assert c.change == pytest.approx(20.0)
    assert (c.ci.low, c.ci.high) == pytest.approx((5.24, 33.39), abs=0.01)  # Newcombe 1998
    assert c.verdict.label == "Real rise"


def test_an_empty_comparison_period_is_no_data_not_a_crash() -> None:
    """A period without rows has NaN counts (an upload whose data starts this quarter)."""
    nan = float("nan")
    empty_rate = _cell("rate", "%", value=nan, n=0, successes=nan)
    rate = compare_cells("csat", empty_rate, _cell("rate", "%", value=50.0, n=22, successes=11),
                         Settings())  # fmt: skip
    assert rate.result.pvalue is None
    empty_ratio = _cell("ratio", "ratio", value=nan, n=0, numerator=nan, denominator=nan)
    full_ratio = _cell("ratio", "ratio", value=2.0, n=5, numerator=10.0, denominator=5.0)
    ratio = compare_cells("agent_productivity", empty_ratio, full_ratio, Settings())
    assert ratio.result.reason == Reason.NO_DATA


@pytest.mark.parametrize(
    "settings",
    [Settings(), Settings(csat_definition=CsatDefinition.MEAN),
     Settings(duration_stat=DurationStat.MEAN)],
)  # fmt: skip
def test_every_kpi_against_a_period_without_rows(settings: Settings) -> None:
    # every kind (NPS counts, log sums of durations, means, ratios) from the engine's own
    # cells, both ways round, and with the comparison as whole-range rows only
    data, _ = load_sample()
    now = compute(data, KpiRequest(tuple(KPIS), "week", date(2025, 10, 1), date(2025, 12, 31)),
                  settings)  # fmt: skip
    for series in (True, False):
        empty = KpiRequest(tuple(KPIS), "week", date(2010, 1, 1), date(2010, 3, 31),
                           series=series)  # fmt: skip
        before = compute(data, empty, settings)
        shown = cards(now, before, list(KPIS), settings)
        assert len(shown) >= 15
        tested = [c for c in shown if KPIS[c.key].kind != "count"]  # 0 tickets is a count
        assert tested and all(c.comparison.result.pvalue is None for c in tested)
        assert {c.badge for c in shown} <= {"Too few data", "Not tested", "No data"}
        cards(before, now, list(KPIS), settings)  # the shown period empty: no card, no crash


def test_backlog_is_shown_not_tested() -> None:
    before = _cell("count", "tickets", value=68.0, n=68)
    after = _cell("count", "tickets", value=81.0, n=81)
    c = compare_cells("backlog", before, after, Settings())
    assert c.verdict.label == "Not tested" and c.result.pvalue is None


def test_headline_puts_real_changes_first() -> None:
    def card(label, significant, badge, change=-6.0):
        comparison = type("C", (), {})()
        comparison.change = change
        comparison.result = type("R", (), {"pvalue": 0.001, "ratio": None})()
        return Card("csat", label, "", None, True, "", badge, "bad", significant, (), "", "",
                    comparison)  # fmt: skip

    text = headline([card("CSAT", True, "Real drop"), card("SLA compliance", False, "Noise")])
    assert text == ("CSAT fell 6.0 points: a real change, unlikely to be chance. "
                    "Within noise: SLA compliance.")  # fmt: skip


def _totals(rows: dict[str, tuple[int, int]]) -> KpiCells:
    """Whole-range rate rows: KPI -> (n, successes)."""
    frame = pd.DataFrame([{
        "period": "all", "segment_value": "", "kpi": k, "kind": "rate", "unit": "%",
        "value": 100.0 * s / n, "n": n, "successes": s,
    } for k, (n, s) in rows.items()])  # fmt: skip
    return KpiCells(None, frame)


def test_kpis_compared_period_against_period_are_adjusted_across_kpis() -> None:
    """The Significance page said 'p adjusted by bh' over an empty column, and a lone p just
    under 0.05 among twenty KPIs was called a real rise on the Overview (new-user run)."""
    before = _totals({"fcr_rate": (400, 200), "sla_compliance": (400, 300), "csat": (300, 150),
                      "reopen_rate": (400, 40)})  # fmt: skip
    after = _totals({"fcr_rate": (400, 230), "sla_compliance": (400, 302), "csat": (300, 240),
                     "reopen_rate": (400, 41)})  # fmt: skip
    keys = ["fcr_rate", "sla_compliance", "csat", "reopen_rate"]
    compared = compare_kpis(after, before, keys, Settings())
    raw = [compared[k].result.pvalue for k in keys]
    want = sps.false_discovery_control(raw, method="bh")
    assert [compared[k].pvalue_adjusted for k in keys] == pytest.approx(list(want), rel=1e-12)
    fcr = compared["fcr_rate"]
    assert fcr.result.pvalue < 0.05 < fcr.pvalue_adjusted  # real alone, noise among four
    assert not fcr.verdict.significant
    assert compared["csat"].verdict.significant
    shown = {c.key: c for c in cards(after, before, keys, Settings())}
    assert not shown["fcr_rate"].significant and shown["csat"].significant
    assert shown["fcr_rate"].comparison.pvalue_adjusted == fcr.pvalue_adjusted
