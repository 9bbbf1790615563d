"""The accounting of one file: rows read = rows used + rows excluded, by reason, with examples.

Read-stage exclusions (malformed lines, footers) come from the reader's report; mapping-stage
ones (dates, ids, ratings) from `normalize`. A survey file with several questions counts a row
when any question was answered, and says per question what it could not count.
"""

from __future__ import annotations

import numpy as np

from dashboard.errors import Issue
from dashboard.ingest import RawTable
from dashboard.load.normalize import Normalized
from dashboard.load.report import LoadReport
from dashboard.sources.model import Detection, TableMapping


def question_notes(questions: list[tuple[TableMapping, Normalized]], used: np.ndarray) -> list[str]:
    """Per question of a multi-question survey: answers not counted in rows the file uses.

    A row counts for the file when any question was answered, so a blank or unreadable answer
    to one question is not in the file's exclusions; it is said here, question by question.
    """
    notes: list[str] = []
    for mapping, part in questions:
        lost = part.excluded_where(used)
        if not lost:
            continue
        header = next((s.header for s in mapping.columns if s.canonical == "score"), "?")
        reasons = ", ".join(f"{code}: {n}" for code, n in sorted(lost.items()))
        notes.append(
            f"Question '{header}': {sum(lost.values())} of the rows kept have no countable "
            f"answer to it ({reasons}); they count through the other questions."
        )
    return notes


def still_excluded(issues: list[Issue], used_lines: np.ndarray) -> tuple[Issue, ...]:
    """The first question's exclusion examples, without the rows another question used."""
    if not issues:
        return ()
    lines = np.array([-1 if i.line is None else i.line for i in issues])
    taken = np.isin(lines, used_lines)
    return tuple(i for i, t in zip(issues, taken, strict=True) if not (i.is_exclusion and t))


def file_report(
    raw: RawTable,
    detection: Detection,
    mapping: TableMapping,
    main: Normalized,
    used: np.ndarray,
    derived: dict[str, int],
    extra_notes: list[str] | None = None,
) -> LoadReport:
    """The file's accounting: read-stage exclusions plus mapping-stage ones.

    A row of a survey file counts as used when any of its questions was answered (`used`);
    it is excluded, under the first question's reason, only when none was."""
    read = raw.report
    excluded: dict[str, int] = {}
    read_issues: list[Issue] = []
    for issue in read.issues:
        if issue.is_exclusion:
            excluded[str(issue.code)] = excluded.get(str(issue.code), 0) + 1
        read_issues.append(issue)
    for code, count in main.excluded_where(~used).items():
        excluded[code] = excluded.get(code, 0) + count
    return LoadReport(
        file=read.file,
        source=detection.source,
        source_label=detection.source_label,
        kind=mapping.kind,
        encoding=read.encoding,
        delimiter=read.delimiter,
        header_rows=read.header_rows,
        sheet=read.sheet,
        rows_read=read.rows_read,
        rows_used=int(np.count_nonzero(used)),
        excluded_by_reason=excluded,
        warnings_by_reason=dict(main.warnings),
        mapping={s.canonical: s.header for s in mapping.columns},
        kept=dict(main.kept),
        notes=tuple(detection.notes) + tuple(main.notes) + tuple(extra_notes or ()),
        issues=tuple(read_issues[:200]) + still_excluded(main.issues, raw.lines[used]),
        confidence=detection.confidence,
        derived=derived,
        sheets=read.sheets,
    )
