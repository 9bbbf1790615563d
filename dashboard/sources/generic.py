"""Map a file no profile knows by header synonyms (`synonyms.SYNONYMS`), and pick its kind.

Each header is matched against every canonical column of every table kind: an exact synonym
scores 2, a synonym contained as whole words ("Created at (UTC)" contains "created at") 1.
Within a kind, pairs are assigned greedily, strongest and longest synonym first, so each header
and each canonical column is used once. Each kind then sums the evidence of its matched
columns (`synonyms.KIND_EVIDENCE`; a synonym no other kind uses adds 1.5), and the best kind
wins when its evidence reaches `MIN_EVIDENCE`. A ticket file with a rating column also yields a
SURVEYS mapping.

Confidence is 0.4 + 0.05 per mapped column, at most 0.8, less 0.1 when any match was only by
containment: always below a profile match, so the UI asks the user to confirm.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

import pandas as pd

from dashboard.schema import COLUMNS, MAIN_DATE, TableKind
from dashboard.sources.model import ColumnSpec, Detection, TableMapping
from dashboard.sources.specs import duration_canonical, make_spec
from dashboard.sources.synonyms import KIND_EVIDENCE, SYNONYMS, normalise
from dashboard.sources.vocabulary import has_word, is_segment_header, unit_from_header

MIN_EVIDENCE = 2.0
EXCLUSIVE_BONUS = 1.5
_REPEAT = re.compile(r"^(.*)\.\d+$")
_BRACKETS = re.compile(r"[(\[][^)\]]*[)\]]")
_NUMBER = re.compile(r"^-?\d+([.,]\d+)?$")
# Synonyms too generic to match inside a longer header ("message_type" is no product).
EXACT_ONLY = frozenset({"type"})
MAX_KEEP_SHARE = 0.5  # a kept column may have at most this share of distinct values (sample)


@dataclass(frozen=True, slots=True)
class Match:
    """One header matched to one canonical column."""

    header: str
    canonical: str
    exact: bool
    synonym: str


def _exclusive() -> dict[TableKind, set[str]]:
    """Per kind, the synonyms no other kind lists."""
    out = {}
    for kind, table in SYNONYMS.items():
        others = {w for k, t in SYNONYMS.items() if k != kind for ws in t.values() for w in ws}
        out[kind] = {w for ws in table.values() for w in ws} - others
    return out


EXCLUSIVE = _exclusive()


def match_kind(
    kind: TableKind,
    headers: Sequence[str],
    exact_only: bool = False,
    ratings: frozenset[str] = frozenset(),
) -> list[Match]:
    """Greedy one-to-one header -> canonical matches for one table kind.

    `ratings` are headers read as a survey score: they match other columns only exactly
    ("Customer Satisfaction" contains "customer", but it is no customer id). Among matches by
    containment, a synonym ending the header wins: "Customer Region" is a region.
    """
    candidates: list[tuple[int, bool, int, int, Match]] = []
    for pos, header in enumerate(headers):
        name = normalise(header)
        head = normalise(_BRACKETS.sub(" ", header))  # "Løst dato (UTC)" ends with "dato"
        for canonical, words in SYNONYMS[kind].items():
            for word in words:
                exact = name == word
                if not exact and (exact_only or _weak(word) or not has_word(name, word)):
                    continue
                if not exact and header in ratings and canonical != "score":
                    continue
                target = duration_canonical(_timed(canonical, header), header)
                ends = head == word or head.endswith(f" {word}")
                match = Match(header, target, exact, word)
                candidates.append((2 if exact else 1, ends, len(word), -pos, match))
    candidates.sort(key=lambda c: c[:4], reverse=True)
    used_h: set[str] = set()
    used_c: set[str] = set()
    out = []
    for *_, m in candidates:
        if m.header in used_h or m.canonical in used_c:
            continue
        used_h.add(m.header)
        used_c.add(m.canonical)
        out.append(m)
    return out


def _weak(word: str) -> bool:
    """Whether a synonym may only match a header exactly."""
    return len(word) < 3 or word in EXACT_ONLY


_AS_DURATION = {"first_response_at": "first_response_minutes", "resolved_at": "resolution_minutes"}


def _timed(canonical: str, header: str) -> str:
    """A "when" column whose header names a unit ("First reply (hrs)") holds a duration."""
    if canonical in _AS_DURATION and unit_from_header(header):
        return _AS_DURATION[canonical]
    return canonical


def evidence(kind: TableKind, matches: Sequence[Match]) -> float:
    """How strongly the matched columns say the file is of `kind`."""
    total = 0.0
    for m in matches:
        weight = KIND_EVIDENCE[kind].get(m.canonical, 0.5)
        weight *= 1.0 if m.exact else 0.7
        if m.synonym in EXCLUSIVE[kind]:
            weight += EXCLUSIVE_BONUS if m.exact else EXCLUSIVE_BONUS / 2
        total += weight
    return total


def detect_generic(headers: Sequence[str], sample: pd.DataFrame | None) -> Detection | None:
    """A Detection by synonyms, or None when no kind has enough evidence."""
    scores = match_kind(TableKind.SURVEYS, headers)
    ratings = frozenset(m.header for m in scores if m.canonical == "score")
    by_kind = {kind: match_kind(kind, headers, ratings=ratings) for kind in TableKind}
    scored = {kind: evidence(kind, ms) for kind, ms in by_kind.items()}
    kind = max(scored, key=lambda k: (scored[k], MAIN_DATE[k] in {m.canonical for m in by_kind[k]}))
    if scored[kind] < MIN_EVIDENCE:
        return None
    matches = by_kind[kind]
    primary = _mapping(kind, matches, headers, sample)
    mappings = [primary]
    if kind == TableKind.TICKETS:
        survey = _ticket_ratings(primary, by_kind[TableKind.SURVEYS])
        if survey is not None:
            mappings.append(survey)
    pairs = ", ".join(f"'{m.header}' -> {m.canonical}" for m in matches)
    notes = [f"Mapped by header synonyms as {kind}: please confirm ({pairs})."]
    if len(mappings) > 1:
        notes.append(
            f"Ratings in '{mappings[1].header_for('score')}' also feed the surveys "
            f"table, answered at '{mappings[1].header_for('responded_at')}'."
        )
    confidence = min(0.8, 0.4 + 0.05 * len(matches))
    if not all(m.exact for m in matches):
        confidence -= 0.1
    return Detection(
        source="generic_accounts" if kind == TableKind.ACCOUNTS else "generic",
        source_label="Accounts file (by header names)"
        if kind == TableKind.ACCOUNTS
        else "Spreadsheet mapped by header names",
        mappings=tuple(mappings),
        confidence=round(confidence, 3),
        notes=tuple(notes),
    )


def _mapping(
    kind: TableKind, matches: Sequence[Match], headers: Sequence[str], sample: pd.DataFrame | None
) -> TableMapping:
    specs = tuple(make_spec(kind, m.canonical, m.header) for m in matches)
    mapped = {m.header for m in matches} | repeated_headers(headers)
    keep = tuple(h for h in headers if h not in mapped and _keepable(h, sample))
    return TableMapping(kind=kind, columns=specs, keep=keep)


def repeated_headers(headers: Sequence[str]) -> set[str]:
    """Repeats of a multi-value column the reader renamed ("Labels.1" after "Labels").

    Jira writes one column per label; only the first can be a segment, the others hold the
    second, third... value in no particular order.
    """
    present = set(headers)
    return {h for h in headers if (m := _REPEAT.match(h)) and m.group(1) in present}


def _keepable(header: str, sample: pd.DataFrame | None) -> bool:
    """Segment-like by name, and (with a sample) neither numbers nor mostly distinct values."""
    if not is_segment_header(header):
        return False
    if sample is None or header not in sample.columns:
        return True
    values = sample[header].dropna().astype(str).str.strip()
    values = values[values != ""]
    if len(values) and values.str.match(_NUMBER).mean() >= 0.9:
        return False  # a measure (interactions, category scores), not a segment
    return len(values) < 20 or values.nunique() <= MAX_KEEP_SHARE * len(values)


def _ticket_ratings(tickets: TableMapping, survey_matches: Sequence[Match]) -> TableMapping | None:
    """A SURVEYS mapping for a rating column inside a ticket file."""
    score = next((m for m in survey_matches if m.canonical == "score"), None)
    if score is None or score.header in {s.header for s in tickets.columns}:
        return None
    answered = tickets.header_for("resolved_at") or tickets.header_for("created_at")
    if answered is None:
        return None
    columns: list[ColumnSpec] = [
        make_spec(TableKind.SURVEYS, "score", score.header),
        make_spec(TableKind.SURVEYS, "responded_at", answered),
    ]
    for canonical in ("ticket_id", "customer_id"):
        header = tickets.header_for(canonical)
        if header:
            columns.append(make_spec(TableKind.SURVEYS, canonical, header))
    survey_type = columns[0].survey_type or "csat"
    columns[0] = replace(columns[0], survey_type=survey_type)
    return TableMapping(TableKind.SURVEYS, tuple(columns), constants={"survey_type": survey_type})


def fill_unmapped(
    mapping: TableMapping,
    headers: Sequence[str],
    sample: pd.DataFrame | None = None,
    reserved: frozenset[str] = frozenset(),
) -> tuple[TableMapping, list[Match]]:
    """Complete a profile's mapping as a file no profile knows would be mapped.

    Headers the profile does not read are matched by synonyms (`match_kind`) to the canonical
    columns it left unmapped; a header whose best match is a column already mapped stays out.
    Other headers are kept as segments when `_keepable`, as in `detect_generic`. `reserved`
    headers (read by another table of the same file, such as a rating) are left alone.

    Returns:
        The completed mapping and the synonym matches added (for a note asking to confirm).
    """
    taken = {s.canonical for s in mapping.columns}
    used = {s.header for s in mapping.columns} | set(reserved)
    used |= {h for h in (mapping.preview_column, mapping.finished_column) if h}
    free = [h for h in headers if h not in used]
    names = {c.name for c in COLUMNS[mapping.kind]}
    matches = match_kind(mapping.kind, free)
    added = [m for m in matches if m.canonical not in taken and m.canonical in names]
    extra = tuple(make_spec(mapping.kind, m.canonical, m.header) for m in added)
    keep = [h for h in mapping.keep if h not in {m.header for m in added}]
    # a header naming a column the profile already maps is not kept either: Zendesk's
    # "Group stations" counts group changes, it is no second team column
    skip = {m.header for m in matches} | repeated_headers(headers) | set(keep)
    keep += [h for h in free if h not in skip and _keepable(h, sample)]
    return replace(mapping, columns=(*mapping.columns, *extra), keep=tuple(keep)), added


def complete_primary(
    mappings: Sequence[TableMapping], headers: Sequence[str], sample: pd.DataFrame | None
) -> tuple[TableMapping, str]:
    """The primary mapping completed by header synonyms and segments (`fill_unmapped`).

    Headers another table of the file reads (a rating, its comment) are left to that table.
    Returns the mapping and a note naming the columns matched by synonyms ("" when none).
    """
    reserved = frozenset(s.header for m in mappings[1:] for s in m.columns)
    primary, added = fill_unmapped(mappings[0], headers, sample, reserved)
    if not added:
        return primary, ""
    pairs = ", ".join(f"'{m.header}' -> {m.canonical}" for m in added)
    return primary, f"Also mapped by header names: please confirm ({pairs})."
