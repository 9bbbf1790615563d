"""Profiles of helpdesks' satisfaction-survey exports (one row per rating).

Freshdesk, Help Scout, Zendesk (the satisfaction_ratings API written as CSV, and an Explore
satisfaction report) and Gorgias. Ticket exports that carry a rating column are handled by the
ticket profiles, which add a SURVEYS mapping.
"""

from __future__ import annotations

from dashboard.schema import TableKind
from dashboard.sources.conversations import GREAT_OKAY_BAD
from dashboard.sources.helpdesk import GOOD_BAD, NOT_ANSWERED
from dashboard.sources.model import Profile, TableRule, entries, rule

S = TableKind.SURVEYS

FRESHDESK_SURVEY = Profile(
    key="freshdesk_satisfaction",
    label="Freshdesk satisfaction survey export",
    required=(("Rating", "Survey result", "Survey results"), ("Ticket ID",)),
    optional=entries(
        "Survey | Question | Feedback | Agent | Group | Contact | Contact name | "
        "Contact email | Responded at | Created at | Ticket subject"
    ),
    tables=(
        TableRule(
            S,
            (
                rule("ticket_id", "Ticket ID"),
                rule(
                    "score",
                    "Rating",
                    "Survey result",
                    "Survey results",
                    survey_type="csat",
                    value_labels=(("awesome", 3.0), ("just okay", 2.0), ("not good", 1.0)),
                ),
                rule("comment", "Feedback", "Comments", "Comment"),
                rule("responded_at", "Responded at", "Created at", "Date"),
                rule("customer_id", "Contact email", "Contact", "Contact name"),
                rule("agent", "Agent"),
                rule("team", "Group"),
            ),
            constants={"survey_type": "csat"},
            keep=("Survey", "Question"),
        ),
    ),
    notes=("Freshdesk's survey export layout was not seen in a real file; please confirm.",),
    vocab={"Rating": ("Awesome", "Just Okay", "Not Good", "Extremely Happy", "Neutral")},
)

HELPSCOUT_RATINGS = Profile(
    key="helpscout_ratings",
    label="Help Scout happiness ratings",
    required=(
        ("Rating",),
        ("Conversation", "Conversation #", "Conversation Number", "Conversation ID"),
    ),
    optional=entries(
        "Rating Comments | Comments | Date | Rated At | Created At | Customer | "
        "Customer Name | Customer Email | User | Assigned User | Rated User | Mailbox"
    ),
    tables=(
        TableRule(
            S,
            (
                rule(
                    "ticket_id",
                    "Conversation Number",
                    "Conversation #",
                    "Conversation",
                    "Conversation ID",
                ),
                rule("score", "Rating", survey_type="csat", value_labels=GREAT_OKAY_BAD),
                rule("comment", "Rating Comments", "Comments"),
                rule("responded_at", "Rated At", "Date", "Created At"),
                rule("customer_id", "Customer Email", "Customer", "Customer Name"),
                rule("agent", "Rated User", "User", "Assigned User"),
            ),
            constants={"survey_type": "csat"},
            keep=("Mailbox",),
        ),
    ),
    notes=("Help Scout ratings are Great / Okay / Bad.",),
    vocab={"Rating": ("Great", "Okay", "Bad")},
)

ZENDESK_RATINGS = Profile(
    key="zendesk_satisfaction",
    label="Zendesk satisfaction ratings",
    required=(("score",), ("ticket_id",), ("created_at", "updated_at")),
    optional=entries(
        "id | url | assignee_id | group_id | requester_id | comment | reason | reason_id | "
        "reason_code | updated_at"
    ),
    tables=(
        TableRule(
            S,
            (
                rule("response_id", "id"),
                rule("ticket_id", "ticket_id"),
                rule(
                    "score",
                    "score",
                    survey_type="csat",
                    value_labels=GOOD_BAD,
                    na_values=NOT_ANSWERED,
                ),
                rule("comment", "comment"),
                rule("responded_at", "updated_at", "created_at"),
                rule("customer_id", "requester_id"),
                rule("agent", "assignee_id"),
                rule("team", "group_id"),
            ),
            constants={"survey_type": "csat"},
            keep=("reason",),
        ),
    ),
    notes=(
        "Zendesk ratings are Good or Bad; 'offered' and 'unoffered' are surveys not answered. "
        "The rating's last update is taken as the time of the answer.",
    ),
    vocab={"score": ("good", "bad", "offered", "unoffered", "good_with_comment")},
    min_match=5,
)

