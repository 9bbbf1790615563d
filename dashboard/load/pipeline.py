"""Files in, one canonical Dataset out: read, recognise, map, parse, account, store.

`inspect_files` stops before the store (for `python -m dashboard inspect` and the Data page);
`load_files` goes all the way to a `Dataset`. Files of the same table kind are stacked; ids are
checked for duplicates within each file, not across files (two brands may reuse numbers).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace

import numpy as np
import pandas as pd

from dashboard.config import Settings
from dashboard.errors import (
    MissingColumnsError,
    ServicegapError,
    UnknownColumnError,
    UnreadableFileError,
)
from dashboard.ingest import RawTable, read_file
from dashboard.load.accounting import file_report, question_notes
from dashboard.load.normalize import Normalized, normalize
from dashboard.load.report import LoadReport
from dashboard.schema import TableKind
from dashboard.sources import apply_overrides, detect
from dashboard.sources.detect import unmapped_headers
from dashboard.sources.model import Detection, TableMapping
from dashboard.sources.overrides import UNMAP, resolve_header
from dashboard.store import Dataset, build_dataset

SAMPLE_ROWS = 200  # rows shown to `detect` to break ties between similar profiles


@dataclass(frozen=True, slots=True)
class SourceFile:
    """One uploaded file: its name as the user knows it, and its bytes."""

    name: str
    data: bytes


@dataclass
class Loaded:
    """Everything read from a set of files, before it goes on a backend."""

    frames: dict[TableKind, list[pd.DataFrame]] = field(default_factory=dict)
    kept: dict[TableKind, dict[str, str]] = field(default_factory=dict)
    reports: list[LoadReport] = field(default_factory=list)
    detections: list[Detection] = field(default_factory=list)
    errors: list[ServicegapError] = field(default_factory=list)
    error_files: list[str] = field(default_factory=list)
    # with several files: overrides that no table has matched yet (None: one file, strict)
    unmatched: dict[str, str] | None = None

    @property
    def kinds(self) -> tuple[TableKind, ...]:
        """Table kinds that received at least one file."""
        return tuple(self.frames)


Progress = Callable[[int, int, str], None]


def inspect_files(
    files: Sequence[SourceFile],
    settings: Settings | None = None,
    *,
    overrides: Mapping[str, str] | None = None,
    sheet: str | Sequence[str] | None = None,
    progress: Progress | None = None,
) -> Loaded:
    """Read and map every file; a file that fails is recorded in `errors`, the rest go on.

    `sheet`: for workbooks, one sheet name, "*" for all, several names (each read as it is),
    or None: every sheet that is a table of records, the first of each kind.
    """
    settings = settings or Settings()
    loaded = Loaded(unmatched=dict(overrides) if overrides and len(files) > 1 else None)
    for i, f in enumerate(files):
        if progress:
            progress(i, len(files), f.name)
        try:
            limit = settings.max_upload_mb * 2**20
            if sheet is not None and not isinstance(sheet, str):
                _load_sheets(f, tuple(sheet), overrides or {}, loaded, limit)
                continue
            tables = read_file(f.data, f.name, sheet=sheet, max_bytes=limit)
            if sheet is None and len(tables) == 1 and len(tables[0].report.sheets) > 1:
                _load_workbook(f, overrides or {}, loaded, limit)
            else:
                for raw in tables:
                    _load_table(raw, overrides or {}, loaded)
        except ServicegapError as err:
            loaded.errors.append(err)
            loaded.error_files.append(f.name)
    for key, header in (loaded.unmatched or {}).items():
        loaded.errors.append(
            UnknownColumnError(
                f"--map {key}={header}: none of the files has a column '{header}'.",
                hint="Check the spelling of the header as it is written in the file.",
            )
        )
        loaded.error_files.append("--map")
    if progress:
        progress(len(files), len(files), "")
    return loaded


def _load_workbook(f: SourceFile, overrides: Mapping[str, str], loaded: Loaded, limit: int) -> None:
    """A workbook with several sheets, none chosen: read each sheet that is a table of records,
    the first of each kind (tickets on one sheet, CSAT answers on another), and say which
    sheets were skipped and why. A second sheet of the same kind is skipped rather than stacked:
    report workbooks often repeat a subset ("Open tickets" beside "All tickets").
    Raises the first sheet's error when no sheet is usable."""
    skipped: list[str] = []
    errors: list[MissingColumnsError] = []
    first = len(loaded.reports)
    kinds: set[TableKind] = set()
    for raw in read_file(f.data, f.name, sheet="*", max_bytes=limit):
        scratch = Loaded(unmatched=loaded.unmatched)
        try:
            _load_table(raw, overrides, scratch)
        except MissingColumnsError as err:
            errors.append(err)
            skipped.append(f"Skipped a sheet that is not a table of records: {err.message}")
            continue
        kind = scratch.reports[0].kind
        if kind in kinds:
            skipped.append(
                f"Skipped sheet '{raw.report.sheet}': it also holds {kind}, and only the first "
                f"sheet of each kind is read. Choose the sheet on the Data page to read it instead."
            )
            continue
        kinds.add(kind)
        _absorb(loaded, scratch)
    if len(loaded.reports) == first:
        raise errors[0]
    report = loaded.reports[first]
    loaded.reports[first] = replace(report, notes=(*report.notes, *skipped))


