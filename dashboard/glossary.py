"""The in-app glossary: every KPI's formula and chosen variant, and the method behind every test.

KPI entries come from the registry (one source of truth for computation, charts, glossary and
README); the statistical methods are listed here, next to the question each answers, so a
manager can say which test stands behind a verdict.
"""

from __future__ import annotations

from dataclasses import dataclass, fields

import pandas as pd

from dashboard.config import CsatDefinition, DurationStat, Settings, TimeBasis
from dashboard.kpis.registry import KPIS


@dataclass(frozen=True, slots=True)
class Method:
    """One statistical method: what it answers, for which KPIs, and where it comes from."""

    question: str
    applies_to: str
    method: str
    interval: str
    source: str


METHODS: tuple[Method, ...] = (
    Method(
        "Did a rate change between two periods or segments?",
        "CSAT %, SLA compliance, FCR, reopen, escalation, churn, QA pass rate",
        "Pooled two-proportion z-test; Fisher's exact test when an expected count is below 5; "
        "'no variation' when both are 0 % or 100 %",
        "Newcombe hybrid score interval for the difference (points); Wilson per period",
        "Newcombe (1998), Statistics in Medicine 17:873–890",
    ),
    Method(
        "Did NPS change?",
        "NPS",
        "z-test on the difference with the multinomial variance of promoters and detractors; "
        "adjusted Wald at small n",
        "difference ± z·SE, in NPS points",
        "Rocks (2016), 'Interval estimation for the net promoter score', Am. Stat. 70:365",
    ),
    Method(
        "Did a mean score change?",
        "CSAT mean, CES, QA score",
        "Welch's t-test from n, mean and standard deviation; tie-corrected Mann–Whitney from "
        "the score histograms alongside",
        "Welch confidence interval of the difference",
        "Welch (1947); scipy.stats.ttest_ind_from_stats",
    ),
    Method(
        "Did a duration (first response, resolution) change?",
        "First response time, resolution time, handle time",
        "Welch's t-test on log durations (ratio of geometric means); Mood's median test "
        "when the rows are at hand",
        "order-statistic interval of each median",
        "Mood (1950); scipy.stats.median_test",
    ),
    Method(
        "Did ticket volume change?",
        "Tickets created, tickets resolved",
        "Poisson rate ratio, judged against the series' own period-to-period variation",
        "rate-ratio interval",
        "Ulm (1990); scipy.stats.poisson_means_test",
    ),
    Method(
        "Which of many segments, or many KPIs, really changed?",
        "Any KPI broken down by team, agent, channel…; every KPI period against period "
        "(Overview, Significance)",
        "Benjamini–Hochberg adjusted p-values (false discovery rate); Holm as an option",
        "—",
        "Benjamini & Hochberg (1995), JRSS B 57:289",
    ),
    Method(
        "Is there a trend over the periods shown?",
        "Any KPI with at least 8 periods",
        "Mann–Kendall trend test with Sen's slope",
        "Sen slope interval",
        "Mann (1945), Kendall (1975), Sen (1968)",
    ),
    Method(
        "Is this period unusual for this process?",
        "Rates in the Trends chart",
        "p-chart with per-period limits (3 sigma), rule 1 and Anhøj run and crossing rules",
        "control limits band",
        "Anhøj & Olesen (2014), PLoS ONE 9:e113825",
    ),
    Method(
        "How many answers do we need?",
        "Two proportions",
        "Minimum detectable effect and sample size for a two-sided z-test",
        "—",
        "Fleiss, Levin & Paik (2003), ch. 4",
    ),
    Method(
        "Do the company and the customer agree on the same tickets?",
        "QA score vs CSAT/NPS on tickets rated by both",
        "Cohen's kappa (unweighted and quadratic), McNemar's test (exact and mid-p) on the "
        "top-box gap, Wilcoxon signed-rank (Pratt) on the scores",
        "kappa interval; paired t interval of the mean difference",
        "Cohen (1960, 1968); Fagerland, Lydersen & Laake (2013)",
    ),
    Method(
        "Are segments different just because they are small?",
        "Segments page",
        "Funnel plot: limits around the overall value that narrow as n grows (95 % and 99.8 %)",
        "funnel limits",
        "Spiegelhalter (2005), Statistics in Medicine 24:1185",
    ),
)

CHOICES: dict[str, dict[str, str]] = {
    "csat_definition": {
        CsatDefinition.TOP_BOX: "CSAT = share of ratings in the top two boxes (4–5 of 5); on "
        "scales of three points or fewer only the top answer counts.",
        CsatDefinition.GOOD_BAD: "CSAT = Good ÷ (Good + Bad) on two-point scales; top-two-box "
        "elsewhere.",
        CsatDefinition.MEAN: "CSAT = the mean rating, rescaled to 1–5.",
    },
    "time_basis": {
        TimeBasis.CALENDAR: "Durations are wall-clock time between the timestamps.",
        TimeBasis.BUSINESS: "Durations are the export's business-hours figures, where it has "
        "them.",
    },
    "duration_stat": {
        DurationStat.MEDIAN: "A period's duration is the median of its tickets.",
        DurationStat.MEAN: "A period's duration is the mean of its tickets.",
        DurationStat.P90: "A period's duration is the 90th percentile of its tickets.",
    },
}


def methods_table() -> pd.DataFrame:
    """The methods as a table for the Glossary page."""
    return pd.DataFrame(
        [(m.question, m.applies_to, m.method, m.interval, m.source) for m in METHODS],
        columns=["Question", "Applies to", "Method", "Interval", "Source"],
    )


def settings_table(settings: Settings) -> pd.DataFrame:
    """Every setting with its current value and what it means."""
    rows = []
    for f in fields(Settings):
        value = getattr(settings, f.name)
        meaning = CHOICES.get(f.name, {}).get(value, f.metadata.get("help", ""))
        rows.append((f.name.replace("_", " ").capitalize(), str(value), meaning))
    return pd.DataFrame(rows, columns=["Setting", "Current value", "Meaning"])


def kpi_table(settings: Settings) -> pd.DataFrame:
    """Every KPI with its definition, the variant in use, unit, direction and default target."""
    rows = []
    for k in KPIS.values():
        variant = ""
        if k.key == "csat":
            variant = CHOICES["csat_definition"][settings.csat_definition]
        elif k.kind == "quantile":
            variant = CHOICES["duration_stat"][settings.duration_stat]
            if k.key != "handle_time":
                variant += " " + CHOICES["time_basis"][settings.time_basis]
        target = "" if k.target is None else f"{k.target:g} {k.unit}"
        rows.append((k.label, k.key, k.help, variant, k.unit,
                     "higher" if k.higher_is_better else "lower", target))  # fmt: skip
    return pd.DataFrame(
        rows,
        columns=["KPI", "Key", "Definition", "In use", "Unit", "Better", "Default target"],
    )
