"""Tell what kind of file an upload is, from its name and first bytes, before reading it.

Content wins over the name where it is unambiguous: a workbook saved as `.csv` is read as a
workbook, and a PDF renamed `.csv` is refused with a sentence saying it is a PDF. Supported:
delimited text (.csv .tsv .txt .tab .psv), Excel (.xlsx .xlsm .xls) and ZIP archives of those.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import PurePosixPath
from typing import Literal

from dashboard.errors import FileTooLargeError, UnreadableFileError

Kind = Literal["text", "xlsx", "xls", "zip"]

TEXT_SUFFIXES = frozenset({".csv", ".tsv", ".txt", ".tab", ".psv"})
EXCEL_SUFFIXES = {".xlsx": "xlsx", ".xlsm": "xlsx", ".xls": "xls"}
SUPPORTED = (
    "CSV or other delimited text (.csv, .tsv, .txt), Excel (.xlsx, .xls), or a .zip of those"
)
_ZIP = (b"PK\x03\x04", b"PK\x05\x06")
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_MAGIC = (
    (b"%PDF", "a PDF document"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"Rar!", "a RAR archive"),
    (b"7z\xbc\xaf", "a 7-Zip archive"),
    (b"{\\rtf", "an RTF document"),
)
_HTML = (b"<!doctype html", b"<html", b"<table")
XLSX_UNPACK_FACTOR = 10  # workbook XML is verbose: unpacked it may be this many times the limit
MAX_RATIO = 1000  # deflate cannot compress real data further than about 1000:1
RATIO_FLOOR = 1 << 20  # small members may compress as they like


def suffix(name: str) -> str:
    """The lower-case extension of `name` ('' when it has none)."""
    return PurePosixPath(name).suffix.lower()


def is_supported(name: str) -> bool:
    """Whether a file (or archive member) of this name is one we read."""
    ext = suffix(name)
    return ext in TEXT_SUFFIXES or ext in EXCEL_SUFFIXES or ext == ".zip"


def classify_file(data: bytes, name: str, max_bytes: int) -> Kind:
    """The reader for `data`, or a ServicegapError saying why none applies.

    Raises:
        UnreadableFileError: empty, unsupported type, or content that is not a table.
        FileTooLargeError: more than `max_bytes`.
    """
    ext = suffix(name)
    if not is_supported(name):
        kind = f"'{ext}' files" if ext else "Files without an extension"
        raise UnreadableFileError(f"{name}: {kind} cannot be read.", f"Upload {SUPPORTED}.")
    if not data:
        raise UnreadableFileError(
            f"{name} is empty (0 bytes).", "Export the data again and upload the new file."
        )
    if len(data) > max_bytes:
        raise FileTooLargeError(
            f"{name} is {len(data) / 2**20:.1f} MB, over the {max_bytes / 2**20:.0f} MB limit.",
            f"Export a shorter date range, or split the export into files under "
            f"{max_bytes / 2**20:.0f} MB each and upload them together.",
        )
    if data.startswith(_ZIP):
        return _zip_kind(data, name, max_bytes)
    if data.startswith(_OLE):
        return "xls"
    _reject_magic(data, name)
    if ext == ".zip" or ext in (".xlsx", ".xlsm"):
        raise UnreadableFileError(
            f"{name} is not a valid {'ZIP archive' if ext == '.zip' else 'Excel workbook'}: "
            "it may be damaged or only partly downloaded.",
            "Download or export it again.",
        )
    return "text"  # .xls that is really text (some tools write TSV with an .xls name)


def _zip_kind(data: bytes, name: str, max_bytes: int) -> Kind:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            infos = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError):
        raise UnreadableFileError(
            f"{name} is a damaged ZIP archive or workbook and cannot be opened.",
            "Download or export it again.",
        ) from None
    names = {info.filename for info in infos}
    if "[Content_Types].xml" in names and any(n.startswith("xl/") for n in names):
        _check_workbook_size(infos, name, max_bytes)
        return "xlsx"
    if suffix(name) in (".xlsx", ".xlsm"):
        raise UnreadableFileError(
            f"{name} is a ZIP archive but not an Excel workbook.",
            "Open it in Excel and save it as .xlsx, or export the data as CSV.",
        )
    return "zip"


def is_bomb(info: zipfile.ZipInfo) -> bool:
    """Whether a member's declared compression ratio is beyond what real data reaches."""
    ratio = info.file_size / max(info.compress_size, 1)
    return info.file_size > RATIO_FLOOR and ratio > MAX_RATIO


def _check_workbook_size(infos: list[zipfile.ZipInfo], name: str, max_bytes: int) -> None:
    """Refuse a workbook that would unpack to far more than the upload limit (an XLSX bomb).

    The Excel reader inflates the sheets in memory without a cap, so the declared sizes are
    checked first: more than XLSX_UNPACK_FACTOR times the limit, or a ZIP-bomb ratio.
    """
    unpacked = sum(info.file_size for info in infos)
    if unpacked > max_bytes * XLSX_UNPACK_FACTOR or any(is_bomb(info) for info in infos):
        raise FileTooLargeError(
            f"{name} unpacks to {unpacked / 2**20:.1f} MB of workbook data, too much for the "
            f"{max_bytes / 2**20:.0f} MB limit (or its compression looks like a ZIP bomb).",
            "Export a shorter date range, or export the data as CSV.",
        )


def _reject_magic(data: bytes, name: str) -> None:
    for magic, what in _MAGIC:
        if data.startswith(magic):
            raise UnreadableFileError(
                f"{name} is {what}, not a table.", f"Upload the export itself: {SUPPORTED}."
            )
    if data[:512].lstrip().lower().startswith(_HTML):
        raise UnreadableFileError(
            f"{name} is a web page (HTML), not a table.",
            "Open it in Excel and save it as .xlsx or CSV, or export the data as CSV.",
        )
