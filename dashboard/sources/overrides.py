"""User overrides of a detected mapping: "canonical=Header" or "kind.canonical=Header".

A header of "-" removes the mapping of that canonical column. Without a kind, the override
goes to the first mapping whose table has that canonical column (the primary mapping first);
when no mapping has that table yet, a new one is started (tickets preferred). Both a header
that is not in the file and a canonical name that does not exist are user errors
(UnknownColumnError) listing close matches, since both are typos the user can fix.
"""

from __future__ import annotations

import difflib
from collections.abc import Mapping, Sequence
from dataclasses import replace

from dashboard.errors import UnknownColumnError
from dashboard.schema import COLUMNS, TableKind
from dashboard.sources.detect import unmapped_headers
from dashboard.sources.model import Detection, TableMapping
from dashboard.sources.specs import make_spec
from dashboard.sources.synonyms import normalise

UNMAP = "-"
_KIND_ORDER = (TableKind.TICKETS, TableKind.SURVEYS, TableKind.REVIEWS, TableKind.ACCOUNTS)


def apply_overrides(
    detection: Detection, overrides: Mapping[str, str], headers: Sequence[str]
) -> Detection:
    """Return `detection` with each override applied, in order.

    Args:
        detection: what `detect` found.
        overrides: "canonical" or "kind.canonical" -> header as written in the file ("-" to
            unmap).
        headers: the file's headers.

    Raises:
        UnknownColumnError: a header not in the file, or a canonical column name that does
            not exist; the message lists close matches.
    """
    mappings = list(detection.mappings)
    notes = list(detection.notes)
    for key, wanted in overrides.items():
        kind, canonical = resolve_target(key, mappings)
        header = UNMAP if wanted.strip() == UNMAP else resolve_header(wanted, headers)
        index = next((i for i, m in enumerate(mappings) if m.kind == kind), None)
        if index is None:
            if header == UNMAP:
                continue
            mappings.append(TableMapping(kind=kind, columns=()))
            index = len(mappings) - 1
        mappings[index] = _set(mappings[index], canonical, header)
        notes.append(
            f"You mapped '{header}' to {kind}.{canonical}."
            if header != UNMAP
            else f"You removed the mapping of {kind}.{canonical}."
        )
    source, label = detection.source, detection.source_label
    if not detection.mappings and mappings:
        source, label = "manual", "Mapped by hand"
    return replace(
        detection,
        source=source,
        source_label=label,
        mappings=tuple(mappings),
        notes=tuple(notes),
        unmapped=tuple(unmapped_headers(headers, mappings)),
    )


def _set(mapping: TableMapping, canonical: str, header: str) -> TableMapping:
    columns = [s for s in mapping.columns if s.canonical != canonical]
    constants = {k: v for k, v in mapping.constants.items() if k != canonical}
    if header != UNMAP:
        columns.append(make_spec(mapping.kind, canonical, header))
    keep = tuple(h for h in mapping.keep if h != header)
    return replace(mapping, columns=tuple(columns), constants=constants, keep=keep)


def resolve_target(key: str, mappings: Sequence[TableMapping]) -> tuple[TableKind, str]:
    """The (kind, canonical) an override key names (UnknownColumnError when none)."""
    raw = key.strip()
    kind_text, dot, name = raw.rpartition(".")
    if dot:
        kind = next((k for k in TableKind if k.value == kind_text.strip().casefold()), None)
        name = name.strip()
        if kind is None:
            raise _unknown_canonical(raw, [f"{k}.{c.name}" for k in TableKind for c in COLUMNS[k]])
        if name not in {c.name for c in COLUMNS[kind]}:
            raise _unknown_canonical(raw, [f"{kind}.{c.name}" for c in COLUMNS[kind]])
        return kind, name
    for mapping in mappings:
        if raw in {c.name for c in COLUMNS[mapping.kind]}:
            return mapping.kind, raw
    for kind in _KIND_ORDER:
        if raw in {c.name for c in COLUMNS[kind]}:
            return kind, raw
    names = sorted({c.name for k in TableKind for c in COLUMNS[k]})
    raise _unknown_canonical(raw, names)


def resolve_header(wanted: str, headers: Sequence[str]) -> str:
    """The file's header the user meant: exact, else the one equal after normalising."""
    if wanted in headers:
        return wanted
    same = [h for h in headers if normalise(h) == normalise(wanted)]
    if len(same) == 1:
        return same[0]
    close = difflib.get_close_matches(wanted, list(headers), n=3, cutoff=0.5)
    hint = (f"Did you mean {_quoted(close)}? " if close else "") + (
        f"The file's columns are: {_quoted(list(headers)[:30])}."
    )
    raise UnknownColumnError(f"There is no column '{wanted}' in this file.", hint=hint)


def _unknown_canonical(key: str, valid: list[str]) -> UnknownColumnError:
    close = difflib.get_close_matches(key, valid, n=3, cutoff=0.5)
    hint = (f"Did you mean {_quoted(close)}? " if close else "") + (
        f"Columns you can map: {', '.join(valid)}."
    )
    return UnknownColumnError(f"'{key}' is not a column servicegap knows.", hint=hint)


def _quoted(names: Sequence[str]) -> str:
    return ", ".join(f"'{n}'" for n in names)
