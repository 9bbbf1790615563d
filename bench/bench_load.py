"""Time the full load (read, recognise, parse, store) of a large export against pandas.

Run from the repository root: `python bench/bench_load.py [tickets] [--folder DIR]`. The
exports come from bench/generate_large.py (written to a temporary folder unless `--folder`
names one that already holds them). Each case runs in a fresh subprocess, so its peak RSS
belongs to it alone; figures are printed with ratios to `pd.read_csv(parse_dates=...)` of the
same tickets file, measured in the same run (the machine is shared, so only ratios compare).

Cases:
- `load`: `load_files` on the tickets file, which reads it (`read_file`), recognises the
  Zendesk profile, parses every mapped column and builds the Dataset (`to_dataset`).
- `load-all`: the same with the surveys and reviews files too.
- `pandas`: `pd.read_csv(path, parse_dates=[the 3 date columns])`, the common approach.

For the two loads it also prints what the process holds once the dataset is built and
everything else is let go (after a pause for the allocators to hand freed pages back): the
memory a session keeps for as long as the manager looks at that data.
"""

from __future__ import annotations

import argparse
import gc
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

DATES = ["Created at", "Updated at", "Solved at"]


def _resident_mb() -> float:
    """Resident memory of this process now (VmRSS; 0 when not on Linux)."""
    try:
        status = Path("/proc/self/status").read_text()
    except OSError:
        return 0.0
    line = next(x for x in status.splitlines() if x.startswith("VmRSS:"))
    return int(line.split()[1]) / 1024


def _peak_mb() -> float:
    """Peak RSS of this process image (VmHWM; ru_maxrss would include the parent's before exec)."""
    try:
        status = Path("/proc/self/status").read_text()
    except OSError:  # not Linux: fall back (may include the parent's peak)
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    line = next(x for x in status.splitlines() if x.startswith("VmHWM:"))
    return int(line.split()[1]) / 1024


def child(mode: str, folder: Path, tickets: int) -> None:
    """Run one case and print 'seconds peak_mb baseline_mb rows held_mb settled_seconds'."""
    if mode != "pandas":
        import dashboard  # noqa: F401  (before pandas: it sets the allocator option, as the app)
    import pandas as pd

    from dashboard.config import Settings
    from dashboard.load.pipeline import SourceFile, load_files
    from dashboard.schema import TableKind

    if mode != "pandas":
        # the app's server process has the DuckDB backend loaded before any upload arrives
        import ibis

        ibis.duckdb.connect().disconnect()
    kinds = ("tickets", "surveys", "reviews") if mode == "load-all" else ("tickets",)
    paths = [folder / f"{kind}_{tickets}.csv" for kind in kinds]
    baseline = _peak_mb()
    began = time.perf_counter()
    held = settled = 0.0
    if mode == "pandas":
        rows = len(pd.read_csv(paths[0], parse_dates=DATES))
        seconds = time.perf_counter() - began
    else:
        files = [SourceFile(p.name, p.read_bytes()) for p in paths]
        dataset, loaded = load_files(files, Settings(max_upload_mb=4096))
        seconds = time.perf_counter() - began
        dataset.settle()  # the tables compress on a thread of their own (dashboard/backend.py)
        settled = time.perf_counter() - began
        assert not loaded.errors, loaded.errors
        rows = sum(report.rows_used for report in loaded.reports)
        del files, loaded
        gc.collect()
        time.sleep(12)  # DuckDB's allocator hands pages back within its 10 s decay
        held = _resident_mb()
        assert dataset.table(TableKind.TICKETS).count().execute() > 0
    print(f"{seconds:.3f} {_peak_mb():.0f} {baseline:.0f} {rows} {held:.0f} {settled:.3f}")


def measure(mode: str, folder: Path, tickets: int) -> tuple[float, ...]:
    """Run `mode` in a fresh interpreter: seconds, peak MB, MB after imports, rows, MB held,
    seconds until the tables were compressed."""
    out = subprocess.run(
        [sys.executable, __file__, "--child", mode, str(folder), str(tickets)],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    return tuple(float(x) for x in out)


def report(folder: Path, tickets: int) -> None:
    """Print every case with its ratio to pandas and its peak memory against the file size."""
    size = (folder / f"tickets_{tickets}.csv").stat().st_size / 2**20
    total = sum((folder / f"{k}_{tickets}.csv").stat().st_size for k in ("tickets", "surveys"))
    total = (total + (folder / f"reviews_{tickets}.csv").stat().st_size) / 2**20
    print(f"{tickets:,} tickets: tickets file {size:.0f} MB, all three files {total:.0f} MB")
    base = 0.0
    for mode, label, mb in [
        ("pandas", "pd.read_csv(parse_dates=3 columns)", size),
        ("load", "load_files + to_dataset (tickets)", size),
        ("load-all", "load_files + to_dataset (all three)", total),
    ]:
        seconds, peak, baseline, rows, held, settled = measure(mode, folder, tickets)
        base = base or seconds  # pandas runs first: the yardstick of this run
        print(
            f"{label:<38} {seconds:6.2f} s  x{seconds / base:4.2f} of pandas   "
            f"peak RSS {peak:6.0f} MB = {peak / mb:4.2f}x file "
            f"({(peak - baseline) / mb:4.2f}x above imports)  rows {rows:,.0f}"
        )
        if held:
            print(f"{'':<38} compressed after {settled:5.2f} s, then held {held:5.0f} MB")


def main() -> None:
    """Generate (or reuse) the exports, then report."""
    from bench.generate_large import write_exports

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("tickets", type=int, nargs="?", default=1_000_000)
    parser.add_argument("--folder", type=Path, help="reuse/keep exports in this folder")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as temp:
        folder = args.folder or Path(temp)
        if not (folder / f"reviews_{args.tickets}.csv").exists():
            began = time.perf_counter()
            write_exports(folder, args.tickets)
            print(f"exports written in {time.perf_counter() - began:.1f} s")
        report(folder, args.tickets)


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "--child":
        child(sys.argv[2], Path(sys.argv[3]), int(sys.argv[4]))
    else:
        main()
