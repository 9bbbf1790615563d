"""parse_ratings: scales from labels and numbers, unanswered vs failed, CES direction."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from dashboard.load.columns import parse_column
from dashboard.parse import parse_ratings
from dashboard.parse.rating_scales import scale_from_header
from dashboard.schema import TableKind
from dashboard.sources.specs import make_spec


def _text(values: list[str | None]) -> pd.Series:
    return pd.Series(values, dtype="string")


def _scores(res) -> list[float | None]:
    return [None if pd.isna(v) else float(v) for v in res.score]


def _scale(res) -> set[tuple[float, float]]:
    pairs = zip(res.scale_min, res.scale_max, strict=True)
    return {(a, b) for a, b in pairs if not np.isnan(a)}


def test_zendesk_good_bad_with_offered() -> None:
    values = ["Good", "Bad", "Offered", "Not Offered", "good_with_comment", "Bad with comment",
              None, "unoffered", "meh"]  # fmt: skip
    res = parse_ratings(_text(values))
    assert _scores(res) == [1.0, 0.0, None, None, 1.0, 0.0, None, None, None]
    assert _scale(res) == {(0.0, 1.0)} and res.survey_type == "csat"
    assert res.unanswered.tolist() == [False, False, True, True, False, False, False, True, False]
    assert res.failed.tolist() == [False] * 8 + [True]
    assert res.label.tolist()[0] == "Good"


@pytest.mark.parametrize(
    ("values", "scores", "scale", "kind"),
    [
        (["Great", "Okay", "Bad"], [3, 2, 1], (1, 3), "csat"),  # Help Scout
        (["Good", "Okay", "Bad"], [3, 2, 1], (1, 3), "csat"),  # Zoho
        (["Awesome", "Just Okay", "Not Good"], [3, 2, 1], (1, 3), "csat"),  # Freshdesk classic
        (["Extremely happy", "Neutral", "Very unhappy", "Extremely unhappy"], [7, 4, 2, 1],
         (1, 7), "csat"),  # Freshdesk 7-point
        (["103", "-101", "100"], [7, 3, 4], (1, 7), "csat"),  # Freshdesk API codes
        (["Very satisfied", "Satisfied", "Neither satisfied nor dissatisfied", "Unsatisfied",
          "Very dissatisfied"], [5, 4, 3, 2, 1], (1, 5), "csat"),
        (["svært fornøyd", "Misfornøyd", "meget tilfreds", "bardzo niezadowolony"], [5, 2, 5, 1],
         (1, 5), "csat"),
        (["Strongly agree", "Somewhat agree", "Neither agree nor disagree", "Strongly disagree"],
         [7, 5, 4, 1], (1, 7), "ces"),  # CES 2.0: higher = easier
        (["Very easy", "Difficult"], [5, 2], (1, 5), "ces"),
        (["4", "5", "1"], [4, 5, 1], (1, 5), "csat"),
        (["1", "3", "2"], [1, 3, 2], (1, 5), "csat"),  # numbers only: top <= 5 -> 1-5
        (["1", "6", "7"], [1, 6, 7], (1, 7), "csat"),
        (["1", "9", "10"], [1, 9, 10], (1, 10), "csat"),
        (["0", "7", "10"], [0, 7, 10], (0, 10), "nps"),  # a 0 on 0-10 -> NPS
        (["5 stars", "★★★★☆", "4/5", "3"], [5, 4, 4, 3], (1, 5), "csat"),
        (["87.5", "92"], [87.5, 92], (0, 100), "csat"),  # QA percent scores
    ],
)  # fmt: skip
def test_scales_from_labels_and_numbers(values, scores, scale, kind) -> None:
    res = parse_ratings(_text(values))
    assert _scores(res) == [float(s) for s in scores]
    assert _scale(res) == {(float(scale[0]), float(scale[1]))}
    assert res.survey_type == kind and not res.failed.any()


def test_explicit_scale_and_type_win() -> None:
    res = parse_ratings(_text(["1", "2", "3"]), scale=(1.0, 3.0))
    assert _scale(res) == {(1.0, 3.0)}
    res = parse_ratings(_text(["Agree", "Strongly agree"]), scale=(1.0, 5.0))
    assert _scores(res) == [4.0, 5.0] and res.survey_type == "ces"
    res = parse_ratings(_text(["Good", "Bad"]), scale=(1.0, 3.0))  # Zoho without an Okay
    assert _scores(res) == [3.0, 1.0]
    res = parse_ratings(_text(["3", "9"]), survey_type="nps")
    assert _scale(res) == {(0.0, 10.0)} and res.survey_type == "nps"
    res = parse_ratings(_text(["2", "7"]), survey_type="ces")
    assert _scale(res) == {(1.0, 7.0)} and "easier" in res.note


def test_values_outside_the_scale_fail() -> None:
    res = parse_ratings(_text(["5", "11", "-1"]), survey_type="nps")
    assert res.failed.tolist() == [False, True, True]
    res = parse_ratings(_text(["4", "6"]), scale=(1.0, 5.0))
    assert res.failed.tolist() == [False, True]
    res = parse_ratings(_text(["500", "20"]))  # no known scale reaches 500
    assert res.failed.all()
    # No one scale has both "Good" and "Great": the first scale in preference order that
    # covers the most words (Zendesk good/bad) is used and the other words fail.
    res = parse_ratings(_text(["Good", "Great", "Splendid"]))
    assert res.failed.tolist() == [False, True, True]


def test_caller_labels_and_na_words() -> None:
    res = parse_ratings(
        _text(["😀", "😐", "😞", "skipped", "n/a"]),
        labels={"😀": 3, "😐": 2, "😞": 1},
        na_values=["n/a"],
    )
    assert _scores(res) == [3.0, 2.0, 1.0, None, None]
    assert res.unanswered.tolist() == [False, False, False, True, True]
    assert _scale(res) == {(1.0, 3.0)}


def test_empty_is_neither_unanswered_nor_failed() -> None:
    res = parse_ratings(_text([None, "", "  "]))
    assert not res.failed.any() and not res.unanswered.any() and res.score.isna().all()


def test_bad_arguments_raise() -> None:
    with pytest.raises(ValueError, match="survey_type"):
        parse_ratings(_text(["1"]), survey_type="qa")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="scale"):
        parse_ratings(_text(["1"]), scale=(5.0, 1.0))


@pytest.mark.parametrize(
    ("values", "scores", "scale", "kind"),
    [
        # SurveyMonkey's NPS anchors: the number before the label counts, 0 makes it NPS
        (["10 - Extremely likely", "0 - Not at all likely", "7"], [10, 0, 7], (0, 10), "nps"),
        (["1 - Very dissatisfied", "5 - Very satisfied", "3"], [1, 5, 3], (1, 5), "csat"),
        # stars without empty stars are counts: the column's range gives the scale
        (["★★★★★", "★★★", "★"], [5, 3, 1], (1, 5), "csat"),
        (["😀", "😐", "😞"], [3, 2, 1], (1, 3), "csat"),
        (["😡", "🙁", "😐", "🙂", "😀"], [1, 2, 3, 4, 5], (1, 5), "csat"),
        (["☹️", "😐", "😀"], [1, 2, 3], (1, 3), "csat"),
        (
            ["Extremely satisfied", "Somewhat satisfied", "Neither satisfied nor dissatisfied",
             "Somewhat dissatisfied", "Extremely dissatisfied"],
            [5, 4, 3, 2, 1], (1, 5), "csat",
        ),
        (
            ["Extremely satisfied", "Moderately satisfied", "Slightly satisfied",
             "Neither satisfied nor dissatisfied", "Slightly dissatisfied",
             "Moderately dissatisfied", "Extremely dissatisfied"],
            [7, 6, 5, 4, 3, 2, 1], (1, 7), "csat",
        ),
        (["非常满意", "满意", "一般", "不满意", "非常不满意"], [5, 4, 3, 2, 1], (1, 5), "csat"),
        (["Sehr zufrieden", "Unzufrieden", "Mycket nöjd"], [5, 2, 5], (1, 5), "csat"),
    ],
)  # fmt: skip
def test_survey_tool_answer_forms(values, scores, scale, kind) -> None:
    """Answer forms seen in survey tools' exports land on the scale a person would read."""
    res = parse_ratings(pd.Series(values, dtype="string"))
    assert res.score.tolist() == [float(s) for s in scores]
    assert set(zip(res.scale_min, res.scale_max, strict=True)) == {tuple(map(float, scale))}
    assert res.survey_type == kind
    assert not res.failed.any()


