"""Dates and timestamps from export text, with the day/month order decided per column.

Forms read: ISO 8601 (with or without T, fractional seconds, Z or an offset: converted to UTC and
made naive), yyyy-mm-dd / yyyy/mm/dd / yyyy.mm.dd, dd.mm.yyyy, dd/mm/yyyy, m/d/yyyy h:mm AM/PM,
dd-mm-yyyy, 2-digit years, month names (Jira "14/Mar/24 2:05 PM", "14 mars 2024",
"Mar 14, 2024"; English, French, German, Norwegian, Danish, Polish, Spanish), English weekdays
and "at" (Freshdesk "Mon, 03 Mar, 2025 at 09:00 AM"), and whole numeric columns of Excel serial
days (20000-80000), Unix epoch seconds (10 digits) or milliseconds (13 digits).
Time is optional everywhere; 2-digit years 00-68 are 2000-2068 and 69-99 are 1969-1999.

Day-first or month-first is decided from the data of the whole column: a first field above 12
means day-first, a second field above 12 means month-first; both at once is `mixed` and the
values that could be read either way fail. When no value decides, the `order` argument does; its
default ("auto") is day-first, except month-first for "/" dates with AM/PM (en_US). `note` and
`order` report the decision, and `is_order_assumed` says whether the data did not settle it.

Speed: distinct values only; ISO through pandas' C parser; other layouts through Arrow's
strptime, layout found on a sample; English weekdays and "at" dropped by Arrow regexes; a
per-value Python pass only for what is left. Impossible days (2024-02-30) fail on every path.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from dashboard.parse.common import Distinct, Parsed, distinct, failure_note
from dashboard.parse.date_formats import (
    NAT,
    Layout,
    day_of_month,
    english_months,
    layout_of,
    month_of_year,
    read_format,
    tidy_date_text,
)
from dashboard.parse.date_numbers import read_numeric_dates
from dashboard.parse.date_order import Order, Reading, dmy_order, order_note, resolved_order
from dashboard.parse.date_tidy import tidy_english_dates
from dashboard.parse.iso_plain import read_plain_iso

_ISO_PREFIX = r"^\d{4}-\d{2}-\d{2}"
_SAMPLE = 200  # values looked at in Python to find the layouts of the bulk of a column
_LEFTOVER_SAMPLE = 20_000  # most leftover values looked at one by one
_ISO = "ISO 8601"


@dataclass(frozen=True, slots=True)
class ParsedDates(Parsed):
    """Parsed dates (naive datetime64[us]) with the order decided for the column.

    Attributes:
        order: dayfirst | monthfirst | iso | excel_serial | epoch_s | epoch_ms | mixed | unknown.
        is_order_assumed: True when no value settled day-first vs month-first.
    """

    order: str
    is_order_assumed: bool = False


def parse_dates(values: pd.Series, *, order: Order = "auto") -> ParsedDates:
    """Read a text column as naive timestamps, deciding the layout and day/month order.

    Args:
        values: export text (pandas string; <NA> or blank for an empty cell).
        order: day/month order used only when no value decides it ("auto": see module doc).

    Returns:
        ParsedDates with datetime64[us] values; `failed` marks text that is not a date.
    """
    if order not in ("auto", "dayfirst", "monthfirst"):
        raise ValueError(f"order must be auto, dayfirst or monthfirst, not {order!r}")
    d = distinct(values)
    numeric = read_numeric_dates(d.texts)
    if numeric is not None:
        out, kind, note = numeric
        return _result(values, d, out, np.isnat(out), note=note, order=kind)
    reading = Reading.empty(len(d))
    rest = np.arange(len(d))
    # ISO first when the sample shows it (fast C parser); otherwise only for leftovers.
    if any(re.match(_ISO_PREFIX, t) for t in _sample(d.texts, _SAMPLE)):
        rest = _read_iso(d.texts, rest, reading)
    rest = _read_layouts(pc.take(d.texts, pa.array(rest)), rest, reading, sample=_SAMPLE)
    if rest.size:
        rest = _read_iso(d.texts, rest, reading)
    texts, offsets = d.texts, None
    if rest.size:
        texts, rest = _read_tidied(d.texts, rest, reading)
    if rest.size:
        texts, offsets = _read_written(texts, rest, reading)
    return _decide(values, d, reading, order, texts, offsets)


def _read_tidied(
    texts: pa.Array, where: np.ndarray, reading: Reading
) -> tuple[pa.Array, np.ndarray]:
    """Leftovers in English written for people ("Mon, 03 Mar, 2025 at 09:00 AM"), tidied in
    Arrow and read by the layouts. Returns the texts with every tidied leftover in its tidied
    form (for a month-first second reading, and for the per-value pass) and what is unread."""
    sub = pc.take(texts, pa.array(where))
    tidy = tidy_english_dates(sub)
    changed = pc.fill_null(pc.not_equal(tidy, sub), False)
    if not pc.any(changed).as_py():
        return texts, where
    moved = where[changed.to_numpy(zero_copy_only=False)]
    tidied = pc.filter(tidy, changed)
    _read_layouts(tidied, moved, reading, sample=_SAMPLE)
    mask = np.zeros(len(texts), dtype=bool)
    mask[moved] = True  # `moved` is ascending, like the order of `tidied`
    texts = pc.replace_with_mask(texts, pa.array(mask), tidied)
    return texts, where[reading.layout_id[where] < 0]


def _read_written(
    texts: pa.Array, where: np.ndarray, reading: Reading
) -> tuple[pa.Array, np.ndarray | None]:
    """Leftovers written for people: month words in our languages, weekdays, "kl.", 年月日,
    zones as words or offsets. Returns the texts with the leftovers as they were read (for a
    month-first second reading) and each value's UTC offset in minutes (None: none had one)."""
    tidy = [tidy_date_text(t) for t in pc.take(texts, pa.array(where)).to_pylist()]
    plain = pa.array([english_months(t) for t, _ in tidy], pa.large_string())
    _read_layouts(plain, where, reading, sample=_LEFTOVER_SAMPLE)
    written = texts.to_pylist()
    for i, text in zip(where.tolist(), plain.to_pylist(), strict=True):
        written[i] = text
    minutes = np.zeros(len(texts), dtype=np.int64)
    minutes[where] = [m for _, m in tidy]
    return pa.array(written, pa.large_string()), (minutes if minutes.any() else None)


