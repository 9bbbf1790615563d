"""Time `read_file` on a 1M-row, 25-column ticket CSV against pandas; prints figures only.

Run from the repository root: `python bench/bench_read.py [rows]`. The CSV (about 200 MB,
seeded, with quoted subjects holding commas, quotes and the odd line break) is written to a
temporary folder. Each measurement runs in a fresh subprocess so that peak memory (max RSS)
belongs to that reader alone; "extra" is the peak minus the file's size in memory.
"""

from __future__ import annotations

import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.csv as pacsv

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

ROWS = 1_000_000
DATES = ["Created at", "Updated at", "Solved at"]


def write_csv(path: Path, rows: int) -> None:
    """A Zendesk-like ticket export with 25 columns, seeded."""
    rng = np.random.default_rng(0)
    start = np.datetime64("2023-01-01T00:00:00")
    created = start + rng.integers(0, 365 * 86400, rows).astype("timedelta64[s]")

    def stamp(values: np.ndarray) -> pa.Array:
        return pa.array(np.datetime_as_string(values, unit="s")).cast(pa.string())

    words = np.array(["printer", "vpn", 'the "new" laptop', "refund, urgent", "login", "slow"])
    subject = words[rng.integers(0, len(words), rows)]
    subject[rng.integers(0, rows, rows // 1000)] = "line one\nline two"
    pick = lambda *opts: np.array(opts)[rng.integers(0, len(opts), rows)]  # noqa: E731
    columns = {
        "Id": np.arange(1, rows + 1),
        "Requester": pick("Ann", "Bo", "Cy", "Dag", "Eva"),
        "Requester id": rng.integers(10**12, 10**13, rows),
        "Requester email": pick("a@x.no", "b@y.dk", "c@z.de"),
        "Assignee": pick("Kari", "Ola", "Lars", "Mette"),
        "Group": pick("Support", "Billing", "Tier 2"),
        "Subject": subject,
        "Tags": pick("vip refund", "printer", "", "sla_breach"),
        "Status": pick("Open", "Pending", "Solved", "Closed"),
        "Priority": pick("Low", "Normal", "High", "Urgent"),
        "Via": pick("Mail", "Web form", "Chat"),
        "Ticket type": pick("Question", "Incident", "Problem"),
        "Created at": stamp(created),
        "Updated at": stamp(created + rng.integers(0, 86400 * 5, rows).astype("timedelta64[s]")),
        "Solved at": stamp(created + rng.integers(0, 86400 * 9, rows).astype("timedelta64[s]")),
        "Satisfaction Score": pick("Good", "Bad", "Offered", "Not Offered"),
        "Reopens": rng.integers(0, 3, rows),
        "Replies": rng.integers(0, 12, rows),
        "First reply time in minutes": rng.integers(0, 5000, rows),
        "First resolution time in minutes": rng.integers(0, 20000, rows),
        "Full resolution time in minutes": rng.integers(0, 40000, rows),
        "Agent wait time in minutes": rng.integers(0, 9000, rows),
        "Requester wait time in minutes": rng.integers(0, 9000, rows),
        "On hold time in minutes": rng.integers(0, 900, rows),
        "Organization": pick("Acme AS", "Nordic Oy", "Berlin GmbH"),
    }
    pacsv.write_csv(pa.table(columns), path)


def peak_mb() -> float:
    """Peak RSS of this process image: VmHWM, as ru_maxrss keeps the parent's peak over exec."""
    try:
        status = Path("/proc/self/status").read_text()
    except OSError:
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return int(next(x for x in status.splitlines() if x.startswith("VmHWM:")).split()[1]) / 1024


def child(mode: str, path: str) -> None:
    """Run one reader and print 'seconds peak_mb'."""
    from dashboard.ingest import read_file

    data = Path(path).read_bytes() if mode == "ours" else b""
    began = time.perf_counter()
    if mode == "ours":
        tables = read_file(data, "tickets.csv", max_bytes=2**31)
        rows = len(tables[0].frame)
    elif mode == "pandas":
        rows = len(pd.read_csv(path))
    else:
        rows = len(pd.read_csv(path, parse_dates=DATES))
    seconds = time.perf_counter() - began
    peak = peak_mb()
    print(f"{seconds:.3f} {peak:.0f} {rows}")


def measure(mode: str, path: Path) -> tuple[float, float, int]:
    out = subprocess.run(
        [sys.executable, __file__, "--child", mode, str(path)],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    return float(out[0]), float(out[1]), int(out[2])


def main() -> None:
    """Write the CSV, then print time and peak memory of each reader."""
    rows = int(sys.argv[1]) if len(sys.argv) > 1 else ROWS
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "tickets.csv"
        began = time.perf_counter()
        write_csv(path, rows)
        size = path.stat().st_size / 2**20
        print(f"{rows:,} rows, {size:.0f} MB written in {time.perf_counter() - began:.1f} s")
        base, base_peak, _ = measure("pandas", path)
        for mode, label in [
            ("ours", "read_file (all text, line numbers)"),
            ("pandas", "pd.read_csv(path)"),
            ("pandas-dates", "pd.read_csv(path, parse_dates=3)"),
        ]:
            seconds, peak, n = measure(mode, path)
            print(
                f"{label:<36} {seconds:6.2f} s  x{seconds / base:4.2f} of read_csv   "
                f"peak RSS {peak:6.0f} MB  rows {n:,}"
            )
        del base_peak


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "--child":
        child(sys.argv[2], sys.argv[3])
    else:
        main()
