"""Per-score counts of the rating-scale KPIs (CSAT, NPS, CES) in every cell.

The statistics engine tests rating distributions (NPS as a multinomial, rank tests on CSAT)
without raw rows, so each cell carries `hist`: score -> number of answers. CSAT scores are
rescaled to 1–5 first (a 3-point scale gives 1, 3, 5; Good/Bad gives 1 and 5) so cells mixing
scales still add up; NPS and CES keep the score as given. Counts are additive, so one grouped
query per table (period × segment × score) gives the totals and whole-range cells as well.
"""

from __future__ import annotations

import ibis
import pandas as pd

from dashboard.kpis.registry import Kpi

RATING_KPIS = ("csat", "csat_mean", "nps", "ces")


def query(rows: ibis.Table, kpis: list[Kpi]) -> ibis.Table | None:
    """Answers per (period, segment, kpi, score) over `rows` (which hold `<key>__h` columns);
    None when no KPI has a histogram."""
    keys = [k.key for k in kpis if f"{k.key}__h" in rows.columns]
    if not keys:
        return None
    parts = [
        rows.filter(rows[f"{k}__h"].notnull()).select(
            _period=rows._period, _seg=rows._seg, _kpi=ibis.literal(k),
            _h=rows[f"{k}__h"].cast("float64"),
        )
        for k in keys
    ]  # fmt: skip
    union = parts[0] if len(parts) == 1 else ibis.union(*parts, distinct=False)
    return union.group_by(["_period", "_seg", "_kpi", "_h"]).aggregate(n=union.count())


def attach(frame: pd.DataFrame, grouped: pd.DataFrame | None) -> pd.DataFrame:
    """`frame` with `hist` filled for the rating KPIs: by period and segment, and rolled up."""
    if grouped is None:
        return frame
    g = grouped.assign(_all="all", _tot="")
    lookup: dict[tuple, dict[float, int]] = {}
    for period_key, seg_key in (("_period", "_seg"), ("_period", "_tot"), ("_all", "_seg"),
                                ("_all", "_tot")):  # fmt: skip
        summed = g.groupby(["_kpi", period_key, seg_key, "_h"], sort=True)["n"].sum()
        for (kpi, period, seg, score), n in summed.items():
            key = (kpi, "all" if period == "all" else pd.Timestamp(period), str(seg))
            lookup.setdefault(key, {})[_score(score)] = int(n)
    hist = []
    for r in frame.itertuples(index=False):
        if r.kpi not in RATING_KPIS:
            hist.append(r.hist)
            continue
        period = "all" if r.period == "all" else pd.Timestamp(r.period_start)
        hist.append(lookup.get((r.kpi, period, str(r.segment_value)), {}))
    return frame.assign(hist=hist)


def _score(value: float) -> float | int:
    """Whole scores as int keys (JSON-friendly), rescaled ones as floats."""
    return int(value) if float(value).is_integer() else float(value)
