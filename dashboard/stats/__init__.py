"""Statistics engine: is a change real or noise? Tests and intervals from sufficient statistics.

Public surface: compare_proportions, compare_nps, compare_means, compare_log_means,
compare_medians, compare_rates, adjust_pvalues, trend, p_chart, minimum_detectable_effect,
sample_size, median_ci, wilson, compare_distributions, and for paired ratings agreement,
paired_change and signed_rank; results `Comparison`, `Trend`, `PChart`, `Interval`, `Reason`.
"""

from dashboard.stats.control import PChart, p_chart
from dashboard.stats.distributions import compare_distributions
from dashboard.stats.means import compare_log_means, compare_means, compare_medians, median_ci
from dashboard.stats.multiple import adjust_pvalues
from dashboard.stats.nps import compare_nps
from dashboard.stats.paired import agreement, paired_change, signed_rank
from dashboard.stats.power import minimum_detectable_effect, sample_size
from dashboard.stats.proportions import compare_proportions, wilson
from dashboard.stats.rates import compare_rates
from dashboard.stats.result import Comparison, Interval, Reason
from dashboard.stats.trend import Trend, trend

__all__ = [
    "Comparison",
    "Interval",
    "PChart",
    "Reason",
    "Trend",
    "adjust_pvalues",
    "agreement",
    "compare_distributions",
    "compare_log_means",
    "compare_means",
    "compare_medians",
    "compare_nps",
    "compare_proportions",
    "compare_rates",
    "median_ci",
    "minimum_detectable_effect",
    "p_chart",
    "paired_change",
    "sample_size",
    "signed_rank",
    "trend",
    "wilson",
]  # fmt: skip
