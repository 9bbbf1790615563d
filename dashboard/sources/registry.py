"""The profile registry, and the weight of each signature header in telling profiles apart.

A header that appears in one profile's signature only ("Requester domain") says more than one
shared by many ("Status"): each normalised header weighs 1 / (number of profiles listing it).
"""

from __future__ import annotations

from collections import Counter

from dashboard.sources import conversations, helpdesk, itsm, qa, satisfaction, surveys
from dashboard.sources.model import Alternatives, Profile
from dashboard.sources.synonyms import normalise

PROFILES: tuple[Profile, ...] = (
    *helpdesk.PROFILES,
    *conversations.PROFILES,
    *itsm.PROFILES,
    *surveys.PROFILES,
    *satisfaction.PROFILES,
    *qa.PROFILES,
)


def _weights(profiles: tuple[Profile, ...]) -> dict[str, float]:
    counts: Counter[str] = Counter()
    for profile in profiles:
        names = {normalise(h) for entry in profile.signature for h in entry}
        counts.update(names)
    return {name: 1.0 / n for name, n in counts.items()}


WEIGHTS: dict[str, float] = _weights(PROFILES)


def entry_weight(entry: Alternatives) -> float:
    """Weight of a signature entry: its most distinctive alternative."""
    return max(WEIGHTS.get(normalise(h), 1.0) for h in entry)


def profile(key: str) -> Profile:
    """The profile registered under `key` (ValueError when there is none)."""
    for p in PROFILES:
        if p.key == key:
            return p
    raise ValueError(f"no source profile {key!r}")
