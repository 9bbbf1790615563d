"""Deep links work on a fresh server: every page first makes sure it runs inside the router.

Streamlit starts in its legacy multipage mode whenever a `pages/` folder sits beside the entry
script, and only leaves it once some session has run `st.navigation`. Until then, a shared link
such as `/trends?grain=month` runs `pages/trends.py` on its own, without the sidebar frame. The
fix is to leave legacy mode and rerun: the same page then runs through `streamlit_app.py`, with
its query parameters intact (the page hash is the same in both modes).
"""

from __future__ import annotations

import streamlit as st
from streamlit.runtime.pages_manager import PagesManager


def ensure_routed() -> None:
    """Rerun through the entry script if this page was started in legacy multipage mode."""
    if PagesManager.uses_pages_directory:
        PagesManager.uses_pages_directory = False
        st.rerun()
