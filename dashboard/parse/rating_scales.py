"""Rating vocabularies: survey answers written as words, each on a known scale.

Scores run from bad to good: for CES, higher means EASIER (agreement with "the company made it
easy to handle my issue", or low effort). Labels are compared folded: case-folded, "_" as a
space, inner whitespace collapsed, trailing "." or "!" dropped ("good_with_comment" ->
"good with comment").

`LABEL_SCALES` is in order of preference: a column takes the first scale whose labels cover all
its words, so {good, bad} is Zendesk's 0-1 scale while {good, okay, bad} is Zoho's 1-3, and
agreement words default to the 7-point CES 2.0 scale (pass scale=(1, 5) for the 5-point one).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class LabelScale:
    """Words on one scale: folded label -> score, with the scale's ends and question type."""

    name: str
    survey_type: str  # csat | ces
    low: float
    high: float
    labels: Mapping[str, float]
    most_words: int | None = None  # a column with more distinct words is not on this scale


def fold(text: str) -> str:
    """Fold a label for comparison ('Good_with_comment ' -> 'good with comment')."""
    text = text.casefold().replace("_", " ").replace("\ufe0f", "")
    return " ".join(text.split()).rstrip(".!")


def without_symbols(label: str) -> str:
    """A folded label without its emoji and symbols when words remain ('😀 great' -> 'great').

    Survey tools decorate answers ("😀 Great", "⭐ Excellent"); the words carry the scale.
    A label that is only emoji (the face scales) is returned as it is.
    """
    if label.isascii():
        return label
    kept = "".join(
        ch for ch in label if not unicodedata.category(ch).startswith(("S", "Cf", "Mn"))
    )
    kept = " ".join(kept.split())
    return kept if any(ch.isalpha() for ch in kept) else label


UNANSWERED_WORDS: frozenset[str] = frozenset(
    {
        "offered", "not offered", "unoffered", "not answered", "unanswered", "no response",
        "no rating", "not rated", "unrated", "skipped", "ikke besvart", "ikke vurdert",
        "brak odpowiedzi", "angeboten", "nicht angeboten", "nicht beantwortet", "tilbudt",
        "ikke tilbudt", "ikke besvaret", "erbjuden", "inte erbjuden", "ej besvarad",
        "zaoferowano", "nie zaoferowano", "未回复", "未评价", "已提供",
        # placeholders a spreadsheet or a BI export writes for "no value"
        "n/a", "na", "n.a", "#n/a", "-", "–", "—", "none", "null", "k.a", "k. a", "ikke relevant",
    }
)  # fmt: skip

_SATISFIED_5 = {
    **dict.fromkeys(("very satisfied", "extremely satisfied", "completely satisfied",
                     "svært fornøyd", "veldig fornøyd", "meget tilfreds", "mycket nöjd",
                     "sehr zufrieden", "bardzo zadowolony", "非常满意", "很满意"), 5.0),
    **dict.fromkeys(("satisfied", "somewhat satisfied", "fornøyd", "tilfreds", "nöjd",
                     "zufrieden", "zadowolony", "raczej zadowolony", "满意", "比较满意"), 4.0),
    **dict.fromkeys(("neutral", "neither satisfied nor dissatisfied", "nøytral",
                     "hverken tilfreds eller utilfreds", "varken nöjd eller missnöjd",
                     "weder zufrieden noch unzufrieden", "neutralny",
                     "ani zadowolony, ani niezadowolony", "一般"), 3.0),
    **dict.fromkeys(("dissatisfied", "unsatisfied", "somewhat dissatisfied", "misfornøyd",
                     "utilfreds", "missnöjd", "unzufrieden", "niezadowolony",
                     "raczej niezadowolony", "不满意", "不太满意"), 2.0),
    **dict.fromkeys(("very dissatisfied", "very unsatisfied", "extremely dissatisfied",
                     "completely dissatisfied", "svært misfornøyd", "veldig misfornøyd",
                     "meget utilfreds", "mycket missnöjd", "sehr unzufrieden",
                     "bardzo niezadowolony", "非常不满意", "很不满意"), 1.0),
}  # fmt: skip
_SATISFIED_7 = {
    "extremely satisfied": 7.0, "moderately satisfied": 6.0, "slightly satisfied": 5.0,
    "neither satisfied nor dissatisfied": 4.0, "slightly dissatisfied": 3.0,
    "moderately dissatisfied": 2.0, "extremely dissatisfied": 1.0,
}  # fmt: skip
_FACES_3 = {
    **dict.fromkeys(("😀", "😃", "😄", "😊", "🙂", "😍"), 3.0),
    "😐": 2.0,
    **dict.fromkeys(("😞", "🙁", "☹", "😠", "😡", "😢"), 1.0),
}  # fmt: skip
_FACES_5 = {
    **dict.fromkeys(("😍", "🤩", "😄", "😃", "😀"), 5.0),
    **dict.fromkeys(("🙂", "😊"), 4.0),
    "😐": 3.0,
    **dict.fromkeys(("🙁", "😕", "☹", "😞"), 2.0),
    **dict.fromkeys(("😡", "😠", "😢"), 1.0),
}  # fmt: skip

