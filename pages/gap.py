"""Delivery gap: company-rated against customer-rated service, per period, segment and ticket."""

import streamlit as st

from dashboard.gap import (
    CompanySource,
    CustomerSource,
    GapSpec,
    company_mapping,
    cost_of_gap,
    customer_mapping,
    gap_series,
    paired_view,
    watermelon,
)
from dashboard.schema import TableKind
from dashboard.scope import scoped
from dashboard.ui import gap_sections as sections
from dashboard.ui import state
from dashboard.ui.boundary import guard
from dashboard.ui.router import ensure_routed

ensure_routed()
data = state.require_dataset()
view = state.view()
st.title("Delivery gap")
st.caption(f"{view.describe()} · what the company thinks of its service against what customers say")

COMPANY = {CompanySource.QA: "QA reviews", CompanySource.SELF: "Self-assessment",
           CompanySource.SLA: "SLA met"}  # fmt: skip
CUSTOMER = {CustomerSource.CSAT: "CSAT", CustomerSource.NPS: "NPS", CustomerSource.CES: "CES"}
left, middle, right = st.columns(3)
company = left.selectbox("Company-rated", list(COMPANY), format_func=COMPANY.get,
                         key="gap_company", bind="query-params")  # fmt: skip
customer = middle.selectbox("Customer-rated", list(CUSTOMER), format_func=CUSTOMER.get,
                            key="gap_customer", bind="query-params")  # fmt: skip
segments = data.segment_columns(TableKind.REVIEWS) or data.segment_columns(TableKind.SURVEYS)
by = right.selectbox("Break down by", [None, *segments], key="gap_by", bind="query-params",
                     format_func=lambda c: "Nothing" if c is None else segments[c])  # fmt: skip

settings = view.settings
spec = GapSpec.default(settings)
spec = GapSpec(CompanySource(company), CustomerSource(customer), spec.company_measure,
               spec.customer_measure)  # fmt: skip
c_map, u_map = company_mapping(spec.company, settings), customer_mapping(spec.customer)
here = scoped(data, view.filters, view.start, view.end)
needs_reviews = spec.company != CompanySource.SLA and not data.has(TableKind.REVIEWS)
needs_tickets = spec.company == CompanySource.SLA and not data.has(TableKind.TICKETS)
if needs_reviews or needs_tickets or not data.has(TableKind.SURVEYS):
    missing = (
        "QA reviews (or choose SLA met)" if needs_reviews and data.has(TableKind.TICKETS)
        else "QA reviews, or the ticket export with its SLA outcome to use SLA met" if needs_reviews
        else "the ticket export, with its SLA outcome, to use SLA met" if needs_tickets
        else "customer survey answers"
    )  # fmt: skip
    st.info(f"The delivery gap needs {missing}. Add that export on the Data page.")
    st.page_link("pages/data.py", label="Go to the Data page", icon=":material/upload:")
    st.stop()

with guard("the gap over time"):
    overall = state.memo(
        f"gap:{view}:{spec}", lambda: gap_series(here, settings, view.grain, None, spec)
    )
    sections.top(overall, c_map, u_map)
    st.subheader("Over time")
    sections.over_time(overall, view, c_map.label, u_map.label)
if by:
    with guard("the gap by segment"):
        st.subheader(f"By {segments[by].lower()}")
        ranked = state.memo(
            f"gap:{view}:{spec}:{by}", lambda: gap_series(here, settings, view.grain, by, spec)
        )
        sections.by_segment(ranked, view, by)
with guard("the ticket pairs"):
    st.subheader("Ticket by ticket")
    paired = state.memo(f"pairs:{view}:{spec}", lambda: paired_view(here, settings, spec))
    sections.pairs(paired, c_map.label, u_map.label)
with guard("the watermelon rate"):
    st.subheader("Green but unhappy")
    melon = state.memo(
        f"melon:{view}:{spec}", lambda: watermelon(here, view.grain, None, spec.customer)
    )
    sections.watermelon(melon, view)
if data.has(TableKind.ACCOUNTS):
    with guard("the cost of the gap"):
        st.subheader("What the gap costs: churn")
        days = (view.start, view.end)
        cost = state.memo(
            f"cost:{view.filters}:{days}:{settings}",
            lambda: cost_of_gap(scoped(data, view.filters), settings, days=days),
        )
        sections.cost(cost)
