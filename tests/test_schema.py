"""Canonical table definitions and `conform`."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from dashboard import schema
from dashboard.schema import COLUMNS, KEY_COLUMN, MAIN_DATE, TableKind


def test_every_kind_has_columns_a_main_date_and_key_entry() -> None:
    for kind in TableKind:
        names = [c.name for c in COLUMNS[kind]]
        assert len(names) == len(set(names)), f"duplicate column in {kind}"
        assert MAIN_DATE[kind] in names
        assert KEY_COLUMN[kind] is None or KEY_COLUMN[kind] in names


def test_canonical_names_are_snake_case_ascii() -> None:
    for kind in TableKind:
        for col in COLUMNS[kind]:
            assert col.name == col.name.lower() and col.name.isascii(), col.name
            assert " " not in col.name


def test_conform_adds_missing_columns_and_keeps_extras_as_text() -> None:
    frame = pd.DataFrame(
        {"ticket_id": ["7"], "created_at": [pd.Timestamp("2024-03-01 10:00")], "Region code": [3]}
    )
    out = schema.conform(TableKind.TICKETS, frame)
    assert list(out.columns[: len(COLUMNS[TableKind.TICKETS])]) == [
        c.name for c in COLUMNS[TableKind.TICKETS]
    ]
    assert out["sla_met"].dtype == "boolean" and out["sla_met"].isna().all()
    assert out["created_at"].dtype == "datetime64[us]"
    assert out["Region code"].tolist() == ["3"]


def test_conform_shares_the_columns_already_canonical_without_changing_its_input() -> None:
    """No copy of a 1M-ticket frame at store time, and the caller's frame stays as it was."""
    created = pd.to_datetime(["2024-03-01 10:00", "2024-03-02 11:00"]).astype("datetime64[us]")
    frame = pd.DataFrame({"created_at": created, "first_response_minutes": [5.0, 7.5]})
    out = schema.conform(TableKind.TICKETS, frame)
    for name in frame.columns:
        assert np.shares_memory(out[name].to_numpy(), frame[name].to_numpy()), name
    out["first_response_minutes"] = [1.0, 2.0]
    out.loc[0, "created_at"] = pd.Timestamp("2030-01-01")
    assert frame["first_response_minutes"].tolist() == [5.0, 7.5]
    assert frame["created_at"].iloc[0] == pd.Timestamp("2024-03-01 10:00")


def test_column_lookup_rejects_unknown_names() -> None:
    assert schema.column(TableKind.SURVEYS, "score").dtype == "float"
    with pytest.raises(ValueError, match="no canonical column"):
        schema.column(TableKind.SURVEYS, "nope")


def test_empty_frame_has_canonical_dtypes() -> None:
    frame = schema.empty_frame(TableKind.ACCOUNTS)
    assert len(frame) == 0
    assert frame["churned_at"].dtype == "datetime64[us]"
