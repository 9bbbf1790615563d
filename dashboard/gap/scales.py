"""One scale for company-rated and customer-rated service: a 0–100 score and a "rated good" flag.

The delivery gap compares what the company thinks of its service with what customers say, so
every rating first becomes the same two things: a score from 0 (worst) to 100 (best), and whether
it counts as "rated good". The mapping is stated in words (`ScaleMapping.score_text`,
`good_text`, `bad_text`) so the UI shows exactly what was done.

Company-rated sources:
- QA: internal review scores, already 0–100 in the canonical reviews table (a review without a
  `review_type` counts as QA); good = score ≥ the pass mark (`Settings.qa_pass_mark`, 80).
- Self-assessment: reviews whose `review_type` says "self" ("self", "Self-review"), same
  mapping as QA.
- SLA met: "the promise we think we kept": met = 100 and good, breached = 0; tickets whose SLA
  was not evaluated are left out.

Customer-rated sources (surveys; each answer keeps its own scale_min..scale_max):
- CSAT: (s − min) / (max − min) · 100, so 1–5 gives (s − 1)/4 · 100 and Good/Bad gives 100/0;
  good = top-2-box (top box only on scales of 3 points or fewer); bad = bottom-2-box (bottom box
  on 3 points or fewer).
- NPS 0–10: s · 10; good = promoter (9–10); bad = detractor (0–6).
- CES: the canonical score is oriented so that higher means EASIER (less effort), so the same
  linear map gives 100 = easiest; good = top-2-box ("easy"), bad = bottom-2-box.

A ticket answered several times on one question keeps its latest answer (what helpdesks show).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

import ibis
from ibis import _

from dashboard.config import Settings
from dashboard.schema import TableKind
from dashboard.store import Dataset

# Columns of every rating table built here, before the segment columns.
RATING_COLUMNS: tuple[str, ...] = ("ticket_id", "rated_at", "score", "is_good", "is_bad")
# Columns of the rated ticket that survey rows carry when tickets are loaded (see `store`).
TICKET_CONTEXT: tuple[str, ...] = ("ticket_created_at", "ticket_resolved_at", "ticket_sla_met")


class CompanySource(StrEnum):
    """Company-rated service: how the company judges its own conversations."""

    QA = "qa"  # internal QA review scores
    SELF = "self"  # agents' self-assessments
    SLA = "sla"  # SLA met on the ticket ("the promise we think we kept")


class CustomerSource(StrEnum):
    """Customer-rated service: the survey question the customer answered."""

    CSAT = "csat"  # satisfaction, any scale
    NPS = "nps"  # likelihood to recommend, 0–10
    CES = "ces"  # customer effort, oriented so that higher is easier


class Measure(StrEnum):
    """Which number stands for a side of the gap."""

    SCORE = "score"  # mean 0–100 score
    GOOD = "good"  # share rated good, in percent


@dataclass(frozen=True, slots=True)
class ScaleMapping:
    """How one source was put on the common scale, in words for the UI."""

    source: str
    label: str
    score_text: str
    good_text: str
    bad_text: str


def company_mapping(source: CompanySource, settings: Settings) -> ScaleMapping:
    """The stated mapping of a company-rated source onto 0–100 and "rated good"."""
    mark = f"{settings.qa_pass_mark:g}"
    if source is CompanySource.SLA:
        return ScaleMapping(
            source.value, "SLA met", "SLA met = 100, breached = 0 (not evaluated: left out)",
            "good = SLA met", "bad = SLA breached",
        )  # fmt: skip
    label = "QA review score" if source is CompanySource.QA else "Self-assessment score"
    return ScaleMapping(
        source.value, label, "score as given, 0–100",
        f"good = score ≥ {mark} (the pass mark)", f"bad = score < {mark}",
    )  # fmt: skip


def customer_mapping(source: CustomerSource) -> ScaleMapping:
    """The stated mapping of a customer-rated source onto 0–100 and "rated good"."""
    linear = "(score − lowest) ÷ (highest − lowest) × 100"
    if source is CustomerSource.NPS:
        return ScaleMapping(
            source.value, "NPS answer", "0–10 × 10", "good = promoter (9–10)",
            "bad = detractor (0–6)",
        )  # fmt: skip
    if source is CustomerSource.CES:
        return ScaleMapping(
            source.value, "Customer effort", f"{linear}; higher = less effort (easier)",
            "good = top-2-box (easy)", "bad = bottom-2-box (hard)",
        )  # fmt: skip
    return ScaleMapping(
        source.value, "CSAT", f"{linear}: 1–5 → (s − 1) ÷ 4 × 100, Good/Bad → 100/0",
        "good = top-2-box (top box on scales of 3 points or fewer)",
        "bad = bottom-2-box (bottom box on scales of 3 points or fewer)",
    )  # fmt: skip


def segment_columns(dataset: Dataset, kind: TableKind) -> tuple[str, ...]:
    """Segment columns of a loaded table (what a rating table carries along)."""
    return tuple(dataset.segment_columns(kind))


def company_ratings(dataset: Dataset, source: CompanySource, settings: Settings) -> ibis.Table:
    """One row per company rating: ticket_id, rated_at, score 0–100, is_good, is_bad, segments.

    Rows without a score (or without an evaluated SLA) are left out. Reviews are placed in time
    by `reviewed_at`, SLA results by the ticket's `created_at`.
    """
    if source is CompanySource.SLA:
        t = dataset.table(TableKind.TICKETS).filter(_.sla_met.notnull())
        segs = segment_columns(dataset, TableKind.TICKETS)
        return t.select(
            ticket_id=_.ticket_id,
            rated_at=_.created_at,
            score=ibis.ifelse(_.sla_met, 100.0, 0.0),
            is_good=_.sla_met,
            is_bad=~_.sla_met,
            **{c: t[c] for c in segs},
        )
    t = dataset.table(TableKind.REVIEWS).filter(_.score.notnull())
    # "self", "Self-review", "self assessment": any review type naming the agent's own rating
    is_self = _.review_type.lower().contains("self").fill_null(False)
    t = t.filter(is_self if source is CompanySource.SELF else ~is_self)
    segs = segment_columns(dataset, TableKind.REVIEWS)
    mark = float(settings.qa_pass_mark)
    return t.select(
        ticket_id=_.ticket_id,
        rated_at=_.reviewed_at,
        score=_.score.cast("float64"),
        is_good=_.score >= mark,
        is_bad=_.score < mark,
        **{c: t[c] for c in segs},
    )


def customer_ratings(dataset: Dataset, source: CustomerSource) -> ibis.Table:
    """One row per customer answer: ticket_id, rated_at, score 0–100, is_good, is_bad, segments.

    Also carries customer_id and, when tickets are loaded, the rated ticket's created/resolved
    time and SLA result (`TICKET_CONTEXT`).

    Answers without a score or a usable scale (max > min) are left out. Answers that rate a
    ticket keep only the ticket's latest answer to this question; answers without a ticket
    (relationship surveys) are all kept.
    """
    t = dataset.table(TableKind.SURVEYS)
    t = t.filter(
        (t.survey_type.lower() == source.value)
        & t.score.notnull()
        & t.scale_min.notnull()
        & (t.scale_max > t.scale_min)
    )
    latest = ibis.row_number().over(
        group_by=t.ticket_id, order_by=[t.responded_at.desc(), t.response_id.desc()]
    )
    t = t.mutate(_rank=latest).filter((_._rank == 0) | _.ticket_id.isnull())
    segs = segment_columns(dataset, TableKind.SURVEYS)
    context = {c: t[c] for c in TICKET_CONTEXT if c in t.columns}
    lo, hi = t.scale_min, t.scale_max
    if source is CustomerSource.NPS:
        good, bad = t.score >= 9, t.score <= 6
    else:
        short = (hi - lo) <= 2  # three points or fewer: top/bottom box only
        good = ibis.ifelse(short, t.score >= hi, t.score >= hi - 1)
        bad = ibis.ifelse(short, t.score <= lo, t.score <= lo + 1)
    return t.select(
        ticket_id=t.ticket_id,
        rated_at=t.responded_at,
        score=((t.score - lo) / (hi - lo) * 100.0).cast("float64"),
        is_good=good,
        is_bad=bad,
        customer_id=t.customer_id,
        **context,
        **{c: t[c] for c in segs if c not in context},
    )
