"""Altair chart builders: small result frames in, `alt.Chart` out; PNG/SVG export offline.

Charts receive aggregated cells only (one row per period or segment), never raw rows, so what
reaches the browser stays small. Every builder takes a `Titles` so a chart pasted into a slide
still says what it shows: KPI, period, filters and n.
"""

from dashboard.charts.export import to_png, to_svg
from dashboard.charts.titles import Titles

__all__ = ["Titles", "to_png", "to_svg"]
