"""The frame around every page: sidebar controls, the sample-data banner, presentation mode.

Every control has a `key` bound to the URL query parameters, so a copied link reopens the same
period, grain, comparison, filters and settings for a colleague who has the same data. The
resolved `View` is put in session state for the page that runs next.
"""

from __future__ import annotations

import streamlit as st

from dashboard.config import CsatDefinition, DurationStat, Settings, TimeBasis
from dashboard.coverage import coverage, segment_values
from dashboard.schema import TableKind
from dashboard.ui import state
from dashboard.view import (
    COMPARISON_LABELS,
    GRAIN_LABELS,
    PRESET_LABELS,
    Comparison,
    Preset,
    View,
    resolve,
    within_data,
)

FILTER_PREFIX = "f_"
FILTER_COLUMNS_SHOWN = 6  # the most useful segment columns get a filter without asking

CSAT_LABELS = {
    CsatDefinition.TOP_BOX: "Top-2-box (4–5 of 5)",
    CsatDefinition.GOOD_BAD: "Good ÷ (Good + Bad)",
    CsatDefinition.MEAN: "Mean rating",
}
BASIS_LABELS = {TimeBasis.CALENDAR: "Calendar time", TimeBasis.BUSINESS: "Business hours"}
STAT_LABELS = {
    DurationStat.MEDIAN: "Median",
    DurationStat.MEAN: "Mean",
    DurationStat.P90: "90th percentile",
}

PRESENT_CSS = """
<style>
[data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"],
[data-testid="stHeader"] {display: none;}
[data-testid="stMainBlockContainer"] {max-width: 100%; padding-top: 1.5rem;}
html, [data-testid="stMarkdownContainer"] p {font-size: 1.25rem;}
[data-testid="stMetricValue"] {font-size: 2.6rem;}
h1 {font-size: 2.6rem !important;}
</style>
"""


def render(page_title: str) -> None:
    """Draw the sidebar (or the presentation bar) and store this run's View."""
    data = state.dataset()
    with st.sidebar:
        _status(data)
        view = _controls(data) if data is not None else None
    state.set_view(view)
    if view is not None and view.presenting:
        st.html(PRESENT_CSS)
        st.button("Exit presentation mode", on_click=_exit_presenting, icon=":material/close:")
    elif data is not None and data.is_sample and page_title != "Data":
        st.info(
            "You are looking at **sample data** (a made-up support team). "
            "Load your own exports on the Data page. Uploads are kept only while this tab is "
            "open: after a reload, upload them again.",
            icon=":material/info:",
        )


def _status(data) -> None:
    st.markdown("### servicegap")
    if data is None:
        st.caption("No data loaded.")
        return
    rows = state.memo("coverage", lambda: coverage(data)).rows
    shown = ", ".join(f"{n:,} {kind}" for kind, n in rows.items()) or "no file could be read"
    st.caption(("Sample data: " if data.is_sample else "Your data: ") + shown)


def _controls(data) -> View:
    cov = state.memo("coverage", lambda: coverage(data))
    preset = st.selectbox(
        "Period", list(Preset), format_func=lambda p: PRESET_LABELS[Preset(p)],
        index=list(Preset).index(Preset.LAST_90), key="period", bind="query-params",
    )  # fmt: skip
    custom = None
    if preset == Preset.CUSTOM and not cov.is_empty:
        picked = st.date_input(
            "From – to", value=(cov.first, cov.last), min_value=cov.first,
            max_value=cov.last, key="range",
        )  # fmt: skip
        custom = tuple(picked) if isinstance(picked, tuple | list) else (picked, picked)
    grain = st.segmented_control(
        "Grain", list(GRAIN_LABELS), format_func=GRAIN_LABELS.get, default="week",
        key="grain", bind="query-params", required=True,  # a second click must not unselect
    ) or "week"  # fmt: skip
    comparison = st.selectbox(
        "Compare with", list(Comparison), format_func=lambda c: COMPARISON_LABELS[Comparison(c)],
        key="compare", bind="query-params",
    )  # fmt: skip
    filters, labels = _filters(data)
    settings = _settings()
    presenting = st.toggle("Presentation mode", key="present", bind="query-params")
    start, end, c_start, c_end = resolve(Preset(preset), cov, custom, Comparison(comparison))
    c_start, c_end, note = within_data(c_start, c_end, cov)
    return View(
        start=start, end=end, grain=grain, comparison=Comparison(comparison),
        compare_start=c_start, compare_end=c_end, filters=filters, labels=labels,
        settings=settings, presenting=presenting, compare_note=note,
    )  # fmt: skip


def _filters(data) -> tuple[dict[str, tuple[str, ...]], dict[str, str]]:
    columns = data.segment_columns(TableKind.TICKETS) or data.segment_columns(TableKind.SURVEYS)
    filters: dict[str, tuple[str, ...]] = {}
    with st.expander("Filters", icon=":material/filter_list:"):
        for column, label in list(columns.items())[:FILTER_COLUMNS_SHOWN + 6]:
            values = state.memo(f"values:{column}", lambda c=column: segment_values(data, c))
            if len(values) < 2:
                continue
            chosen = st.multiselect(
                label, values, key=FILTER_PREFIX + column, bind="query-params",
                placeholder="All",
            )  # fmt: skip
            if chosen:
                filters[column] = tuple(chosen)
    return filters, dict(columns)


def _settings() -> Settings:
    with st.expander("Settings", icon=":material/tune:"):
        csat = st.selectbox(
            "CSAT definition", list(CsatDefinition), format_func=CSAT_LABELS.get,
            key="csat", bind="query-params",
        )  # fmt: skip
        basis = st.selectbox(
            "Durations on", list(TimeBasis), format_func=BASIS_LABELS.get,
            key="basis", bind="query-params",
        )  # fmt: skip
        stat = st.selectbox(
            "Duration statistic", list(DurationStat), format_func=STAT_LABELS.get,
            key="stat", bind="query-params",
        )  # fmt: skip
        alpha = st.select_slider(
            "Significance level", [0.01, 0.05, 0.1], value=0.05, key="alpha",
            bind="query-params", help=Settings.help_for("alpha"),
        )  # fmt: skip
        min_n = st.number_input(
            "Minimum n per group", 5, 1000, 30, step=5, key="min_n", bind="query-params",
            help=Settings.help_for("min_n"),
        )  # fmt: skip
    chosen = state.settings().with_changes(
        csat_definition=CsatDefinition(csat), time_basis=TimeBasis(basis),
        duration_stat=DurationStat(stat), alpha=float(alpha), min_n=int(min_n),
    )  # fmt: skip
    state.set_settings(chosen)
    return chosen


def _exit_presenting() -> None:
    st.session_state["present"] = False
