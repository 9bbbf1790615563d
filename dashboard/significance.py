"""Is a KPI change real? KPI cells in, the right test per KPI kind, an interval and a verdict out.

Bridges the KPI engine (sufficient statistics per cell) to the statistics engine: rates get the
two-proportion test with Newcombe's interval (in points), NPS the multinomial z-test, means
Welch's t, durations Welch on log durations (a ratio of geometric means), counts and ratios
of sums the Poisson rate ratio (per day for volumes). Backlog is a stock, not a flow: it is
shown, not tested. Many segments at once get adjusted p-values (BH or Holm).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace

import pandas as pd

from dashboard import formatting as fmt
from dashboard.config import Settings
from dashboard.kpis import KPIS
from dashboard.stats import (
    Comparison,
    Interval,
    Reason,
    adjust_pvalues,
    compare_log_means,
    compare_means,
    compare_nps,
    compare_proportions,
    compare_rates,
)
from dashboard.stats.means import sd_from_sums
from dashboard.verdicts import Subject, Verdict, verdict


@dataclass(frozen=True, slots=True)
class KpiComparison:
    """One KPI, before against after (or reference segment against segment), judged.

    Attributes:
        kpi: registry key.
        before, after: the KPI's values in its unit.
        change: after - before in the KPI's unit (points for rates and NPS).
        ci_text: the change with its interval, worded for people.
        ci: interval of the change in the KPI's unit (points) or of the ratio (durations,
            volumes, ratios of sums; see `result.ratio`).
        result: the statistics engine's record (method, p, n, reason).
        pvalue_adjusted: p after multiple-comparison adjustment, when many were tested.
        verdict: sentence, label, tone.
    """

    kpi: str
    unit: str
    before: float
    after: float
    change: float
    ci_text: str
    ci: Interval | None
    result: Comparison
    pvalue_adjusted: float | None
    verdict: Verdict


def compare_cells(key: str, before: pd.Series, after: pd.Series, settings: Settings,
                  pvalue_adjusted: float | None = None) -> KpiComparison:  # fmt: skip
    """Compare two cells of one KPI (rows of `KpiCells.frame`)."""
    kind, unit = str(after["kind"]), str(after["unit"])
    result = _test(key, kind, before, after)
    b, a = float(before["value"]), float(after["value"])
    change, ci, text = _change(kind, unit, b, a, result)
    kpi = KPIS[key]
    subject = Subject(kpi.label, unit, kpi.noun, kpi.higher_is_better)
    p = pvalue_adjusted if pvalue_adjusted is not None else result.pvalue
    share = result.estimate1 if kind == "rate" else None
    judged = verdict(subject, b, a, text, (result.n1, result.n2), p, result.reason,
                     settings.alpha, settings.min_n, share)  # fmt: skip
    return KpiComparison(key, unit, b, a, change, text, ci, result, pvalue_adjusted, judged)


def _test(key: str, kind: str, b: pd.Series, a: pd.Series) -> Comparison:
    nb, na = int(b["n"]), int(a["n"])
    if key == "backlog":
        return Comparison("not tested (a stock, not a flow)", b["value"], a["value"],
                          a["value"] - b["value"], None, None, None, nb, na,
                          reason=Reason.NOT_A_SAMPLE)  # fmt: skip
    if kind == "rate":
        return compare_proportions(_whole(b["successes"]), nb, _whole(a["successes"]), na)
    if kind == "nps":
        return compare_nps(_nps(b), _nps(a))
    if kind == "mean":
        return compare_means(nb, _mean(b), sd_from_sums(nb, b["sum"], b["sumsq"]),
                             na, _mean(a), sd_from_sums(na, a["sum"], a["sumsq"]))  # fmt: skip
    if kind == "quantile":
        return compare_log_means(_whole(b["log_n"]), b["log_sum"], b["log_sumsq"],
                                 _whole(a["log_n"]), a["log_sum"], a["log_sumsq"])  # fmt: skip
    if kind == "count":
        return compare_rates(nb, _days(b), na, _days(a))
    return compare_rates(b["numerator"], b["denominator"], a["numerator"], a["denominator"])


def _whole(value: object) -> int:
    """A count from a cell; a period with no rows has none (NaN), which is 0."""
    return 0 if pd.isna(value) else int(value)


def _change(kind: str, unit: str, b: float, a: float, r: Comparison):
    """The change in the KPI's unit, its interval, and both in words."""
    change = a - b
    level = f"{round(100 * r.ci.level)} % CI" if r.ci else ""
    if kind in ("rate", "nps") and r.ci:
        ci = Interval(100 * r.ci.low, 100 * r.ci.high, r.ci.level)
        digits = 1 if max(abs(ci.low), abs(ci.high)) < 10 else 0
        return change, ci, (f"{fmt.change(change, unit)}, {level} {fmt.signed(ci.low, digits)} "
                            f"to {fmt.signed(ci.high, digits)}")  # fmt: skip
    if kind == "mean" and r.ci:
        return change, r.ci, (f"{fmt.change(change, unit)}, {level} {fmt.signed(r.ci.low, 2)}"
                              f" to {fmt.signed(r.ci.high, 2)}")  # fmt: skip
    if r.ci and r.ratio is not None and not math.isinf(r.ci.high):
        what = "typical ticket" if kind == "quantile" else "rate per day" if kind == "count" \
            else "ratio"  # fmt: skip
        return (
            change,
            r.ci,
            (
                f"{fmt.change(change, unit)}; {what} "
                f"{fmt.ratio_change(r.ratio)}, {level} "
                f"{fmt.ratio_change(r.ci.low)} to {fmt.ratio_change(r.ci.high)}"
            ),
        )
    return change, None, fmt.change(change, unit)


