"""KPI cards: st.metric with the change, a verdict badge, sparkline, n and target."""

from __future__ import annotations

import streamlit as st

from dashboard.overview import Card

PER_ROW = 4
BADGE_COLOURS = {"good": "green", "bad": "red", "neutral": "gray"}


def grid(items: list[Card], per_row: int = PER_ROW) -> None:
    """Cards in rows of `per_row`; colour only on changes the test calls real."""
    for start in range(0, len(items), per_row):
        cols = st.columns(per_row)
        for col, card in zip(cols, items[start : start + per_row], strict=False):
            with col:
                _card(card)


def _card(card: Card) -> None:
    colour = "normal" if card.higher_is_better else "inverse"
    if not card.significant:  # no colour on what could be chance
        colour = "off"
    st.metric(
        card.label,
        card.value,
        card.delta,
        delta_color=colour,
        help=f"{card.verdict}\n\n{card.help}",
        chart_data=list(card.sparkline) if len(card.sparkline) > 1 else None,
        chart_type="line",
        border=True,
    )
    if card.badge:
        st.badge(card.badge, color=BADGE_COLOURS[card.tone])
    st.caption(card.footnote)
