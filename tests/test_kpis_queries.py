"""KPI queries built once per request shape (`dashboard.kpis.queries`).

A filter change must rerun the queries already built (no Ibis expression built again) and
still give the new filter's rows, exactly as plain Ibis does; queries over real tables (other
backends) are never kept, and the memo stays bounded.
"""

from __future__ import annotations

from datetime import date
from types import SimpleNamespace

import ibis
import pandas as pd
import pytest

from dashboard.config import Settings
from dashboard.kpis import KPIS, KpiRequest, compute, engine, queries, states
from dashboard.kpis.compiled import Sources
from dashboard.samples import load_sample
from dashboard.schema import TableKind

KEYS = ("tickets_created", "backlog", "first_response_time", "agent_productivity", "csat", "nps")


@pytest.fixture(scope="module")
def sample():
    data, _ = load_sample()
    return data


@pytest.fixture
def builds(monkeypatch):
    """How many times the engine built its queries (aggregates and backlog)."""
    count = SimpleNamespace(n=0)

    def counted(original):
        def build(*args, **kwargs):
            count.n += 1
            return original(*args, **kwargs)

        return build

    monkeypatch.setattr(queries, "_build", counted(queries._build))
    monkeypatch.setattr(states, "_queries", counted(states._queries))
    return count


def _request(teams, series=True, by=None):
    return KpiRequest(KEYS, "month", date(2025, 1, 1), date(2025, 12, 31),
                      {"team": teams}, by=by, series=series)  # fmt: skip


@pytest.mark.parametrize(("series", "by"), [(True, None), (False, None), (True, "channel")])
def test_a_filter_change_builds_no_query_again(sample, builds, monkeypatch, series, by) -> None:
    compute(sample, _request(["Billing"], series, by), Settings())
    assert builds.n > 0
    before = builds.n
    technical = compute(sample, _request(["Technical Support"], series, by), Settings()).frame
    assert builds.n == before  # the same shape: every query reused
    billing = compute(sample, _request(["Billing"], series, by), Settings()).frame
    created = [f[(f.kpi == "tickets_created") & (f.period == "all") & (f.segment == "")]
               .value.iloc[0] for f in (billing, technical)]  # fmt: skip
    assert created[0] != created[1]  # the new filter's rows, not the old result
    with monkeypatch.context() as m:
        m.setattr(engine, "stand_ins", lambda d: (d, Sources()))
        plain = compute(sample, _request(["Technical Support"], series, by), Settings()).frame
    pd.testing.assert_frame_equal(technical, plain)


def test_a_new_shape_or_setting_builds_its_own_queries(sample, builds) -> None:
    compute(sample, _request(["Billing"]), Settings())
    before = builds.n
    compute(sample, _request(["Billing"]), Settings(repeat_contact_days=3))
    assert builds.n > before


def test_queries_on_real_tables_are_not_kept(sample) -> None:
    table = sample.table(TableKind.TICKETS)  # bound to this session's backend
    kept = len(queries._memo)
    kpis = [KPIS["tickets_created"]]
    request = _request([])
    seg = ibis.literal("")
    first = queries.build(table, "created_at", kpis, request, Settings(), seg)
    again = queries.build(table, "created_at", kpis, request, Settings(), seg)
    assert first is not again
    assert len(queries._memo) == kept


def test_the_memo_is_bounded(monkeypatch) -> None:
    monkeypatch.setattr(queries, "_memo", type(queries._memo)())
    for i in range(queries.MEMO_SIZE + 20):
        assert queries.reuse(("k", i), lambda i=i: i) == i
    assert len(queries._memo) == queries.MEMO_SIZE
    assert queries.reuse(("k", 0), lambda: "built again") == "built again"  # evicted first
    assert queries.reuse(("k", queries.MEMO_SIZE + 19), lambda: "no") == queries.MEMO_SIZE + 19
