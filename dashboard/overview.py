"""The Overview: one card per KPI (value, change, verdict, sparkline, n, target) and a headline.

Cards are built from two whole-range cells (the period shown and the comparison period) and the
period series of the shown range; the headline sentence puts the real changes first, so the
first line a manager reads in a meeting is the one that matters.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from dashboard import formatting as fmt
from dashboard.config import Settings
from dashboard.kpis import KPIS, KpiCells
from dashboard.significance import KpiComparison, compare_kpis


@dataclass(frozen=True, slots=True)
class Card:
    """Everything one KPI card shows."""

    key: str
    label: str
    value: str
    delta: str | None  # ASCII sign first, so the metric colours it
    higher_is_better: bool
    verdict: str
    badge: str
    tone: str
    significant: bool
    sparkline: tuple[float, ...]
    footnote: str
    help: str
    comparison: KpiComparison | None


def cards(current: KpiCells, previous: KpiCells | None, keys: list[str],
          settings: Settings) -> list[Card]:  # fmt: skip
    """Cards for `keys` that have a value in the shown period, in registry order.

    Changes are judged with p adjusted across the KPIs compared (`compare_kpis`), as on the
    Significance page, so the headline and that page's table agree.
    """
    compared = compare_kpis(current, previous, keys, settings) if previous is not None else {}
    out = []
    for key in keys:
        now = current.total(key)
        if now is None or (isinstance(now["value"], float) and math.isnan(now["value"])):
            continue
        out.append(_card(key, now, compared.get(key), current))
    return out


def _card(key: str, now, comparison: KpiComparison | None, current: KpiCells) -> Card:
    kpi = KPIS[key]
    unit = str(now["unit"])
    series = current.kpi(key)
    spark = tuple(float(v) for v in series[series.period != "all"]["value"].dropna())
    target = f" · target {fmt.value(kpi.target, unit)}" if kpi.target is not None else ""
    footnote = f"n = {fmt.count(now['n'])}{target}"
    if comparison is None:
        return Card(key, kpi.label, fmt.value(now["value"], unit), None, kpi.higher_is_better,
                    "No comparison period chosen.", "", "neutral", False, spark, footnote,
                    kpi.help, None)  # fmt: skip
    v = comparison.verdict
    delta = fmt.change(comparison.change, unit).replace(fmt.MINUS, "-")
    return Card(key, kpi.label, fmt.value(now["value"], unit), delta, kpi.higher_is_better,
                v.sentence, v.label, v.tone, v.significant, spark, footnote, kpi.help,
                comparison)  # fmt: skip


NO_COMPARISON = "Choose a comparison period in the sidebar to see what changed."


def headline(items: list[Card], no_comparison: str = NO_COMPARISON) -> str:
    """'CSAT fell 6 points and SLA compliance rose 2 points — real changes. Within noise: …'

    `no_comparison`: the sentence when nothing was compared (`View.why_no_comparison`).
    """
    real = [c for c in items if c.significant and c.comparison is not None]
    real.sort(key=lambda c: c.comparison.result.pvalue or 1.0)
    noise = [c.label for c in items
             if not c.significant and c.comparison is not None and c.badge == "Noise"]  # fmt: skip
    if not any(c.comparison for c in items):
        return no_comparison
    parts = []
    if real:
        phrases = [_phrase(c) for c in real[:4]]
        parts.append(f"{_join(phrases)}: {'a real change' if len(real) == 1 else 'real changes'}"
                     ", unlikely to be chance.")  # fmt: skip
    else:
        parts.append("No KPI changed by more than chance would explain.")
    if noise:
        shown = noise if len(noise) <= 6 else [*noise[:6], f"{len(noise) - 6} more"]
        parts.append(f"Within noise: {_join(shown)}.")
    return " ".join(parts)


def _phrase(card: Card) -> str:
    c = card.comparison
    verb = "rose" if c.change > 0 else "fell"
    unit = str(KPIS[card.key].unit)
    amount = fmt.change(abs(c.change), unit).lstrip("+")
    if c.result.ratio is not None and unit not in ("%", "points"):
        amount = fmt.ratio_change(c.result.ratio).lstrip("+").lstrip(fmt.MINUS)
    return f"{card.label} {verb} {amount}"


def _join(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]
