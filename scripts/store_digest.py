"""Hash what a run stores and publishes, to show that a refactor changed nothing.

    python scripts/store_digest.py [--items 20000] [--work DIR] [--processes N]

Builds (once, in ``--work``) a project whose files source reads the
benchmark corpus (``benchmarks/corpus.py``, ``--items`` articles), the
labelled curation corpus of ``tests/data/curation``, the development halves
of ``tests/data/realworld`` (one source per shape, as the evaluation reads
them; the measuring halves ``test`` and ``dev10`` are left out) and, when
``../shared`` is beside the project, the well-formed feeds of the feedparser
test corpus (so the feed parser and the HTML cleaners are covered too). It runs the
pipeline once at a fixed time with the shipped feeds.toml's curation tables,
then prints one SHA-1 per store table, one over the published files, and one
over everything. Two commits that print the same last line stored the same
rows and wrote the same bytes.

File modification times are left out of the hash (the corpus is written
anew in a fresh work directory); nothing else is.
"""

from __future__ import annotations

import argparse
import hashlib
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import tomllib
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FEEDS = ROOT.parent / "shared" / "corpora" / "feedparser-tests" / "wellformed"
REALWORLD = ROOT / "tests" / "data" / "realworld"
NOW = datetime(2026, 6, 1, 12, 0, tzinfo=UTC)
LEFT_OUT = {"mtime_ns"}


def left_out_halves() -> set[str]:
    """The measuring halves and the newest, unread ones, as tests/realworld_eval.py names them
    (``tests`` on the path): no run of the pipeline is made on them outside their one
    measurement."""
    from realworld_eval import MEASURING_HALVES, UNREAD_HALVES

    return {*MEASURING_HALVES, *UNREAD_HALVES}


def build_project(work: Path, items: int) -> Path:
    project = work / "project"
    if (project / "feeds.toml").exists():
        return project
    project.mkdir(parents=True, exist_ok=True)
    subprocess.run(
        [
            sys.executable,
            str(ROOT / "benchmarks" / "corpus.py"),
            str(project),
            "--items",
            str(items),
        ],
        check=True,
    )
    shutil.copytree(ROOT / "tests" / "data" / "curation", project / "curation")
    globs = ["articles/**/*.txt", "curation/**/*.txt"]
    if FEEDS.is_dir():
        shutil.copytree(FEEDS, project / "feeds")
        globs.append("feeds/**/*.xml")
    sources = [{"name": "corpus", "type": "files", "paths": globs}]
    sys.path[:0] = [str(ROOT), str(ROOT / "tests")]
    left_out = left_out_halves()
    halves = sorted(path for path in REALWORLD.iterdir() if path.name not in left_out)
    for shape in sorted(shape for path in halves for shape in path.glob("*/")):
        half = shape.parent.name
        if not any(shape.glob("*.txt")):
            continue
        copy = project / "realworld" / half / shape.name
        shutil.copytree(shape, copy)
        paths = [f"{copy.relative_to(project)}/*.txt"]
        sources.append({"name": f"{half}-{shape.name}", "type": "files", "paths": paths})
    from aggregator.toolkit.toml_writer import dump_toml

    with (ROOT / "feeds.toml").open("rb") as handle:
        config = tomllib.load(handle)
    config["sources"] = sources
    (project / "feeds.toml").write_text(dump_toml(config), encoding="utf-8")
    return project


def run(project: Path, processes: int | None) -> None:
    from aggregator.app import load_app
    from aggregator.pipeline import run_once

    shutil.rmtree(project / ".aggregator", ignore_errors=True)
    shutil.rmtree(project / "public", ignore_errors=True)
    app = load_app(project / "feeds.toml", entry_points=False)
    if processes is not None:
        app.config.workers["processes"] = processes
    report = run_once(app, now=NOW)
    print(f"run: {report.items} items, {report.kept} kept, {len(report.errors)} errors")


def unchanged(text: str) -> str:
    return text


def table_digests(database: Path, rewrite: Callable[[str], str] = unchanged) -> dict[str, str]:
    """One SHA-1 per table over its rows (each row's repr passed through ``rewrite``)."""
    db = sqlite3.connect(database)
    digests = {}
    tables = [row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
    for table in sorted(tables):
        columns = [row[1] for row in db.execute(f"PRAGMA table_info({table})")]
        kept = [column for column in columns if column not in LEFT_OUT]
        digest = hashlib.sha1()
        rows = db.execute(f"SELECT {', '.join(kept)} FROM {table}").fetchall()
        for row in sorted(rewrite(repr(row)) for row in rows):
            digest.update(row.encode("utf-8", "surrogatepass"))
        digests[f"{table} ({len(rows)} rows)"] = digest.hexdigest()
    db.close()
    return digests


def output_digest(public: Path, rewrite: Callable[[str], str] = unchanged) -> str:
    """One SHA-1 over the published files' names and bytes (their text passed through
    ``rewrite``; undecodable bytes survive it unchanged)."""
    digest = hashlib.sha1()
    for path in sorted(public.rglob("*")):
        if path.is_file():
            digest.update(str(path.relative_to(public)).encode())
            text = path.read_bytes().decode("utf-8", "surrogateescape")
            digest.update(rewrite(text).encode("utf-8", "surrogateescape"))
    return digest.hexdigest()


def print_digests(project: Path, rewrite: Callable[[str], str] = unchanged) -> None:
    """Each table's digest, the published files', and one over everything."""
    digests = table_digests(project / ".aggregator" / "state.db", rewrite)
    digests["published files"] = output_digest(project / "public", rewrite)
    total = hashlib.sha1()
    for name, value in digests.items():
        print(f"{value}  {name}")
        total.update(value.encode())
    print(f"{total.hexdigest()}  everything")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", type=int, default=20000)
    parser.add_argument("--work", type=Path, help="keep the project here (reused if present)")
    parser.add_argument(
        "--processes",
        type=int,
        help="[workers] processes for the run (default: feeds.toml's, i.e. the number of cores)",
    )
    args = parser.parse_args()
    work = args.work or Path(tempfile.mkdtemp(prefix="aggregator-digest-"))
    project = build_project(work, args.items)
    run(project, args.processes)
    print_digests(project)


if __name__ == "__main__":
    main()
