"""Survey-tool exports: find the rating, comment and embedded-data columns among questions.

Qualtrics, SurveyMonkey and Typeform name question columns after the question (or "Q3" with
the text in a second header row). A question is a rating when its text asks to recommend (NPS),
about effort (CES) or satisfaction (CSAT), in any of our languages; failing text, a Qualtrics
`Qn_NPS_GROUP` sibling marks `Qn` as NPS, and whole numbers 0-10 in the sample decide (a 0 or
a value above 7 -> NPS, 1-5 or 1-7 -> CSAT). Free-text questions (why, comments) feed `comment`.
Embedded data named like a ticket id, email, agent, team or channel is mapped too.

Each rating question yields its own SURVEYS mapping (one score per mapping), the one with the
most answers in the sample first; the comment goes with the first mapping only, so a comment
is never counted twice.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

import pandas as pd

from dashboard.schema import TableKind
from dashboard.sources import synonyms
from dashboard.sources.model import ColumnSpec, Profile, TableMapping
from dashboard.sources.specs import make_spec
from dashboard.sources.synonyms import normalise
from dashboard.sources.vocabulary import is_comment_question, question_type

S = TableKind.SURVEYS
_IGNORE = re.compile(
    r"(_NPS_GROUP|_TEXT|_DO|_Click Count|_First Click|_Last Click|_Page Submit)$"
    r"|^Unnamed: \d+|^Q_|^Location|^Recipient|^IP ?Address|^Duration|^Progress$",
    re.IGNORECASE,
)
_EMBEDDED = {
    "ticket_id": synonyms.TICKET_ID,
    "customer_id": synonyms.CUSTOMER_ID,
    "agent": synonyms.AGENT,
    "team": synonyms.TEAM,
    "channel": synonyms.CHANNEL,
}
_TYPE_WORDING = {"nps": "NPS (0-10)", "csat": "CSAT", "ces": "CES (customer effort)"}


def survey_mappings(
    base: TableMapping,
    headers: Sequence[str],
    extra: Sequence[Sequence[str]],
    sample: pd.DataFrame | None,
    profile: Profile,
) -> tuple[list[TableMapping], list[str]]:
    """One SURVEYS mapping per rating question, built on the profile's fixed columns."""
    signature = {normalise(h) for entry in profile.signature for h in entry}
    used = {s.header for s in base.columns} | set(base.keep)
    used |= {h for h in (base.preview_column, base.finished_column) if h}
    embedded: list[ColumnSpec] = []
    ratings: list[tuple[int, str, str]] = []  # (answers in sample, header, survey type)
    comments: list[str] = []
    notes: list[str] = []
    for i, header in enumerate(headers):
        if header in used or normalise(header) in signature or _IGNORE.search(header):
            continue
        role = _embedded_role(header, {s.canonical for s in (*base.columns, *embedded)})
        if role:
            embedded.append(make_spec(S, role, header))
            continue
        text = question_text(i, header, extra)
        values = _values(sample, header)
        found = classify(header, text, values, headers)
        if found == "comment":
            comments.append(header)
        elif found:
            ratings.append((-len(values) if values is not None else 0, header, found))
            shown = text if len(text) <= 70 else text[:67] + "..."
            notes.append(f"'{header}' ({shown}) is read as {_TYPE_WORDING[found]}.")
    if not ratings:
        notes.append("No rating question was recognised: choose the score column (score=<header>).")
        return [replace(base, columns=(*base.columns, *embedded))], notes
    ratings, dropped, matrix_notes = _without_matrix_items(ratings)
    notes = [n for n in notes if not any(n.startswith(f"'{h}' (") for h in dropped)]
    notes.extend(matrix_notes)
    mappings = []
    for n, (_, header, survey_type) in enumerate(sorted(ratings, key=lambda r: r[0])):
        scale = (0.0, 10.0) if survey_type == "nps" else None
        score = make_spec(S, "score", header, survey_type=survey_type, scale=scale)
        columns = [*base.columns, *embedded, score]
        if n == 0 and comments:
            columns.append(make_spec(S, "comment", comments[0]))
        mappings.append(
            replace(base, columns=tuple(columns), constants={"survey_type": survey_type})
        )
    return mappings, notes


