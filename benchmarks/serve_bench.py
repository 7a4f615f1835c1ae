"""`aggregator serve` under concurrent load, measured with ApacheBench.

    python benchmarks/serve_bench.py [--requests 5000] [--concurrency 50] [--keep-alive]

In a temporary directory: a feed project (`aggregator init`) whose
public/feed.atom is a 60 kB Atom file, then `python -m aggregator serve
--port 0 -q` in its own process on 127.0.0.1. `ab -n N -c C` (HTTP/1.0, a new
connection per request unless --keep-alive) fetches /feed.atom; the script
prints failed requests, non-2xx answers, and the p50/p99/max total time per
request from ab's percentile table, against the targets: 0 failures and
p99 ≤ 50 ms. Nothing leaves the machine.

ab comes with apache2-utils (Debian/Ubuntu: `sudo apt-get install
apache2-utils`; Fedora: `httpd-tools`; macOS ships it).
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

P99_TARGET_MS = 50.0
ENTRY = (
    "<entry><title>India and Japan sign a semiconductor pact</title>"
    "<id>urn:story:{n}</id><updated>2026-03-02T00:00:00Z</updated>"
    "<summary>TOKYO — India and Japan signed an agreement on supply chains.</summary></entry>"
)


def feed_bytes(entries: int = 300) -> bytes:
    body = "".join(ENTRY.format(n=n) for n in range(entries))
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n'
        f'<feed xmlns="http://www.w3.org/2005/Atom"><title>Bench</title>{body}</feed>\n'
    ).encode()


def start_server(project: Path) -> tuple[subprocess.Popen[str], str]:
    process = subprocess.Popen(
        [sys.executable, "-m", "aggregator", "serve", "--port", "0"],
        cwd=project,
        stderr=subprocess.PIPE,
        stdout=subprocess.DEVNULL,
        text=True,
    )
    assert process.stderr is not None
    line = process.stderr.readline()
    match = re.search(r"at (http://\S+/)", line)
    if match is None:
        process.kill()
        raise SystemExit(f"serve did not start: {line.strip()}")
    return process, match.group(1)


def run_ab(url: str, requests: int, concurrency: int, keep_alive: bool) -> str:
    command = ["ab", "-q", "-n", str(requests), "-c", str(concurrency), "-s", "60"]
    if keep_alive:
        command.append("-k")
    result = subprocess.run([*command, url], capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise SystemExit(f"ab failed ({result.returncode}): {result.stderr.strip()}")
    return result.stdout


def figure(output: str, pattern: str) -> float:
    match = re.search(pattern, output, re.MULTILINE)
    return float(match.group(1)) if match else float("nan")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--requests", type=int, default=5000)
    parser.add_argument("--concurrency", type=int, default=50)
    parser.add_argument("--keep-alive", action="store_true", help="ab -k (HTTP/1.0 keep-alive)")
    args = parser.parse_args()
    if shutil.which("ab") is None:
        raise SystemExit(
            "serve_bench: 'ab' (ApacheBench) is not installed; install apache2-utils"
            " (sudo apt-get install apache2-utils), httpd-tools on Fedora"
        )
    with tempfile.TemporaryDirectory(prefix="serve-bench-") as temp:
        project = Path(temp) / "project"
        subprocess.run(
            [sys.executable, "-m", "aggregator", "init", str(project)],
            check=True,
            capture_output=True,
        )
        public = project / "public"
        public.mkdir(exist_ok=True)
        (public / "feed.atom").write_bytes(feed_bytes())
        process, base = start_server(project)
        try:
            time.sleep(0.2)
            started = time.perf_counter()
            output = run_ab(base + "feed.atom", args.requests, args.concurrency, args.keep_alive)
            elapsed = time.perf_counter() - started
        finally:
            process.terminate()
            process.wait(timeout=10)
    failed = figure(output, r"^Failed requests:\s+(\d+)")
    non_2xx = figure(output, r"^Non-2xx responses:\s+(\d+)")
    non_2xx = 0.0 if non_2xx != non_2xx else non_2xx  # ab omits the line when there are none
    p50 = figure(output, r"^\s+50%\s+(\d+)")
    p99 = figure(output, r"^\s+99%\s+(\d+)")
    worst = figure(output, r"^\s+100%\s+(\d+)")
    rate = figure(output, r"^Requests per second:\s+([\d.]+)")

    def mark(ok: bool) -> str:
        return "✓" if ok else "✗"

    mode = "keep-alive" if args.keep_alive else "a connection per request"
    print(f"ab -n {args.requests} -c {args.concurrency} ({mode}) in {elapsed:.1f} s")
    print(f"  failed requests   {failed:8.0f}   target 0          {mark(failed == 0)}")
    print(f"  non-2xx answers   {non_2xx:8.0f}")
    print(f"  requests/s        {rate:8.0f}")
    print(f"  p50               {p50:8.0f} ms")
    target = f"target ≤ {P99_TARGET_MS:.0f} ms"
    print(f"  p99               {p99:8.0f} ms   {target}  {mark(p99 <= P99_TARGET_MS)}")
    print(f"  max               {worst:8.0f} ms")


if __name__ == "__main__":
    main()
