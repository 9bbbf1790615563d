"""Date layouts: recognise the layout of one text, then read many texts of that layout at once.

A `Layout` is found per value by a Python regex (on a sample, and on leftovers), and applied to
whole columns with Arrow's C++ `strptime`, which is fast but lenient: it accepts "31.02.2024" as
2 March and a 2-digit year under `%Y`. `read_layout` therefore checks each result: the day read
back must equal the day written, and the year must lie in 1900-2199.

Day-first and month-first layouts ("03/04/2024") are read both ways; the caller decides which
reading holds for the column (see `dates.decide_order`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

Kind = Literal["dmy", "ymd", "mon_dmy", "mon_mdy"]
NAT = np.datetime64("NaT", "us")

# Month words in the languages of our users' exports, mapped to the English abbreviation that
# Arrow's %b reads. English full names and abbreviations are read directly by %b.
MONTH_WORDS: dict[str, str] = {
    **{w: "Jan" for w in ("januar", "janvier", "janv", "jänner", "styczeń", "stycznia", "sty")},
    **{w: "Feb" for w in ("februar", "février", "févr", "fevrier", "fev", "luty", "lutego", "lut")},
    **{"januari": "Jan", "februari": "Feb"},
    **{w: "Mar" for w in ("mars", "marts", "märz", "mär", "marz", "marzec", "marca", "mrz")},
    **{w: "Apr" for w in ("april", "avril", "avr", "kwiecień", "kwietnia", "kwi")},
    **{w: "May" for w in ("mai", "maj", "maja", "mei")},
    **{w: "Jun" for w in ("juni", "juin", "czerwiec", "czerwca", "cze")},
    **{w: "Jul" for w in ("juli", "juillet", "juil", "lipiec", "lipca", "lip")},
    **{w: "Aug" for w in ("augusti",)},
    **{w: "Aug" for w in ("august", "août", "aout", "sierpień", "sierpnia", "sie")},
    **{w: "Sep" for w in ("sept", "septembre", "wrzesień", "września", "wrz")},
    **{w: "Oct" for w in ("oktober", "okt", "octobre", "październik", "października", "paź")},
    **{w: "Dec" for w in ("decembre",)},
    **{w: "Nov" for w in ("november", "novembre", "listopad", "listopada", "lis")},
    **{w: "Dec" for w in ("desember", "dezember", "des", "dez", "décembre", "déc", "grudzień")},
    **{w: "Dec" for w in ("grudnia", "gru", "december")},
    # Spanish (Jira and Zendesk in es-ES write "14/mar/24", "3 dic 2023")
    **{"enero": "Jan", "ene": "Jan", "febrero": "Feb", "marzo": "Mar", "abril": "Apr",
       "abr": "Apr", "mayo": "May", "junio": "Jun", "julio": "Jul", "agosto": "Aug",
       "ago": "Aug", "septiembre": "Sep", "setiembre": "Sep", "set": "Sep", "octubre": "Oct",
       "noviembre": "Nov", "diciembre": "Dec", "dic": "Dec"},
}
_ENGLISH = {
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    "january", "february", "march", "april", "june", "july", "august", "september",
    "october", "november", "december",
}  # fmt: skip

_TIME = r"(?:(?P<tsep>T|,? +)(?P<hour>\d{1,2}):\d{2}(?P<sec>:\d{2})?(?P<ampm> ?[AaPp][Mm])?)?$"
_MON = r"(?P<mon>[^\W\d_]{3,}\.?)"
_PATTERNS: tuple[tuple[Kind, re.Pattern[str]], ...] = (
    ("ymd", re.compile(r"(?P<y>\d{4})(?P<s>[-./])\d{1,2}(?P=s)\d{1,2}" + _TIME)),
    ("dmy", re.compile(r"\d{1,2}(?P<s>[-./])\d{1,2}(?P=s)(?P<y>\d{4}|\d{2})" + _TIME)),
    (
        "mon_dmy",
        re.compile(r"\d{1,2}(?P<s>\.? |[-/.])" + _MON + r"(?P<s2>[-/ ])(?P<y>\d{4}|\d{2})" + _TIME),
    ),
    ("mon_mdy", re.compile(_MON + r" \d{1,2}(?P<c>,?) (?P<y>\d{4})" + _TIME)),
)
_MONTH_TOKEN = re.compile(r"[^\W\d_]{3,}\.?")


@dataclass(frozen=True, slots=True)
class Layout:
    """One way of writing a date: a strptime format (two when day and month may swap).

    Attributes:
        kind: dmy (day/month order open), ymd, mon_dmy ("14 Mar 2024"), mon_mdy ("Mar 14, 2024").
        fmt: the strptime format; for dmy the day-first reading.
        fmt_swapped: for dmy, the month-first reading; None otherwise.
        day_pos: which digit group (1-based) holds the day, for the check of what Arrow read.
        sep: the separator between date fields ("." "/" "-" " ").
        has_ampm: whether the time is written with AM/PM.
        describe: a readable pattern for notes ("dd.mm.yyyy HH:MM").
    """

    kind: Kind
    fmt: str
    fmt_swapped: str | None
    day_pos: int
    sep: str
    has_ampm: bool
    describe: str


def _time_part(m: re.Match[str]) -> tuple[str, str]:
    """The strptime format and readable pattern of the time after a date (may be empty)."""
    if m.group("hour") is None:
        return "", ""
    sep = m.group("tsep")
    hour = "%I" if m.group("ampm") else "%H"
    fmt = f"{sep}{hour}:%M" + (":%S" if m.group("sec") else "")
    text = f"{sep}{'h:mm' if m.group('ampm') else 'HH:MM'}" + (
        (":ss" if m.group("ampm") else ":SS") if m.group("sec") else ""
    )
    if m.group("ampm"):
        space = " " if m.group("ampm").startswith(" ") else ""
        fmt += f"{space}%p"
        text += f"{space}AM/PM"
    return fmt, text


def layout_of(text: str) -> Layout | None:
    """The layout of one (trimmed, English-month) date text, or None when none fits."""
    for kind, pattern in _PATTERNS:
        m = pattern.fullmatch(text)
        if m is None:
            continue
        if kind.startswith("mon") and m.group("mon").rstrip(".").lower() not in _ENGLISH:
            continue
        tfmt, tdesc = _time_part(m)
        year, ydesc = ("%Y", "yyyy") if len(m.group("y")) == 4 else ("%y", "yy")
        ampm = m.group("ampm") is not None
        if kind == "ymd":
            s = m.group("s")
            return Layout(kind, f"%Y{s}%m{s}%d{tfmt}", None, 3, s, ampm, f"yyyy{s}mm{s}dd{tdesc}")
        if kind == "dmy":
            s = m.group("s")
            return Layout(
                kind,
                f"%d{s}%m{s}{year}{tfmt}",
                f"%m{s}%d{s}{year}{tfmt}",
                1,
                s,
                ampm,
                f"{{a}}{s}{{b}}{s}{ydesc}{tdesc}",
            )
        dot = "." if m.group("mon").endswith(".") else ""
        if kind == "mon_dmy":
            s, s2 = m.group("s"), m.group("s2")
            fmt = f"%d{s}%b{dot}{s2}{year}{tfmt}"
            return Layout(kind, fmt, None, 1, s2, ampm, f"dd{s}MMM{dot}{s2}{ydesc}{tdesc}")
        fmt = f"%b{dot} %d{m.group('c')} {year}{tfmt}"
        return Layout(kind, fmt, None, 1, " ", ampm, f"MMM{dot} dd{m.group('c')} yyyy{tdesc}")
    return None


_CJK_DATE = re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")
_WEEKDAY = re.compile(r"^[^\W\d_]{2,12}\.?,?\s+(?=\d)")  # "Mon, 11 Mar", "man. 11. mars"
_CLOCK_WORD = re.compile(r"\s+(?:kl|klo|godz|um|à|at)\.?\s+(?=\d)", re.IGNORECASE)
_DAY_DOT = re.compile(r"^(\d{1,2})\.\s+(?=[^\W\d_])")  # "11. mars 2024"
_ZONE = re.compile(r"\s*(?:(utc|gmt|z)|([+-])(\d{2}):?(\d{2}))$", re.IGNORECASE)


def tidy_date_text(text: str) -> tuple[str, int]:
    """A date written for people made readable by the layouts, and its UTC offset in minutes.

    "2024年3月11日 08:12" -> "2024-3-11 08:12"; "Mon, 11 Mar 2024 08:12:31 +0100" ->
    ("11 Mar 2024 08:12:31", 60); "11. mars 2024 kl. 08:12" -> "11 mars 2024 08:12";
    a trailing "UTC"/"GMT" is dropped (offset 0). Offsets are applied by the caller, so the
    result is UTC like every ISO value with a zone.
    """
    out = _CJK_DATE.sub(r"\1-\2-\3", text.strip())
    if (m := _WEEKDAY.match(out)) and not _is_month(m.group(0)):
        out = out[m.end() :]
    out = _CLOCK_WORD.sub(" ", out)
    out = _DAY_DOT.sub(r"\1 ", out)
    offset = 0
    if (m := _ZONE.search(out)) and any(ch.isdigit() for ch in out[: m.start()]):
        if m.group(2):
            offset = (int(m.group(3)) * 60 + int(m.group(4))) * (1 if m.group(2) == "+" else -1)
        out = out[: m.start()]
    return out.strip(), offset


def _is_month(word: str) -> bool:
    """'Mar', 'mars.', 'March,' are months (so not weekdays to drop)."""
    folded = word.strip(" .,").lower()
    return folded in MONTH_WORDS or folded in _ENGLISH


def english_months(text: str) -> str:
    """Replace a month word in another language (mars, mai, okt., grudnia) by its English one."""

    def swap(m: re.Match[str]) -> str:
        word = m.group(0)
        english = MONTH_WORDS.get(word.rstrip(".").lower())
        return english if english else word

    return _MONTH_TOKEN.sub(swap, text)


def read_format(texts: pa.Array, fmt: str, day_pos: int) -> np.ndarray:
    """Read `texts` with one strptime format; NaT where it does not fit or is not a real date."""
    parsed = pc.strptime(texts, format=fmt, unit="us", error_is_null=True)
    out = parsed.to_numpy(zero_copy_only=False).astype("datetime64[us]")
    ok = ~np.isnat(out)
    if not ok.any():
        return out
    years = pc.fill_null(pc.year(parsed), 0).to_numpy(zero_copy_only=False)
    bad = ok & ((years < 1900) | (years > 2199))
    day = day_of_month(out)
    # Arrow rolls an impossible day over into the next month ("31.02" -> 2 March), so a day of
    # 1-3 read back must be the day written.
    suspect = np.flatnonzero(ok & ~bad & (day <= 3))
    if suspect.size:
        written = _digit_group(pc.take(texts, pa.array(suspect)), day_pos)
        bad[suspect] |= written != day[suspect]
    if "%S" in fmt:
        bad |= leap_second(texts, out, ok & ~bad)
    out[bad] = NAT
    return out


def leap_second(texts: pa.Array, stamps: np.ndarray, ok: np.ndarray) -> np.ndarray:
    """Where Arrow's strptime read seconds 60 or 61 and rolled them into the next minute.

    "10:00:61" would become 10:01:01; it is not a time, so it fails like "31.02.2024". Only
    values read with seconds 00 or 01 (where a roll-over lands) are tested, for ":6": a minute
    of 60 or more never reads, so in a value that did the ":6" is the seconds.
    """
    seconds = stamps.view(np.int64) // 1_000_000 % 60
    suspect = np.flatnonzero(ok & (seconds <= 1))
    out = np.zeros(len(stamps), dtype=bool)
    if suspect.size:
        written = pc.match_substring(pc.take(texts, pa.array(suspect)), ":6")
        out[suspect] = pc.fill_null(written, False).to_numpy(zero_copy_only=False)
    return out


def _digit_group(texts: pa.Array, pos: int) -> np.ndarray:
    """The `pos`-th run of digits in each text, as integers (-1 when absent)."""
    pattern = r"^\D*" + r"\d+\D+" * (pos - 1) + r"(?P<g>\d+)"
    found = pc.struct_field(pc.extract_regex(texts, pattern), [0])
    found = pc.fill_null(found, "-1")
    return pc.cast(found, pa.int64()).to_numpy(zero_copy_only=False)


def day_of_month(stamps: np.ndarray) -> np.ndarray:
    """Day of the month of each datetime64[us] value (0 for NaT)."""
    days = pc.day(pa.array(stamps, type=pa.timestamp("us")))
    return pc.fill_null(days, 0).to_numpy(zero_copy_only=False)


def month_of_year(stamps: np.ndarray) -> np.ndarray:
    """Month (1-12) of each datetime64[us] value (0 for NaT)."""
    months = pc.month(pa.array(stamps, type=pa.timestamp("us")))
    return pc.fill_null(months, 0).to_numpy(zero_copy_only=False)
