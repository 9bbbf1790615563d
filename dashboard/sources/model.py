"""What `detect` returns (ColumnSpec, TableMapping, Detection) and how profiles are declared.

The result side (`ParseAs`, `ColumnSpec`, `TableMapping`, `Detection`) is the contract the load
step codes against. The declaration side (`ColumnRule`, `TableRule`, `Profile`) is plain data: a
profile lists header alternatives per canonical column, never code paths.

A header alternative is written as in the vendor's export; matching compares normalised text
(case-folded, punctuation collapsed, see `synonyms.normalise`), so "Ticket ID" also matches
"Ticket Id" and "ticket_id".
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum

from dashboard.schema import TableKind


class ParseAs(StrEnum):
    """How the load step reads a column's text."""

    TEXT = "text"  # kept as written
    DATETIME = "datetime"  # a timestamp or date
    NUMBER = "number"  # a decimal number (either decimal mark)
    DURATION = "duration"  # a length of time; `unit` says which, None = from header/values
    BOOLEAN = "boolean"  # yes/no in any language, plus `true_values`/`false_values`
    SLA = "sla"  # boolean with SLA vocabulary (Within SLA / SLA Violated, met / breached)
    SLA_REMAINING = "sla_remaining"  # remaining time to an SLA goal; negative = breached
    RATING = "rating"  # a survey answer: number or label on a scale
    COUNT = "count"  # a whole number of events (replies, reopens)
    ID = "id"  # text, but Excel may have mangled long numbers ("1.03006E+13")


@dataclass(frozen=True, slots=True)
class ColumnSpec:
    """One header of the file feeding one canonical column, with how to read it.

    Attributes:
        header: the header exactly as written in the file (after a BOM strip).
        canonical: the canonical column name in `schema.COLUMNS[kind]`.
        parse_as: how to read the text.
        unit: durations: "seconds" | "minutes" | "hours" | "hms" (HH:MM[:SS] text);
            None = decide from the header or the values.
        survey_type: ratings: "csat" | "nps" | "ces" (None = decide from the values).
        scale: ratings: (lowest, highest) when the profile knows it.
        true_values: extra words meaning True (booleans, SLA).
        false_values: extra words meaning False.
        value_labels: ratings given as words: (label, score) pairs, compared case-folded.
        na_values: words meaning "no answer" (e.g. Zendesk "Offered"): empty, not invalid.
        negate: booleans: the header asks the opposite question ("SLA breached?"), so a plain
            yes means False; self-describing SLA words ("Within SLA") are read as they say.
    """

    header: str
    canonical: str
    parse_as: ParseAs
    unit: str | None = None
    survey_type: str | None = None
    scale: tuple[float, float] | None = None
    true_values: tuple[str, ...] = ()
    false_values: tuple[str, ...] = ()
    value_labels: tuple[tuple[str, float], ...] = ()
    na_values: tuple[str, ...] = ()
    negate: bool = False


@dataclass(frozen=True, slots=True)
class TableMapping:
    """How one file (or part of it) feeds one canonical table.

    Attributes:
        kind: the canonical table.
        columns: one spec per mapped canonical column (never two for the same canonical).
        constants: canonical values fixed for every row, e.g. {"survey_type": "nps"}.
        keep: other headers kept as segment columns (low-cardinality text, judged by name).
        preview_column: header whose rows saying "Survey Preview"/test are to be excluded.
        finished_column: header whose False/0 rows (unfinished responses) are to be excluded.
    """

    kind: TableKind
    columns: tuple[ColumnSpec, ...]
    constants: Mapping[str, str] = field(default_factory=dict)
    keep: tuple[str, ...] = ()
    preview_column: str | None = None
    finished_column: str | None = None

    def spec(self, canonical: str) -> ColumnSpec | None:
        """The spec feeding `canonical`, or None when it is not mapped."""
        return next((s for s in self.columns if s.canonical == canonical), None)

    def header_for(self, canonical: str) -> str | None:
        """The header feeding `canonical`, or None when it is not mapped."""
        spec = self.spec(canonical)
        return spec.header if spec else None


