"""Funnel plot: segments at their n against limits that narrow as n grows."""

from __future__ import annotations

import altair as alt

from dashboard.charts.titles import Titles
from dashboard.charts.trend import HEIGHT, Axis
from dashboard.funnel import Funnel, Position

COLOURS = {
    Position.ABOVE: "#2b8a3e",
    Position.HIGH: "#69db7c",
    Position.EXPECTED: "#868e96",
    Position.LOW: "#ffa94d",
    Position.BELOW: "#d9480f",
}
LABELS = {
    Position.ABOVE: "clearly above",
    Position.HIGH: "possibly above",
    Position.EXPECTED: "within the expected range",
    Position.LOW: "possibly below",
    Position.BELOW: "clearly below",
}


def funnel_chart(funnel: Funnel, titles: Titles, axis: Axis, higher_is_better: bool = True):
    """Points per segment, 95 % and 99.8 % limit curves and the overall line; log-scaled n."""
    points = funnel.points.assign(where=funnel.points["position"].map(LABELS))
    order = [LABELS[p] for p in Position]
    colours = [COLOURS[p] for p in Position]
    if not higher_is_better:  # above the funnel is bad news when lower is better
        colours = colours[::-1]
    x = alt.X("n:Q", title="n (log scale)", scale=alt.Scale(type="log"))
    curve = alt.Chart(funnel.curve)
    layers = [
        curve.mark_area(opacity=0.08, color="#495057").encode(x=x, y="lo998:Q", y2="hi998:Q"),
        curve.mark_area(opacity=0.12, color="#495057").encode(x=x, y="lo95:Q", y2="hi95:Q"),
        alt.Chart()
        .mark_rule(color="#495057", strokeDash=[4, 4])
        .encode(y=alt.datum(funnel.center)),
        alt.Chart(points)
        .mark_circle(size=90, opacity=0.9)
        .encode(
            x=x,
            y=alt.Y(
                "value:Q",
                title=axis.label,
                axis=alt.Axis(format=axis.fmt),
                scale=alt.Scale(zero=False),
            ),
            color=alt.Color("where:N", title=None, scale=alt.Scale(domain=order, range=colours)),
            tooltip=[
                alt.Tooltip("segment:N", title="Segment"),
                alt.Tooltip("value:Q", title=axis.label, format=axis.fmt),
                alt.Tooltip("n:Q", title="n", format=","),
                alt.Tooltip("where:N", title="Against the overall value"),
            ],
        ),
    ]
    return (
        alt.layer(*layers)
        .properties(width="container", height=HEIGHT + 60, title=titles.param())
        .configure_view(stroke=None)
    )
