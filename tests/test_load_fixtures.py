"""The full load pipeline over every realistic export fixture, checked against its manifest.

The fixtures and `manifest.json` are written by `tests/fixtures/make_exports.py` from its own
records (never from app code), so the expected source, kind and row accounting are independent
ground truth: read = used + excluded, by reason, for every file.
"""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date
from pathlib import Path

import pandas as pd
import pytest

from dashboard.config import Settings
from dashboard.coverage import coverage
from dashboard.kpis.engine import KpiRequest, compute
from dashboard.load.pipeline import SourceFile, inspect_files, load_files

EXPORTS = Path(__file__).resolve().parent / "fixtures" / "exports"
MANIFEST: dict[str, dict] = json.loads((EXPORTS / "manifest.json").read_text(encoding="utf-8"))


KNOWN_BAD: set[str] = set()  # fixtures the loader is known to get wrong (strict xfail)


@pytest.mark.parametrize(
    "name",
    [
        pytest.param(n, marks=pytest.mark.xfail(strict=True, reason="loader bug"))
        if n in KNOWN_BAD
        else n
        for n in sorted(MANIFEST)
    ],
)
def test_fixture_loads_as_the_manifest_says(name: str) -> None:
    """Detected source, kind and exact row accounting match the generator's manifest."""
    entry = MANIFEST[name]
    _, loaded = load_files([SourceFile(name, (EXPORTS / name).read_bytes())])
    if entry["error"]:
        assert loaded.errors, name
        return
    assert not loaded.errors, [str(e) for e in loaded.errors]
    report = next(r for r in loaded.reports if r.kind == entry["kind"])
    assert report.source == entry["vendor"]
    assert report.rows_read == entry["rows_read"]
    assert report.rows_used == entry["rows_used"][entry["kind"]]
    assert dict(report.excluded_by_reason) == entry["excluded_by_reason"]
    assert report.rows_read == report.rows_used + report.rows_excluded
    # tables fed by the same rows (ratings in a ticket sheet); a survey file's further
    # questions are checked through the KPIs below
    derived = {k: v for k, v in entry["rows_used"].items() if k != entry["kind"] and v}
    assert {k: v for k, v in report.derived.items() if k != entry["kind"] and v} == derived


TICKET_FILES = sorted(
    n
    for n, e in MANIFEST.items()
    if e["kind"] == "tickets" and "first_ticket_id" in e["expect"] and n not in KNOWN_BAD
)


@pytest.mark.parametrize("name", TICKET_FILES)
def test_first_ticket_id_and_created_at(name: str) -> None:
    """The first ticket's id and created time are read as the generator wrote them."""
    expect = MANIFEST[name]["expect"]
    loaded = inspect_files([SourceFile(name, (EXPORTS / name).read_bytes())])
    first = loaded.frames["tickets"][0].iloc[0]
    assert str(first["ticket_id"]) == expect["first_ticket_id"]
    assert first["created_at"].isoformat() == expect["first_created_at"]


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "dashboard", "inspect", *args],
        capture_output=True,
        text=True,
        check=False,
    )


def test_inspect_cli_table_and_json_on_fixtures() -> None:
    """`inspect` prints the source and the row accounting; `--json` carries the issue's keys."""
    table = _cli(str(EXPORTS / "zoho_desk_tickets.csv"))
    assert table.returncode == 0
    assert "zoho_desk_tickets" in table.stdout
    assert "18 read = 18 used + 0 excluded" in table.stdout
    out = json.loads(_cli(str(EXPORTS / "klaus_reviews.csv"), "--json").stdout)
    assert out[0]["source"] == "klaus_reviews" and out[0]["kind"] == "reviews"
    assert out[0]["rows_read"] == MANIFEST["klaus_reviews.csv"]["rows_read"]
    same = json.loads(_cli(str(EXPORTS / "klaus_reviews.csv"), "--format", "json").stdout)
    assert same == out  # the README's spelling works too


def test_inspect_cli_bad_file_is_one_line_and_exit_2(tmp_path: Path) -> None:
    """A binary file gets exit code 2 and a single error line naming it, no traceback."""
    bad = tmp_path / "bad.csv"
    bad.write_bytes(b"\x00\x01\x02binary")
    res = _cli(str(bad))
    assert res.returncode == 2
    lines = [ln for ln in (res.stdout + res.stderr).splitlines() if ln.strip()]
    assert len(lines) == 1 and "bad.csv" in lines[0] and "Traceback" not in lines[0]


