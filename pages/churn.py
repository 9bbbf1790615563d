"""Churn & loyalty: churn and retention over time, by plan, and churn after bad service."""

import streamlit as st

from dashboard.charts import Titles
from dashboard.charts.trend import trend_chart
from dashboard.display import kpis as show
from dashboard.gap import cost_of_gap
from dashboard.kpis import KpiRequest, compute
from dashboard.schema import TableKind
from dashboard.scope import scoped
from dashboard.ui import gap_sections, state, widgets
from dashboard.ui.boundary import guard
from dashboard.ui.router import ensure_routed

ensure_routed()
data = state.require_dataset()
view = state.view()
st.title("Churn & loyalty")
st.caption(view.describe())
if not data.has(TableKind.ACCOUNTS):
    st.info("Churn needs an accounts export with a start date and a churn date per customer "
            "(from your CRM or billing tool). Add it on the Data page.")  # fmt: skip
    st.page_link("pages/data.py", label="Go to the Data page", icon=":material/upload:")
    st.stop()

plans = data.segment_columns(TableKind.ACCOUNTS)
by = st.selectbox("Break down by", [None, *plans], key="churn_by", bind="query-params",
                  format_func=lambda c: plans.get(c, "Nothing (all accounts)"))  # fmt: skip
request = KpiRequest(("churn_rate", "retention_rate"), view.grain, view.start, view.end,
                     view.filters, by, 6 if by else None, state.data_range(data))  # fmt: skip
with guard("churn over time"):
    cells = state.memo(
        f"churn:{request}:{view.settings}", lambda: compute(data, request, view.settings)
    )
    total = cells.total("churn_rate")
    if total is None:  # the filters leave no account
        st.info("No account matches these filters and dates. Widen the filters in the sidebar.")
    else:
        cols = st.columns(3)
        cols[0].metric(
            "Churn rate",
            show.format_value(total["value"], "%"),
            border=True,
            help="Accounts active at the start of the range that churned before its end",
        )
        cols[1].metric("Accounts active at the start", f"{int(total['n']):,}", border=True)
        cols[2].metric("Churned", f"{int(total['successes']):,}", border=True)
        frame = show.trend_frame(cells, "churn_rate", bool(by))
        titles = Titles(f"Churn rate by {view.grain}", f"{view.describe()} · accounts active at "
                        "each period's start")  # fmt: skip
        widgets.chart(trend_chart(frame, titles, show.axis_for("churn_rate", view.settings)),
                      "churn-rate", frame)  # fmt: skip
with guard("churn after bad service"):
    st.subheader("Churn after a bad service experience")
    days = (view.start, view.end)
    cost = state.memo(
        f"cost:{view.filters}:{days}:{view.settings}",
        lambda: cost_of_gap(scoped(data, view.filters), view.settings, days=days),
    )
    gap_sections.cost(cost)
