"""Time the value parsers on 1M values against plain pandas; prints figures, asserts nothing.

Run from the repository root: `python -m bench.bench_parse` (or `python bench/bench_parse.py`).
Each column has (nearly) all-distinct values, the worst case for the distinct-value shortcut.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from dashboard.parse import parse_dates, parse_durations, parse_numbers

N = 1_000_000
DATE_FORMATS = ("%d.%m.%Y %H:%M", "%Y-%m-%dT%H:%M:%SZ", "%m/%d/%Y %I:%M %p")


def _timed(fn: Callable[[], object]) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def _row(label: str, ours: float, baseline: float | None, baseline_label: str = "") -> None:
    base = f"{baseline:6.2f} s  ({baseline_label})" if baseline is not None else ""
    ratio = f"  x{baseline / ours:4.1f}" if baseline is not None else ""
    print(f"{label:<34} {ours:6.2f} s   baseline {base}{ratio}")


def main() -> None:
    """Print timings for dates, decimal-comma numbers and H:MM:SS durations."""
    rng = np.random.default_rng(0)
    minutes = rng.integers(0, 5 * 365 * 24 * 60, N)
    stamps = pd.Timestamp("2020-01-01") + pd.to_timedelta(minutes, unit="min")
    print(f"{N:,} values per column, pandas {pd.__version__}")
    for fmt in DATE_FORMATS:
        text = pd.Series(stamps.strftime(fmt), dtype="string")
        ours = _timed(lambda text=text: parse_dates(text))
        base = _timed(lambda text=text, fmt=fmt: pd.to_datetime(text, format=fmt, errors="coerce"))
        _row(f"dates {fmt}", ours, base, "pd.to_datetime(format=...)")

    numbers = rng.uniform(-1e5, 1e5, N).round(2)
    text = pd.Series([f"{x:.2f}".replace(".", ",") for x in numbers], dtype="string")
    ours = _timed(lambda: parse_numbers(text))
    base = _timed(lambda: pd.to_numeric(text.str.replace(",", ".", regex=False), errors="coerce"))
    _row("numbers, decimal comma", ours, base, "str.replace + pd.to_numeric")

    seconds = rng.integers(0, 80 * 3600, N)
    clocks = [f"{s // 3600:02d}:{s % 3600 // 60:02d}:{s % 60:02d}" for s in seconds]
    text = pd.Series(clocks, dtype="string")
    ours = _timed(lambda: parse_durations(text, unit="auto"))
    base = _timed(lambda: pd.to_timedelta(text, errors="coerce"))
    _row("durations H:MM:SS", ours, base, "pd.to_timedelta")


if __name__ == "__main__":
    main()
