"""Compiled queries kept across filter changes (`dashboard.kpis.compiled`).

The fast path must give exactly what plain Ibis gives, for every KPI table and request shape,
and a filter change must reuse the compiled SQL instead of compiling again.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from types import SimpleNamespace

import pandas as pd
import pytest

from dashboard.config import Settings
from dashboard.kpis import KPIS, KpiRequest, compute, engine
from dashboard.kpis.compiled import Sources, _template, stand_ins
from dashboard.samples import load_sample
from dashboard.schema import TableKind

START, END = date(2025, 1, 1), date(2025, 12, 31)


@pytest.fixture(scope="module")
def sample():
    data, _ = load_sample()
    return data


def _plain(data, request, settings, monkeypatch) -> pd.DataFrame:
    with monkeypatch.context() as m:
        m.setattr(engine, "stand_ins", lambda d: (d, Sources()))
        return compute(data, request, settings).frame


TWO_TEAMS = {"team": ["Billing", "Technical Support"]}
REQUESTS = [
    KpiRequest(tuple(KPIS), "month", START, END),
    KpiRequest(tuple(KPIS), "quarter", START, END, filters=TWO_TEAMS),
    KpiRequest(tuple(KPIS), "week", date(2025, 3, 1), date(2025, 6, 30), by="channel"),
    KpiRequest(
        ("csat", "nps", "qa_score", "backlog", "churn_rate"), "month", START, END,
        by="team", top_n=2, filters={"channel": ["Email", "Chat"]},
    ),
]  # fmt: skip


@pytest.mark.parametrize("request_", REQUESTS, ids=["all", "filtered", "by", "top_n"])
def test_fast_path_gives_what_plain_ibis_gives(sample, request_, monkeypatch) -> None:
    fast = compute(sample, request_, Settings()).frame
    plain = _plain(sample, request_, Settings(), monkeypatch)
    assert len(fast) > 10
    pd.testing.assert_frame_equal(fast, plain)


def test_fast_path_in_a_time_zone(sample, monkeypatch) -> None:
    settings = Settings(timezone="Asia/Shanghai")
    request = KpiRequest(("tickets_created", "first_response_time", "csat"), "day",
                         date(2025, 6, 1), date(2025, 6, 30))  # fmt: skip
    fast = compute(sample, request, settings).frame
    pd.testing.assert_frame_equal(fast, _plain(sample, request, settings, monkeypatch))


def test_a_filter_change_reuses_the_compiled_queries(sample, monkeypatch) -> None:
    keys = ("tickets_created", "first_response_time", "sla_compliance", "csat", "backlog")

    def request(teams):
        return KpiRequest(keys, "month", START, END, filters={"team": teams})

    compute(sample, request(["Billing"]), Settings())
    before = _template.cache_info()
    billing = compute(sample, request(["Billing"]), Settings()).frame
    technical = compute(sample, request(["Technical Support"]), Settings()).frame
    after = _template.cache_info()
    assert after.misses == before.misses  # nothing compiled again
    assert after.hits > before.hits
    created = [f[(f.kpi == "tickets_created") & (f.period == "all")].value.iloc[0]
               for f in (billing, technical)]  # fmt: skip
    assert created[0] != created[1]  # the new filter's rows, not the old result
    pd.testing.assert_frame_equal(
        technical, _plain(sample, request(["Technical Support"]), Settings(), monkeypatch)
    )


def test_other_backends_run_plain_ibis(sample) -> None:
    other = replace(sample, con=SimpleNamespace(name="postgres"))
    data, sources = stand_ins(other)
    assert data is other
    assert sources.con is None


def test_stand_ins_keep_the_schema(sample) -> None:
    data, sources = stand_ins(sample)
    for kind in (TableKind.TICKETS, TableKind.SURVEYS):
        assert data.table(kind).schema() == sample.table(kind).schema()
    assert len(sources.sql) == len(sample.tables)


def test_a_query_result_is_converted_as_ibis_converts_it(sample) -> None:
    """Flat results skip Ibis's second conversion pass; nested ones keep it: both must match."""
    data, sources = stand_ins(sample)
    fake, real = data.table(TableKind.TICKETS), sample.table(TableKind.TICKETS)

    def query(t):
        g = t.group_by(month=t.created_at.truncate("M"))
        return g.aggregate(n=t.count(), frt=t.first_response_minutes.mean(),
                           teams=t.team.collect(distinct=True).sort(), last=t.resolved_at.max(),
                           sla=t.sla_met.any()).order_by("month")  # fmt: skip

    fast = sources.frame(query(fake))
    plain = query(real).to_pandas()
    assert len(plain) > 5
    pd.testing.assert_frame_equal(fast, plain)
    flat = query(fake).drop("teams")
    pd.testing.assert_frame_equal(sources.frame(flat), query(real).drop("teams").to_pandas())
