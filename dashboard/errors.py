"""Errors the user can fix, and the per-row Issue records that account for every row.

Exception tree::

    ServicegapError                 input the user can fix; carries `message` and `hint`
    ├── UnreadableFileError         empty, binary, wrong type, undecodable, corrupt archive
    ├── FileTooLargeError           over the configured upload size (or a ZIP bomb)
    ├── MissingColumnsError         no usable column for the table kind (names the columns)
    ├── UnknownColumnError          a column named by the user (--by, --map, filters) does not exist
    └── UnsupportedDataError        the data cannot support the request (e.g. no dates at all)

A caller bug raises ValueError/TypeError instead; a statistical non-start returns a result with
`reason` set (see dashboard.stats), never an exception.

`Issue` is one finding about one place in one file (row as a spreadsheet shows it, column,
value) with a stable `IssueCode`. Wording for each code lives in `dashboard.verdicts`; the
`message` on an Issue is the specific sentence for that place.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class ServicegapError(Exception):
    """Input the user can fix: `message` says what and where, `hint` says what to do."""

    def __init__(self, message: str, hint: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint

    def __str__(self) -> str:
        return f"{self.message} {self.hint}".strip()


class UnreadableFileError(ServicegapError):
    """The file cannot be read as a table: empty, binary, undecodable or corrupt."""


class FileTooLargeError(ServicegapError):
    """The file (or an archive member once unpacked) is over the configured size limit."""


class MissingColumnsError(ServicegapError):
    """The table lacks the columns its kind needs (the message names them)."""


class UnknownColumnError(ServicegapError):
    """A column named by the user does not exist in the loaded data."""


class UnsupportedDataError(ServicegapError):
    """The loaded data cannot answer the request (no dates, no rows in range, ...)."""


class IssueCode(StrEnum):
    """Stable reason codes for excluded rows and data-quality warnings.

    Codes marked *excluded* remove the row from its table; the others null one value and keep
    the row. User wording for every member is in `dashboard.verdicts.ISSUE_WORDING`.
    """

    MALFORMED_LINE = "malformed_line"  # excluded: field count differs from the header
    FOOTER = "footer"  # excluded: report footer or summary line (Grand Totals, notices)
    REPEATED_HEADER = "repeated_header"  # excluded: the header line repeated inside the data
    MISSING_ID = "missing_id"  # excluded: no id where the table needs one
    DUPLICATE_ID = "duplicate_id"  # excluded: an id already seen earlier in the file
    MISSING_DATE = "missing_date"  # excluded: the row's main date is empty
    UNPARSEABLE_DATE = "unparseable_date"  # excluded: the row's main date cannot be read
    SURVEY_PREVIEW = "survey_preview"  # excluded: test/preview or unfinished survey response
    NO_RATING = "no_rating"  # excluded: survey row offered but not answered, or score empty
    INVALID_RATING = "invalid_rating"  # excluded: rating text/number outside every known scale
    INVALID_VALUE = "invalid_value"  # kept: a non-key value could not be read and was left empty
    NEGATIVE_DURATION = "negative_duration"  # kept: a duration below zero was left empty
    BEFORE_CREATION = "before_creation"  # kept: resolved or answered before created; no duration
    ORPHAN_REFERENCE = "orphan_reference"  # kept: a ticket id that no loaded ticket has


EXCLUDING_CODES: frozenset[IssueCode] = frozenset(
    {
        IssueCode.MALFORMED_LINE,
        IssueCode.FOOTER,
        IssueCode.REPEATED_HEADER,
        IssueCode.MISSING_ID,
        IssueCode.DUPLICATE_ID,
        IssueCode.MISSING_DATE,
        IssueCode.UNPARSEABLE_DATE,
        IssueCode.SURVEY_PREVIEW,
        IssueCode.NO_RATING,
        IssueCode.INVALID_RATING,
    }
)


@dataclass(frozen=True, slots=True)
class Issue:
    """One finding at one place: file, line as a spreadsheet/editor shows it, column, value."""

    file: str
    code: IssueCode
    message: str
    line: int | None = None  # 1-based physical line in the file (header lines included)
    column: str | None = None  # the column header as written in the file
    value: str | None = None  # the offending value, shortened for display

    @property
    def is_exclusion(self) -> bool:
        """Whether this finding removed the row (True) or only blanked one value."""
        return self.code in EXCLUDING_CODES
