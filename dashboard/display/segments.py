"""Segments against a funnel: which teams or agents really stand out on a KPI."""

from __future__ import annotations

import pandas as pd

from dashboard.config import Settings
from dashboard.display.kpis import segment_frame
from dashboard.funnel import Funnel, mean_funnel, proportion_funnel
from dashboard.kpis import KPIS, KpiCells
from dashboard.kpis.frame import kind_and_unit

FUNNEL_KINDS = ("rate", "mean")
WORDS = {
    "above": "clearly above",
    "high": "possibly above",
    "expected": "within the expected range",
    "low": "possibly below",
    "below": "clearly below",
}


def funnel_for(cells: KpiCells, key: str, settings: Settings) -> Funnel:
    """The funnel of one rate or mean KPI across the segment values in `cells`."""
    kind, _ = kind_and_unit(KPIS[key], settings)
    seg = segment_frame(cells, key)
    seg = seg[seg["n"] > 0]
    names = list(seg["segment_value"])
    if kind == "rate":
        return proportion_funnel(names, seg["successes"], seg["n"])
    return mean_funnel(names, seg["n"], seg["sum"], seg["sumsq"])


def ranked_table(funnel: Funnel, key: str, label: str) -> pd.DataFrame:
    """Segments best first (by the KPI's direction) with n and where they fall."""
    better_high = KPIS[key].higher_is_better
    points = funnel.points.sort_values("value", ascending=not better_high)
    return pd.DataFrame({
        label: points["segment"],
        KPIS[key].label: points["value"],
        "n": points["n"],
        "Against the overall value": points["position"].map(lambda p: WORDS[str(p)]),
    }).reset_index(drop=True)  # fmt: skip
