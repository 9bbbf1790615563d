"""Every KPI of the bundled sample, month by month, against an independent pandas computation on
the raw canonical rows (the way a manager's analyst would compute it in a notebook)."""

from __future__ import annotations

from datetime import date

import numpy as np
import pandas as pd
import pytest

from dashboard.config import Settings
from dashboard.kpis import KPIS, KpiRequest, compute
from dashboard.samples import load_sample
from dashboard.schema import TableKind as K

START, END = date(2025, 1, 1), date(2025, 12, 31)
MONTHS = pd.period_range("2025-01", "2025-12", freq="M")


@pytest.fixture(scope="module")
def sample():
    data, _ = load_sample()
    frame = compute(data, KpiRequest(tuple(KPIS), "month", START, END), Settings()).frame
    raw = {k: data.table(k).to_pandas() for k in data.tables}
    return frame[frame.segment_value == ""], raw


def _engine(frame: pd.DataFrame, kpi: str) -> pd.Series:
    f = frame[(frame.kpi == kpi) & (frame.period != "all")]
    return f.set_index("period")["value"].astype(float)


def _by_month(values: pd.Series, when: pd.Series, how: str) -> pd.Series:
    keep = values.notna() & when.notna() & (when >= "2025-01-01") & (when < "2026-01-01")
    grouped = values[keep].astype(float).groupby(when[keep].dt.strftime("%Y-%m"))
    return getattr(grouped, how)()


def _check(frame: pd.DataFrame, kpi: str, expected: pd.Series) -> None:
    got = _engine(frame, kpi)
    expected = expected.reindex(got.index)
    assert expected.notna().sum() >= 6, kpi  # the sample covers most months for every KPI
    np.testing.assert_allclose(got.to_numpy(), expected.to_numpy(), rtol=1e-9, equal_nan=True)


def _flag(series: pd.Series) -> pd.Series:
    return series.map(lambda v: np.nan if v is None or v is pd.NA else float(bool(v)))


def test_ticket_volumes_and_backlog(sample) -> None:
    frame, raw = sample
    t = raw[K.TICKETS]
    ones = pd.Series(1.0, index=t.index)
    _check(frame, "tickets_created", _by_month(ones, t.created_at, "sum"))
    _check(frame, "tickets_resolved", _by_month(ones, t.resolved_at, "sum"))
    closing = t.resolved_at.where(~(t.resolved_at < t.created_at), t.created_at)
    ends = [(p + 1).start_time for p in MONTHS]
    open_at = [((t.created_at < e) & ~(closing < e)).sum() for e in ends]
    _check(frame, "backlog", pd.Series(open_at, index=MONTHS.strftime("%Y-%m"), dtype=float))


def test_durations_are_per_cell_medians(sample) -> None:
    frame, raw = sample
    t = raw[K.TICKETS]
    minutes = pd.Timedelta(minutes=1)
    frt = ((t.first_response_at - t.created_at) / minutes).fillna(t.first_response_minutes)
    frt = frt.fillna(t.first_response_business_minutes)
    _check(frame, "first_response_time", _by_month(frt.where(frt >= 0), t.created_at, "median"))
    res = ((t.resolved_at - t.created_at) / minutes).fillna(t.resolution_minutes)
    res = res.fillna(t.resolution_business_minutes)
    _check(frame, "resolution_time", _by_month(res.where(res >= 0), t.resolved_at, "median"))
    handle = t.handle_minutes.where(t.handle_minutes >= 0)
    _check(frame, "handle_time", _by_month(handle, t.resolved_at, "median"))


def test_ticket_rates_and_ratios(sample) -> None:
    frame, raw = sample
    t = raw[K.TICKETS]
    resolved = t.resolved_at.notna()
    _check(frame, "sla_compliance", 100 * _by_month(_flag(t.sla_met), t.created_at, "mean"))
    by_replies = (t.agent_replies <= 1).astype(float).where(t.agent_replies.notna())
    fcr = _flag(t.is_fcr).fillna(by_replies)
    _check(frame, "fcr_rate", 100 * _by_month(fcr.where(resolved), t.resolved_at, "mean"))
    replies = t.agent_replies.where(resolved)
    _check(frame, "replies_per_resolution", _by_month(replies, t.resolved_at, "mean"))
    reopened = (t.reopens > 0).astype(float).where(t.reopens.notna() & resolved)
    _check(frame, "reopen_rate", 100 * _by_month(reopened, t.resolved_at, "mean"))