def test_workbook_with_a_summary_first_sheet_uses_the_data_sheet() -> None:
    """HubSpot's workbook opens on a "Summary" sheet: the data sheet loads, the skip is noted."""
    path = EXPORTS / "hubspot_tickets.xlsx"
    loaded = inspect_files([SourceFile(path.name, path.read_bytes())])
    assert not loaded.errors
    (report,) = loaded.reports
    assert report.sheet == "All tickets"
    assert any("Skipped a sheet" in n and "Summary" in n for n in report.notes)


SURVEY_FILES = sorted(
    n
    for n, e in MANIFEST.items()
    if e["kind"] == "surveys" or "csat_ratings" in e["expect"] or "nps_answers" in e["expect"]
)


def _whole_range(name: str, kpis: tuple[str, ...]) -> dict[str, pd.Series]:
    """Each KPI's whole-range totals row over one fixture file, through the KPI engine."""
    dataset, loaded = load_files([SourceFile(name, (EXPORTS / name).read_bytes())])
    assert not loaded.errors
    cov = coverage(dataset)
    first, last = cov.first, cov.last
    cells = compute(dataset, KpiRequest(kpis, "month", first, last), Settings())
    return {k: t for k in kpis if (t := cells.total(k)) is not None}


@pytest.mark.parametrize("name", SURVEY_FILES)
def test_survey_scores_match_the_generator(name: str) -> None:
    """CSAT (satisfied answers), NPS and CES answer counts equal the generator's own tallies,
    for survey files and for ratings inside ticket exports."""
    expect = MANIFEST[name]["expect"]
    totals = _whole_range(name, ("csat", "nps", "ces"))
    if "csat_ratings" in expect:
        assert totals["csat"]["n"] == expect["csat_ratings"]
        assert totals["csat"]["successes"] == expect["csat_satisfied"]
    else:
        assert "csat" not in totals or totals["csat"]["n"] == 0
    if "nps_answers" in expect:
        nps = totals["nps"]
        assert nps["n"] == expect["nps_answers"]
        assert (nps["promoters"], nps["detractors"]) == (expect["promoters"], expect["detractors"])
        want = 100 * (expect["promoters"] - expect["detractors"]) / expect["nps_answers"]
        assert nps["value"] == pytest.approx(want)
    if "ces_answers" in expect:
        assert totals["ces"]["n"] == expect["ces_answers"]


MONTHLY = sorted(n for n, e in MANIFEST.items() if "monthly" in e["expect"])


@pytest.mark.parametrize("name", MONTHLY)
def test_monthly_scores_match_the_generator(name: str) -> None:
    """Per calendar month, the answers counted and the satisfied/promoter tallies are exact."""
    monthly = MANIFEST[name]["expect"]["monthly"]
    dataset, _ = load_files([SourceFile(name, (EXPORTS / name).read_bytes())])
    cov = coverage(dataset)
    first, last = cov.first, cov.last
    cells = compute(dataset, KpiRequest(("csat", "nps"), "month", first, last), Settings())
    for key, n_col, hit_col in (("csat", "csat_ratings", "csat_satisfied"),
                                ("nps", "nps_answers", "promoters")):  # fmt: skip
        rows = cells.kpi(key)
        got = {
            str(r.period_start)[:7]: (int(r.n), int(r.successes if key == "csat" else r.promoters))
            for r in rows.itertuples()
            if r.period != "all" and r.n
        }
        want = {m: (v[n_col], v[hit_col]) for m, v in monthly.items() if v[n_col]}
        assert got == want, key


def test_header_rows_the_reader_took_for_data_are_dropped_not_excluded() -> None:
    """A Qualtrics file whose question-text row was deleted (ids, then the ImportId row): the
    ImportId row is a header row, not a response with an unreadable date."""
    lines = (EXPORTS / "qualtrics_csat_nps.csv").read_bytes().split(b"\r\n")
    data = b"\r\n".join([lines[0], *lines[2:]])
    entry = MANIFEST["qualtrics_csat_nps.csv"]
    _, loaded = load_files([SourceFile("two_headers.csv", data)])
    (report,) = loaded.reports
    assert report.header_rows == 2
    assert report.rows_read == entry["rows_read"]
    assert dict(report.excluded_by_reason) == entry["excluded_by_reason"]
    assert report.rows_used == entry["rows_used"]["surveys"]


TICKET_MONTHLY = sorted(n for n, e in MANIFEST.items() if "monthly_tickets" in e["expect"])


