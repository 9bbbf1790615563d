"""Command line: `python -m dashboard inspect|kpis|gap FILE... [options]`.

User mistakes (a bad file, an unknown column) print a one-line error and a hint on stderr and
exit with status 2; no traceback. Each subcommand lives in its own module with `HELP`,
`add_arguments(parser)` and `run(args) -> int`.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from types import ModuleType

from dashboard.cli import gap_cmd, inspect_cmd, kpis_cmd
from dashboard.errors import ServicegapError

SUBCOMMANDS: dict[str, ModuleType] = {"inspect": inspect_cmd, "kpis": kpis_cmd, "gap": gap_cmd}


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with one sub-parser per subcommand module."""
    parser = argparse.ArgumentParser(
        prog="python -m dashboard",
        description="servicegap: customer-service KPIs, the delivery gap and significance tests.",
    )
    sub = parser.add_subparsers(dest="command", required=True)
    for name, module in SUBCOMMANDS.items():
        module.add_arguments(sub.add_parser(name, help=module.HELP, description=module.HELP))
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run one subcommand; return the process exit status."""
    args = build_parser().parse_args(argv)
    try:
        return int(SUBCOMMANDS[args.command].run(args) or 0)
    except ServicegapError as err:
        print(f"error: {err.message}", file=sys.stderr)
        if err.hint:
            print(f"hint: {err.hint}", file=sys.stderr)
        return 2
