"""Regressions found by tests/test_fuzz_ingest.py on damaged text files."""

from __future__ import annotations

import io
import zipfile

import pandas as pd
import pytest

from dashboard.errors import UnreadableFileError
from dashboard.ingest import read_file
from dashboard.ingest.delimited import read_delimited


def test_fuzz_utf8_bom_file_cut_mid_character_is_a_clear_error() -> None:
    # A UTF-8 file with BOM, cut inside a 3-byte character (a partial download): the BOM
    # path skipped validation and the reader crashed with UnicodeDecodeError.
    data = "\ufeffId,Navn\r\n1,Ærlig\r\n2,中".encode()[:-1]
    with pytest.raises(UnreadableFileError, match=r"cut\.csv looks like UTF-8 text but is damaged"):
        read_file(data, "cut.csv")


def test_fuzz_stray_carriage_return_breaks_the_line_in_both_readers() -> None:
    # "0\r1\n": the csv module broke the line at the lone CR, the fast scan did not, so the
    # two readers gave different tables. A lone CR is now a line break everywhere.
    data = b"Id,Name\r\n1,Ann\r2,Bo\n3,Cy\r\n"
    (table,) = read_file(data, "cr.csv")
    fast = read_delimited(data, "cr.csv")
    slow = read_delimited(data, "cr.csv", force_csv_module=True)
    pd.testing.assert_frame_equal(fast.frame, slow.frame)
    assert list(table.frame["Name"]) == ["Ann", "Bo", "Cy"]
    assert list(table.lines) == [2, 3, 4] and table.report.rows_read == 3


def test_fuzz_unbalanced_quote_goes_to_the_exact_reader() -> None:
    # One stray quote made the scan see the whole file as a single record, so the fast
    # reader returned no rows while the csv module read one.
    data = b'a,b,c\\"\n1,2,3\n'
    fast = read_delimited(data, "q.csv")
    slow = read_delimited(data, "q.csv", force_csv_module=True)
    pd.testing.assert_frame_equal(fast.frame, slow.frame)
    assert fast.report.rows_read == 1 and list(fast.frame.iloc[0]) == ["1", "2", "3"]


def test_fuzz_stray_quotes_around_the_header_go_to_the_exact_reader() -> None:
    # Two stray mid-field quotes balance each other, so the scan joined the header with
    # every line up to the second one and the fast reader returned no rows.
    data = b'a,b,c\\"\n1,2,3\n4,5,6\\"\n'
    fast = read_delimited(data, "q.csv")
    slow = read_delimited(data, "q.csv", force_csv_module=True)
    pd.testing.assert_frame_equal(fast.frame, slow.frame)
    assert fast.report.rows_read == slow.report.rows_read == 2


def test_a_zip_inside_a_zip_is_refused_with_what_to_do() -> None:
    """The message said the archive should contain '… or a .zip of those' while refusing one."""
    inner, outer = io.BytesIO(), io.BytesIO()
    with zipfile.ZipFile(inner, "w") as z:
        z.writestr("tickets.csv", "Ticket ID,Created\n1,2024-01-01\n")
    with zipfile.ZipFile(outer, "w") as z:
        z.writestr("inner.zip", inner.getvalue())
    with pytest.raises(UnreadableFileError) as err:
        read_file(outer.getvalue(), "nested.zip")
    assert "found: inner.zip" in err.value.message
    assert "Unpack the ZIP inside it" in err.value.hint and ".zip of those" not in err.value.hint
