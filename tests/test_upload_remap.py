"""After an upload the parsed frames are let go (the dataset holds the data); a mapping fix on
one file reads every file again from its bytes, so nothing of the other files is lost."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import streamlit as st
from streamlit.testing.v1 import AppTest

from dashboard.schema import TableKind

ROOT = Path(__file__).resolve().parents[1]
TICKETS = (
    "Ticket ID;Created;Solved;Team;Channel\n"
    "1;03.01.2024 09:00;03.01.2024 12:00;Faktura;E-post\n"
    "2;04.01.2024 10:00;;Faktura;Telefon\n"
    "3;05.01.2024 10:00;06.01.2024 10:00;Støtte;E-post\n"
).encode("cp1252")
SURVEYS = (
    b"Response ID,Ticket ID,Score,Submitted at\nr1,1,5,2024-01-03 13:00\nr2,3,2,2024-01-06 11:00\n"
)


def _uploaded() -> AppTest:
    st.cache_data.clear()
    at = AppTest.from_file(str(ROOT / "streamlit_app.py"), default_timeout=90).run()
    at.switch_page("pages/data.py").run()
    at.file_uploader[0].set_value(
        [("support.csv", TICKETS, "text/csv"), ("csat.csv", SURVEYS, "text/csv")]
    ).run()
    assert not at.exception
    return at


def _rows(at: AppTest) -> dict[str, int]:
    data = at.session_state["sg_dataset"]
    return {str(k): int(data.table(k).count().to_pyarrow().as_py()) for k in data.tables}


def test_frames_are_let_go_once_stored() -> None:
    at = _uploaded()
    assert _rows(at) == {"tickets": 3, "surveys": 2}
    for result in at.session_state["sg_file_results"]:
        assert result.loaded.frames == {}
        assert result.loaded.reports  # what the Data page shows stays
    assert at.session_state["sg_loaded"].frames == {}


def test_a_mapping_fix_on_one_file_keeps_the_others() -> None:
    at = _uploaded()
    at.button(key="map_support.csv_tickets_apply").click().run()
    assert not at.exception
    assert _rows(at) == {"tickets": 3, "surveys": 2}
    surveys = at.session_state["sg_dataset"].table(TableKind.SURVEYS).to_pandas()
    assert sorted(surveys.team.dropna()) == ["Faktura", "Støtte"]  # joined to the tickets


def test_a_preview_holds_only_its_own_rows() -> None:
    # a head() slice would keep the whole frame's buffers alive; count Arrow's live bytes in a
    # fresh interpreter
    script = """
import gc
import numpy as np, pandas as pd, pyarrow as pa
from dashboard.uploads import detached_head
n = 300_000
frame = pd.DataFrame({"a": pd.array([f"text value {i}" for i in range(n)], dtype="str"),
                      "b": np.arange(n, dtype="float64")})
preview = detached_head(frame)
del frame
gc.collect()
print(len(preview), pa.total_allocated_bytes())
"""
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                         check=True, cwd=ROOT)  # fmt: skip
    rows, live = out.stdout.split()
    assert int(rows) == 5 and int(live) < 100_000