def test_a_stray_value_does_not_stretch_the_scale() -> None:
    """Eighteen 1-5 answers and one 9 (a typo, or Qualtrics' "6 = N/A" code): still 1-5."""
    values = ["5", "4", "5", "3", "2", "5", "4", "1", "5", "4", "4", "5", "3", "5", "4", "2",
              "5", "4", "9"]  # fmt: skip
    res = parse_ratings(_text(values))
    assert _scale(res) == {(1.0, 5.0)}
    assert res.failed.tolist() == [False] * 18 + [True]
    assert "1 value could not be read" in res.note


def test_a_real_seven_point_scale_stays_seven_points() -> None:
    """Answers above 5 are most of a real 1-7 question (satisfaction runs high)."""
    values = ["7", "6", "6", "7", "5", "4", "6", "7", "3", "6"]
    res = parse_ratings(_text(values))
    assert _scale(res) == {(1.0, 7.0)} and not res.failed.any()


def test_strays_are_judged_by_answers_not_by_distinct_values() -> None:
    """Two 6s among twenty answers (10 %) are strays; five 6s among twenty (25 %) are not."""
    few = parse_ratings(_text(["5"] * 6 + ["4"] * 6 + ["3"] * 6 + ["6"] * 2))
    many = parse_ratings(_text(["5"] * 5 + ["4"] * 5 + ["3"] * 5 + ["6"] * 5))
    assert _scale(few) == {(1.0, 5.0)} and int(few.failed.sum()) == 2
    assert _scale(many) == {(1.0, 7.0)} and not many.failed.any()


