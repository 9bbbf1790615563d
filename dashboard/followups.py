"""Minutes from each ticket to the same customer's next ticket: the basis of repeat contacts.

A repeat contact is a ticket the same customer follows with another within N days, whatever
channel or team the next one reached: a customer who emailed and then phoned had to come back,
even when the page is filtered to email. The gap therefore depends only on the whole ticket
table, never on filters or the date range, so it is computed once when the data is stored
(`store.build_dataset`) instead of by a window over the customer's tickets on every filter
change (the window was the costliest part of a recompute at 1M tickets). The gap is absolute
time (a 7-day window is 168 hours across a daylight-saving change too).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

COLUMN = "_next_contact_minutes"
"""Minutes to the same customer's next ticket (null: none, or no customer or creation time)."""

OBSERVED = "_observed_minutes"
"""Minutes from a ticket's creation to the last creation in the data: how long the export
still shows whether the customer came back. A ticket created two days before the export ends
cannot show a 7-day repeat contact yet, so it is not counted as one without (the rate fell
at the end of every export, and the fall was called real)."""

_US_PER_SECOND = 1_000_000
_US_PER_MINUTE = 60 * _US_PER_SECOND


def next_contact_minutes(customer: pd.Series, created: pd.Series) -> pd.Series:
    """Per ticket, minutes until the same customer's next ticket (tickets created at the same
    moment follow each other in file order, so the earlier in the file counts as followed)."""
    out = np.full(len(customer), np.nan)
    known = (customer.notna() & created.notna()).to_numpy(dtype=bool)
    if known.sum() > 1:
        rows = np.flatnonzero(known)
        codes, _ = pd.factorize(customer.iloc[rows].array, sort=False)
        stamps = created.iloc[rows].to_numpy(dtype="datetime64[us]").view(np.int64)
        order = _by_customer_then_time(codes, stamps)
        codes, stamps, rows = codes[order], stamps[order], rows[order]
        same = codes[1:] == codes[:-1]
        gap = (stamps[1:] - stamps[:-1]) / _US_PER_MINUTE
        out[rows[:-1][same]] = gap[same]
    return pd.Series(out, index=customer.index, dtype="float64")


def observed_minutes(created: pd.Series) -> pd.Series:
    """Per ticket, minutes until the last ticket creation of the data (null without a date)."""
    last = created.max()
    if pd.isna(last):
        return pd.Series(np.nan, index=created.index, dtype="float64")
    return ((last - created) / pd.Timedelta(minutes=1)).astype("float64")


def _by_customer_then_time(codes: np.ndarray, stamps: np.ndarray) -> np.ndarray:
    """The stable order by customer, then time: one sort of a combined integer key when both
    fit in 63 bits (a fifth of the time of a two-key sort), else the two-key sort."""
    offset = stamps - stamps.min()
    if not (offset % _US_PER_SECOND).any():  # whole seconds, as exports write them
        offset //= _US_PER_SECOND
    time_bits = int(offset.max()).bit_length()
    if time_bits + int(codes.max()).bit_length() <= 62:
        return np.argsort((codes.astype(np.int64) << time_bits) | offset, kind="stable")
    return np.lexsort((stamps, codes))
