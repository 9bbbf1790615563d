"""Static PNG and SVG of a chart, rendered offline by vl-convert (no browser, no network)."""

from __future__ import annotations

import altair as alt
import vl_convert as vlc

STATIC_WIDTH = 900  # "container" width has no meaning outside a page: slides get this


def to_png(chart: alt.TopLevelMixin, scale: float = 2.0) -> bytes:
    """A PNG at `scale` times the chart's size (2 gives sharp slides)."""
    return bytes(vlc.vegalite_to_png(_static(chart), scale=scale))


def to_svg(chart: alt.TopLevelMixin) -> bytes:
    """An SVG of the chart, UTF-8 encoded."""
    return str(vlc.vegalite_to_svg(_static(chart))).encode("utf-8")


def _static(chart: alt.TopLevelMixin) -> dict:
    """The chart's spec with a fixed width wherever it said "container"."""
    spec = chart.to_dict()
    _fix_width(spec)
    return spec


def _fix_width(node: object) -> None:
    if isinstance(node, dict):
        if node.get("width") == "container":
            node["width"] = STATIC_WIDTH
        for value in node.values():
            _fix_width(value)
    elif isinstance(node, list):
        for value in node:
            _fix_width(value)