@pytest.mark.parametrize(
    ("header", "scale"),
    [("Rating (1-5)", (1.0, 5.0)), ("Tilfredshet (1–5)", (1.0, 5.0)),
     ("How likely are you to recommend us (0-10)?", (0.0, 10.0)), ("Score 0 to 10", (0.0, 10.0)),
     ("Ocena od 1 do 5", (1.0, 5.0)), ("Rating (1 - 7)", (1.0, 7.0)), ("Rating", None),
     ("Q1-5", None), ("Created 2021-10", None), ("Score 1-50", None)],
)  # fmt: skip
def test_the_scale_a_header_states(header: str, scale) -> None:
    assert scale_from_header(header) == scale


def test_a_header_scale_is_the_column_scale() -> None:
    """"Rating (1-5)" with a 7 in it: 1-5, and the 7 is out of it (not a 1-7 column)."""
    spec = make_spec(TableKind.SURVEYS, "score", "Rating (1-5)")
    parsed = parse_column(_text(["5", "4", "7", "6", "6", "5"]), spec)
    assert parsed.values.tolist()[:2] == [5.0, 4.0]
    assert parsed.failed.tolist() == [False, False, True, True, True, False]


def test_emoji_decorations_do_not_hide_the_words() -> None:
    res = parse_ratings(_text(["😀 Great", "😞 Bad", "😐 Okay", "⭐️ Great"]))
    assert _scores(res) == [3.0, 1.0, 2.0, 3.0] and _scale(res) == {(1.0, 3.0)}
    faces = parse_ratings(_text(["😀", "😐", "😞"]))  # only emoji: the face scale
    assert _scores(faces) == [3.0, 2.0, 1.0]


def test_excellent_to_poor_is_a_five_point_scale() -> None:
    res = parse_ratings(_text(["Excellent", "Very good", "Good", "Fair", "Poor"]))
    assert _scores(res) == [5.0, 4.0, 3.0, 2.0, 1.0] and _scale(res) == {(1.0, 5.0)}
    zendesk = parse_ratings(_text(["Good", "Bad", "Good"]))  # good/bad stays Zendesk's
    assert _scale(zendesk) == {(0.0, 1.0)}


@pytest.mark.parametrize(
    ("values", "scores", "scale"),
    [(["Gut", "Schlecht", "Angeboten", "Gut mit Kommentar"], [1.0, 0.0, None, 1.0], (0.0, 1.0)),
     (["Bra", "Dårlig", "Ikke tilbudt"], [1.0, 0.0, None], (0.0, 1.0)),
     (["Fantastisk", "Helt greit", "Ikke bra"], [3.0, 2.0, 1.0], (1.0, 3.0)),
     (["Gut", "Okay", "Schlecht"], [3.0, 2.0, 1.0], (1.0, 3.0))],
)  # fmt: skip
def test_helpdesk_answers_in_german_and_norwegian(values, scores, scale) -> None:
    res = parse_ratings(_text(values))
    assert _scores(res) == scores and _scale(res) == {scale}
    assert res.unanswered.tolist() == [s is None for s in scores]


def test_placeholders_for_no_value_are_unanswered_not_invalid() -> None:
    """'N/A' and '-' were reported as ratings outside the scale (an unseen CSAT export)."""
    res = parse_ratings(_text(["5", "4", "N/A", "n/a", "-", "#N/A", "2", "meh"]))
    assert res.unanswered.tolist() == [False, False, True, True, True, True, False, False]
    assert res.failed.tolist() == [False] * 7 + [True]
    assert _scores(res)[:2] == [5.0, 4.0] and _scale(res) == {(1.0, 5.0)}
