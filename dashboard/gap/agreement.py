"""Paired tests of the per-ticket view, from the statistics engine (`dashboard.stats.paired`).

Kept as the gap's own names (`kappa`, `mcnemar(b, c)`, `signed_rank`) so the gap code reads
naturally; every p-value still comes from one place.
"""

from __future__ import annotations

from dashboard.stats.paired import Kappa, McNemar, SignedRank, kappa, paired_change, signed_rank

__all__ = ["Kappa", "McNemar", "SignedRank", "kappa", "mcnemar", "signed_rank"]


def mcnemar(b: int, c: int) -> McNemar:
    """McNemar's test (exact and mid-p) on the discordant pair counts b and c."""
    return paired_change([[0, b], [c, 0]])
