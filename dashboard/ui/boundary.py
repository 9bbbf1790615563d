"""The one place in the UI that catches exceptions and turns them into messages.

`ServicegapError` (input the user can fix) shows its message and hint. Anything else is a bug:
the user sees a short apology with an error id, and the full traceback goes to the log with the
same id, so a screenshot from a meeting is enough to find it.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Iterator
from contextlib import contextmanager

import streamlit as st

from dashboard.errors import ServicegapError
from dashboard.ui.text import literal

log = logging.getLogger("servicegap")


@contextmanager
def guard(what: str = "this view") -> Iterator[None]:
    """Run a block of page code; show a clear message instead of a traceback if it fails."""
    try:
        yield
    except ServicegapError as err:
        st.error(literal(err.message), icon=":material/error:")
        if err.hint:
            st.caption(literal(err.hint))
    except Exception:
        error_id = uuid.uuid4().hex[:8]
        log.exception("unexpected error in %s (error id %s)", what, error_id)
        st.error(
            f"Sorry, something went wrong while showing {what}. The rest of the app still works. "
            f"If it happens again, report error id {error_id}.",
            icon=":material/bug_report:",
        )