LABEL_SCALES: tuple[LabelScale, ...] = (
    LabelScale("good/bad (Zendesk)", "csat", 0.0, 1.0, {
        "good": 1.0, "good with comment": 1.0, "bad": 0.0, "bad with comment": 0.0,
        "👍": 1.0, "👎": 0.0,
        # the same two answers in the languages our users' helpdesks run in
        "gut": 1.0, "gut mit kommentar": 1.0, "schlecht": 0.0, "schlecht mit kommentar": 0.0,
        "bra": 1.0, "bra med kommentar": 1.0, "dårlig": 0.0, "dårlig med kommentar": 0.0,
        "god": 1.0, "god med kommentar": 1.0, "dålig": 0.0, "dålig med kommentar": 0.0,
        "dobra": 1.0, "dobrze": 1.0, "zła": 0.0, "źle": 0.0, "好": 1.0, "差": 0.0,
        "bon": 1.0, "bien": 1.0, "mauvais": 0.0, "bueno": 1.0, "malo": 0.0,
    }),
    LabelScale("good/okay/bad (Zoho)", "csat", 1.0, 3.0, {
        "good": 3.0, "okay": 2.0, "ok": 2.0, "bad": 1.0,
        "gut": 3.0, "schlecht": 1.0, "bra": 3.0, "greit": 2.0, "dårlig": 1.0,
    }),
    LabelScale("great/okay/bad (Help Scout)", "csat", 1.0, 3.0, {
        "great": 3.0, "okay": 2.0, "ok": 2.0, "bad": 1.0,
    }),
    LabelScale("awesome/just okay/not good (Freshdesk)", "csat", 1.0, 3.0, {
        "awesome": 3.0, "just okay": 2.0, "not good": 1.0,
        "fantastisk": 3.0, "helt greit": 2.0, "greit": 2.0, "ikke bra": 1.0,
        "fantastisch": 3.0, "ganz okay": 2.0, "nicht gut": 1.0,
        "génial": 3.0, "neutre": 2.0, "pas satisfait": 1.0, "pas bien": 1.0,
        "genial": 3.0, "normal": 2.0, "no está bien": 1.0, "insatisfecho": 1.0,
    }),
    LabelScale("very satisfied .. very dissatisfied", "csat", 1.0, 5.0, _SATISFIED_5),
    LabelScale("extremely .. slightly satisfied (7 points)", "csat", 1.0, 7.0, _SATISFIED_7),
    LabelScale("excellent .. poor", "csat", 1.0, 5.0, {
        "excellent": 5.0, "very good": 4.0, "good": 3.0, "fair": 2.0, "poor": 1.0,
        "very poor": 1.0,
    }),
    LabelScale("three faces", "csat", 1.0, 3.0, _FACES_3, most_words=3),
    LabelScale("five faces", "csat", 1.0, 5.0, _FACES_5),
    LabelScale("extremely happy .. extremely unhappy (Freshdesk)", "csat", 1.0, 7.0, {
        "extremely happy": 7.0, "very happy": 6.0, "happy": 5.0, "neutral": 4.0,
        "unhappy": 3.0, "very unhappy": 2.0, "extremely unhappy": 1.0,
    }),
    LabelScale("strongly agree .. strongly disagree (CES 7)", "ces", 1.0, 7.0, {
        "strongly agree": 7.0, "agree": 6.0, "somewhat agree": 5.0,
        "neither agree nor disagree": 4.0, "neutral": 4.0, "somewhat disagree": 3.0,
        "disagree": 2.0, "strongly disagree": 1.0,
    }),
    LabelScale("strongly agree .. strongly disagree (CES 5)", "ces", 1.0, 5.0, {
        "strongly agree": 5.0, "agree": 4.0, "neither agree nor disagree": 3.0,
        "neutral": 3.0, "disagree": 2.0, "strongly disagree": 1.0,
    }),
    LabelScale("very easy .. very difficult (CES 5)", "ces", 1.0, 5.0, {
        "very easy": 5.0, "easy": 4.0, "neither easy nor difficult": 3.0, "neutral": 3.0,
        "difficult": 2.0, "very difficult": 1.0, "very low effort": 5.0, "low effort": 4.0,
        "moderate effort": 3.0, "high effort": 2.0, "very high effort": 1.0,
    }),
)  # fmt: skip

