"""Per-row values of each KPI as Ibis expressions, and the sufficient statistics they aggregate to.

A KPI becomes, for each row of its table, one or two columns (an indicator, a value, a
numerator and a denominator); aggregating those per period × segment gives the sufficient
statistics a later step needs (n, successes, sums, sums of squares, log sums, quantiles,
NPS counts), so no later step needs raw rows. Variants (CSAT definition, calendar or business
durations) are decided here, from `Settings`.
"""

from __future__ import annotations

import ibis

from dashboard.agent_numbers import COLUMN as AGENT_NUMBER
from dashboard.agent_numbers import DAYS
from dashboard.config import CsatDefinition, Settings, TimeBasis
from dashboard.followups import COLUMN as FOLLOW_UP
from dashboard.followups import OBSERVED
from dashboard.kpis.registry import Kpi

MINUTES = 60.0


def _minutes(later: ibis.TimestampValue, earlier: ibis.TimestampValue) -> ibis.FloatingValue:
    return (later.epoch_seconds() - earlier.epoch_seconds()).cast("float64") / MINUTES


def duration(t: ibis.Table, key: str, settings: Settings) -> ibis.FloatingValue:
    """Minutes of a duration KPI per ticket (null when unknown or negative)."""
    if key == "handle_time":
        value = t.handle_minutes
    else:
        stamp, calendar, business = {
            "first_response_time": (
                t.first_response_at,
                t.first_response_minutes,
                t.first_response_business_minutes,
            ),
            "resolution_time": (t.resolved_at, t.resolution_minutes, t.resolution_business_minutes),
        }[key]
        from_stamps = _minutes(stamp, t.created_at)
        cal = from_stamps.coalesce(calendar)
        value = business.coalesce(cal) if settings.time_basis == TimeBasis.BUSINESS else cal
        value = value.coalesce(business)  # only business figures in the export: use them
    return ibis.ifelse(value >= 0, value, ibis.null("float64"))


def csat_columns(t: ibis.Table, settings: Settings) -> tuple[ibis.Value, ibis.Value, ibis.Value]:
    """(is CSAT answer, good indicator, counted-in-denominator indicator) per survey row."""
    is_csat = (t.survey_type == "csat") & t.score.notnull()
    points = t.scale_max - t.scale_min + 1
    small = points <= 3
    good = ibis.ifelse(small, t.score >= t.scale_max, t.score >= t.scale_max - 1)
    bad = ibis.ifelse(small, t.score <= t.scale_min, t.score <= t.scale_min + 1)
    counted = good | bad if settings.csat_definition == CsatDefinition.GOOD_BAD else is_csat
    return is_csat, good & is_csat, counted & is_csat


def csat_mean_value(t: ibis.Table) -> ibis.FloatingValue:
    """CSAT rating rescaled to 1–5 (null for other survey types)."""
    width = (t.scale_max - t.scale_min).nullif(0)
    scaled = 1 + 4 * (t.score - t.scale_min) / width
    return ibis.ifelse((t.survey_type == "csat") & t.score.notnull(), scaled, ibis.null("float64"))


def row_columns(kpi: Kpi, t: ibis.Table, settings: Settings) -> dict[str, ibis.Value]:
    """The per-row columns of one KPI, named `<key>__<part>` (ind, num, den, v; h: hist score)."""
    k = kpi.key
    if kpi.kind == "count":
        return {f"{k}__ind": t[kpi.basis].notnull().cast("int64")}
    if kpi.kind == "quantile":
        return {f"{k}__v": duration(t, k, settings)}
    return _BUILDERS[k](t, settings, k)


def _rate(num: ibis.BooleanValue, den: ibis.BooleanValue, k: str) -> dict[str, ibis.Value]:
    den = den.fill_null(False)
    return {f"{k}__num": (num.fill_null(False) & den).cast("int64"), f"{k}__den": den.cast("int64")}


def _sla(t, s, k):
    return _rate(t.sla_met, t.sla_met.notnull(), k)


def _fcr(t, s, k):
    flag = t.is_fcr.coalesce(t.agent_replies <= 1)
    return _rate(flag, t.resolved_at.notnull() & flag.notnull(), k)


def _replies(t, s, k):
    ok = t.resolved_at.notnull() & t.agent_replies.notnull()
    return {
        f"{k}__num": ibis.ifelse(ok, t.agent_replies.cast("float64"), 0.0),
        f"{k}__den": ok.cast("float64"),
    }


def _reopen(t, s, k):
    return _rate(t.reopens > 0, t.resolved_at.notnull() & t.reopens.notnull(), k)


def _escalation(t, s, k):
    return _rate(t.is_escalated, t.is_escalated.notnull(), k)


def _repeat(t, s, k):
    """Followed within the window, among tickets whose window the data shows in full (a
    ticket followed within it counts whenever it was created; see `followups.OBSERVED`)."""
    if FOLLOW_UP in t.columns and OBSERVED in t.columns:  # stored with the tickets
        gap, seen = t[FOLLOW_UP], t[OBSERVED]
    else:  # a table from elsewhere: the same by windows over the customer's tickets
        window = ibis.window(group_by=t.customer_id, order_by=t.created_at)
        gap = _minutes(t.created_at.lead().over(window), t.created_at)
        seen = _minutes(t.created_at.max().over(ibis.window()), t.created_at)
    days = s.repeat_contact_days * 24 * MINUTES
    within = (gap <= days).fill_null(False)
    shown = within | (seen >= days).fill_null(False)
    return _rate(within, t.customer_id.notnull() & shown, k)


