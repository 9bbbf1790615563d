"""Fuzzing of ingestion: whatever is uploaded ends in tables or a ServicegapError, never a crash.

Every case checks the reading contract (`rows_read == rows kept + rows excluded`, see
tests/test_ingest_support.check_table) or that the error is a ServicegapError whose message
names the file. Inputs: random bytes, random dialects and encodings, truncated and
mixed-encoding files, binary files behind a .csv name, empty and header-only files, very long
lines and fields, thousands of columns, ZIP bombs, a large XLSX, damaged and encrypted
workbooks; and `load_files` on random ticket-like exports. The whole module runs in well under
a minute: example counts are small and deadlines off (the box is shared and noisy).
"""

from __future__ import annotations

import csv
import io
import os
import random
import tracemalloc
import zipfile

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dashboard.config import Settings
from dashboard.errors import FileTooLargeError, ServicegapError, UnreadableFileError
from dashboard.ingest import read_file
from dashboard.ingest.delimited import read_delimited
from dashboard.load.pipeline import SourceFile, load_files
from tests.test_ingest_support import check_table

# SERVICEGAP_FUZZ_EXAMPLES=1000 runs a longer, randomised search locally; CI keeps it short.
LONG_RUN = int(os.environ.get("SERVICEGAP_FUZZ_EXAMPLES", "0"))
FUZZ = settings(
    max_examples=LONG_RUN or 60,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
    derandomize=not LONG_RUN,
)
NAMES = ("t.csv", "t.tsv", "t.txt", "t.xlsx", "t.xls", "t.zip")
ENCODINGS = ("utf-8", "utf-8-sig", "cp1252", "utf-16", "latin-1")
CELL_CHARS = st.characters(
    codec="utf-8", exclude_categories=("Cs",), include_characters='",;\t|\n\r æøåÆØÅ中文€'
)


def read_or_error(data: bytes, name: str, **kwargs: object) -> list:
    """Read `data`; a ServicegapError is a valid outcome, anything else fails the test."""
    try:
        tables = read_file(data, name, **kwargs)  # type: ignore[arg-type]
    except ServicegapError as err:
        assert err.message and name.split("/")[0] in err.message, err.message
        assert err.hint, err.message
        return []
    assert tables
    for table in tables:
        check_table(table)
    return tables


def csv_bytes(
    rows: list[list[str]], delimiter: str, quoting: int, encoding: str, end: str
) -> bytes:
    """Rows written as a CSV with the given dialect, then encoded (unencodable chars as '?')."""
    buf = io.StringIO()
    escape = "\\" if quoting == csv.QUOTE_NONE else None
    writer = csv.writer(
        buf, delimiter=delimiter, quoting=quoting, escapechar=escape, lineterminator=end
    )
    try:
        writer.writerows(rows)
    except csv.Error:  # QUOTE_NONE cannot write a record of one empty field: quote as needed
        buf = io.StringIO()
        csv.writer(buf, delimiter=delimiter, lineterminator=end).writerows(rows)
    return buf.getvalue().encode(encoding, errors="replace")


@st.composite
def tables(draw: st.DrawFn, max_cols: int = 8, max_rows: int = 20) -> list[list[str]]:
    """A header and rows of random text, rows of varying width now and then."""
    width = draw(st.integers(1, max_cols))
    header = draw(st.lists(st.text(CELL_CHARS, max_size=12), min_size=width, max_size=width))
    cell = st.text(CELL_CHARS, max_size=20)
    body = draw(
        st.lists(st.lists(cell, min_size=0, max_size=width + 2), max_size=max_rows)
        | st.lists(st.lists(cell, min_size=width, max_size=width), max_size=max_rows)
    )
    return [header, *body]


@st.composite
def dialect_files(draw: st.DrawFn) -> bytes:
    """A random table in a random dialect and encoding."""
    rows = draw(tables())
    delimiter = draw(st.sampled_from([",", ";", "\t", "|"]))
    quoting = draw(st.sampled_from([csv.QUOTE_MINIMAL, csv.QUOTE_ALL, csv.QUOTE_NONE]))
    encoding = draw(st.sampled_from(ENCODINGS))
    end = draw(st.sampled_from(["\n", "\r\n", "\r"]))
    return csv_bytes(rows, delimiter, quoting, encoding, end)


@FUZZ
@given(data=st.binary(max_size=2000), name=st.sampled_from(NAMES))
def test_random_bytes(data: bytes, name: str) -> None:
    read_or_error(data, name)


@FUZZ
@given(data=dialect_files())
def test_random_dialects(data: bytes) -> None:
    read_or_error(data, "export.csv")


@FUZZ
@given(data=dialect_files(), cut=st.floats(0, 1))
def test_truncated_files(data: bytes, cut: float) -> None:
    read_or_error(data[: int(len(data) * cut)], "export.csv")


