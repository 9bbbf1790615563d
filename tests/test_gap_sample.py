"""The gap on the bundled sample: equal to an independent pandas computation from the raw files.

The raw-file computation reads the Klaus QA export and the Zendesk ticket export with plain
pandas (no servicegap code) and applies the definition of issue 5 directly: per month of the
review's `Created` (UTC), mean `Review score` minus the share of `Good` among the reviewed
tickets whose `Satisfaction Score` is Good or Bad.
"""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest

from dashboard.cli import main
from dashboard.config import Settings
from dashboard.gap.series import gap_series, headline
from dashboard.samples import SAMPLE_DIR, load_sample


def _independent_monthly_gap(directory: Path) -> pd.DataFrame:
    qa = pd.read_csv(directory / "klaus_qa_reviews.csv", dtype=str, keep_default_na=False)
    zd = pd.read_csv(directory / "zendesk_tickets.csv.zip", dtype=str, keep_default_na=False)
    qa["month"] = pd.to_datetime(qa["Created"], utc=True).dt.strftime("%Y-%m")
    qa["score"] = qa["Review score"].astype(float)
    company = qa.groupby("month")["score"].agg(["mean", "size"])
    rated = zd[zd["Satisfaction Score"].isin(["Good", "Bad"])][["Id", "Satisfaction Score"]]
    pairs = qa[["month", "Conversation external ID"]].drop_duplicates()
    pairs = pairs.merge(rated, left_on="Conversation external ID", right_on="Id")
    pairs["good"] = pairs["Satisfaction Score"] == "Good"
    customer = pairs.groupby("month")["good"].agg(["mean", "size"])
    out = pd.DataFrame(
        {
            "company": company["mean"],
            "n_company": company["size"],
            "customer": 100 * customer["mean"],
            "n_customer": customer["size"],
        }
    )
    return out.assign(gap=out["company"] - out["customer"])


def test_cli_monthly_gap_equals_the_independent_computation(
    capsys: pytest.CaptureFixture[str],
) -> None:
    files = [str(SAMPLE_DIR / "zendesk_tickets.csv.zip"), str(SAMPLE_DIR / "klaus_qa_reviews.csv")]
    assert main(["gap", *files, "--period", "month", "--format", "json"]) == 0
    got = {r["period"]: r for r in json.loads(capsys.readouterr().out)}
    want = _independent_monthly_gap(SAMPLE_DIR)
    assert sorted(got) == sorted(want.index)
    for month, row in want.iterrows():
        rec = got[month]
        assert rec["gap"] == pytest.approx(row["gap"], abs=1e-9)
        assert rec["company_score"] == pytest.approx(row["company"], abs=1e-9)
        assert rec["customer_score"] == pytest.approx(row["customer"], abs=1e-9)
        assert (rec["n_company"], rec["n_customer"]) == (row["n_company"], row["n_customer"])


def test_planted_gap_shows_on_the_sample() -> None:
    ds, _ = load_sample()
    s = gap_series(ds, Settings(), by="team")
    # sample_data/README.md: QA mean 88.2 against CSAT 78.1 %, gap largest in Billing
    assert s.total.company_score == pytest.approx(88.2, abs=0.05)
    assert 8 < s.total.gap < 14 and s.total.pvalue is not None and s.total.pvalue < 0.001
    top = s.segments[0]
    assert top.segment == {"team": "Billing"} and top.gap > 15
    assert top.pvalue_adjusted is not None and top.pvalue_adjusted < 0.001
    pair = headline(s)
    assert pair.company_share > pair.customer_share
