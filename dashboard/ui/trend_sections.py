"""One KPI's trend on the Trends page: chart, target line, drill-down to the rows behind a point."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from dashboard.charts import Titles
from dashboard.charts.trend import trend_chart
from dashboard.display import kpis as show
from dashboard.kpis import KPIS, KpiCells
from dashboard.kpis.drill import rows
from dashboard.store import Dataset
from dashboard.ui import widgets
from dashboard.view import View


def kpi_trend(data: Dataset, cells: KpiCells, key: str, view: View, options: dict) -> None:
    """Chart of one KPI by period (split by segment if chosen), then the drill-down table."""
    kpi = KPIS[key]
    split = bool(cells.request.by)
    frame = show.trend_frame(cells, key, split)
    if frame["value"].notna().sum() == 0:
        st.info(f"No {kpi.label} in this period and selection.")
        return
    n = int(show.trend_frame(cells, key, False)["n"].sum())
    by = f" by {view.labels.get(cells.request.by, cells.request.by)}" if split else ""
    titles = Titles(f"{kpi.label}{by}, by {view.grain}", f"{view.describe()} · n = {n:,}")
    target = kpi.target if options.get("targets") else None
    note = ""
    if not split:
        frame, note = show.with_control_limits(frame, cells, key)
    figure = trend_chart(frame, titles, show.axis_for(key, view.settings), target,
                         facet=options.get("facet", False), pick=True)  # fmt: skip
    picked = widgets.chart(figure, f"{key}-trend", frame, select=True)
    st.caption(f"{kpi.help} {note} Red rings: periods outside the limits. Hollow points: "
               "partial periods. Click a point for the rows behind it.")  # fmt: skip
    _drill(data, cells, key, frame, picked, view)


def _drill(data: Dataset, cells: KpiCells, key: str, frame, picked: dict, view: View) -> None:
    chosen = (picked.get("pick") or [None])[0]
    if not chosen or "period" not in chosen:
        return
    row = frame[frame["period"] == chosen["period"]].iloc[0]
    start = row["period_start"].date()
    period_end = cells.frame.loc[cells.frame.period == chosen["period"], "period_end"].iloc[0]
    end = (period_end - pd.Timedelta(days=1)).date()
    filters = dict(view.filters)
    series = chosen.get("series")
    if cells.request.by and series and series not in ("(other)", KPIS[key].label):
        filters[cells.request.by] = (series,)
    shown, total = rows(data, key, max(start, view.start), min(end, view.end), filters)
    st.markdown(f"**Rows behind {KPIS[key].label}, {chosen['period']}** ({total:,} in all; "
                f"first {len(shown):,} shown)")  # fmt: skip
    widgets.table(shown, f"{key}-{chosen['period']}-rows")
