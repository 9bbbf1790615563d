"""Trend charts: whole-number axes get whole-number ticks."""

from __future__ import annotations

import pandas as pd

from dashboard.charts import Titles
from dashboard.charts.trend import Axis, trend_chart
from dashboard.config import Settings
from dashboard.display.kpis import axis_for


def _y_axis(chart) -> dict:
    spec = chart.to_dict()
    layers = spec.get("layer", [spec])
    return next(layer["encoding"]["y"]["axis"] for layer in layers if "encoding" in layer)


def _frame(values: list[float]) -> pd.DataFrame:
    return pd.DataFrame({
        "period": [f"2024-0{i + 1}" for i in range(len(values))],
        "period_start": pd.date_range("2024-01-01", periods=len(values), freq="MS"),
        "value": values, "n": [500] * len(values), "partial": [False] * len(values),
    })  # fmt: skip


def test_a_small_rate_axis_does_not_repeat_its_labels() -> None:
    """Churn of 0-2 % on a format without decimals read '0 0 0 1 1 1' (new-user run)."""
    axis = axis_for("churn_rate", Settings())
    assert axis.fmt == ",.0f"
    chart = trend_chart(_frame([0.4, 1.7, 0.9]), Titles("Churn rate by month"), axis)
    assert _y_axis(chart) == {"format": ",.1~f"}
    chart = trend_chart(_frame([0.2, 0.2]), Titles("Churn rate by week"), axis)
    assert _y_axis(chart) == {"format": ",.2~f"}  # ticks at 0.05: '0.1 0.1 0.1' with one
    chart = trend_chart(_frame([12.0, 17.5, 30.0]), Titles("Churn rate by month"), axis)
    assert _y_axis(chart) == {"format": ",.0f"}


def test_a_count_axis_ticks_on_whole_numbers() -> None:
    """Three tickets read '0 1 1 2 2 3 3'."""
    axis = axis_for("tickets_created", Settings())
    chart = trend_chart(_frame([1.0, 3.0, 2.0]), Titles("Tickets created"), axis)
    assert _y_axis(chart) == {"format": ",.0f", "tickMinStep": 1}


def test_an_axis_with_decimals_keeps_vega_ticks() -> None:
    chart = trend_chart(_frame([4.1, 4.3, 4.2]), Titles("CSAT mean"), Axis("Score", ",.1f"))
    assert _y_axis(chart) == {"format": ",.1f"}


def test_few_periods_get_one_tick_each() -> None:
    """Two weekly points had ticks every 12 hours under them ('Mon 22, 12 PM, Tue 23...')."""
    frame = _frame([1.0, 2.0])
    frame["period_start"] = pd.to_datetime(["2025-12-22", "2025-12-29"])
    spec = trend_chart(frame, Titles("Churn"), Axis("Churn rate (%)", ",.0f")).to_dict()
    layers = spec.get("layer", [spec])
    x = next(layer["encoding"]["x"]["axis"] for layer in layers if "encoding" in layer)
    assert x["values"] == [{"year": 2025, "month": 12, "date": 22},
                           {"year": 2025, "month": 12, "date": 29}]  # fmt: skip
    many = _frame([1.0] * 9)
    many = pd.concat([many, many.assign(period_start=many.period_start + pd.DateOffset(years=1))])
    spec = trend_chart(many, Titles("Churn"), Axis("Churn rate (%)", ",.0f")).to_dict()
    layers = spec.get("layer", [spec])
    x = next(layer["encoding"]["x"]["axis"] for layer in layers if "encoding" in layer)
    assert "values" not in x  # 18 periods: Vega's own ticks
