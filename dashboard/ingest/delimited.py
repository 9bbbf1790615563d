"""Read a delimited text file (CSV, TSV, semicolon, pipe) into one RawTable.

Pipeline: decode to UTF-8 (encoding.py) -> sniff the delimiter on the head (dialect.py) ->
find every record's span, line and field count in one vectorised pass (scan.py) -> find the
header block among the first records (layout.py) -> Arrow parses the data region as text
(arrow.py) while the rare records that don't fit the header are re-read one by one with the
csv module and sorted into kept / excluded (rows.py). If Arrow and the scan disagree about the
number of records (stray quotes that RFC 4180 parity cannot follow), the whole file is read
again with the csv module, which is slower but follows the same rules.
"""

from __future__ import annotations

import numpy as np
import pyarrow as pa

from dashboard.errors import Issue, IssueCode, UnreadableFileError
from dashboard.ingest import arrow
from dashboard.ingest.dialect import (
    SAMPLE_CHARS,
    parse_records,
    sniff_delimiter,
)
from dashboard.ingest.encoding import decode
from dashboard.ingest.layout import MAX_FOOTER_RECORDS, Layout, detect_layout, footer_start
from dashboard.ingest.model import RawTable, ReadReport
from dashboard.ingest.resync import (
    SHAPE_ROWS,
    first_field_shapes,
    read_records,
    resynced,
    stray_quote_issue,
    swallows_rows,
)
from dashboard.ingest.rows import (
    Sorted,
    Source,
    classify,
    footer_issue,
    repeated_header_issue,
)
from dashboard.ingest.scan import Records, count_fields, scan_records
from dashboard.ingest.table import Parsed, finish

HEAD_RECORDS = 200  # records examined for the header block
MALFORMED = IssueCode.MALFORMED_LINE
_CR, _LF = 13, 10


def read_delimited(data: bytes, name: str, *, force_csv_module: bool = False) -> RawTable:
    """Read one delimited text file; `force_csv_module` skips Arrow (tests compare both)."""
    decoded = decode(data, name)
    text = _line_feeds(decoded.text)
    head = bytes(text[:SAMPLE_CHARS]).decode("utf-8", errors="ignore")
    delimiter = sniff_delimiter(head, is_complete=len(text) <= SAMPLE_CHARS)
    source = Source(name, "line", delimiter)
    parsed = None if force_csv_module else _read_fast(text, source)
    if parsed is None:
        parsed = _read_slow(text, source)
    report = ReadReport(
        file=name,
        format="csv",
        encoding=decoded.encoding,
        delimiter=delimiter,
        header_line=parsed.header_line,
        header_rows=parsed.layout.rows,
        sheet=None,
        sheets=(),
        rows_read=0,
        issues=(),
    )
    return finish(parsed, report)


def _line_feeds(text: memoryview) -> memoryview:
    """Make every lone CR a line feed: old Mac files, and stray CRs in LF or CRLF files.

    Editors and the csv module break lines at a lone CR, so the scan (which splits at LF)
    must see one there too, or the fast and exact readers disagree (found by fuzzing).
    """
    owner = text.obj
    if isinstance(owner, bytes) and owner.find(b"\r") == -1:
        return text  # no CR at all (most files): memchr finds that in a fraction of a pass
    buf = np.frombuffer(text, dtype=np.uint8)
    cr = np.flatnonzero(buf == _CR)
    if len(cr) == 0:
        return text
    after = np.minimum(cr + 1, len(buf) - 1)
    lone = cr[(cr + 1 >= len(buf)) | (buf[after] != _LF)]
    if len(lone) == 0:
        return text
    fixed = buf.copy()
    fixed[lone] = _LF
    return memoryview(fixed.tobytes())


def _no_table(source: Source) -> UnreadableFileError:
    return UnreadableFileError(
        f"{source.file} has no table in it: every line is blank.",
        "Check that you uploaded the right file; an export has a header line and rows.",
    )


def _record(text: memoryview, records: Records, k: int, delimiter: str) -> list[str]:
    """One record re-read with the csv module (its span may hold quoted line breaks)."""
    raw = bytes(text[records.starts[k] : records.ends[k]]).decode("utf-8")
    return next(parse_records(raw, delimiter, 1), [])


