"""Survey answers (CSAT, NPS, CES) from export text: a score on a scale, never a guess.

An answer is a number ("4", "4,5"), a number with its scale ("4/5", "4 out of 5"), stars
("5 stars", "★★★★☆"), or a word on a known scale (see `rating_scales.LABEL_SCALES`: Zendesk
good/bad, Zoho and Help Scout 3-point, Freshdesk 3- and 7-point, verbal 5-point satisfaction,
CES agreement/effort). "Offered", "Not Offered", "unoffered" and the like are `unanswered`: not a
rating and not a failure; empty cells are neither.

The scale, per column: an explicit `scale` wins; words take their scale; numbers are placed from
their range (`rating_scales.numeric_scale`: with numbers only, a top of 5 or less is 1-5; a few
strays above a scale that nine in ten answers fit do not stretch it) or by their own
denominator ("7/10"); an all-numeric column of Freshdesk API codes (100, +-101..103)
is the 7-point scale. A value outside the scale, or a word on no known scale, fails.

`survey_type="auto"` resolves to ces for agreement/effort words, nps for a numeric 0-10 column
that uses 0, else csat. CES scores are oriented so higher means EASIER; plain CES numbers are
taken as CES 2.0 agreement (7 = strongly agree it was easy); an export that codes 1 = low effort
must be reversed by the caller (score -> low + high - score).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Literal

import numpy as np
import pandas as pd

from dashboard.parse.common import distinct, failure_note, plural
from dashboard.parse.rating_scales import (
    FRESHDESK_CODES,
    LABEL_SCALES,
    UNANSWERED_WORDS,
    LabelScale,
    fold,
    numeric_scale,
    read_number,
    without_symbols,
)

SurveyType = Literal["csat", "nps", "ces", "auto"]


@dataclass(frozen=True, slots=True)
class ParsedRatings:
    """Survey scores with their scale, per row.

    Attributes:
        score: float64 score on its own scale (<NA>/NaN where empty, unanswered or failed).
        scale_min: float64 per row, lowest point of the row's scale (NaN where no score).
        scale_max: float64 per row, highest point (NaN where no score).
        label: the text as written in the export (pandas string).
        survey_type: the resolved question type for the column: csat | nps | ces.
        unanswered: bool per row; offered-but-not-answered words (empty cells excluded).
        failed: bool per row; text that is no answer on any known scale.
        note: what was decided (scale, labels, counts).
    """

    score: pd.Series
    scale_min: pd.Series
    scale_max: pd.Series
    label: pd.Series
    survey_type: str
    unanswered: np.ndarray
    failed: np.ndarray
    note: str

    @property
    def values(self) -> pd.Series:
        """The scores (the common `Parsed.values` name)."""
        return self.score


def parse_ratings(
    values: pd.Series,
    *,
    survey_type: SurveyType = "auto",
    scale: tuple[float, float] | None = None,
    labels: Mapping[str, float] | Iterable[tuple[str, float]] = (),
    na_values: Iterable[str] = (),
) -> ParsedRatings:
    """Read survey answers as scores on a scale.

    Args:
        values: export text (pandas string; <NA> or blank for an empty cell).
        survey_type: csat, nps or ces when the source says so; "auto" decides from the data.
        scale: (lowest, highest) when known; values outside it fail.
        labels: extra words and their scores (on `scale`, or on their own min-max).
        na_values: extra words meaning "offered but not answered".

    Returns:
        ParsedRatings; `failed` and `unanswered` never overlap, and are False where empty.
    """
    if survey_type not in ("csat", "nps", "ces", "auto"):
        raise ValueError(f"survey_type must be csat, nps, ces or auto, not {survey_type!r}")
    if scale is not None and not scale[0] < scale[1]:
        raise ValueError(f"scale must be (lowest, highest), got {scale!r}")
    d = distinct(values)
    texts = d.texts.to_pylist()
    folded = [without_symbols(fold(t)) for t in texts]
    no_answer = UNANSWERED_WORDS | {fold(w) for w in na_values}
    unanswered = np.array([f in no_answer for f in folded], dtype=bool)
    numbers = [None if u else read_number(t) for t, u in zip(texts, unanswered, strict=True)]
    words = [f for f, u, n in zip(folded, unanswered, numbers, strict=True) if not u and n is None]
    family = _label_scale(set(words), dict(labels), survey_type, scale)
    score, low, high = (np.full(len(texts), np.nan) for _ in range(3))
    counts = np.bincount(d.codes[d.codes >= 0], minlength=len(texts)).tolist()
    resolved, how = _place_numbers(numbers, counts, survey_type, scale, (score, low, high))
    if family is not None:
        for i, f in enumerate(folded):
            if numbers[i] is None and f in family.labels:
                score[i], low[i], high[i] = family.labels[f], family.low, family.high
        resolved = family.survey_type if survey_type == "auto" else resolved
    failed = np.isnan(score) & ~unanswered
    note = _note(family, resolved, low, high, d.spread(unanswered, False), failed) + how
    index = values.index

    def rows(per_unique: np.ndarray) -> pd.Series:
        return pd.Series(d.spread(per_unique, np.nan), index=index, dtype="float64")

    return ParsedRatings(
        score=rows(score),
        scale_min=rows(low),
        scale_max=rows(high),
        label=values.astype("string"),
        survey_type=resolved,
        unanswered=d.spread(unanswered, False),
        failed=d.spread_failed(failed),
        note=note,
    )


def _label_scale(
    words: set[str],
    custom: Mapping[str, float],
    survey_type: str,
    scale: tuple[float, float] | None,
) -> LabelScale | None:
    """The word scale covering the most of `words` (first in preference order on ties)."""
    candidates = list(LABEL_SCALES)
    if custom:
        folded = {fold(k): float(v) for k, v in custom.items()}
        low, high = scale or (min(folded.values()), max(folded.values()))
        kind = survey_type if survey_type in ("csat", "ces") else "csat"
        candidates.insert(0, LabelScale("labels given", kind, low, high, folded))
    if survey_type in ("csat", "ces"):
        candidates = [c for c in candidates if c.survey_type == survey_type]
    if scale is not None:
        candidates = [c for c in candidates if (c.low, c.high) == tuple(scale)]
    candidates = [c for c in candidates if c.most_words is None or len(words) <= c.most_words]
    if not words or not candidates or survey_type == "nps":
        return None
    best = max(candidates, key=lambda c: len(words & c.labels.keys()))
    return best if words & best.labels.keys() else None


def _place_numbers(
    numbers: list[tuple[float, float | None] | None],
    counts: list[int],
    survey_type: str,
    scale: tuple[float, float] | None,
    out: tuple[np.ndarray, np.ndarray, np.ndarray],
) -> tuple[str, str]:
    """Put numeric answers on their scale (in place); return the survey type and a note."""
    score, low, high = out
    plain = [i for i, n in enumerate(numbers) if n is not None and n[1] is None]
    values = [numbers[i][0] for i in plain]  # type: ignore[index]
    weights = [counts[i] for i in plain]
    resolved = "csat" if survey_type == "auto" else survey_type
    codes = bool(values) and set(values) <= FRESHDESK_CODES.keys() and max(values) >= 100
    how = ""
    if codes and scale is None:
        values = [FRESHDESK_CODES[v] for v in values]
        how = "; numbers read as Freshdesk 7-point API codes (103 = 7 .. -103 = 1)"
        found: tuple[float, float] | None = (1.0, 7.0)
    else:
        found = scale or (numeric_scale(values, resolved, weights) if values else None)
        if survey_type == "auto" and found == (0.0, 10.0):
            resolved = "nps"
        elif survey_type == "nps" and scale is None and _small_scale(values, weights):
            resolved, found = "csat", (1.0, 5.0)
            how = f"; all {sum(weights)} answers are 1-5, so this is not NPS (0-10)"
    for i, v in zip(plain, values, strict=True):
        if found is not None and found[0] <= v <= found[1]:
            score[i], low[i], high[i] = v, *found
    for i, n in enumerate(numbers):
        if n is not None and n[1] is not None:  # "4/5", "★★★★☆": the text gives its scale
            bottom = 0.0 if n[1] == 10 and resolved == "nps" else 1.0
            if bottom <= n[0] <= n[1] and (scale is None or (bottom, n[1]) == tuple(scale)):
                score[i], low[i], high[i] = n[0], bottom, n[1]
    return resolved, how


MIN_ANSWERS_NOT_NPS = 20


def _small_scale(values: list[float], weights: list[int]) -> bool:
    """Whether answers said to be NPS are plainly a 1-5 question: many answers, all 1 to 5.

    A real NPS question is answered 9 or 10 by a large share of customers and 0 by some; twenty
    answers or more with none of 0 or 6-10 come from a 1-5 (CSAT) survey, as a Delighted CSAT
    project's export does when it has no survey type column.
    """
    return (
        sum(weights) >= MIN_ANSWERS_NOT_NPS
        and min(values, default=0.0) >= 1.0
        and max(values, default=10.0) <= 5.0
    )


def _note(
    family: LabelScale | None,
    resolved: str,
    low: np.ndarray,
    high: np.ndarray,
    unanswered: np.ndarray,
    failed: np.ndarray,
) -> str:
    """'CSAT on 1-5; labels good/bad (Zendesk); 3 unanswered (offered, not rated)'."""
    ends = sorted({(a, b) for a, b in zip(low, high, strict=True) if not np.isnan(a)})
    scales = ", ".join(f"{a:g}-{b:g}" for a, b in ends) or "no scale"
    note = f"{resolved.upper()} on {scales}"
    if family is not None:
        note += f"; words as {family.name}"
    if resolved == "ces":
        note += "; higher means easier"
    n = int(np.count_nonzero(unanswered))
    if n:
        note += f"; {plural(n, 'row')} without an answer (not answered or not offered)"
    return note + failure_note(failed)
