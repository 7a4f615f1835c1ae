"""Hash what a first run over loopback feeds stores and publishes (feeds_bench's feeds).

    python scripts/feeds_digest.py [--feeds 1000] [--entries 20] [--processes N] [--work DIR]

The feeds of ``benchmarks/feeds_bench.py`` (the same generator and server),
one ``feed`` source per feed as its first run configures them, with the
shipped feeds.toml's curation tables; the pipeline runs once in this process
at a fixed time, with ``[workers] processes`` N (feeds.toml's default when not
given). It prints the digests :mod:`store_digest` prints: one per store table,
one over the published files, one over everything. The servers listen on
ports the system picks, so each ``127.0.0.H:PORT`` is written ``127.0.0.H:PORT``
before hashing; nothing else is changed. Two commits that print the same last
line stored the same rows and wrote the same bytes for these feeds.
"""

from __future__ import annotations

import argparse
import re
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "benchmarks"), str(ROOT / "scripts")]

from feeds_bench import build_feeds, serve  # noqa: E402
from store_digest import NOW, print_digests  # noqa: E402

ADDRESS = re.compile(r"(127\.0\.0\.\d+):\d+")


def portless(text: str) -> str:
    return ADDRESS.sub(r"\1:PORT", text)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--feeds", type=int, default=1000)
    parser.add_argument("--entries", type=int, default=20)
    parser.add_argument("--hosts", type=int, default=8)
    parser.add_argument("--processes", type=int, help="[workers] processes for the run")
    parser.add_argument("--work", type=Path, help="an empty directory for the project")
    args = parser.parse_args()
    from e2e_bench import write_config

    from aggregator.app import load_app
    from aggregator.pipeline import run_once

    project = args.work or Path(tempfile.mkdtemp(prefix="aggregator-feeds-digest-"))
    project.mkdir(parents=True, exist_ok=True)
    feeds = build_feeds(args.feeds, args.entries, args.hosts)
    with serve(feeds, args.hosts):
        sources = [
            {"name": f"feed-{feed.number:05}", "type": "feed", "url": feed.url} for feed in feeds
        ]
        config = write_config(project, sources, http={"allow_private": True, "max_workers": 8})
        app = load_app(config, entry_points=False)
        if args.processes is not None:
            app.config.workers["processes"] = args.processes
        report = run_once(app, now=NOW)
    print(f"run: {report.items} items, {report.kept} kept, {len(report.errors)} errors")
    print_digests(project, portless)


if __name__ == "__main__":
    main()
