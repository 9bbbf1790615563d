"""Duplicate ids: the first used occurrence stays, later used ones repeat; text ids as written."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from dashboard.load.duplicate_ids import repeated


def _ids(*values: str | None) -> pd.Series:
    return pd.Series(list(values), dtype="string")


@pytest.mark.parametrize(
    ("ids", "used", "want"),
    [
        # plain whole numbers (the integer path)
        (("10", "11", "10", "12", "11"), [1, 1, 1, 1, 1], [0, 0, 1, 0, 1]),
        # a row left out earlier does not make a later one a repeat
        (("10", "11", "10"), [0, 1, 1], [0, 0, 0]),
        # leading zeros are different ids, as written ("007" is not "7")
        (("007", "7", "007"), [1, 1, 1], [0, 0, 1]),
        # text ids, and empty ids never repeat
        (("A-1", None, "A-1", None), [1, 1, 1, 1], [0, 0, 1, 0]),
        # huge numbers beyond int64 stay text
        (("123456789012345678901", "123456789012345678901"), [1, 1], [0, 1]),
    ],
)
def test_repeated_ids(ids: tuple, used: list[int], want: list[int]) -> None:
    got = repeated(_ids(*ids), np.array(used, dtype=bool))
    assert got.tolist() == [bool(w) for w in want]
