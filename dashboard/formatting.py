"""Display strings shared by verdicts, cards, tables and the command line.

Real minus signs (−), thin rules for edge values ("< 0.1 %", "p < 0.001"), durations in the
units people say out loud ("3 h 20 min").
"""

from __future__ import annotations

import math

MINUS = "−"


def _missing(value: float | None) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value))


def signed(value: float, digits: int = 0) -> str:
    """'+5', '−3.2', '+8,699' (a real minus sign, thousands separated; zero has no sign)."""
    text = f"{value:+,.{digits}f}"
    if float(text.replace(",", "")) == 0:
        text = text[1:]
    return text.replace("-", MINUS)


def percent(value: float | None, digits: int | None = None) -> str:
    """A percentage already on 0–100: '86 %', '4.5 %', '< 0.1 %', '—' when missing."""
    if _missing(value):
        return "—"
    if 0 < value < 0.1:
        return "< 0.1 %"
    if digits is None:
        digits = 1 if abs(value) < 10 else 0
    return f"{value:.{digits}f} %"


def duration(minutes: float | None) -> str:
    """Minutes as '45 min', '3 h 20 min', '2 d 4 h'."""
    if _missing(minutes):
        return "—"
    if minutes < 60:
        return f"{minutes:.0f} min"
    if minutes < 24 * 60:
        h, m = divmod(round(minutes), 60)
        return f"{h} h {m} min" if m else f"{h} h"
    d, rest = divmod(round(minutes), 24 * 60)
    h = round(rest / 60)
    return f"{d} d {h} h" if h else f"{d} d"


def count(value: float | None) -> str:
    """'1,204'."""
    return "—" if _missing(value) else f"{value:,.0f}"


def pvalue(p: float | None) -> str:
    """'p = 0.032', 'p < 0.001', 'no test'."""
    if _missing(p):
        return "no test"
    return "p < 0.001" if p < 0.001 else f"p = {p:.3f}"


def value(v: float | None, unit: str) -> str:
    """A KPI value in its unit: '86 %', '+12' (NPS), '3 h 20 min', '1,204', '4.15'."""
    if _missing(v):
        return "—"
    if unit == "%":
        return percent(v)
    if unit == "points":
        return signed(v)
    if unit == "minutes":
        return duration(v)
    if unit == "tickets":
        return count(v)
    if unit == "score":
        return f"{v:.1f}" if abs(v) >= 10 else f"{v:.2f}"
    return f"{v:.2f}"


def change(delta: float | None, unit: str) -> str:
    """A change in a KPI's unit: '−5 points' for rates and NPS, '+12 min', '+8 tickets'."""
    if _missing(delta):
        return "—"
    if unit in ("%", "points"):
        return f"{signed(delta, 1 if abs(delta) < 10 else 0)} points"
    if unit == "minutes":
        return (MINUS if delta < 0 else "+") + duration(abs(delta))
    if unit == "tickets":
        return f"{signed(delta)} tickets"
    return signed(delta, 2)


def ratio_change(ratio: float | None) -> str:
    """A ratio as a relative change: 1.16 -> '+16 %', 0.9 -> '−10 %'."""
    if _missing(ratio) or math.isinf(ratio):
        return "—"
    return f"{signed(100 * (ratio - 1))} %"
