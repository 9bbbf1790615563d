"""The rows behind one cell: which tickets (ratings, reviews) made a point, and their values.

Only a capped number of rows comes back, and only the columns a manager needs to recognise a
ticket; the chart itself never receives rows.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date, timedelta

import ibis
import numpy as np
import pandas as pd

from dashboard.config import Settings
from dashboard.kpis.engine import in_zone
from dashboard.kpis.measures import row_columns
from dashboard.kpis.registry import KPIS
from dashboard.schema import MAIN_DATE, TableKind
from dashboard.scope import scoped
from dashboard.store import Dataset

SHOWN = {
    TableKind.TICKETS: ["ticket_id", "created_at", "first_response_at", "resolved_at", "status",
                        "channel", "team", "agent", "priority", "sla_met", "agent_replies"],
    TableKind.SURVEYS: ["response_id", "ticket_id", "responded_at", "survey_type", "score",
                        "scale_max", "team", "agent", "channel"],
    TableKind.REVIEWS: ["review_id", "ticket_id", "reviewed_at", "score", "reviewer", "agent",
                        "scorecard", "team"],
    TableKind.ACCOUNTS: ["customer_id", "started_at", "churned_at", "plan", "value", "country"],
}  # fmt: skip


def rows(
    data: Dataset,
    key: str,
    start: date,
    end: date,
    filters: Mapping[str, Sequence[str]] | None = None,
    limit: int = 200,
) -> tuple[pd.DataFrame, int]:
    """Up to `limit` rows behind KPI `key` in the days [start, end], and how many there are."""
    kpi = KPIS[key]
    if not data.has(kpi.table):
        return pd.DataFrame(), 0
    table = scoped(data, filters or {}).table(kpi.table)
    basis = kpi.basis or MAIN_DATE[kpi.table]
    if key == "backlog":
        basis = "created_at"
    when = table[basis]
    after = end + timedelta(days=1)
    inside = table.filter(
        when.notnull()
        & (when >= ibis.timestamp(f"{start.isoformat()} 00:00:00"))
        & (when < ibis.timestamp(f"{after.isoformat()} 00:00:00"))
    )
    columns = [c for c in SHOWN[kpi.table] if c in inside.columns]
    total = int(inside.count().execute())
    shown = inside.select(columns).order_by(basis).limit(limit).to_pandas()
    return shown, total


def values(
    data: Dataset,
    key: str,
    start: date,
    end: date,
    where: Mapping[str, Sequence[str]] | None = None,
    settings: Settings | None = None,
) -> np.ndarray:
    """The per-row values behind one cell of KPI `key` over the days [start, end].

    Durations in minutes (negative ones left out), scores as rated, 0/1 for rates, 1 per ticket
    for counts, replies per resolved ticket, resolved tickets per agent-day for productivity;
    for backlog 1 per ticket open at the end, for churn/retention 0/1 per account active at the
    start. Their mean (or median) is the cell's value, so tests and the statistics engine can
    recompute a cell from rows when they need to.
    """
    settings = settings or Settings()
    kpi = KPIS[key]
    if not data.has(kpi.table):
        return np.array([], dtype=float)
    t = in_zone(scoped(data, where or {}), settings, (start, end)).table(kpi.table)
    lo = ibis.timestamp(f"{start.isoformat()} 00:00:00")
    hi = ibis.timestamp(f"{(end + timedelta(days=1)).isoformat()} 00:00:00")
    if key == "backlog":
        closing = ibis.ifelse(t.resolved_at < t.created_at, t.created_at, t.resolved_at)
        still = (t.created_at < hi) & (closing.isnull() | (closing >= hi))
        return _column(t.filter(still).select(v=ibis.literal(1.0)))
    if kpi.table == TableKind.ACCOUNTS:
        active = t.filter((t.started_at < lo) & (t.churned_at.isnull() | (t.churned_at >= lo)))
        gone = (active.churned_at.notnull() & (active.churned_at < hi)).cast("float64")
        return _column(active.select(v=gone if key == "churn_rate" else 1.0 - gone))
    cols = row_columns(kpi, t, settings)
    r = t.mutate(_when=t[kpi.basis], **cols)
    r = r.filter(r._when.notnull() & (r._when >= lo) & (r._when < hi))
    k = key
    if f"{k}__agentday" in cols:
        r = r.filter(r[f"{k}__agentday"].notnull())
        return _column(r.group_by(r[f"{k}__agentday"]).aggregate(v=r.count().cast("float64")))
    if f"{k}__v" in cols:
        return _column(r.filter(r[f"{k}__v"].notnull()).select(v=r[f"{k}__v"]))
    if f"{k}__ind" in cols:
        return _column(r.filter(r[f"{k}__ind"] == 1).select(v=ibis.literal(1.0)))
    if f"{k}__den" in cols:
        return _column(r.filter(r[f"{k}__den"] > 0).select(v=r[f"{k}__num"].cast("float64")))
    return _column(r.filter(r[f"{k}__num"] > 0).select(v=r[f"{k}__num"].cast("float64")))


def _column(table: ibis.Table) -> np.ndarray:
    return table.to_pandas()["v"].to_numpy(dtype=float)
