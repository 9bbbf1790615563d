"""Where the table sits among the records: preamble, header rows, footers, usable names.

Header heuristics (applied to the first records of a file or sheet, as lists of text):

- The main header is the first record as wide as the table (the most common field count
  among records with two or more fields; one less is allowed when data rows end in an extra
  delimiter) with at least two filled cells. Records above it (report titles, "Report
  generated ...", Excel's `sep=;`, blank lines) are preamble: counted in `header_line`, never
  data rows.
- Qualtrics: the record two below the header holds `{"ImportId":...}` JSON, so the header
  spans three records (ids, question text, import ids).
- SurveyMonkey: the record below the header starts with a blank cell and holds sub-headers
  ("Response", "Open-Ended Response", or text under a blank top cell), so the header spans
  two records. Blank top cells belong to the question on their left, and such columns are
  named "<question> - <sub-header>".
- Data rows may be one field wider than the header when every such extra cell is empty (a
  trailing delimiter); the header is then widened with an unnamed column, dropped if empty.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

_IMPORT_ID = re.compile(r'^\{\s*"ImportId"', re.IGNORECASE)
_SUB_HEADERS = frozenset({"response", "open-ended response", "other (please specify)"})
FOOTER = re.compile(
    r"^(grand totals?\b|totals?\b|sub-?totals?\b|sum\b|count\b|average\b|confidential|"
    r"copyright|\(c\)|©|all rights reserved|generated\b|report generated|exported\b|"
    r"filtered by|end of report|do not distribute|page \d|\d+ (records|rows)\b|"
    r"(records|rows|results)\s*:|"
    # the same report lines in the languages our users' CRMs run in
    r"totalsum\b|totalt\b|i alt\b|sum total|gesamtsummen?\b|gesamt\b|summen?\b|suma\b|"
    r"razem\b|łącznie\b|konfidensiell|fortrolig|vertraulich|poufne|konfidentiell|"
    r"totaux?\b|total général|totales?\b|suma total|"
    r"med enerett|alle rettigheder|alle rechte|wszelkie prawa|总计|合计|总和|机密)",
    re.IGNORECASE,
)
_NUMBER = re.compile(r"^[-+]?[\d\s.,%]+$")
MAX_FOOTER_RECORDS = 12


@dataclass(frozen=True, slots=True)
class Layout:
    """Position and text of the header block within the records examined."""

    index: int  # record index of the main header
    rows: int  # records in the header block (1, 2 or 3)
    width: int  # fields per data record
    headers: tuple[str, ...]  # main header as written, padded to `width`
    extra: tuple[tuple[str, ...], ...]  # further header records, each padded to `width`
    columns: tuple[str, ...]  # unique, usable column names

    @property
    def data_index(self) -> int:
        """Index of the first record after the header block."""
        return self.index + self.rows


def is_blank(row: Sequence[str]) -> bool:
    """Whether every cell of `row` is empty or whitespace (an empty line is blank)."""
    return all(not cell.strip() for cell in row)


def detect_layout(head: Sequence[Sequence[str]]) -> Layout | None:
    """Find the header block among the first records; None when all of them are blank."""
    widths = [len(r) for r in head if not is_blank(r)]
    if not widths:
        return None
    multi = Counter(w for w in widths if w >= 2)
    target = max(multi.items(), key=lambda kv: (kv[1], kv[0]))[0] if multi else 1
    index = next((i for i, r in enumerate(head) if _is_header(r, target)), None)
    if index is None:
        index = next(i for i, r in enumerate(head) if not is_blank(r))
    if _is_grouping_row(head[index], head[index + 1] if index + 1 < len(head) else None):
        index += 1
    top = [cell.strip() for cell in head[index]]
    if top:
        top[0] = top[0].lstrip("\ufeff").strip()
    rows = _header_rows(top, head[index + 1 : index + 3])
    width = _data_width(top, head[index + rows :])
    top += [""] * (width - len(top))
    extra = tuple(_pad(head[index + k], width) for k in range(1, rows))
    columns = unique_names(_usable_names(top, extra[0] if rows == 2 else None))
    return Layout(index, rows, width, tuple(top), extra, columns)


_VALUE_LIKE = re.compile(r"^[-+]?[\d\s.,:/%-]+$")


def _is_grouping_row(row: Sequence[str], below: Sequence[str] | None) -> bool:
    """Whether `row` holds group headings over the real header (a report's merged cells).

    "Ticket | | Times | | | Customer |" over "ID | Agent | Created | First reply | ...": at most
    half the cells filled, the first one among them, and under it a row whose every cell is
    a distinct name, none of them a number or a date. Reading the group row as the header
    refused the file ("none of its columns look like tickets").
    """
    cells = [c.strip() for c in row]
    filled = [c for c in cells if c]
    if below is None or not cells or not cells[0] or len(filled) * 2 > len(cells):
        return False
    names = [c.strip() for c in below]
    if len(names) < len(cells) or not all(names) or len(set(names)) < len(names):
        return False
    return not any(_VALUE_LIKE.match(n) for n in names)


def _is_header(row: Sequence[str], target: int) -> bool:
    filled = sum(1 for cell in row if cell.strip())
    if target <= 1:
        return filled >= 1
    return len(row) >= target - 1 and filled >= 2


def _pad(row: Sequence[str], width: int) -> tuple[str, ...]:
    cells = [cell.strip() for cell in row[:width]]
    return tuple(cells + [""] * (width - len(cells)))


def _header_rows(top: Sequence[str], below: Sequence[Sequence[str]]) -> int:
    """3 for Qualtrics (ImportId JSON two rows down), 2 for SurveyMonkey sub-headers, else 1."""
    if len(below) == 2 and any(_IMPORT_ID.match(cell.strip()) for cell in below[1]):
        return 3
    if not below or not below[0] or below[0][0].strip() or is_blank(below[0]):
        return 1
    sub = [cell.strip() for cell in below[0]]
    if any(cell.lower() in _SUB_HEADERS for cell in sub):
        return 2
    under_blank = any(
        not top_cell and j < len(sub) and sub[j] for j, top_cell in enumerate(top) if j > 0
    )
    return 2 if under_blank else 1


def _data_width(top: Sequence[str], data: Sequence[Sequence[str]]) -> int:
    """Header width, or one more when data rows carry an empty trailing field."""
    widths = Counter(len(r) for r in data if not is_blank(r))
    if not widths:
        return max(len(top), 1)
    common = widths.most_common(1)[0][0]
    if common == len(top) + 1 and all(
        not r[-1].strip() for r in data if len(r) == common and not is_blank(r)
    ):
        return common
    return max(len(top), 1)


def _usable_names(top: Sequence[str], sub: Sequence[str] | None) -> list[str]:
    """Blank headers become 'Column N'; SurveyMonkey columns get '<question> - <sub>'."""
    names: list[str] = []
    question = ""
    for j, text in enumerate(top):
        if sub is None:
            names.append(text or f"Column {j + 1}")
            continue
        question = text or question
        below = sub[j] if j < len(sub) else ""
        single = bool(text) and (j + 1 >= len(top) or bool(top[j + 1]))
        if not below or (single and below.lower() in _SUB_HEADERS):
            names.append(text or (f"{question} - {below}" if question else f"Column {j + 1}"))
        else:
            names.append(f"{question} - {below}" if question else below)
    return names


def unique_names(names: Sequence[str]) -> tuple[str, ...]:
    """Make names unique as pandas does: 'Comment', 'Comment.1', 'Comment.2', ..."""
    taken = set(names)
    seen: Counter[str] = Counter()
    out: list[str] = []
    for name in names:
        if seen[name]:
            candidate = f"{name}.{seen[name]}"
            while candidate in taken:
                seen[name] += 1
                candidate = f"{name}.{seen[name]}"
            taken.add(candidate)
            out.append(candidate)
        else:
            out.append(name)
        seen[name] += 1
    return tuple(out)


def is_footer(row: Sequence[str]) -> bool:
    """A summary or notice line: first filled cell matches FOOTER, the others are numbers."""
    cells = [cell.strip() for cell in row if cell.strip()]
    return bool(cells) and bool(FOOTER.match(cells[0])) and all(_NUMBER.match(c) for c in cells[1:])


def footer_start(rows: Sequence[Sequence[str]]) -> int:
    """Index from which every non-blank row is a footer (len(rows) when there is none).

    Only the trailing block counts: a "Total" line in the middle of the data is data.
    """
    start, seen = len(rows), 0
    for i in range(len(rows) - 1, -1, -1):
        if is_blank(rows[i]):
            continue
        if seen >= MAX_FOOTER_RECORDS or not is_footer(rows[i]):
            break
        start, seen = i, seen + 1
    return start
