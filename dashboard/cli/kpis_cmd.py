"""`python -m dashboard kpis FILE... --period month [--by COLUMN]`: KPIs per period and segment.

Records as described in `dashboard.kpis.records`; managers script weekly reports with it.
Without --from/--to the whole date range of the data is used; without --kpi every KPI the data
supports (the others are listed on stderr with what would unlock them).
"""

from __future__ import annotations

import argparse
import sys
from datetime import date

from dashboard.cli.common import (
    add_file_arguments,
    add_format_argument,
    emit,
    load_dataset,
)
from dashboard.config import Settings
from dashboard.coverage import coverage
from dashboard.errors import UnknownColumnError, UnsupportedDataError
from dashboard.kpis import KPIS, KpiRequest, available, compute
from dashboard.kpis.periods import GRAINS
from dashboard.kpis.records import records

HELP = "KPIs per period (and segment): volume, speed, SLA, FCR, CSAT, NPS, QA, churn..."
COLUMNS = ("period", "segment", "kpi", "value", "unit", "n", "partial", "median", "mean", "p90")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """FILE..., --map, --sheet, --period, --by, --from, --to, --where, --kpi, --format."""
    add_file_arguments(parser)
    parser.add_argument("--period", choices=GRAINS, default="month", help="period grain")
    parser.add_argument("--by", default=None, metavar="COLUMN", help="segment column (e.g. team)")
    parser.add_argument("--from", dest="start", type=_day, default=None, metavar="DATE",
                        help="first day (YYYY-MM-DD; default: first day with data)")  # fmt: skip
    parser.add_argument("--to", dest="end", type=_day, default=None, metavar="DATE",
                        help="last day, inclusive (default: last day with data)")  # fmt: skip
    parser.add_argument("--where", action="append", default=[], metavar="COLUMN=VALUE",
                        help="keep rows where COLUMN equals VALUE (repeatable; same column "
                        "repeated means any of the values)")  # fmt: skip
    parser.add_argument(
        "--kpi",
        default=None,
        metavar="KEY,...",
        help=f"KPI keys (default: all the data supports): {', '.join(KPIS)}",
    )
    add_format_argument(parser)


def run(args: argparse.Namespace) -> int:
    """Load the files, compute the KPIs and print one record per period × segment × KPI."""
    data = load_dataset(args)
    cov = coverage(data)
    if cov.is_empty:
        raise UnsupportedDataError("No dated rows in these files.", "Check the files with inspect.")
    supported = {a.kpi.key for a in available(data) if a.ok}
    keys = _keys(args.kpi, supported)
    filters = _filters(args.where)
    known = {c for kind in data.tables for c in data.columns(kind)}
    shown = sorted({c for kind in data.tables for c in data.segment_columns(kind)})
    for column in [*filters, *([args.by] if args.by else [])]:
        if column not in known:
            raise UnknownColumnError(
                f"There is no column '{column}' in these files.",
                f"Segment columns: {', '.join(shown)}.",
            )
    request = KpiRequest(
        tuple(keys), args.period, args.start or cov.first, args.end or cov.last,
        filters=filters, by=args.by, data_range=(cov.first, cov.last),
    )  # fmt: skip
    emit(records(compute(data, request, Settings())), args.format, COLUMNS)
    return 0


def _keys(wanted: str | None, supported: set[str]) -> list[str]:
    if not wanted:
        skipped = [k for k in KPIS if k not in supported]
        if skipped:
            print(f"note: not in these files: {', '.join(skipped)}", file=sys.stderr)
        return [k for k in KPIS if k in supported]
    keys = [k.strip() for k in wanted.split(",") if k.strip()]
    unknown = [k for k in keys if k not in KPIS]
    if unknown:
        raise UnknownColumnError(
            f"Unknown KPI {', '.join(unknown)}.", f"Choose from: {', '.join(KPIS)}."
        )
    return keys


def _filters(items: list[str]) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for item in items:
        column, sep, value = item.partition("=")
        if not sep or not column.strip():
            raise UnknownColumnError(
                f"--where {item!r} is not of the form COLUMN=VALUE.", "For example: team=Billing"
            )
        out.setdefault(column.strip(), []).append(value.strip())
    return out


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError as err:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date like 2024-01-31") from err
