"""Regression: the frames ingest hands on have one Arrow chunk per column, whatever the size.

Found by tests/test_fuzz_ingest.py and bench/generate_large.py: a header-only export (no
chunk) and any CSV larger than Arrow's 4 MiB read block (many chunks) crashed `load_files`
with AttributeError in the value parsers, which expect `pa.array(series.array)` to give an
Array, not a ChunkedArray.
"""

from __future__ import annotations

import pyarrow as pa

from dashboard.config import Settings
from dashboard.ingest import read_file
from dashboard.load.pipeline import SourceFile, load_files

HEADER = "Id,Created at,Solved at,Status,Group,Satisfaction Score,Replies\r\n"


def test_fuzz_large_csv_columns_are_single_arrays() -> None:
    row = "{i},2024-03-01 10:00:00,,Open,Tier 1,Good,3\r\n"
    data = (HEADER + "".join(row.format(i=i) for i in range(1, 200_001))).encode()
    assert len(data) > 8 << 20  # several Arrow blocks
    (table,) = read_file(data, "tickets.csv")
    for name in table.frame.columns:
        assert isinstance(pa.array(table.frame[name].array), pa.Array), name
    _, loaded = load_files([SourceFile("tickets.csv", data)], Settings())
    assert not loaded.errors and loaded.reports[0].rows_used == 200_000


def test_fuzz_header_only_export_loads_with_no_rows() -> None:
    (table,) = read_file(HEADER.encode(), "tickets.csv")
    assert isinstance(pa.array(table.frame["Id"].array), pa.Array)
    _, loaded = load_files([SourceFile("tickets.csv", HEADER.encode())], Settings())
    assert all(report.rows_read == 0 and report.is_balanced for report in loaded.reports)
