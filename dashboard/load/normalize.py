"""Apply a table mapping to a raw table: parsed canonical columns, exclusions and warnings.

Each excluded row is counted once, under the first reason that applies, in this order: survey
preview or unfinished response, no rating (a survey sent and never answered usually has no
answer time either; "not answered" is the truer reason), missing or unreadable main date,
missing id, unreadable rating, duplicate id (the first occurrence is kept). Values that cannot
be read in other columns are left empty and reported as warnings; the row stays.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from dashboard.errors import Issue, IssueCode, MissingColumnsError
from dashboard.ingest import RawTable
from dashboard.load.columns import ParsedColumn, parse_column
from dashboard.load.date_checks import (
    before_creation,
    one_date_order,
    resolved_from_minutes,
    unlikely_dates,
)
from dashboard.load.duplicate_ids import repeated
from dashboard.load.kept import kept_columns
from dashboard.load.response_checks import survey_checks
from dashboard.schema import COLUMNS, KEY_COLUMN, MAIN_DATE, UNIQUE_COLUMN, TableKind
from dashboard.sources.model import ColumnSpec, ParseAs, TableMapping

EXAMPLES_PER_KIND = 20  # examples kept per (code, column); counts stay exact
_REQUIRED: dict[TableKind, tuple[str, ...]] = {
    TableKind.TICKETS: ("created_at",),
    TableKind.SURVEYS: ("responded_at", "score"),
    TableKind.REVIEWS: ("reviewed_at", "score"),
    TableKind.ACCOUNTS: ("customer_id",),
}


@dataclass
class Normalized:
    """A canonical frame (used rows only) with its exact accounting and issue examples."""

    frame: pd.DataFrame
    used: np.ndarray  # bool per raw row: kept in the table
    excluded: Counter[str] = field(default_factory=Counter)
    warnings: Counter[str] = field(default_factory=Counter)
    issues: list[Issue] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    kept: dict[str, str] = field(default_factory=dict)
    reasons: np.ndarray | None = None  # object per raw row: the exclusion code, None if used

    def excluded_where(self, rows: np.ndarray) -> Counter[str]:
        """Exclusion counts by reason among the raw rows in the bool mask `rows`."""
        if self.reasons is None:
            return Counter()
        return Counter(r for r in self.reasons[rows] if r is not None)


def require_columns(mapping: TableMapping, file: str) -> None:
    """Raise MissingColumnsError when the mapping lacks a column its table kind needs."""
    mapped = {c.canonical for c in mapping.columns} | set(mapping.constants)
    missing = [c for c in _REQUIRED[mapping.kind] if c not in mapped]
    if missing:
        names = ", ".join(f"'{m}'" for m in missing)
        raise MissingColumnsError(
            f"{file}: found no column for {names} in this {mapping.kind} file.",
            hint="Choose the column on the Data page, or on the command line add "
            f"--map {missing[0]}=<header as written in the file>.",
        )


def normalize(raw: RawTable, mapping: TableMapping) -> Normalized:
    """Map, parse and filter `raw` into the canonical table `mapping.kind`.

    Args:
        raw: the table as read, all text (for a table derived from another, e.g. the ratings
            in a ticket export, only the rows that table may use).
        mapping: which header feeds which canonical column, and how to parse it.
    """
    file = raw.report.file
    require_columns(mapping, file)
    mask = np.ones(len(raw.frame), dtype=bool)
    out = Normalized(
        frame=pd.DataFrame(index=raw.frame.index),
        used=mask,
        reasons=np.full(len(raw.frame), None, dtype=object),
    )
    parsed: dict[str, ParsedColumn] = {}
    for spec in mapping.columns:
        values = _tags(raw, spec.header) if spec.canonical == "tags" else raw.frame[spec.header]
        parsed[spec.canonical] = parse_column(values, spec)
    one_date_order(raw, mapping, parsed)
    for spec in mapping.columns:
        if parsed[spec.canonical].note:
            out.notes.append(f"'{spec.header}': {parsed[spec.canonical].note}")
    out.notes.extend(unlikely_dates(mapping, parsed))
    columns = _assemble(raw, mapping, parsed)
    if mapping.kind == TableKind.TICKETS and (derived := resolved_from_minutes(columns)):
        out.notes.append(derived)
    _exclude(raw, mapping, parsed, columns, out)
    _warn(raw, mapping, parsed, out)
    kept = kept_columns(raw, mapping, out.used)
    out.kept = {slug: header for slug, (header, _) in kept.items()}
    frame = pd.DataFrame(columns, index=raw.frame.index)
    for slug, (_, series) in kept.items():
        frame[slug] = series
    out.frame = frame[out.used].reset_index(drop=True)
    return out


def _tags(raw: RawTable, header: str) -> pd.Series:
    """Tags from every column named `header` (Jira repeats "Labels" once per label), joined."""
    columns = list(raw.frame.columns)
    if len(raw.headers) != len(columns):
        return raw.frame[header]
    written = raw.headers[columns.index(header)]
    same = [c for c, h in zip(columns, raw.headers, strict=True) if h == written]
    if len(same) == 1:
        return raw.frame[header]
    stacked = raw.frame[same].astype("string").stack().dropna()
    joined = stacked.groupby(level=0).agg(", ".join)
    return joined.reindex(raw.frame.index).astype("string")


def _assemble(
    raw: RawTable, mapping: TableMapping, parsed: dict[str, ParsedColumn]
) -> dict[str, pd.Series]:
    """Canonical columns from parsed values, rating extras and the mapping's constants."""
    columns: dict[str, pd.Series] = {name: col.values for name, col in parsed.items()}
    for col in parsed.values():
        for name, series in (col.extra or {}).items():
            if not name.startswith("_") and name not in columns:
                columns[name] = series
    index = raw.frame.index
    for name, value in mapping.constants.items():
        if name in {c.name for c in COLUMNS[mapping.kind]}:
            repeated = pa.repeat(pa.scalar(value, pa.large_string()), len(index))
            columns[name] = pd.Series(pd.array(repeated, dtype="string"), index=index)
    if mapping.kind == TableKind.REVIEWS and "score" in columns:
        columns["score"] = _review_scale(columns["score"], parsed["score"])
    id_col = {TableKind.SURVEYS: "response_id", TableKind.REVIEWS: "review_id"}.get(mapping.kind)
    if mapping.kind == TableKind.TICKETS and "ticket_id" not in columns:
        id_col = "ticket_id"
    if id_col and id_col not in columns:
        columns[id_col] = _line_ids(raw.report.file, raw.lines, index)
    return columns


