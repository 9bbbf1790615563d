"""Decide the fate of each record after the header: kept, padded, or excluded with a reason.

Field-count rules (one decision, applied to CSV and sheets alike):

- A record with exactly the header's number of fields is data.
- A longer record is kept, cut to width, when every extra field is empty (a trailing
  delimiter); otherwise it is MALFORMED_LINE (usually an unquoted delimiter inside a value).
- A shorter record is kept, padded with empty cells, when it has at least two fields and at
  least half the header's: tools that drop trailing empty fields (old Excel did, after row
  16) write such rows, and the missing fields can only be the last ones. Shorter records are
  MALFORMED_LINE when they are fragments: fewer fields than that, or two to four consecutive
  short records whose counts add up to one record split by unquoted line breaks.
- Blank records (no text in any cell) are ignored and not counted; footers in the trailing
  block are FOOTER; a record repeating the header is REPEATED_HEADER.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from dashboard.errors import Issue, IssueCode
from dashboard.ingest.layout import Layout, is_blank, is_footer

_DELIMITER_NAMES = {"\t": "tab", ",": '","', ";": '";"', "|": '"|"'}
MAX_SPLIT = 4  # pieces a record broken by unquoted line breaks is recognised across


@dataclass(frozen=True, slots=True)
class Source:
    """Where records come from, for messages: file name, 'line' or 'row', delimiter."""

    file: str
    unit: str
    delimiter: str | None


@dataclass
class Sorted:
    """Records kept (fitted to the header width) with their lines, and excluded ones."""

    rows: list[list[str]] = field(default_factory=list)
    lines: list[int] = field(default_factory=list)
    issues: list[Issue] = field(default_factory=list)


def fit(row: Sequence[str], width: int) -> list[str] | None:
    """`row` cut or padded to `width` under the rules above; None when it is malformed."""
    n = len(row)
    if n == width:
        return list(row)
    if n > width:
        return list(row[:width]) if is_blank(row[width:]) else None
    if n >= max(2, -(-width // 2)):
        return [*row, *([""] * (width - n))]
    return None


def split_positions(widths: Sequence[int], positions: Sequence[int], width: int) -> set[int]:
    """Positions of short records that together form one record cut by line breaks."""
    found: set[int] = set()
    i = 0
    while i < len(widths):
        for k in range(2, MAX_SPLIT + 1):
            run = range(i, i + k)
            if run.stop > len(widths) or positions[run.stop - 1] - positions[i] != k - 1:
                break
            if any(not 0 < widths[j] < width for j in run):
                break
            if sum(widths[j] for j in run) == width + k - 1:
                found.update(positions[j] for j in run)
                i += k - 1
                break
        i += 1
    return found


def classify(
    rows: Sequence[Sequence[str]],
    lines: Sequence[int],
    positions: Sequence[int],
    footers: Sequence[bool],
    layout: Layout,
    source: Source,
) -> Sorted:
    """Sort records (with record positions, to see neighbours) into kept rows and issues."""
    width, out = layout.width, Sorted()
    splits = split_positions([len(r) for r in rows], positions, width)
    for row, line, pos, foot in zip(rows, lines, positions, footers, strict=True):
        if is_blank(row):
            continue
        if foot and is_footer(row):
            out.issues.append(footer_issue(source, line, row))
        elif _is_header_copy(row, layout):
            out.issues.append(repeated_header_issue(source, line, layout))
        elif (fitted := None if pos in splits else fit(row, width)) is not None:
            out.rows.append(fitted)
            out.lines.append(line)
        else:
            out.issues.append(malformed_issue(source, line, row, width, pos in splits))
    return out


def repeated_header_issue(source: Source, line: int, layout: Layout) -> Issue:
    """The issue for a data record equal to the header (found by the fast reader)."""
    what = f"the header repeated inside the data. The {source.unit} was left out."
    return _issue(source, IssueCode.REPEATED_HEADER, line, layout.headers, what)


def footer_issue(source: Source, line: int, row: Sequence[str]) -> Issue:
    """The issue for a trailing report footer or notice line."""
    text = _shorten(next(c.strip() for c in row if c.strip()))
    what = f"'{text}' is a report footer, not data. The {source.unit} was left out."
    return _issue(source, IssueCode.FOOTER, line, row, what)


def malformed_issue(
    source: Source, line: int, row: Sequence[str], width: int, is_split: bool
) -> Issue:
    """The issue for a record whose field count does not fit the header."""
    n = len(row)
    what = f"{n} field{'s' if n != 1 else ''} where the header has {width}"
    left_out = f"The {source.unit} was left out"
    if is_split:
        what += (
            f"; it looks like part of one record cut by a line break inside a value without"
            f" quotes. {left_out}; put quotes around that value."
        )
    elif n > width and source.delimiter:
        name = _DELIMITER_NAMES.get(source.delimiter, repr(source.delimiter))
        what += f". {left_out}; check for an unquoted {name} in that {source.unit}."
    else:
        what += f". {left_out}; check for a missing delimiter or a line break in a value."
    return _issue(source, IssueCode.MALFORMED_LINE, line, row, what)


def _is_header_copy(row: Sequence[str], layout: Layout) -> bool:
    cells = [c.strip() for c in row[: layout.width]]
    cells += [""] * (layout.width - len(cells))
    return tuple(cells) == layout.headers and is_blank(row[layout.width :])


def _issue(source: Source, code: IssueCode, line: int, row: Sequence[str], what: str) -> Issue:
    value = _shorten((source.delimiter or " | ").join(row))
    message = f"{source.file}, {source.unit} {line}: {what}"
    return Issue(file=source.file, code=code, message=message, line=line, value=value)


def _shorten(text: str, limit: int = 80) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def frame_from_rows(rows: Sequence[Sequence[str]], names: Sequence[str]) -> pd.DataFrame:
    """A frame of `string` columns from equal-width text rows: stripped, '' becomes NA."""
    columns = list(zip(*rows, strict=True)) if rows else [() for _ in names]
    data = {
        name: pd.array([v.strip() or None for v in col], dtype="string")
        for name, col in zip(names, columns, strict=True)
    }
    return pd.DataFrame(data, index=pd.RangeIndex(len(rows)), columns=list(names))


def as_lines(lines: Sequence[int]) -> np.ndarray:
    """Line numbers as the int64 array RawTable carries."""
    return np.asarray(lines, dtype=np.int64)
