"""Assemble the RawTable: drop empty unnamed columns, name columns, account for every record."""

from __future__ import annotations

from dataclasses import dataclass, replace

import numpy as np
import pyarrow as pa

from dashboard.errors import Issue
from dashboard.ingest import arrow
from dashboard.ingest.layout import Layout, unique_names
from dashboard.ingest.model import RawTable, ReadReport


@dataclass(frozen=True, slots=True)
class Parsed:
    """What a reader found: the header block, kept rows (cleaned text), lines and exclusions."""

    layout: Layout
    header_line: int
    table: pa.Table  # positional columns f0..f{width-1}, stripped, nulls for empty cells
    lines: np.ndarray  # int64 per table row
    issues: list[Issue]


def finish(parsed: Parsed, report: ReadReport) -> RawTable:
    """The RawTable for `parsed`, with `report` completed (rows read, issues, header)."""
    layout, table = parsed.layout, parsed.table
    keep = [j for j in range(layout.width) if not _is_vacant(layout, table, j)]
    if len(keep) < layout.width:
        table = table.select(keep)
    headers = tuple(layout.headers[j] for j in keep)
    extra = tuple(tuple(row[j] for j in keep) for row in layout.extra)
    names = unique_names([layout.columns[j] for j in keep])
    issues = tuple(sorted(parsed.issues, key=lambda issue: issue.line or 0))
    excluded = sum(1 for issue in issues if issue.is_exclusion)
    report = replace(
        report,
        header_line=parsed.header_line,
        header_rows=layout.rows,
        rows_read=table.num_rows + excluded,
        issues=issues,
    )
    return RawTable(
        frame=arrow.to_frame(table, names),
        headers=headers,
        header_extra=extra,
        lines=np.asarray(parsed.lines, dtype=np.int64),
        report=report,
    )


def _is_vacant(layout: Layout, table: pa.Table, j: int) -> bool:
    """An unnamed column with no value at all: a trailing delimiter or unused sheet column."""
    if layout.headers[j] or any(row[j] for row in layout.extra):
        return False
    return table.column(j).null_count == table.num_rows and layout.width > 1
