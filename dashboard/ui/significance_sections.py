"""Sections of the Significance page: all KPIs period vs period, one KPI by segment, planner."""

from __future__ import annotations

import streamlit as st

from dashboard import formatting as fmt
from dashboard.kpis import KPIS, KpiCells
from dashboard.significance import compare_kpis, table
from dashboard.stats import minimum_detectable_effect, sample_size
from dashboard.ui import widgets


def all_kpis(current: KpiCells, previous: KpiCells, keys: list[str], settings, name: str) -> None:
    """Every KPI: both values, change with CI, p, method, verdict; then the sentences."""
    compared = compare_kpis(current, previous, keys, settings)
    rows = [(k, c) for k, c in compared.items()
            if current.total(k)["n"] and previous.total(k)["n"]]  # fmt: skip
    if not rows:
        st.info("No KPI has data in both periods.")
        return
    shown = table([(KPIS[k].label, c) for k, c in rows], "KPI")
    widgets.table(shown, name)
    for key, c in rows:
        if c.verdict.significant:
            st.markdown(f"**{KPIS[key].label}.** {c.verdict.sentence}")


def by_segment(rows, label: str, name: str, note: str) -> None:
    """One KPI per segment with adjusted p-values, and the real differences in words."""
    if not rows:
        st.info("No segment has data to compare.")
        return
    st.caption(note)
    widgets.table(table(rows, label), name)
    for segment, c in rows:
        if c.verdict.significant:
            st.text(f"{segment}: {c.verdict.sentence}")


def planner() -> None:
    """How big a change can we see with our volumes, and how many answers do we need?"""
    left, right = st.columns(2)
    with left:
        st.markdown("**Smallest change we can detect**")
        p = st.slider("Current rate (%)", 1, 99, 80, key="plan_p")
        n = st.number_input("Answers per period", 10, 1_000_000, 300, step=50, key="plan_n")
        mde = 100 * minimum_detectable_effect(p / 100, int(n), int(n))
        st.metric("Detectable change (80 % power, 5 % level)", f"± {mde:.1f} points")
    with right:
        st.markdown("**Answers needed for a change**")
        change = st.slider("Change to detect (points)", 1, 30, 5, key="plan_change")
        step = change / 100 if p / 100 + change / 100 <= 1 else -change / 100
        need = sample_size(p / 100, step)
        st.metric("Needed per period (each)", fmt.count(need))
    st.caption("Two-sided test of two proportions, Cohen's h; 80 % power, 5 % significance.")
