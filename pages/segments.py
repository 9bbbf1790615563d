"""Segments: teams, agents or channels against a funnel, so small ones are not judged on noise."""

import streamlit as st

from dashboard.charts import Titles
from dashboard.charts.funnel import funnel_chart
from dashboard.display import kpis as show
from dashboard.display.segments import FUNNEL_KINDS, funnel_for, ranked_table
from dashboard.kpis import KPIS, KpiRequest, available, compute
from dashboard.kpis.frame import kind_and_unit
from dashboard.schema import TableKind
from dashboard.ui import state, widgets
from dashboard.ui.boundary import guard
from dashboard.ui.router import ensure_routed

ensure_routed()
data = state.require_dataset()
view = state.view()
st.title("Segments")
st.caption(f"{view.describe()} · a dot outside the funnel differs by more than chance allows")

usable = [a.kpi.key for a in state.memo("available", lambda: available(data)) if a.ok]
usable = [k for k in usable if kind_and_unit(KPIS[k], view.settings)[0] in FUNNEL_KINDS]
segments = data.segment_columns(TableKind.TICKETS) or data.segment_columns(TableKind.SURVEYS)
if not usable or not segments:
    st.info(
        "This needs a rate or score KPI (CSAT, SLA compliance, QA score…) and a segment column."
    )
    st.stop()
left, right = st.columns(2)
first = usable.index("csat") if "csat" in usable else 0
key = left.selectbox("KPI", usable, index=first, key="seg_kpi", bind="query-params",
                     format_func=lambda k: KPIS[k].label)  # fmt: skip
columns = list(segments)
by = right.selectbox("Segment", columns, index=columns.index("team") if "team" in columns else 0,
                     key="seg_by", bind="query-params", format_func=segments.get)  # fmt: skip

request = KpiRequest((key,), view.grain, view.start, view.end, view.filters, by, None,
                     state.data_range(data))  # fmt: skip
with guard("the segments"):
    cells = state.memo(
        f"seg:{request}:{view.settings}", lambda: compute(data, request, view.settings)
    )
    funnel = funnel_for(cells, key, view.settings)
    if funnel.reason:
        st.info(funnel.reason)
        st.stop()
    titles = Titles(f"{KPIS[key].label} by {segments[by].lower()}",
                    f"{view.describe()} · n = {int(funnel.points['n'].sum()):,}")  # fmt: skip
    figure = funnel_chart(funnel, titles, show.axis_for(key, view.settings),
                          KPIS[key].higher_is_better)  # fmt: skip
    table = ranked_table(funnel, key, segments[by])
    widgets.chart(figure, f"{key}-by-{by}-funnel", table)
    st.caption("Shaded: the 95 % (dark) and 99.8 % (light) limits around the overall value; "
               "they narrow as n grows (Spiegelhalter 2005).")  # fmt: skip
    number = st.column_config.NumberColumn(format="%.1f")
    widgets.table(table, f"{key}-by-{by}", column_config={KPIS[key].label: number})
