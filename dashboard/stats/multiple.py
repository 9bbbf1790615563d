"""Adjusting p-values when many segments are tested at once.

Benjamini & Hochberg (1995) false discovery rate by default (scipy.stats.false_discovery_control);
Holm (1979) step-down family-wise error as an option. Missing p-values (no test) stay missing
and do not count towards the number of tests.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from scipy import stats


def adjust_pvalues(pvalues: Sequence[float | None], method: str = "bh") -> list[float | None]:
    """Adjusted p-values in input order; method "bh", "holm" or "none"."""
    p = np.array([np.nan if v is None else float(v) for v in pvalues], dtype=float)
    ok = ~np.isnan(p)
    out = p.copy()
    if ok.sum() and method == "bh":
        out[ok] = stats.false_discovery_control(p[ok], method="bh")
    elif ok.sum() and method == "holm":
        out[ok] = _holm(p[ok])
    elif method not in ("bh", "holm", "none"):
        raise ValueError(f"unknown adjustment {method!r}")
    return [None if np.isnan(v) else float(v) for v in out]


def _holm(p: np.ndarray) -> np.ndarray:
    m = p.size
    order = np.argsort(p)
    scaled = np.maximum.accumulate((m - np.arange(m)) * p[order])
    out = np.empty(m)
    out[order] = np.minimum(scaled, 1.0)
    return out
