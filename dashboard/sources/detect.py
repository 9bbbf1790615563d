"""Recognise an export from its header row(s) and map its columns onto canonical columns.

Order of attempts:

1. **Profiles** (`registry.PROFILES`): headers are normalised (`synonyms.normalise`) and each
   profile is scored by the weighted share of its signature headers present; every required
   entry must be present and at least `min_match` entries in all. The best score wins; ties go
   to sample values matching a profile's vocabulary, then to the longer signature. A profile
   match has confidence 0.9 + 0.1 x share, or 0.8 with a note when the headers found are
   mostly ones many profiles share ("Id", "Status"; summed weight below `STRONG_WEIGHT`).
   Headers the profile does not list then go through the synonyms as in 2, filling the
   columns it left unmapped or kept as segments (`generic.complete_primary`).
2. **Header synonyms** (`generic.py`) in seven languages (and French and Spanish for the core
   ticket columns), for files no profile knows, with confidence <= 0.8 and a note asking the
   user to confirm.
3. Otherwise a Detection with **no mappings**: the load step turns that into a
   MissingColumnsError naming the headers found (we do not raise here, so the UI can still
   offer manual mapping through `apply_overrides`).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

import pandas as pd

from dashboard.schema import TableKind
from dashboard.sources import generic, questions
from dashboard.sources.model import (
    Alternatives,
    Detection,
    ParseAs,
    Profile,
    TableMapping,
    TableRule,
)
from dashboard.sources.registry import PROFILES, entry_weight
from dashboard.sources.specs import duration_note, refine_with_sample, spec_from_rule
from dashboard.sources.synonyms import normalise
from dashboard.sources.vocabulary import is_segment_header, is_self_assessment

VOCAB_BONUS = 0.5  # weight added per vocabulary header whose sample values fit
STRONG_WEIGHT = 1.5  # below this, only headers many profiles share matched: ask to confirm
WEAK_CONFIDENCE = 0.8


@dataclass(frozen=True, slots=True)
class ProfileMatch:
    """How well one profile's signature fits a file."""

    profile: Profile
    matched: int  # signature entries present
    weight: float  # summed weight of the entries present (+ vocabulary bonus)
    share: float  # weight present / weight of the whole signature (0..1)


def detect(
    headers: Sequence[str],
    header_extra: Sequence[Sequence[str]] = (),
    sample: pd.DataFrame | None = None,
    *,
    file_name: str = "",
) -> Detection:
    """Recognise the source of a file and map its columns (see the module docstring).

    Args:
        headers: the header row as read (BOM stripped), in file order; duplicates arrive
            renamed by the reader ("Labels", "Labels.1").
        header_extra: further header rows (Qualtrics question text and ImportId rows,
            SurveyMonkey sub-headers), each aligned with `headers`.
        sample: a few data rows (all text), for tie-breaking and unit checks.
        file_name: the file's name; self-assessment files are recognised by it.
    """
    headers = [str(h) for h in headers]
    extra, in_data = _extra_rows(headers, header_extra, sample)
    if sample is not None and in_data:
        sample = sample.iloc[in_data:]
    present = present_headers(headers)
    match = best_match(present, extra, sample)
    if match is not None:
        found = _from_profile(match, headers, present, extra, sample)
        if match.weight < STRONG_WEIGHT:
            found = _tickets_instead(found, headers, sample)
    else:
        found = generic.detect_generic(headers, sample)
    if found is None:
        shown = ", ".join(f"'{h}'" for h in headers[:12])
        return Detection(
            source="unknown",
            source_label="Unrecognised file",
            mappings=(),
            confidence=0.0,
            notes=(f"No column looks like a ticket, survey, review or account field ({shown}).",),
            unmapped=tuple(headers),
            header_rows_in_data=in_data,
        )
    found = _finish(found, headers, sample, file_name)
    return replace(found, header_rows_in_data=in_data)


def present_headers(headers: Sequence[str]) -> dict[str, str]:
    """Normalised header -> header as written (the first one, when two normalise alike)."""
    out: dict[str, str] = {}
    for h in headers:
        out.setdefault(normalise(h), h)
    return out


def find(present: Mapping[str, str], alternatives: Alternatives) -> str | None:
    """The first alternative present in the file, as written there."""
    for alt in alternatives:
        header = present.get(normalise(alt))
        if header is not None:
            return header
    return None