def _read_iso(texts: pa.Array, where: np.ndarray, reading: Reading) -> np.ndarray:
    """Read ISO 8601 values among `where` (offsets to UTC); return the positions still unread."""
    where = _read_iso_plain(texts, where, reading)
    if where.size == 0:
        return where
    sub = pc.take(texts, pa.array(where))
    is_iso = pc.fill_null(pc.match_substring_regex(sub, _ISO_PREFIX), False)
    picked = is_iso.to_numpy(zero_copy_only=False)
    if picked.any():
        iso_texts = pc.filter(sub, is_iso).to_numpy(zero_copy_only=False)
        stamps = pd.to_datetime(iso_texts, format="ISO8601", utc=True, errors="coerce")
        got = stamps.tz_localize(None).to_numpy().astype("datetime64[us]")
        ok = ~np.isnat(got)
        hit = where[picked][ok]
        reading.fixed[hit] = got[ok]
        reading.mark(hit, _ISO)
    return where[reading.layout_id[where] < 0]


def _read_iso_plain(texts: pa.Array, where: np.ndarray, reading: Reading) -> np.ndarray:
    """The common zone-less forms in Arrow's C parser (see `iso_plain`); return the positions
    left for the general ISO reader (fractions, zones, date only, impossible days)."""
    if where.size == 0:
        return where
    sub = pc.take(texts, pa.array(where)) if len(where) < len(texts) else texts
    read, stamps = read_plain_iso(sub, _sample(sub, _SAMPLE))
    reading.fixed[where[read]] = stamps[read]
    reading.mark(where[read], _ISO)
    return where[~read]


