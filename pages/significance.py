"""Significance: is a change real or noise? Period vs period, segment vs segment, planner."""

import streamlit as st

from dashboard.config import Correction
from dashboard.kpis import KPIS, KpiRequest, available, compute
from dashboard.schema import TableKind
from dashboard.significance import segment_changes, segments_vs_rest
from dashboard.ui import significance_sections as sections
from dashboard.ui import state
from dashboard.ui.boundary import guard
from dashboard.ui.router import ensure_routed

ensure_routed()
data = state.require_dataset()
view = state.view()
st.title("Significance")
st.caption(f"{view.describe()} {view.describe_comparison()} · significance level "
           f"{view.settings.alpha:g}, p adjusted across the tests of a table "
           f"({Correction(view.settings.correction).label})")  # fmt: skip
keys = [a.kpi.key for a in state.memo("available", lambda: available(data)) if a.ok]
known = state.data_range(data)
segments = data.segment_columns(TableKind.TICKETS) or data.segment_columns(TableKind.SURVEYS)
left, right = st.columns(2)
key = left.selectbox("KPI for the segment breakdown", keys, key="sig_kpi", bind="query-params",
                     index=keys.index("csat") if "csat" in keys else 0,
                     format_func=lambda k: KPIS[k].label)  # fmt: skip
columns = list(segments)
by = right.selectbox("Segment", columns, key="sig_by", bind="query-params",
                     index=columns.index("team") if "team" in columns else 0,
                     format_func=segments.get) if segments else None  # fmt: skip


def cells(start, end, column=None):
    # a breakdown by segment is for the one KPI chosen above; the period table is for all
    wanted = (key,) if column else tuple(keys)
    request = KpiRequest(wanted, view.grain, start, end, view.filters, column, None, known,
                         series=False)  # fmt: skip
    return state.memo(
        f"sig:{request}:{view.settings}", lambda: compute(data, request, view.settings)
    )


periods, groups, plan = st.tabs(["Period vs period", "Segment vs segment", "Sample size"])
with periods, guard("the period comparison"):
    if view.compare_start is None:
        st.info(view.why_no_comparison())
    else:
        before = cells(view.compare_start, view.compare_end)
        sections.all_kpis(
            cells(view.start, view.end), before, keys, view.settings, "kpis-vs-before"
        )
        if by:
            st.subheader(f"{KPIS[key].label} by {segments[by].lower()}: change per segment")
            rows = segment_changes(cells(view.start, view.end, by).frame,
                                   cells(view.compare_start, view.compare_end, by).frame, key,
                                   view.settings)  # fmt: skip
            sections.by_segment(rows, segments[by], f"{key}-change-by-{by}",
                                "Each segment's own change between the two periods.")  # fmt: skip
with groups, guard("the segment comparison"):
    if by:
        rows = segments_vs_rest(cells(view.start, view.end, by).frame, key, view.settings)
        sections.by_segment(rows, segments[by], f"{key}-by-{by}-vs-rest",
                            "Each segment against all other rows (Before = the rest).")  # fmt: skip
with plan:
    sections.planner()
