"""Durations from export text, as float minutes, and the unit a column header implies.

Self-describing text is read whatever `unit` says:
- clock text "H:MM:SS" or "H:MM" (hours past 24 allowed: "49:12:03"; a two-part clock is
  hours:minutes, as in Jira SLA fields and Freshdesk "Time tracked"; fractional seconds allowed);
- "1 day 02:03:04" / "2 days, 02:03:04" (pandas' timedelta text);
- unit words: "1h 23m", "2d 4h", "45s", "1 hour 5 minutes", "1,5 h".
A leading minus is kept ("-03:15" is -195.0): Jira shows a breached SLA as negative remaining
time and the caller decides what that means.

Plain numbers ("90", "1,5") take `unit`. With "auto" or "hms" (the column is clock text) a plain
number has no unit and fails rather than being guessed.
"""

from __future__ import annotations

import re
from typing import Literal

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from dashboard.parse.common import Parsed, distinct, failure_note, plural
from dashboard.parse.numbers import parse_numbers

Unit = Literal["seconds", "minutes", "hours", "days", "auto", "hms"]
MINUTES_PER: dict[str, float] = {"seconds": 1 / 60, "minutes": 1.0, "hours": 60.0, "days": 1440.0}
_CLOCK = r"^[+-]?\d+:[0-5]\d(?::[0-5]\d(?:[.,]\d+)?)?$"
_DAY_CLOCK = re.compile(r"([+-]?)(\d+) days?,? (\d+):([0-5]\d)(?::([0-5]\d(?:[.,]\d+)?))?")
_WORD_UNITS = {
    **dict.fromkeys(("d", "day", "days", "dag", "dager", "dage", "dagar", "tag", "tage",
                     "dzień", "dni", "天", "日"), 1440.0),
    **dict.fromkeys(("h", "hr", "hrs", "hour", "hours", "t", "time", "timer", "timmar", "std",
                     "stunde", "stunden", "godz", "godzina", "godziny", "godzin", "小时", "时"),
                    60.0),
    **dict.fromkeys(("m", "min", "mins", "minute", "minutes", "minutt", "minutter", "minuter",
                     "minuten", "minuta", "minuty", "minut", "分钟", "分"), 1.0),
    **dict.fromkeys(("s", "sec", "secs", "second", "seconds", "sek", "sekunder", "sekunden",
                     "sekunda", "sekundy", "秒"), 1 / 60),
}  # fmt: skip
_WORD_PART = re.compile(r"(\d+(?:[.,]\d+)?)\s*([^\W\d_]+)\.?,?\s*")
# ISO 8601 durations, as APIs and some exports write them: P1DT2H30M, PT45M, PT1.5S
_ISO_DURATION = re.compile(
    r"([+-]?)P(?:(\d+(?:[.,]\d+)?)W)?(?:(\d+(?:[.,]\d+)?)D)?"
    r"(?:T(?:(\d+(?:[.,]\d+)?)H)?(?:(\d+(?:[.,]\d+)?)M)?(?:(\d+(?:[.,]\d+)?)S)?)?",
    re.IGNORECASE,
)

# Header phrases, tried in order on the lower-cased header with business/calendar-hours
# phrases removed ("... in minutes within business hours" is minutes, not hours).
_HEADER_UNITS: tuple[tuple[str, str], ...] = (
    (r"hh:mm(:ss)?|h:mm(:ss)?", "hms"),
    (r"\bcalendar_stc\b|\bbusiness_stc\b|\btime_to_\w+|_ooo\b", "seconds"),  # ServiceNow, Intercom
    (r"\b(in )?(seconds|secs?|sekunder|sekunden)\b|\(s\)", "seconds"),
    (r"\b(in )?(minutes|mins?|minutter|minuten)\b|\(m\)", "minutes"),
    (r"\b(in )?(hours|hrs?|timer|stunden)\b|\(h\)", "hours"),
    (r"\b(in )?(days|dager|dage|tage)\b", "days"),
)
_NOT_UNITS = r"(within |in )?(business|calendar|office|working) hours"


def duration_unit_from_header(header: str) -> str | None:
    """The unit a header names: seconds, minutes, hours, days, "hms" (clock text), or None.

    Examples: "First reply time in minutes within business hours" -> minutes (Zendesk);
    "First response time (in hrs)" -> hours (Freshdesk writes H:MM:SS there, which is read as
    clock text anyway; Freshservice sometimes writes decimal hours); "Time to close (HH:mm:ss)"
    -> hms (HubSpot); "calendar_stc", "business_stc" -> seconds (ServiceNow);
    "time_to_admin_reply" -> seconds (Intercom); "Duration (in seconds)" -> seconds (Qualtrics).
    """
    text = re.sub(_NOT_UNITS, " ", header.casefold())
    for pattern, unit in _HEADER_UNITS:
        if re.search(pattern, text):
            return unit
    return None


