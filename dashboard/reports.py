"""Load reports as tables and sentences a manager can read on the Data page.

A `LoadReport` is machine-shaped (codes, counts, canonical names); this module turns it into
the row accounting ("2,150 read = 2,141 used + 9 excluded"), the mapping table and the
examples of every problem, all as plain data. Wording of issue codes lives in `verdicts`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import pandas as pd

from dashboard.errors import IssueCode
from dashboard.load import LoadReport
from dashboard.schema import COLUMNS
from dashboard.verdicts import ISSUE_WORDING

ISSUE_LABELS: dict[str, str] = {str(code): words for code, words in ISSUE_WORDING.items()}


@dataclass(frozen=True, slots=True)
class Accounting:
    """Rows read, used and excluded for one file, with a sentence that adds them up."""

    rows_read: int
    rows_used: int
    rows_excluded: int
    sentence: str


def accounting(report: LoadReport) -> Accounting:
    """The row accounting of one file; `rows_read == rows_used + rows_excluded` by design."""
    excluded = sum(report.excluded_by_reason.values())
    parts = [f"{report.rows_read:,} rows read = {report.rows_used:,} used"]
    parts.append(f"+ {excluded:,} excluded")
    sentence = " ".join(parts)
    if report.derived:
        sentence += "; " + "; ".join(derived_phrases(report))
    return Accounting(report.rows_read, report.rows_used, excluded, sentence)


_ROWS_OF = {"tickets": "tickets", "surveys": "survey answers", "reviews": "QA reviews",
            "accounts": "accounts"}  # fmt: skip


def derived_phrases(report: LoadReport) -> list[str]:
    """What else the file's rows gave: ratings inside a ticket export, or the further rating
    questions of a survey file (one answer per question answered)."""
    out = []
    for kind, n in report.derived.items():
        what = _ROWS_OF.get(str(kind), f"{kind} rows")
        if str(kind) == str(report.kind):
            out.append(f"its other rating questions gave {n:,} more {what}")
        else:
            out.append(f"the same rows also gave {n:,} {what}")
    return out


_KEPT_EFFECT = {
    str(IssueCode.BEFORE_CREATION): "kept, left out of its time KPI",
    str(IssueCode.ORPHAN_REFERENCE): "kept",
}


def kept_effect(code: str) -> str:
    """What a warning did to the row it was found on (it is never excluded)."""
    return _KEPT_EFFECT.get(code, "kept, value blanked")


def reasons_table(report: LoadReport) -> pd.DataFrame:
    """One row per reason: what happened, how many rows, whether the row was kept."""
    rows = [
        (ISSUE_LABELS.get(code, code), count, "excluded")
        for code, count in report.excluded_by_reason.items()
        if count
    ]
    rows += [
        (ISSUE_LABELS.get(code, code), count, kept_effect(code))
        for code, count in report.warnings_by_reason.items()
        if count
    ]
    return pd.DataFrame(rows, columns=["Reason", "Rows", "Effect"])


def examples_table(report: LoadReport, limit: int = 200) -> pd.DataFrame:
    """Examples of every problem: line as a text editor shows it, column, value, what is wrong."""
    rows = [
        (i.line, i.column or "", i.value or "", ISSUE_LABELS.get(i.code, str(i.code)), i.message)
        for i in report.issues[:limit]
    ]
    return pd.DataFrame(rows, columns=["Line", "Column", "Value", "Reason", "Detail"])


def mapping_table(report: LoadReport) -> pd.DataFrame:
    """Canonical column, what it means, and the header it was read from (kept columns too)."""
    described = {c.name: c.description for c in COLUMNS[report.kind]}
    rows = [(c, described.get(c, ""), h) for c, h in report.mapping.items()]
    rows += [(c, "kept as a segment", h) for c, h in report.kept.items()]
    return pd.DataFrame(rows, columns=["Column", "Meaning", "Read from"])


def totals(reports: Sequence[LoadReport]) -> dict[str, int]:
    """Rows used per table kind across files (derived rows included)."""
    out: dict[str, int] = {}
    for r in reports:
        out[str(r.kind)] = out.get(str(r.kind), 0) + r.rows_used
        for kind, n in r.derived.items():
            out[kind] = out.get(kind, 0) + n
    return out
