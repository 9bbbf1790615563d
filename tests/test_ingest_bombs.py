"""Regression: a workbook is a ZIP too, and its unpacked size is checked before Excel reads it.

Found by tests/test_fuzz_ingest.py: an .xlsx whose sheet XML unpacks ~1000:1 went straight to
calamine, which inflates sheets in memory without a cap, so a 100 KB upload could take
gigabytes. The declared sizes are now checked first (ratio and total against the limit).
"""

from __future__ import annotations

import io
import zipfile

import pytest

from dashboard.errors import FileTooLargeError
from dashboard.ingest.formats import XLSX_UNPACK_FACTOR, classify_file


def _workbook_zip(sheet: bytes) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as book:
        book.writestr("[Content_Types].xml", "<Types/>")
        book.writestr("xl/worksheets/sheet1.xml", sheet)
    return buf.getvalue()


def test_fuzz_xlsx_bomb_ratio_is_refused_before_reading() -> None:
    data = _workbook_zip(b" " * (8 << 20))  # 8 MiB of spaces in about 8 KB
    with pytest.raises(FileTooLargeError, match=r"bomb\.xlsx unpacks to 8\.0 MB"):
        classify_file(data, "bomb.xlsx", max_bytes=100 << 20)


def test_fuzz_xlsx_unpacked_over_the_limit_is_refused() -> None:
    sheet = bytes(range(256)) * (4 << 12)  # 4 MiB that deflate cannot shrink much
    data = _workbook_zip(sheet)
    limit = (4 << 20) // XLSX_UNPACK_FACTOR - 1
    with pytest.raises(FileTooLargeError, match="export the data as CSV"):
        classify_file(data, "big.xlsx", max_bytes=limit)
    assert classify_file(data, "big.xlsx", max_bytes=1 << 20) == "xlsx"
