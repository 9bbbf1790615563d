"""The delivery gap: company-rated against customer-rated service, and what it costs.

Most companies believe they deliver superior service; few of their customers agree (Bain 2005,
"Closing the delivery gap"). This package puts both sides on one 0–100 scale (`scales`),
follows the gap per period and segment with intervals and tests (`series`), compares the two
ratings ticket by ticket (`paired`), counts tickets that met the SLA but left the customer
unhappy (`watermelon`) and links bad experiences to churn (`cost`).

Modules: scales (mappings), moments (sufficient statistics, Welch), bucketing (periods, from
the KPI engine), cells + series (gap per period × segment, ranked segments, headline pair),
pairing + paired (per-ticket view), agreement + testing (thin adapters over `dashboard.stats`,
where every test lives), watermelon, cost. The one test of our own is the change of a gap
between periods (`moments.compare_estimates`: z on two independent Welch estimates), which
`dashboard.stats` has no function for.
"""

from dashboard.gap.cost import ChurnGroup, CostOfGap, cost_of_gap
from dashboard.gap.paired import PairedView, paired_view
from dashboard.gap.pairing import Selection
from dashboard.gap.scales import (
    CompanySource,
    CustomerSource,
    Measure,
    ScaleMapping,
    company_mapping,
    customer_mapping,
)
from dashboard.gap.series import (
    GapCell,
    GapSeries,
    GapSpec,
    SharePair,
    gap_series,
    headline,
    headline_sentence,
)
from dashboard.gap.watermelon import WatermelonCell, WatermelonReport, watermelon

__all__ = [
    "ChurnGroup",
    "CompanySource",
    "CostOfGap",
    "CustomerSource",
    "GapCell",
    "GapSeries",
    "GapSpec",
    "Measure",
    "PairedView",
    "ScaleMapping",
    "Selection",
    "SharePair",
    "WatermelonCell",
    "WatermelonReport",
    "company_mapping",
    "cost_of_gap",
    "customer_mapping",
    "gap_series",
    "headline",
    "headline_sentence",
    "paired_view",
    "watermelon",
]
