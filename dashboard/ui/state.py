"""Session state: the one place that names session keys and holds this session's data.

Uploaded data lives only in `st.session_state` (per browser session): never in a global cache.
The sample data is not user data, so its parsed frames are shared (`st.cache_resource`) and each
session builds its own small DuckDB dataset from them.
"""

from __future__ import annotations

import streamlit as st

from dashboard.config import Settings
from dashboard.coverage import coverage
from dashboard.load import Loaded, inspect_files, to_dataset
from dashboard.samples import sample_files
from dashboard.store import Dataset
from dashboard.view import View

DATASET = "sg_dataset"  # Dataset of this session
LOADED = "sg_loaded"  # Loaded (reports, detections, errors) behind the dataset
SETTINGS = "sg_settings"  # Settings of this session
UPLOAD_SIGNATURE = "sg_upload_signature"  # names+sizes of the files behind the dataset
CLEARED = "sg_cleared"  # True once the user removed the sample data on purpose


@st.cache_resource(show_spinner="Loading the sample data...")
def _sample_loaded() -> Loaded:
    """The sample exports read and mapped once per server process (no user data here)."""
    return inspect_files(sample_files())


def settings() -> Settings:
    """This session's settings (defaults until the user changes them)."""
    if SETTINGS not in st.session_state:
        st.session_state[SETTINGS] = Settings()
    return st.session_state[SETTINGS]


def set_settings(value: Settings) -> None:
    """Replace this session's settings."""
    st.session_state[SETTINGS] = value


def dataset() -> Dataset | None:
    """This session's dataset; the sample data on first use unless the user cleared it."""
    if DATASET not in st.session_state and not st.session_state.get(CLEARED):
        use_sample()
    return st.session_state.get(DATASET)


def loaded() -> Loaded | None:
    """What was read to make this session's dataset (reports, errors)."""
    dataset()
    return st.session_state.get(LOADED)


def use_sample() -> None:
    """Switch this session to the bundled sample data."""
    sample = _sample_loaded()
    st.session_state[DATASET] = to_dataset(sample, is_sample=True)
    st.session_state[LOADED] = sample
    st.session_state[UPLOAD_SIGNATURE] = None
    st.session_state[CLEARED] = False


def set_uploaded(data: Dataset, read: Loaded, signature: tuple) -> None:
    """Make uploaded data this session's dataset."""
    st.session_state[DATASET] = data
    st.session_state[LOADED] = read
    st.session_state[UPLOAD_SIGNATURE] = signature
    st.session_state[CLEARED] = False


def upload_signature() -> tuple | None:
    """Names and sizes of the uploaded files behind the current dataset (None: sample)."""
    return st.session_state.get(UPLOAD_SIGNATURE)


def clear() -> None:
    """Forget this session's data (the next page shows the empty state)."""
    for key in (DATASET, LOADED, UPLOAD_SIGNATURE):
        st.session_state.pop(key, None)
    st.session_state[CLEARED] = True


def require_dataset() -> Dataset:
    """The dataset, or a polite note with a link to the Data page and a stop."""
    data = dataset()
    if data is None or not data.tables:
        st.info("No data loaded yet. Upload your exports or use the sample data." if data is None
                else "None of the uploaded files could be read, so there is nothing to show. "
                "The Data page says what is wrong with each file and how to fix it.")  # fmt: skip
        st.page_link("pages/data.py", label="Go to the Data page", icon=":material/upload:")
        st.stop()
    return data


VIEW = "sg_view"  # the View the sidebar resolved on this run


def set_view(view: View | None) -> None:
    """Store the View of this run for the page that renders next."""
    st.session_state[VIEW] = view


def view() -> View:
    """This run's View (the frame always sets it before a page runs with data)."""
    current = st.session_state.get(VIEW)
    if current is None:
        require_dataset()
        st.stop()
    return current


MEMO = "sg_memo"  # (dataset id, name) -> value: per-session results that only change with data


def memo(name: str, compute):
    """`compute()` once per dataset and name in this session (e.g. date range, filter values).

    Kept in session state, not a shared cache: the values come from this session's uploads.
    """
    data = dataset()
    store = st.session_state.setdefault(MEMO, {})
    key = (id(data), name)
    if key not in store:
        if len(store) > 200:
            store.clear()
        store[key] = compute()
    return store[key]


def data_range(data: Dataset):
    """First and last day with data (for partial-period flags), or None when nothing is dated."""
    cov = memo("coverage", lambda: coverage(data))
    return None if cov.is_empty else (cov.first, cov.last)
