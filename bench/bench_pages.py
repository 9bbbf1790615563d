"""Time every page of the app on a large upload, as a manager opens them one after another.

Run from the repository root: `python bench/bench_pages.py [tickets] [--folder DIR]`. The three
exports of bench/generate_large.py (tickets, NPS answers for a quarter of them, QA reviews for a
tenth) are loaded once; then each page runs in Streamlit's AppTest with that dataset in the
session, twice: in a first session (the process compiles its KPI queries for the first time, as
a freshly started server does) and in a second one (a later manager on a warm server). Figures
are wall-clock seconds of a whole page run, including rendering; the machine is shared, so
compare pages with each other, not with another day's run.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import dashboard  # noqa: F401  (before pandas: it sets the allocator option, as the app)

PAGES = ["overview", "gap", "trends", "significance", "segments", "churn", "data", "glossary"]
ROOT = Path(__file__).resolve().parents[1]


def session(dataset, loaded):
    """An app session with `dataset` as its upload (as the file input leaves it)."""
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file(str(ROOT / "streamlit_app.py"), default_timeout=900)
    at.session_state["sg_dataset"] = dataset
    at.session_state["sg_loaded"] = loaded
    at.session_state["sg_upload_signature"] = ("bench",)
    return at


def timed_pages(at) -> dict[str, float]:
    """Seconds per page, opened in PAGES order from the sidebar."""
    out = {}
    for i, page in enumerate(PAGES):
        began = time.perf_counter()
        if i == 0:
            at.run()
        else:
            at.switch_page(f"pages/{page}.py").run()
        out[page] = time.perf_counter() - began
        if at.exception:
            raise RuntimeError(f"{page}: {at.exception[0].value}")
    return out


def main() -> None:
    """Load the exports, then time the pages in a first and a second session."""
    from bench.generate_large import write_exports
    from dashboard.config import Settings
    from dashboard.load.pipeline import SourceFile, load_files

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("tickets", type=int, nargs="?", default=1_000_000)
    parser.add_argument("--folder", type=Path, help="reuse/keep exports in this folder")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as temp:
        folder = args.folder or Path(temp)
        if not (folder / f"reviews_{args.tickets}.csv").exists():
            write_exports(folder, args.tickets)
        kinds = ("tickets", "surveys", "reviews")
        files = [SourceFile(p.name, p.read_bytes())
                 for p in (folder / f"{k}_{args.tickets}.csv" for k in kinds)]  # fmt: skip
        began = time.perf_counter()
        dataset, loaded = load_files(files, Settings(max_upload_mb=8192))
        rows = ", ".join(f"{r.rows_used:,}" for r in loaded.reports)
        print(f"loaded {rows} rows in {time.perf_counter() - began:.1f} s")
        first = timed_pages(session(dataset, loaded))
        second = timed_pages(session(dataset, loaded))
    print(f"{'page':<14} {'first session':>14} {'second session':>15}")
    for page in PAGES:
        print(f"{page:<14} {first[page]:>12.2f} s {second[page]:>13.2f} s")


if __name__ == "__main__":
    main()
