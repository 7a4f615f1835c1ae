#!/usr/bin/env python3
"""Render the published index.html in headless Chromium and save a PNG.

    python scripts/screenshot.py /tmp/aggregator_shot.png
    python scripts/screenshot.py shot.png --public public --width 1280 --height 2000
    python scripts/screenshot.py filtered.png --fragment topic-trade

The output directory is served over HTTP on 127.0.0.1 (a free port) by the
same server as ``aggregator serve``, so the page is seen as a reader sees it.
Run ``aggregator run --once`` first. Needs Chromium (Debian: ``apt-get install
chromium``); exits 2 when it or the page is missing, 1 when Chromium fails.
"""

from __future__ import annotations

import argparse
import os
import shutil
import signal
import subprocess
import sys
import tempfile
from pathlib import Path

from aggregator.server import FeedServer

FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--no-first-run",
    "--no-default-browser-check",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-extensions",
    "--no-proxy-server",
    "--hide-scrollbars",
    "--force-device-scale-factor=1",
)


def find_chromium() -> str | None:
    for name in ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable"):
        found = shutil.which(name)
        if found:
            return found
    return None


def screenshot(
    chromium: str, url: str, output: Path, width: int, height: int, timeout: float
) -> subprocess.CompletedProcess[bytes]:
    """Run Chromium once; kill its whole process group if it outlives ``timeout``."""
    with tempfile.TemporaryDirectory(prefix="aggregator-shot-") as scratch:
        env = {
            "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
            "HOME": scratch,
            "LANG": "C.UTF-8",
        }
        command = [
            chromium,
            *FLAGS,
            f"--user-data-dir={Path(scratch) / 'profile'}",
            f"--window-size={width},{height}",
            f"--screenshot={output}",
            url,
        ]
        process = subprocess.Popen(
            command,
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            start_new_session=True,
        )
        try:
            stdout, stderr = process.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            stdout, stderr = process.communicate()
            return subprocess.CompletedProcess(command, -9, stdout, stderr)
        return subprocess.CompletedProcess(command, process.returncode, stdout, stderr)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("output", type=Path, help="where to save the PNG")
    parser.add_argument(
        "--public", type=Path, default=Path("public"), help="the output directory (public)"
    )
    parser.add_argument("--width", type=int, default=1280, help="window width (1280)")
    parser.add_argument("--height", type=int, default=2000, help="window height (2000)")
    parser.add_argument("--fragment", default="", help="a URL fragment, e.g. topic-trade")
    parser.add_argument("--chromium", default=None, help="the browser binary (found on PATH)")
    parser.add_argument("--timeout", type=float, default=30.0, help="seconds (30)")
    args = parser.parse_args(argv)

    chromium = args.chromium or find_chromium()
    if chromium is None:
        print("screenshot: no chromium on PATH (apt-get install chromium)", file=sys.stderr)
        return 2
    if not (args.public / "index.html").is_file():
        print(
            f"screenshot: {args.public / 'index.html'} does not exist;"
            " run 'aggregator run --once' first",
            file=sys.stderr,
        )
        return 2
    output = args.output.resolve()
    output.parent.mkdir(parents=True, exist_ok=True)
    output.unlink(missing_ok=True)

    server = FeedServer(args.public, "127.0.0.1", 0)
    server.start(poll_interval=0.05)
    try:
        url = server.url + (f"#{args.fragment}" if args.fragment else "")
        done = screenshot(chromium, url, output, args.width, args.height, args.timeout)
    finally:
        server.stop()
    if done.returncode != 0 or not output.is_file():
        why = "timed out" if done.returncode == -9 else f"exit code {done.returncode}"
        print(f"screenshot: chromium failed ({why})", file=sys.stderr)
        sys.stderr.write(done.stderr.decode(errors="replace")[-2000:])
        return 1
    print(f"{output}: {args.width}x{args.height}, {output.stat().st_size} bytes, of {url}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
