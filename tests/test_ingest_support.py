"""Shared checks for the ingest tests: every table must satisfy the reading contract."""

from __future__ import annotations

import numpy as np
import pandas as pd

from dashboard.ingest import RawTable, read_file
from dashboard.ingest.delimited import read_delimited


def check_table(table: RawTable) -> None:
    """The invariants every RawTable keeps, whatever the input."""
    report, frame = table.report, table.frame
    excluded = sum(1 for issue in report.issues if issue.is_exclusion)
    assert report.rows_read == len(frame) + excluded
    assert table.lines.dtype == np.int64 and len(table.lines) == len(frame)
    assert list(table.lines) == sorted(table.lines)
    assert all(line > report.header_line for line in table.lines)
    assert len(table.headers) == frame.shape[1] == len(set(frame.columns))
    assert all(len(row) == len(table.headers) for row in table.header_extra)
    assert len(table.header_extra) == report.header_rows - 1
    assert all(dtype == "string" for dtype in frame.dtypes)
    for name in frame.columns[:50]:  # value checks on a sample: wide tests stay fast
        values = frame[name].dropna()
        assert (values == values.str.strip()).all() and (values != "").all()


def read_one(
    data: bytes, name: str = "t.csv", *, compare: bool = True, **kwargs: object
) -> RawTable:
    """Read a file that must give one table; for text, both readers must agree exactly."""
    tables = read_file(data, name, **kwargs)  # type: ignore[arg-type]
    assert len(tables) == 1
    table = tables[0]
    check_table(table)
    if compare and table.report.format == "csv":
        slow = read_delimited(data, name, force_csv_module=True)
        check_table(slow)
        pd.testing.assert_frame_equal(table.frame, slow.frame)
        assert table.lines.tolist() == slow.lines.tolist()
        assert table.report == slow.report
    return table


def values(table: RawTable) -> list[list[str | None]]:
    """Frame cells as lists, NA as None."""
    return [[None if pd.isna(v) else v for v in row] for row in table.frame.to_numpy().tolist()]