def _load_sheets(
    f: SourceFile, names: tuple[str, ...], overrides: Mapping[str, str], loaded: Loaded, limit: int
) -> None:
    """The sheets the user chose, each read as it is (an unknown name is an error)."""
    tables = read_file(f.data, f.name, sheet="*", max_bytes=limit)
    found = {raw.report.sheet for raw in tables}
    missing = [n for n in names if n not in found]
    if missing:
        raise UnreadableFileError(
            f"{f.name} has no sheet named '{missing[0]}'.",
            "Choose one of: " + ", ".join(f"'{s}'" for s in sorted(x for x in found if x)) + ".",
        )
    for raw in tables:
        if raw.report.sheet in names:
            _load_table(raw, overrides, loaded)


def _absorb(loaded: Loaded, part: Loaded) -> None:
    """Add what one sheet gave to the file set's results."""
    for kind, frames in part.frames.items():
        loaded.frames.setdefault(kind, []).extend(frames)
    for kind, kept in part.kept.items():
        loaded.kept.setdefault(kind, {}).update(kept)
    loaded.reports.extend(part.reports)
    loaded.detections.extend(part.detections)


def load_files(
    files: Sequence[SourceFile],
    settings: Settings | None = None,
    *,
    overrides: Mapping[str, str] | None = None,
    is_sample: bool = False,
    progress: Progress | None = None,
) -> tuple[Dataset, Loaded]:
    """Read, map and store `files`; return the Dataset and what was read (reports, errors)."""
    loaded = inspect_files(files, settings, overrides=overrides, progress=progress)
    return to_dataset(loaded, is_sample=is_sample, consume=True), loaded


def to_dataset(loaded: Loaded, *, is_sample: bool = False, consume: bool = False) -> Dataset:
    """Put what was read on a fresh in-memory backend (cheap: no parsing happens here).

    `consume`: move the parsed frames onto the backend, table by table, leaving
    `loaded.frames` empty; each is freed once stored, if nothing else holds it (at 1M
    tickets the frames are about as large as the file). Without it `loaded` keeps them.
    """
    frames = {kind: _stack(parts) for kind, parts in loaded.frames.items()}
    if consume:
        loaded.frames.clear()
    return build_dataset(
        frames,
        kept_labels=loaded.kept,
        reports=tuple(loaded.reports),
        is_sample=is_sample,
        consume=consume,
    )


def _stack(parts: list[pd.DataFrame]) -> pd.DataFrame:
    if len(parts) == 1:
        return parts[0]
    return pd.concat(parts, ignore_index=True, sort=False)


