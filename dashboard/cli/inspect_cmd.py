"""`python -m dashboard inspect FILE... [--json]`: what each file is and where its rows went."""

from __future__ import annotations

import argparse
import json
import sys

from dashboard.cli.common import add_file_arguments, parse_overrides, read_sources
from dashboard.load import LoadReport, inspect_files
from dashboard.reports import derived_phrases, kept_effect

HELP = "Recognise each export and account for every row (source, kind, mapping, exclusions)."


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """FILE..., --map, --sheet, --json."""
    add_file_arguments(parser)
    parser.add_argument("--json", action="store_true", help="print JSON records")
    parser.add_argument(
        "--format", choices=("table", "json"), default="table", help="--format json is --json"
    )


def run(args: argparse.Namespace) -> int:
    """Inspect the files; exit 2 if any file could not be read at all."""
    loaded = inspect_files(
        read_sources(args.files), overrides=parse_overrides(args.map), sheet=args.sheet
    )
    records = [r.to_dict() for r in loaded.reports]
    records += [
        {"file": name, "error": err.message, "hint": err.hint}
        for name, err in zip(loaded.error_files, loaded.errors, strict=True)
    ]
    if args.json or args.format == "json":
        json.dump(records, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        for report in loaded.reports:
            sys.stdout.write(describe(report) + "\n")
        for name, err in zip(loaded.error_files, loaded.errors, strict=True):
            sys.stdout.write(f"{name}: ERROR {err.message} {err.hint}".rstrip() + "\n\n")
    return 2 if loaded.errors else 0


def describe(report: LoadReport) -> str:
    """A human-readable block for one file."""
    lines = [
        f"{report.file}",
        f"  source      {report.source_label} ({report.source}) -> {report.kind}",
        f"  read as     {_read_as(report)}",
        f"  rows        {report.rows_read} read = {report.rows_used} used + "
        f"{report.rows_excluded} excluded",
    ]
    for code, count in report.excluded_by_reason.items():
        lines.append(f"    excluded  {code}: {count}")
    for code, count in report.warnings_by_reason.items():
        lines.append(f"    warning   {code}: {count} row(s) {kept_effect(code)}")
    lines += [f"  derived    {phrase}" for phrase in derived_phrases(report)]
    lines.append("  mapping")
    lines += [f"    {canonical:<32} <- {header}" for canonical, header in report.mapping.items()]
    lines += [
        f"    {slug:<32} <- {header} (kept as segment)" for slug, header in report.kept.items()
    ]
    lines += [f"  note        {note}" for note in report.notes]
    lines += [f"  example     {issue.message}" for issue in report.issues[:5]]
    return "\n".join(lines) + "\n"


def _read_as(report: LoadReport) -> str:
    """How the file was read: text dialect, or the workbook sheet."""
    rows = f"{report.header_rows} header row(s)"
    if report.encoding is None and report.delimiter is None:
        return f"workbook, sheet {report.sheet}, {rows}"
    return f"encoding {report.encoding}, delimiter {report.delimiter!r}, {rows}"
