"""A whole number per agent, stored with the tickets: the key of agent-days.

Tickets per agent-day (agent productivity) counts the distinct (agent, day) pairs of resolved
tickets on every filter change. Counting distinct strings built per row ("agent|day") was the
costliest part of that query at 1M tickets; a number per agent, fixed when the data is stored,
lets the engine count distinct integers (agent number × 100,000 + day number) instead, with
the same result on every backend.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

COLUMN = "_agent_number"
"""The agent's number (0, 1, ... in order of first appearance; null when there is no agent)."""

DAYS = 100_000
"""Agent-day key = number × DAYS + days since 1970-01-01 (unique up to the year 2243)."""


def agent_numbers(agent: pd.Series) -> pd.Series:
    """Per ticket, its agent's number (the same name always gets the same number)."""
    codes, _ = pd.factorize(agent.array, sort=False)
    numbers = pd.arrays.IntegerArray(codes.astype(np.int64), mask=codes < 0)
    return pd.Series(numbers, index=agent.index)