def _read_layouts(texts: pa.Array, where: np.ndarray, reading: Reading, sample: int) -> np.ndarray:
    """Find layouts on a sample of `texts`, read all of them; return positions still unread."""
    for layout in _layouts_in(texts, sample):
        if where.size == 0:
            break
        first = read_format(texts, layout.fmt, layout.day_pos)
        hit = ~np.isnat(first)
        if layout.fmt_swapped is not None:
            # Month-first only where day-first failed: enough to see a second field above 12;
            # the rest is read month-first later only if the column turns out month-first.
            second = np.full(len(first), NAT)
            second[~hit] = read_format(pc.filter(texts, pa.array(~hit)), layout.fmt_swapped, 2)
            hit |= ~np.isnat(second)
            reading.first[where[hit]] = first[hit]
            reading.second[where[hit]] = second[hit]
        else:
            reading.fixed[where[hit]] = first[hit]
        reading.mark(where[hit], layout)
        texts, where = pc.filter(texts, pa.array(~hit)), where[~hit]
    return where


def _layouts_in(texts: pa.Array, sample: int) -> list[Layout]:
    """The layouts seen in an evenly spread sample of `texts`, most frequent first."""
    found = Counter(layout_of(t) for t in _sample(texts, sample))
    return [layout for layout, _ in found.most_common() if layout is not None]


def _sample(texts: pa.Array, size: int) -> list[str]:
    """Up to `size` values spread evenly over `texts` (all of them when fewer)."""
    n = len(texts)
    if n <= size:
        return texts.to_pylist()
    picks = np.unique(np.linspace(0, n - 1, num=size).astype(np.int64))
    return pc.take(texts, pa.array(picks)).to_pylist()


def _decide(
    values: pd.Series,
    d: Distinct,
    reading: Reading,
    order: Order,
    texts: pa.Array,
    offsets: np.ndarray | None,
) -> ParsedDates:
    """Settle the day/month order, pick each value's reading and describe the decision.

    `texts` are the distinct values as read (leftovers tidied); `offsets` (minutes east of
    UTC per value) turn zoned values into UTC, like ISO values with a zone."""
    is_dmy = ~np.isnat(reading.first) | ~np.isnat(reading.second)
    chosen, reason, assumed = dmy_order(reading, is_dmy, order)
    if chosen == "monthfirst":
        _read_rest_month_first(texts, reading)
    out = reading.fixed.copy()
    first_ok, second_ok = ~np.isnat(reading.first), ~np.isnat(reading.second)
    if chosen == "dayfirst":
        take_first, take_second = first_ok, np.zeros_like(first_ok)
    elif chosen == "monthfirst":
        take_first, take_second = np.zeros_like(first_ok), second_ok
    else:  # mixed: only values that read one way only, or the same both ways
        day, month = day_of_month(reading.first), month_of_year(reading.first)
        take_first = first_ok & ((day > 12) | (day == month))
        take_second = second_ok & ~first_ok
    out[take_first] = reading.first[take_first]
    out[take_second] = reading.second[take_second]
    if offsets is not None:
        out = out - offsets.astype("timedelta64[m]").astype("timedelta64[us]")  # NaT stays
    failed = np.isnat(out)
    counts = d.row_counts()
    resolved = resolved_order(reading, is_dmy, chosen, counts)
    note = order_note(reading, ~failed, chosen, counts, resolved) + reason
    if offsets is not None:
        note += "; times with a UTC offset converted to UTC"
    note += failure_note(failed)
    return _result(values, d, out, failed, note=note, order=resolved, assumed=assumed)


def _read_rest_month_first(texts: pa.Array, reading: Reading) -> None:
    """Read month-first the n/n/n values so far only read day-first."""
    todo = ~np.isnat(reading.first) & np.isnat(reading.second)
    for i, layout in enumerate(reading.layouts):
        where = np.flatnonzero(todo & (reading.layout_id == i))
        if where.size and isinstance(layout, Layout) and layout.fmt_swapped is not None:
            sub = pc.take(texts, pa.array(where))
            reading.second[where] = read_format(sub, layout.fmt_swapped, 2)


def _result(
    values: pd.Series,
    d: Distinct,
    out: np.ndarray,
    failed: np.ndarray,
    *,
    note: str,
    order: str,
    assumed: bool = False,
) -> ParsedDates:
    stamps = pd.Series(d.spread(out, NAT), index=values.index, dtype="datetime64[us]")
    return ParsedDates(stamps, d.spread_failed(failed), note, order, assumed)
