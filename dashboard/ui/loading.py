"""Uploads into this session's dataset: progress while reading, per-file mapping corrections.

The uploaded bytes and per-file results stay in `st.session_state` (this browser session only);
nothing from an upload goes into a cache shared between sessions, and nothing is written to disk.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import streamlit as st

from dashboard.config import Settings
from dashboard.load import SourceFile, to_dataset
from dashboard.ui import state
from dashboard.uploads import FileResult, load_uploads, merge, release_frames

SOURCES = "sg_sources"  # list[SourceFile] behind the current upload
RESULTS = "sg_file_results"  # list[FileResult], one per uploaded file
SHEETS = "sg_sheets"  # file name -> the workbook sheets the user chose
OVERRIDES = "sg_overrides"  # file name -> {"kind.column": header} chosen by the user
UPLOAD_GENERATION = "sg_upload_generation"  # bumped to empty the file input
UPLOAD_TYPES = ["csv", "tsv", "txt", "xlsx", "xlsm", "xls", "zip"]


def uploader() -> None:
    """The file input; new files are read at once with a progress bar."""
    files = st.file_uploader(
        "Upload exports (CSV, TSV, XLSX or ZIP; several at once)",
        type=UPLOAD_TYPES,
        accept_multiple_files=True,
        key=f"sg_upload_{st.session_state.get(UPLOAD_GENERATION, 0)}",
        help="Tickets from your helpdesk, survey answers (CSAT/NPS/CES), QA reviews, accounts. "
        f"Up to {Settings().max_upload_mb} MB per file (a ZIP counts unpacked).",
    )
    if not files:
        return
    signature = tuple((f.name, f.size) for f in files)
    if signature == state.upload_signature():
        return
    sources = [SourceFile(name=f.name, data=f.getvalue()) for f in files]
    st.session_state[OVERRIDES] = {}
    _load(sources, signature)
    st.rerun()  # the sidebar was drawn before the upload: draw it again with the new data


def results() -> list[FileResult]:
    """Per-file results of the current upload (empty for the sample data)."""
    return st.session_state.get(RESULTS, []) if state.upload_signature() else []


def remap(name: str, overrides: Mapping[str, str]) -> None:
    """Re-read one file with the user's mapping and rebuild the dataset."""
    sources: Sequence[SourceFile] = st.session_state.get(SOURCES, [])
    by_name = {f.name: f for f in sources}
    if name not in by_name:
        return
    chosen = dict(st.session_state.get(OVERRIDES, {}))
    chosen[name] = {**chosen.get(name, {}), **overrides}
    st.session_state[OVERRIDES] = chosen
    with st.spinner(f"Reading {name} with your mapping..."):
        _reread(sources)


def choose_sheets(name: str, sheets: Sequence[str]) -> None:
    """Re-read one workbook from the sheets the user chose and rebuild the dataset."""
    sources: Sequence[SourceFile] = st.session_state.get(SOURCES, [])
    by_name = {f.name: f for f in sources}
    if name not in by_name or not sheets:
        return
    st.session_state[SHEETS] = {**st.session_state.get(SHEETS, {}), name: tuple(sheets)}
    with st.spinner(f"Reading {name}, sheets {', '.join(sheets)}..."):
        _reread(sources)


def _reread(sources: Sequence[SourceFile]) -> None:
    """Every file again, each with its mapping corrections and chosen sheets.

    The parsed frames are let go as they are stored (`release_frames`, `to_dataset`), so a
    change to one file's mapping reads the other files again from their bytes too.
    """
    found = load_uploads(
        sources,
        state.settings(),
        st.session_state.get(OVERRIDES, {}),
        None,
        st.session_state.get(SHEETS, {}),
    )
    _store(sources, found, state.upload_signature() or ())


def _load(sources: list[SourceFile], signature: tuple) -> None:
    with st.status(f"Reading {len(sources)} file(s)...", expanded=True) as status:
        bar = st.progress(0.0)

        def progress(done: int, total: int, name: str) -> None:
            bar.progress(done / max(total, 1), text=f"Reading {name}" if name else "Done")

        found = load_uploads(
            sources,
            state.settings(),
            st.session_state[OVERRIDES],
            progress,
            st.session_state.get(SHEETS, {}),
        )
        _store(sources, found, signature)
        failed = sum(r.error is not None for r in found)
        label = f"Read {len(found) - failed} of {len(found)} file(s)"
        status.update(label=label, state="error" if failed == len(found) else "complete")


def _store(sources: Sequence[SourceFile], found: list[FileResult], signature: tuple) -> None:
    loaded = merge(found)
    release_frames(found)  # `loaded` holds the only references, which the store takes
    dataset = to_dataset(loaded, consume=True)
    st.session_state[SOURCES] = list(sources)
    st.session_state[RESULTS] = found
    state.set_uploaded(dataset, loaded, signature)


def forget_upload() -> None:
    """Empty the file input (a new widget key) so old files are not read again."""
    st.session_state[UPLOAD_GENERATION] = st.session_state.get(UPLOAD_GENERATION, 0) + 1
    for key in (SOURCES, RESULTS, OVERRIDES, SHEETS):
        st.session_state.pop(key, None)


def use_sample() -> None:
    """Switch to the sample data and empty the file input."""
    forget_upload()
    state.use_sample()


def clear() -> None:
    """Forget all data of this session and empty the file input."""
    forget_upload()
    state.clear()
