"""Profiles of company-rated quality files: Zendesk QA (Klaus) reviews and self-assessments.

Zendesk QA has no documented CSV layout; this one follows its Export API fields (review id,
conversation external id, reviewee, reviewer, score, created, scorecard) with the labels its
dashboards use, and accepts common alternatives for the score ("IQS", "Review score",
"Rating %"). Review scores end up on 0-100 (the load step rescales fractions and 1-5 scales).
"""

from __future__ import annotations

from dashboard.schema import TableKind
from dashboard.sources.model import ParseAs, Profile, TableRule, rule

R = TableKind.REVIEWS

_SCORE = (
    "Score",
    "Review score",
    "IQS",
    "Rating %",
    "Review score %",
    "Score %",
    "Internal quality score",
    "QA score",
    "Quality score",
    "Total score",
)
_REVIEWEE = ("Reviewee", "Reviewee name", "Reviewee email", "Agent", "Agent name")
_REVIEWER = ("Reviewer", "Reviewer name", "Reviewer email")
# "Agent" and "Score" alone are a ticket or a CSAT file as often as a QA one ("Agent, Rating"
# in a ticket export, "Agent, Score" in a survey export): a review file also names something
# only reviews have, else customer ratings would become company ratings on the Delivery gap.
_QA_ONLY = (
    *_REVIEWER,
    "Reviewee",
    "Reviewee name",
    "Reviewee email",
    "Review ID",
    "Review id",
    "Scorecard",
    "Scorecard name",
    "IQS",
    "Review score",
    "Review score %",
    "QA score",
    "Internal quality score",
    "Quality score",
    "Review created",
    "Review date",
    "Reviewed at",
)

KLAUS = Profile(
    key="klaus_reviews",
    label="Zendesk QA (Klaus) reviews",
    required=(_REVIEWEE, _SCORE, _QA_ONLY),
    optional=(
        _REVIEWER,
        ("Review ID", "Review id"),
        ("Conversation external ID", "External ID", "Conversation ID", "Ticket ID"),
        ("Scorecard", "Scorecard name"),
        ("Created", "Created at", "Review created", "Review date", "Reviewed at"),
        ("Source type",),
        ("Conversation URL", "External URL"),
        ("Comment",),
        ("Updated",),
        ("Review time",),
        ("Workspace",),
        ("Review type",),
    ),
    tables=(
        TableRule(
            R,
            (
                rule("review_id", "Review ID", "Review id"),
                rule(
                    "ticket_id",
                    "Conversation external ID",
                    "External ID",
                    "Conversation ID",
                    "Ticket ID",
                ),
                rule(
                    "reviewed_at",
                    "Created",
                    "Created at",
                    "Review created",
                    "Review date",
                    "Reviewed at",
                    "Date",
                ),
                rule("score", *_SCORE, parse_as=ParseAs.NUMBER),
                rule("reviewer", *_REVIEWER),
                rule("agent", *_REVIEWEE),
                rule("scorecard", "Scorecard", "Scorecard name"),
                rule("review_type", "Review type"),
                rule("team", "Reviewee group", "Group", "Team"),
            ),
            constants={"review_type": "qa"},
            keep=("Workspace", "Source type"),
        ),
    ),
    notes=("Zendesk QA times are UTC; scores are taken as percent (0-100).",),
    min_match=3,
)

_SELF_SCORE = (
    "Self score",
    "Self-assessment score",
    "Self assessment score",
    "Self rating",
    "Self-review score",
    "Egenvurdering",
    "Selvvurdering",
    "Selvevaluering",
    "Självskattning",
    "Selbstbewertung",
    "Samoocena",
    "自评分",
    "自评得分",
)
SELF_ASSESSMENT = Profile(
    key="qa_self_assessment",
    label="QA self-assessments",
    required=(_SELF_SCORE,),
    optional=(
        ("Agent", "Agent name", "Reviewee", "Name"),
        ("Date", "Assessment date", "Created at"),
        ("Ticket ID", "Conversation ID", "Ticket"),
        ("Scorecard", "Form"),
        ("Team",),
    ),
    tables=(
        TableRule(
            R,
            (
                rule("review_id", "Assessment ID", "Review ID"),
                rule("ticket_id", "Ticket ID", "Conversation ID", "Ticket"),
                rule("reviewed_at", "Assessment date", "Date", "Created at", "Submitted at"),
                rule("score", *_SELF_SCORE, parse_as=ParseAs.NUMBER),
                rule("agent", "Agent", "Agent name", "Reviewee", "Name"),
                rule("scorecard", "Scorecard", "Form"),
                rule("team", "Team"),
            ),
            constants={"review_type": "self"},
        ),
    ),
    notes=("Self-assessments are the agent's own rating of their work (review type 'self').",),
    min_match=2,
)

PROFILES: tuple[Profile, ...] = (KLAUS, SELF_ASSESSMENT)
