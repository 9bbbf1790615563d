"""Duplicate ids: a ticket, response or review exported twice is counted once.

The first used occurrence stays; later used rows with the same id are repeats. Rows left out
for another reason earlier never make a later row a repeat, and empty ids never repeat.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

_PLAIN_INTEGER = r"^[1-9][0-9]{0,17}$"  # no sign, no leading zero: text and number agree


def repeated(ids: pd.Series, used: np.ndarray) -> np.ndarray:
    """Rows in `used` whose id an earlier used row already has (empty ids never repeat).

    Plain whole-number ids (most helpdesks) are compared as integers: hashing a million
    strings costs ten times as much.
    """
    rows = np.flatnonzero(used)
    sub = ids.iloc[rows].astype("string")
    arr = pa.array(sub.array)
    if isinstance(arr, pa.ChunkedArray):
        arr = arr.combine_chunks()
    plain = len(arr) > 0 and arr.null_count == 0
    if plain and pc.all(pc.match_substring_regex(arr, _PLAIN_INTEGER)).as_py():
        keys = pd.Series(pc.cast(arr, pa.int64()).to_numpy())
        dup = keys.duplicated(keep="first").to_numpy()
    else:
        dup = sub.duplicated(keep="first").to_numpy() & sub.notna().to_numpy()
    out = np.zeros(len(ids), dtype=bool)
    out[rows] = dup
    return out
