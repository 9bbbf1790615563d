"""KPI cells as chart frames, axes and display strings for the Trends, Segments and Churn pages."""

from __future__ import annotations

import pandas as pd

from dashboard import formatting
from dashboard.charts.trend import Axis
from dashboard.config import Settings
from dashboard.kpis import KPIS, KpiCells
from dashboard.kpis.frame import kind_and_unit
from dashboard.stats import p_chart

AXIS_FORMATS = {"%": ",.0f", "points": ",.0f", "minutes": ",.0f", "tickets": ",.0f",
                "score": ",.1f", "per ticket": ",.2f", "per agent-day": ",.1f"}  # fmt: skip


def axis_for(key: str, settings: Settings) -> Axis:
    """The value axis of one KPI: label with unit, number format, fixed 0–100 for percents."""
    kpi = KPIS[key]
    _, unit = kind_and_unit(kpi, settings)
    label = f"{kpi.label} ({unit})"
    # shares of good outcomes read best on a fixed 0–100 axis; small bad-outcome rates (churn,
    # reopens) would be flattened on it and get an axis from zero instead
    domain = (0.0, 100.0) if unit == "%" and kpi.higher_is_better else None
    zero = unit in ("%", "tickets")
    return Axis(label, AXIS_FORMATS.get(unit, ",.1f"), domain, zero, whole=unit == "tickets")


def trend_frame(cells: KpiCells, key: str, split: bool) -> pd.DataFrame:
    """One KPI over periods: the total, or one series per segment value when `split`."""
    f = cells.frame
    f = f[(f.kpi == key) & (f.period != "all")]
    f = f[f.segment_value != ""] if split else f[f.segment_value == ""]
    out = f[["period", "period_start", "value", "n", "partial"]].copy()
    out["series"] = f["segment_value"] if split else KPIS[key].label
    if out.empty:  # no period in range (a preset before the data starts): nothing to draw
        return out.reset_index(drop=True)
    has_values = out.groupby("series")["value"].transform(lambda v: v.notna().any())
    return out[has_values].reset_index(drop=True)


def segment_frame(cells: KpiCells, key: str) -> pd.DataFrame:
    """Whole-range values of one KPI per segment value (the rows of the Segments page)."""
    f = cells.frame
    f = f[(f.kpi == key) & (f.period == "all") & (f.segment_value != "")]
    return f.reset_index(drop=True)


def format_value(value: float, unit: str) -> str:
    """A KPI value for a card or a sentence (see `dashboard.formatting.value`)."""
    return formatting.value(value, unit)


def with_control_limits(frame: pd.DataFrame, cells: KpiCells, key: str) -> tuple[pd.DataFrame, str]:
    """Add p-chart limits and rule-1 signals to a rate's total series; say what the run rules found.

    Partial periods are charted but left out of the limits' centre line and the run rules.
    """
    f = cells.frame
    rows = f[(f.kpi == key) & (f.period != "all") & (f.segment_value == "")]
    if rows.empty or str(rows["kind"].iloc[0]) != "rate":
        return frame, ""
    full = rows[~rows["partial"] & (rows["n"] > 0)]
    chart = p_chart(full["successes"].fillna(0), full["n"])
    if chart.reason or len(full) < 2:
        return frame, ""
    limits = pd.DataFrame({
        "period": full["period"].to_numpy(),
        "lcl": [100 * v for v in chart.lcl],
        "ucl": [100 * v for v in chart.ucl],
        "signal": list(chart.outside),
    })  # fmt: skip
    limits["signal_reason"] = limits["signal"].map({True: "outside the 3-sigma limits",
                                                    False: ""})  # fmt: skip
    out = frame.merge(limits, on="period", how="left")
    out["signal"] = out["signal"].astype("boolean").fillna(False).astype(bool)
    notes = []
    if chart.runs_signal:
        notes.append(f"a run of {chart.longest_run} periods on one side of the centre line "
                     f"(more than {chart.run_limit})")  # fmt: skip
    if chart.crossings_signal:
        notes.append(f"only {chart.crossings} crossings of the centre line "
                     f"(fewer than {chart.crossing_limit})")  # fmt: skip
    centre = f"Grey band: p-chart limits around {100 * chart.center:.1f} %."
    shift = f" Run rules (Anhøj) signal a shift: {' and '.join(notes)}." if notes else ""
    return out, centre + shift
