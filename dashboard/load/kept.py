"""Columns no mapping reads, kept as segments (plan, region, tier...) under a snake_case name.

Only text columns with few distinct values are segments: a column of free text or ids would
make a useless filter, so past MAX_KEPT_VALUES values it is left out.
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd

from dashboard.ingest import RawTable
from dashboard.schema import COLUMNS
from dashboard.sources.model import TableMapping

MAX_KEPT_VALUES = 200  # a kept column with more distinct values is not a segment


def kept_columns(
    raw: RawTable, mapping: TableMapping, used: np.ndarray
) -> dict[str, tuple[str, pd.Series]]:
    """Other low-cardinality text columns, kept as segments under a snake_case name."""
    canonical = {c.name for c in COLUMNS[mapping.kind]}
    mapped = {s.header for s in mapping.columns}
    kept: dict[str, tuple[str, pd.Series]] = {}
    for header in mapping.keep:
        if header in mapped or header not in raw.frame.columns:
            continue
        series = raw.frame[header]
        distinct = series[used].nunique(dropna=True)
        if distinct == 0 or distinct > MAX_KEPT_VALUES:
            continue
        name = slug(header)
        while name in canonical or name in kept:
            name += "_2"
        kept[name] = (header, series.astype("string"))
    return kept


def slug(header: str) -> str:
    """A snake_case column name for a header ("Product [list]" -> "product_list")."""
    text = re.sub(r"\W+", "_", header.casefold(), flags=re.UNICODE).strip("_")
    return text or "column"
