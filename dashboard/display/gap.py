"""Delivery-gap results as tables and chart frames for the Delivery gap page."""

from __future__ import annotations

import math

import pandas as pd

from dashboard.display.labels import label_start
from dashboard.gap import CostOfGap, GapCell, GapSeries, PairedView, WatermelonReport
from dashboard.gap.scales import Measure, ScaleMapping


def _ci(cell: GapCell) -> tuple[float, float]:
    if cell.ci is None:
        return (math.nan, math.nan)
    return (cell.ci.low, cell.ci.high)


def _segment(cell: GapCell) -> str:
    return next(iter(cell.segment.values()), "") if cell.segment else ""


def side_cards(
    series: GapSeries, company: ScaleMapping, customer: ScaleMapping
) -> list[tuple[str, str, str]]:
    """(title, value, help) of the two sides exactly as the gap subtracts them.

    The gap is company measure minus customer measure (by default the average review score
    against the share of customers rated good): showing each side's "rated good" share beside
    it gave 82 % and 84 % over a gap of +3.8 points, which read as a contradiction.
    """
    total = series.total
    out = []
    for who, scale, measure, value, n in (
        ("Company", company, series.spec.company_measure, total.company_score, total.n_company),
        ("Customers", customer, series.spec.customer_measure, total.customer_score,
         total.n_customer),
    ):  # fmt: skip
        is_score = measure is Measure.SCORE
        if math.isnan(value):
            shown = "—"
        else:
            shown = f"{value:.1f} of 100" if is_score else f"{value:.0f} %"
        what = "average score" if is_score else "rated good"
        text = scale.score_text if is_score else scale.good_text
        out.append((f"{who}: {what} ({scale.label})", shown, f"{text}; n = {n:,}"))
    return out


_DRILL_LABELS = {
    "ticket_id": "Ticket", "company_score": "Company score (0–100)",
    "customer_score": "Customer score (0–100)", "n_company": "Company ratings",
    "last_rated": "Last rated",
}  # fmt: skip


def good_but_bad_table(view: PairedView) -> pd.DataFrame:
    """The tickets rated good inside and bad outside, with headers a manager reads (the
    segment columns keep their names: team, agent, channel...)."""
    table = view.good_but_bad.rename(columns=_DRILL_LABELS)
    named = set(_DRILL_LABELS.values())
    other = {c: str(c).replace("_", " ").capitalize() for c in table.columns if c not in named}
    return table.rename(columns=other)


def period_table(series: GapSeries, min_n: int) -> pd.DataFrame:
    """Per period (and segment): both scores, the gap with CI and p, the n behind each side.

    Cells where either side has fewer than `min_n` ratings keep their numbers but are marked
    "too few" so a 2-answer month is not read as a finding.
    """
    rows = []
    for c in series.cells:
        low, high = _ci(c)
        thin = min(c.company.n, c.customer.n) < min_n
        rows.append({
            "Period": c.period,
            "Segment": _segment(c),
            "Company": c.company_score,
            "Customer": c.customer_score,
            "Gap (points)": c.gap,
            "CI low": low,
            "CI high": high,
            "p": c.pvalue,
            "Company n": c.company.n,
            "Customer n": c.customer.n,
            "Note": "too few ratings" if thin else "",
        })  # fmt: skip
    frame = pd.DataFrame(rows)
    if frame.empty or not series.by:
        frame = frame.drop(columns=["Segment"], errors="ignore")
    return frame


def segment_table(series: GapSeries, min_n: int) -> pd.DataFrame:
    """Segments ranked by gap over the whole selection, with BH-adjusted p-values; segments
    with too few ratings come after the others, still ranked among themselves."""
    rows = []
    for c in series.segments:
        low, high = _ci(c)
        rows.append({
            "Segment": _segment(c),
            "Company": c.company_score,
            "Customer": c.customer_score,
            "Gap (points)": c.gap,
            "CI low": low,
            "CI high": high,
            "p (adjusted)": c.pvalue_adjusted,
            "Company n": c.company.n,
            "Customer n": c.customer.n,
            "Note": "too few ratings" if min(c.company.n, c.customer.n) < min_n else "",
        })  # fmt: skip
    table = pd.DataFrame(rows)
    if table.empty:
        return table
    # thin segments after the rest: an agent with 3 ratings must not top the ranking on noise
    thin = table["Note"] != ""
    return table.iloc[thin.argsort(kind="stable")].reset_index(drop=True)


def chart_frame(series: GapSeries, company_label: str, customer_label: str) -> pd.DataFrame:
    """Two series per period (company and customer score) in the trend chart's columns."""
    rows = []
    for c in series.cells:
        if series.by:
            continue
        start = label_start(c.period)
        rows.append((c.period, start, company_label, c.company_score, c.company.n))
        rows.append((c.period, start, customer_label, c.customer_score, c.customer.n))
    frame = pd.DataFrame(rows, columns=["period", "period_start", "series", "value", "n"])
    frame["partial"] = False
    return frame.dropna(subset=["value"])


def joint_table(view: PairedView, company: str, customer: str) -> pd.DataFrame:
    """The 2 × 2 table of tickets rated by both: company good/not good × customer good/not."""
    (gg, gn), (ng, nn) = view.tables.good
    return pd.DataFrame(
        {
            "": [f"{company}: good", f"{company}: not good"],
            f"{customer}: good": [gg, ng],
            f"{customer}: not good": [gn, nn],
        }
    )


def watermelon_frame(report: WatermelonReport) -> pd.DataFrame:
    """Watermelon rate per period for the trend chart (n = rated tickets that met the SLA)."""
    rows = [
        (c.period, label_start(c.period), c.rate, c.green_rated)
        for c in report.cells
        if not report.by and c.green_rated
    ]
    frame = pd.DataFrame(rows, columns=["period", "period_start", "value", "n"])
    frame["partial"] = False
    return frame


def cost_table(cost: CostOfGap) -> pd.DataFrame:
    """Churn with and without a bad service experience, with the accounts behind each figure."""
    rows = []
    for label, g in (("After a bad experience", cost.bad), ("Otherwise", cost.other)):
        rate = 100.0 * g.churned / g.account_periods if g.account_periods else math.nan
        rows.append({
            "Group": label,
            f"Churn per account-{cost.grain} (%)": rate,
            "Churned": g.churned,
            f"Account-{cost.grain}s": g.account_periods,
            "Accounts": g.accounts,
        })  # fmt: skip
    return pd.DataFrame(rows)


def cost_unavailable(cost: CostOfGap) -> str:
    """Why the churn comparison has no test, in words, with the counts behind it."""
    bad, other = cost.bad, cost.other
    counts = (
        f"{bad.accounts:,} accounts had a bad experience in the {cost.lookback_days} days before "
        f"a {cost.grain}, {other.accounts:,} did not; {bad.churned + other.churned:,} churned"
    )
    if cost.reason == "no_variation":
        what = "no account churned" if bad.churned + other.churned == 0 else "every account churned"
        return f"Nothing to compare in churn after bad service: {counts}; {what}."
    return (
        f"Too few accounts to compare churn after bad service: {counts}. The comparison needs "
        "accounts in both groups; widen the filters or the dates."
    )
