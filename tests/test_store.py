"""Dataset on DuckDB: tables, labels, and segments inherited from tickets."""

from __future__ import annotations

import weakref

import pandas as pd

from dashboard.backend import in_memory_duckdb
from dashboard.schema import TableKind as K
from dashboard.store import build_dataset


def _tickets() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "ticket_id": ["1", "2", "3"],
            "created_at": pd.to_datetime(["2024-01-01", "2024-01-02", "2024-02-01"]),
            "team": ["Billing", "Tech", "Tech"],
            "sla_met": pd.array([True, False, None], dtype="boolean"),
            "product_list": ["A", "B", "A"],
        }
    )


def test_surveys_inherit_ticket_segments_but_keep_their_own() -> None:
    surveys = pd.DataFrame(
        {
            "ticket_id": ["1", "3", "99"],
            "responded_at": pd.to_datetime(["2024-01-03", "2024-02-02", "2024-02-05"]),
            "score": [5.0, 1.0, 4.0],
            "team": [None, "Own team", None],
        }
    )
    ds = build_dataset(
        {K.TICKETS: _tickets(), K.SURVEYS: surveys},
        kept_labels={K.TICKETS: {"product_list": "Product [list]"}},
    )
    got = ds.table(K.SURVEYS).order_by("responded_at").to_pandas()
    assert len(got) == 3  # the orphan answer (ticket 99) stays
    assert got["team"].tolist()[:2] == ["Billing", "Own team"]
    assert pd.isna(got["team"].iloc[2])
    assert got["product_list"].tolist()[:2] == ["A", "A"]
    assert got["ticket_sla_met"].tolist()[0] is True
    assert ds.segment_columns(K.SURVEYS)["product_list"] == "Product [list]"


def test_dataset_reports_kinds_and_columns() -> None:
    ds = build_dataset({K.TICKETS: _tickets()})
    assert ds.has(K.TICKETS) and not ds.has(K.SURVEYS)
    assert "created_at" in ds.columns(K.TICKETS)
    assert ds.columns(K.REVIEWS) == ()
    assert ds.table(K.TICKETS).count().execute() == 3


def test_duplicate_ticket_ids_do_not_multiply_survey_rows() -> None:
    tickets = pd.concat([_tickets(), _tickets().iloc[[0]]], ignore_index=True)
    surveys = pd.DataFrame(
        {"ticket_id": ["1"], "responded_at": pd.to_datetime(["2024-01-03"]), "score": [5.0]}
    )
    ds = build_dataset({K.TICKETS: tickets, K.SURVEYS: surveys})
    assert ds.table(K.SURVEYS).count().execute() == 1


def test_consuming_frees_each_frame_before_the_next_table_is_stored() -> None:
    """With `consume`, the parsed frames and the backend's copies never all coexist: the
    ticket frame is gone by the time the surveys are stored (the peak memory of a load)."""
    surveys = pd.DataFrame(
        {"ticket_id": ["1"], "responded_at": pd.to_datetime(["2024-01-03"]), "score": [5.0]}
    )
    frames = {K.TICKETS: _tickets(), K.SURVEYS: surveys}
    del surveys
    alive = {kind: weakref.ref(frame) for kind, frame in frames.items()}
    con = in_memory_duckdb()
    create = con.create_table
    seen: list[tuple[str, bool]] = []

    def recording(name, obj=None, **kwargs):
        seen.append((name, alive[K.TICKETS]() is not None))
        return create(name, obj, **kwargs)

    con.create_table = recording
    ds = build_dataset(frames, con=con, consume=True)
    assert frames == {}
    assert seen[0] == ("tickets", False)  # its frame was conformed and let go
    assert ("surveys", False) in seen
    assert alive[K.SURVEYS]() is None
    assert ds.table(K.TICKETS).count().execute() == 3
    assert ds.table(K.SURVEYS).count().execute() == 1


def test_without_consuming_the_caller_keeps_its_frames() -> None:
    frames = {K.TICKETS: _tickets()}
    ds = build_dataset(frames)
    assert list(frames) == [K.TICKETS] and len(frames[K.TICKETS]) == 3
    assert ds.table(K.TICKETS).count().execute() == 3


def test_segment_columns_are_those_with_values() -> None:
    """A survey file without teams offered 'CSAT by team' with one '(blank)' dot."""
    surveys = pd.DataFrame({
        "responded_at": pd.to_datetime(["2024-03-01", "2024-03-02"]), "score": [5.0, 2.0],
        "scale_min": [1.0, 1.0], "scale_max": [5.0, 5.0], "survey_type": ["csat", "csat"],
        "channel": ["Email", None],
    })  # fmt: skip
    ds = build_dataset({K.SURVEYS: surveys})
    assert list(ds.segment_columns(K.SURVEYS)) == ["channel"]
