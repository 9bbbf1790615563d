"""Building ColumnSpecs: default readings, units from headers, refinements from values.

Each canonical column has a default `ParseAs`; duration units come from the header when it
names one, and a sample of values can correct HH:MM:SS text vs decimal hours.
"""

from __future__ import annotations

import re
from dataclasses import replace

import pandas as pd

from dashboard.schema import TableKind, column
from dashboard.sources.model import ColumnRule, ColumnSpec, ParseAs
from dashboard.sources.vocabulary import is_business, question_type, unit_from_header

ID_COLUMNS = frozenset({"ticket_id", "customer_id", "response_id", "review_id"})
COUNT_COLUMNS = frozenset({"agent_replies", "reopens"})
SLA_COLUMNS = frozenset({"sla_met", "first_response_sla_met"})
BUSINESS_VARIANT = {
    "first_response_minutes": "first_response_business_minutes",
    "resolution_minutes": "resolution_business_minutes",
}
_HMS = re.compile(r"^\s*-?\d+:\d{2}(:\d{2})?(\.\d+)?\s*$")
_DECIMAL = re.compile(r"^\s*-?\d+([.,]\d+)?\s*$")


def default_parse(kind: TableKind, canonical: str) -> ParseAs:
    """How a canonical column is read when the profile does not say otherwise.

    Raises:
        ValueError: `canonical` is not a column of `kind` (a profile or caller bug).
    """
    dtype = column(kind, canonical).dtype
    if canonical in ID_COLUMNS:
        return ParseAs.ID
    if dtype == "datetime":
        return ParseAs.DATETIME
    if dtype == "bool":
        return ParseAs.SLA if canonical in SLA_COLUMNS else ParseAs.BOOLEAN
    if dtype == "float":
        if canonical.endswith("_minutes"):
            return ParseAs.DURATION
        if canonical in COUNT_COLUMNS:
            return ParseAs.COUNT
        if canonical == "score" and kind == TableKind.SURVEYS:
            return ParseAs.RATING
        return ParseAs.NUMBER
    return ParseAs.TEXT


# A header asking whether the goal was missed: a "yes" there is an SLA not met.
_NEGATED = re.compile(
    r"breach|violat|missed|overdue|\bnot met\b|\bbrudd|\bbrutt|overskred|overskrid|"
    r"naruszon|przekroczon|verletzt|überschritten|违反|超时"
)


def make_spec(kind: TableKind, canonical: str, header: str, **hints: object) -> ColumnSpec:
    """A spec for `header` -> `canonical` with defaults filled in from the header text.

    Durations take their unit from the header when it names one; a survey score takes its
    survey type from the header ("NPS", "recommend") when the caller gives none.
    """
    parse_as = hints.pop("parse_as", None) or default_parse(kind, canonical)
    if parse_as == ParseAs.DURATION and not hints.get("unit"):
        hints["unit"] = unit_from_header(header)
    if parse_as == ParseAs.RATING and not hints.get("survey_type"):
        hints["survey_type"] = question_type(header)
        if hints["survey_type"] == "nps" and not hints.get("scale"):
            hints["scale"] = (0.0, 10.0)
    if parse_as in (ParseAs.SLA, ParseAs.BOOLEAN) and "negate" not in hints:
        hints["negate"] = bool(_NEGATED.search(header.casefold()))
    return ColumnSpec(header=header, canonical=canonical, parse_as=parse_as, **hints)  # type: ignore[arg-type]


def spec_from_rule(kind: TableKind, rule: ColumnRule, header: str) -> ColumnSpec:
    """The spec a profile's column rule gives for the header found in the file."""
    hints = {
        name: getattr(rule, name)
        for name in (
            "unit",
            "survey_type",
            "scale",
            "true_values",
            "false_values",
            "value_labels",
            "na_values",
        )
        if getattr(rule, name)
    }
    return make_spec(kind, rule.canonical, header, parse_as=rule.parse_as, **hints)


def duration_canonical(canonical: str, header: str) -> str:
    """The business-hours variant of a duration column when the header says business hours."""
    if canonical in BUSINESS_VARIANT and is_business(header):
        return BUSINESS_VARIANT[canonical]
    return canonical


def refine_with_sample(spec: ColumnSpec, values: pd.Series | None) -> tuple[ColumnSpec, str]:
    """Adjust a duration's unit to what the values show; returns the spec and a note ("").

    "hms" columns holding decimal numbers are read as hours (Freshservice writes 1.5 for
    1 h 30 min); numeric-unit columns holding "12:30:00" text are read as HH:MM:SS.
    """
    if spec.parse_as != ParseAs.DURATION or values is None:
        return spec, ""
    text = values.dropna().astype(str).str.strip()
    text = text[text != ""].head(200)
    if text.empty:
        return spec, ""
    hms = text.str.match(_HMS).mean()
    decimal = text.str.match(_DECIMAL).mean()
    if spec.unit == "hms" and decimal >= 0.9:
        unit = unit_from_header(spec.header)
        unit = unit if unit not in (None, "hms") else "hours"
        note = f"'{spec.header}' holds plain numbers, read as {unit}."
        return _with_unit(spec, unit), note
    if spec.unit != "hms" and hms >= 0.9:
        return _with_unit(spec, "hms"), f"'{spec.header}' holds HH:MM:SS text."
    return spec, ""


def _with_unit(spec: ColumnSpec, unit: str) -> ColumnSpec:
    return replace(spec, unit=unit)


UNIT_WORDING = {
    "seconds": "seconds",
    "minutes": "minutes",
    "hours": "hours",
    "hms": "HH:MM:SS text",
    None: "a unit read from the values",
}


def duration_note(spec: ColumnSpec) -> str:
    """A sentence saying what a duration column holds: its unit and its clock."""
    clock = "business-hours" if "business" in spec.canonical else "calendar"
    unit = UNIT_WORDING.get(spec.unit, spec.unit)
    return f"Durations in '{spec.header}' are {clock} time in {unit}."
