"""Period labels for gap cells, as Ibis expressions ("2024-01", "2024-W05", "2024-Q1", ...).

Temporary: the KPI engine's `dashboard.kpis.periods` owns period bucketing; this module will
delegate to it once it lands so the gap and the KPIs always agree on a period.
"""

from __future__ import annotations

import ibis

GRAINS: tuple[str, ...] = ("day", "week", "month", "quarter", "year")


def period_label(ts: ibis.TimestampValue, grain: str) -> ibis.StringValue:
    """The label of the period `ts` falls in, at `grain` (ISO weeks start on Monday)."""
    if grain == "day":
        return ts.strftime("%Y-%m-%d")
    if grain == "week":
        monday = ts.truncate("W")
        thursday = monday + ibis.interval(days=3)  # ISO year = the year of the week's Thursday
        return thursday.year().cast("string") + "-W" + ts.strftime("%V")
    if grain == "month":
        return ts.strftime("%Y-%m")
    if grain == "quarter":
        return ts.year().cast("string") + "-Q" + ts.quarter().cast("string")
    if grain == "year":
        return ts.year().cast("string")
    raise ValueError(f"grain must be one of {', '.join(GRAINS)}, not {grain!r}")
