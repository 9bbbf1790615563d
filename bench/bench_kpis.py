"""Time one Overview page of KPIs on 1M tickets after a filter change, against plain pandas.

Run: `python bench/bench_kpis.py [--rows N]`. A seeded frame of tickets (teams, channels, agents,
replies, SLA, reopens, durations over one year) is put on the embedded backend; the Overview
asks for every ticket KPI, monthly, for the whole year and a filter on two teams. The engine
runs that request (a new filter means new rows: no result is cached, only compiled SQL); it is
timed twice, with its compiled-query reuse and compiling every query again (plain Ibis, as
before that reuse existed); pandas runs the same aggregation on an in-memory frame (filter,
group by month, counts, rates, medians, backlog), the common cached-frame approach.
"""

from __future__ import annotations

import argparse
import sys
import time
from datetime import date
from pathlib import Path

import numpy as np
import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from dashboard.config import Settings
from dashboard.kpis import KpiRequest, compute, engine
from dashboard.kpis.compiled import Sources
from dashboard.schema import TableKind
from dashboard.store import build_dataset

KPIS = ("tickets_created", "tickets_resolved", "backlog", "first_response_time",
        "resolution_time", "handle_time", "sla_compliance", "fcr_rate", "replies_per_resolution",
        "reopen_rate", "escalation_rate", "repeat_contact_rate", "agent_productivity")  # fmt: skip
TEAMS = ["Billing", "Support", "Tech", "Sales", "Onboarding", "Returns"]


def tickets(n: int, seed: int = 7) -> pd.DataFrame:
    """A seeded year of tickets with every column the ticket KPIs read."""
    rng = np.random.default_rng(seed)
    created = pd.Timestamp("2024-01-01") + pd.to_timedelta(rng.integers(0, 366 * 86400, n), "s")
    first = pd.to_timedelta(rng.lognormal(4, 1, n), "m")
    resolution = pd.to_timedelta(rng.lognormal(7, 1.2, n), "m")
    resolved = pd.Series(created + resolution).where(rng.random(n) > 0.05)
    return pd.DataFrame({
        "ticket_id": np.arange(n).astype(str), "created_at": created,
        "first_response_at": created + first, "resolved_at": resolved,
        "team": rng.choice(TEAMS, n), "channel": rng.choice(["Email", "Chat", "Phone"], n),
        "agent": rng.choice([f"agent {i}" for i in range(60)], n),
        "customer_id": rng.integers(0, n // 4, n).astype(str),
        "agent_replies": rng.poisson(2, n).astype(float), "reopens": rng.poisson(0.1, n),
        "sla_met": rng.random(n) > 0.1, "is_escalated": rng.random(n) > 0.95,
        "handle_minutes": rng.lognormal(2.5, 0.8, n),
    })  # fmt: skip


def pandas_page(t: pd.DataFrame, teams: list[str]) -> pd.DataFrame:
    """The same monthly aggregation in plain pandas (the baseline of the ratio)."""
    t = t[t.team.isin(teams)]
    minutes = pd.Timedelta(minutes=1)
    created = t.created_at.dt.to_period("M")
    resolved = t.resolved_at.dt.to_period("M")
    later = t.sort_values(["customer_id", "created_at"]).groupby("customer_id").created_at
    repeat = (later.shift(-1) - t.created_at) <= pd.Timedelta(days=7)
    by_created = t.assign(
        frt=(t.first_response_at - t.created_at) / minutes, repeat=repeat, m=created
    ).groupby("m").agg(n=("ticket_id", "size"), frt=("frt", "median"),
                       sla=("sla_met", "mean"), esc=("is_escalated", "mean"),
                       repeat=("repeat", "mean"))  # fmt: skip
    r = t[t.resolved_at.notna()]
    by_resolved = r.assign(
        res=(r.resolved_at - r.created_at) / minutes, fcr=r.agent_replies <= 1,
        reopened=r.reopens > 0, m=resolved[r.index], day=r.resolved_at.dt.date,
    ).groupby("m").agg(n=("ticket_id", "size"), res=("res", "median"),
                       handle=("handle_minutes", "median"), fcr=("fcr", "mean"),
                       replies=("agent_replies", "mean"), reopen=("reopened", "mean"))  # fmt: skip
    opened = by_created["n"].cumsum()
    closed = by_resolved["n"].reindex(opened.index, fill_value=0).cumsum()
    return by_created.join(by_resolved.add_suffix("_r")).assign(backlog=opened - closed)


def main() -> None:
    """Build the data, warm up, then time the engine and pandas after a filter change."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    frame = tickets(args.rows)
    data = build_dataset({TableKind.TICKETS: frame})
    year = (date(2024, 1, 1), date(2024, 12, 31))

    def request(teams: list[str]) -> KpiRequest:
        return KpiRequest(KPIS, "month", *year, filters={"team": teams}, data_range=year)

    compute(data, request(TEAMS[:1]), Settings())  # warm-up: backend and compiled queries
    reused, compiled, baseline = [], [], []
    for i in range(args.repeat):
        teams = [TEAMS[i % len(TEAMS)], TEAMS[(i + 1) % len(TEAMS)]]  # a new filter each time
        reused.append(_timed(lambda t=teams: compute(data, request(t), Settings())))
        compiled.append(_timed(lambda t=teams: _plain_ibis(data, request(t))))
        baseline.append(_timed(lambda t=teams: pandas_page(frame, t)))
    e, c, p = (float(np.median(x)) for x in (reused, compiled, baseline))
    print(f"{args.rows:,} tickets, {len(KPIS)} KPIs monthly, filter on 2 teams, "
          f"median of {args.repeat}")  # fmt: skip
    print(f"engine, compiled SQL reused:  {e * 1000:.0f} ms  (target: under 100 ms at 1M)")
    print(f"engine, compiling every time: {c * 1000:.0f} ms")
    print(f"cached pandas frame:          {p * 1000:.0f} ms")
    print(f"ratio engine / pandas: {e / p:.2f}; compiling every time / reused: {c / e:.2f}")


def _timed(run) -> float:
    t0 = time.perf_counter()
    run()
    return time.perf_counter() - t0


def _plain_ibis(data, request: KpiRequest) -> None:
    """The engine without compiled-query reuse: every query compiled by Ibis again."""
    keep = engine.stand_ins
    engine.stand_ins = lambda d: (d, Sources())
    try:
        compute(data, request, Settings())
    finally:
        engine.stand_ins = keep


if __name__ == "__main__":
    main()
