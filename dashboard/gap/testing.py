"""Multiple-comparison adjustment for ranked segments (until `dashboard.stats` lands)."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from scipy import stats as sps


def adjust_bh(pvalues: Sequence[float]) -> list[float]:
    """Benjamini–Hochberg adjusted p-values (scipy `false_discovery_control`, method "bh")."""
    if not pvalues:
        return []
    return [float(p) for p in sps.false_discovery_control(np.asarray(pvalues, float), method="bh")]