def _load_table(raw: RawTable, overrides: Mapping[str, str], loaded: Loaded) -> None:
    """Detect, map and normalise one raw table; add its frames and report to `loaded`."""
    columns = list(raw.frame.columns)
    detection = detect(
        columns, raw.header_extra, raw.frame.head(SAMPLE_ROWS), file_name=raw.report.file
    )
    if overrides and loaded.unmatched is not None:
        # several files: an override applies to the files that have its header
        overrides = {k: v for k, v in overrides.items() if _has_header(v, columns)}
        for key in overrides:
            loaded.unmatched.pop(key, None)
    if overrides:
        detection = apply_overrides(detection, overrides, columns)
    if detection.header_rows_in_data:
        raw = _drop_header_rows(raw, detection.header_rows_in_data)
    loaded.detections.append(detection)
    if not detection.mappings:
        shown = ", ".join(f"'{c}'" for c in columns[:12])
        raise MissingColumnsError(
            f"{raw.report.file}: none of its columns ({shown}) look like tickets, survey "
            "answers, QA reviews or accounts.",
            hint="Check that this is an export from your helpdesk or survey tool. If its "
            "header is not on the first row (a title or grouped headings above it), delete the "
            "rows above the header and upload it again. Or map the columns by hand: on the "
            "Data page, choose what each column holds (command line: --map "
            "created_at=<header>).",
        )
    primary, *derived = detection.mappings
    # a column another mapping reads (the rating of a ticket sheet) is not also a segment
    taken = {s.header for m in derived for s in m.columns}
    primary = replace(primary, keep=tuple(h for h in primary.keep if h not in taken))
    main = normalize(raw, primary)
    _add(loaded, primary.kind, main)
    _release_text(raw, derived)
    derived_counts: dict[str, int] = {}
    used = main.used.copy()
    questions = [(primary, main)]
    for mapping in derived:
        # ratings embedded in a ticket export only look at the tickets kept; the further
        # questions of a survey file are answers in their own right and see every row
        if mapping.kind == primary.kind:
            part = normalize(raw, mapping)
            used |= part.used
            questions.append((mapping, part))
        else:
            part = normalize(_rows_of(raw, _answered(raw, mapping, main.used)), mapping)
        _add(loaded, mapping.kind, part)
        key = str(mapping.kind)
        derived_counts[key] = derived_counts.get(key, 0) + len(part.frame)
    notes = question_notes(questions, used) if len(questions) > 1 else []
    loaded.reports.append(file_report(raw, detection, primary, main, used, derived_counts, notes))


def _has_header(wanted: str, headers: list[str]) -> bool:
    """Whether an override's header is in this table ("-", which unmaps, is everywhere)."""
    if wanted.strip() == UNMAP:
        return True
    try:
        resolve_header(wanted, headers)
    except UnknownColumnError:
        return False
    return True


def _answered(raw: RawTable, mapping: TableMapping, kept: np.ndarray) -> np.ndarray:
    """Rows a derived table can use: kept by the primary table, with its score cell filled
    (an empty rating in a ticket export is a ticket nobody rated, not an excluded row)."""
    header = mapping.header_for("score")
    if header is None:
        return kept
    return kept & raw.frame[header].notna().to_numpy()


def _release_text(raw: RawTable, derived: Sequence[TableMapping]) -> None:
    """Drop, in place, the text columns of `raw` that no table still to be parsed reads.

    Once the main table is parsed, its dates, numbers and unmapped columns (subjects...) are
    only text nobody reads again, yet `raw` stays alive until the file is done: at 1M tickets
    that is about 0.2 GB held while the ratings inside the export are parsed (the peak of a
    load). `raw` belongs to this load alone (`read_file` makes it); afterwards only its report,
    lines and the remaining columns are read. Tags gather every column written with their
    header, so with a tags column to come nothing is dropped.
    """
    if any(m.spec("tags") is not None for m in derived):
        return
    for column in unmapped_headers(list(raw.frame.columns), derived):
        del raw.frame[column]


def _rows_of(raw: RawTable, rows: np.ndarray) -> RawTable:
    """The same table restricted to `rows` (bool mask), line numbers kept."""
    if rows.all():
        return raw
    return replace(raw, frame=raw.frame[rows].reset_index(drop=True), lines=raw.lines[rows])


def _drop_header_rows(raw: RawTable, count: int) -> RawTable:
    """The table without its first `count` data rows, which are really header rows (question
    text, Qualtrics' ImportId row) the reader could not tell from data."""
    count = min(count, len(raw.frame))
    extra = tuple(
        tuple("" if pd.isna(v) else str(v) for v in row) for row in raw.frame.head(count).to_numpy()
    )
    report = replace(
        raw.report,
        header_rows=raw.report.header_rows + count,
        rows_read=raw.report.rows_read - count,
    )
    return replace(
        raw,
        frame=raw.frame.iloc[count:].reset_index(drop=True),
        header_extra=(*raw.header_extra, *extra),
        lines=raw.lines[count:],
        report=report,
    )


def _add(loaded: Loaded, kind: TableKind, part: Normalized) -> None:
    loaded.frames.setdefault(kind, []).append(part.frame)
    loaded.kept.setdefault(kind, {}).update(part.kept)
