"""The one query behind the gap series: sufficient statistics of both sides per cell.

Company side: every company rating of the period (n, Σx, Σx², n good). Customer side: the
latest customer answer of each distinct ticket the company rated in that period and segment.
Both are GROUP BY period × segment on the backend; a small frame comes back.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

import ibis
import pandas as pd
from ibis import _

from dashboard.config import CsatDefinition, Settings
from dashboard.errors import UnknownColumnError
from dashboard.gap.bucketing import bucket, label_column
from dashboard.gap.moments import SideStats
from dashboard.gap.scales import (
    RATING_COLUMNS,
    CustomerSource,
    Measure,
    company_ratings,
    customer_ratings,
)
from dashboard.store import Dataset

if TYPE_CHECKING:
    from dashboard.gap.series import GapSpec

BLANK = "(blank)"  # segment value shown for rows without one


def side_cells(
    dataset: Dataset, spec: GapSpec, grain: str, by: str | None, settings: Settings
) -> pd.DataFrame:
    """Per period × segment: n, total, total_sq, good of each side (small frame).

    Columns: period, segment, then c_n, c_total, c_total_sq, c_good (company) and the same
    with u_ (customer). Cells with company ratings but no paired customer answer have u_n = 0.
    """
    comp = company_ratings(dataset, spec.company, settings).filter(_.rated_at.notnull())
    if by is not None and by not in comp.columns:
        raise UnknownColumnError(
            f"No column {by!r} to split the gap by.",
            hint="Choose one of: "
            + ", ".join(sorted(set(comp.columns) - set(RATING_COLUMNS)))
            + ".",
        )
    seg = comp[by].cast("string").fill_null(BLANK) if by else ibis.literal("")
    comp = comp.mutate(period=bucket(comp.rated_at, grain), segment=seg)
    comp = comp.mutate(v=_value(comp, spec.company_measure))
    c = comp.group_by(["period", "segment"]).aggregate(**_moments(comp, "c_"))
    cust = customer_ratings(dataset, spec.customer).filter(_.ticket_id.notnull())
    if counts_good_bad_only(spec, settings):
        cust = cust.filter(_.is_good | _.is_bad)
    cust = cust.select(tid=_.ticket_id, v=_value(cust, spec.customer_measure), g=_.is_good)
    keys = comp.filter(_.ticket_id.notnull()).select("period", "segment", tid=_.ticket_id)
    pairs = keys.distinct().join(cust, "tid")
    u = pairs.group_by(["period", "segment"]).aggregate(
        u_n=_.count(),
        u_total=_.v.sum(),
        u_total_sq=(_.v * _.v).sum(),
        u_good=_.g.cast("int64").sum(),
    )
    both = c.left_join(u, ["period", "segment"]).select(c, *[u[k] for k in _U])
    frame = both.to_pandas()
    frame = frame.fillna({k: 0 for k in _U}).sort_values(["segment", "period"], ignore_index=True)
    return frame.assign(period=label_column(frame["period"], grain))


def counts_good_bad_only(spec: GapSpec, settings: Settings) -> bool:
    """CSAT as Good ÷ (Good + Bad): neutral answers leave the customer share (KPI engine rule)."""
    return (
        spec.customer is CustomerSource.CSAT
        and spec.customer_measure is Measure.GOOD
        and settings.csat_definition is CsatDefinition.GOOD_BAD
    )


_U = ("u_n", "u_total", "u_total_sq", "u_good")


def _value(t: ibis.Table, measure: Measure) -> ibis.Value:
    if measure is Measure.SCORE:
        return t.score.cast("float64")
    return ibis.ifelse(t.is_good, 100.0, 0.0)


def _moments(t: ibis.Table, prefix: str) -> dict[str, ibis.Value]:
    return {
        f"{prefix}n": t.count(),
        f"{prefix}total": t.v.sum(),
        f"{prefix}total_sq": (t.v * t.v).sum(),
        f"{prefix}good": t.is_good.cast("int64").sum(),
    }


def side(row: Mapping[str, float], prefix: str) -> SideStats:
    return SideStats(
        int(row[f"{prefix}n"]),
        float(row[f"{prefix}total"]),
        float(row[f"{prefix}total_sq"]),
        int(row[f"{prefix}good"]),
    )