_EXPLORE_RATED = ("Ticket satisfaction rated - Timestamp", "Ticket satisfaction rated - Date")
ZENDESK_EXPLORE_RATINGS = Profile(
    key="zendesk_explore_satisfaction",
    label="Zendesk Explore satisfaction report",
    required=(("Ticket satisfaction rating",), ("Ticket ID",)),
    optional=(
        _EXPLORE_RATED,
        *entries(
            "Ticket satisfaction comment | Ticket satisfaction reason | Ticket group | "
            "Ticket assignee | Ticket requester | Ticket channel | Ticket brand | "
            "Ticket created - Timestamp | Ticket solved - Timestamp"
        ),
    ),
    tables=(
        TableRule(
            S,
            (
                rule("ticket_id", "Ticket ID"),
                rule(
                    "score",
                    "Ticket satisfaction rating",
                    survey_type="csat",
                    value_labels=GOOD_BAD,
                    na_values=NOT_ANSWERED,
                ),
                rule("comment", "Ticket satisfaction comment"),
                rule(
                    "responded_at",
                    *_EXPLORE_RATED,
                    "Ticket solved - Timestamp",
                    "Ticket solved - Date",
                ),
                rule("customer_id", "Ticket requester ID", "Ticket requester email"),
                rule("agent", "Ticket assignee"),
                rule("team", "Ticket group"),
                rule("channel", "Ticket channel"),
            ),
            constants={"survey_type": "csat"},
            keep=("Ticket satisfaction reason", "Ticket brand"),
            requires=("score", "responded_at"),
        ),
    ),
    notes=(
        "Zendesk Explore writes times in the viewing user's time zone; the report's columns "
        "are chosen by its author, so please confirm the mapping.",
    ),
    vocab={"Ticket satisfaction rating": ("Good", "Bad", "Offered", "Not offered")},
    min_match=3,
)

GORGIAS_SURVEYS = Profile(
    key="gorgias_satisfaction",
    label="Gorgias satisfaction surveys",
    required=(("score", "Score", "Survey score"), ("scored_datetime", "Scored datetime")),
    optional=entries(
        "ticket_id | Ticket id | sent_datetime | Sent datetime | body_text | Comment | "
        "customer_id | Customer email | created_datetime | id | Assignee | Channel"
    ),
    tables=(
        TableRule(
            S,
            (
                rule("response_id", "id", "Survey id"),
                rule("ticket_id", "ticket_id", "Ticket id"),
                rule("score", "score", "Survey score", survey_type="csat", scale=(1.0, 5.0)),
                rule("comment", "body_text", "Comment"),
                rule("responded_at", "scored_datetime", "Scored datetime"),
                rule("customer_id", "customer_id", "Customer email"),
                rule("agent", "Assignee", "assignee_user"),
                rule("channel", "Channel"),
            ),
            constants={"survey_type": "csat"},
        ),
    ),
    notes=("Gorgias scores are 1-5; unscored surveys (sent, not answered) are left out.",),
    min_match=2,
)

PROFILES: tuple[Profile, ...] = (
    FRESHDESK_SURVEY,
    HELPSCOUT_RATINGS,
    ZENDESK_RATINGS,
    ZENDESK_EXPLORE_RATINGS,
    GORGIAS_SURVEYS,
)
