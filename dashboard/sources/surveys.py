"""Profiles of survey-tool exports: Qualtrics, SurveyMonkey, Typeform and Delighted.

The satisfaction exports of helpdesks are in `satisfaction.py`.

Survey tools (`questions=True`) name their rating columns after the question, so the rating,
comment and id columns are found by question text (see `questions.py`); every rating question
becomes one SURVEYS mapping.
"""

from __future__ import annotations

from dashboard.schema import TableKind
from dashboard.sources.model import Profile, TableRule, entries, rule

S = TableKind.SURVEYS

QUALTRICS = Profile(
    key="qualtrics",
    label="Qualtrics survey responses",
    required=(("StartDate",), ("EndDate",), ("ResponseId", "Response ID")),
    optional=entries(
        "Status | IPAddress | Progress | Duration (in seconds) | Finished | RecordedDate | "
        "RecipientLastName | RecipientFirstName | RecipientEmail | ExternalReference | "
        "LocationLatitude | LocationLongitude | DistributionChannel | UserLanguage"
    ),
    tables=(
        TableRule(
            S,
            (
                rule("response_id", "ResponseId", "Response ID"),
                rule("responded_at", "RecordedDate", "EndDate", "Recorded Date", "End Date"),
                rule(
                    "customer_id",
                    "RecipientEmail",
                    "ExternalReference",
                    "Recipient Email",
                    "External Data Reference",
                ),
            ),
            keep=("DistributionChannel", "UserLanguage"),
            preview_column=("Status", "Response Type"),
            finished_column=("Finished",),
            questions=True,
        ),
    ),
    notes=(
        "Qualtrics writes its time zone in the third header row; previews and unfinished "
        "responses are left out.",
    ),
    vocab={
        "Status": ("IP Address", "Survey Preview", "Spam", "Imported"),
        "Finished": ("True", "False", "1", "0"),
    },
    marker="ImportId",
)

SURVEYMONKEY = Profile(
    key="surveymonkey",
    label="SurveyMonkey responses",
    required=(("Respondent ID",), ("Collector ID",)),
    optional=entries(
        "Start Date | End Date | IP Address | Email Address | First Name | Last Name | "
        "Custom Data 1"
    ),
    tables=(
        TableRule(
            S,
            (
                rule("response_id", "Respondent ID"),
                rule("responded_at", "End Date", "Start Date"),
                rule("customer_id", "Email Address"),
            ),
            questions=True,
        ),
    ),
    notes=("SurveyMonkey answers are label text by default; the scale is read from the labels.",),
    min_match=2,
)

TYPEFORM = Profile(
    key="typeform",
    label="Typeform responses",
    required=(("#",), ("Submit Date (UTC)", "Submitted At")),
    optional=entries("Start Date (UTC) | Network ID | Response Type | Stage Date (UTC) | Tags"),
    tables=(
        TableRule(
            S,
            (
                rule("response_id", "#", "Token"),
                rule("responded_at", "Submit Date (UTC)", "Submitted At"),
            ),
            keep=("Response Type",),
            questions=True,
        ),
    ),
    notes=("Typeform times are UTC.",),
    min_match=2,
)

DELIGHTED = Profile(
    key="delighted",
    label="Delighted survey responses",
    required=(("Response ID", "Response id"), ("Score",)),
    optional=entries(
        "Comment | Created at | Response timestamp | Updated at | Survey type | Person ID | "
        "Email | Name | Tags | Permalink | Notes | Additional answers | Ticket ID"
    ),
    tables=(
        TableRule(
            S,
            (
                rule("response_id", "Response ID", "Response id"),
                rule("score", "Score", survey_type="nps"),
                rule("survey_type", "Survey type"),
                rule("comment", "Comment"),
                rule("responded_at", "Created at", "Response timestamp", "Updated at"),
                rule("customer_id", "Email", "Person ID"),
                rule("ticket_id", "Ticket ID", "Ticket id", "ticket_id"),
            ),
            keep=("Tags",),
        ),
    ),
    notes=(
        "Without a 'Survey type' column the Delighted scores are taken as NPS (0-10), unless "
        "every one of twenty answers or more is 1-5: that is a CSAT project (1-5).",
    ),
    vocab={"Survey type": ("nps", "csat", "ces", "smileys", "thumbs", "pmf", "enps")},
    min_match=3,
)

PROFILES: tuple[Profile, ...] = (QUALTRICS, SURVEYMONKEY, TYPEFORM, DELIGHTED)