def _line_ids(file: str, lines: np.ndarray, index: pd.Index) -> pd.Series:
    """Ids for rows the export gave none: "<file>:<line>", stable and traceable to the file."""
    numbers = pc.cast(pa.array(lines, pa.int64()), pa.string())
    ids = pc.binary_join_element_wise(pa.scalar(f"{file}:"), numbers, "")
    return pd.Series(pd.array(ids, dtype="string"), index=index)


def _review_scale(score: pd.Series, col: ParsedColumn) -> pd.Series:
    """QA scores onto 0-100: fractions x100; 1-5 and 1-10 scales rescaled; percents as is."""
    top = score.max(skipna=True)
    if pd.isna(top) or top > 10:
        return score
    if top <= 1:
        return score * 100
    if top <= 5:
        return (score - 1) / 4 * 100
    return score * 10


def _exclude(
    raw: RawTable,
    mapping: TableMapping,
    parsed: dict[str, ParsedColumn],
    columns: dict[str, pd.Series],
    out: Normalized,
) -> None:
    """Mark excluded rows (one reason each, first that applies) and count them."""
    kind = mapping.kind
    survey = survey_checks(raw, mapping, parsed)
    checks = [c for c in survey if c[0] != IssueCode.INVALID_RATING]
    main = MAIN_DATE[kind]
    if main in parsed:
        empty = raw.frame[_header(mapping, main)].isna().to_numpy()
        checks.append((IssueCode.MISSING_DATE, main, empty))
        checks.append((IssueCode.UNPARSEABLE_DATE, main, parsed[main].failed))
    key = KEY_COLUMN[kind]
    if key and key in parsed:
        ids = columns[key]
        checks.append((IssueCode.MISSING_ID, key, ids.isna().to_numpy()))
    checks.extend(c for c in survey if c[0] == IssueCode.INVALID_RATING)
    for code, canonical, bad in checks:
        hit = out.used & bad
        if hit.any():
            _record(raw, mapping, out, code, canonical, hit, exclusion=True)
            out.used &= ~hit
    unique = UNIQUE_COLUMN[kind]
    if unique in parsed:
        # only duplicates among rows still in use count; the first occurrence stays
        dup = repeated(columns[unique], out.used)
        if dup.any():
            _record(raw, mapping, out, IssueCode.DUPLICATE_ID, unique, dup, exclusion=True)
            out.used &= ~dup


