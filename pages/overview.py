"""Overview: every KPI the data supports, its change against the comparison period, judged."""

import streamlit as st

from dashboard.kpis import KpiRequest, available, compute
from dashboard.overview import cards, headline
from dashboard.ui import state
from dashboard.ui.boundary import guard
from dashboard.ui.cards import grid
from dashboard.ui.router import ensure_routed

ensure_routed()
data = state.require_dataset()
view = state.view()
st.title("Overview")
st.caption(f"{view.describe()} {view.describe_comparison()}")

found = state.memo("available", lambda: available(data))
keys = [a.kpi.key for a in found if a.ok]
known = state.data_range(data)
with guard("the KPI cards"):
    now = KpiRequest(tuple(keys), view.grain, view.start, view.end, view.filters, None, None, known)
    current = state.memo(
        f"overview:{now}:{view.settings}", lambda: compute(data, now, view.settings)
    )
    previous = None
    if view.compare_start is not None and view.compare_end is not None:
        then = KpiRequest(tuple(keys), view.grain, view.compare_start, view.compare_end,
                          view.filters, None, None, known, series=False)  # fmt: skip
        previous = state.memo(f"overview:{then}:{view.settings}",
                              lambda: compute(data, then, view.settings))  # fmt: skip
    items = cards(current, previous, keys, view.settings)
    st.info(headline(items, view.why_no_comparison()), icon=":material/campaign:")
    grid(items)
    for card in items:
        if card.significant:
            st.markdown(f"**{card.label}.** {card.verdict}")
missing = [a for a in found if not a.ok]
if missing:
    with st.expander(f"{len(missing)} KPIs need other exports", icon=":material/lock:"):
        for a in missing:
            st.markdown(f"**{a.kpi.label}**: {a.note}")
