"""The result records of reading one file: `ReadReport` (how it was read) and `RawTable`."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from dashboard.errors import Issue


@dataclass(frozen=True, slots=True)
class ReadReport:
    """How one table was read, and every line that did not become a data row.

    `rows_read` counts data records after the header block (fully blank lines are not records);
    the invariant `rows_read == len(frame) + excluded issues` holds for every table.
    """

    file: str  # display name; archive members "export.zip/tickets.csv"; sheets "book.xlsx [S1]"
    format: str  # "csv" | "xlsx" | "xls"
    encoding: str | None  # "utf-8", "utf-8-sig", "utf-16-le", "cp1252", ...; None for Excel
    delimiter: str | None  # "," ";" "\t" "|"; None for Excel
    header_line: int  # 1-based line (CSV) or sheet row (Excel) of the main header
    header_rows: int  # header lines consumed: 1 plain, 2 SurveyMonkey, 3 Qualtrics
    sheet: str | None
    sheets: tuple[str, ...]  # every sheet name of the workbook, for the UI to offer a choice
    rows_read: int  # data records after the header (blank lines not counted)
    issues: tuple[Issue, ...]  # excluded lines: MALFORMED_LINE, FOOTER, REPEATED_HEADER

    @property
    def rows_excluded(self) -> int:
        """How many records were left out at this stage."""
        return sum(1 for issue in self.issues if issue.is_exclusion)


@dataclass(frozen=True, slots=True)
class RawTable:
    """Good data rows as text, their source lines, and the header as written.

    `frame` has one `string` column per header (pd.NA for empty cells, values stripped);
    column names are unique and usable, `headers` keeps the text as written.
    """

    frame: pd.DataFrame
    headers: tuple[str, ...]  # header text per column as written, parallel to frame.columns
    header_extra: tuple[tuple[str, ...], ...]  # further header rows, each parallel to headers
    lines: np.ndarray  # int64 per frame row: 1-based line / sheet row where the record starts
    report: ReadReport
