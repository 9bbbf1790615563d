"""Periods for gap cells, delegated to the KPI engine so the gap and the KPIs always agree.

Rows are bucketed on the backend by the period's start (`dashboard.kpis.periods.bucket`, a
timestamp truncation; ISO weeks start on Monday); the few aggregated rows are labelled
afterwards ("2024-01-05", "2024-W05", "2024-01", "2024-Q1", "2024").
"""

from __future__ import annotations

from datetime import date

import pandas as pd

from dashboard.kpis.periods import GRAINS, bucket, check_grain, label

__all__ = ["GRAINS", "bucket", "label_column", "start_of_label"]


def label_column(starts: pd.Series, grain: str) -> pd.Series:
    """Labels for a column of period starts."""
    return starts.map(lambda t: label(pd.Timestamp(t), grain))


def start_of_label(text: str, grain: str) -> pd.Timestamp:
    """The start of the period a label names (ValueError when it does not fit the grain)."""
    check_grain(grain)
    try:
        if grain == "week":
            year, week = text.split("-W")
            return pd.Timestamp(date.fromisocalendar(int(year), int(week), 1))
        if grain == "quarter":
            year, quarter = text.split("-Q")
            return pd.Timestamp(int(year), 3 * (int(quarter) - 1) + 1, 1)
        if grain == "year":
            return pd.Timestamp(int(text), 1, 1)
        start = pd.Timestamp(text if grain == "day" else f"{text}-01")
    except ValueError as err:
        raise ValueError(f"{text!r} is not a {grain} label") from err
    if label(start, grain) != text:
        raise ValueError(f"{text!r} is not a {grain} label")
    return start
