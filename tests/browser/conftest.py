"""Real-browser fixtures: the app served on a free local port, Debian chromium via Playwright.

Skipped when chromium or playwright is missing (the README test command installs chromium).
Browsers cannot be downloaded here, so Playwright drives the system chromium binary.
"""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"]
CHROMIUM = shutil.which("chromium")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "tests/browser" in str(item.path):
            item.add_marker(pytest.mark.browser)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="session")
def base_url() -> Iterator[str]:
    """A fresh server per test session (fresh: deep links are tested before any visit)."""
    port = _free_port()
    cmd = [sys.executable, "-m", "streamlit", "run", "streamlit_app.py",
           "--server.port", str(port), "--server.address", "127.0.0.1"]  # fmt: skip
    proc = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    for _ in range(120):
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as r:
                if r.read() == b"ok":
                    break
        except OSError:
            time.sleep(0.5)
    else:
        proc.terminate()
        pytest.fail("the app did not start within 60 s")
    yield url
    proc.terminate()
    proc.wait(timeout=10)


@pytest.fixture(scope="session")
def browser():
    if CHROMIUM is None:
        pytest.skip("Debian chromium is not installed (bash scripts/test.sh installs it)")
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser):
    """A new browser context per test (a new Streamlit session), console errors collected."""
    context = browser.new_context(viewport={"width": 1440, "height": 900})
    tab = context.new_page()
    tab.console_errors = []
    tab.on("pageerror", lambda exc: tab.console_errors.append(str(exc)))
    tab.on(
        "console",
        lambda m: tab.console_errors.append(m.text)
        if m.type == "error" and not _is_benign(m.text)
        else None,
    )
    yield tab
    context.close()


def _is_benign(text: str) -> bool:
    """Resource errors from the offline sandbox (no internet, no favicon), not app faults."""
    return "Failed to load resource" in text or "ERR_NAME_NOT_RESOLVED" in text


def wait_idle(tab, timeout: int = 60_000) -> None:
    """Wait until Streamlit has finished running the script, and stays finished.

    A run can trigger another (the router's first visit, a query-parameter sync), so idle must
    hold across two checks a moment apart.
    """
    idle = "() => !document.querySelector('[data-testid=\"stStatusWidget\"]')"
    tab.wait_for_selector('[data-testid="stMainBlockContainer"]', timeout=timeout)
    for _ in range(20):
        tab.wait_for_timeout(500)
        tab.wait_for_function(idle, timeout=timeout)
        tab.wait_for_timeout(700)
        if tab.evaluate(idle):
            return
