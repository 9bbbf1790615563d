"""Time zones: timestamps as written by default, or converted to the zone the user chose.

Canonical timestamps are naive; values read with an offset or `Z` were converted to UTC by the
parser, so a chosen zone converts from UTC. Ibis has no portable "convert to zone" operation, so
the zone's UTC offsets over the data's dates are worked out here with `zoneinfo` (daylight-saving
changes included) and applied as a piecewise `+ interval` expression that any backend can run.
"""

from __future__ import annotations

from datetime import date, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import ibis
import pandas as pd

from dashboard.errors import ServicegapError

STEP = pd.Timedelta(minutes=15)  # every zone changes offset on a quarter hour


def offsets(zone: str, first: date, last: date) -> list[tuple[pd.Timestamp, int]]:
    """(UTC instant, offset in minutes from then on) for `zone` over the days first..last.

    The first entry holds the offset in force at the start; later entries are the changes.
    """
    try:
        ZoneInfo(zone)
    except (ZoneInfoNotFoundError, ValueError) as err:
        raise ServicegapError(
            f"'{zone}' is not a time zone.", hint="Use a name like Europe/Oslo or UTC."
        ) from err
    days = pd.date_range(pd.Timestamp(first) - timedelta(days=2),
                         pd.Timestamp(last) + timedelta(days=2), freq="D", tz="UTC")  # fmt: skip
    minutes = _minutes(days, zone)
    out = [(days[0].tz_localize(None), int(minutes[0]))]
    for i in range(1, len(days)):
        if minutes[i] != minutes[i - 1]:  # refine to the quarter hour within that day
            fine = pd.date_range(days[i - 1], days[i], freq=STEP)
            m = _minutes(fine, zone)
            j = next(k for k in range(1, len(fine)) if m[k] != m[k - 1])
            out.append((fine[j].tz_localize(None), int(m[j])))
    return out


def _minutes(instants: pd.DatetimeIndex, zone: str) -> list[int]:
    local = instants.tz_convert(zone).tz_localize(None)
    return [int(x) for x in (local - instants.tz_localize(None)) // pd.Timedelta(minutes=1)]


def to_zone(ts: ibis.TimestampValue, changes: list[tuple[pd.Timestamp, int]]) -> ibis.Value:
    """`ts` (UTC, naive) as local time in the zone whose offsets are `changes`."""
    offset: ibis.Value = ibis.literal(changes[0][1])
    for instant, minutes in changes[1:]:
        offset = ibis.ifelse(ts >= ibis.literal(instant.to_pydatetime()), minutes, offset)
    return ts + (offset * 60).as_interval("s")


def localize(table: ibis.Table, zone: str | None, first: date, last: date) -> ibis.Table:
    """`table` with every timestamp column converted to `zone` (unchanged when None)."""
    if not zone:
        return table
    changes = offsets(zone, first, last)
    stamps = [c for c, t in table.schema().items() if t.is_timestamp()]
    return table.mutate(**{c: to_zone(table[c], changes) for c in stamps})
