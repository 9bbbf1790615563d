"""Each vendor profile recognises its export header (as in export-formats.md) and maps it.

Each case: headers in export order, the expected profile key, and canonical -> header pairs
of the primary mapping (plus the kinds of all mappings). Every case is also run shuffled and
with its optional headers thinned out.
"""

from __future__ import annotations

import random

import pandas as pd
import pytest

from dashboard.load.pipeline import SourceFile, load_files
from dashboard.schema import TableKind
from dashboard.sources import ParseAs, detect

T, S, R = TableKind.TICKETS, TableKind.SURVEYS, TableKind.REVIEWS

ZENDESK = [
    "Summation column", "Id", "Requester", "Requester id", "Requester external id",
    "Requester email", "Requester domain", "Submitter", "Assignee", "Group", "Subject", "Tags",
    "Status", "Priority", "Via", "Ticket type", "Created at", "Updated at", "Assigned at",
    "Organization", "Due date", "Initially assigned at", "Solved at", "Resolution time",
    "Satisfaction Score", "Group stations", "Assignee stations", "Reopens", "Replies",
    "First reply time in minutes", "First reply time in minutes within business hours",
    "First resolution time in minutes", "First resolution time in minutes within business hours",
    "Full resolution time in minutes", "Full resolution time in minutes within business hours",
    "Agent wait time in minutes", "Agent wait time in minutes within business hours",
    "Requester wait time in minutes", "Requester wait time in minutes within business hours",
    "On hold time in minutes", "On hold time in minutes within business hours",
    "Motivo do Contato [list]",
]  # fmt: skip
FRESHDESK = [
    "Ticket ID", "Subject", "Description", "Status", "Priority", "Source", "Type", "Agent",
    "Group", "Created time", "Due by Time", "Resolved time", "Closed time", "Last update time",
    "Initial response time", "Time tracked", "First response time (in hrs)",
    "Resolution time (in hrs)", "Agent interactions", "Customer interactions",
    "Resolution status", "First response status", "Tags", "Survey results", "Product",
    "Full name", "Email", "Contact ID", "Company Name",
]  # fmt: skip
FRESHSERVICE = [
    "Ticket Id", "Subject", "Status", "Priority", "Source", "Type", "Agent", "Group",
    "Requester Name", "Requester Email", "Category", "Sub-Category", "Impact", "Urgency",
    "Created Time", "Due by Time", "Resolved Time", "Closed Time",
    "First Response Time (in Hrs)", "Resolution Time (in Hrs)", "Survey Result",
]  # fmt: skip
INTERCOM = [
    "Conversation ID", "Conversation started at", "Conversation first replied at",
    "Conversation last closed at", "Channel", "Teammate assigned", "Team assigned", "State",
    "Conversation tags", "Conversation rating", "Conversation rating remark",
    "Time to first response", "Time to last close", "Conversation handling time",
]  # fmt: skip
INTERCOM_SNAKE = [
    "message_id", "message_body", "message_type", "message_created_at", "message_author_type",
    "message_author_id", "message_author_user_id", "message_author_name",
    "message_author_email", "message_author_companies", "conversation_tags", "conversation_id",
    "conversation_state", "conversation_created_at", "conversation_first_response_at",
    "conversation_closed_at", "app_id", "app_name",
]  # fmt: skip
HUBSPOT = [
    "Ticket ID", "Ticket name", "Pipeline", "Ticket status", "Priority", "Source",
    "Ticket owner", "HubSpot team", "Create date", "Close date",
    "First agent email response date", "Category", "Last activity date",
    "Time to close (HH:mm:ss)", "Time to first agent reply (HH:mm:ss)",
]  # fmt: skip
HELPSCOUT = [
    "Conversation ID", "Conversation Number", "Status", "Mailbox", "Subject", "Customer Name",
    "Customer Email", "Assigned To", "Tags", "Created At", "Closed At", "Type", "Rating",
    "Rating Comments",
]  # fmt: skip
HELPSCOUT_RATINGS = [
    "Date", "Rating", "Rating Comments", "Customer", "Customer Email", "Conversation #",
    "Rated User", "Mailbox",
]  # fmt: skip
JIRA = [
    "Summary", "Issue key", "Issue id", "Issue Type", "Status", "Project key", "Project name",
    "Priority", "Resolution", "Assignee", "Reporter", "Created", "Updated", "Resolved",
    "Labels", "Labels.1", "Labels.2", "Custom field (Request Type)",
    "Custom field (Time to first response)", "Custom field (Time to resolution)",
    "Custom field (Satisfaction date)", "Custom field ([CHART] Date of First Response)",
    "Custom field (Organizations)", "Satisfaction rating", "Comment", "Comment.1",
]  # fmt: skip
SERVICENOW = [
    "number", "opened_at", "short_description", "caller_id", "priority", "state",
    "assignment_group", "assigned_to", "resolved_at", "closed_at", "calendar_stc",
    "business_stc", "reassignment_count", "reopen_count", "made_sla", "escalation",
    "sys_updated_on", "category", "contact_type", "impact", "urgency",
]  # fmt: skip
SERVICENOW_LABELS = [
    "Number", "Opened", "Short description", "Caller", "Priority", "State", "Assignment group",
    "Assigned to", "Resolved", "Closed", "Resolve time", "Business resolve time",
    "Reassignment count", "Reopen count", "Made SLA", "Escalation", "Updated", "Category",
]  # fmt: skip
SALESFORCE = [
    "Case Number", "Subject", "Status", "Priority", "Case Origin", "Case Owner", "Account Name",
    "Date/Time Opened", "Date/Time Closed", "Closed", "Escalated", "Type", "Contact Name",
]  # fmt: skip
ZOHO = [
    "Ticket Id", "Subject", "Status", "Priority", "Channel", "Department", "Ticket Owner",
    "Created Time", "Closed Time", "Due Date", "Contact Name", "Email", "Account Name",
    "Category", "Happiness Rating",
]  # fmt: skip
GORGIAS = [
    "Ticket id", "Subject", "Status", "Channel", "Assignee", "Assignee team", "Tags",
    "Customer email", "Created datetime", "Closed datetime", "Language",
]  # fmt: skip
GORGIAS_SURVEYS = [
    "id", "ticket_id", "customer_id", "score", "body_text", "sent_datetime", "scored_datetime",
]  # fmt: skip
KLAUS = [
    "Review ID", "Conversation external ID", "Conversation URL", "Source type", "Reviewee",
    "Reviewee email", "Reviewer", "Reviewer email", "Score", "Created", "Updated",
    "Scorecard", "Comment", "Empathy", "Solution",
]  # fmt: skip
SELF = ["Agent", "Date", "Ticket ID", "Self-assessment score", "Scorecard"]
DELIGHTED = [
    "Response ID", "Score", "Comment", "Created at", "Updated at", "Person ID", "Name",
    "Email", "Survey type", "Tags",
]  # fmt: skip
FRESHDESK_SURVEY = [
    "Ticket ID", "Ticket subject", "Contact name", "Contact email", "Agent", "Group", "Survey",
    "Question", "Rating", "Feedback", "Responded at",
]  # fmt: skip

