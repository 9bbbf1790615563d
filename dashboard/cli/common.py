"""Arguments and helpers shared by the subcommands: input files, mapping overrides, output."""

from __future__ import annotations

import argparse
import csv
import io
import json
import sys
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

from dashboard.errors import UnreadableFileError
from dashboard.load import SourceFile, inspect_files, to_dataset
from dashboard.store import Dataset


def add_file_arguments(parser: argparse.ArgumentParser) -> None:
    """FILE... plus --map overrides and --sheet."""
    parser.add_argument("files", metavar="FILE", nargs="+", help="exports (CSV/TSV/XLSX/ZIP)")
    parser.add_argument(
        "--map",
        action="append",
        default=[],
        metavar="CANONICAL=HEADER",
        help="override a column mapping, e.g. --map created_at='Date opened' (repeatable)",
    )
    parser.add_argument(
        "--sheet",
        default=None,
        help="XLSX sheet to read (default: every sheet that is a table, the first of each kind)",
    )


def read_sources(paths: Sequence[str]) -> list[SourceFile]:
    """Read each path's bytes; a missing or unreadable path is a user error naming it."""
    files = []
    for raw in paths:
        path = Path(raw)
        if not path.is_file():
            raise UnreadableFileError(
                f"{raw}: no such file.", hint="Check the path and the file name."
            )
        files.append(SourceFile(name=path.name, data=path.read_bytes()))
    return files


def parse_overrides(items: Iterable[str]) -> dict[str, str]:
    """`["created_at=Opened"]` -> {"created_at": "Opened"} (a bad item is a user error)."""
    out: dict[str, str] = {}
    for item in items:
        canonical, sep, header = item.partition("=")
        if not sep or not canonical.strip() or not header.strip():
            raise UnreadableFileError(
                f"--map {item!r} is not of the form CANONICAL=HEADER.",
                hint="For example: --map created_at='Date opened'.",
            )
        out[canonical.strip()] = header.strip()
    return out


def add_format_argument(parser: argparse.ArgumentParser, default: str = "table") -> None:
    """--format table|csv|json."""
    parser.add_argument("--format", choices=("table", "csv", "json"), default=default)


def emit(records: list[dict[str, Any]], fmt: str, columns: Sequence[str]) -> None:
    """Print records as an aligned table, CSV or JSON (a list of objects) on stdout."""
    out = sys.stdout
    if fmt == "json":
        json.dump(records, out, ensure_ascii=False, indent=2, default=_json_default)
        out.write("\n")
        return
    rows = [[_cell(r.get(c)) for c in columns] for r in records]
    if fmt == "csv":
        buf = io.StringIO()
        writer = csv.writer(buf, lineterminator="\n")
        writer.writerow(columns)
        writer.writerows(rows)
        out.write(buf.getvalue())
        return
    widths = [max([len(c), *(len(r[i]) for r in rows)]) for i, c in enumerate(columns)]
    out.write("  ".join(c.ljust(w) for c, w in zip(columns, widths, strict=True)).rstrip() + "\n")
    for r in rows:
        out.write("  ".join(v.ljust(w) for v, w in zip(r, widths, strict=True)).rstrip() + "\n")


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:.6g}" if value == value else ""
    if isinstance(value, Mapping):
        return ", ".join(f"{k}={v}" for k, v in value.items())
    return str(value)


def _json_default(value: Any) -> Any:
    if hasattr(value, "isoformat"):
        return value.isoformat()
    if hasattr(value, "item"):
        return value.item()
    return str(value)


def load_dataset(args: argparse.Namespace) -> Dataset:
    """FILE... (with --map, --sheet) as a Dataset; files that fail are warned about on stderr."""
    loaded = inspect_files(
        read_sources(args.files), overrides=parse_overrides(args.map), sheet=args.sheet
    )
    for name, err in zip(loaded.error_files, loaded.errors, strict=True):
        print(f"warning: {name}: {err.message} {err.hint}".rstrip(), file=sys.stderr)
    return to_dataset(loaded, consume=True)
