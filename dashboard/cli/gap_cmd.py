"""`python -m dashboard gap FILE... --period month [--by COLUMN]`: the delivery gap per period.

Default gap (read from the issue): per period, the mean QA score (0–100) of the reviews made in
that period minus the CSAT % (top-2-box share) of the distinct reviewed tickets that carry a
customer rating, in points; see `dashboard.gap.series` for the full definition. One record per
period (× segment with --by): period, segment, company_score, customer_score, gap, ci_low,
ci_high (Welch interval of the gap), pvalue (H0: gap = 0), n_company, n_customer, n_pairs, plus
change and change_pvalue (gap minus the segment's previous period, z-test). Values are full
precision; a side without ratings gives empty scores and gap.
"""

from __future__ import annotations

import argparse
import math
from typing import Any

from dashboard.cli.common import (
    add_file_arguments,
    add_format_argument,
    emit,
    load_dataset,
)
from dashboard.config import Settings
from dashboard.errors import UnknownColumnError, UnsupportedDataError
from dashboard.gap.bucketing import GRAINS
from dashboard.gap.scales import CompanySource, CustomerSource, Measure
from dashboard.gap.series import GapCell, GapSpec, gap_series
from dashboard.schema import TableKind
from dashboard.store import Dataset

HELP = "The delivery gap: company-rated (QA) minus customer-rated (CSAT) service per period."

COLUMNS: tuple[str, ...] = (
    "period", "segment", "company_score", "customer_score", "gap", "ci_low", "ci_high",
    "pvalue", "n_company", "n_customer", "n_pairs", "change", "change_pvalue",
)  # fmt: skip


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """FILE..., --map, --sheet, --period, --by, --company, --customer, --format."""
    add_file_arguments(parser)
    parser.add_argument("--period", choices=GRAINS, default="month", help="period grain")
    parser.add_argument("--by", default=None, metavar="COLUMN", help="segment column (e.g. team)")
    parser.add_argument(
        "--company", choices=[s.value for s in CompanySource], default="qa",
        help="company-rated side: QA reviews, self-assessments or SLA met (default qa)",
    )  # fmt: skip
    parser.add_argument(
        "--customer", choices=[s.value for s in CustomerSource], default="csat",
        help="customer-rated side (default csat)",
    )  # fmt: skip
    parser.add_argument(
        "--company-measure", choices=[m.value for m in Measure], default="score",
        help="company side as the mean 0–100 score (default) or the share rated good",
    )  # fmt: skip
    parser.add_argument(
        "--customer-measure", choices=[m.value for m in Measure], default="good",
        help="customer side as the share rated good (default) or the mean 0–100 score",
    )  # fmt: skip
    add_format_argument(parser)


def run(args: argparse.Namespace) -> int:
    """Load the files, compute the gap series and print one record per cell."""
    dataset = load_dataset(args)
    spec = GapSpec(
        company=CompanySource(args.company),
        customer=CustomerSource(args.customer),
        company_measure=Measure(args.company_measure),
        customer_measure=Measure(args.customer_measure),
    )
    _require(dataset, spec)
    by = resolve_column(dataset, spec, args.by) if args.by else None
    series = gap_series(dataset, Settings(), grain=args.period, by=by, spec=spec)
    emit([record(c) for c in series.cells], args.format, COLUMNS)
    return 0


def _company_kind(spec: GapSpec) -> TableKind:
    return TableKind.TICKETS if spec.company is CompanySource.SLA else TableKind.REVIEWS


def _require(dataset: Dataset, spec: GapSpec) -> None:
    """A user error when the files hold no table for one side of the gap."""
    kind = _company_kind(spec)
    if not dataset.has(kind):
        what = "SLA results (a ticket export)" if kind is TableKind.TICKETS else "QA reviews"
        raise UnsupportedDataError(
            f"None of the files holds {what}, the company-rated side of the gap.",
            hint="Add the QA tool's review export (or choose --company sla with tickets).",
        )
    if not dataset.has(TableKind.SURVEYS):
        raise UnsupportedDataError(
            "None of the files holds customer ratings (CSAT, NPS or CES answers).",
            hint="Add the ticket export with its satisfaction column, or the survey export.",
        )


def resolve_column(dataset: Dataset, spec: GapSpec, name: str) -> str:
    """The segment column named `name` (canonical name or original header, any case)."""
    labels = dataset.segment_columns(_company_kind(spec))
    folded = name.strip().casefold()
    for column, label in labels.items():
        if folded in (column.casefold(), label.casefold()):
            return column
    for report in dataset.reports:  # the header as the export wrote it ("Group" -> team)
        for column, header in getattr(report, "mapping", {}).items():
            if column in labels and str(header).strip().casefold() == folded:
                return column
    raise UnknownColumnError(
        f"--by {name!r}: no such segment column on the company-rated side.",
        hint="Choose one of: " + ", ".join(sorted(labels)) + ".",
    )


def record(cell: GapCell) -> dict[str, Any]:
    """One JSON-ready record (NaN becomes null)."""
    return {
        "period": cell.period,
        "segment": dict(cell.segment),
        "company_score": _num(cell.company_score),
        "customer_score": _num(cell.customer_score),
        "gap": _num(cell.gap),
        "ci_low": _num(cell.ci.low) if cell.ci else None,
        "ci_high": _num(cell.ci.high) if cell.ci else None,
        "pvalue": _num(cell.pvalue),
        "n_company": cell.n_company,
        "n_customer": cell.n_customer,
        "n_pairs": cell.n_pairs,
        "change": _num(cell.change),
        "change_pvalue": _num(cell.change_pvalue),
    }


def _num(value: float | None) -> float | None:
    return None if value is None or math.isnan(value) else float(value)