CASES = [
    ("zendesk_tickets", ZENDESK, (T, S), {
        "ticket_id": "Id", "created_at": "Created at", "resolved_at": "Solved at",
        "channel": "Via", "team": "Group", "agent": "Assignee", "customer_id": "Requester id",
        "reopens": "Reopens", "agent_replies": "Replies",
        "first_response_minutes": "First reply time in minutes",
        "first_response_business_minutes": "First reply time in minutes within business hours",
        "resolution_minutes": "Full resolution time in minutes",
        "resolution_business_minutes": "Full resolution time in minutes within business hours",
    }),
    ("freshdesk_tickets", FRESHDESK, (T, S), {
        "ticket_id": "Ticket ID", "created_at": "Created time", "resolved_at": "Resolved time",
        "first_response_at": "Initial response time", "agent_replies": "Agent interactions",
        "first_response_business_minutes": "First response time (in hrs)",
        "resolution_business_minutes": "Resolution time (in hrs)",
        "sla_met": "Resolution status", "first_response_sla_met": "First response status",
        "channel": "Source", "agent": "Agent", "team": "Group",
    }),
    ("freshservice_tickets", FRESHSERVICE, (T, S), {
        "ticket_id": "Ticket Id", "created_at": "Created Time",
        "first_response_business_minutes": "First Response Time (in Hrs)",
    }),
    ("intercom_conversations", INTERCOM, (T, S), {
        "ticket_id": "Conversation ID", "created_at": "Conversation started at",
        "first_response_at": "Conversation first replied at",
        "resolved_at": "Conversation last closed at", "agent": "Teammate assigned",
        "team": "Team assigned", "first_response_minutes": "Time to first response",
    }),
    ("intercom_snake", INTERCOM_SNAKE, (T,), {
        "ticket_id": "conversation_id", "created_at": "conversation_created_at",
        "first_response_at": "conversation_first_response_at",
        "resolved_at": "conversation_closed_at", "status": "conversation_state",
    }),
    ("hubspot_tickets", HUBSPOT, (T,), {
        "ticket_id": "Ticket ID", "created_at": "Create date", "resolved_at": "Close date",
        "agent": "Ticket owner", "team": "HubSpot team", "status": "Ticket status",
        "resolution_minutes": "Time to close (HH:mm:ss)",
    }),
    ("helpscout_conversations", HELPSCOUT, (T, S), {
        "ticket_id": "Conversation Number", "created_at": "Created At",
        "resolved_at": "Closed At", "agent": "Assigned To",
    }),
    ("helpscout_ratings", HELPSCOUT_RATINGS, (S,), {
        "ticket_id": "Conversation #", "score": "Rating", "responded_at": "Date",
        "comment": "Rating Comments", "agent": "Rated User",
    }),
    ("jira_service_management", JIRA, (T, S), {
        "ticket_id": "Issue key", "created_at": "Created", "resolved_at": "Resolved",
        "agent": "Assignee", "customer_id": "Reporter", "tags": "Labels",
        "product": "Custom field (Request Type)",
        "first_response_sla_met": "Custom field (Time to first response)",
        "sla_met": "Custom field (Time to resolution)",
    }),
    ("servicenow_incidents", SERVICENOW, (T,), {
        "ticket_id": "number", "created_at": "opened_at", "resolved_at": "resolved_at",
        "team": "assignment_group", "agent": "assigned_to", "sla_met": "made_sla",
        "resolution_minutes": "calendar_stc", "resolution_business_minutes": "business_stc",
        "reopens": "reopen_count", "priority": "priority",
    }),
    ("servicenow_incidents_labels", SERVICENOW_LABELS, (T,), {
        "ticket_id": "Number", "created_at": "Opened", "team": "Assignment group",
        "resolution_minutes": "Resolve time", "sla_met": "Made SLA",
    }),
    ("salesforce_cases", SALESFORCE, (T,), {
        "ticket_id": "Case Number", "created_at": "Date/Time Opened",
        "resolved_at": "Date/Time Closed", "channel": "Case Origin", "agent": "Case Owner",
        "is_escalated": "Escalated", "organization": "Account Name",
    }),
    ("zoho_desk_tickets", ZOHO, (T, S), {
        "ticket_id": "Ticket Id", "created_at": "Created Time", "resolved_at": "Closed Time",
        "team": "Department", "agent": "Ticket Owner", "channel": "Channel",
    }),
    ("gorgias_tickets", GORGIAS, (T,), {
        "ticket_id": "Ticket id", "created_at": "Created datetime",
        "resolved_at": "Closed datetime", "agent": "Assignee", "team": "Assignee team",
    }),
    ("gorgias_satisfaction", GORGIAS_SURVEYS, (S,), {
        "ticket_id": "ticket_id", "score": "score", "responded_at": "scored_datetime",
        "comment": "body_text",
    }),
    ("klaus_reviews", KLAUS, (R,), {
        "review_id": "Review ID", "ticket_id": "Conversation external ID",
        "agent": "Reviewee", "reviewer": "Reviewer", "score": "Score",
        "reviewed_at": "Created", "scorecard": "Scorecard",
    }),
    ("qa_self_assessment", SELF, (R,), {
        "agent": "Agent", "reviewed_at": "Date", "score": "Self-assessment score",
    }),
    ("delighted", DELIGHTED, (S,), {
        "response_id": "Response ID", "score": "Score", "survey_type": "Survey type",
        "responded_at": "Created at", "comment": "Comment",
    }),
    ("freshdesk_satisfaction", FRESHDESK_SURVEY, (S,), {
        "ticket_id": "Ticket ID", "score": "Rating", "comment": "Feedback",
        "responded_at": "Responded at", "agent": "Agent",
    }),
]  # fmt: skip
IDS = [c[0] for c in CASES]


