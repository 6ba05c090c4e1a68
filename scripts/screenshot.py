"""Take the README screenshot of the web page answering the demo question from a real index.

    python scripts/screenshot.py [--index data/index] [--out docs/screenshots/answer.png]

Starts `medcite serve` on a free 127.0.0.1 port, drives Debian's Chromium with Playwright,
saves a full-page screenshot and stops the server.
"""

from __future__ import annotations

import argparse
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _wait(url: str, seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(url, timeout=1).close()  # loopback only
            return
        except OSError:
            time.sleep(0.2)
    raise SystemExit(f"server at {url} did not start")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--index", type=Path, default=ROOT / "data" / "index")
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots" / "answer.png")
    parser.add_argument("--question", default="What causes facial twitches?")
    args = parser.parse_args()
    port = _free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "medcite", "serve", "--port", str(port), "--index", str(args.index)]
    )
    try:
        _wait(f"http://127.0.0.1:{port}/readyz")
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
            page = browser.new_page(viewport={"width": 1100, "height": 900})
            page.goto(f"http://127.0.0.1:{port}/")
            page.get_by_role("textbox").fill(args.question)
            page.get_by_role("button", name="Ask").click()
            page.get_by_text("References").first.wait_for(timeout=30_000)
            page.screenshot(path=str(args.out), full_page=True)
            browser.close()
    finally:
        server.terminate()
        server.wait(timeout=15)
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
