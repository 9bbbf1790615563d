"""The KPI registry: one declarative definition per KPI, used by the engine, charts, glossary and
README.

Managers compare numbers from tools that define KPIs differently; servicegap applies one
published definition everywhere and says which. Each entry names the table and date it reads,
its kind (which decides the aggregation and the significance test), unit, direction, the
columns it needs (missing ones hide it with a note on which export would unlock it), a default
target and its formula in words.
"""

from __future__ import annotations

from dataclasses import dataclass

from dashboard.schema import TableKind

T, S, R, A = TableKind.TICKETS, TableKind.SURVEYS, TableKind.REVIEWS, TableKind.ACCOUNTS
HELPDESK = "a ticket export from your helpdesk"


@dataclass(frozen=True, slots=True)
class Kpi:
    """One KPI definition.

    Attributes:
        key: stable identifier (CLI, URLs, records).
        label: display name.
        table: the canonical table it reads.
        basis: the date column that places a row in a period ("" for backlog and churn,
            which are states at a period boundary).
        kind: count | rate | mean | quantile | ratio | nps (decides aggregation and test).
        unit: tickets | % | points | minutes | score | per agent-day | per ticket.
        higher_is_better: direction for colours and verdict wording.
        requires: canonical columns that must hold values for the KPI to be shown.
        unlock: which export would unlock it when the columns are missing.
        target: default target line (None: no conventional target).
        help: the formula in words.
        variants: what the user can switch, in words ("" when nothing).
        noun: what n counts, for verdicts ("tickets", "ratings", "reviews", "accounts").
    """

    key: str
    label: str
    table: TableKind
    basis: str
    kind: str
    unit: str
    higher_is_better: bool
    requires: tuple[str, ...]
    unlock: str
    target: float | None
    help: str
    variants: str = ""
    noun: str = "tickets"


