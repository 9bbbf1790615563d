"""The engine's output frame: wide aggregate rows turned into one row per period × segment × KPI.

Columns (the contract pages, the statistics bridge and the CLI code against):
period, period_start, period_end (exclusive), partial, segment, segment_value, kpi, kind, unit,
value (in the unit: percent for rates, NPS points, minutes, score), n, successes, numerator,
denominator, sum, sumsq, log_n, log_sum, log_sumsq, median, mean, p90, promoters, passives,
detractors, hist.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, timedelta

import numpy as np
import pandas as pd

from dashboard.config import CsatDefinition, DurationStat, Settings
from dashboard.kpis import periods
from dashboard.kpis.registry import Kpi

COLUMNS = [
    "period", "period_start", "period_end", "partial", "segment", "segment_value", "kpi",
    "kind", "unit", "value", "n", "successes", "numerator", "denominator", "sum", "sumsq",
    "log_n", "log_sum", "log_sumsq", "median", "mean", "p90", "promoters", "passives",
    "detractors", "hist",
]  # fmt: skip
STATS = ["successes", "numerator", "denominator", "sum", "sumsq", "log_n", "log_sum",
         "log_sumsq", "median", "p90", "promoters", "detractors"]  # fmt: skip


def kind_and_unit(kpi: Kpi, settings: Settings) -> tuple[str, str]:
    """The kind and unit a KPI has under the chosen variants (CSAT as a mean is a score)."""
    if kpi.key == "csat" and settings.csat_definition == CsatDefinition.MEAN:
        return "mean", "score"
    return kpi.kind, kpi.unit


def value_of(kind: str, stats: dict, settings: Settings) -> float:
    """The KPI's value from its sufficient statistics (NaN when there is nothing to divide)."""
    n = stats.get("n") or 0
    with np.errstate(divide="ignore", invalid="ignore"):
        if kind == "count":
            return float(n)
        if kind == "rate":
            return 100.0 * stats["successes"] / n if n else np.nan
        if kind == "mean":
            return stats["sum"] / n if n else np.nan
        if kind == "nps":
            return 100.0 * (stats["promoters"] - stats["detractors"]) / n if n else np.nan
        if kind == "ratio":
            d = stats.get("denominator") or 0
            return stats["numerator"] / d if d else np.nan
        if kind == "quantile":
            if not n:
                return np.nan
            if settings.duration_stat == DurationStat.MEAN:
                return stats["sum"] / n
            if settings.duration_stat == DurationStat.P90:
                return stats["p90"]
            return stats["median"]
    raise ValueError(f"unknown KPI kind {kind!r}")


def row(kpi: Kpi, wide: Mapping, settings: Settings, where: dict) -> dict:
    """One output row of `kpi` from one wide aggregate row; `where` holds the period/segment."""
    kind, unit = kind_and_unit(kpi, settings)
    stats = {"n": _num(wide.get(f"{kpi.key}__n"), 0)}
    for s in STATS:
        stats[s] = _num(wide.get(f"{kpi.key}__{s}"))
    n = stats["n"]
    out = {**where, "kpi": kpi.key, "kind": kind, "unit": unit, "n": int(n), **stats}
    out["mean"] = stats["sum"] / n if n and not np.isnan(stats["sum"]) else np.nan
    if kind == "nps":
        out["passives"] = n - stats["promoters"] - stats["detractors"]
    else:
        out["passives"] = np.nan
    out["value"] = value_of(kind, stats, settings)
    out["hist"] = None
    return out


def _num(value: object, default: float = np.nan) -> float:
    if value is None or (isinstance(value, float) and np.isnan(value)) or value is pd.NA:
        return default
    return float(value)


def long_rows(
    kpis: list[Kpi],
    by_period: pd.DataFrame,
    whole: pd.DataFrame,
    totals: tuple[pd.DataFrame, pd.DataFrame] | None,
    request,
    settings: Settings,
    first: date,
    last: date,
) -> pd.DataFrame:
    """All output rows from the grouped (per period) and whole-range aggregates."""
    out: list[dict] = []
    seg = request.by or ""
    for frame, segment in ((by_period, seg), *(((totals[0], ""),) if totals else ())):
        for wide in frame.to_dict("records"):
            start = pd.Timestamp(wide["_period"])
            where = {
                "period": periods.label(start, request.grain),
                "period_start": start,
                "period_end": periods.next_start(start, request.grain),
                "partial": periods.is_partial(start, request.grain, first, last),
                "segment": segment,
                "segment_value": str(wide["_seg"]) if segment else "",
            }
            out.extend(row(k, wide, settings, where) for k in kpis)
    for frame, segment in ((whole, seg), *(((totals[1], ""),) if totals else ())):
        for wide in frame.to_dict("records"):
            where = all_period(request)
            where.update(segment=segment, segment_value=str(wide["_seg"]) if segment else "")
            out.extend(row(k, wide, settings, where) for k in kpis)
    return pd.DataFrame(out, columns=COLUMNS)


def all_period(request) -> dict:
    """The period fields of a whole-range row."""
    return {
        "period": "all",
        "period_start": pd.Timestamp(request.start),
        "period_end": pd.Timestamp(request.end + timedelta(days=1)),
        "partial": False,
    }


def densify(frame: pd.DataFrame, request, first: date, last: date) -> pd.DataFrame:
    """Add the periods in which a KPI had no rows: 0 for counts, no value (n = 0) otherwise.

    A week without tickets is a week with zero tickets, not a missing point; a week without
    ratings has no CSAT, which charts show as a gap.
    """
    grid = periods.starts(request.start, request.end, request.grain)
    labels = {periods.label(p, request.grain): p for p in grid}
    added = []
    keys = ["kpi", "kind", "unit", "segment", "segment_value"]
    for key, group in frame[frame.period != "all"].groupby(keys, sort=False, dropna=False):
        for name in labels.keys() - set(group.period):
            start = labels[name]
            kind = key[1]
            added.append({
                **dict(zip(keys, key, strict=True)), "period": name, "period_start": start,
                "period_end": periods.next_start(start, request.grain),
                "partial": periods.is_partial(start, request.grain, first, last),
                "n": 0, "value": 0.0 if kind == "count" else np.nan, "hist": None,
            })  # fmt: skip
    if not added:
        return frame
    return pd.concat([frame, pd.DataFrame(added, columns=COLUMNS)], ignore_index=True)
