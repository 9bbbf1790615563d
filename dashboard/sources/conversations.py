"""Profiles of conversation-style helpdesks and CRMs: Intercom, HubSpot and Help Scout.

Intercom's report CSV and Help Scout's export were not seen as real files: their layouts are
built from reporting-attribute and API names (`export-formats.md`), and the profiles say so in
a note. Exports with a rating column also feed the surveys table.
"""

from __future__ import annotations

from dashboard.schema import TableKind
from dashboard.sources.helpdesk import RATING_NOTE
from dashboard.sources.model import Profile, TableRule, entries, rule

T, S = TableKind.TICKETS, TableKind.SURVEYS

# ---- Intercom ----------------------------------------------------------------------------------
_INTERCOM_TICKETS = TableRule(
    T,
    (
        rule("ticket_id", "Conversation ID", "conversation_id", "id"),
        rule(
            "created_at",
            "Conversation started at",
            "Conversation created at",
            "conversation_created_at",
            "first_contact_reply_at",
            "created_at",
        ),
        rule(
            "first_response_at",
            "Conversation first replied at",
            "conversation_first_response_at",
            "first_admin_reply_at",
        ),
        rule(
            "resolved_at",
            "Conversation last closed at",
            "Last closed at",
            "conversation_closed_at",
            "last_close_at",
            "Conversation first closed at",
            "first_close_at",
        ),
        rule("status", "State", "Conversation state", "conversation_state", "state"),
        rule("channel", "Channel", "Source type", "source_type"),
        rule("team", "Team assigned", "Team currently assigned", "team_assignee"),
        rule(
            "agent",
            "Teammate assigned",
            "Teammate currently assigned",
            "admin_assignee",
            "message_author_name",
        ),
        rule("tags", "Conversation tags", "Conversation tag", "conversation_tags", "tags"),
        rule(
            "customer_id",
            "User email",
            "Contact email",
            "User ID",
            "contact_id",
            "message_author_email",
        ),
        rule("organization", "Company name", "message_author_companies"),
        rule("reopens", "Number of reopens", "count_reopens"),
        rule(
            "first_response_minutes",
            "Time to first response",
            "First response time",
            "time_to_admin_reply",
            unit="seconds",
        ),
        rule("first_response_business_minutes", "time_to_admin_reply_ooo", unit="seconds"),
        rule(
            "resolution_minutes",
            "Time to last close",
            "Time to close",
            "time_to_last_close",
            unit="seconds",
        ),
        rule("resolution_business_minutes", "time_to_last_close_ooo", unit="seconds"),
        rule("handle_minutes", "Conversation handling time", "Handling time", unit="seconds"),
    ),
    keep=("Channel", "Source type", "app_name", "Brand"),
)
_INTERCOM_SURVEYS = TableRule(
    S,
    (
        rule("ticket_id", "Conversation ID", "conversation_id", "id"),
        rule(
            "score",
            "Conversation rating",
            "conversation_rating",
            survey_type="csat",
            scale=(1.0, 5.0),
        ),
        rule("comment", "Conversation rating remark", "conversation_rating_remark"),
        rule(
            "responded_at",
            "Conversation rated at",
            "conversation_rating_created_at",
            "Conversation last closed at",
            "conversation_closed_at",
            "last_close_at",
            "Conversation started at",
            "conversation_created_at",
            "created_at",
        ),
        rule("agent", "Last teammate rated", "Teammate rated"),
    ),
    constants={"survey_type": "csat"},
    requires=("score", "responded_at"),
    note="Conversation ratings (1-5) from '{score}', answered at '{responded_at}'.",
)
_INTERCOM_NOTES = ("Intercom durations are in seconds; times are UTC.",)
INTERCOM = Profile(
    key="intercom_conversations",
    label="Intercom conversations report (CSV)",
    required=(("Conversation ID",),),
    optional=entries(
        "Conversation started at | Conversation first replied at | "
        "Conversation last closed at | Conversation first closed at | Channel | "
        "Teammate assigned | Team assigned | Conversation rating | "
        "Conversation rating remark | State | Conversation tags | Time to first response | "
        "Time to last close | Conversation handling time | Last teammate rated | "
        "User email"
    ),
    tables=(_INTERCOM_TICKETS, _INTERCOM_SURVEYS),
    notes=(*_INTERCOM_NOTES, "Intercom's report CSV columns are configurable; please confirm."),
    min_match=3,
)
INTERCOM_SNAKE = Profile(
    key="intercom_snake",
    label="Intercom conversation export (snake_case, prodsight/API)",
    required=(("conversation_id", "id"), ("conversation_created_at", "created_at")),
    optional=entries(
        "conversation_state | conversation_first_response_at | conversation_closed_at | "
        "conversation_tags | app_id | app_name | message_id | message_type | "
        "message_author_type | conversation_rating | first_admin_reply_at | last_close_at | "
        "time_to_admin_reply | time_to_last_close | count_reopens | "
        "first_contact_reply_at"
    ),
    tables=(_INTERCOM_TICKETS, _INTERCOM_SURVEYS),
    notes=(
        *_INTERCOM_NOTES,
        "With message entries there is one row per message: the first "
        "row of each conversation is used.",
    ),
    min_match=4,
)