def _check(headers: list[str], key: str, kinds: tuple, expected: dict[str, str]) -> None:
    found = detect(headers)
    assert found.source == key, found
    assert found.confidence >= 0.9
    assert tuple(m.kind for m in found.mappings) == kinds
    primary = found.mappings[0]
    assert {c: primary.header_for(c) for c in expected} == expected


@pytest.mark.parametrize(("key", "headers", "kinds", "expected"), CASES, ids=IDS)
def test_profile_detects_its_export(key, headers, kinds, expected) -> None:
    _check(headers, key, kinds, expected)


@pytest.mark.parametrize(("key", "headers", "kinds", "expected"), CASES, ids=IDS)
def test_profile_survives_shuffled_headers(key, headers, kinds, expected) -> None:
    shuffled = list(headers)
    random.Random(7).shuffle(shuffled)
    _check(shuffled, key, kinds, expected)


@pytest.mark.parametrize(("key", "headers", "kinds", "expected"), CASES, ids=IDS)
def test_profile_survives_missing_optional_headers(key, headers, kinds, expected) -> None:
    # drop every third header that the expectation does not name
    needed = set(expected.values())
    thinned = [h for i, h in enumerate(headers) if h in needed or i % 3 != 1]
    found = detect(thinned)
    assert found.source == key
    assert {c: found.mappings[0].header_for(c) for c in expected} == expected


