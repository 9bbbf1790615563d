"""Canonical tables: the vendor-neutral columns every step after `sources/` relies on.

Four tables: tickets, surveys (CSAT/NPS/CES responses), reviews (company-rated: QA reviews or
self-assessments) and accounts (for churn). Column names are snake_case English with units.

Conventions:
- Timestamps are naive `datetime64[us]` as written in the file; values written with an explicit
  offset or `Z` are converted to UTC first. A chosen time zone is applied later (`periods`).
- Durations are float minutes. Calendar and business-hours variants are separate columns.
- Booleans are pandas nullable `boolean` (True/False/<NA>); counts are float (NaN = unknown).
- Text columns are pandas `string`. Segment columns are low-cardinality text the user can split
  or filter by; columns kept from the export beyond these are also segments (see `Dataset.labels`).
- Survey `score` keeps the scale it was given on (`scale_min`..`scale_max`); `survey_type` says
  which question it answers (csat, nps, ces). Review `score` is always 0-100.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Literal

import numpy as np
import pandas as pd
import pyarrow as pa

Dtype = Literal["string", "datetime", "float", "bool"]


class TableKind(StrEnum):
    """The canonical table a file (or part of it) feeds."""

    TICKETS = "tickets"
    SURVEYS = "surveys"
    REVIEWS = "reviews"
    ACCOUNTS = "accounts"


class SurveyType(StrEnum):
    """Which customer question a survey score answers."""

    CSAT = "csat"  # satisfaction, any scale (Good/Bad, 1-5, 1-7, emoji labels)
    NPS = "nps"  # likelihood to recommend, 0-10
    CES = "ces"  # customer effort; higher = easier after normalisation (1-7 agreement)


@dataclass(frozen=True, slots=True)
class Column:
    """One canonical column: name, dtype, meaning, and whether users can segment by it."""

    name: str
    dtype: Dtype
    description: str
    is_segment: bool = False


_S, _D, _F, _B = "string", "datetime", "float", "bool"

TICKETS: tuple[Column, ...] = (
    Column("ticket_id", _S, "Ticket, case, conversation or issue id as exported."),
    Column("created_at", _D, "When the customer opened the ticket."),
    Column("first_response_at", _D, "First public agent reply."),
    Column("resolved_at", _D, "Final resolution (solved/resolved/closed)."),
    Column("status", _S, "Status as exported (Open, Solved, ...).", True),
    Column("channel", _S, "Channel/source/via (Email, Chat, Phone, ...).", True),
    Column("team", _S, "Group, team, department or assignment group.", True),
    Column("agent", _S, "Assignee/owner (agent name or email).", True),
    Column("priority", _S, "Priority as exported.", True),
    Column("customer_id", _S, "Requester or contact id/email, for repeat contacts and churn."),
    Column("organization", _S, "Customer organisation/company/account name.", True),
    Column("country", _S, "Customer country or region.", True),
    Column("product", _S, "Product, category, type or request type.", True),
    Column("tags", _S, "Tags/labels, space or comma separated, as exported."),
    Column("agent_replies", _F, "Number of public agent replies."),
    Column("reopens", _F, "Number of times the ticket was reopened."),
    Column("is_escalated", _B, "Whether the ticket was escalated."),
    Column("is_fcr", _B, "Explicit first-contact-resolution flag, where the export has one."),
    Column("sla_met", _B, "Resolution (or overall) SLA met; empty when not evaluated."),
    Column("first_response_sla_met", _B, "First-response SLA met; empty when not evaluated."),
    Column("first_response_minutes", _F, "Creation to first reply, calendar minutes."),
    Column("first_response_business_minutes", _F, "Creation to first reply, business minutes."),
    Column("resolution_minutes", _F, "Creation to final resolution, calendar minutes."),
    Column("resolution_business_minutes", _F, "Creation to resolution, business minutes."),
    Column("handle_minutes", _F, "Agent time worked on the ticket, minutes."),
)

SURVEYS: tuple[Column, ...] = (
    Column("response_id", _S, "Survey response id (made up from the line when absent)."),
    Column("ticket_id", _S, "Ticket the response rates, where known."),
    Column("customer_id", _S, "Respondent id/email, where known."),
    Column("responded_at", _D, "When the customer answered."),
    Column("survey_type", _S, "csat, nps or ces (see SurveyType)."),
    Column("score", _F, "Answer on its own scale (Good/Bad -> 1/0)."),
    Column("scale_min", _F, "Lowest possible score on this question's scale."),
    Column("scale_max", _F, "Highest possible score on this question's scale."),
    Column("rating_label", _S, "The answer as written in the export."),
    Column("comment", _S, "Free-text comment (never rendered as HTML)."),
    Column("channel", _S, "Channel, when the survey export has it.", True),
    Column("team", _S, "Team, when the survey export has it.", True),
    Column("agent", _S, "Agent, when the survey export has it.", True),
)

REVIEWS: tuple[Column, ...] = (
    Column("review_id", _S, "Review id (made up from the line when absent)."),
    Column("ticket_id", _S, "Reviewed ticket/conversation id (helpdesk external id)."),
    Column("reviewed_at", _D, "When the review was made."),
    Column("score", _F, "Review score on 0-100 (rescaled from the scale given)."),
    Column("reviewer", _S, "Who reviewed.", True),
    Column("agent", _S, "Reviewee: the agent whose work was reviewed.", True),
    Column("scorecard", _S, "Scorecard or rubric name.", True),
    Column("review_type", _S, "qa (internal review) or self (self-assessment).", True),
    Column("team", _S, "Team, when the review export has it.", True),
)

ACCOUNTS: tuple[Column, ...] = (
    Column("customer_id", _S, "Customer/account id; joins tickets and surveys."),
    Column("started_at", _D, "Start of the relationship (signup, contract start)."),
    Column("churned_at", _D, "Churn/cancellation date; empty while active."),
    Column("plan", _S, "Plan, tier or segment.", True),
    Column("value", _F, "Recurring value (MRR/ARR) in the export's currency."),
    Column("country", _S, "Country or region.", True),
    Column("organization", _S, "Account or company name.", True),
)

COLUMNS: dict[TableKind, tuple[Column, ...]] = {
    TableKind.TICKETS: TICKETS,
    TableKind.SURVEYS: SURVEYS,
    TableKind.REVIEWS: REVIEWS,
    TableKind.ACCOUNTS: ACCOUNTS,
}

# The column each table's rows are placed in time by; a row without it is excluded.
MAIN_DATE: dict[TableKind, str] = {
    TableKind.TICKETS: "created_at",
    TableKind.SURVEYS: "responded_at",
    TableKind.REVIEWS: "reviewed_at",
    TableKind.ACCOUNTS: "started_at",
}

# The id that must be present and unique within one file (None: not required).
KEY_COLUMN: dict[TableKind, str | None] = {
    TableKind.TICKETS: "ticket_id",
    TableKind.SURVEYS: None,
    TableKind.REVIEWS: None,
    TableKind.ACCOUNTS: "customer_id",
}

UNIQUE_COLUMN: dict[TableKind, str] = {
    TableKind.TICKETS: "ticket_id",
    TableKind.SURVEYS: "response_id",
    TableKind.REVIEWS: "review_id",
    TableKind.ACCOUNTS: "customer_id",
}
"""The id that names one row: a repeat (the same response exported twice) is left out, so no
answer or review is counted twice. Unlike KEY_COLUMN it may be empty (a made-up id is used)."""

_PANDAS_DTYPE: dict[Dtype, str] = {
    "string": "string",
    "datetime": "datetime64[us]",
    "float": "float64",
    "bool": "boolean",
}


def column(kind: TableKind, name: str) -> Column:
    """The canonical column `name` of table `kind` (ValueError if there is none)."""
    for col in COLUMNS[kind]:
        if col.name == name:
            return col
    raise ValueError(f"{kind} has no canonical column {name!r}")


def pandas_dtype(col: Column) -> str:
    """The pandas dtype a canonical column is stored with."""
    return _PANDAS_DTYPE[col.dtype]


def empty_frame(kind: TableKind) -> pd.DataFrame:
    """An empty DataFrame with every canonical column of `kind` at its canonical dtype."""
    return pd.DataFrame(
        {c.name: pd.Series([], dtype=pandas_dtype(c)) for c in COLUMNS[kind]}
    )


def _all_missing(n: int, dtype: str, index: pd.Index) -> pd.Series:
    """A column of `n` missing values at `dtype`, built without a Python list per row."""
    if dtype == "string":
        return pd.Series(pd.array(pa.nulls(n, pa.large_string()), dtype="string"), index=index)
    if dtype == "boolean":
        values = np.zeros(n, dtype=bool)
        return pd.Series(pd.arrays.BooleanArray(values, np.ones(n, dtype=bool)), index=index)
    if dtype == "float64":
        return pd.Series(np.full(n, np.nan), index=index)
    return pd.Series(np.full(n, np.datetime64("NaT"), dtype=dtype), index=index)


def conform(kind: TableKind, frame: pd.DataFrame) -> pd.DataFrame:
    """Add missing canonical columns (all empty) and cast present ones to canonical dtypes.

    Extra (non-canonical) columns are kept as `string` segments after the canonical ones.
    Values must already be parsed: this only casts, it never parses text. Columns already of
    their dtype share the input's buffers rather than being copied (a 1M-ticket frame is
    about 0.25 GB); copy-on-write keeps `frame` unchanged when the result is changed.
    """
    out: dict[str, pd.Series] = {}
    n = len(frame)
    for col in COLUMNS[kind]:
        dtype = pandas_dtype(col)
        if col.name in frame.columns:
            out[col.name] = frame[col.name].astype(dtype)
        else:
            out[col.name] = _all_missing(n, dtype, frame.index)
    canonical = {c.name for c in COLUMNS[kind]}
    for name in frame.columns:
        if name not in canonical:
            out[name] = frame[name].astype("string")
    return pd.DataFrame(out, index=frame.index, copy=False).reset_index(drop=True)