@FUZZ
@given(a=tables(), b=tables(), second=st.sampled_from(["cp1252", "utf-16", "latin-1", "utf-8-sig"]))
def test_mixed_encodings(a: list[list[str]], b: list[list[str]], second: str) -> None:
    head = csv_bytes(a, ",", csv.QUOTE_MINIMAL, "utf-8", "\n")
    read_or_error(head + csv_bytes(b, ",", csv.QUOTE_MINIMAL, second, "\n"), "mixed.csv")


@FUZZ
@given(
    magic=st.sampled_from([b"\x89PNG\r\n\x1a\n", b"%PDF-1.7\n", b"\xff\xd8\xff\xe0", b"GIF89a"]),
    tail=st.binary(max_size=500),
    name=st.sampled_from(NAMES),
)
def test_binary_files_are_refused(magic: bytes, tail: bytes, name: str) -> None:
    with pytest.raises(UnreadableFileError):
        read_file(magic + tail, name)


@pytest.mark.parametrize("data", [b"", b"\xef\xbb\xbf", b"\xff\xfe", b"\n\n\r\n", b" , ,\n"])
def test_empty_files_are_refused(data: bytes) -> None:
    with pytest.raises(UnreadableFileError, match=r"empty|blank|no table|no data"):
        read_file(data, "empty.csv")


@pytest.mark.parametrize("encoding", ENCODINGS)
def test_header_only(encoding: str) -> None:
    data = "Id;Created at;Subject æø\r\n".encode(encoding)
    (table,) = read_or_error(data, "head.csv")
    assert table.report.rows_read == 0 and list(table.frame.columns)[-1] == "Subject æø"


def test_very_long_field_and_line() -> None:
    field = "x" * 3_000_000
    data = f'Id,Subject\n1,"{field}"\n2,{field}\n3,short\n'.encode()
    (table,) = read_or_error(data, "long.csv")
    assert table.report.rows_read == 3 and len(table.frame["Subject"][0]) == len(field)


def test_thousands_of_columns() -> None:
    rng = random.Random(7)
    width = 5000
    header = ",".join(f"c{j}" for j in range(width))
    rows = [",".join(str(rng.randint(0, 9)) for _ in range(width)) for _ in range(20)]
    (table,) = read_or_error("\n".join([header, *rows]).encode(), "wide.csv")
    assert table.frame.shape == (20, width)


def _deflated_zeros(name: str, size: int) -> bytes:
    """A ZIP with one member of `size` zero-ish bytes, compressed without holding it."""
    buf = io.BytesIO()
    with (
        zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as archive,
        archive.open(name, "w", force_zip64=True) as member,
    ):
        chunk = b"0" * (1 << 20)
        for _ in range(size >> 20):
            member.write(chunk)
    return buf.getvalue()


def test_zip_bomb_stops_before_inflating() -> None:
    bomb = _deflated_zeros("tickets.csv", 256 << 20)  # 256 MiB of "0" in about 250 KB
    tracemalloc.start()
    try:
        with pytest.raises(FileTooLargeError, match=r"tickets\.csv"):
            read_file(bomb, "bomb.zip")
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 32 * 2**20  # nowhere near the 256 MiB it would inflate to


def test_zip_bomb_with_lying_sizes_is_capped() -> None:
    bomb = bytearray(_deflated_zeros("tickets.csv", 64 << 20))
    # Claim 1,000 bytes in the central directory: the reader must not trust it.
    central = bomb.rfind(b"PK\x01\x02")
    bomb[central + 24 : central + 28] = (1000).to_bytes(4, "little")
    read_or_error(bytes(bomb), "lying.zip", max_bytes=1 << 20)


def test_xlsx_bomb_is_refused(tmp_path: object) -> None:
    sheet = _sheet_xml(rows=1, width=1) + b" " * (64 << 20)  # padding compresses ~1000:1
    data = _xlsx(sheet.replace(b"</worksheet>", b"") + b"</worksheet>")
    with pytest.raises(FileTooLargeError, match=r"bomb\.xlsx"):
        read_file(data, "bomb.xlsx", max_bytes=2 << 20)


def _sheet_xml(rows: int, width: int) -> bytes:
    """Sheet XML with inline strings: header c0.. then rows of numbers and text (cheap)."""
    head = "".join(f'<c t="inlineStr"><is><t>c{j}</t></is></c>' for j in range(width))
    body = "".join(
        f'<row r="{i + 2}"><c><v>{i}</v></c>'
        + "".join(f'<c t="inlineStr"><is><t>v{i % 7}</t></is></c>' for _ in range(width - 1))
        + "</row>"
        for i in range(rows)
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        f'<sheetData><row r="1">{head}</row>{body}</sheetData></worksheet>'
    ).encode()