def test_zendesk_satisfaction_feeds_surveys_with_a_note() -> None:
    found = detect(ZENDESK)
    survey = found.mappings[1]
    score = survey.spec("score")
    assert score.header == "Satisfaction Score"
    assert score.parse_as == ParseAs.RATING and score.survey_type == "csat"
    assert "offered" in score.na_values
    assert survey.header_for("responded_at") == "Solved at"
    assert survey.header_for("ticket_id") == "Id"
    assert any("'Solved at' is used as the time of the answer" in n for n in found.notes)


def test_zendesk_units_and_segments() -> None:
    found = detect(ZENDESK)
    tickets = found.mappings[0]
    assert tickets.spec("first_response_minutes").unit == "minutes"
    assert "Motivo do Contato [list]" in tickets.keep
    assert "Subject" in found.unmapped
    assert any("business-hours time in minutes" in n for n in found.notes)


def test_zendesk_resolution_time_in_hours_when_minutes_absent() -> None:
    headers = [h for h in ZENDESK if not h.startswith("Full resolution")]
    spec = detect(headers).mappings[0].spec("resolution_minutes")
    assert (spec.header, spec.unit) == ("Resolution time", "hours")


def test_freshdesk_durations_are_business_hms_and_sla_words() -> None:
    tickets, surveys = detect(FRESHDESK).mappings
    assert tickets.spec("first_response_business_minutes").unit == "hms"
    assert tickets.spec("sla_met").parse_as == ParseAs.SLA
    assert tickets.spec("first_response_at").parse_as == ParseAs.DATETIME
    assert dict(surveys.spec("score").value_labels)["just okay"] == 2.0


def test_freshservice_decimal_hours_seen_in_sample() -> None:
    sample = pd.DataFrame({h: ["x"] * 3 for h in FRESHSERVICE})
    sample["First Response Time (in Hrs)"] = ["1.5", "0.25", "12"]
    spec = detect(FRESHSERVICE, sample=sample).mappings[0].spec("first_response_business_minutes")
    assert spec.unit == "hours"