def _read_fast(text: memoryview, source: Source) -> Parsed | None:
    """Arrow for the bulk, the csv module for records that do not fit; None on disagreement."""
    delimiter = source.delimiter or ","
    buf = np.frombuffer(text, dtype=np.uint8)
    records = scan_records(buf)
    if records.has_odd_quotes:
        return None  # a stray quote: only the csv module reads on as a spreadsheet would
    head = [_record(text, records, k, delimiter) for k in range(min(HEAD_RECORDS, len(records)))]
    layout = detect_layout(head)
    if layout is None:
        raise _no_table(source)
    first, width = layout.data_index, layout.width
    header_line = int(records.lines[layout.index])
    header_span = text[records.starts[layout.index] : records.ends[first - 1]]
    if records.has_quotes and b"\n" in bytes(header_span):
        return None  # a header over several lines: rare, or stray quotes fooling the scan
    if first >= len(records):
        empty = arrow.from_rows([], width)
        return Parsed(layout, header_line, empty, np.zeros(0, np.int64), [])
    try:
        table, skipped = arrow.read_region(
            text[records.starts[first] :],
            delimiter,
            width,
            has_quotes=records.has_quotes,
            longest=int((records.ends - records.starts).max()),
        )
    except pa.ArrowInvalid:
        return None
    filled = np.flatnonzero(~records.is_empty[first:]) + first
    if table.num_rows + skipped != len(filled):
        return None
    good, odd = filled, filled[:0]
    if skipped:
        fields = count_fields(buf, records, delimiter, first)
        good = np.flatnonzero(fields == width) + first
        odd = np.flatnonzero((fields != width) & (fields != 0)) + first
        if len(good) != table.num_rows:
            return None
    if any(b"\n" in bytes(text[records.starts[k] : records.ends[k]]) for k in odd):
        return None  # a record that swallowed lines (stray quotes): the exact reader cuts it
    if records.has_quotes and _holds_rows(text, records, head, layout, delimiter):
        return None  # paired stray quotes hid whole rows in one value: the same
    footers = _footer_records(text, records, first, delimiter)
    # footers Arrow read as rows are dropped (and counted) in _drop_rows; the others here
    as_rows = footers & set(good[-MAX_FOOTER_RECORDS - 1 :].tolist())
    sorted_ = _sort_odd(text, records, odd, footers - as_rows, layout, source)
    columns, names = table.columns, table.column_names
    del table  # the raw text goes column by column as it is cleaned
    table, lines, issues = _drop_rows(
        arrow.clean(columns, names), records.lines[good], good, as_rows, text, records, layout,
        source,
    )  # fmt: skip
    issues.extend(sorted_.issues)
    if sorted_.rows:
        table, lines = _merge(table, lines, sorted_, width)
    return Parsed(layout, header_line, table, lines, issues)


def _holds_rows(
    text: memoryview, records: Records, head: list[list[str]], layout: Layout, delimiter: str
) -> bool:
    """Whether a data record holds whole rows in a multi-line value (see `resync`)."""
    first = layout.data_index
    shapes = first_field_shapes(head[first : first + SHAPE_ROWS])
    spans = (records.starts[first:], records.ends[first:], records.lines[first:])
    return swallows_rows(text, *spans, layout.width, delimiter, shapes)


def _drop_rows(
    table: pa.Table,
    lines: np.ndarray,
    good: np.ndarray,
    footers: set[int],
    text: memoryview,
    records: Records,
    layout: Layout,
    source: Source,
) -> tuple[pa.Table, np.ndarray, list[Issue]]:
    """Remove blank rows, header copies and the `footers` (record indices) Arrow read as data."""
    drop = arrow.blank_mask(table)
    issues = []
    for pos in arrow.header_copies(table, layout.headers):
        drop[pos] = True
        issues.append(repeated_header_issue(source, int(lines[pos]), layout))
    for k in sorted(footers):
        pos = int(np.searchsorted(good, k))
        drop[pos] = True
        row = _record(text, records, k, source.delimiter or ",")
        issues.append(footer_issue(source, int(lines[pos]), row))
    if drop.any():
        table, lines = table.filter(pa.array(~drop)), lines[~drop]
    return table, lines, issues


def _footer_records(text: memoryview, records: Records, first: int, delimiter: str) -> set[int]:
    """Record indices of the trailing footer block (Salesforce 'Grand Totals', notices)."""
    tail: list[int] = []
    for k in range(len(records) - 1, first - 1, -1):
        if len(tail) > MAX_FOOTER_RECORDS:
            break
        if records.ends[k] > records.starts[k]:
            tail.append(k)
    tail.reverse()
    rows = [_record(text, records, k, delimiter) for k in tail]
    return set(tail[footer_start(rows) :])


def _sort_odd(
    text: memoryview,
    records: Records,
    odd: np.ndarray,
    footers: set[int],
    layout: Layout,
    source: Source,
) -> Sorted:
    """Re-read records whose field count differs from the header and classify them."""
    ks = sorted(set(odd.tolist()) | footers)
    rows = [_record(text, records, k, source.delimiter or ",") for k in ks]
    lines = [int(records.lines[k]) for k in ks]
    return classify(rows, lines, ks, [k in footers for k in ks], layout, source)


def _merge(
    table: pa.Table, lines: np.ndarray, extra: Sorted, width: int
) -> tuple[pa.Table, np.ndarray]:
    """Add fitted rows to Arrow's rows, in file order."""
    both = pa.concat_tables([table, arrow.from_rows(extra.rows, width)])
    all_lines = np.concatenate((lines, np.asarray(extra.lines, dtype=np.int64)))
    order = np.argsort(all_lines, kind="stable")
    return both.take(pa.array(order)), all_lines[order]


def _read_slow(text: memoryview, source: Source) -> Parsed:
    """Read every record with the csv module, tracking physical lines (the exact fallback)."""
    delimiter = source.delimiter or ","
    decoded = bytes(text).decode("utf-8")
    records = read_records(decoded, delimiter)
    layout = detect_layout(records.rows[:HEAD_RECORDS])
    if layout is None:
        raise _no_table(source)
    records = resynced(decoded, delimiter, records, layout.data_index, layout.width)
    rows, lines = records.rows, records.starts
    data = rows[layout.data_index :]
    data_lines = lines[layout.data_index :]
    positions = list(range(len(data)))
    foot = footer_start(data)
    sorted_ = classify(data, data_lines, positions, [i >= foot for i in positions], layout, source)
    if records.cut:
        sorted_.issues[:] = [
            stray_quote_issue(i) if i.line in records.cut and i.code == MALFORMED else i
            for i in sorted_.issues
        ]
    table = arrow.from_rows(sorted_.rows, layout.width)
    frame_lines = np.asarray(sorted_.lines, dtype=np.int64)
    return Parsed(layout, lines[layout.index], table, frame_lines, sorted_.issues)