def best_match(
    present: Mapping[str, str],
    extra: Sequence[Sequence[str]] = (),
    sample: pd.DataFrame | None = None,
) -> ProfileMatch | None:
    """The best-fitting profile, or None when none has its required headers and enough more."""
    matches = [m for p in PROFILES if (m := score_profile(p, present, extra, sample))]
    if not matches:
        return None
    return max(matches, key=lambda m: (m.weight, m.share, len(m.profile.signature)))


def score_profile(
    profile: Profile,
    present: Mapping[str, str],
    extra: Sequence[Sequence[str]] = (),
    sample: pd.DataFrame | None = None,
) -> ProfileMatch | None:
    """Score one profile against a file's headers (None when it cannot be this profile)."""
    if any(find(present, entry) is None for entry in profile.required):
        return None
    hits = [entry for entry in profile.signature if find(present, entry) is not None]
    minimum = profile.min_match or len(profile.required) + 1
    if len(hits) < min(minimum, len(profile.signature)):
        return None
    weight = sum(entry_weight(e) for e in hits)
    share = weight / sum(entry_weight(e) for e in profile.signature)
    if profile.marker and any(profile.marker in cell for row in extra for cell in row):
        weight += 10.0
    weight += VOCAB_BONUS * _vocab_hits(profile, present, sample)
    return ProfileMatch(profile, len(hits), weight, share)


def _vocab_hits(profile: Profile, present: Mapping[str, str], sample: pd.DataFrame | None) -> int:
    """How many vocabulary headers have sample values mostly in the profile's vocabulary."""
    if sample is None or sample.empty:
        return 0
    hits = 0
    for name, words in profile.vocab.items():
        header = present.get(normalise(name))
        if header is None or header not in sample.columns:
            continue
        values = sample[header].dropna().astype(str).str.strip().str.casefold()
        values = values[values != ""]
        if len(values) and values.isin({w.casefold() for w in words}).mean() >= 0.5:
            hits += 1
    return hits


def build_table(table: TableRule, present: Mapping[str, str]) -> TableMapping | None:
    """Apply one table rule to the headers present (None when a required column is missing)."""
    specs = []
    for col in table.columns:
        if any(s.canonical == col.canonical for s in specs):
            continue
        header = find(present, col.headers)
        if header is not None:
            specs.append(spec_from_rule(table.kind, col, header))
    mapped = {s.canonical for s in specs}
    if any(c not in mapped for c in table.requires):
        return None
    used = {s.header for s in specs}
    keep = [h for name in table.keep if (h := find(present, (name,))) and h not in used]
    if table.keep_pattern:
        pattern = re.compile(table.keep_pattern, re.IGNORECASE)
        keep += [
            h
            for h in present.values()
            if pattern.search(h) and h not in used and h not in keep and is_segment_header(h)
        ]
    return TableMapping(
        kind=table.kind,
        columns=tuple(specs),
        constants={k: v for k, v in table.constants.items() if k not in mapped},
        keep=tuple(dict.fromkeys(keep)),
        preview_column=find(present, table.preview_column),
        finished_column=find(present, table.finished_column),
    )


def _from_profile(
    match: ProfileMatch,
    headers: Sequence[str],
    present: Mapping[str, str],
    extra: Sequence[Sequence[str]],
    sample: pd.DataFrame | None,
) -> Detection:
    profile = match.profile
    mappings: list[TableMapping] = []
    notes = list(profile.notes)
    by_questions = False  # the primary mapping comes from a survey tool's questions
    for table in profile.tables:
        mapping = build_table(table, present)
        if mapping is None:
            continue
        if table.questions:
            found, q_notes = questions.survey_mappings(mapping, headers, extra, sample, profile)
            by_questions = by_questions or not mappings
            mappings.extend(found)
            notes.extend(q_notes)
            continue
        mappings.append(mapping)
        if table.note:
            by_canonical = {s.canonical: s.header for s in mapping.columns}
            notes.append(table.note.format_map(by_canonical))
    if mappings and not by_questions:
        mappings[0], note = generic.complete_primary(mappings, headers, sample)
        notes.extend([note] if note else [])
    confidence = 0.9 + 0.1 * match.share
    if match.weight < STRONG_WEIGHT:
        confidence = WEAK_CONFIDENCE
        notes.insert(0, f"Few columns typical of a {profile.label} were found: please confirm.")
    return Detection(
        source=profile.key,
        source_label=profile.label,
        mappings=tuple(mappings),
        confidence=round(confidence, 3),
        notes=tuple(notes),
    )


TICKET_LIFECYCLE = ("resolved_at", "first_response_at")
"""Dates only a ticket has: a file with a creation date and one of these is a ticket export."""


