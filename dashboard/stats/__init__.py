"""Statistics engine: is a change real or noise? Tests and intervals from sufficient statistics.

Public surface: compare_proportions, compare_nps, compare_means, compare_log_means,
compare_medians, compare_rates, adjust_pvalues, trend, p_chart, minimum_detectable_effect,
sample_size, median_ci, wilson; results `Comparison`, `Trend`, `PChart`, `Interval`, `Reason`.
Paired company-vs-customer tests live with the delivery gap (`dashboard.gap.agreement`).
"""

from dashboard.stats.control import PChart, p_chart
from dashboard.stats.means import compare_log_means, compare_means, compare_medians, median_ci
from dashboard.stats.multiple import adjust_pvalues
from dashboard.stats.nps import compare_nps
from dashboard.stats.power import minimum_detectable_effect, sample_size
from dashboard.stats.proportions import compare_proportions, wilson
from dashboard.stats.rates import compare_rates
from dashboard.stats.result import Comparison, Interval, Reason
from dashboard.stats.trend import Trend, trend

__all__ = [
    "Comparison", "Interval", "PChart", "Reason", "Trend", "adjust_pvalues", "compare_log_means",
    "compare_means", "compare_medians", "compare_nps", "compare_proportions", "compare_rates",
    "median_ci", "minimum_detectable_effect", "p_chart", "sample_size", "trend", "wilson",
]  # fmt: skip
