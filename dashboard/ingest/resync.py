"""Stray quotes: a record that swallowed the lines after it is cut back to its own line.

A field that opens with a quote and never closes it ("Subj 4,a4@x.no,… with no closing quote)
makes a CSV reader take everything up to the next quote character, often the rest of the
file, as one field: hundreds of rows would vanish into one malformed record. Spreadsheets do
the same, but a manager expects one bad line, not a lost file. So a data record that spans
several physical lines and does not look like a row is cut back to its first line, and
reading starts again on the next line. Every line is still accounted for: the first line
becomes one malformed (or fitted) row, the lines after it are read as rows again.

A multi-line record is cut back when it has the wrong number of fields, when it is the last
record and its quote never closes (a stray quote opening the last value of a line), or when a
line inside one of its values is itself a row: exactly the header's number of fields, no
quote, and a first field shaped like the file's first column (`holds_rows`). That last case is
a stray quote paired with a later one: the record has the right width, and without the check
the rows between the two quotes would vanish into one value without a word. A real multi-line
value (a comment over several paragraphs) rarely has a line of exactly that many delimiters
starting like an id, and files narrower than MIN_WIDTH columns are not judged this way.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

import numpy as np

from dashboard.errors import Issue
from dashboard.ingest.dialect import parse_records, records_with_lines

MAX_RESYNCS = 100  # past this many stray quotes the file is read as the csv module reads it
MIN_WIDTH = 4  # narrower files: a comment line with a few commas could pass for a row
SHAPE_ROWS = 5  # data rows whose first field gives the shapes a row starts with


@dataclass
class Records:
    """Records of a decoded text with the physical lines each starts and ends on (1-based)."""

    rows: list[list[str]] = field(default_factory=list)
    starts: list[int] = field(default_factory=list)
    ends: list[int] = field(default_factory=list)
    cut: set[int] = field(default_factory=set)  # lines whose record was cut back (stray quote)


def read_records(text: str, delimiter: str, after_line: int = 0) -> Records:
    """Every record of `text` (blank lines as []), lines numbered from `after_line` + 1."""
    out, previous = Records(), after_line
    for row, end in records_with_lines(text, delimiter):
        out.rows.append(row)
        out.starts.append(previous + 1)
        out.ends.append(after_line + end)
        previous = after_line + end
    return out


def resynced(text: str, delimiter: str, records: Records, first: int, width: int) -> Records:
    """`records` with every swallowing data record (from index `first`) cut back to one line.

    The lines cut back are in `cut` of the result, so the reader can say why they were left out.
    """
    offsets: list[int] | None = None
    shapes = first_field_shapes(records.rows[first : first + SHAPE_ROWS])
    i, done = first, 0
    while i < len(records.rows) and done < MAX_RESYNCS:
        start = records.starts[i]
        if records.ends[i] > start and offsets is None:
            offsets = _line_offsets(text)
        if records.ends[i] > start and (
            _swallowed(records.rows[i], width)
            or _unclosed(text, offsets, start, records.rows, i)
            or holds_rows(records.rows[i], width, delimiter, shapes)
        ):
            line = text[offsets[start - 1] : offsets[start]].rstrip("\r\n")
            rest = read_records(text[offsets[start] :], delimiter, after_line=start)
            own = next(parse_records(line, delimiter, 1), [])
            records = Records(
                [*records.rows[:i], own, *rest.rows],
                [*records.starts[:i], start, *rest.starts],
                [*records.ends[:i], start, *rest.ends],
                records.cut | {start},
            )
            done += 1
        i += 1
    return records


def _swallowed(row: list[str], width: int) -> bool:
    """A multi-line record that is not a row: it has the wrong number of fields."""
    return bool(row) and len(row) != width


def first_field_shapes(rows: list[list[str]]) -> frozenset[str]:
    """The shapes (see `shape`) of the first field of the given data rows (blank rows skipped)."""
    return frozenset(shape(row[0]) for row in rows if row)


def shape(value: str) -> str:
    """A value's outline: runs of digits as 9, of letters as a, other characters kept.

    "ZD-10234" and "ZD-877" share the shape "a-9"; a word of prose does not look like an id.
    """
    out: list[str] = []
    for ch in value.strip().strip('"'):
        mark = "9" if ch.isdigit() else "a" if ch.isalpha() else ch
        if not out or out[-1] != mark or mark not in "9a":
            out.append(mark)
    return "".join(out)


def holds_rows(row: list[str], width: int, delimiter: str, shapes: frozenset[str]) -> bool:
    """Whether a line inside one of the record's values is a row of the file (swallowed).

    Only lines between two line breaks of a value count: the first and last pieces belong to
    the record's own lines.
    """
    if width < MIN_WIDTH:
        return False
    return any(
        _looks_like_row(line, width, delimiter, shapes)
        for value in row
        if value.count("\n") >= 2
        for line in value.split("\n")[1:-1]
    )


def swallows_rows(
    text: memoryview,
    starts: np.ndarray,
    ends: np.ndarray,
    lines: np.ndarray,
    width: int,
    delimiter: str,
    shapes: frozenset[str],
) -> bool:
    """`holds_rows` on raw records (byte spans, starting lines) of three lines or more.

    A record can only hold a whole line if it spans at least three; the fast reader calls this
    before trusting Arrow, so the cheap tests (line spans, delimiter count) come first.
    """
    if width < MIN_WIDTH or len(starts) == 0:
        return False
    spans = np.diff(lines, append=lines[-1] + 3)  # the last record is always examined
    least = 2 * (width - 1)  # its own delimiters and a whole line's
    mark = delimiter.encode()
    for k in np.flatnonzero(spans >= 3):
        raw = bytes(text[starts[k] : ends[k]])
        if raw.count(b"\n") < 2 or raw.count(mark) < least:
            continue
        pieces = raw.decode("utf-8", errors="replace").split("\n")[1:-1]
        if any(_looks_like_row(p, width, delimiter, shapes) for p in pieces):
            return True
    return False


def _looks_like_row(line: str, width: int, delimiter: str, shapes: frozenset[str]) -> bool:
    line = line.rstrip("\r")
    return (
        '"' not in line
        and line.count(delimiter) == width - 1
        and shape(line.split(delimiter, 1)[0]) in shapes
    )


def _unclosed(text: str, offsets: list[int], start: int, rows: list[list[str]], i: int) -> bool:
    """Whether record `i` (starting on line `start`) is the last one and its quote never closes."""
    if any(rows[i + 1 :]):
        return False
    return text.count('"', offsets[start - 1]) % 2 == 1


def _line_offsets(text: str) -> list[int]:
    """Character offset where each physical line starts, plus the end of the text."""
    offsets = [0]
    at = text.find("\n")
    while at != -1:
        offsets.append(at + 1)
        at = text.find("\n", at + 1)
    if offsets[-1] != len(text):
        offsets.append(len(text))
    return offsets


def stray_quote_issue(issue: Issue) -> Issue:
    """A malformed-line issue reworded for a line that opened a quote and never closed it."""
    what = (
        "a value opens a quote that is never closed, which would have swallowed the lines "
        "after it. This line was left out and the lines after it were read as usual; remove "
        "the stray quote (or close it) in that line."
    )
    return replace(issue, message=f"{issue.file}, line {issue.line}: {what}")
