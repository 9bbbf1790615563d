"""Profiles of helpdesk ticket exports: Zendesk, Freshdesk/Freshservice, Zoho Desk and Gorgias.

Headers and value formats follow `export-formats.md` (research notes kept with the project);
where no real file was seen (Zoho Desk, Gorgias) the layout
is a plausible one built from API or reporting-attribute names, and the profile says so in a
note. Ticket exports with a satisfaction column also feed the surveys table.
"""

from __future__ import annotations

from dashboard.schema import TableKind
from dashboard.sources.model import ParseAs, Profile, TableRule, entries, rule

T, S = TableKind.TICKETS, TableKind.SURVEYS
GOOD_BAD = (("good", 1.0), ("good with comment", 1.0), ("bad", 0.0), ("bad with comment", 0.0))
GOOD_OKAY_BAD = (("good", 3.0), ("okay", 2.0), ("bad", 1.0))
NOT_ANSWERED = ("offered", "not offered", "unoffered", "-")

RATING_NOTE = (
    "Survey answers come from '{score}'; the export has no answer time, so '{responded_at}' "
    "is used as the time of the answer."
)

# ---- Zendesk Support ---------------------------------------------------------------------------
ZENDESK = Profile(
    key="zendesk_tickets",
    label="Zendesk Support ticket export",
    required=(("Id",), ("Created at",)),
    optional=entries(
        "Summation column | Requester | Requester id | Requester external id | "
        "Requester email | Requester domain | Submitter | Assignee | Group | Subject | "
        "Tags | Status | Priority | Via | Ticket type | Updated at | Assigned at | "
        "Organization | Due date | Initially assigned at | Solved at | Resolution time | "
        "Satisfaction Score | Group stations | Assignee stations | Reopens | Replies | "
        "First reply time in minutes | First reply time in minutes within business hours | "
        "First resolution time in minutes | "
        "First resolution time in minutes within business hours | "
        "Full resolution time in minutes | "
        "Full resolution time in minutes within business hours | "
        "Agent wait time in minutes | Requester wait time in minutes | "
        "On hold time in minutes"
    ),
    tables=(
        TableRule(
            T,
            (
                rule("ticket_id", "Id"),
                rule("created_at", "Created at"),
                rule("resolved_at", "Solved at"),
                rule("status", "Status"),
                rule("channel", "Via"),
                rule("team", "Group"),
                rule("agent", "Assignee"),
                rule("priority", "Priority"),
                rule("customer_id", "Requester id", "Requester email", "Requester external id"),
                rule("organization", "Organization"),
                rule("product", "Product [list]", "Product", "Ticket type"),
                rule("tags", "Tags"),
                rule("agent_replies", "Replies"),
                rule("reopens", "Reopens"),
                rule("first_response_minutes", "First reply time in minutes", unit="minutes"),
                rule(
                    "first_response_business_minutes",
                    "First reply time in minutes within business hours",
                    unit="minutes",
                ),
                rule("resolution_minutes", "Full resolution time in minutes", unit="minutes"),
                rule("resolution_minutes", "Resolution time", unit="hours"),
                rule(
                    "resolution_business_minutes",
                    "Full resolution time in minutes within business hours",
                    unit="minutes",
                ),
            ),
            keep=("Submitter", "Requester domain", "Ticket type"),
            keep_pattern=r"\[list\]\s*$",
        ),
        TableRule(
            S,
            (
                rule("ticket_id", "Id"),
                rule(
                    "score",
                    "Satisfaction Score",
                    survey_type="csat",
                    value_labels=GOOD_BAD,
                    na_values=NOT_ANSWERED,
                ),
                rule("responded_at", "Solved at", "Updated at", "Created at"),
                rule("customer_id", "Requester id", "Requester email"),
            ),
            constants={"survey_type": "csat"},
            requires=("score", "responded_at"),
            note=RATING_NOTE,
        ),
    ),
    notes=(
        "Zendesk writes dates in the account's time zone.",
        "'Resolution time' is whole hours; the '... in minutes' columns are used when present.",
        "Calendar and business-hours durations are kept apart ('... within business hours').",
    ),
    vocab={
        "Via": ("Mail", "Web form", "Chat", "Native Messaging", "Closed Ticket", "API"),
        "Satisfaction Score": ("Offered", "Not Offered", "Good", "Bad", "Unoffered"),
    },
    min_match=4,
)