def test_repeat_contact_and_productivity(sample) -> None:
    frame, raw = sample
    t = raw[K.TICKETS]
    c = t[t.customer_id.notna()].sort_values(["customer_id", "created_at"], kind="stable")
    gap = c.groupby("customer_id").created_at.shift(-1) - c.created_at
    within = gap <= pd.Timedelta(days=7)
    # a ticket counts once the data shows its whole 7-day window, or a follow-up within it
    shown = within | (t.created_at.max() - c.created_at >= pd.Timedelta(days=7))
    repeat = within[shown].astype(float)
    _check(frame, "repeat_contact_rate", 100 * _by_month(repeat, c.created_at[shown], "mean"))
    r = t[t.resolved_at.notna() & t.agent.notna() & (t.resolved_at >= "2025-01-01")]
    r = r[r.resolved_at < "2026-01-01"]
    month = r.resolved_at.dt.strftime("%Y-%m")
    agent_days = r.assign(day=r.resolved_at.dt.date).groupby(month)[["agent", "day"]]
    expected = month.value_counts() / agent_days.apply(lambda g: len(g.drop_duplicates()))
    _check(frame, "agent_productivity", expected)


def test_survey_kpis(sample) -> None:
    frame, raw = sample
    s = raw[K.SURVEYS]
    csat = s[(s.survey_type == "csat") & s.score.notna()]
    small = (csat.scale_max - csat.scale_min + 1) <= 3
    good = np.where(small, csat.score >= csat.scale_max, csat.score >= csat.scale_max - 1)
    good = pd.Series(good.astype(float), index=csat.index)
    _check(frame, "csat", 100 * _by_month(good, csat.responded_at, "mean"))
    rescaled = 1 + 4 * (csat.score - csat.scale_min) / (csat.scale_max - csat.scale_min)
    _check(frame, "csat_mean", _by_month(rescaled, csat.responded_at, "mean"))
    nps = s[(s.survey_type == "nps") & s.score.notna()]
    points = (nps.score >= 9).astype(float) - (nps.score <= 6).astype(float)
    _check(frame, "nps", 100 * _by_month(points, nps.responded_at, "mean"))
    linked = csat[csat.ticket_id.notna()]
    received = _by_month(pd.Series(1.0, index=linked.index), linked.responded_at, "sum")
    t = raw[K.TICKETS]
    resolved = _by_month(pd.Series(1.0, index=t.index), t.resolved_at, "sum")
    _check(frame, "survey_response_rate", received / resolved)


def test_qa_and_churn(sample) -> None:
    frame, raw = sample
    r = raw[K.REVIEWS]
    _check(frame, "qa_score", _by_month(r.score, r.reviewed_at, "mean"))
    passed = (r.score >= 80).astype(float).where(r.score.notna())
    _check(frame, "qa_pass_rate", 100 * _by_month(passed, r.reviewed_at, "mean"))
    a = raw[K.ACCOUNTS]
    churn = []
    for p in MONTHS:
        s, e = p.start_time, (p + 1).start_time
        active = (a.started_at < s) & ~(a.churned_at < s)
        churn.append(100 * (active & (a.churned_at < e)).sum() / active.sum())
    expected = pd.Series(churn, index=MONTHS.strftime("%Y-%m"))
    _check(frame, "churn_rate", expected)
    _check(frame, "retention_rate", 100 - expected)


def test_rating_histograms_hold_every_answer(sample) -> None:
    frame, raw = sample
    s = raw[K.SURVEYS]
    nps = s[(s.survey_type == "nps") & (s.responded_at >= "2025-01-01")]
    nps = nps[nps.responded_at < "2026-01-01"]
    whole = frame[(frame.kpi == "nps") & (frame.period == "all")].iloc[0]
    assert whole["hist"] == {int(k): int(v) for k, v in nps.score.value_counts().items()}
    assert sum(whole["hist"].values()) == whole["n"]
