"""servicegap: the entry script. Page config, the shared sidebar, and the page router."""

from __future__ import annotations

import streamlit as st

from dashboard.ui import frame

st.set_page_config(
    page_title="servicegap",
    page_icon=":material/insights:",
    layout="wide",
    initial_sidebar_state="expanded",
)

PAGES = {
    "Explore": [
        st.Page("pages/overview.py", title="Overview", icon=":material/dashboard:", default=True),
        st.Page("pages/gap.py", title="Delivery gap", icon=":material/compare_arrows:"),
        st.Page("pages/trends.py", title="Trends", icon=":material/show_chart:"),
        st.Page("pages/significance.py", title="Significance", icon=":material/science:"),
        st.Page("pages/segments.py", title="Segments", icon=":material/groups:"),
        st.Page("pages/churn.py", title="Churn & loyalty", icon=":material/person_remove:"),
    ],
    "Data": [
        st.Page("pages/data.py", title="Data", icon=":material/upload_file:"),
        st.Page("pages/glossary.py", title="Glossary", icon=":material/menu_book:"),
    ],
}

page = st.navigation(PAGES)
frame.render(page.title)
page.run()
