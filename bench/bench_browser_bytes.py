"""Benchmark: bytes the app sends to the browser per page, on the sample data.

Starts the app, opens each page in Debian chromium (Playwright), and sums the websocket frames
the server sends while the page runs (Streamlit's deltas: text, tables, chart specs with their
inline data). Goal (issue 7): under 500 KB per page. Charts carry aggregated rows only.

Usage: python -m bench.bench_browser_bytes   (from the repository root; needs chromium)
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "scripts"))
import screenshots  # the server and wait helpers of the screenshot script

PAGES = screenshots.PAGES


def main() -> None:
    port = screenshots.free_port()
    server = screenshots.start_server(port)
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=shutil.which("chromium"),
                                        args=screenshots.ARGS)  # fmt: skip
            print(f"{'page':<14}{'KB received':>12}")
            for name in PAGES:
                page = browser.new_page(viewport={"width": 1440, "height": 900})
                received = [0]

                def on_socket(ws, received=received) -> None:
                    ws.on("framereceived", lambda frame: received.__setitem__(
                        0, received[0] + len(frame if isinstance(frame, bytes | str) else b"")))

                page.on("websocket", on_socket)
                page.goto(f"http://127.0.0.1:{port}/{name}")
                screenshots.wait_until_idle(page)
                print(f"{name:<14}{received[0] / 1024:>12.0f}")
                page.close()
            browser.close()
    finally:
        server.terminate()
        server.wait(timeout=10)


if __name__ == "__main__":
    main()