def parse_durations(values: pd.Series, *, unit: Unit) -> Parsed:
    """Read a text column as float minutes.

    Args:
        values: export text (pandas string; <NA> or blank for an empty cell).
        unit: unit of plain numbers; "auto"/"hms" when only self-describing text is expected.

    Returns:
        Parsed with float64 minutes (negative kept); `failed` marks unreadable text.
    """
    if unit not in (*MINUTES_PER, "auto", "hms"):
        raise ValueError(f"unknown duration unit {unit!r}")
    d = distinct(values)
    minutes = np.full(len(d), np.nan)
    forms: list[str] = []
    rest = _read_clocks(d.texts, minutes, forms)
    rest = _read_plain(d.texts, rest, minutes, unit, forms)
    _read_words(d.texts, rest, minutes, forms)
    failed = np.isnan(minutes)
    note = "durations in minutes from " + (", ".join(forms) if forms else "no readable values")
    negative = int(np.count_nonzero(d.spread(minutes, np.nan) < 0))
    if negative:
        note += f"; {plural(negative, 'negative value')} kept"
    note += failure_note(failed)
    series = pd.Series(d.spread(minutes, np.nan), index=values.index, dtype="float64")
    return Parsed(series, d.spread_failed(failed), note)


def _read_clocks(texts: pa.Array, minutes: np.ndarray, forms: list[str]) -> np.ndarray:
    """Read H:MM[:SS] values (vectorised); return the positions of the other values."""
    is_clock = pc.fill_null(pc.match_substring_regex(texts, _CLOCK), False)
    mask = is_clock.to_numpy(zero_copy_only=False)
    if not mask.any():
        return np.arange(len(texts))
    clocks = pc.filter(texts, is_clock)
    negative = pc.starts_with(clocks, "-").to_numpy(zero_copy_only=False)
    bare = pc.replace_substring(pc.utf8_ltrim(clocks, "+-"), ",", ".")
    parts = pc.split_pattern(bare, ":")
    counts = pc.list_value_length(parts).to_numpy(zero_copy_only=False)
    flat = pc.cast(pc.list_flatten(parts), pa.float64()).to_numpy(zero_copy_only=False)
    start = parts.offsets.to_numpy(zero_copy_only=False)[:-1]
    seconds = np.where(counts == 3, flat[np.minimum(start + 2, len(flat) - 1)], 0.0)
    value = flat[start] * 60 + flat[start + 1] + seconds / 60
    minutes[mask] = np.where(negative, -value, value)
    forms.append("H:MM:SS clock text" if (counts == 3).any() else "H:MM clock text")
    return np.flatnonzero(~mask)


def _read_plain(
    texts: pa.Array, where: np.ndarray, minutes: np.ndarray, unit: str, forms: list[str]
) -> np.ndarray:
    """Read plain numbers at `where` in `unit`; return the positions still unread."""
    if where.size == 0:
        return where
    picked = texts if where.size == len(texts) else pc.take(texts, pa.array(where))
    sub = pd.Series(pd.array(picked, dtype="string"))
    numbers = parse_numbers(sub, is_money_allowed=False)
    is_number = ~numbers.failed
    if not is_number.any():
        return where
    if unit in MINUTES_PER:
        minutes[where[is_number]] = numbers.values.to_numpy()[is_number] * MINUTES_PER[unit]
        mark = ", decimal comma" if numbers.decimal == "," else ""
        forms.append(f"numbers in {unit}{mark}")
        return where[~is_number]
    forms.append("numbers without a unit (not read)")
    return where[~is_number]


def _read_words(texts: pa.Array, where: np.ndarray, minutes: np.ndarray, forms: list[str]) -> None:
    """Read '1h 23m', '2 days 04:00:00' and the like, one value at a time (leftovers only)."""
    found = 0
    for i, text in zip(where, pc.take(texts, pa.array(where)).to_pylist(), strict=True):
        value = _word_minutes(text)
        if value is not None:
            minutes[i] = value
            found += 1
    if found:
        forms.append("text with units (1h 23m)")


def _word_minutes(text: str) -> float | None:
    """Minutes in one '1 day 02:03:04' or '1h 23m 5s' text, or None when it is neither."""
    m = _DAY_CLOCK.fullmatch(text)
    if m:
        sign, days, hours, mins, secs = m.groups()
        value = float(int(days) * 1440 + int(hours) * 60 + int(mins))
        value += float((secs or "0").replace(",", ".")) / 60
        return -value if sign == "-" else value
    m = _ISO_DURATION.fullmatch(text.strip())
    if m and any(m.groups()[1:]):
        sign, *parts = m.groups()
        per = (10080.0, 1440.0, 60.0, 1.0, 1 / 60)
        value = sum(float(p.replace(",", ".")) * k for p, k in zip(parts, per, strict=True) if p)
        return -value if sign == "-" else value
    body = text.lstrip("+-").strip()
    if not body or _WORD_PART.sub("", body):
        return None
    total = 0.0
    for number, word in _WORD_PART.findall(body):
        per = _WORD_UNITS.get(word.casefold())
        if per is None:
            return None
        total += float(number.replace(",", ".")) * per
    return -total if text.startswith("-") else total