_K = Kpi
KPIS: dict[str, Kpi] = {k.key: k for k in (
    _K("tickets_created", "Tickets created", T, "created_at", "count", "tickets", False,
       ("created_at",), HELPDESK, None, "Tickets created in the period."),
    _K("tickets_resolved", "Tickets resolved", T, "resolved_at", "count", "tickets", True,
       ("resolved_at",), HELPDESK + " with a solved/closed date", None,
       "Tickets resolved in the period."),
    _K("backlog", "Backlog", T, "", "count", "tickets", False, ("created_at",), HELPDESK, None,
       "Tickets open at the end of the period: created before its end and not resolved by then."),
    _K("first_response_time", "First response time", T, "created_at", "quantile", "minutes",
       False, ("first_response_at|first_response_minutes|first_response_business_minutes",),
       HELPDESK + " with first-reply times", 60.0,
       "Minutes from ticket creation to the first agent reply, for tickets created in the "
       "period.", "median (default), mean or 90th percentile; calendar or business hours"),
    _K("resolution_time", "Resolution time", T, "resolved_at", "quantile", "minutes", False,
       ("resolved_at|resolution_minutes|resolution_business_minutes",),
       HELPDESK + " with solved dates", 1440.0,
       "Minutes from ticket creation to final resolution, for tickets resolved in the period.",
       "median (default), mean or 90th percentile; calendar or business hours"),
    _K("handle_time", "Handle time", T, "resolved_at", "quantile", "minutes", False,
       ("handle_minutes",), "an export with agent time tracked per ticket", None,
       "Agent time worked per ticket, for tickets resolved in the period.",
       "median (default), mean or 90th percentile"),
    _K("sla_compliance", "SLA compliance", T, "created_at", "rate", "%", True, ("sla_met",),
       "an export with the SLA outcome per ticket", 95.0,
       "Share of SLA-evaluated tickets created in the period that met their target."),
    _K("fcr_rate", "First-contact resolution", T, "resolved_at", "rate", "%", True,
       ("resolved_at", "is_fcr|agent_replies"), "an export with agent reply counts", 70.0,
       "Share of resolved tickets resolved with at most one agent reply (or flagged as "
       "first-contact resolved by the helpdesk)."),
    _K("replies_per_resolution", "Replies per resolution", T, "resolved_at", "ratio",
       "per ticket", False, ("resolved_at", "agent_replies"),
       "an export with agent reply counts", 2.0,
       "Agent replies on tickets resolved in the period ÷ those tickets (a ratio of sums)."),
    _K("reopen_rate", "Reopen rate", T, "resolved_at", "rate", "%", False,
       ("resolved_at", "reopens"), "an export with reopen counts", 5.0,
       "Share of resolved tickets that were reopened at least once."),
    _K("escalation_rate", "Escalation rate", T, "created_at", "rate", "%", False,
       ("is_escalated",), "an export with an escalation flag or tag", None,
       "Share of tickets created in the period that were escalated."),
    _K("repeat_contact_rate", "Repeat contact rate", T, "created_at", "rate", "%", False,
       ("customer_id",), "an export with the requester/customer id", 15.0,
       "Share of tickets followed by another ticket from the same customer within 7 days, "
       "in any channel or team (a filter does not hide the follow-up). Tickets from the "
       "data's last 7 days count only once followed: their week is not over."),
    _K("csat", "CSAT", S, "responded_at", "rate", "%", True, ("score",),
       "a CSAT survey export or a ticket export with satisfaction ratings", 85.0,
       "Share of satisfied ratings among ratings given: 4–5 of 5 (top-2-box), the top answer "
       "on scales of three points or fewer, Good on Good/Bad.",
       "top-2-box (default), Good ÷ (Good + Bad), or mean rating", "ratings"),
    _K("csat_mean", "CSAT (mean)", S, "responded_at", "mean", "score", True, ("score",),
       "a CSAT survey export", 4.0, "Mean CSAT rating rescaled to 1–5.", "", "ratings"),
    _K("nps", "NPS", S, "responded_at", "nps", "points", True, ("score",),
       "an NPS survey export (0–10 answers)", 30.0,
       "% promoters (9–10) − % detractors (0–6) among answers in the period.", "", "answers"),
    _K("ces", "Customer effort (CES)", S, "responded_at", "mean", "score", True, ("score",),
       "a customer-effort survey export", None,
       "Mean effort score on the scale as given, oriented so higher is easier; successes "
       "count answers in the easy top two boxes.", "", "answers"),
    _K("survey_response_rate", "Survey responses per resolved ticket", S, "responded_at",
       "ratio", "per ticket", True, ("score", "ticket_id"),
       "a survey export linked to ticket ids, plus the ticket export", None,
       "CSAT ratings linked to a ticket received in the period ÷ tickets resolved in the "
       "period.", "", "ratings"),
    _K("qa_score", "QA score", R, "reviewed_at", "mean", "score", True, ("score",),
       "a QA review export (Zendesk QA/Klaus, MaestroQA, a spreadsheet)", 85.0,
       "Mean internal QA review score, 0–100, of reviews made in the period.", "", "reviews"),
    _K("qa_pass_rate", "QA pass rate", R, "reviewed_at", "rate", "%", True, ("score",),
       "a QA review export", 90.0,
       "Share of reviews scoring at least the pass mark (80 by default).", "", "reviews"),
    _K("churn_rate", "Churn rate", A, "", "rate", "%", False, ("started_at", "churned_at"),
       "an accounts export with start and churn dates", None,
       "Accounts active at the start of the period that churned during it ÷ accounts active "
       "at its start.", "", "accounts"),
    _K("retention_rate", "Retention rate", A, "", "rate", "%", True,
       ("started_at", "churned_at"), "an accounts export with start and churn dates", None,
       "100 % − churn rate: accounts active at the start of the period still active at its "
       "end.", "", "accounts"),
    _K("agent_productivity", "Agent productivity", T, "resolved_at", "ratio",
       "per agent-day", True, ("resolved_at", "agent"), HELPDESK + " with the assignee", None,
       "Tickets resolved ÷ active agent-days (days on which an agent resolved at least one "
       "ticket)."),
)}  # fmt: skip

DURATION_KPIS = ("first_response_time", "resolution_time", "handle_time")
