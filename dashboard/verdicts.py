"""Plain-language verdicts: one sentence a manager can say out loud, with the numbers.

All user wording of results lives here: the verdict sentences, the words for every statistical
`Reason` and for every data-quality `IssueCode` (a test checks none is missing).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from dashboard import formatting as fmt
from dashboard.errors import IssueCode
from dashboard.stats import Reason, sample_size

ISSUE_WORDING: dict[IssueCode, str] = {
    IssueCode.MALFORMED_LINE: "line with the wrong number of fields",
    IssueCode.FOOTER: "summary or footer line, not a record",
    IssueCode.REPEATED_HEADER: "header repeated inside the data",
    IssueCode.MISSING_ID: "no id",
    IssueCode.DUPLICATE_ID: "id already seen earlier in the file (first kept)",
    IssueCode.MISSING_DATE: "no date in the main date column",
    IssueCode.UNPARSEABLE_DATE: "main date is not a date",
    IssueCode.SURVEY_PREVIEW: "survey preview or test response",
    IssueCode.NO_RATING: "no rating given",
    IssueCode.INVALID_RATING: "rating outside the scale",
    IssueCode.INVALID_VALUE: "value not understood (left blank, row kept)",
    IssueCode.NEGATIVE_DURATION: "negative duration (left out of time KPIs, row kept)",
    IssueCode.BEFORE_CREATION: "resolved or answered before it was created (row kept)",
    IssueCode.ORPHAN_REFERENCE: "refers to a ticket not in the tickets export (row kept)",
}

REASON_WORDING: dict[Reason, str] = {
    Reason.NO_DATA: "no data in one of the two groups",
    Reason.TOO_FEW: "too few observations to test",
    Reason.NO_VARIATION: "no variation: every observation is the same",
    Reason.TOO_SHORT: "too few periods for a trend (at least 8 are needed)",
    Reason.NOT_A_SAMPLE: "a count of what is open, not a sample: shown, not tested",
}

TINY = {"%": 1.0, "points": 1.0}  # changes below these (points) are "tiny"
TINY_RELATIVE = 0.02  # other units: below 2 % of the earlier value


@dataclass(frozen=True, slots=True)
class Verdict:
    """The sentence, a short label for a badge, a tone for colour, and whether it is real."""

    sentence: str
    label: str
    tone: str  # "good", "bad" or "neutral"
    significant: bool


@dataclass(frozen=True, slots=True)
class Subject:
    """What is being judged: KPI label, unit, what n counts, direction."""

    label: str
    unit: str
    noun: str
    higher_is_better: bool


def verdict(
    subject: Subject,
    before: float,
    after: float,
    interval: str,
    n: tuple[int, int],
    pvalue: float | None,
    reason: Reason | None,
    alpha: float = 0.05,
    min_n: int = 30,
    share: float | None = None,
) -> Verdict:
    """Judge a change from `before` to `after` (in the KPI's unit).

    Args:
        subject: the KPI.
        before, after: the two values in the KPI's unit.
        interval: the change with its interval, already worded ("−5 points, 95 % CI −8 to −2").
        n: observations in each group.
        pvalue: the (adjusted, when many were tested) p-value, None without a test.
        reason: why there is no test, if so.
        share: for rates, the earlier share as a fraction (sizes the "how many needed" hint).
    """
    n1, n2 = n
    counts = f"{fmt.count(n1)} and {fmt.count(n2)} {subject.noun}"
    was, now = fmt.value(before, subject.unit), fmt.value(after, subject.unit)
    if reason == Reason.NOT_A_SAMPLE:
        return Verdict(f"{subject.label} went from {was} to {now} ({REASON_WORDING[reason]}).",
                       "Not tested", "neutral", False)  # fmt: skip
    if reason == Reason.NO_VARIATION:
        return Verdict(f"{subject.label} was {now} in both periods ({counts}): nothing to test.",
                       "No variation", "neutral", False)  # fmt: skip
    if reason is not None or min(n1, n2) < min_n:
        need = _needed(share, subject, min_n)
        return Verdict(f"Too few {subject.noun} to tell ({fmt.count(n1)} and {fmt.count(n2)}); "
                       f"{need}", "Too few data", "neutral", False)  # fmt: skip
    delta = after - before
    if delta == 0:
        verb = "held at"
        text = f"{subject.label} held at {now} ({counts})."
    else:
        verb = "rose" if delta > 0 else "fell"
        text = f"{subject.label} {verb} from {was} to {now} ({interval}; {counts})."
    significant = pvalue is not None and pvalue < alpha
    if not significant:
        return Verdict(f"{text} A change this size could well be chance ({fmt.pvalue(pvalue)}).",
                       "Noise", "neutral", False)  # fmt: skip
    good = (delta > 0) == subject.higher_is_better
    tone = "good" if good else "bad"
    if _tiny(subject.unit, before, delta):
        return Verdict(f"{text} Real, but tiny.", "Tiny but real", tone, True)
    word = "rise" if delta > 0 else "drop"
    return Verdict(f"{text} A {word} this large would be unlikely by chance.",
                   f"Real {word}", tone, True)  # fmt: skip


def _tiny(unit: str, before: float, delta: float) -> bool:
    if unit in TINY:
        return abs(delta) < TINY[unit]
    return before != 0 and abs(delta / before) < TINY_RELATIVE


def _needed(share: float | None, subject: Subject, min_n: int) -> str:
    if share is not None and not math.isnan(share) and 0 < share < 1:
        step = 0.10 if share <= 0.9 else -0.10
        n = sample_size(share, step)
        return f"about {fmt.count(n)} per period are needed to detect a 10-point change."
    return f"at least {min_n} per period are needed for a test."
