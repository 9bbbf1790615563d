"""Headers real exports carry that the vendor profiles did not know (reported by users).

Each test: the header row of a file as users sent it, the profile that must recognise it and
the canonical columns it must map.
"""

from __future__ import annotations

import pandas as pd

from dashboard.schema import TableKind
from dashboard.sources import ParseAs, detect

T, S, R = TableKind.TICKETS, TableKind.SURVEYS, TableKind.REVIEWS


def test_klaus_review_created_is_the_review_date() -> None:
    headers = ["Review ID", "Conversation external ID", "Reviewee", "Reviewer", "Scorecard",
               "Review created", "Review score %"]  # fmt: skip
    found = detect(headers)
    assert found.source == "klaus_reviews" and found.primary.kind == R
    assert found.primary.header_for("reviewed_at") == "Review created"
    assert found.primary.header_for("score") == "Review score %"


def test_zendesk_explore_satisfaction_report() -> None:
    headers = ["Ticket ID", "Ticket satisfaction rating", "Ticket satisfaction comment",
               "Ticket satisfaction rated - Timestamp", "Ticket group",
               "Ticket assignee"]  # fmt: skip
    found = detect(headers)
    assert found.source == "zendesk_explore_satisfaction"
    surveys = found.primary
    assert surveys.kind == S
    expected = {"ticket_id": "Ticket ID", "score": "Ticket satisfaction rating",
                "comment": "Ticket satisfaction comment",
                "responded_at": "Ticket satisfaction rated - Timestamp",
                "team": "Ticket group", "agent": "Ticket assignee"}  # fmt: skip
    assert {c: surveys.header_for(c) for c in expected} == expected
    score = surveys.spec("score")
    assert ("good", 1.0) in score.value_labels and "offered" in score.na_values


def test_delighted_ticket_id_and_properties() -> None:
    headers = ["Response ID", "Score", "Comment", "Created at", "Survey type", "Email",
               "Ticket ID", "Plan"]  # fmt: skip
    found = detect(headers)
    assert found.source == "delighted"
    assert found.primary.header_for("ticket_id") == "Ticket ID"
    assert "Plan" in found.primary.keep


def test_salesforce_billing_country() -> None:
    headers = ["Case Number", "Subject", "Status", "Case Origin", "Case Owner",
               "Date/Time Opened", "Date/Time Closed", "Billing Country"]  # fmt: skip
    found = detect(headers)
    assert found.source == "salesforce_cases"
    assert found.primary.header_for("country") == "Billing Country"
    assert not any("Also mapped" in n for n in found.notes)  # the profile knows it now


def test_intercom_last_closed_at() -> None:
    headers = ["Conversation ID", "Conversation started at", "Last closed at", "Channel",
               "Teammate assigned", "State"]  # fmt: skip
    found = detect(headers)
    assert found.source == "intercom_conversations"
    assert found.primary.header_for("resolved_at") == "Last closed at"


def test_helpscout_response_times() -> None:
    base = ["Conversation Number", "Mailbox", "Created At", "Closed At", "Status",
            "Assigned To"]  # fmt: skip
    found = detect([*base, "First Response Time", "Response Time (hrs)"])
    assert found.source == "helpscout_conversations"
    first = found.primary.spec("first_response_minutes")
    assert first.header == "First Response Time" and first.parse_as == ParseAs.DURATION
    only_hours = detect([*base, "Response Time (hrs)"]).primary.spec("first_response_minutes")
    assert (only_hours.header, only_hours.unit) == ("Response Time (hrs)", "hours")


def test_front_archived_at_and_reply_time() -> None:
    headers = ["Conversation ID", "Created at", "Archived at", "Assignee", "Inbox", "Tags",
               "Reply time (h)"]  # fmt: skip
    found = detect(headers)
    assert found.primary.kind == T
    assert found.primary.header_for("resolved_at") == "Archived at"
    reply = found.primary.spec("first_response_minutes")
    assert (reply.header, reply.unit) == ("Reply time (h)", "hours")
    assert "Inbox" in found.primary.keep


def test_zoho_first_response_time_is_a_timestamp() -> None:
    headers = ["Ticket Id", "Subject", "Status", "Priority", "Channel", "Department",
               "Ticket Owner", "Created Time", "Closed Time", "First Response Time"]  # fmt: skip
    sample = pd.DataFrame([["1", "A", "Closed", "High", "Email", "Support", "Anna",
                            "2024-03-01T10:00:00.000Z", "2024-03-01T15:00:00.000Z",
                            "2024-03-01T11:00:00.000Z"]], columns=headers)  # fmt: skip
    found = detect(headers, sample=sample)
    assert found.source == "zoho_desk_tickets"
    spec = found.primary.spec("first_response_at")
    assert spec.header == "First Response Time" and spec.parse_as == ParseAs.DATETIME
    assert found.primary.spec("first_response_minutes") is None


def test_zendesk_product_list_field_is_the_product() -> None:
    headers = ["Id", "Requester", "Assignee", "Group", "Status", "Priority", "Via",
               "Ticket type", "Created at", "Solved at", "Product [list]",
               "Plan [list]"]  # fmt: skip
    found = detect(headers)
    assert found.source == "zendesk_tickets"
    tickets = found.primary
    assert tickets.header_for("product") == "Product [list]"
    assert "Ticket type" in tickets.keep and "Plan [list]" in tickets.keep


def test_agent_and_score_alone_are_not_a_qa_review_file() -> None:
    """A CSAT export with an agent column is customer-rated: reading it as QA reviews would put
    customer ratings on the company side of the Delivery gap (found with an unseen export)."""
    found = detect(["Response ID", "Ticket ID", "Date", "Agent", "Score", "Comment"])
    assert found.primary.kind == S


def test_a_ticket_export_with_a_rating_column_is_read_as_tickets() -> None:
    """Created + Resolved make it a ticket export: the tickets load and the ratings in it become
    survey answers, instead of a weak ratings-profile match keeping only the rated rows."""
    sample = pd.DataFrame({
        "Ticket ID": ["1", "2", "3"], "Created": ["2024-03-01 09:00"] * 3,
        "Resolved": ["2024-03-02 10:00", "", "2024-03-03 11:00"], "Agent": ["Ann", "Bo", "Ann"],
        "Rating": ["5", "", ""],
    })  # fmt: skip
    found = detect(list(sample.columns), sample=sample)
    assert found.primary.kind == T
    assert found.primary.header_for("created_at") == "Created"
    assert found.primary.header_for("resolved_at") == "Resolved"
    assert [m.kind for m in found.mappings] == [T, S]


def test_a_qa_sheet_with_a_qa_score_header_is_still_reviews() -> None:
    found = detect(["Agent", "Date", "QA score", "Ticket ID"])
    assert found.source == "klaus_reviews" and found.primary.kind == R


def test_a_repeated_header_left_unused_gets_a_note() -> None:
    """'Date' twice: the reader names the second 'Date.1', which was ignored without a word."""
    found = detect(["Ticket", "Date", "Date.1", "Agent"])
    assert found.primary.header_for("created_at") == "Date"
    notes = [n for n in found.notes if n.startswith("Two columns are named 'Date'")]
    assert len(notes) == 1 and "'Date.1'" in notes[0]
    plain = detect(["Ticket", "Date", "Version.1", "Agent"])  # no 'Version': a real name
    assert not any(n.startswith("Two columns") for n in plain.notes)
