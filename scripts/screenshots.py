"""Screenshots of every page on the sample data, at 1440x900, with Debian chromium.

Usage: python scripts/screenshots.py OUT_DIR [page ...]   (pages by URL path, e.g. overview gap)

Starts the app on a free local port, waits for each page to finish running, and saves
OUT_DIR/<page>.png. The README's screenshots are made with `OUT_DIR=docs/screenshots`.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parents[1]
PAGES = ["overview", "trends", "gap", "significance", "segments", "churn", "data", "glossary"]
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def start_server(port: int) -> subprocess.Popen:
    cmd = [sys.executable, "-m", "streamlit", "run", "streamlit_app.py",
           "--server.port", str(port), "--server.address", "127.0.0.1"]  # fmt: skip
    proc = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    for _ in range(120):
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health") as r:
                if r.read() == b"ok":
                    return proc
        except OSError:
            time.sleep(0.5)
    proc.terminate()
    raise RuntimeError("the app did not start")


def wait_until_idle(page) -> None:
    """Wait until the script has finished running (no running indicator, no skeleton)."""
    page.wait_for_selector('[data-testid="stMainBlockContainer"]', timeout=60_000)
    idle = 0
    for _ in range(240):  # idle = no "running" indicator for 3 checks in a row
        page.wait_for_timeout(500)
        running = page.locator('[data-testid="stStatusWidget"]').count() > 0
        idle = 0 if running else idle + 1
        if idle >= 3:
            break
    page.wait_for_timeout(1000)


def main(out: Path, names: list[str]) -> None:
    out.mkdir(parents=True, exist_ok=True)
    port = free_port()
    server = start_server(port)
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=shutil.which("chromium"), args=ARGS)
            height = int(os.environ.get("SHOT_HEIGHT", "900"))  # taller for reviewing
            page = browser.new_page(viewport={"width": 1440, "height": height})
            for name in names:
                page.goto(f"http://127.0.0.1:{port}/{name}")
                wait_until_idle(page)
                page.screenshot(path=str(out / f"{name}.png"))
                print(out / f"{name}.png")
            browser.close()
    finally:
        server.terminate()
        server.wait(timeout=10)


if __name__ == "__main__":
    main(Path(sys.argv[1]), sys.argv[2:] or PAGES)
