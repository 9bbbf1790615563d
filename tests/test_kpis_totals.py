"""A totals-only request (`series=False`, for a comparison period) gives exactly the whole-range
rows of a full request, for every KPI, in total and by segment."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pandas as pd
import pytest

from dashboard.config import CsatDefinition, DurationStat, Settings
from dashboard.kpis import KPIS, KpiRequest, compute
from dashboard.samples import load_sample

STATS = ["value", "n", "successes", "numerator", "denominator", "sum", "sumsq", "log_n",
         "log_sum", "log_sumsq", "median", "mean", "p90", "promoters", "passives",
         "detractors"]  # fmt: skip


@pytest.fixture(scope="module")
def data():
    return load_sample()[0]


def _key(frame: pd.DataFrame) -> pd.DataFrame:
    return frame.set_index(["kpi", "segment", "segment_value"]).sort_index()


@pytest.mark.parametrize(
    ("by", "top_n", "settings"),
    [
        (None, None, Settings()),
        ("team", None, Settings()),
        ("channel", 2, Settings(csat_definition=CsatDefinition.MEAN)),
        ("priority", None, Settings(duration_stat=DurationStat.P90, timezone="Europe/Oslo")),
    ],
)
def test_totals_only_equal_the_whole_range_rows(data, by, top_n, settings) -> None:
    full = KpiRequest(tuple(KPIS), "month", date(2025, 4, 1), date(2025, 9, 30), by=by,
                      top_n=top_n, filters={"channel": ["Email", "Chat"]})  # fmt: skip
    whole = compute(data, full, settings).frame
    whole = _key(whole[whole.period == "all"])
    only = _key(compute(data, replace(full, series=False), settings).frame)
    assert set(only["period"]) == {"all"}
    assert only.index.equals(whole.index)
    pd.testing.assert_frame_equal(only[STATS], whole[STATS], check_exact=False, rtol=1e-9)
    assert only["hist"].tolist() == whole["hist"].tolist()
    assert len(only) > 20 and only["n"].sum() > 0
