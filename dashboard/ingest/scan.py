"""Find every record of a delimited text in vectorised passes: byte span, line, field count.

The fast reader (Arrow) returns values but no line numbers, so these passes supply them. They
follow RFC 4180 quoting by parity: a line feed or delimiter is inside a quoted field when an
odd number of `"` precede it. That is exact for well-formed files; where a stray quote makes it
disagree with the parser, the caller notices (record counts differ) and re-reads the file with
the csv module. Field counts cost a second pass, made only when some record does not fit the
header. Work is done in chunks so memory stays at a few times the chunk size.
"""

from __future__ import annotations

import os
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

import numpy as np

CHUNK = 1 << 24
_LF, _CR, _QUOTE = 10, 13, 34


@dataclass(frozen=True, slots=True)
class Records:
    """Per record (blank lines included): byte span and the physical line it starts on."""

    starts: np.ndarray  # int64 byte offset where the record starts
    ends: np.ndarray  # int64 byte offset after its last character (line ending excluded)
    lines: np.ndarray  # int64 1-based physical line where the record starts
    has_quotes: bool
    has_odd_quotes: bool = False  # an unbalanced quote: parity cannot be trusted after it

    def __len__(self) -> int:
        return len(self.starts)

    @property
    def is_empty(self) -> np.ndarray:
        """True for empty lines (no character before the line ending)."""
        return self.ends <= self.starts


def scan_records(buf: np.ndarray) -> Records:
    """Split UTF-8 bytes `buf` (uint8) into records at line feeds outside quotes.

    The line feeds and quotes of each chunk are found on two threads (numpy lets go of the
    GIL while it compares and gathers); the quote parity that carries from chunk to chunk is
    then followed in order.
    """
    ends: list[np.ndarray] = []
    ordinals: list[np.ndarray] = []  # index of each record-ending LF among all LFs
    n_lf = n_quotes = 0
    with ThreadPoolExecutor(max_workers=min(2, os.cpu_count() or 1)) as pool:
        found = list(pool.map(lambda base: _marks(buf, base), range(0, len(buf), CHUNK)))
    for base, (lf, odd, quotes) in zip(range(0, len(buf), CHUNK), found, strict=True):
        if odd is not None or n_quotes % 2:
            inside = odd if odd is not None else np.zeros(len(lf), dtype=bool)
            outside = inside == bool(n_quotes % 2)
            ordinals.append(n_lf + np.flatnonzero(outside))
            ends.append(lf[outside] + base)
        else:
            ordinals.append(n_lf + np.arange(len(lf)))
            ends.append(lf + base)
        n_lf += len(lf)
        n_quotes += quotes
    lf_at = np.concatenate(ends) if ends else np.zeros(0, np.int64)
    ordinal = np.concatenate(ordinals) if ordinals else np.zeros(0, np.int64)
    starts = np.concatenate(([0], lf_at + 1)).astype(np.int64)
    stops = np.concatenate((lf_at, [len(buf)])).astype(np.int64)
    lines = np.concatenate(([1], ordinal + 2)).astype(np.int64)
    if starts[-1] >= len(buf):  # the text ends with a line feed: nothing after it
        starts, stops, lines = starts[:-1], stops[:-1], lines[:-1]
    crlf = (stops > starts) & (buf[np.maximum(stops - 1, 0)] == _CR)
    return Records(starts, stops - crlf, lines, n_quotes > 0, n_quotes % 2 == 1)


def _marks(buf: np.ndarray, base: int) -> tuple[np.ndarray, np.ndarray | None, int]:
    """The chunk at `base`: offsets of its line feeds, whether an odd number of the chunk's
    quotes precede each (None: the chunk has no quote), and its number of quotes.

    Only these small results are kept, never the quotes' offsets (tens of millions in an
    export that quotes every value), so finding them on two threads costs no memory.
    """
    chunk = buf[base : base + CHUNK]
    lf = np.flatnonzero(chunk == _LF)
    quotes = np.flatnonzero(chunk == _QUOTE)
    if len(quotes) == 0:
        return lf, None, 0
    return lf, np.searchsorted(quotes, lf) % 2 == 1, len(quotes)


def count_fields(buf: np.ndarray, records: Records, delimiter: str, first: int = 0) -> np.ndarray:
    """Fields per record from record `first` on (0 for empty lines), quote-aware.

    Records start outside quotes (that is how they were split), so each group of records can
    be counted on its own: parity is the running XOR of quote marks within the group.
    """
    delim = ord(delimiter)
    starts, ends = records.starts[first:], records.ends[first:]
    counts = np.zeros(len(starts), dtype=np.int64)
    a = 0
    while a < len(starts):
        b = max(a + 1, int(np.searchsorted(starts, starts[a] + CHUNK)))
        lo, hi = int(starts[a]), int(ends[b - 1])
        chunk = buf[lo:hi]
        unquoted = chunk == delim
        if records.has_quotes:
            inside = np.bitwise_xor.accumulate((chunk == _QUOTE).view(np.uint8))
            unquoted &= inside == 0
        if len(chunk):
            offsets = np.minimum(starts[a:b] - lo, len(chunk) - 1)
            counts[a:b] = np.add.reduceat(unquoted, offsets, dtype=np.int64)
        a = b
    return np.where(ends > starts, counts + 1, 0)
