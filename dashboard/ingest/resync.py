"""Stray quotes: a record that swallowed the lines after it is cut back to its own line.

A field that opens with a quote and never closes it ("Subj 4,a4@x.no,… with no closing quote)
makes a CSV reader take everything up to the next quote character, often the rest of the
file, as one field: hundreds of rows would vanish into one malformed record. Spreadsheets do
the same, but a manager expects one bad line, not a lost file. So a data record that spans
several physical lines and does not look like a row is cut back to its first line, and
reading starts again on the next line. Every line is still accounted for: the first line
becomes one malformed (or fitted) row, the lines after it are read as rows again.

A multi-line record is cut back when it has the wrong number of fields, or when it is the
last record and its quote never closes (a stray quote opening the last value of a line). A
stray quote that pairs with a later one and still gives the right number of fields cannot be
told from a real multi-line value, so it is left as it is.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from dashboard.errors import Issue
from dashboard.ingest.dialect import parse_records, records_with_lines

MAX_RESYNCS = 100  # past this many stray quotes the file is read as the csv module reads it


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
    i, done = first, 0
    while i < len(records.rows) and done < MAX_RESYNCS:
        start = records.starts[i]
        if records.ends[i] > start and offsets is None:
            offsets = _line_offsets(text)
        if records.ends[i] > start and (
            _swallowed(records.rows[i], width)
            or _unclosed(text, offsets, start, records.rows, i)
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
