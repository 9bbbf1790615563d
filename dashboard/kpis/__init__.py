"""KPI engine: the registry of definitions and their computation per period × segment.

Public surface: `KPIS`, `Kpi` (registry), `KpiRequest`, `KpiCells`, `compute` (engine),
`available` (which KPIs the data supports), `values` and `rows` (the rows behind one cell).
"""

from dashboard.kpis.availability import Availability, available
from dashboard.kpis.drill import rows, values
from dashboard.kpis.engine import KpiCells, KpiRequest, compute
from dashboard.kpis.registry import KPIS, Kpi

__all__ = [
    "KPIS", "Availability", "Kpi", "KpiCells", "KpiRequest", "available", "compute", "rows",
    "values",
]  # fmt: skip
