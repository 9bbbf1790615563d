"""Sections of the Delivery gap page: headline, over time, by segment, ticket pairs, cost."""

from __future__ import annotations

import math

import streamlit as st

from dashboard import formatting as fmt
from dashboard.charts import Titles
from dashboard.charts.trend import Axis, trend_chart
from dashboard.display import gap as show
from dashboard.gap import (
    CostOfGap,
    GapSeries,
    PairedView,
    ScaleMapping,
    WatermelonReport,
    headline,
    headline_sentence,
)
from dashboard.ui import widgets
from dashboard.view import View

SCORE = Axis("Score (0–100)", ",.0f", (0.0, 100.0))
POINTS = {"format": "%.1f"}


def _p(value: float | None) -> str:
    return fmt.pvalue(value)


def top(series: GapSeries, company: ScaleMapping, customer: ScaleMapping) -> None:
    """The headline share pair and the overall gap with its interval."""
    pair = headline(series)
    total = series.total
    cols = st.columns(3)
    for col, (title, value, text) in zip(cols, show.side_cards(series, company, customer),
                                         strict=False):  # fmt: skip
        col.metric(title, value, help=text, border=True)
    gap = "—" if math.isnan(total.gap) else f"{total.gap:+.1f} points"
    ci = f"95 % CI {total.ci.low:+.1f} to {total.ci.high:+.1f}; " if total.ci else ""
    cols[2].metric("Gap (company − customers)", gap, border=True,
                   help=f"{ci}{_p(total.pvalue)}")  # fmt: skip
    st.markdown(f"**{headline_sentence(pair)}**")
    with st.expander("How the two sides are put on one scale", icon=":material/straighten:"):
        for m in (company, customer):
            st.text(f"{m.label}: {m.score_text}; {m.good_text}; {m.bad_text}.")


def over_time(series: GapSeries, view: View, company: str, customer: str) -> None:
    """Company and customer score per period, and the table with CI, p and n."""
    frame = show.chart_frame(series, company, customer)
    table = show.period_table(series, view.settings.min_n)
    if frame.empty:
        st.info("No period has ratings on both sides yet.")
        return
    titles = Titles(f"{company} vs {customer}, by {series.grain}", view.describe())
    widgets.chart(trend_chart(frame, titles, SCORE), f"gap-by-{series.grain}", table)
    st.dataframe(table, hide_index=True, column_config=_num(table))


def by_segment(series: GapSeries, view: View, label: str) -> None:
    """Segments ranked by their gap, adjusted for testing many at once."""
    table = show.segment_table(series, view.settings.min_n)
    if table.empty:
        st.info("Choose a segment column to rank segments by their gap.")
        return
    st.caption(f"Ranked by gap; p adjusted for {len(table)} segments (Benjamini–Hochberg).")
    widgets.table(table, f"gap-by-{label}", column_config=_num(table))


def pairs(view: PairedView, company: str, customer: str) -> None:
    """Tickets rated by both sides: agreement, kappa, McNemar, and the list to drill into."""
    n = view.kappa.n
    if n == 0:
        st.info("No ticket has both a company rating and a customer rating.")
        return
    cols = st.columns(4)
    cols[0].metric("Tickets rated by both", f"{n:,}", border=True)
    cols[1].metric("Agree on good / not good", _pct(view.agreement), border=True)
    kappa = view.kappa.estimate
    cols[2].metric("Cohen's kappa", "—" if math.isnan(kappa) else f"{kappa:.2f}", border=True,
                   help="0 = no better than chance, 1 = perfect agreement")  # fmt: skip
    cols[3].metric("Top-box gap", f"{view.top_box_gap:+.1f} points", border=True,
                   help=f"McNemar mid-p: {_p(view.mcnemar.pvalue)}")  # fmt: skip
    st.dataframe(show.joint_table(view, company, customer), hide_index=True)
    st.markdown(
        f"**Rated good internally, bad by the customer: {view.good_but_bad_total:,} tickets**"
    )
    widgets.table(show.good_but_bad_table(view), "good-inside-bad-outside")


def watermelon(report: WatermelonReport, view: View) -> None:
    """Share of SLA-met tickets the customer still rated bad, per period."""
    total = report.total
    if not total.green_rated:
        st.info("This needs tickets with an SLA outcome and a customer rating.")
        return
    st.metric("Watermelon rate (SLA met, customer unhappy)", _pct(total.rate),
              help=f"{total.green_unhappy:,} of {total.green_rated:,} rated tickets that met "
              "the SLA were rated bad")  # fmt: skip
    frame = show.watermelon_frame(report)
    if len(frame) > 1:
        axis = Axis("Rated bad although SLA met (%)", ",.0f")
        titles = Titles(f"Watermelon rate by {report.grain}", view.describe())
        widgets.chart(trend_chart(frame, titles, axis), "watermelon", frame)


def cost(result: CostOfGap) -> None:
    """Churn after a bad experience against churn otherwise, tested."""
    if result.reason:
        st.info(show.cost_unavailable(result))
        return
    table = show.cost_table(result)
    st.dataframe(table, hide_index=True, column_config=_num(table))
    ci = f"95 % CI {result.ci[0]:+.1f} to {result.ci[1]:+.1f} points; " if result.ci else ""
    st.caption(
        f"Difference {result.difference:+.1f} points ({ci}{_p(result.pvalue)}; "
        f"{result.method}). Relative risk {result.relative_risk:.2f}. A bad experience is a "
        f"bad rating or an SLA breach in the {result.lookback_days} days before. Account-"
        f"{result.grain}s that overlap the period shown."
    )


def _pct(value: float) -> str:
    return fmt.percent(value, 0)


def _num(table) -> dict:
    columns = [] if table is None else list(table.columns)
    return {
        c: st.column_config.NumberColumn(format="%.1f")
        for c in columns
        if c in ("Company", "Customer", "Gap (points)", "CI low", "CI high") or c.endswith("(%)")
    } | {
        c: st.column_config.NumberColumn(format="%.4f")
        for c in columns
        if c in ("p", "p (adjusted)")
    }
