"""Bytes and a file name in, raw text tables out, with an exact account of every line.

Public surface::

    read_file(data, name, *, sheet=None, max_bytes=200 MiB) -> list[RawTable]
    RawTable(frame, headers, header_extra, lines, report)
    ReadReport(file, format, encoding, delimiter, header_line, header_rows, sheet, sheets,
               rows_read, issues)

Modules: formats (what the upload is), encoding (bytes -> UTF-8), dialect (delimiter), scan
(record spans and line numbers), arrow (fast parse), layout (preamble, header rows, footers),
rows (field-count rules and issue wording), table (assembly), excel, archive. No value is
parsed here: every cell stays text; dates and numbers are read later by `dashboard.parse`.
"""

from __future__ import annotations

from dashboard.errors import UnreadableFileError
from dashboard.ingest.archive import read_archive
from dashboard.ingest.delimited import read_delimited
from dashboard.ingest.excel import read_workbook
from dashboard.ingest.formats import classify_file
from dashboard.ingest.model import RawTable, ReadReport

__all__ = ["RawTable", "ReadReport", "read_file"]

DEFAULT_MAX_BYTES = 200 * 2**20


def read_file(
    data: bytes, name: str, *, sheet: str | None = None, max_bytes: int = DEFAULT_MAX_BYTES
) -> list[RawTable]:
    """Read one upload into one RawTable per table found.

    A delimited text file gives one table; a workbook gives its first non-empty sheet, the
    sheet named `sheet`, or every non-empty sheet when `sheet == "*"`; a ZIP archive gives the
    tables of each supported member (folders fine, `__MACOSX` and dotfiles skipped).

    Raises:
        UnreadableFileError: empty, binary, unsupported, damaged or encrypted input (the message
            names the file and the hint says what to do).
        FileTooLargeError: over `max_bytes`, for an archive counting unpacked members.
    """
    kind = classify_file(data, name, max_bytes)
    if kind == "zip":
        return read_archive(data, name, max_bytes, lambda d, n: _read_member(d, n, sheet))
    return _read_one(data, name, sheet, kind)


def _read_member(data: bytes, name: str, sheet: str | None) -> list[RawTable]:
    kind = classify_file(data, name, max_bytes=len(data))
    if kind == "zip":
        raise UnreadableFileError(
            f"{name} is an archive inside an archive.", "Unpack it and upload the inner file."
        )
    return _read_one(data, name, sheet, kind)


def _read_one(data: bytes, name: str, sheet: str | None, kind: str) -> list[RawTable]:
    if kind == "text":
        return [read_delimited(data, name)]
    return read_workbook(data, name, "xls" if kind == "xls" else "xlsx", sheet)
