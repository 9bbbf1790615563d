"""Words that classify a header: duration units, business hours, survey questions, segments.

All words are compared against `synonyms.normalise`d text, as whole words for alphabetic
scripts and as substrings for Chinese (see `has_word`). Languages as in `synonyms`.
"""

from __future__ import annotations

import re
from functools import lru_cache

from dashboard.sources.synonyms import normalise, words

# Duration units written in a header ("First reply time in minutes", "Svartid (timer)").
UNIT_WORDS: dict[str, tuple[str, ...]] = {
    "hms": words("hh mm ss | hh mm | h mm ss | hhmmss"),
    "seconds": words(
        "seconds | second | secs | sec | s | sekunder | sek | sekunden | sekundy | sekund | 秒"
    ),
    "minutes": words(
        "minutes | minute | mins | min | m | minutter | minuter | minuten | minuty | minut | 分钟"
    ),
    "hours": words(
        "hours | hour | hrs | hr | h | t | timer | timmar | timme | stunden | stunde | std | "
        "godziny | godzin | godz | 小时"
    ),
}

# A duration "within business hours" goes to the *_business_minutes column.
BUSINESS_WORDS = words(
    "business hours | within business hours | business | office hours | working hours | "
    "bhrs | ooo | arbeidstid | åpningstid | åbningstid | arbejdstid | kontorstid | "
    "geschäftszeit | geschäftszeiten | godziny pracy | godzinach pracy | 工作时间 | 工作时段"
)
CALENDAR_WORDS = words("calendar | kalender | kalendarz | 日历")

# Survey question text -> survey type. NPS is checked first ("recommend" is unambiguous).
QUESTION_WORDS: dict[str, tuple[str, ...]] = {
    "nps": words(
        "nps | recommend | recommendation | net promoter | anbefale | anbefaler | "
        "rekommendera | rekommenderar | empfehlen | weiterempfehlen | weiterempfehlung | "
        "polecić | polecenia | poleciłbyś | poleciłabyś | 推荐 | 净推荐值"
    ),
    "ces": words(
        "ces | effort | easy | easily | how easy | enkelt | lett | innsats | nemt | "
        "anstrengelse | lätt | enkel | ansträngning | einfach | leicht | aufwand | łatwo | "
        "łatwe | wysiłek | 容易 | 轻松 | 费力"
    ),
    "csat": words(
        "csat | satisfied | satisfaction | satisfy | happy | happiness | rate | rating | "
        "fornøyd | tilfreds | tilfredshet | tilfredshed | nöjd | nöjdhet | zufrieden | "
        "zufriedenheit | zadowolony | zadowolona | zadowolenie | ocena | oceń | 满意 | 满意度 | "
        "评分"
    ),
}
COMMENT_WORDS = words(
    "why | comment | comments | feedback | anything else | tell us | "
    "open ended response | other please specify | hvorfor | kommentar | "
    "tilbakemelding | tilbagemelding | varför | warum | anmerkung | dlaczego | "
    "komentarz | uwagi | 为什么 | 意见 | 建议 | 评论"
)

# A header containing one of these is not a segment (ids, free text, dates, numbers).
NOT_SEGMENT_WORDS = words(
    "id | ids | key | number | no | nr | email | e mail | mail | phone | mobile | "
    "telefon | subject | description | comment | comments | body | text | message | "
    "summary | title | name | url | link | ip | ip address | address | latitude | "
    "longitude | date | time | at | timestamp | datetime | created | updated | dato | datum | "
    "interactions | interaksjoner | kundeinteraksjoner | agentinteraksjoner | interaktionen | "
    "kundeninteraktionen | agenteninteraktionen | interaktioner | "
    "data | tid | zeit | czas | count | score | minutes | hours | seconds | duration | "
    "emne | beskrivelse | beskrivning | ämne | betreff | beschreibung | temat | opis | "
    "zusammenfassung | sammendrag | sammanfattning | ticketname | "
    "navn | namn | nazwa | imię | nazwisko | adresse | adres | 主题 | 描述 | 标题 | 时间 | 日期 | "
    "编号 | 邮箱 | 电话 | 姓名 | 内容"
)

# File names of QA self-assessments ("self-assessment-q1.csv", "selvevaluering.xlsx").
SELF_WORDS = words(
    "self | selfassessment | self assessment | self review | self evaluation | "
    "selvevaluering | selvvurdering | egenvurdering | självskattning | självbedömning | "
    "selbstbewertung | selbsteinschätzung | samoocena | 自评 | 自我评估"
)

_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff]")


@lru_cache(maxsize=8192)
def has_word(text: str, word: str) -> bool:
    """Whether normalised `text` contains `word` as whole words (substring for Chinese)."""
    text, word = normalise(text), normalise(word)
    if not word:
        return False
    if _CJK.search(word):
        return word in text
    return re.search(rf"(?<!\w){re.escape(word)}(?!\w)", text) is not None


def has_any(text: str, words: tuple[str, ...]) -> bool:
    """Whether `text` contains any of `words` (see `has_word`)."""
    return any(has_word(text, w) for w in words)


def unit_from_header(header: str) -> str | None:
    """The duration unit a header names ("... in minutes" -> "minutes"), or None.

    Single letters ("h", "m", "s") count only inside brackets ("Time (h)"), so "First reply
    time" is not read as a unit.
    """
    bracket = " ".join(re.findall(r"[(\[]([^)\]]*)[)\]]", header))
    for unit, names in UNIT_WORDS.items():
        for w in names:
            if has_word(bracket if len(w) == 1 else header, w):
                return unit
    return None


def is_business(header: str) -> bool:
    """Whether a duration header says it counts business (office) hours only."""
    return has_any(header, BUSINESS_WORDS) and not has_any(header, CALENDAR_WORDS)


def question_type(text: str) -> str | None:
    """The survey type a question text asks about ("nps", "ces", "csat"), or None."""
    for survey_type, vocab in QUESTION_WORDS.items():
        if has_any(text, vocab):
            return survey_type
    return None


def is_comment_question(text: str) -> bool:
    """Whether a question text asks for free text (why, comments, feedback)."""
    return has_any(text, COMMENT_WORDS)


def is_segment_header(header: str) -> bool:
    """Whether a header names low-cardinality text worth keeping as a segment.

    A header naming a duration unit ("Svartid (t)") holds numbers, not a segment.
    """
    return not has_any(header, NOT_SEGMENT_WORDS) and unit_from_header(header) is None


def is_self_assessment(file_name: str) -> bool:
    """Whether a file name says it holds QA self-assessments."""
    stem = re.sub(r"\.[A-Za-z0-9]+$", "", file_name)
    return has_any(stem, SELF_WORDS) or "selfassessment" in normalise(stem).replace(" ", "")
