"""The default backend keeps a session's tables compressed in memory, with the same answers."""

from __future__ import annotations

from datetime import date

import ibis
import numpy as np
import pandas as pd
import pandas.testing as pdt

from dashboard.backend import STORE, compress_in_background, in_memory_duckdb
from dashboard.config import Settings
from dashboard.kpis import KPIS, KpiRequest, compute
from dashboard.load.pipeline import inspect_files
from dashboard.samples import sample_files
from dashboard.schema import TableKind as K
from dashboard.store import build_dataset


def _duckdb_mb(con) -> float:
    rows = con.raw_sql("SELECT sum(memory_usage_bytes) FROM duckdb_memory()").fetchall()
    return rows[0][0] / 2**20


def _tickets(n: int) -> pd.DataFrame:
    rng = np.random.default_rng(3)
    created = pd.Timestamp("2025-01-01") + pd.to_timedelta(rng.integers(0, 365 * 86400, n), "s")
    return pd.DataFrame(
        {
            "ticket_id": [f"T-{i}" for i in range(n)],
            "created_at": created,
            "team": rng.choice(["Billing", "Tech", "Sales"], n),
            "channel": rng.choice(["email", "chat"], n),
            "agent_replies": rng.integers(1, 6, n).astype(float),
            "resolution_minutes": rng.exponential(600, n).round(),
        }
    )


def test_tables_are_stored_compressed_and_answer_the_same() -> None:
    frame = _tickets(200_000)
    plain = build_dataset({K.TICKETS: frame.copy()}, con=ibis.duckdb.connect())
    packed = build_dataset({K.TICKETS: frame.copy()})
    assert packed.con.raw_sql("SELECT current_database()").fetchall()[0][0] == STORE
    query = lambda t: (  # noqa: E731
        t.group_by("team")
        .aggregate(n=t.count(), replies=t.agent_replies.sum(), med=t.resolution_minutes.median())
        .order_by("team")
        .to_pandas()
    )
    expected = query(plain.table(K.TICKETS))
    # queried while the tables are being compressed, and after
    pdt.assert_frame_equal(query(packed.table(K.TICKETS)), expected)
    packed.settle()
    assert not packed.compressing.is_alive()
    pdt.assert_frame_equal(query(packed.table(K.TICKETS)), expected)
    # the same table in under half the memory (about a fifth on real exports)
    assert _duckdb_mb(packed.con) < 0.5 * _duckdb_mb(plain.con)


def test_every_sample_kpi_is_the_same_on_the_compressed_store() -> None:
    loaded = inspect_files(sample_files(), Settings())
    frames = {kind: pd.concat(parts, ignore_index=True) for kind, parts in loaded.frames.items()}
    request = KpiRequest(tuple(KPIS), "month", date(2025, 1, 1), date(2025, 12, 31))
    results = []
    for con in (ibis.duckdb.connect(), None):
        copies = {kind: frame.copy() for kind, frame in frames.items()}
        data = build_dataset(copies, kept_labels=loaded.kept, con=con)
        data.settle()
        results.append(compute(data, request, Settings()).frame)
    order = ["kpi", "segment_value", "period"]
    plain, packed = (r.sort_values(order).reset_index(drop=True) for r in results)
    assert len(plain) > 100
    pdt.assert_frame_equal(packed, plain)


def test_a_connection_of_our_own_is_left_as_it_is_and_stays_usable() -> None:
    con = ibis.duckdb.connect()
    data = build_dataset({K.TICKETS: _tickets(50)}, con=con)
    assert data.compressing is None
    assert compress_in_background(con) is None  # and no result left open on the connection
    assert data.table(K.TICKETS).count().execute() == 50
    assert con.raw_sql("SELECT current_database()").fetchall()[0][0] == "memory"


def test_the_store_writes_nothing_to_disk(tmp_path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    con = in_memory_duckdb()
    build_dataset({K.TICKETS: _tickets(1_000)}, con=con).settle()
    files = con.raw_sql("SELECT path FROM duckdb_databases() WHERE path IS NOT NULL").fetchall()
    assert files == []
    assert list(tmp_path.iterdir()) == []


def _surveys(n: int) -> pd.DataFrame:
    rng = np.random.default_rng(4)
    return pd.DataFrame(
        {
            "response_id": [f"R-{i}" for i in range(n)],
            "ticket_id": [f"T-{i}" for i in range(n)],
            "survey_type": "csat",
            "score": rng.integers(1, 6, n).astype(float),
            "scale_min": 1.0,
            "scale_max": 5.0,
            "responded_at": pd.Timestamp("2025-06-01")
            + pd.to_timedelta(rng.integers(0, 86400 * 30, n), "s"),
        }
    )


def test_other_tables_are_stored_beside_the_tickets_and_compressed_too() -> None:
    """Surveys and reviews live in a database of their own, so storing them is not held back
    while the ticket table compresses; they are compressed after it, and answer the same."""
    from dashboard.backend import SIDE

    tickets, surveys = _tickets(50_000), _surveys(200_000)
    plain = build_dataset({K.TICKETS: tickets.copy(), K.SURVEYS: surveys.copy()},
                          con=ibis.duckdb.connect())  # fmt: skip
    packed = build_dataset({K.TICKETS: tickets.copy(), K.SURVEYS: surveys.copy()})
    rows = packed.con.raw_sql(
        "SELECT table_name, database_name FROM duckdb_tables() WHERE NOT internal"
    ).fetchall()
    assert dict(rows) == {"tickets": STORE, "surveys": SIDE}
    packed.settle()
    request = KpiRequest(("csat", "tickets_created"), "month", date(2025, 1, 1), date(2025, 12, 31),
                         {"team": ["Tech"]})  # fmt: skip
    pdt.assert_frame_equal(
        compute(packed, request, Settings()).frame, compute(plain, request, Settings()).frame
    )
    blocks = packed.con.raw_sql(
        "SELECT count(*) FROM pragma_storage_info('servicegap_side.main.surveys') "
        "WHERE compression NOT IN ('Uncompressed', 'Constant', 'Empty', 'Validity')"
    ).fetchall()[0][0]
    assert blocks > 0  # the survey columns were compressed (dictionary, bit-packing...)
