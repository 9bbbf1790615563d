"""Read Excel workbooks (.xlsx, .xlsm, .xls) with calamine: one RawTable per chosen sheet.

Cells become text the way a spreadsheet user would type them, so that the value parsers see
one convention for CSV and Excel alike: datetimes "YYYY-MM-DD HH:MM:SS" (rounded to the
second; date cells "YYYY-MM-DD"), whole numbers without ".0", other numbers in positional
decimal notation with "." (never "1e-05"), booleans TRUE/FALSE, durations "H:MM:SS".
Header detection, footers and repeated headers work as for CSV; line numbers are sheet rows.
"""

from __future__ import annotations

import datetime as dt
import io

import numpy as np
from python_calamine import CalamineError, CalamineWorkbook, PasswordError

from dashboard.errors import UnreadableFileError
from dashboard.ingest import arrow
from dashboard.ingest.layout import detect_layout, footer_start, is_blank
from dashboard.ingest.model import RawTable, ReadReport
from dashboard.ingest.rows import Source, classify
from dashboard.ingest.table import Parsed, finish
from dashboard.parse.date_numbers import EXCEL_EPOCH, EXCEL_RANGE

HEAD_ROWS = 200
ALL_SHEETS = "*"


def read_workbook(data: bytes, name: str, fmt: str, sheet: str | None) -> list[RawTable]:
    """Read the first non-empty sheet, the named `sheet`, or every non-empty one ("*").

    Raises:
        UnreadableFileError: damaged or password-protected workbook, unknown sheet name, or
            no sheet with any data.
    """
    book = _open(data, name)
    sheets = tuple(book.sheet_names)
    if sheet not in (None, ALL_SHEETS) and sheet not in sheets:
        raise UnreadableFileError(
            f"{name} has no sheet named '{sheet}'.",
            f"Choose one of its sheets: {', '.join(sheets)}.",
        )
    wanted = sheets if sheet in (None, ALL_SHEETS) else (sheet,)
    tables: list[RawTable] = []
    for title in wanted:
        rows = _sheet_rows(book, title, name)
        if not rows:
            continue
        tables.append(_read_sheet(rows, name, fmt, title, sheets))
        if sheet is None:
            break
    if not tables:
        which = f"sheet '{sheet}'" if sheet not in (None, ALL_SHEETS) else "any sheet"
        raise UnreadableFileError(
            f"{name} has no data in {which}.", "Check that you uploaded the right workbook."
        )
    return tables


def _open(data: bytes, name: str) -> CalamineWorkbook:
    try:
        return CalamineWorkbook.from_filelike(io.BytesIO(data))
    except PasswordError:
        raise UnreadableFileError(
            f"{name} is password-protected.",
            "Open it in Excel, remove the password (File > Info), save, and upload it again.",
        ) from None
    except (CalamineError, ValueError, OSError) as err:
        raise UnreadableFileError(
            f"{name} is a damaged or unsupported Excel workbook ({type(err).__name__}).",
            "Open it in Excel and save it again as .xlsx, or export the data as CSV.",
        ) from None


def _sheet_rows(book: CalamineWorkbook, title: str, name: str) -> list[list[str]]:
    """The sheet as text rows from row 1 (so index + 1 is the sheet row); [] when empty."""
    try:
        values = book.get_sheet_by_name(title).to_python(skip_empty_area=False)
    except (CalamineError, ValueError) as err:
        raise UnreadableFileError(
            f"{name} [{title}] cannot be read ({type(err).__name__}).",
            "Open the workbook in Excel and save it again, or export the sheet as CSV.",
        ) from None
    _serials_as_dates(values)
    rows = [[c if type(c) is str else cell_text(c) for c in row] for row in values]
    return rows if any(not is_blank(r) for r in rows) else []


def _serials_as_dates(values: list[list[object]]) -> None:
    """In a column holding date cells, number cells in Excel's serial-day range become dates.

    A date typed into a cell formatted as General or Number stays the serial (45365.665278 for
    14 Mar 2024 15:58); in a column of real date cells those rows were unreadable and left
    out. A number outside the range, or in a column without a single date cell, stays as is.
    """
    dated = {j for row in values for j, c in enumerate(row) if isinstance(c, dt.date)}
    if not dated:
        return
    low, high = EXCEL_RANGE
    epoch = EXCEL_EPOCH.astype(dt.datetime)
    for row in values:
        for j in dated:
            c = row[j] if j < len(row) else None
            if type(c) in (float, int) and low <= c <= high:
                row[j] = epoch + dt.timedelta(days=c)


def cell_text(value: object) -> str:
    """One cell as text, independent of the workbook's display formats (see module doc)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, dt.datetime):
        return (value + dt.timedelta(microseconds=500_000)).strftime("%Y-%m-%d %H:%M:%S")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, dt.time):
        return value.strftime("%H:%M:%S")
    if isinstance(value, dt.timedelta):
        seconds = round(value.total_seconds())
        sign, seconds = ("-" if seconds < 0 else ""), abs(seconds)
        return f"{sign}{seconds // 3600}:{seconds // 60 % 60:02d}:{seconds % 60:02d}"
    if isinstance(value, float):
        if value.is_integer() and abs(value) < 1e16:
            return str(int(value))
        return np.format_float_positional(value, trim="-")
    return str(value)


def _read_sheet(
    rows: list[list[str]], name: str, fmt: str, title: str, sheets: tuple[str, ...]
) -> RawTable:
    display = f"{name} [{title}]"
    source = Source(display, "row", None)
    layout = detect_layout(rows[:HEAD_ROWS])
    if layout is None:  # pragma: no cover - _sheet_rows returns [] for blank sheets
        raise UnreadableFileError(f"{display} is empty.", "Choose another sheet.")
    data = rows[layout.data_index :]
    first_line = layout.data_index + 1
    lines = list(range(first_line, first_line + len(data)))
    positions = list(range(len(data)))
    foot = footer_start(data)
    sorted_ = classify(data, lines, positions, [i >= foot for i in positions], layout, source)
    parsed = Parsed(
        layout,
        layout.index + 1,
        arrow.from_rows(sorted_.rows, layout.width),
        np.asarray(sorted_.lines, dtype=np.int64),
        sorted_.issues,
    )
    report = ReadReport(
        display, fmt, None, None, layout.index + 1, layout.rows, title, sheets, 0, ()
    )
    return finish(parsed, report)
