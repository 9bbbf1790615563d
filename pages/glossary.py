"""Glossary: every KPI with its formula and chosen variant, and the method behind every test."""

import streamlit as st

from dashboard.glossary import kpi_table, methods_table, settings_table
from dashboard.ui import state
from dashboard.ui.boundary import guard
from dashboard.ui.router import ensure_routed

ensure_routed()
st.title("Glossary")
st.caption("One published definition for every number, and the test behind every verdict.")

with guard("the glossary"):
    st.subheader("KPIs")
    st.table(kpi_table(state.settings()).set_index("KPI"))
    st.subheader("Statistical methods")
    st.table(methods_table().set_index("Question"))
    st.subheader("Your settings")
    st.table(settings_table(state.settings()).set_index("Setting"))
