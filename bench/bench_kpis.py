"""Benchmark: every KPI of the Overview page after a filter change, at 1M tickets.

Prints, from one run on this machine, the time `dashboard.kpis.compute` takes for the Overview's
ticket KPIs (current and comparison period, weekly) after a team filter changes, against plain
pandas doing the same aggregation on a cached frame (the common approach), as a ratio.

Usage: python -m bench.bench_kpis [ROWS]   (from the repository root; default 1,000,000)
"""

from __future__ import annotations

import sys
import time
from datetime import date

import numpy as np
import pandas as pd

from dashboard.config import Settings
from dashboard.kpis import KpiRequest, compute
from dashboard.schema import TableKind
from dashboard.store import build_dataset

KEYS = ("tickets_created", "tickets_resolved", "first_response_time", "resolution_time",
        "sla_compliance", "fcr_rate", "replies_per_resolution", "reopen_rate")  # fmt: skip
TEAMS = ["Billing", "Support", "Onboarding", "Tier 2", "Sales", "Returns"]


def tickets(n: int) -> pd.DataFrame:
    """A seeded year of tickets with the columns the Overview's ticket KPIs read."""
    rng = np.random.default_rng(7)
    created = pd.Timestamp("2024-01-01") + pd.to_timedelta(rng.integers(0, 365 * 24 * 60, n),
                                                           unit="min")  # fmt: skip
    first = created + pd.to_timedelta(rng.lognormal(4, 1.2, n), unit="min")
    resolved = created + pd.to_timedelta(rng.lognormal(7, 1.3, n), unit="min")
    resolved = resolved.where(rng.random(n) > 0.05)
    return pd.DataFrame({
        "ticket_id": np.arange(n).astype(str),
        "created_at": created, "first_response_at": first, "resolved_at": resolved,
        "team": rng.choice(TEAMS, n), "sla_met": rng.random(n) < 0.9,
        "agent_replies": rng.poisson(2, n).astype(float), "reopens": rng.poisson(0.1, n),
    })  # fmt: skip


def pandas_overview(frame: pd.DataFrame, team: str, start: str, end: str) -> pd.DataFrame:
    """The same weekly aggregation in plain pandas on a cached frame."""
    f = frame[frame.team == team]
    c = f[(f.created_at >= start) & (f.created_at < end)]
    r = f[(f.resolved_at >= start) & (f.resolved_at < end)]
    cw, rw = c.created_at.dt.to_period("W"), r.resolved_at.dt.to_period("W")
    frt = (c.first_response_at - c.created_at).dt.total_seconds() / 60
    res = (r.resolved_at - r.created_at).dt.total_seconds() / 60
    return pd.concat([
        c.groupby(cw).size().rename("created"), frt.groupby(cw).median().rename("frt"),
        c.sla_met.groupby(cw).mean().rename("sla"), r.groupby(rw).size().rename("resolved"),
        res.groupby(rw).median().rename("resolution"),
        (r.agent_replies <= 1).groupby(rw).mean().rename("fcr"),
        r.agent_replies.groupby(rw).sum().rename("replies"),
        (r.reopens > 0).groupby(rw).mean().rename("reopen"),
    ], axis=1)  # fmt: skip


def best_of(fn, repeat: int = 5) -> float:
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return min(times)


def main(rows: int) -> None:
    frame = tickets(rows)
    data = build_dataset({TableKind.TICKETS: frame})
    known = (date(2024, 1, 1), date(2024, 12, 31))
    teams = iter(TEAMS * 10)

    def engine() -> None:
        team = next(teams)
        for start, end in ((date(2024, 10, 1), date(2024, 12, 31)),
                           (date(2024, 7, 1), date(2024, 9, 30))):  # fmt: skip
            compute(data, KpiRequest(KEYS, "week", start, end, {"team": [team]}, data_range=known),
                    Settings())  # fmt: skip

    def plain() -> None:
        team = next(teams)
        pandas_overview(frame, team, "2024-10-01", "2025-01-01")
        pandas_overview(frame, team, "2024-07-01", "2024-10-01")

    engine()  # warm-up
    t_engine, t_pandas = best_of(engine), best_of(plain)
    print(f"{rows:,} tickets; Overview ticket KPIs ({len(KEYS)}), current + comparison period, "
          "weekly, after a team filter change (best of 5)")  # fmt: skip
    print(f"  servicegap (Ibis on DuckDB)   {1000 * t_engine:8.0f} ms")
    print(f"  plain pandas, cached frame     {1000 * t_pandas:8.0f} ms")
    print(f"  ratio engine / pandas          {t_engine / t_pandas:8.2f}")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000)