def _stem(header: str) -> str:
    """The question of a matrix item ("Please rate the agent on: - Speed" -> its question)."""
    return header.rsplit(" - ", 1)[0] if " - " in header else header


def _without_matrix_items(
    ratings: list[tuple[int, str, str]],
) -> tuple[list[tuple[int, str, str]], set[str], list[str]]:
    """Drop the items of a matrix question where a question of its own measures the same.

    "Rate the agent on: Speed / Knowledge / Friendliness" beside "How satisfied were you?"
    made every respondent count four times in CSAT (n = 120 for 30 people), with answers of
    one person that are not independent. The matrix items are left out, with a note; a
    matrix that is the only question of its type stays. Returns (ratings kept, headers
    dropped, notes).
    """
    stems: dict[tuple[str, str], list[str]] = {}
    for _, header, kind in ratings:
        stems.setdefault((kind, _stem(header)), []).append(header)
    single = {kind for (kind, _), headers in stems.items() if len(headers) == 1}
    dropped: set[str] = set()
    notes = []
    for (kind, stem), headers in stems.items():
        if len(headers) > 1 and kind in single:
            dropped.update(headers)
            items = ", ".join(h.rsplit(" - ", 1)[-1] for h in headers)
            what = _TYPE_WORDING[kind]
            notes.append(f"'{stem}' is a grid of {len(headers)} ratings ({items}): left out "
                         f"of {what}, which a question of its own measures.")  # fmt: skip
    return [r for r in ratings if r[1] not in dropped], dropped, notes


def question_text(index: int, header: str, extra: Sequence[Sequence[str]]) -> str:
    """The header plus its cells in the extra header rows (ImportId JSON left out)."""
    parts = [header]
    for row in extra:
        cell = str(row[index]).strip() if index < len(row) else ""
        if cell and not cell.startswith("{") and cell not in parts:
            parts.append(cell)
    return " ".join(parts)


def classify(
    header: str, text: str, values: pd.Series | None, headers: Sequence[str]
) -> str | None:
    """The role of a question: "nps" | "csat" | "ces" (a rating), "comment", or None."""
    if f"{header}_NPS_GROUP".casefold() in {h.casefold() for h in headers}:
        return "nps"
    kind = question_type(text)
    if "open ended response" in normalise(text):
        return "comment"
    if values is None or values.empty:
        return "comment" if is_comment_question(text) else kind
    numbers = pd.to_numeric(values.str.replace(",", ".", regex=False), errors="coerce")
    if numbers.notna().mean() < 0.9:
        return "comment" if is_comment_question(text) or kind is None else kind
    if kind:
        return kind
    return _by_range(numbers.dropna())


def _by_range(numbers: pd.Series) -> str | None:
    """Survey type from whole numbers alone: 0..10 with a 0 or above 7 -> NPS, 1..7 -> CSAT."""
    if numbers.empty or numbers.nunique() < 2 or (numbers % 1 != 0).any():
        return None
    low, high = numbers.min(), numbers.max()
    if low < 0 or high > 10:
        return None
    if low == 0 or high > 7:
        return "nps"
    return "csat"


def _values(sample: pd.DataFrame | None, header: str) -> pd.Series | None:
    if sample is None or header not in sample.columns:
        return None
    values = sample[header].dropna().astype(str).str.strip()
    return values[values != ""]


def _embedded_role(header: str, taken: set[str]) -> str | None:
    """The canonical column an embedded-data header names exactly, if not yet mapped."""
    name = normalise(header)
    for canonical, words in _EMBEDDED.items():
        if canonical not in taken and name in words:
            return canonical
    return None
