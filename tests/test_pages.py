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
    at.switch_page("pages/overview.py").run()  # it showed today's date and empty cards
    assert not errors_of(at)
    assert any("None of the uploaded files could be read" in i.value for i in at.info)
    assert not at.metric


def _on(page: str) -> AppTest:
    at = app().run()
    at.switch_page(f"pages/{page}").run()
    assert not errors_of(at)
    return at


def test_trends_widgets_split_and_small_multiples() -> None:
    at = _on("trends.py")
    at.multiselect(key="trend_kpis").set_value(["sla_compliance"]).run()
    at.selectbox(key="trend_by").set_value("team").run()
    at.toggle(key="trend_facet").set_value(True).run()
    assert not errors_of(at)
    assert [s.value for s in at.subheader] == ["SLA compliance"]
    assert at.get("vega_lite_chart")


def test_gap_widgets_nps_by_team() -> None:
    at = _on("gap.py")
    at.selectbox(key="gap_customer").set_value("nps").run()
    at.selectbox(key="gap_by").set_value("team").run()
    assert not errors_of(at)
    assert any(s.value.startswith("By team") for s in at.subheader)
    assert any("NPS" in m.label for m in at.metric)


def test_significance_and_segments_widgets() -> None:
    at = _on("significance.py")
    at.selectbox(key="sig_kpi").set_value("qa_score").run()
    assert not errors_of(at)
    assert any("QA score" in m.value for m in at.markdown) or at.dataframe
    at = _on("segments.py")
    at.selectbox(key="seg_by").set_value("channel").run()
    assert not errors_of(at)
    assert at.get("vega_lite_chart")


def test_overview_without_comparison_and_settings_change() -> None:
    at = _on("overview.py")
    assert len(at.metric) >= 15
    at.selectbox(key="compare").set_value("none").run()
    assert any("Choose a comparison period" in i.value for i in at.info)
    at.selectbox(key="csat").set_value("mean").run()
    assert not errors_of(at)
    csat = next(m for m in at.metric if m.label == "CSAT")
    assert "%" not in csat.value  # CSAT as a mean rating


def test_trends_with_a_preset_before_the_data_starts() -> None:
    # the upload holds three January days: "last month" is December, which has no rows
    at = app().run()
    at.switch_page("pages/data.py").run()
    at.file_uploader[0].set_value(("support.csv", FIXTURE_TICKETS, "text/csv")).run()
    at.selectbox(key="period").set_value("last_month").run()
    at.switch_page("pages/trends.py").run()
    assert not errors_of(at)
    assert not [e for e in at.error if "went wrong" in e.value]
    assert any(i.value.startswith("No ") for i in at.info)


def test_gap_with_survey_answers_alone_asks_for_what_is_missing() -> None:
    # survey answers without their tickets: "SLA met" has no SLA outcome to read
    survey = (
        b"Response ID,Ticket ID,Date,Rating (1-5),Comment\n"
        b"r1,5001,2024-05-02,5,Great\nr2,5002,2024-05-03,4,\nr3,5003,2024-05-10,2,Slow reply\n"
    )
    at = app().run()
    at.switch_page("pages/data.py").run()
    at.file_uploader[0].set_value(("survey.csv", survey, "text/csv")).run()
    at.switch_page("pages/gap.py").run()
    assert any("QA reviews" in i.value for i in at.info)
    at.selectbox(key="gap_company").set_value("sla").run()
    assert not errors_of(at)
    assert not [e for e in at.error if "went wrong" in e.value]
    assert any("ticket export" in i.value for i in at.info)


def test_churn_with_a_filter_that_leaves_no_account() -> None:
    at = _on("churn.py")
    at.multiselect(key="f_country").set_value(["-"]).run()
    assert not errors_of(at)
    assert not [e for e in at.error if "went wrong" in e.value]
    assert any("No account matches" in i.value for i in at.info)
