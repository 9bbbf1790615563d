"""Value parsers: columns of export text in, typed values plus a mask of failures out.

Each parser takes a pandas `string` Series (<NA> or blank for an empty cell) and returns a frozen
result with `values` (same index), `failed` (non-empty text that could not be read) and a `note`
saying what was decided. Empty in is <NA> out and never a failure; nothing is guessed silently.

Modules: `dates` (layouts, day/month order, Excel serials, epochs), `numbers` (decimal mark),
`durations` (float minutes, unit from the header), `booleans` (multilingual yes/no, SLA words),
`ratings` (CSAT/NPS/CES labels and numbers on a scale).
"""

from dashboard.parse.booleans import (
    FALSE_WORDS,
    SLA_BREACHED_WORDS,
    SLA_MET_WORDS,
    TRUE_WORDS,
    parse_booleans,
)
from dashboard.parse.common import Parsed
from dashboard.parse.dates import ParsedDates, parse_dates
from dashboard.parse.durations import duration_unit_from_header, parse_durations
from dashboard.parse.numbers import ParsedNumbers, parse_numbers
from dashboard.parse.ratings import ParsedRatings, parse_ratings

__all__ = [
    "FALSE_WORDS",
    "SLA_BREACHED_WORDS",
    "SLA_MET_WORDS",
    "TRUE_WORDS",
    "Parsed",
    "ParsedDates",
    "ParsedNumbers",
    "ParsedRatings",
    "duration_unit_from_header",
    "parse_booleans",
    "parse_dates",
    "parse_durations",
    "parse_numbers",
    "parse_ratings",
]
