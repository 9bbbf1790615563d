"""Parse one raw text column into its canonical type, as a column spec says.

Each function returns the typed values and a boolean mask of cells that had text but could not
be read, so the caller can record an Issue for each (and never guesses silently).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from dashboard import parse
from dashboard.parse.rating_scales import scale_from_header
from dashboard.sources.model import ColumnSpec, ParseAs


@dataclass(frozen=True, slots=True)
class ParsedColumn:
    """Typed values of one canonical column plus what could not be read."""

    values: pd.Series
    failed: np.ndarray
    note: str = ""
    negative: np.ndarray | None = None  # durations below zero (blanked, reported)
    extra: dict[str, pd.Series] | None = None  # ratings: scale_min, scale_max, label, type
    order: str = ""  # dates: the day/month order read (see `parse.ParsedDates.order`)
    is_order_assumed: bool = False  # dates: no value of the column settled that order


def parse_column(values: pd.Series, spec: ColumnSpec, order: str = "auto") -> ParsedColumn:
    """Read `values` (text, NA for empty) as `spec.parse_as` says.

    `order`: for dates, the day/month order to take when no value of the column settles it.
    """
    how = spec.parse_as
    if how in (ParseAs.TEXT, ParseAs.ID):
        return ParsedColumn(values.astype("string"), np.zeros(len(values), dtype=bool))
    if how == ParseAs.DATETIME:
        res = parse.parse_dates(values, order=order)  # type: ignore[arg-type]
        return ParsedColumn(res.values, np.asarray(res.failed), res.note, order=res.order,
                            is_order_assumed=res.is_order_assumed)  # fmt: skip
    if how in (ParseAs.NUMBER, ParseAs.COUNT):
        res = parse.parse_numbers(values)
        return ParsedColumn(res.values.astype("float64"), np.asarray(res.failed), res.note)
    if how == ParseAs.DURATION:
        return _durations(values, spec)
    if how in (ParseAs.BOOLEAN, ParseAs.SLA):
        true_values = tuple(spec.true_values)
        false_values = tuple(spec.false_values)
        if how == ParseAs.SLA:
            true_values += tuple(parse.SLA_MET_WORDS)
            false_values += tuple(parse.SLA_BREACHED_WORDS)
        res = parse.parse_booleans(values, true_values=true_values, false_values=false_values)
        result = res.values.astype("boolean")
        note = res.note
        if spec.negate:
            result, note = _negated(values, result, note)
        return ParsedColumn(result, np.asarray(res.failed), note)
    if how == ParseAs.SLA_REMAINING:
        res = parse.parse_durations(values, unit="auto")
        minutes = res.values.astype("float64")
        met = pd.array(np.where(minutes.isna(), None, minutes >= 0), dtype="boolean")
        note = "SLA remaining time: negative means breached"
        return ParsedColumn(pd.Series(met, index=values.index), np.asarray(res.failed), note)
    if how == ParseAs.RATING:
        return _ratings(values, spec)
    raise ValueError(f"unknown parse_as {how!r}")


def _negated(values: pd.Series, result: pd.Series, note: str) -> tuple[pd.Series, str]:
    """Flip the plain yes/no answers of a header that asks the opposite ("SLA breached?");
    words that say what happened ("Within SLA", "Breached") already read the right way."""
    plain = parse.parse_booleans(values).values.astype("boolean")
    flip = plain.notna().to_numpy()
    out = result.copy()
    out[flip] = ~plain[flip]
    return out, note + "; the header asks whether the goal was missed, so yes means not met"


def _durations(values: pd.Series, spec: ColumnSpec) -> ParsedColumn:
    unit = spec.unit or parse.duration_unit_from_header(spec.header) or "minutes"
    res = parse.parse_durations(values, unit=unit)  # type: ignore[arg-type]
    minutes = res.values.astype("float64")
    negative = (minutes < 0).fillna(False).to_numpy(dtype=bool)
    minutes = minutes.mask(negative)
    return ParsedColumn(minutes, np.asarray(res.failed), res.note, negative=negative)


def _ratings(values: pd.Series, spec: ColumnSpec) -> ParsedColumn:
    res = parse.parse_ratings(
        values,
        survey_type=spec.survey_type or "auto",
        scale=spec.scale or scale_from_header(spec.header),  # type: ignore[arg-type]
        labels=spec.value_labels,
        na_values=spec.na_values,
    )
    n = len(values)

    def _series(v: object, dtype: str) -> pd.Series:
        if isinstance(v, pd.Series):
            return v.astype(dtype).set_axis(values.index)
        return pd.Series([v] * n, index=values.index, dtype=dtype)

    extra = {
        "scale_min": _series(res.scale_min, "float64"),
        "scale_max": _series(res.scale_max, "float64"),
        "rating_label": _series(res.label, "string"),
        "survey_type": _series(res.survey_type, "string"),
        "_unanswered": pd.Series(np.asarray(res.unanswered, dtype=bool), index=values.index),
    }
    score = _series(res.score, "float64")
    return ParsedColumn(score, np.asarray(res.failed), res.note, extra=extra)
