"""Regressions found by tests/test_fuzz_ingest.py on damaged text files."""

from __future__ import annotations

import pytest

from dashboard.errors import UnreadableFileError
from dashboard.ingest import read_file


def test_fuzz_utf8_bom_file_cut_mid_character_is_a_clear_error() -> None:
    # A UTF-8 file with BOM, cut inside a 3-byte character (a partial download): the BOM
    # path skipped validation and the reader crashed with UnicodeDecodeError.
    data = "\ufeffId,Navn\r\n1,Ærlig\r\n2,中".encode()[:-1]
    with pytest.raises(UnreadableFileError, match=r"cut\.csv looks like UTF-8 text but is damaged"):
        read_file(data, "cut.csv")
