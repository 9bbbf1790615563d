"""Dates written as numbers: Excel serial days, Unix epoch seconds or milliseconds, yyyymmdd.

These readings apply only when every value of the column is a plain number, so a stray number in
a text date column is a failure rather than a date in 1970 or 2024. The column is read one way:
- every value an integer of 10 digits: epoch seconds (2001-09-09 .. 2286);
- every value an integer of 13 digits: epoch milliseconds;
- every value within 20000-80000: Excel serial days from 1899-12-30 (1954-10-03 .. 2119-01-10),
  fractions are the time of day, rounded to the second;
- every value an integer of 8 digits: yyyymmdd.
Any other all-numeric column is not dates: every value fails.
"""

from __future__ import annotations

import re

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from dashboard.parse.date_formats import NAT, read_format

_NUMBER = r"^\d+(?:\.\d+)?$"
EXCEL_EPOCH = np.datetime64("1899-12-30T00:00:00", "us")
EXCEL_RANGE = (20_000.0, 80_000.0)  # serial days read as dates: 1954-10-03 .. 2119-01-10


def read_numeric_dates(texts: pa.Array) -> tuple[np.ndarray, str, str] | None:
    """Dates from an all-numeric column as (values, order label, note); None if not numeric."""
    if len(texts) == 0 or not _is_number(texts[0].as_py()):
        return None
    is_number = pc.fill_null(pc.match_substring_regex(texts, _NUMBER), False)
    if not pc.all(is_number).as_py():
        return None
    numbers = pc.cast(texts, pa.float64()).to_numpy(zero_copy_only=False)
    is_int = not pc.any(pc.match_substring(texts, ".")).as_py()
    digits = pc.utf8_length(texts).to_numpy(zero_copy_only=False)
    if is_int and np.all(digits == 10):
        return _epoch(numbers, 1_000_000), "epoch_s", "Unix epoch seconds (UTC)"
    if is_int and np.all(digits == 13):
        return _epoch(numbers, 1_000), "epoch_ms", "Unix epoch milliseconds (UTC)"
    low, high = EXCEL_RANGE
    if np.all((numbers >= low) & (numbers <= high)):
        seconds = np.round(numbers * 86_400).astype(np.int64)
        out = EXCEL_EPOCH + seconds.astype("timedelta64[s]").astype("timedelta64[us]")
        return out, "excel_serial", "Excel serial day numbers (days since 1899-12-30)"
    if is_int and np.all(digits == 8):
        out = read_format(texts, "%Y%m%d", 3)
        return out, "iso", "dates as yyyymmdd numbers"
    note = "numbers that are not dates (not Excel serial days, epoch seconds or milliseconds)"
    return np.full(len(texts), NAT), "unknown", note


def _is_number(text: str | None) -> bool:
    return text is not None and re.fullmatch(_NUMBER, text) is not None


def _epoch(numbers: np.ndarray, micros_per_unit: int) -> np.ndarray:
    micros = numbers.astype(np.int64) * micros_per_unit
    return micros.astype("datetime64[us]")
