"""Trends: chosen KPIs by period, optionally split by a segment, with targets and drill-down."""

import streamlit as st

from dashboard.kpis import KPIS, KpiRequest, available, compute
from dashboard.schema import TableKind
from dashboard.ui import state
from dashboard.ui.boundary import guard
from dashboard.ui.router import ensure_routed
from dashboard.ui.trend_sections import kpi_trend

ensure_routed()
data = state.require_dataset()
view = state.view()
st.title("Trends")
st.caption(view.describe())

ok = [a.kpi.key for a in state.memo("available", lambda: available(data)) if a.ok]
default = [k for k in ("csat", "first_response_time", "tickets_created") if k in ok][:2]
chosen = st.multiselect("KPIs", ok, default=default or ok[:1], key="trend_kpis",
                        format_func=lambda k: KPIS[k].label, bind="query-params")  # fmt: skip
segments = data.segment_columns(TableKind.TICKETS) or data.segment_columns(TableKind.SURVEYS)
left, middle, right = st.columns([2, 2, 3])
by = left.selectbox("Split by", [None, *segments], key="trend_by", bind="query-params",
                    format_func=lambda c: segments.get(c, "Nothing (totals)"))  # fmt: skip
top = middle.slider("Segments shown by name", 2, 12, 5, key="trend_top", bind="query-params")
options = {
    "facet": right.toggle("Small multiples", key="trend_facet", bind="query-params"),
    "targets": right.toggle("Target lines", value=True, key="trend_targets", bind="query-params"),
}
if not chosen:
    st.info("Choose one or more KPIs above.")
    st.stop()

request = KpiRequest(
    tuple(chosen), view.grain, view.start, view.end, view.filters, by, top if by else None,
    state.data_range(data),
)  # fmt: skip
with guard("the trends"):
    cells = state.memo(
        f"trend:{request}:{view.settings}", lambda: compute(data, request, view.settings)
    )
    for key in chosen:
        st.subheader(KPIS[key].label)
        kpi_trend(data, cells, key, view, options)