# ---- HubSpot -----------------------------------------------------------------------------------
HUBSPOT = Profile(
    key="hubspot_tickets",
    label="HubSpot ticket export",
    required=(("Ticket ID",), ("Create date",)),
    optional=entries(
        "Ticket name | Pipeline | Ticket status | Priority | Source | Ticket owner | "
        "HubSpot team | Close date | First agent email response date | Category | "
        "Last activity date | Time to close (HH:mm:ss) | "
        "Time to first agent reply (HH:mm:ss) | Ticket description | Associated Company | "
        "Associated Contact"
    ),
    tables=(
        TableRule(
            T,
            (
                rule("ticket_id", "Ticket ID"),
                rule("created_at", "Create date"),
                rule("resolved_at", "Close date"),
                rule(
                    "first_response_at", "First agent email response date", "First agent reply date"
                ),
                rule("status", "Ticket status"),
                rule("priority", "Priority"),
                rule("channel", "Source"),
                rule("agent", "Ticket owner"),
                rule("team", "HubSpot team"),
                rule("product", "Category"),
                rule("organization", "Associated Company"),
                rule("customer_id", "Associated Contact", "Contact email"),
                rule("resolution_minutes", "Time to close (HH:mm:ss)", unit="hms"),
                rule("resolution_minutes", "Time to close"),
                rule("first_response_minutes", "Time to first agent reply (HH:mm:ss)", unit="hms"),
                rule("first_response_minutes", "Time to first agent reply"),
            ),
            keep=("Pipeline", "Category", "Source"),
        ),
    ),
    notes=(
        "HubSpot writes times in the portal's time zone; '(HH:mm:ss)' durations are calendar time.",
    ),
    vocab={"Priority": ("Low", "Medium", "High", "Urgent")},
)

# ---- Help Scout --------------------------------------------------------------------------------
GREAT_OKAY_BAD = (("great", 3.0), ("okay", 2.0), ("bad", 1.0))
HELPSCOUT = Profile(
    key="helpscout_conversations",
    label="Help Scout conversations export",
    required=(("Conversation Number", "Conversation #", "Number", "Conversation ID"), ("Mailbox",)),
    optional=entries(
        "Created At | Closed At | Status | Subject | Customer Email | Customer Name | "
        "Assigned To | Tags | Type | Closed By | Rating | Rating Comments | Team | "
        "Waiting Since | First Response Time | Response Time (hrs)"
    ),
    tables=(
        TableRule(
            T,
            (
                rule(
                    "ticket_id",
                    "Conversation Number",
                    "Conversation #",
                    "Number",
                    "Conversation ID",
                ),
                rule("created_at", "Created At", "Created", "Date Created"),
                rule("resolved_at", "Closed At", "Closed", "Date Closed"),
                rule("first_response_at", "First Response At", "Responded At"),
                rule("status", "Status"),
                rule("channel", "Type", "Source"),
                rule("agent", "Assigned To", "Assignee", "Assigned User"),
                rule("team", "Team"),
                rule("tags", "Tags"),
                rule("customer_id", "Customer Email", "Customer"),
                rule("first_response_minutes", "First Response Time"),  # "4h 43m" text
                rule("first_response_minutes", "Response Time (hrs)", unit="hours"),
            ),
            keep=("Mailbox", "Type"),
        ),
        TableRule(
            S,
            (
                rule(
                    "ticket_id",
                    "Conversation Number",
                    "Conversation #",
                    "Number",
                    "Conversation ID",
                ),
                rule("score", "Rating", survey_type="csat", value_labels=GREAT_OKAY_BAD),
                rule("comment", "Rating Comments", "Rating Comment"),
                rule("responded_at", "Rated At", "Closed At", "Created At"),
            ),
            constants={"survey_type": "csat"},
            requires=("score", "responded_at"),
            note=RATING_NOTE,
        ),
    ),
    notes=("Help Scout's export layout was not seen in a real file; please confirm the mapping.",),
    vocab={"Status": ("active", "pending", "closed", "spam"), "Rating": ("Great", "Okay", "Bad")},
)


PROFILES: tuple[Profile, ...] = (INTERCOM, INTERCOM_SNAKE, HUBSPOT, HELPSCOUT)