def _nps(row: pd.Series) -> tuple[int, int, int]:
    return _whole(row["promoters"]), _whole(row["passives"]), _whole(row["detractors"])


def _mean(row: pd.Series) -> float:
    return row["sum"] / row["n"] if row["n"] else math.nan


def _days(row: pd.Series) -> float:
    return (pd.Timestamp(row["period_end"]) - pd.Timestamp(row["period_start"])).days


def compare_segments(cells: pd.DataFrame, key: str, reference: pd.Series, settings: Settings,
                     ) -> list[KpiComparison]:  # fmt: skip
    """Every segment's whole-range cell against `reference`, p adjusted across segments."""
    rows = [r for _, r in cells.iterrows()]
    raw = [compare_cells(key, reference, r, settings) for r in rows]
    adjusted = adjust_pvalues([c.result.pvalue for c in raw], str(settings.correction))
    return [compare_cells(key, reference, r, settings, p) if p is not None else replace(c)
            for r, c, p in zip(rows, raw, adjusted, strict=True)]  # fmt: skip


ADDITIVE = ["n", "successes", "numerator", "denominator", "sum", "sumsq", "log_n", "log_sum",
            "log_sumsq", "promoters", "passives", "detractors"]  # fmt: skip


def rest_of(total: pd.Series, part: pd.Series) -> pd.Series:
    """The cell of everything except `part`: totals minus the part's additive statistics."""
    rest = total.copy()
    for column in ADDITIVE:
        rest[column] = _zero(total.get(column)) - _zero(part.get(column))
    n = rest["n"]
    kind = str(total["kind"])
    if kind == "rate":
        rest["value"] = 100 * rest["successes"] / n if n else math.nan
    elif kind == "mean":
        rest["value"] = rest["sum"] / n if n else math.nan
    elif kind == "nps":
        rest["value"] = 100 * (rest["promoters"] - rest["detractors"]) / n if n else math.nan
    elif kind == "ratio":
        d = rest["denominator"]
        rest["value"] = rest["numerator"] / d if d else math.nan
    elif kind == "count":
        rest["value"] = float(n)
    else:  # a median cannot be subtracted; the test uses the log statistics
        rest["value"] = math.exp(rest["log_sum"] / rest["log_n"]) if rest["log_n"] else math.nan
    return rest