def _tickets_instead(found: Detection, headers: Sequence[str], sample: pd.DataFrame | None
                     ) -> Detection:  # fmt: skip
    """The header synonyms' reading when a weak profile match reads a ticket export as ratings.

    "Ticket ID, Created, Resolved, Agent, Rating" fits a satisfaction-survey profile by its
    shared headers alone (ticket id, rating, agent), which would leave the tickets out and
    count only the rated rows. When no mapping of the profile is a ticket table while the
    synonyms find tickets with their lifecycle dates, the synonyms' reading (tickets, with
    the ratings inside them) wins.
    """
    if any(m.kind == TableKind.TICKETS for m in found.mappings):
        return found
    generic_found = generic.detect_generic(headers, sample)
    tickets = next((m for m in generic_found.mappings if m.kind == TableKind.TICKETS), None) \
        if generic_found is not None else None  # fmt: skip
    if tickets is None or tickets.header_for("created_at") is None:
        return found
    if not any(tickets.header_for(c) for c in TICKET_LIFECYCLE):
        return found
    return generic_found


def _finish(
    found: Detection, headers: Sequence[str], sample: pd.DataFrame | None, file_name: str
) -> Detection:
    """Sample refinements, duration notes, self-assessment file names and unmapped headers."""
    notes = list(found.notes)
    mappings = []
    for mapping in found.mappings:
        specs = []
        for spec in mapping.columns:
            values = sample[spec.header] if sample is not None and spec.header in sample else None
            spec, note = refine_with_sample(spec, values)
            specs.append(spec)
            if note:
                notes.append(note)
            if spec.parse_as == ParseAs.DURATION:
                notes.append(duration_note(spec))
        constants = dict(mapping.constants)
        if mapping.kind == TableKind.REVIEWS and is_self_assessment(file_name):
            if constants.get("review_type") == "qa":
                notes.append(
                    f"'{file_name}' is named as a self-assessment file: review type 'self'."
                )
            if mapping.spec("review_type") is None:
                constants["review_type"] = "self"
        mappings.append(replace(mapping, columns=tuple(specs), constants=constants))
    unmapped = unmapped_headers(headers, mappings)
    notes.extend(_repeated_header_notes(headers, unmapped))
    return replace(
        found,
        mappings=tuple(mappings),
        notes=tuple(dict.fromkeys(notes)),
        unmapped=tuple(unmapped),
    )


_RENAMED = re.compile(r"^(?P<base>.+)\.(?P<k>\d+)$")


def _repeated_header_notes(headers: Sequence[str], unmapped: Sequence[str]) -> list[str]:
    """A note per repeated header whose later copy went unused ("Date", then "Date" again).

    The reader names the copies "Date.1", "Date.2"; the second date of a file (often the
    closing date) was then left out without a word, and a backlog held closed tickets.
    """
    present = set(headers)
    notes = []
    for header in unmapped:
        match = _RENAMED.match(header)
        if match and match["base"] in present:
            notes.append(
                f"Two columns are named '{match['base']}'; the later one, read as '{header}', "
                "is not used. If it holds a date or a value you need, choose what it holds in "
                "the mapping (Data page)."
            )
    return notes


def unmapped_headers(headers: Sequence[str], mappings: Sequence[TableMapping]) -> list[str]:
    """Headers no mapping reads, keeps, or uses as a preview/finished marker."""
    used: set[str] = set()
    for m in mappings:
        used.update(s.header for s in m.columns)
        used.update(m.keep)
        used.update(h for h in (m.preview_column, m.finished_column) if h)
    return [h for h in headers if h not in used]


def _extra_rows(
    headers: Sequence[str],
    header_extra: Sequence[Sequence[str]],
    sample: pd.DataFrame | None,
) -> tuple[list[list[str]], int]:
    """Extra header rows, from the reader or (when it did not see them) from the data.

    Qualtrics' question-text and ImportId rows, and SurveyMonkey's sub-header row, look like
    data to a reader that does not know them; they are recognised here and reported as
    `header_rows_in_data` so the load step can drop them.
    """
    if header_extra:
        return [[str(c) for c in row] for row in header_extra], 0
    if sample is None or sample.empty:
        return [], 0
    rows = [[("" if pd.isna(v) else str(v)) for v in row] for row in sample.head(2).to_numpy()]
    for i, row in enumerate(rows):
        if any('"ImportId"' in cell for cell in row):
            return rows[: i + 1], i + 1
    first = rows[0]
    if "Open-Ended Response" in first or first.count("Response") >= 2:
        return rows[:1], 1
    return [], 0
