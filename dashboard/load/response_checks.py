"""Survey and review rows that are not answers: previews, unfinished, unanswered, out of scale.

Survey tools mark test and preview responses in a status column and unfinished ones in a
finished column; a rating left empty (or "not offered") is no answer, and a QA score above
100 % is not a score. Each check gives a row mask and the reason `normalize` counts it under.
"""

from __future__ import annotations

import re

import numpy as np

from dashboard.errors import IssueCode
from dashboard.ingest import RawTable
from dashboard.load.columns import ParsedColumn
from dashboard.schema import TableKind
from dashboard.sources.model import TableMapping


def survey_checks(
    raw: RawTable, mapping: TableMapping, parsed: dict[str, ParsedColumn]
) -> list[tuple[IssueCode, str | None, np.ndarray]]:
    """Preview/unfinished responses and missing or unreadable ratings."""
    checks: list[tuple[IssueCode, str | None, np.ndarray]] = []
    preview = _preview_mask(raw, mapping)
    if preview is not None:
        checks.append((IssueCode.SURVEY_PREVIEW, None, preview))
    if mapping.kind in (TableKind.SURVEYS, TableKind.REVIEWS) and "score" in parsed:
        col = parsed["score"]
        unanswered = col.values.isna().to_numpy() & ~col.failed
        if col.extra and "_unanswered" in col.extra:
            unanswered |= col.extra["_unanswered"].to_numpy(dtype=bool)
        checks.append((IssueCode.NO_RATING, "score", unanswered))
        invalid = col.failed
        if mapping.kind == TableKind.REVIEWS:  # a QA score is at most 100 % (or 10, 5, 1)
            value = col.values.astype("float64")
            invalid = invalid | ((value < 0) | (value > 100)).fillna(False).to_numpy(bool)
        checks.append((IssueCode.INVALID_RATING, "score", invalid))
    return checks


_PREVIEW_WORDS = re.compile(r"preview|test|spam|imported", re.IGNORECASE)
_FALSE_WORDS = {"false", "0", "no", "nei", "nej", "nie", "falsch"}


def _preview_mask(raw: RawTable, mapping: TableMapping) -> np.ndarray | None:
    """Rows the survey tool marks as previews/tests or as not finished."""
    masks = []
    status = getattr(mapping, "preview_column", None)
    if status and status in raw.frame.columns:
        text = raw.frame[status].fillna("")
        masks.append(text.str.contains(_PREVIEW_WORDS).to_numpy(dtype=bool))
    finished = getattr(mapping, "finished_column", None)
    if finished and finished in raw.frame.columns:
        text = raw.frame[finished].fillna("").str.strip().str.casefold()
        masks.append(text.isin(_FALSE_WORDS).to_numpy(dtype=bool))
    if not masks:
        return None
    return np.logical_or.reduce(masks)
