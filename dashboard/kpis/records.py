"""KPI cells as flat records for the command line (JSON, CSV, table) and scripted reports.

One record per period × segment × KPI: `period` ("2024-01", "2024-W05", "2024-Q1"…),
`segment` (column → value, empty for totals), `kpi`, `value`, `unit`, `n`, `partial`; duration
KPIs also carry `median`, `mean` and `p90` in minutes. Whole-range rows are left out: a script
that wants them asks for `--period year` or a range.
"""

from __future__ import annotations

import math
from typing import Any

from dashboard.kpis.engine import KpiCells
from dashboard.kpis.registry import DURATION_KPIS


def records(cells: KpiCells) -> list[dict[str, Any]]:
    """The per-period records of `cells`, in KPI, segment and period order."""
    out = []
    for r in cells.frame.itertuples(index=False):
        if r.period == "all":
            continue
        record: dict[str, Any] = {
            "period": r.period,
            "segment": {r.segment: r.segment_value} if r.segment else {},
            "kpi": r.kpi,
            "value": _clean(r.value),
            "unit": r.unit,
            "n": int(r.n),
            "partial": bool(r.partial),
        }
        if r.kpi in DURATION_KPIS:
            record.update(median=_clean(r.median), mean=_clean(r.mean), p90=_clean(r.p90))
        out.append(record)
    return out


def _clean(value: float) -> float | None:
    """NaN (nothing to measure) becomes None, which JSON writes as null."""
    return None if value is None or (isinstance(value, float) and math.isnan(value)) else value