def _zero(value) -> float:
    return 0.0 if value is None or pd.isna(value) else float(value)


def adjusted(items: list[KpiComparison], befores: list[pd.Series], afters: list[pd.Series],
             settings: Settings) -> list[KpiComparison]:  # fmt: skip
    """Re-judge `items` (each of its own KPI) with p adjusted across all of them (BH default)."""
    ps = adjust_pvalues([c.result.pvalue for c in items], str(settings.correction))
    return [compare_cells(c.kpi, b, a, settings, p) if p is not None else c
            for c, b, a, p in zip(items, befores, afters, ps, strict=True)]  # fmt: skip


def compare_kpis(current, previous, keys: list[str],
                 settings: Settings) -> dict[str, KpiComparison]:  # fmt: skip
    """Every KPI with a row in both periods, judged with p adjusted across the KPIs.

    A page of twenty KPIs compared period against period is twenty tests: unadjusted, about
    one of them would be called a real change when nothing changed. `current` and `previous`
    are `KpiCells` whose whole-range rows are compared; a KPI without a row in both is left
    out, one with no data on a side is judged "too few data" (it has no p to adjust).
    """
    pairs = [(k, current.total(k), previous.total(k)) for k in keys]
    pairs = [(k, now, then) for k, now, then in pairs if now is not None and then is not None]
    raw = [compare_cells(k, then, now, settings) for k, now, then in pairs]
    judged = adjusted(raw, [then for *_, then in pairs], [now for _, now, _ in pairs], settings)
    return {c.kpi: c for c in judged}


def segments_vs_rest(
    frame: pd.DataFrame, key: str, settings: Settings
) -> list[tuple[str, KpiComparison]]:
    """Each segment's whole-range cell against all the other rows, p adjusted across segments."""
    f = frame[(frame.kpi == key) & (frame.period == "all")]
    total = f[f.segment_value == ""]
    if total.empty:
        return []
    total_row = total.iloc[0]
    parts = [r for _, r in f[f.segment_value != ""].iterrows() if r["n"] > 0]
    rests = [rest_of(total_row, p) for p in parts]
    raw = [
        compare_cells(key, rest, part, settings) for rest, part in zip(rests, parts, strict=True)
    ]
    judged = adjusted(raw, rests, parts, settings)
    return [(str(p["segment_value"]), c) for p, c in zip(parts, judged, strict=True)]


def segment_changes(current: pd.DataFrame, previous: pd.DataFrame, key: str,
                    settings: Settings) -> list[tuple[str, KpiComparison]]:  # fmt: skip
    """Each segment's change between the two periods, p adjusted across segments."""
    now = current[(current.kpi == key) & (current.period == "all") & (current.segment_value != "")]
    then = previous[(previous.kpi == key) & (previous.period == "all")]
    then = {str(r["segment_value"]): r for _, r in then.iterrows()}
    pairs = [(str(r["segment_value"]), then[str(r["segment_value"])], r)
             for _, r in now.iterrows() if str(r["segment_value"]) in then]  # fmt: skip
    raw = [compare_cells(key, b, a, settings) for _, b, a in pairs]
    judged = adjusted(raw, [b for _, b, _ in pairs], [a for _, _, a in pairs], settings)
    return [(name, c) for (name, _, _), c in zip(pairs, judged, strict=True)]


def table(rows: list[tuple[str, KpiComparison]], first: str) -> pd.DataFrame:
    """Comparisons as a table: both values, change with CI, p (adjusted), method, verdict."""
    return pd.DataFrame([{
        first: name,
        "Before": fmt.value(c.before, c.unit),
        "After": fmt.value(c.after, c.unit),
        "Change (95 % CI)": c.ci_text,
        "p": fmt.pvalue(c.result.pvalue),
        "p adjusted": fmt.pvalue(c.pvalue_adjusted) if c.pvalue_adjusted is not None else "",
        "n": f"{fmt.count(c.result.n1)} / {fmt.count(c.result.n2)}",
        "Method": c.result.method,
        "Verdict": c.verdict.label,
    } for name, c in rows])  # fmt: skip
