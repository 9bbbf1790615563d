"""The data range ends on the last day anything happened, not only on the last creation."""

from __future__ import annotations

from datetime import date

import pandas as pd

from dashboard.config import Settings
from dashboard.coverage import coverage
from dashboard.kpis import KpiRequest, compute
from dashboard.schema import TableKind
from dashboard.store import build_dataset


def _tickets(resolved: list[str | None]) -> pd.DataFrame:
    created = ["2024-03-14 09:00", "2024-03-15 10:00", "2024-03-16 16:00"]
    return pd.DataFrame({
        "ticket_id": ["1", "2", "3"],
        "created_at": pd.to_datetime(created),
        "resolved_at": pd.to_datetime(pd.Series(resolved, dtype=object)),
    })  # fmt: skip


def test_resolutions_after_the_last_creation_extend_the_range() -> None:
    """Tickets created 14-16 Mar and resolved up to 18 Mar: the range and the KPIs reach 18 Mar
    (found with an unseen export, where 10 of 15 resolutions fell outside the default range)."""
    data = build_dataset(
        {TableKind.TICKETS: _tickets(["2024-03-15 09:00", "2024-03-17 10:00", "2024-03-18 12:00"])}
    )
    cov = coverage(data)
    assert (cov.first, cov.last) == (date(2024, 3, 14), date(2024, 3, 18))
    cells = compute(data, KpiRequest(("tickets_resolved",), "month", cov.first, cov.last),
                    Settings())  # fmt: skip
    assert cells.total("tickets_resolved")["n"] == 3


def test_a_mistyped_far_resolution_stretches_the_range_by_a_year_at_most() -> None:
    data = build_dataset({TableKind.TICKETS: _tickets(["2204-03-15 09:00", None, None])})
    cov = coverage(data)
    assert (cov.first, cov.last) == (date(2024, 3, 14), date(2025, 3, 17))  # 366 days


def test_open_tickets_keep_the_last_creation_as_the_end() -> None:
    data = build_dataset({TableKind.TICKETS: _tickets([None, None, None])})
    assert coverage(data).last == date(2024, 3, 16)