@pytest.mark.parametrize("name", TICKET_MONTHLY)
def test_monthly_ticket_kpis_match_the_generator(name: str) -> None:
    """Tickets created and resolved per month, and the monthly medians of first response and
    resolution time (from the timestamps as written), through the KPI engine."""
    monthly = MANIFEST[name]["expect"]["monthly_tickets"]
    dataset, _ = load_files([SourceFile(name, (EXPORTS / name).read_bytes())])
    months = sorted(monthly)
    start = date.fromisoformat(months[0] + "-01")
    end = (pd.Timestamp(months[-1] + "-01") + pd.offsets.MonthEnd(0)).date()
    keys = ("tickets_created", "tickets_resolved", "first_response_time", "resolution_time")
    cells = compute(dataset, KpiRequest(keys, "month", start, end), Settings())

    def by_month(key: str, column: str) -> dict[str, float]:
        rows = cells.kpi(key)
        return {
            str(r.period_start)[:7]: float(getattr(r, column))
            for r in rows.itertuples()
            if r.period != "all" and not pd.isna(getattr(r, column))
        }

    assert by_month("tickets_created", "value") == {m: v["created"] for m, v in monthly.items()}
    want_resolved = {m: v["resolved"] for m, v in monthly.items()}
    got_resolved = by_month("tickets_resolved", "value")
    assert {m: v for m, v in got_resolved.items() if v} == {
        m: v for m, v in want_resolved.items() if v
    }
    for key, truth in (("first_response_time", "median_first_response_minutes"),
                       ("resolution_time", "median_resolution_minutes")):  # fmt: skip
        want = {m: v[truth] for m, v in monthly.items() if truth in v}
        assert by_month(key, "median") == pytest.approx(want), key


@pytest.mark.parametrize(
    "name", sorted(n for n, e in MANIFEST.items() if "sla_evaluated" in e["expect"])
)
def test_sla_compliance_matches_the_generator(name: str) -> None:
    """SLA met / evaluated over the whole file, from the vendor's SLA words."""
    expect = MANIFEST[name]["expect"]
    totals = _whole_range(name, ("sla_compliance",))
    row = totals["sla_compliance"]
    assert (row["successes"], row["n"]) == (expect["sla_met"], expect["sla_evaluated"])


@pytest.mark.parametrize(
    "name", sorted(n for n, e in MANIFEST.items() if "first_agent" in e["expect"])
)
def test_hand_made_sheets_keep_names_and_decimal_commas(name: str) -> None:
    """Names with æøå, ł and 中文 survive the encoding; a decimal-comma hours column is read
    as minutes."""
    expect = MANIFEST[name]["expect"]
    loaded = inspect_files([SourceFile(name, (EXPORTS / name).read_bytes())])
    first = loaded.frames["tickets"][0].iloc[0]
    assert first["agent"] == expect["first_agent"]
    if "handle_minutes_first" in expect:
        assert first["handle_minutes"] == pytest.approx(expect["handle_minutes_first"])


@pytest.mark.parametrize(
    "name", sorted(n for n, e in MANIFEST.items() if e["kind"] == "accounts")
)
def test_accounts_churn_and_value_match_the_generator(name: str) -> None:
    """Accounts: churn dates (blank = active), "1.234,50" amounts, day-first start dates."""
    expect = MANIFEST[name]["expect"]
    loaded = inspect_files([SourceFile(name, (EXPORTS / name).read_bytes())])
    accounts = loaded.frames["accounts"][0]
    assert len(accounts) == expect["n_accounts"]
    assert accounts["churned_at"].notna().sum() == expect["n_churned"]
    assert accounts["value"].sum() == pytest.approx(expect["value_sum"])
    assert accounts["started_at"].iloc[0].isoformat() == expect["first_started_at"]


def test_a_sla_breached_column_counts_yes_as_not_met() -> None:
    """A hand-made "SLA Breached" Yes/No column: yes is a breach; "First Reply (hrs)" is a
    duration in hours; "Customer Satisfaction" is the score, not the customer."""
    name = "handmade_en_sla_breached.csv"
    expect = MANIFEST[name]["expect"]
    loaded = inspect_files([SourceFile(name, (EXPORTS / name).read_bytes())])
    tickets = loaded.frames["tickets"][0]
    assert int(tickets["sla_met"].sum()) == expect["sla_met"]
    assert int(tickets["sla_met"].notna().sum()) == expect["sla_evaluated"]
    assert int(tickets["is_escalated"].sum()) == expect["n_escalated"]
    first = expect["first_response_minutes_first"]
    assert tickets["first_response_minutes"].iloc[0] == pytest.approx(first)
    assert "customer_id" not in tickets or tickets["customer_id"].isna().all()
    (report,) = loaded.reports
    assert report.mapping.get("customer_id") is None
