"""Shared page pieces: a chart with its PNG/SVG/CSV downloads, tables with CSV, KPI cards.

Downloads are generated on click (a callable), so drawing a page never pays for rendering a
PNG nobody asked for. CSV files go through `dashboard.downloads`, which neutralises cells a
spreadsheet would execute.
"""

from __future__ import annotations

import re

import altair as alt
import pandas as pd
import streamlit as st

from dashboard.charts import to_png, to_svg
from dashboard.downloads import to_csv_bytes
from dashboard.ui import state

PRESENTING_HEIGHT = 560


def slug(text: str) -> str:
    """A file-name-safe version of a title."""
    return re.sub(r"[^A-Za-z0-9]+", "-", text).strip("-").lower() or "chart"


def chart(
    figure: alt.TopLevelMixin, name: str, table: pd.DataFrame | None = None, select: bool = False
) -> dict:
    """Draw a chart full width, with PNG and SVG (and the data as CSV) downloads under it.

    With `select`, clicking a point reruns the page and the selection is returned (the chart
    must define a point selection named "pick").
    """
    view = st.session_state.get(state.VIEW)
    if view is not None and view.presenting and isinstance(figure, alt.LayerChart):
        figure = figure.properties(height=PRESENTING_HEIGHT)  # one chart fills the screen
    event = (
        st.altair_chart(figure, width="stretch", on_select="rerun", key=f"chart_{name}")
        if select
        else st.altair_chart(figure, width="stretch")
    )
    cols = st.columns([1, 1, 1, 5])
    cols[0].download_button(
        "PNG", lambda: to_png(figure), f"{slug(name)}.png", "image/png",
        key=f"png_{name}", on_click="ignore", icon=":material/image:",
    )  # fmt: skip
    cols[1].download_button(
        "SVG", lambda: to_svg(figure), f"{slug(name)}.svg", "image/svg+xml",
        key=f"svg_{name}", on_click="ignore", icon=":material/draw:",
    )  # fmt: skip
    if table is not None:
        cols[2].download_button(
            "CSV", lambda: to_csv_bytes(table), f"{slug(name)}.csv", "text/csv",
            key=f"csv_{name}", on_click="ignore", icon=":material/table:",
        )  # fmt: skip
    selection = getattr(event, "selection", None) if select else None
    return dict(selection or {})


def table(frame: pd.DataFrame, name: str, **kwargs: object) -> None:
    """A dataframe with a CSV download of exactly what is shown.

    The header is the file's first line (no title above it: the file name says what it is),
    so Excel, pandas or any BI tool reads the download as the table it is.
    """
    st.dataframe(frame, hide_index=True, **kwargs)
    st.download_button(
        "Download CSV", lambda: to_csv_bytes(frame), f"{slug(name)}.csv",
        "text/csv", key=f"tcsv_{name}", on_click="ignore", icon=":material/download:",
    )  # fmt: skip