def _csat(t, s, k):
    if s.csat_definition == CsatDefinition.MEAN:
        return {f"{k}__v": csat_mean_value(t), f"{k}__h": csat_mean_value(t)}
    _, good, counted = csat_columns(t, s)
    return {**_rate(good, counted, k), f"{k}__h": csat_mean_value(t)}


def _csat_mean(t, s, k):
    return {f"{k}__v": csat_mean_value(t), f"{k}__h": csat_mean_value(t)}


def _nps(t, s, k):
    ok = (t.survey_type == "nps") & t.score.notnull()
    v = ibis.ifelse(ok, t.score.cast("float64"), ibis.null("float64"))
    return {f"{k}__v": v, f"{k}__h": v}


def _ces(t, s, k):
    ok = (t.survey_type == "ces") & t.score.notnull()
    easy = ok & (t.score >= t.scale_max - 1)
    return {
        f"{k}__v": ibis.ifelse(ok, t.score.cast("float64"), ibis.null("float64")),
        f"{k}__h": ibis.ifelse(ok, t.score.cast("float64"), ibis.null("float64")),
        f"{k}__num": easy.fill_null(False).cast("int64"),
    }


def _responses(t, s, k):
    is_csat, _, _ = csat_columns(t, s)
    return {f"{k}__num": (is_csat & t.ticket_id.notnull()).fill_null(False).cast("float64")}


def _qa(t, s, k):
    return {f"{k}__v": t.score.cast("float64")}


def _qa_pass(t, s, k):
    return _rate(t.score >= s.qa_pass_mark, t.score.notnull(), k)


def _productivity(t, s, k):
    ok = t.resolved_at.notnull() & t.agent.notnull()
    if AGENT_NUMBER in t.columns:  # stored with the tickets (see `agent_numbers`)
        day = t.resolved_at.epoch_seconds() // 86400
        key = ibis.ifelse(ok, t[AGENT_NUMBER] * DAYS + day, ibis.null("int64"))
    else:  # a table from elsewhere: the agent's name and the day as text
        day = t.resolved_at.date().cast("string")
        key = ibis.ifelse(ok, t.agent.concat("|", day), ibis.null("string"))
    return {f"{k}__num": ok.cast("float64"), f"{k}__agentday": key}


_BUILDERS = {
    "sla_compliance": _sla,
    "fcr_rate": _fcr,
    "replies_per_resolution": _replies,
    "reopen_rate": _reopen,
    "escalation_rate": _escalation,
    "repeat_contact_rate": _repeat,
    "csat": _csat,
    "csat_mean": _csat_mean,
    "nps": _nps,
    "ces": _ces,
    "survey_response_rate": _responses,
    "qa_score": _qa,
    "qa_pass_rate": _qa_pass,
    "agent_productivity": _productivity,
}


def aggregates(kpi: Kpi, r: ibis.Table, settings: Settings) -> dict[str, ibis.Value]:
    """Sufficient statistics of one KPI over the rows of `r`, named `<key>__<stat>`."""
    k = kpi.key
    cols = set(r.columns)
    out: dict[str, ibis.Value] = {}
    if f"{k}__ind" in cols:
        out[f"{k}__n"] = r[f"{k}__ind"].sum()
    if f"{k}__den" in cols and f"{k}__num" in cols and kpi.kind != "ratio":
        out[f"{k}__n"] = r[f"{k}__den"].sum()
        out[f"{k}__successes"] = r[f"{k}__num"].sum()
    if kpi.kind == "ratio":
        out[f"{k}__numerator"] = r[f"{k}__num"].sum()
        out[f"{k}__n"] = r[f"{k}__num"].sum().cast("int64")  # responses (denominator elsewhere)
        if f"{k}__den" in cols:
            out[f"{k}__denominator"] = r[f"{k}__den"].sum()
            out[f"{k}__n"] = (r[f"{k}__den"] > 0).cast("int64").sum()
        if f"{k}__agentday" in cols:
            out[f"{k}__denominator"] = r[f"{k}__agentday"].nunique().cast("float64")
            out[f"{k}__n"] = r[f"{k}__num"].sum().cast("int64")
    if f"{k}__v" in cols:
        v = r[f"{k}__v"]
        out[f"{k}__n"] = v.count()
        out[f"{k}__sum"] = v.sum()
        out[f"{k}__sumsq"] = (v * v).sum()
        if f"{k}__num" in cols:  # CES: answers in the easy boxes
            out[f"{k}__successes"] = r[f"{k}__num"].sum()
        if kpi.kind == "nps" or k == "nps":
            out[f"{k}__promoters"] = (v >= 9).cast("int64").sum()
            out[f"{k}__detractors"] = (v <= 6).cast("int64").sum()
        if kpi.kind == "quantile":
            pos = ibis.ifelse(v > 0, v, ibis.null("float64"))
            out[f"{k}__median"] = v.median()
            out[f"{k}__p90"] = v.quantile(0.9)
            out[f"{k}__log_n"] = pos.count()
            out[f"{k}__log_sum"] = pos.log().sum()
            out[f"{k}__log_sumsq"] = (pos.log() * pos.log()).sum()
    return out
