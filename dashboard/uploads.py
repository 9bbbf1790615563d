"""A set of uploads loaded file by file, so each file can carry its own mapping corrections.

The Data page lets a manager fix one file's mapping without touching the others: each file is
read with its own overrides, and the per-file results are merged into one `Loaded` for the
store. A file that cannot be read or mapped is kept with its error and its headers, so the page
can offer a hand mapping instead of a dead end.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from dashboard.config import Settings
from dashboard.errors import ServicegapError
from dashboard.ingest import read_file
from dashboard.load import Loaded, SourceFile, inspect_files
from dashboard.schema import COLUMNS, TableKind

PREVIEW_ROWS = 5

Progress = Callable[[int, int, str], None]


@dataclass(frozen=True, slots=True)
class FileResult:
    """What one uploaded file gave: its part of the data, or the error that stopped it.

    Attributes:
        name: the file name as uploaded.
        loaded: the file's frames and reports (empty when `error` is set).
        headers: the file's column headers as written (for the mapping editor).
        previews: per table kind, the first rows after mapping and parsing.
        overrides: the mapping corrections this file was read with.
        error: the user-facing error when the file could not be used at all.
        sheets: every sheet of a workbook (empty for text files), to choose from.
        chosen_sheets: the sheets the user chose (None: the loader's own choice).
    """

    name: str
    loaded: Loaded
    headers: tuple[str, ...]
    previews: Mapping[TableKind, pd.DataFrame] = field(default_factory=dict)
    overrides: Mapping[str, str] = field(default_factory=dict)
    error: ServicegapError | None = None
    sheets: tuple[str, ...] = ()
    chosen_sheets: tuple[str, ...] | None = None

    @property
    def sheets_read(self) -> tuple[str, ...]:
        """The workbook sheets that gave a table, in workbook order."""
        read = {r.sheet for r in self.loaded.reports if r.sheet}
        return tuple(s for s in self.sheets if s in read)


def load_uploads(
    files: Sequence[SourceFile],
    settings: Settings,
    overrides: Mapping[str, Mapping[str, str]] | None = None,
    progress: Progress | None = None,
    sheets: Mapping[str, Sequence[str]] | None = None,
) -> list[FileResult]:
    """Read every file with its own overrides and chosen sheets (keyed by file name); never
    raises for bad input."""
    results = []
    for i, f in enumerate(files):
        if progress:
            progress(i, len(files), f.name)
        chosen = (sheets or {}).get(f.name)
        results.append(load_one(f, settings, (overrides or {}).get(f.name, {}), chosen))
    if progress:
        progress(len(files), len(files), "")
    return results


def load_one(
    f: SourceFile,
    settings: Settings,
    overrides: Mapping[str, str],
    sheets: Sequence[str] | None = None,
) -> FileResult:
    """One file through the loader; a mapping error becomes a FileResult with `error` set."""
    chosen = tuple(sheets) if sheets else None
    try:
        loaded = inspect_files([f], settings, overrides=overrides, sheet=chosen)
    except ServicegapError as err:  # a bad override: the file itself may be fine
        headers, names = _headers(f, settings)
        return FileResult(f.name, Loaded(), headers, {}, overrides, err, names, chosen)
    if loaded.errors:
        headers, names = _headers(f, settings)
        error = loaded.errors[0]
        return FileResult(f.name, loaded, headers, {}, overrides, error, names, chosen)
    headers: list[str] = []
    for detection in loaded.detections:
        for mapping in detection.mappings:
            headers.extend(spec.header for spec in mapping.columns)
            headers.extend(mapping.keep)
        headers.extend(detection.unmapped)
    previews = {kind: detached_head(parts[0]) for kind, parts in loaded.frames.items()}
    names = next((r.sheets for r in loaded.reports if r.sheets), ())
    return FileResult(
        f.name, loaded, tuple(dict.fromkeys(headers)), previews, overrides, None, names, chosen
    )


def merge(results: Sequence[FileResult]) -> Loaded:
    """One Loaded from the per-file results, in upload order (errors included)."""
    out = Loaded()
    for r in results:
        for kind, parts in r.loaded.frames.items():
            out.frames.setdefault(kind, []).extend(parts)
        for kind, kept in r.loaded.kept.items():
            out.kept.setdefault(kind, {}).update(kept)
        out.reports.extend(r.loaded.reports)
        out.detections.extend(r.loaded.detections)
        if r.error is not None:
            out.errors.append(r.error)
            out.error_files.append(r.name)
    return out


def detached_head(frame: pd.DataFrame, rows: int = PREVIEW_ROWS) -> pd.DataFrame:
    """The first rows as a frame of their own: `head` would be a slice that keeps the whole
    frame's text and number buffers alive (hundreds of MB for a large upload)."""
    return frame.take(np.arange(min(rows, len(frame)))).reset_index(drop=True)


def release_frames(results: Sequence[FileResult]) -> None:
    """Drop the per-file references to the parsed frames, so that the merged `Loaded` holds
    the only ones and `to_dataset(consume=True)` frees each table's frames once the backend
    has its copy (a session kept both: about 0.2 GB more for 1M tickets). Reports, headers
    and previews stay; a file is read again from its bytes when its mapping changes."""
    for r in results:
        r.loaded.frames.clear()


def mapping_targets() -> dict[str, list[str]]:
    """Canonical columns a user may map a header to, as "kind.column", by table kind."""
    return {str(kind): [f"{kind}.{c.name}" for c in cols] for kind, cols in COLUMNS.items()}


def _headers(f: SourceFile, settings: Settings) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The file's headers and sheet names when detection failed (empty when the file cannot
    be read at all)."""
    try:
        tables = read_file(f.data, f.name, max_bytes=settings.max_upload_mb * 2**20)
    except ServicegapError:
        return (), ()
    headers = tuple(dict.fromkeys(h for t in tables for h in t.frame.columns))
    return headers, tables[0].report.sheets if tables else ()


NOT_MAPPED = "(not mapped)"


def overrides_from_edit(
    kind: str, current: Mapping[str, str], edited: Mapping[str, str | None]
) -> dict[str, str]:
    """Overrides ("kind.column" -> header, "-" to unmap) for what the user changed in the editor.

    Args:
        kind: the table kind the file is read as.
        current: canonical column -> header as the file was read.
        edited: canonical column -> header chosen in the editor (None or NOT_MAPPED: unmapped).
    """
    out: dict[str, str] = {}
    for column, header in edited.items():
        chosen = None if header in (None, "", NOT_MAPPED) else header
        if chosen == current.get(column):
            continue
        if chosen is None and column not in current:
            continue
        out[f"{kind}.{column}"] = chosen if chosen is not None else "-"
    return out