def _xlsx(sheet: bytes) -> bytes:
    """A minimal valid workbook around one sheet's XML."""
    main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    pkg = "http://schemas.openxmlformats.org/package/2006/relationships"
    ct = "http://schemas.openxmlformats.org/package/2006/content-types"
    parts = {
        "[Content_Types].xml": f'<Types xmlns="{ct}">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
        'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-'
        'officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/'
        'sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.'
        'worksheet+xml"/></Types>',
        "_rels/.rels": f'<Relationships xmlns="{pkg}"><Relationship Id="rId1" Type="{rel}/'
        'officeDocument" Target="xl/workbook.xml"/></Relationships>',
        "xl/workbook.xml": f'<workbook xmlns="{main}" xmlns:r="{rel}"><sheets><sheet '
        'name="Tickets" sheetId="1" r:id="rId1"/></sheets></workbook>',
        "xl/_rels/workbook.xml.rels": f'<Relationships xmlns="{pkg}"><Relationship Id="rId1" '
        f'Type="{rel}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
    }
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as book:
        for path, text in parts.items():
            book.writestr(path, text)
        book.writestr("xl/worksheets/sheet1.xml", sheet)
    return buf.getvalue()


def test_large_xlsx_is_read_and_accounted() -> None:
    rows = 60_000
    (table,) = read_or_error(_xlsx(_sheet_xml(rows, width=4)), "big.xlsx")
    assert table.report.rows_read == rows and table.frame.shape == (rows, 4)


@FUZZ
@given(cut=st.floats(0.05, 0.99), flips=st.lists(st.integers(0, 10**9), max_size=8))
def test_damaged_xlsx(cut: float, flips: list[int]) -> None:
    data = bytearray(_xlsx(_sheet_xml(30, width=3)))
    for spot in flips:
        data[spot % len(data)] ^= 0x55
    read_or_error(bytes(data[: max(1, int(len(data) * cut))]), "damaged.xlsx")


def test_encrypted_workbook_is_refused() -> None:
    # Encrypted .xlsx files are OLE containers (EncryptionInfo + EncryptedPackage streams).
    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504) + b"EncryptedPackage" * 64
    with pytest.raises(UnreadableFileError, match=r"locked\.xlsx"):
        read_file(ole, "locked.xlsx")


def test_encrypted_zip_member_is_refused() -> None:
    data = bytearray(_zip({"t.csv": b"a,b\n1,2\n"}))
    data[6] |= 1  # general-purpose flag: encrypted (local header)
    central = data.rfind(b"PK\x01\x02")
    data[central + 8] |= 1
    with pytest.raises(UnreadableFileError, match=r"encrypted|damaged"):
        read_file(bytes(data), "locked.zip")


def _zip(members: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as archive:
        for path, content in members.items():
            archive.writestr(path, content)
    return buf.getvalue()


@FUZZ
@given(
    members=st.dictionaries(
        st.sampled_from(["a.csv", "d/b.tsv", "c.txt", "x.png"]), dialect_files(), max_size=3
    )
)
def test_random_archives(members: dict[str, bytes]) -> None:
    read_or_error(_zip(members), "export.zip")


ZENDESK = ["Id", "Created at", "Solved at", "Status", "Group", "Satisfaction Score", "Replies"]
VALUES = st.one_of(
    st.text(CELL_CHARS, max_size=12),
    st.sampled_from(["2024-03-01 10:00:00", "31.02.2024", "", "Good", "Bad", "-5", "1e9", "NaN"]),
    st.integers(-10, 10**6).map(str),
)


@settings(max_examples=15, deadline=None, derandomize=True)  # about 0.4 s per load
@given(
    rows=st.lists(st.lists(VALUES, min_size=len(ZENDESK), max_size=len(ZENDESK)), max_size=15),
    encoding=st.sampled_from(ENCODINGS),
    delimiter=st.sampled_from([",", ";"]),
    extra=st.binary(max_size=60),
)
def test_load_files_accounts_for_every_row(
    rows: list[list[str]], encoding: str, delimiter: str, extra: bytes
) -> None:
    data = csv_bytes([ZENDESK, *rows], delimiter, csv.QUOTE_MINIMAL, encoding, "\r\n")
    files = [SourceFile("tickets.csv", data), SourceFile("junk.csv", extra + data[:40])]
    dataset, loaded = load_files(files, Settings())
    assert all(isinstance(err, ServicegapError) and err.message for err in loaded.errors)
    for report in loaded.reports:
        assert report.is_balanced, report
    assert dataset is not None


@FUZZ
@given(data=dialect_files())
def test_fast_and_exact_readers_agree(data: bytes) -> None:
    """Arrow (with its scan) and the csv-module fallback give the same rows and accounting."""
    try:
        fast = read_delimited(data, "t.csv")
    except ServicegapError:
        with pytest.raises(ServicegapError):
            read_delimited(data, "t.csv", force_csv_module=True)
        return
    slow = read_delimited(data, "t.csv", force_csv_module=True)
    pd.testing.assert_frame_equal(fast.frame, slow.frame)
    assert fast.report.rows_read == slow.report.rows_read
    assert [i.line for i in fast.report.issues] == [i.line for i in slow.report.issues]
