"""Uploads stay private: per session, never rendered as Markdown/HTML, never written to disk."""

from __future__ import annotations

import ast
import os
import tempfile
from pathlib import Path

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from dashboard.config import Settings
from dashboard.load import SourceFile, to_dataset
from dashboard.ui.text import literal
from dashboard.uploads import load_uploads, merge

ROOT = Path(__file__).resolve().parents[1]
APP = str(ROOT / "streamlit_app.py")
SECRET = (
    b"Ticket ID;Created;Team\n"
    b"1;03.01.2024 09:00;**Secret** <img src=x onerror=alert(1)>\n"
    b"2;04.01.2024 10:00;:red[Hidden team]\n"
)


@pytest.fixture(autouse=True)
def _fresh_caches():
    st.cache_data.clear()
    yield


def _upload(at: AppTest, name: str, data: bytes) -> AppTest:
    at.switch_page("pages/data.py").run()
    at.file_uploader[0].set_value((name, data, "text/csv")).run()
    return at


def test_a_second_session_does_not_see_the_first_sessions_upload() -> None:
    first = _upload(AppTest.from_file(APP, default_timeout=90).run(), "secret.csv", SECRET)
    assert any("secret" in e.label for e in first.expander)
    second = AppTest.from_file(APP, default_timeout=90).run()
    second.switch_page("pages/data.py").run()
    texts = [e.label for e in second.expander] + [c.value for c in second.caption]
    assert not any("secret" in t for t in texts)
    assert any("Sample data" in t for t in texts)


def test_upload_text_is_escaped_in_labels() -> None:
    at = _upload(AppTest.from_file(APP, default_timeout=90).run(), "x_*y*.csv", SECRET)
    labels = [e.label for e in at.expander]
    assert any(label.startswith(r"x\_\*y\*\.csv") for label in labels)


def test_literal_escapes_markdown_html_and_shortcodes() -> None:
    assert literal("**b** <i> :red[x] $1") == r"\*\*b\*\* \<i\> \:red\[x\] \$1"


def test_only_the_sample_uses_a_shared_cache() -> None:
    """st.cache_resource / cache_data (shared across sessions) never wrap upload handling."""
    offenders = []
    for path in [*(ROOT / "dashboard").rglob("*.py"), *(ROOT / "pages").glob("*.py")]:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Attribute) and node.attr in ("cache_data", "cache_resource"):
                offenders.append(f"{path.name}:{node.lineno}")
    # one use only: the bundled sample, which is not user data
    assert [o.split(":")[0] for o in offenders] == ["state.py"], offenders


def test_loading_writes_nothing_to_disk(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("TMPDIR", str(tmp_path))
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    monkeypatch.chdir(tmp_path)
    results = load_uploads([SourceFile("secret.csv", SECRET)], Settings())
    data = to_dataset(merge(results))
    assert data.table(next(iter(data.tables))).count().execute() == 2
    assert os.listdir(tmp_path) == []