# Freshdesk custom-survey API codes for the 7-point scale.
FRESHDESK_CODES: Mapping[float, float] = {
    103.0: 7.0, 102.0: 6.0, 101.0: 5.0, 100.0: 4.0, -101.0: 3.0, -102.0: 2.0, -103.0: 1.0,
}  # fmt: skip

_NUMBER = r"(\d+(?:[.,]\d+)?)"
_OUT_OF = re.compile(_NUMBER + r"\s*(?:/|out of|of|av|z|von|sur)\s*(\d+)")
_STARS = re.compile(_NUMBER + r"\s*(?:stars?|★|⭐|stjerner?|gwiazdk\w*|sterne?|étoiles?)")
_PLAIN = re.compile(r"[+-]?" + _NUMBER)
_ANCHORED = re.compile(_NUMBER + r"\s*[-–—=:]\s*[^\d\s].*")


def read_number(text: str) -> tuple[float, float | None] | None:
    """(score, denominator or None) from '4', '4,5', '4/5', '4 out of 5', '5 stars', '★★★★☆'."""
    folded = text.casefold().strip()
    if folded and set(folded) <= {"★", "☆"}:
        # "★★★☆☆" says its scale; "★★★" alone is a count (the column's range decides)
        out_of = float(len(folded)) if "☆" in folded else None
        return float(folded.count("★")), out_of
    if folded and set(folded) == {"⭐"}:
        return float(len(folded)), None
    if m := _OUT_OF.fullmatch(folded):
        return float(m.group(1).replace(",", ".")), float(m.group(2))
    if m := _STARS.fullmatch(folded):
        return float(m.group(1).replace(",", ".")), None
    if _PLAIN.fullmatch(folded):
        return float(folded.replace(",", ".")), None
    if m := _ANCHORED.fullmatch(folded):  # "10 - extremely likely", "1 = very dissatisfied"
        return float(m.group(1).replace(",", ".")), None
    return None


def numeric_scale(
    scores: list[float], survey_type: str, counts: list[int] | None = None
) -> tuple[float, float] | None:
    """The scale plain numbers are on, from their range (None: no known scale fits).

    NPS is 0-10. CES: top <= 5 -> 1-5, else 1-7. Otherwise: top <= 1 -> 0-1 (fractions or
    good=1/bad=0); a 0 with top 6-10 -> 0-10; top <= 5 -> 1-5; <= 7 -> 1-7; <= 10 -> 1-10;
    <= 100 -> 0-100 (percent scores).

    With `counts` (answers per score), a few stray values do not stretch the scale: when nine
    in ten answers or more lie on a smaller scale (1-5 or 1-7), that is the scale and the rest
    are out of it. A real 1-7 or 0-10 question has far more answers above 5 (satisfaction runs
    high); a 1-5 question with a "6 = not applicable" code or a typo does not.
    """
    if survey_type == "nps":
        return (0.0, 10.0)
    found = _by_range(scores, survey_type)
    if counts is None or found is None or found[1] <= 5 or found == (0.0, 1.0):
        return found
    total = sum(counts)
    for low, high in ((1.0, 5.0), (1.0, 7.0)):
        if high >= found[1]:
            break
        inside = sum(c for v, c in zip(scores, counts, strict=True) if low <= v <= high)
        if inside >= STRAY_SHARE * total and inside < total:
            return (low, high)
    return found


STRAY_SHARE = 0.9  # answers that must lie on a smaller scale for the rest to count as strays

_HEADER_SCALE = re.compile(
    r"(?<![\w.,])([01])\s*(?:[-\u2010-\u2015]|to|til|till|bis|do|à|a|–)\s*(5|7|10)(?![\d.,])",
    re.IGNORECASE,
)


def scale_from_header(header: str | None) -> tuple[float, float] | None:
    """The scale a header states ("Rating (1-5)", "Tilfredshet (1–5)", "0 to 10"), or None."""
    m = _HEADER_SCALE.search(header or "")
    return (float(m.group(1)), float(m.group(2))) if m else None


def _by_range(scores: list[float], survey_type: str) -> tuple[float, float] | None:
    top, bottom = max(scores), min(scores)
    if survey_type == "ces":
        return (1.0, 5.0) if top <= 5 else (1.0, 7.0)
    if top <= 1:
        return (0.0, 1.0)
    if bottom == 0 and 5 < top <= 10:
        return (0.0, 10.0)
    for high in (5.0, 7.0, 10.0):
        if top <= high:
            return (1.0, high)
    return (0.0, 100.0) if top <= 100 else None