def _warn(
    raw: RawTable, mapping: TableMapping, parsed: dict[str, ParsedColumn], out: Normalized
) -> None:
    """Unreadable values in kept rows (other than the main date and the score) are blanked."""
    skip = {MAIN_DATE[mapping.kind], "score"}
    for canonical, col in parsed.items():
        if canonical in skip:
            continue
        bad = out.used & col.failed
        if bad.any():
            col.values[bad] = pd.NA
            _record(raw, mapping, out, IssueCode.INVALID_VALUE, canonical, bad, exclusion=False)
        if col.negative is not None:
            neg = out.used & col.negative
            if neg.any():
                _record(
                    raw, mapping, out, IssueCode.NEGATIVE_DURATION, canonical, neg, exclusion=False
                )
    if mapping.kind == TableKind.TICKETS:
        for canonical, early in before_creation(parsed, out.used).items():
            _record(raw, mapping, out, IssueCode.BEFORE_CREATION, canonical, early,
                    exclusion=False)  # fmt: skip


def _header(mapping: TableMapping, canonical: str) -> str:
    for spec in mapping.columns:
        if spec.canonical == canonical:
            return spec.header
    raise KeyError(canonical)


def _record(
    raw: RawTable,
    mapping: TableMapping,
    out: Normalized,
    code: IssueCode,
    canonical: str | None,
    hit: np.ndarray,
    *,
    exclusion: bool,
) -> None:
    """Count rows under `code` and keep the first few as Issue examples."""
    count = int(hit.sum())
    (out.excluded if exclusion else out.warnings)[str(code)] += count
    if exclusion and out.reasons is not None:
        out.reasons[hit] = str(code)
    header = _header(mapping, canonical) if canonical and _has(mapping, canonical) else None
    idx = np.flatnonzero(hit)[:EXAMPLES_PER_KIND]
    for i in idx:
        value = None if header is None else raw.frame[header].iloc[i]
        value = None if pd.isna(value) else str(value)[:80]
        line = int(raw.lines[i])
        out.issues.append(
            Issue(
                file=raw.report.file,
                code=code,
                message=_message(raw.report.file, line, header, value, code),
                line=line,
                column=header,
                value=value,
            )
        )


def _has(mapping: TableMapping, canonical: str) -> bool:
    return any(s.canonical == canonical for s in mapping.columns)


_WHAT: dict[IssueCode, str] = {
    IssueCode.MISSING_DATE: "is empty, so the row cannot be placed in a period; it was left out",
    IssueCode.UNPARSEABLE_DATE: "is not a date we can read; the row was left out",
    IssueCode.MISSING_ID: "is empty; the row was left out",
    IssueCode.DUPLICATE_ID: "repeats an id seen earlier in the file; the first one was kept",
    IssueCode.SURVEY_PREVIEW: "is a survey preview, test or unfinished response; it was left out",
    IssueCode.NO_RATING: "has no rating (not answered, or the survey was not offered); left out",
    IssueCode.INVALID_RATING: (
        "is outside the column's scale (see its note) or on no scale we know; it was left out"
    ),
    IssueCode.INVALID_VALUE: "could not be read and was left empty",
    IssueCode.NEGATIVE_DURATION: "is a negative duration and was left empty",
    IssueCode.BEFORE_CREATION: (
        "is before the ticket was created; the row is kept, but left out of the time KPI"
    ),
}


def _message(file: str, line: int, header: str | None, value: str | None, code: IssueCode) -> str:
    where = f"{file}, line {line}"
    if header is None:
        return f"{where} {_WHAT[code]}."
    shown = "(empty)" if value is None else f"'{value}'"
    return f"{where}, column '{header}': {shown} {_WHAT[code]}."


__all__ = ["ColumnSpec", "Normalized", "ParseAs", "normalize", "require_columns"]