@dataclass(frozen=True, slots=True)
class Detection:
    """What a file is and how its columns map, with a confidence the UI can show.

    Attributes:
        source: profile key ("zendesk_tickets", "qualtrics", "generic", ...).
        source_label: human name of the source ("Zendesk Support ticket export").
        mappings: the primary mapping first; a ticket export with a rating column also yields
            a SURVEYS mapping. Empty when no column is usable (the caller raises
            MissingColumnsError naming the headers).
        confidence: 0..1; a profile matched by signature scores >= 0.9, synonyms <= 0.8.
        notes: human sentences about units, assumptions and what to confirm.
        unmapped: headers neither mapped nor kept.
        header_rows_in_data: leading data rows that are really extra header rows (question
            text, Qualtrics ImportId) the reader did not recognise; drop them before parsing.
    """

    source: str
    source_label: str
    mappings: tuple[TableMapping, ...]
    confidence: float
    notes: tuple[str, ...] = ()
    unmapped: tuple[str, ...] = ()
    header_rows_in_data: int = 0

    @property
    def primary(self) -> TableMapping | None:
        """The main mapping (None when nothing could be mapped)."""
        return self.mappings[0] if self.mappings else None


# ---- declarations ----------------------------------------------------------------------------

Alternatives = tuple[str, ...]


@dataclass(frozen=True, slots=True)
class ColumnRule:
    """A canonical column and the headers that may feed it, in order of preference.

    `parse_as=None` takes the default for the canonical column (see `detect.default_parse`).
    Two rules may name the same canonical column: the first one whose header is present wins,
    which lets alternatives differ in unit (Zendesk minutes vs `Resolution time` in hours).
    """

    canonical: str
    headers: Alternatives
    parse_as: ParseAs | None = None
    unit: str | None = None
    survey_type: str | None = None
    scale: tuple[float, float] | None = None
    true_values: tuple[str, ...] = ()
    false_values: tuple[str, ...] = ()
    value_labels: tuple[tuple[str, float], ...] = ()
    na_values: tuple[str, ...] = ()


def rule(
    canonical: str, *headers: str, parse_as: ParseAs | None = None, **hints: object
) -> ColumnRule:
    """Shorthand for a ColumnRule: `rule("created_at", "Created at", "Created")`."""
    return ColumnRule(canonical, tuple(headers), parse_as, **hints)  # type: ignore[arg-type]


def entries(text: str) -> tuple[Alternatives, ...]:
    """Signature entries of one header each, written as one "A | B | C" string."""
    return tuple((h.strip(),) for h in text.split("|"))


@dataclass(frozen=True, slots=True)
class TableRule:
    """One canonical table a profile feeds.

    Attributes:
        kind: the canonical table.
        columns: the column rules, in order of preference.
        constants: fixed canonical values (dropped when a column maps the same canonical).
        keep: headers kept as segments when present.
        keep_pattern: regex; other headers matching it are kept too (Zendesk "[list]" fields).
        requires: canonical columns that must be mapped for this table to be produced.
        preview_column / finished_column: header alternatives marking test/unfinished rows.
        questions: survey tools: rating, comment and id columns are found among the remaining
            headers by question text (see `questions.py`), one SURVEYS mapping per rating.
        note: a sentence added when the table is produced; `{canonical}` placeholders are
            replaced by the header feeding that canonical column.
    """

    kind: TableKind
    columns: tuple[ColumnRule, ...]
    constants: Mapping[str, str] = field(default_factory=dict)
    keep: tuple[str, ...] = ()
    keep_pattern: str = ""
    requires: tuple[str, ...] = ()
    preview_column: Alternatives = ()
    finished_column: Alternatives = ()
    questions: bool = False
    note: str = ""


@dataclass(frozen=True, slots=True)
class Profile:
    """One vendor export layout: how to recognise it and how it maps.

    Attributes:
        key: stable id ("zendesk_tickets").
        label: human name.
        required: signature entries that must all be present; each entry is a tuple of header
            alternatives (any one counts).
        optional: signature entries that raise the match score when present.
        tables: table rules; the first produced is the primary mapping.
        notes: sentences always added on detection (units, time zones, caveats).
        vocab: header -> typical values; sample values in the vocabulary break ties.
        marker: text that, found in an extra header row, identifies the profile ("ImportId").
        min_match: fewest signature entries that must be present (default: required + 1).
    """

    key: str
    label: str
    required: tuple[Alternatives, ...]
    optional: tuple[Alternatives, ...]
    tables: tuple[TableRule, ...]
    notes: tuple[str, ...] = ()
    vocab: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    marker: str = ""
    min_match: int | None = None

    @property
    def signature(self) -> tuple[Alternatives, ...]:
        """Required then optional signature entries."""
        return self.required + self.optional
