"""Data: upload exports, see what each file gave, correct a mapping, or use the sample."""

import streamlit as st

from dashboard.ui import loading, state
from dashboard.ui.boundary import guard
from dashboard.ui.report_view import file_panel, report_panel
from dashboard.ui.router import ensure_routed
from dashboard.ui.unlocks import unlocked_kpis

ensure_routed()

st.title("Data")
st.caption(
    "Exports from Zendesk, Freshdesk, Intercom, HubSpot, Help Scout, Jira Service Management, "
    "ServiceNow, Salesforce, Zoho Desk, Gorgias, Zendesk QA, Qualtrics, SurveyMonkey, Typeform, "
    "Delighted, or your own spreadsheet. Files stay in this browser tab only and are never "
    "written to disk: reloading the page or closing the tab drops them."
)

with guard("the upload"):
    loading.uploader()

left, right = st.columns(2)
left.button("Use the sample data", on_click=loading.use_sample, icon=":material/dataset:")
right.button("Clear all data", on_click=loading.clear, icon=":material/delete:")

data = state.dataset()
if data is None:
    st.info("No data loaded. Upload your exports above, or use the sample data.")
    st.stop()

with guard("the file reports"):
    uploaded = loading.results()
    if uploaded:
        for result in uploaded:
            file_panel(result)
    else:
        st.subheader("Sample data" if data.is_sample else "Loaded files")
        for report in state.loaded().reports:
            report_panel(report)

with guard("the KPI list"):
    unlocked_kpis(data)
