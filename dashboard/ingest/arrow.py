"""Arrow's multi-threaded CSV reader, configured to return every field as text.

Arrow does the heavy lifting for large files; it cannot report line numbers, so it is given
the data region only (after the header block) and positional column names, and every record
whose field count differs from the header is skipped and counted here, to be re-read by the
csv module (records that don't fit are rare, and need exact wording anyway).
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from functools import reduce

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pacsv

MIN_BLOCK = 1 << 22


def read_region(
    text: memoryview, delimiter: str, width: int, *, has_quotes: bool, longest: int
) -> tuple[pa.Table, int]:
    """Parse `text` as headerless records of `width` fields; return the table and skips.

    Raises:
        pyarrow.ArrowInvalid: Arrow could not parse the text (the caller falls back).
    """
    skipped = [0]

    def on_invalid(_row: object) -> str:
        skipped[0] += 1
        return "skip"

    names = [f"f{j}" for j in range(width)]
    read = pacsv.ReadOptions(
        column_names=names, block_size=int(min(2**31 - 1, max(MIN_BLOCK, 4 * longest)))
    )
    parse = pacsv.ParseOptions(
        delimiter=delimiter,
        quote_char='"',
        double_quote=True,
        escape_char=False,
        newlines_in_values=has_quotes,
        ignore_empty_lines=True,
        invalid_row_handler=on_invalid,
    )
    convert = pacsv.ConvertOptions(
        column_types=dict.fromkeys(names, pa.string()),
        strings_can_be_null=True,
        quoted_strings_can_be_null=True,
        null_values=[""],
        check_utf8=False,  # validated (or transcoded) before
    )
    table = pacsv.read_csv(pa.BufferReader(pa.py_buffer(text)), read, parse, convert)
    return table, skipped[0]


def clean(columns: list[pa.ChunkedArray | None], names: Sequence[str]) -> pa.Table:
    """Strip surrounding whitespace from every value and turn empty strings into nulls.

    `columns` is consumed: each raw column is let go as soon as its cleaned copy exists, so the
    raw and the cleaned text of a large file never both exist whole (the caller must hold no
    other reference, e.g. to the table they came from). Columns are cleaned in parallel:
    Arrow's kernels release the GIL.
    """

    def one(j: int) -> pa.ChunkedArray:
        column, columns[j] = columns[j], None
        return _clean_column(column)

    with ThreadPoolExecutor(max_workers=min(8, os.cpu_count() or 1)) as pool:
        cleaned = list(pool.map(one, range(len(columns))))
    return pa.table(cleaned, names=list(names))


def _clean_column(column: pa.ChunkedArray) -> pa.ChunkedArray:
    """Trimmed, empty as null, and in one chunk (combined here, in parallel; see to_frame)."""
    trimmed = pc.utf8_trim_whitespace(column)
    empty = pc.equal(pc.binary_length(trimmed), 0)
    if pc.any(empty).as_py():
        trimmed = pc.if_else(empty, pa.scalar(None, pa.string()), trimmed)
    if trimmed.num_chunks == 1:
        return trimmed
    return pa.chunked_array([trimmed.combine_chunks()], type=pa.string())


def blank_mask(table: pa.Table) -> np.ndarray:
    """True for rows whose cells are all null (lines of delimiters only)."""
    if table.num_columns == 0:
        return np.zeros(table.num_rows, dtype=bool)
    nulls = [pc.is_null(c) for c in table.columns]
    return np.asarray(reduce(pc.and_, nulls), dtype=bool)


def header_copies(table: pa.Table, headers: Sequence[str]) -> np.ndarray:
    """Row positions whose cells equal the header text (empty header cell: null)."""
    first = next((j for j, h in enumerate(headers) if h), None)
    if first is None or table.num_rows == 0:
        return np.zeros(0, dtype=np.int64)
    candidates = np.flatnonzero(
        np.asarray(pc.fill_null(pc.equal(table[first], headers[first]), False))
    )
    if len(candidates) == 0:
        return candidates
    sub = table.take(candidates)
    ok = np.ones(len(candidates), dtype=bool)
    for j, header in enumerate(headers):
        column = sub[j]
        same = pc.is_null(column) if not header else pc.fill_null(pc.equal(column, header), False)
        ok &= np.asarray(same, dtype=bool)
    return candidates[ok]


def from_rows(rows: Sequence[Sequence[str]], width: int) -> pa.Table:
    """An Arrow table (positional names, cleaned) from text rows already fitted to `width`."""
    names = [f"f{j}" for j in range(width)]
    columns = [
        pa.array([(row[j].strip() or None) for row in rows], type=pa.string()) for j in range(width)
    ]
    return pa.table(columns, names=names)


def to_frame(table: pa.Table, names: Sequence[str]) -> pd.DataFrame:
    """A pandas frame of `string` (Arrow-backed) columns named `names`, one chunk per column.

    Arrow reads in blocks, so a large file comes back in many chunks (and an empty one in
    none); the value parsers convert columns with `pa.array(series.array)`, which returns a
    ChunkedArray for anything but exactly one chunk. Each column is therefore combined into a
    single chunk (one copy of its text, column by column, so memory stays bounded).
    """
    if table.num_rows == 0:  # pandas drops an empty chunk; its own empty array keeps one
        empty = {name: pd.array([], dtype=pd.StringDtype("pyarrow")) for name in names}
        return pd.DataFrame(empty, index=pd.RangeIndex(0), columns=list(names))
    columns = [
        column if column.num_chunks == 1 else pa.chunked_array([column.combine_chunks()])
        for column in table.columns
    ]
    table = pa.table(columns, names=list(names))
    frame = table.to_pandas(types_mapper={pa.string(): pd.StringDtype("pyarrow")}.get)
    return frame.reset_index(drop=True)
