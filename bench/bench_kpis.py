"""Time the Overview's KPIs after a filter change on 1M tickets, against plain pandas.

Run: `python bench/bench_kpis.py [--rows N]`. A seeded frame of tickets (teams, channels, agents,
replies, SLA, reopens, durations over one year) is put on the embedded backend. The Overview
asks for every ticket KPI, monthly, over the shown half-year (July-December) and, for the cards'
comparison, the whole-range values of the half-year before, under a filter on two teams. The
engine runs both requests (a new filter means new rows: no result is cached, only compiled SQL);
it is timed with its compiled-query reuse and compiling every query again (plain Ibis, as before
that reuse existed). Pandas runs the same aggregation on an in-memory frame (filter, group by
month, counts, rates, medians, backlog; then the comparison half's totals), the common
cached-frame approach.
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


def pandas_totals(t: pd.DataFrame, teams: list[str], start: str, end: str) -> pd.Series:
    """The comparison period's whole-range values in plain pandas."""
    t = t[t.team.isin(teams)]
    minutes = pd.Timedelta(minutes=1)
    made = t[(t.created_at >= start) & (t.created_at < end)]
    later = t.sort_values(["customer_id", "created_at"]).groupby("customer_id").created_at
    repeat = ((later.shift(-1) - t.created_at) <= pd.Timedelta(days=7)).reindex(made.index)
    done = t[(t.resolved_at >= start) & (t.resolved_at < end)]
    agent_days = done.agent + "|" + done.resolved_at.dt.date.astype(str)
    return pd.Series({
        "created": len(made), "resolved": len(done),
        "frt": ((made.first_response_at - made.created_at) / minutes).median(),
        "res": ((done.resolved_at - done.created_at) / minutes).median(),
        "handle": done.handle_minutes.median(), "sla": made.sla_met.mean(),
        "esc": made.is_escalated.mean(), "repeat": repeat.mean(),
        "fcr": (done.agent_replies <= 1).mean(), "replies": done.agent_replies.mean(),
        "reopen": (done.reopens > 0).mean(), "per_agent_day": len(done) / agent_days.nunique(),
        "backlog": int((t.created_at < end).sum() - (t.resolved_at < end).sum()),
    })  # fmt: skip


def main() -> None:
    """Build the data, warm up, then time the engine and pandas after a filter change."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    frame = tickets(args.rows)
    data = build_dataset({TableKind.TICKETS: frame})
    data.settle()  # time the stored (compressed) tables, not the compressing
    year = (date(2024, 1, 1), date(2024, 12, 31))
    shown, before = (date(2024, 7, 1), date(2024, 12, 31)), (date(2024, 1, 1), date(2024, 6, 30))

    def page(teams: list[str], run=compute) -> None:
        """The Overview's two requests: the shown half-year's series, the comparison's totals."""
        filters = {"team": teams}
        run(data, KpiRequest(KPIS, "month", *shown, filters, data_range=year), Settings())
        run(data, KpiRequest(KPIS, "month", *before, filters, data_range=year, series=False),
            Settings())  # fmt: skip

    def pandas(teams: list[str]) -> None:
        pandas_page(frame[frame.created_at >= "2024-07-01"], teams)
        pandas_totals(frame, teams, "2024-01-01", "2024-07-01")

    page(TEAMS[:1])  # warm-up: backend and compiled queries
    reused, compiled, baseline = [], [], []
    for i in range(args.repeat):
        teams = [TEAMS[i % len(TEAMS)], TEAMS[(i + 1) % len(TEAMS)]]  # a new filter each time
        reused.append(_timed(lambda t=teams: page(t)))
        compiled.append(_timed(lambda t=teams: page(t, _plain_ibis)))
        baseline.append(_timed(lambda t=teams: pandas(t)))
    e, c, p = (float(np.median(x)) for x in (reused, compiled, baseline))
    print(f"{args.rows:,} tickets, {len(KPIS)} KPIs: a half-year monthly and the half before "
          f"in total, filter on 2 teams, median of {args.repeat}")  # fmt: skip
    print(f"engine, compiled SQL reused:  {e * 1000:.0f} ms  (target: under 100 ms at 1M)")
    print(f"engine, compiling every time: {c * 1000:.0f} ms")
    print(f"cached pandas frame:          {p * 1000:.0f} ms")
    print(f"ratio engine / pandas: {e / p:.2f}; compiling every time / reused: {c / e:.2f}")


def _timed(run) -> float:
    t0 = time.perf_counter()
    run()
    return time.perf_counter() - t0


def _plain_ibis(data, request: KpiRequest, settings: Settings) -> None:
    """The engine without compiled-query reuse: every query compiled by Ibis again."""
    keep = engine.stand_ins
    engine.stand_ins = lambda d: (d, Sources())
    try:
        compute(data, request, settings)
    finally:
        engine.stand_ins = keep


if __name__ == "__main__":
    main()
