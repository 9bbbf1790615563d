"""Every page renders with the sample data and with no data, without an exception."""

from __future__ import annotations

from pathlib import Path

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parents[1]
APP = str(ROOT / "streamlit_app.py")
PAGES = sorted(p.name for p in (ROOT / "pages").glob("*.py"))
FIXTURE_TICKETS = (
    "Ticket ID;Created;Solved;Team;Channel\n"
    "1;03.01.2024 09:00;03.01.2024 12:00;Faktura;E-post\n"
    "2;04.01.2024 10:00;;Faktura;Telefon\n"
    ";05.01.2024 10:00;;Støtte;E-post\n"
).encode("cp1252")


@pytest.fixture(autouse=True)
def _fresh_caches():
    st.cache_data.clear()
    yield


def app() -> AppTest:
    return AppTest.from_file(APP, default_timeout=90)


def errors_of(at: AppTest) -> list[str]:
    return [e.value for e in at.exception]


@pytest.mark.parametrize("page", PAGES)
def test_page_renders_with_sample_data(page: str) -> None:
    at = app().run()
    at.switch_page(f"pages/{page}").run()
    assert not errors_of(at)
    assert at.title, "every page has a title"


@pytest.mark.parametrize("page", PAGES)
def test_page_renders_without_data(page: str) -> None:
    at = app()
    at.session_state["sg_cleared"] = True
    at.run()
    at.switch_page(f"pages/{page}").run()
    assert not errors_of(at)
    if page not in ("data.py", "glossary.py"):
        assert any("No data loaded" in i.value for i in at.info)


def test_sample_banner_on_first_open() -> None:
    at = app().run()
    assert any("sample data" in i.value for i in at.info)


def test_upload_through_the_file_input_replaces_the_sample() -> None:
    at = app().run()
    at.switch_page("pages/data.py").run()
    at.file_uploader[0].set_value(("support.csv", FIXTURE_TICKETS, "text/csv")).run()
    assert not errors_of(at)
    labels = [e.label for e in at.expander]
    assert any(label.startswith("support\\.csv") for label in labels)
    assert [m.value for m in at.metric][:3] == ["3", "2", "1"]
    at.switch_page("pages/gap.py").run()
    assert not any("sample data" in i.value for i in at.info)


def test_bad_upload_shows_a_message_not_a_traceback() -> None:
    at = app().run()
    at.switch_page("pages/data.py").run()
    at.file_uploader[0].set_value(("broken.csv", b"\x00\x01\x02" * 500, "text/csv")).run()
    assert not errors_of(at)
    assert any("broken" in e.value for e in at.error)
