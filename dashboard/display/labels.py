"""Period labels ("2024-01-05", "2024-W05", "2024-01", "2024-Q1", "2024") back to their first day.

Engines label periods as text (stable in CSV/JSON and across backends); charts need a time
axis, so the label is turned back into the period's first day here.
"""

from __future__ import annotations

import re
from datetime import datetime

import pandas as pd

_WEEK = re.compile(r"^(\d{4})-W(\d{2})$")
_QUARTER = re.compile(r"^(\d{4})-Q([1-4])$")


def label_start(label: str) -> pd.Timestamp:
    """The first day of the period a label names (NaT for "all" or anything unknown)."""
    if m := _WEEK.match(label):
        return pd.Timestamp(datetime.strptime(f"{m[1]}-W{m[2]}-1", "%G-W%V-%u"))
    if m := _QUARTER.match(label):
        return pd.Timestamp(int(m[1]), 3 * int(m[2]) - 2, 1)
    if re.fullmatch(r"\d{4}", label):
        return pd.Timestamp(int(label), 1, 1)
    if re.fullmatch(r"\d{4}-\d{2}(-\d{2})?", label):
        return pd.Timestamp(label if len(label) == 10 else label + "-01")
    return pd.NaT