def test_jira_sla_remaining_and_satisfaction() -> None:
    found = detect(JIRA)
    tickets, surveys = found.mappings
    assert tickets.spec("sla_met").parse_as == ParseAs.SLA_REMAINING
    assert surveys.spec("score").scale == (1.0, 5.0)
    assert surveys.header_for("responded_at") == "Custom field (Satisfaction date)"
    assert "Labels.1" in found.unmapped and "Comment.1" in found.unmapped


def test_servicenow_seconds_and_escalation_vocabulary() -> None:
    tickets = detect(SERVICENOW).mappings[0]
    assert tickets.spec("resolution_minutes").unit == "seconds"
    assert "overdue" in tickets.spec("is_escalated").true_values


def test_intercom_durations_in_seconds_and_rating_scale() -> None:
    tickets, surveys = detect(INTERCOM).mappings
    assert tickets.spec("first_response_minutes").unit == "seconds"
    assert surveys.spec("score").scale == (1.0, 5.0)


def test_hubspot_hms_duration() -> None:
    assert detect(HUBSPOT).mappings[0].spec("resolution_minutes").unit == "hms"


def test_klaus_review_type_constant_and_score_synonyms() -> None:
    found = detect(KLAUS)
    assert found.mappings[0].constants == {"review_type": "qa"}
    renamed = ["IQS" if h == "Score" else h for h in KLAUS]
    assert detect(renamed).mappings[0].header_for("score") == "IQS"
    renamed = ["Rating %" if h == "Score" else h for h in KLAUS]
    assert detect(renamed).mappings[0].header_for("score") == "Rating %"


def test_self_assessment_by_file_name() -> None:
    found = detect(KLAUS, file_name="selvevaluering-2024.csv")
    assert found.mappings[0].constants["review_type"] == "self"
    assert detect(SELF).mappings[0].constants == {"review_type": "self"}


def _delighted(scores: list[int]) -> pd.DataFrame:
    """A Delighted export without its 'Survey type' column, loaded: the survey rows."""
    rows = ["Response ID,Score,Comment,Created at,Email"]
    rows += [f"r{i},{s},,2024-03-0{1 + i % 9} 10:00:00,p{i}@x.no" for i, s in enumerate(scores)]
    data = ("\n".join(rows) + "\n").encode()
    dataset, _ = load_files([SourceFile("delighted.csv", data)])
    return dataset.table(S).to_pandas()


def test_delighted_without_survey_type_is_nps_on_0_to_10() -> None:
    surveys = _delighted([10, 9, 9, 8, 3, 10, 7, 9, 6, 10] * 3)  # no 0 answered: still 0-10
    assert set(surveys.survey_type) == {"nps"}
    assert (surveys.scale_min.unique().tolist(), surveys.scale_max.unique().tolist()) == (
        [0.0],
        [10.0],
    )


def test_delighted_csat_project_without_survey_type_is_csat_on_1_to_5() -> None:
    surveys = _delighted([5, 4, 5, 3, 1, 4, 5, 5, 2, 4] * 2)  # twenty answers, all 1-5
    assert set(surveys.survey_type) == {"csat"}
    assert set(surveys.scale_max) == {5.0} and set(surveys.scale_min) == {1.0}
    few = _delighted([5, 4, 5, 3, 1])  # too few to overrule the documented default
    assert set(few.survey_type) == {"nps"}


def test_vocabulary_sample_breaks_a_tie() -> None:
    # Freshdesk and Freshservice share these headers; Freshdesk's Source words decide
    headers = ["Ticket ID", "Created time", "Status", "Priority", "Source"]
    sample = pd.DataFrame({h: ["x", "y"] for h in headers})
    sample["Source"] = ["Portal", "Feedback Widget"]
    assert detect(headers, sample=sample).source == "freshdesk_tickets"


def test_few_shared_headers_match_with_lower_confidence() -> None:
    found = detect(["Id", "Created at", "Status", "Priority"])
    assert found.source == "zendesk_tickets"
    assert found.confidence == pytest.approx(0.8)
    assert "please confirm" in found.notes[0]
