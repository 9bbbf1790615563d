"""KPI over periods: a line per series, target rule, control limits, partial periods marked.

Input is a small frame with one row per period (and series): `period`, `period_start`,
`value`, `n`, `partial`, optionally `series` (segment value) and, for a p-chart, `lcl`, `ucl`,
`center`, `signal`. Partial periods are drawn as hollow points so nobody reads a half week as a
drop.
"""

from __future__ import annotations

from dataclasses import dataclass

import altair as alt
import pandas as pd

from dashboard.charts.titles import Titles

PALETTE = ["#1f5fa8", "#d9480f", "#2b8a3e", "#862e9c", "#e67700", "#0b7285", "#c2255c", "#5c940d"]
SIGNAL = "#c92a2a"
HEIGHT = 320
FACET_WIDTH, FACET_HEIGHT = 250, 180


@dataclass(frozen=True, slots=True)
class Axis:
    """How the value axis reads: its label, a d3 format, and an optional fixed domain."""

    label: str
    fmt: str = ",.1f"
    domain: tuple[float, float] | None = None
    zero: bool = False  # start the axis at zero (counts and small rates)
    whole: bool = False  # the values are counts: ticks on whole numbers only


def trend_chart(
    frame: pd.DataFrame,
    titles: Titles,
    axis: Axis,
    target: float | None = None,
    facet: bool = False,
    pick: bool = False,
) -> alt.TopLevelMixin:
    """Line chart of `value` over `period_start`; one colour per `series`, or small multiples."""
    data = frame.copy()
    if "series" not in data:
        data["series"] = "All"
    data["kind"] = data["partial"].map({True: "partial period", False: "full period"})
    scale = alt.Scale(domain=list(axis.domain)) if axis.domain else alt.Scale(zero=axis.zero)
    x = alt.X("period_start:T", title=None, scale=alt.Scale(padding=14), axis=_x_axis(data))
    y = alt.Y("value:Q", title=axis.label, scale=scale, axis=alt.Axis(**_ticks(axis, data)))
    single = data["series"].nunique() <= 1
    color = alt.Color(
        "series:N",
        title=None,
        scale=alt.Scale(range=PALETTE),
        legend=None if single else alt.Legend(),
    )
    tooltip = [
        alt.Tooltip("series:N", title="Segment"),
        alt.Tooltip("period:N", title="Period"),
        alt.Tooltip("value:Q", title=axis.label, format=axis.fmt),
        alt.Tooltip("n:Q", title="n", format=","),
        alt.Tooltip("kind:N", title="Note"),
    ]
    base = alt.Chart()  # data goes on the layer, so small multiples can facet it
    line = base.mark_line(strokeWidth=2).encode(x=x, y=y, color=color)
    points = base.mark_point(size=70, strokeWidth=2, opacity=1).encode(
        x=x,
        y=y,
        color=color,
        fill=alt.condition(
            "datum.partial",
            alt.value("white"),
            alt.Fill("series:N", scale=alt.Scale(range=PALETTE), legend=None),
        ),
        tooltip=tooltip,
    )
    if pick:  # clicking a point selects its period (drill-down to the rows behind it)
        points = points.add_params(
            alt.selection_point(name="pick", fields=["period", "series"], on="click")
        )
    layers: list[alt.Chart] = [line, points]
    if {"lcl", "ucl"} <= set(data.columns):
        layers.insert(0, _limits(base, x, axis))
        layers.append(_signals(base, x, y))
    if target is not None:
        layers.append(
            base.mark_rule(strokeDash=[6, 4], color="#495057").encode(y=alt.datum(target))
        )
    chart = alt.layer(*layers, data=data)
    if facet and data["series"].nunique() > 1:
        chart = chart.properties(width=FACET_WIDTH, height=FACET_HEIGHT).facet(
            alt.Facet("series:N", title=None), columns=3
        )
    if not facet:
        chart = chart.properties(width="container", height=HEIGHT)
    return chart.properties(title=titles.param()).configure_view(stroke=None)


MAX_PERIOD_TICKS = 16


def _x_axis(data: pd.DataFrame) -> alt.Axis:
    """Ticks on the periods themselves when there are few of them.

    Left to itself, Vega put a tick every 12 hours under two weekly points ("Mon 22, 12 PM,
    Tue 23, ...") and day ticks off the weekly points; a handful of periods get one tick each.
    """
    starts = pd.to_datetime(data["period_start"]).dropna().drop_duplicates().sort_values()
    if 0 < len(starts) <= MAX_PERIOD_TICKS:
        values = [alt.DateTime(year=t.year, month=t.month, date=t.day) for t in starts]
        return alt.Axis(grid=False, values=values)
    return alt.Axis(grid=False)


def _ticks(axis: Axis, data: pd.DataFrame) -> dict:
    """Axis format and tick step that never repeat a label.

    A 0-2 % churn axis without decimals read "0 0 0 1 1 1" and three tickets "0 1 1 2 2 3 3":
    counts get ticks on whole numbers only, and small values of other units the decimals
    their ticks need.
    """
    if axis.whole:
        return {"format": axis.fmt, "tickMinStep": 1}
    top = data["value"].abs().max() if "value" in data else float("nan")
    if axis.fmt.endswith(".0f") and axis.domain is None and pd.notna(top) and top < 10:
        # ticks fall at steps of a tenth of the top value or finer: enough decimals for them
        return {"format": axis.fmt.replace(".0f", ".2~f" if top < 1 else ".1~f")}
    return {"format": axis.fmt}


def _limits(base: alt.Chart, x: alt.X, axis: alt.Axis) -> alt.Chart:
    """Grey band between the lower and upper control limits (they vary with each period's n)."""
    return base.mark_area(opacity=0.15, color="#868e96").encode(
        x=x,
        y=alt.Y("lcl:Q", title=axis.label),
        y2="ucl:Q",
        tooltip=[
            alt.Tooltip("lcl:Q", title="Lower limit", format=axis.fmt),
            alt.Tooltip("ucl:Q", title="Upper limit", format=axis.fmt),
        ],
    )


def _signals(base: alt.Chart, x: alt.X, y: alt.Y) -> alt.Chart:
    """Red rings on the periods the control-chart rules flag."""
    return (
        base.transform_filter("datum.signal")
        .mark_point(size=220, shape="circle", strokeWidth=2, color=SIGNAL)
        .encode(x=x, y=y, tooltip=[alt.Tooltip("signal_reason:N", title="Signal")])
    )
