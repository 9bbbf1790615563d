"""The common zone-less ISO timestamps (2024-03-11 08:12:31, ...T08:12:31, ...Z) in Arrow's C
parser: most exports write these, and a million of them read in a fraction of a second.

Arrow's strptime is lenient where a calendar is not: it rolls an impossible day over into the
next month (2024-02-30 becomes 1 March) and seconds 60 and 61 into the next minute. Neither is
read here; the general reader after this one fails them too, like "31.02.2024".
"""

from __future__ import annotations

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from dashboard.parse.date_formats import NAT, leap_second

PLAIN_ISO = ("%Y-%m-%d %H:%M:%S", "%Y-%m-%dT%H:%M:%S", "%Y-%m-%dT%H:%M:%SZ")  # Z: UTC


def read_plain_iso(texts: pa.Array, sample: list[str]) -> tuple[np.ndarray, np.ndarray]:
    """(read, stamps): which of `texts` a plain ISO form reads, and their datetime64[us] values.

    Only the forms seen in `sample` are tried (a form that reads nothing still costs a full
    pass), most hits first; values of a form the sample missed are left for the general reader.
    """
    read = np.zeros(len(texts), dtype=bool)
    out = np.full(len(texts), NAT)
    left = np.arange(len(texts))
    for fmt in _forms_in(sample):
        if left.size == 0:
            break
        got = pc.strptime(texts, format=fmt, unit="us", error_is_null=True)
        stamps = got.to_numpy(zero_copy_only=False).astype("datetime64[us]")
        ok = ~np.isnat(stamps)
        if not ok.any():
            continue
        ok &= ~_rolled_over(texts, stamps, ok)
        ok &= ~leap_second(texts, stamps, ok)
        out[left[ok]] = stamps[ok]
        read[left[ok]] = True
        left, texts = left[~ok], pc.filter(texts, pa.array(~ok))
    return read, out


def _forms_in(sample: list[str]) -> list[str]:
    """The plain ISO formats that read values of the sample, most hits first."""
    values = pa.array(sample, pa.large_string())
    hits = {
        fmt: pc.sum(pc.is_valid(pc.strptime(values, format=fmt, unit="us", error_is_null=True)))
        for fmt in PLAIN_ISO
    }
    counts = {fmt: n.as_py() or 0 for fmt, n in hits.items()}
    return [fmt for fmt in sorted(counts, key=lambda f: -counts[f]) if counts[fmt] > 0]


def _landing_days(first: str, last: str) -> np.ndarray:
    """Per day from `first` to `last`: whether an impossible day 29-31 rolls over onto it
    (1-3 March from February, the 1st of May, July, October and December)."""
    days = np.arange(np.datetime64(first), np.datetime64(last), dtype="datetime64[D]")
    months = days.astype("datetime64[M]")
    day = (days - months).astype(np.int64) + 1
    month = months.astype(np.int64) % 12 + 1
    return ((month == 3) & (day <= 3)) | (np.isin(month, (5, 7, 10, 12)) & (day == 1))


_LANDING = _landing_days("1900-01-01", "2300-01-01")  # 146,097 booleans, built in ~1 ms
_LANDING_BASE = np.datetime64("1900-01-01", "D").astype(np.int64)
_US_PER_DAY = 86_400_000_000
_WRITTEN_DAY_29_31 = r"^\d{4}-\d{1,2}-(?:29|30|31)\D"


def _rolled_over(texts: pa.Array, stamps: np.ndarray, ok: np.ndarray) -> np.ndarray:
    """Where Arrow's strptime turned an impossible yyyy-mm-dd day into the next month.

    Arrow reads 2024-02-30 as 1 March and 2024-04-31 as 1 May. Only values read as a day such
    a roll-over lands on (about 2 in 100; a table lookup, no calendar arithmetic) are tested,
    by one regex on the day written: that keeps the fast path fast. Years outside the table
    are always tested.
    """
    days = stamps.view(np.int64) // _US_PER_DAY - _LANDING_BASE
    outside = days.view(np.uint64) >= len(_LANDING)
    suspect = np.flatnonzero(ok & (_LANDING.take(days, mode="clip") | outside))
    out = np.zeros(len(stamps), dtype=bool)
    if suspect.size:
        written = pc.match_substring_regex(pc.take(texts, pa.array(suspect)), _WRITTEN_DAY_29_31)
        out[suspect] = pc.fill_null(written, False).to_numpy(zero_copy_only=False)
    return out
