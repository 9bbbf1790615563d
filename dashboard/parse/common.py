"""Shared pieces of the value parsers: the result shape and the unique-value round trip.

Every parser reads a column of export text (pandas `string`, <NA> for an empty cell), works on
the distinct values only, and spreads the answers back over the rows. Surrounding whitespace is
trimmed and a blank cell counts as empty: empty in gives <NA> out and is never a failure.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc


@dataclass(frozen=True, slots=True)
class Parsed:
    """Typed values of one column plus the cells that had text but could not be read.

    Attributes:
        values: typed result, same index and length as the input.
        failed: bool per row; True where a non-empty cell could not be read (value is <NA>).
        note: one human sentence saying what was decided (format, unit, decimal mark).
    """

    values: pd.Series
    failed: np.ndarray
    note: str


@dataclass(frozen=True, slots=True)
class Distinct:
    """The distinct trimmed, non-empty texts of a column and where each row points.

    Attributes:
        texts: the distinct values as an Arrow string array.
        codes: per row, the position in `texts`; -1 for an empty cell.
    """

    texts: pa.Array
    codes: np.ndarray

    def __len__(self) -> int:
        """Number of distinct values."""
        return len(self.texts)

    def spread(self, per_unique: np.ndarray, empty: object) -> np.ndarray:
        """Per-row array from one answer per distinct value (`empty` where the cell is empty)."""
        filler = np.array([empty], dtype=per_unique.dtype)
        return np.concatenate([per_unique, filler])[self.codes]

    def spread_failed(self, per_unique: np.ndarray) -> np.ndarray:
        """Per-row failure mask; empty cells are never failures."""
        return self.spread(np.asarray(per_unique, dtype=bool), False)

    def row_counts(self) -> np.ndarray:
        """How many rows hold each distinct value."""
        valid = self.codes[self.codes >= 0]
        return np.bincount(valid, minlength=len(self.texts))


_SKIP_FACTORISE_ROWS = 50_000  # columns this long are checked for being mostly unique
_PROBE = 5_000  # values looked at to judge that


def distinct(values: pd.Series) -> Distinct:
    """Trim, treat blank as empty and factorise a text column (TypeError if not a Series).

    A long column whose values are mostly unique (timestamps, ids) is not factorised: hashing a
    million distinct strings costs more than reading each once, so `texts` then holds every
    non-empty cell in row order (repeats allowed; every answer per text is still right).
    """
    if not isinstance(values, pd.Series):
        raise TypeError(f"expected a pandas Series, got {type(values).__name__}")
    arr = pa.array(values.astype("string").array)
    if isinstance(arr, pa.ChunkedArray):
        arr = arr.combine_chunks()
    arr = arr.cast(pa.large_string())
    arr = pc.utf8_trim_whitespace(arr)
    arr = pc.if_else(pc.equal(arr, ""), pa.scalar(None, pa.large_string()), arr)
    if len(arr) >= _SKIP_FACTORISE_ROWS and _mostly_unique(arr):
        valid = pc.is_valid(arr).to_numpy(zero_copy_only=False)
        codes = np.where(valid, np.cumsum(valid) - 1, -1).astype(np.intp)
        return Distinct(texts=pc.drop_null(arr), codes=codes)
    encoded = pc.dictionary_encode(arr)
    codes = pc.fill_null(encoded.indices, -1).to_numpy(zero_copy_only=False)
    return Distinct(texts=encoded.dictionary, codes=codes.astype(np.intp))


def _mostly_unique(arr: pa.Array) -> bool:
    """Nine in ten of an evenly spread sample of non-empty values are different.

    The bar is high on purpose: 5,000 draws from a column of 12,000 distinct values (say,
    durations in minutes) are already four in five different, and such a column is worth
    factorising; timestamps and ids come out near one in one.
    """
    step = max(len(arr) // _PROBE, 1)
    probe = pc.drop_null(arr[::step])
    return len(probe) > 0 and len(pc.unique(probe)) > 0.9 * len(probe)


def plural(n: int, word: str) -> str:
    """'1 value' / '3 values'."""
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def failure_note(failed: np.ndarray) -> str:
    """'; 3 values could not be read' or '' when none failed."""
    n = int(np.count_nonzero(failed))
    return f"; {plural(n, 'value')} could not be read" if n else ""