# ---- Freshdesk / Freshservice ------------------------------------------------------------------
_FRESH_SURVEY = (("awesome", 3.0), ("just okay", 2.0), ("not good", 1.0))
_FRESH_TICKETS = TableRule(
    T,
    (
        rule("ticket_id", "Ticket ID"),
        rule("created_at", "Created time"),
        rule("resolved_at", "Resolved time", "Closed time"),
        rule("first_response_at", "Initial response time"),
        rule("status", "Status"),
        rule("priority", "Priority"),
        rule("channel", "Source"),
        rule("team", "Group"),
        rule("agent", "Agent"),
        rule("product", "Product", "Type", "Category"),
        rule("tags", "Tags"),
        rule("customer_id", "Contact ID", "Email", "Requester Email", "Unique External ID"),
        rule("organization", "Company Name", "Company", "Department"),
        rule("agent_replies", "Agent interactions"),
        rule("first_response_business_minutes", "First response time (in hrs)", unit="hms"),
        rule("resolution_business_minutes", "Resolution time (in hrs)", unit="hms"),
        rule("handle_minutes", "Time tracked", unit="hms"),
        rule("sla_met", "Resolution status", parse_as=ParseAs.SLA),
        rule("first_response_sla_met", "First response status", parse_as=ParseAs.SLA),
    ),
    keep=(
        "Type",
        "Product",
        "Category",
        "Sub-Category",
        "Account tier",
        "Industry",
        "Language",
        "Impact",
        "Urgency",
        "Department",
    ),
)
_FRESH_SURVEYS = TableRule(
    S,
    (
        rule("ticket_id", "Ticket ID"),
        rule(
            "score",
            "Survey results",
            "Survey Result",
            survey_type="csat",
            value_labels=_FRESH_SURVEY,
        ),
        rule("responded_at", "Resolved time", "Closed time", "Last update time", "Created time"),
        rule("customer_id", "Contact ID", "Email", "Requester Email"),
    ),
    constants={"survey_type": "csat"},
    requires=("score", "responded_at"),
    note=RATING_NOTE,
)
_FRESH_NOTES = (
    "Freshdesk often leaves the duration columns empty; durations from the timestamps are "
    "calendar time.",
)
FRESHDESK = Profile(
    key="freshdesk_tickets",
    label="Freshdesk ticket export",
    required=(("Ticket ID",), ("Created time",)),
    optional=entries(
        "Subject | Description | Status | Priority | Source | Type | Agent | Group | "
        "Due by Time | Resolved time | Closed time | Last update time | "
        "Initial response time | Time tracked | First response time (in hrs) | "
        "Resolution time (in hrs) | Agent interactions | Customer interactions | "
        "Resolution status | First response status | Tags | Survey results | Product | "
        "Full name | Contact ID | Company Name | Every response status | Source Info"
    ),
    tables=(_FRESH_TICKETS, _FRESH_SURVEYS),
    notes=_FRESH_NOTES,
    vocab={
        "Resolution status": ("Within SLA", "SLA Violated"),
        "Survey results": ("Awesome", "Just Okay", "Not Good"),
        "Source": ("Email", "Portal", "Phone", "Chat", "Feedback Widget", "Outbound Email"),
    },
)
FRESHSERVICE = Profile(
    key="freshservice_tickets",
    label="Freshservice ticket export",
    required=(
        ("Ticket Id",),
        ("Created Time",),
        ("Requester Email", "Requester Name", "Impact", "Urgency", "Survey Result"),
    ),
    optional=entries(
        "Subject | Status | Priority | Source | Type | Agent | Group | Requester Name | "
        "Requester Email | Category | Sub-Category | Impact | Urgency | Department | "
        "Due by Time | Resolved Time | Closed Time | First Response Time (in Hrs) | "
        "Resolution Time (in Hrs) | Survey Result | Resolution Status"
    ),
    tables=(_FRESH_TICKETS, _FRESH_SURVEYS),
    notes=(*_FRESH_NOTES, "Freshservice sometimes writes decimal hours instead of HH:MM:SS."),
    vocab={"Survey Result": ("Awesome", "Just Okay", "Not Good")},
)

