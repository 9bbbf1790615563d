"""Which KPIs the loaded data unlocks, and which export would unlock the rest."""

from __future__ import annotations

import streamlit as st

from dashboard.kpis import available
from dashboard.store import Dataset
from dashboard.ui import state


def unlocked_kpis(data: Dataset) -> None:
    """Two lists: KPIs ready to use, and KPIs waiting for another export (with what it is)."""
    found = state.memo("available", lambda: available(data))
    ready = [a.kpi.label for a in found if a.ok]
    waiting = [a for a in found if not a.ok]
    st.subheader("What your data unlocks")
    st.markdown(f"**{len(ready)} KPIs ready:** " + (", ".join(ready) if ready else "none yet"))
    if waiting:
        st.markdown(f"**{len(waiting)} need another export:**")
        for a in waiting:
            st.markdown(f"- **{a.kpi.label}**: {a.note}")
