"""The rows behind one cell, for drill-down: which tickets (or ratings, reviews) made a point.

Only a capped number of rows comes back, and only the columns a manager needs to recognise a
ticket; the chart itself never receives rows.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date, timedelta

import ibis
import pandas as pd

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