# ---- Zoho Desk ---------------------------------------------------------------------------------
ZOHO = Profile(
    key="zoho_desk_tickets",
    label="Zoho Desk ticket export",
    required=(("Ticket Id",), ("Created Time",), ("Department", "Ticket Owner")),
    optional=entries(
        "Subject | Status | Priority | Channel | Ticket Owner | Department | Closed Time | "
        "Due Date | Contact Name | Email | Account Name | Classification | Category | "
        "Sub Category | Product Name | Happiness Rating | Modified Time | Language"
    ),
    tables=(
        TableRule(
            T,
            (
                rule("ticket_id", "Ticket Id", "Request Id"),
                rule("created_at", "Created Time"),
                rule("resolved_at", "Closed Time"),
                rule("status", "Status"),
                rule("priority", "Priority"),
                rule("channel", "Channel"),
                rule("team", "Department"),
                rule("agent", "Ticket Owner"),
                rule("customer_id", "Email", "Contact Name"),
                rule("organization", "Account Name"),
                rule("product", "Product Name", "Category", "Classification"),
                rule("first_response_at", "First Response Time"),  # a timestamp in Zoho
                rule("tags", "Tags"),
                rule("is_escalated", "Is Escalated", "Escalated"),
            ),
            keep=("Classification", "Category", "Sub Category", "Language"),
        ),
        TableRule(
            S,
            (
                rule("ticket_id", "Ticket Id", "Request Id"),
                rule("score", "Happiness Rating", survey_type="csat", value_labels=GOOD_OKAY_BAD),
                rule(
                    "responded_at",
                    "Happiness Rating Time",
                    "Closed Time",
                    "Modified Time",
                    "Created Time",
                ),
            ),
            constants={"survey_type": "csat"},
            requires=("score", "responded_at"),
            note=RATING_NOTE,
        ),
    ),
    notes=("Zoho Desk dates are ISO 8601 in UTC ('...Z').",),
    vocab={"Happiness Rating": ("Good", "Okay", "Bad")},
)

# ---- Gorgias -----------------------------------------------------------------------------------
GORGIAS = Profile(
    key="gorgias_tickets",
    label="Gorgias ticket export",
    required=(("Ticket id", "id"), ("Created datetime", "created_datetime")),
    optional=entries(
        "Closed datetime | Opened datetime | Channel | Via | Status | Assignee | "
        "Assignee user | Assignee team | Team | Tags | Customer email | Subject | "
        "Priority | Spam | Last message datetime | First response datetime | Language"
    ),
    tables=(
        TableRule(
            T,
            (
                rule("ticket_id", "Ticket id", "id"),
                rule("created_at", "Created datetime", "Opened datetime"),
                rule("resolved_at", "Closed datetime"),
                rule(
                    "first_response_at", "First response datetime", "First agent message datetime"
                ),
                rule("status", "Status"),
                rule("channel", "Channel", "Via"),
                rule("agent", "Assignee", "Assignee user", "Assignee user email"),
                rule("team", "Assignee team", "Team"),
                rule("tags", "Tags"),
                rule("priority", "Priority"),
                rule("customer_id", "Customer email", "Customer id"),
            ),
            keep=("Language", "Via"),
        ),
    ),
    notes=(
        "Gorgias durations include hours outside business hours.",
        "Gorgias' ticket export layout was not seen in a real file; please confirm.",
    ),
)

PROFILES: tuple[Profile, ...] = (ZENDESK, FRESHDESK, FRESHSERVICE, ZOHO, GORGIAS)
