"""Find every record of a delimited text in one vectorised pass: start, end, line, field count.

The fast reader (Arrow) returns values but no line numbers, so this pass supplies them. It
follows RFC 4180 quoting by parity: a line feed or delimiter is inside a quoted field when an
odd number of `"` precede it. That is exact for well-formed files; where a stray quote makes it
disagree with the parser, the caller notices (record counts differ) and re-reads the file with
the csv module. Work is done in chunks so memory stays at a few times the chunk size.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

CHUNK = 1 << 24
_LF, _CR, _QUOTE = 10, 13, 34


@dataclass(frozen=True, slots=True)
class Records:
    """Per record (blank lines included): byte span, first physical line, number of fields."""

    starts: np.ndarray  # int64 byte offset where the record starts
    ends: np.ndarray  # int64 byte offset after its last character (line ending excluded)
    lines: np.ndarray  # int64 1-based physical line where the record starts
    fields: np.ndarray  # int64 fields (0 for an empty line)
    has_quotes: bool

    def __len__(self) -> int:
        return len(self.starts)


def scan_records(buf: np.ndarray, delimiter: str) -> Records:
    """Scan UTF-8 bytes `buf` (uint8) for records separated by unquoted line feeds."""
    delim = ord(delimiter)
    ends: list[np.ndarray] = []
    ordinals: list[np.ndarray] = []  # index of each record-ending LF among all LFs
    counts: list[np.ndarray] = []
    n_lf = n_quotes = 0
    open_delims = 0  # delimiters seen so far in the record still open at the chunk edge
    for base in range(0, len(buf), CHUNK):
        chunk = buf[base : base + CHUNK]
        lf_all = np.flatnonzero(chunk == _LF)
        dl = np.flatnonzero(chunk == delim)
        quotes = np.flatnonzero(chunk == _QUOTE)
        if len(quotes) or n_quotes % 2:
            lf_ok = (n_quotes + np.searchsorted(quotes, lf_all)) % 2 == 0
            dl = dl[(n_quotes + np.searchsorted(quotes, dl)) % 2 == 0]
            lf = lf_all[lf_ok]
            ord_lf = n_lf + np.flatnonzero(lf_ok)
        else:
            lf = lf_all
            ord_lf = n_lf + np.arange(len(lf))
        per_record = np.bincount(np.searchsorted(lf, dl), minlength=len(lf) + 1)
        per_record[0] += open_delims
        counts.append(per_record[:-1])
        open_delims = int(per_record[-1])
        ends.append(lf + base)
        ordinals.append(ord_lf)
        n_lf += len(lf_all)
        n_quotes += len(quotes)
    return _assemble(buf, ends, ordinals, counts, (open_delims, n_quotes > 0))


def _assemble(
    buf: np.ndarray,
    ends: list[np.ndarray],
    ordinals: list[np.ndarray],
    counts: list[np.ndarray],
    tail: tuple[int, bool],
) -> Records:
    """Turn record-ending line feeds into spans; a last line without line feed is a record."""
    open_delims, has_quotes = tail
    lf = np.concatenate(ends) if ends else np.zeros(0, np.int64)
    ordinal = np.concatenate(ordinals) if ordinals else np.zeros(0, np.int64)
    delims = np.concatenate(counts) if counts else np.zeros(0, np.int64)
    starts = np.concatenate(([0], lf + 1)).astype(np.int64)
    stops = np.concatenate((lf, [len(buf)])).astype(np.int64)
    lines = np.concatenate(([1], ordinal + 2)).astype(np.int64)
    delims = np.concatenate((delims, [open_delims])).astype(np.int64)
    if starts[-1] >= len(buf):  # text ends with a line feed: nothing after it
        starts, stops, lines, delims = starts[:-1], stops[:-1], lines[:-1], delims[:-1]
    crlf = (stops > starts) & (buf[np.maximum(stops - 1, 0)] == _CR)
    stops = stops - crlf
    fields = np.where(stops > starts, delims + 1, 0)
    return Records(starts, stops, lines, fields.astype(np.int64), has_quotes)
