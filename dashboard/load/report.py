"""LoadReport: what one file contributed, and where every one of its rows went.

The invariant `rows_read == rows_used + sum(excluded_by_reason.values())` holds for every report;
a test checks it on every fixture export. `issues` keeps examples (a bounded number per code and
column) while `excluded_by_reason` and `warnings_by_reason` keep exact counts.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from dashboard.errors import Issue
from dashboard.schema import TableKind


@dataclass(frozen=True, slots=True)
class LoadReport:
    """Row accounting and mapping of one table read from one file."""

    file: str
    source: str
    source_label: str
    kind: TableKind
    encoding: str | None
    delimiter: str | None
    header_rows: int
    sheet: str | None
    rows_read: int
    rows_used: int
    excluded_by_reason: Mapping[str, int]
    warnings_by_reason: Mapping[str, int]
    mapping: Mapping[str, str]  # canonical column -> original header
    kept: Mapping[str, str]  # kept segment column -> original header
    notes: tuple[str, ...]
    issues: tuple[Issue, ...]
    confidence: float
    derived: Mapping[str, int] = field(default_factory=dict)  # e.g. {"surveys": 1480}
    sheets: tuple[str, ...] = ()

    @property
    def rows_excluded(self) -> int:
        """Rows left out of the table, all reasons together."""
        return sum(self.excluded_by_reason.values())

    @property
    def is_balanced(self) -> bool:
        """Whether rows read equal rows used plus rows excluded (always expected)."""
        return self.rows_read == self.rows_used + self.rows_excluded

    def to_dict(self) -> dict[str, Any]:
        """Plain-data form for JSON (the `inspect --json` records)."""
        return {
            "file": self.file,
            "source": self.source,
            "source_label": self.source_label,
            "kind": str(self.kind),
            "encoding": self.encoding,
            "delimiter": self.delimiter,
            "header_rows": self.header_rows,
            "sheet": self.sheet,
            "rows_read": self.rows_read,
            "rows_used": self.rows_used,
            "rows_excluded": self.rows_excluded,
            "excluded_by_reason": dict(self.excluded_by_reason),
            "warnings_by_reason": dict(self.warnings_by_reason),
            "mapping": dict(self.mapping),
            "kept": dict(self.kept),
            "derived": dict(self.derived),
            "confidence": round(self.confidence, 3),
            "notes": list(self.notes),
            "examples": [
                {
                    "code": str(i.code),
                    "line": i.line,
                    "column": i.column,
                    "value": i.value,
                    "message": i.message,
                }
                for i in self.issues
            ],
        }
