"""Chart titles: what, when, for whom, and how many."""

from __future__ import annotations

from dataclasses import dataclass

import altair as alt


@dataclass(frozen=True, slots=True)
class Titles:
    """Title and subtitle lines of one chart ("CSAT by week", "1 Sep – 30 Nov 2024 · n = 612")."""

    title: str
    subtitle: str = ""

    def param(self) -> alt.TitleParams:
        """As Altair title parameters (left-aligned, subtitle in grey)."""
        return alt.TitleParams(
            text=self.title,
            subtitle=[self.subtitle] if self.subtitle else [],
            anchor="start",
            fontSize=16,
            subtitleColor="#5f6368",
        )
