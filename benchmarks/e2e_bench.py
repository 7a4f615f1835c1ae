"""End to end: `aggregator run --once` over N plain-text articles, against the raw limits.

    python benchmarks/e2e_bench.py [--sizes 1000 10000 100000] [--million] [--json OUT]

For each size N, in a temporary directory: the synthetic corpus of
benchmarks/corpus.py is written (N articles, not timed), with a feeds.toml
that keeps the SHIPPED feeds.toml's [feed], [store] and [plugins] tables (so
every curation plugin runs with the real vocabulary) and one ``files``
source over the articles. Then, each in a fresh process
(``python -m aggregator run --once --json -q``):

  first run   everything is new: read, parse, clean, tag, judge, cluster,
              store, publish;
  rerun       nothing changed: the same command again.

Wall time is measured around the process (it includes interpreter start and
plugin loading); peak RSS is that process's own high-water mark (VmHWM,
written at exit by a tiny runpy wrapper). The run's JSON report gives the
seconds of each stage; items / stage seconds is that stage's throughput.

The raw limits are measured in this process on the same files, in chunks so
memory stays flat: reading every file, lxml.html.fromstring on each file's
decoded text, sha1 of each file's bytes, and SQLite upserts of one row per
file (id, json text with the file's text; executemany in one transaction,
WAL, synchronous=NORMAL as the store uses). Each is printed as items/s, with
our end-to-end throughput as a share of it.

Targets: at least 2,000 items/s end to end at 100k; log-log growth slope of
first-run time over N at most 1.1; rerun at most 3% of the first run; peak
RSS at most 500 MB at 100k. Each is printed with ✓ or ✗ as measured.
"""

from __future__ import annotations

import argparse
import copy
import hashlib
import json
import math
import os
import resource
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import lxml.html

sys.path.insert(0, str(Path(__file__).resolve().parent))

ROOT = Path(__file__).resolve().parents[1]
SHIPPED = ROOT / "feeds.toml"
STAGES = ("fetch", "parse", "clean", "tag", "judge", "cluster", "store", "publish")
CHUNK = 10_000
TARGET_RATE = 2000.0
TARGET_SLOPE = 1.1
TARGET_RERUN = 0.03
TARGET_RSS_MB = 500.0
TARGET_SIZE = 100_000
MILLION = 1_000_000


def mark(ok: bool) -> str:
    return "✓" if ok else "✗"


def machine_memory_mb() -> float:
    """The machine's memory (MemTotal), in the MB of the RSS figures (kB / 1024)."""
    with open("/proc/meminfo", encoding="ascii") as meminfo:
        for line in meminfo:
            if line.startswith("MemTotal:"):
                return int(line.split()[1]) / 1024
    raise RuntimeError("no MemTotal in /proc/meminfo")


# processes --------------------------------------------------------------------------


@dataclass
class Measured:
    """One process: wall seconds, its own peak RSS, exit code, output, and the CPU seconds
    (user + sys) of the process and every process it waited for (its workers)."""

    seconds: float
    rss_mb: float
    code: int
    stdout: str
    stderr: str
    cpu_seconds: float = 0.0
    together_rss_mb: float = 0.0
    """The largest sum of the processes' RSS at one moment (sampled; :data:`PEAK_WRAPPER`)."""
    together_pss_mb: float = 0.0
    """The largest sum of their PSS at one moment: shared pages counted once."""

    def report(self) -> dict[str, Any]:
        """The run's JSON report (``--json``) from stdout."""
        text = self.stdout
        start = text.find("{")
        if start < 0:
            raise RuntimeError(f"no JSON report (exit {self.code}):\n{self.stderr[-2000:]}")
        result: dict[str, Any] = json.loads(text[start:])
        return result


PEAK_WRAPPER = """
import atexit, os, resource, runpy, sys, threading, time
out = sys.argv[1]
children = {}
together = {"rss": 0, "pss": 0}
def field(pid, name, table="status"):
    try:
        with open(f"/proc/{pid}/{table}") as status:
            return next(int(l.split()[1]) for l in status if l.startswith(name))
    except (OSError, StopIteration, ValueError):
        return 0
def watch():
    me = os.getpid()
    rounds = 0
    while True:
        alive = []
        for task in os.listdir(f"/proc/{me}/task"):
            try:
                with open(f"/proc/{me}/task/{task}/children") as listing:
                    alive += listing.read().split()
            except OSError:
                continue
        for pid in alive:
            children[pid] = max(children.get(pid, 0), field(pid, "VmHWM:"))
        pids = ["self", *alive]
        together["rss"] = max(together["rss"], sum(field(pid, "VmRSS:") for pid in pids))
        if rounds % 5 == 0:
            pss = sum(field(pid, "Pss:", "smaps_rollup") for pid in pids)
            together["pss"] = max(together["pss"], pss)
        rounds += 1
        time.sleep(0.1)
threading.Thread(target=watch, daemon=True).start()
def report():
    kb = field("self", "VmHWM:") or resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    with open(out, "w") as handle:
        handle.write(f"{kb + sum(children.values())} {together['rss']} {together['pss']}")
atexit.register(report)
if sys.argv[2] == "-m":
    sys.argv = sys.argv[3:]
    runpy.run_module(sys.argv[0], run_name="__main__", alter_sys=True)
else:
    sys.argv = sys.argv[2:]
    runpy.run_path(sys.argv[0], run_name="__main__")
"""
"""Runs ``-m module args`` or ``script args`` and writes at exit three peaks (kB) of the
process and its children (the worker processes of ``[workers] processes`` and
multiprocessing's resource tracker):

- the sum of each one's own peak: its VmHWM plus each child's last VmHWM, read every 0.1 s
  while the child lives. An upper bound: the processes need not peak at the same moment.
- the peak of their RSS together: the largest sum of their VmRSS at one moment, sampled
  every 0.1 s (a peak shorter than that can be missed).
- the peak of their PSS together (``/proc/PID/smaps_rollup``), sampled every 0.5 s: pages
  the processes share (the interpreter, numpy's libraries) counted once between them, so
  the memory the machine gives the run.

ru_maxrss is not usable here: Linux keeps it across fork and exec, so a child
reports at least its parent's peak. VmHWM belongs to the exec'd image only."""


def measure_python(args: list[str], cwd: Path, timeout: float) -> Measured:
    """Run ``python ARGS`` (``-m module ...`` or ``script ...``) in a fresh process.

    Wall time is measured around the process; peak RSS is its own VmHWM,
    written at exit by :data:`PEAK_WRAPPER` (the wrapper adds no imports).
    """
    env = {**os.environ, "PYTHONHASHSEED": "0"}
    with (
        tempfile.TemporaryFile() as out,
        tempfile.TemporaryFile() as err,
        tempfile.TemporaryDirectory() as temp,
    ):
        peak_file = Path(temp) / "peak"
        command = [sys.executable, "-c", PEAK_WRAPPER, str(peak_file), *args]
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        started = time.perf_counter()
        process = subprocess.Popen(command, cwd=cwd, stdout=out, stderr=err, env=env)
        try:
            process.wait(timeout)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        seconds = time.perf_counter() - started
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu = after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime
        out.seek(0)
        err.seek(0)
        stdout = out.read().decode("utf-8", "replace")
        stderr = err.read().decode("utf-8", "replace")
        peaks = [int(kb) for kb in peak_file.read_text().split()] if peak_file.exists() else []
    if process.returncode < 0:
        raise RuntimeError(f"{args} was killed (timeout {timeout:.0f} s?)\n{stderr[-2000:]}")
    hwm_kb, rss_kb, pss_kb = [*peaks, 0, 0, 0][:3]
    return Measured(
        seconds,
        hwm_kb / 1024,
        process.returncode,
        stdout,
        stderr,
        cpu,
        rss_kb / 1024,
        pss_kb / 1024,
    )


def run_args(config: Path) -> list[str]:
    return ["-m", "aggregator", "run", "--once", "--json", "-q", "-c", str(config)]


# project ----------------------------------------------------------------------------


def byte_compile_project() -> str:
    """Byte-compile aggregator and its built-in plugins before anything is timed.

    pip byte-compiles the packages it installs, so the peer's modules load
    from .pyc files; our editable install runs from the source tree, and with
    PYTHONDONTWRITEBYTECODE set (as on this machine) Python would compile
    every module of ours again in every timed process (about 50 ms each).
    Reading .pyc files is not affected by that setting.
    """
    import compileall
    import importlib

    packages = [importlib.import_module(name) for name in ("aggregator", "aggregator.plugins")]
    folders = sorted(
        {folder for package in packages for folder in getattr(package, "__path__", [])}
    )
    for folder in folders:
        compileall.compile_dir(folder, quiet=1, workers=1)
    return f"project byte-compiled ({', '.join(folders)})"


def revision() -> str:
    """The commit measured, and whether the engine has uncommitted changes."""
    try:
        head = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True
        ).stdout.strip()
        dirty = subprocess.run(
            ["git", "status", "--porcelain", "-uno", "--", "aggregator", "plugins", "benchmarks"],
            cwd=ROOT,
            capture_output=True,
            text=True,
        ).stdout.strip()
    except OSError:
        return "unknown commit"
    return f"commit {head or '?'}" + (" + uncommitted changes" if dirty else "")


def shipped_config() -> dict[str, Any]:
    with SHIPPED.open("rb") as handle:
        return tomllib.load(handle)


def write_config(
    project: Path,
    sources: list[dict[str, Any]],
    *,
    threshold: float | None = None,
    **tables: Any,
) -> Path:
    """feeds.toml in ``project``: the shipped tables, our sources, and ``tables`` merged in.

    ``threshold`` replaces ``[plugins.judge_relevance] threshold`` (and nothing else).
    """
    from aggregator.toolkit.toml_writer import dump_toml

    config = shipped_config()
    config["sources"] = sources
    for name, table in tables.items():
        config.setdefault(name, {}).update(table)
    if threshold is not None:
        config["plugins"]["judge_relevance"]["threshold"] = threshold
    expected = copy.deepcopy(config["plugins"])
    path = project / "feeds.toml"
    path.write_text(dump_toml(config), encoding="utf-8")
    with path.open("rb") as handle:
        if tomllib.load(handle)["plugins"] != expected:
            raise RuntimeError("the [plugins] tables did not survive dump_toml")
    return path


def corpus_files(project: Path) -> list[Path]:
    return sorted((project / "articles").rglob("*.txt"))


# raw limits -------------------------------------------------------------------------


def chunks(files: list[Path]) -> list[list[Path]]:
    return [files[start : start + CHUNK] for start in range(0, len(files), CHUNK)]


def raw_limits(files: list[Path], project: Path) -> dict[str, float]:
    """Seconds for each raw operation over every file; chunked, so memory stays flat."""
    seconds = dict.fromkeys(("read", "lxml", "sha1", "sqlite"), 0.0)
    total_bytes = 0
    for chunk in chunks(files):
        started = time.perf_counter()
        blobs = []
        for path in chunk:
            with path.open("rb") as handle:
                blobs.append(handle.read())
        seconds["read"] += time.perf_counter() - started
        total_bytes += sum(map(len, blobs))
        texts = [blob.decode("utf-8") for blob in blobs]
        started = time.perf_counter()
        for text in texts:
            lxml.html.fromstring(text)
        seconds["lxml"] += time.perf_counter() - started
        started = time.perf_counter()
        for blob in blobs:
            hashlib.sha1(blob).hexdigest()
        seconds["sha1"] += time.perf_counter() - started
    seconds["sqlite"] = sqlite_limit(files, project / "raw_limit.db")
    seconds["bytes"] = float(total_bytes)
    return seconds


def sqlite_limit(files: list[Path], path: Path) -> float:
    """Upsert one row per file (id, json of its text) in one WAL transaction; seconds."""
    db = sqlite3.connect(path, isolation_level=None)
    db.execute("PRAGMA journal_mode=WAL")
    db.execute("PRAGMA synchronous=NORMAL")
    db.execute("CREATE TABLE items (id TEXT PRIMARY KEY, data TEXT NOT NULL)")
    sql = (
        "INSERT INTO items (id, data) VALUES (?, ?)"
        " ON CONFLICT (id) DO UPDATE SET data = excluded.data"
    )
    seconds = 0.0
    started = time.perf_counter()
    db.execute("BEGIN")
    seconds += time.perf_counter() - started
    for chunk in chunks(files):
        rows = []
        for path in chunk:
            uri = path.relative_to(path.parents[2]).as_posix()
            text = path.read_text(encoding="utf-8")
            data = {"source": "corpus", "uri": uri, "title": text.split("\n", 1)[0], "text": text}
            rows.append((hashlib.sha1(uri.encode()).hexdigest(), json.dumps(data)))
        started = time.perf_counter()
        db.executemany(sql, rows)
        seconds += time.perf_counter() - started
    started = time.perf_counter()
    db.execute("COMMIT")
    seconds += time.perf_counter() - started
    db.close()
    return seconds


# one size ---------------------------------------------------------------------------


@dataclass
class Row:
    items: int
    first: Measured
    rerun: Measured
    first_report: dict[str, Any]
    rerun_report: dict[str, Any]
    limits: dict[str, float]
    corpus_seconds: float
    extra: dict[str, float] = field(default_factory=dict)

    @property
    def rate(self) -> float:
        return self.items / self.first.seconds

    @property
    def rerun_share(self) -> float:
        return self.rerun.seconds / self.first.seconds

    def to_dict(self) -> dict[str, Any]:
        return {
            "items": self.items,
            "first_seconds": self.first.seconds,
            "first_rss_mb": self.first.rss_mb,
            "first_together_rss_mb": self.first.together_rss_mb,
            "first_together_pss_mb": self.first.together_pss_mb,
            "first_cpu_seconds": self.first.cpu_seconds,
            "first_exit": self.first.code,
            "rerun_seconds": self.rerun.seconds,
            "rerun_rss_mb": self.rerun.rss_mb,
            "rerun_exit": self.rerun.code,
            "first_report": self.first_report,
            "rerun_report": self.rerun_report,
            "raw_limit_seconds": self.limits,
        }


def measure_size(
    items: int,
    base: Path | None,
    timeout: float,
    keep: bool,
    threshold: float | None,
    processes: int | None = None,
) -> Row:
    from corpus import write

    if base is not None:
        base.mkdir(parents=True, exist_ok=True)
    project = Path(tempfile.mkdtemp(prefix=f"e2e_{items}_", dir=base))
    try:
        started = time.perf_counter()
        write(project, items)
        corpus_seconds = time.perf_counter() - started
        config = write_config(
            project,
            [{"name": "corpus", "type": "files", "paths": ["articles/*/*.txt"]}],
            threshold=threshold,
            **({"workers": {"processes": processes}} if processes is not None else {}),
        )
        first = measure_python(run_args(config), project, timeout)
        first_report = first.report()
        rerun = measure_python(run_args(config), project, timeout)
        rerun_report = rerun.report()
        started = time.perf_counter()
        limits = raw_limits(corpus_files(project), project)
        limits_seconds = time.perf_counter() - started
        print(
            f"  N={items}: corpus written in {corpus_seconds:.1f} s, first run"
            f" {first.seconds:.1f} s, rerun {rerun.seconds:.2f} s, raw limits"
            f" {limits_seconds:.1f} s",
            file=sys.stderr,
            flush=True,
        )
        return Row(items, first, rerun, first_report, rerun_report, limits, corpus_seconds)
    finally:
        if keep:
            print(f"  kept {project}", file=sys.stderr)
        else:
            shutil.rmtree(project, ignore_errors=True)


# printing ---------------------------------------------------------------------------


def slope(points: list[tuple[float, float]]) -> float:
    """Least-squares slope of log(seconds) over log(items)."""
    xs = [math.log(n) for n, _ in points]
    ys = [math.log(max(s, 1e-9)) for _, s in points]
    mean_x, mean_y = sum(xs) / len(xs), sum(ys) / len(ys)
    num = sum((x - mean_x) * (y - mean_y) for x, y in zip(xs, ys, strict=True))
    den = sum((x - mean_x) ** 2 for x in xs)
    return num / den if den else float("nan")


def rate(items: float, seconds: float) -> str:
    """items/s, or "-" when the stage took under 50 ms (too little to measure, or no work)."""
    return f"{items / seconds:,.0f}" if seconds >= 0.05 else "-"


def print_tables(rows: list[Row]) -> None:
    print(
        "\nend to end: `aggregator run --once` in a fresh process"
        " (wall time includes interpreter start-up and plugin loading)"
    )
    print(
        f"{'items':>9} {'first s':>9} {'items/s':>8} {'peak RSS MB':>11} {'rerun s':>8}"
        f" {'rerun/first':>12} {'rerun docs':>10} {'kept':>7} {'dropped':>7} {'stories':>7}"
        f" {'errors':>6}"
    )
    for row in rows:
        report, again = row.first_report, row.rerun_report
        share = row.rerun_share
        print(
            f"{row.items:>9} {row.first.seconds:>9.2f} {row.rate:>8,.0f} {row.first.rss_mb:>11.1f}"
            f" {row.rerun.seconds:>8.2f} {share:>10.1%} {mark(share <= TARGET_RERUN)}"
            f" {again['documents']:>10} {report['kept']:>7} {sum(report['dropped'].values()):>7}"
            f" {report['stories_new']:>7} {len(report['errors']) + len(again['errors']):>6}"
        )
        if report["items"] != row.items:
            print(f"{'':>9} note: the run processed {report['items']} items, not {row.items}")
    print(
        "  rerun docs: documents the no-change rerun parsed (0 = nothing was read again);"
        f" rerun peak RSS: {', '.join(f'{row.rerun.rss_mb:.0f} MB' for row in rows)}"
    )
    together = ", ".join(
        f"{row.first.together_rss_mb:.1f} / {row.first.together_pss_mb:.1f} MB" for row in rows
    )
    print(
        "  peak RSS MB is the sum of each process's own peak (an upper bound); the peak of the"
        f" processes' memory at one moment, RSS / PSS (shared pages once), sampled: {together}"
    )
    cpu = ", ".join(f"{row.first.cpu_seconds:.2f}" for row in rows)
    print(
        "  CPU s of the first run (user + sys of its process and its workers; less drift"
        f" than wall time on a shared machine): {cpu}"
    )
    if any(row.first_report["kept"] == 0 for row in rows):
        print(
            "  note: judge_relevance dropped every item, so cluster_stories and the stories saw"
            " none; --threshold -100 keeps every item and exercises them"
        )

    print(
        "\nper stage, first run: items/s = items ÷ the stage's seconds in the run's JSON report"
        " (fetch includes listing and reading the files)"
    )
    header = "".join(f" {stage:>9}" for stage in STAGES)
    print(f"{'items':>9}{header} {'start-up s':>10} {'other s':>8} {'run s':>8}")
    for row in rows:
        report = row.first_report
        stages = report["stage_seconds"]
        cells = "".join(f" {rate(report['items'], stages.get(stage, 0.0)):>9}" for stage in STAGES)
        staged = sum(stages.get(stage, 0.0) for stage in STAGES)
        print(
            f"{row.items:>9}{cells} {row.first.seconds - report['seconds']:>10.2f}"
            f" {report['seconds'] - staged:>8.2f} {report['seconds']:>8.2f}"
        )
    print(f"{'':>9}" + "".join(f" {'(s)':>9}" for _ in STAGES))
    for row in rows:
        stages = row.first_report["stage_seconds"]
        print(f"{row.items:>9}" + "".join(f" {stages.get(stage, 0.0):>9.2f}" for stage in STAGES))
    print(
        "  start-up s: process wall time minus the run's own seconds (interpreter, imports,"
        " config, plugins); other s: run seconds outside the eight stages"
    )
    print("\nrerun, per stage (s):")
    print(f"{'items':>9}" + "".join(f" {stage:>9}" for stage in STAGES) + f" {'run s':>8}")
    for row in rows:
        stages = row.rerun_report["stage_seconds"]
        cells = "".join(f" {stages.get(stage, 0.0):>9.3f}" for stage in STAGES)
        print(f"{row.items:>9}{cells} {row.rerun_report['seconds']:>8.3f}")

    print(
        "\nraw limits on the same files, measured in this process right after the runs (page"
        " cache as the runs left it)"
    )
    labels = {
        "read": "read every file (bytes)",
        "lxml": "lxml.html.fromstring(text) per file",
        "sha1": "sha1 of each file's bytes",
        "sqlite": "SQLite upsert 1 row/file, 1 txn, WAL",
    }
    print(f"{'items':>9}  {'limit':38} {'items/s':>10} {'MB/s':>8} {'ours ÷ limit':>12}")
    for row in rows:
        megabytes = row.limits["bytes"] / 1e6
        for key, label in labels.items():
            seconds = row.limits[key]
            limit = row.items / seconds if seconds else float("inf")
            print(
                f"{row.items:>9}  {label:38} {limit:>10,.0f} {megabytes / seconds:>8.1f}"
                f" {row.rate / limit:>12.2%}"
            )
        ours = megabytes / row.first.seconds
        print(f"{'':>9}  {'ours, end to end':38} {row.rate:>10,.0f} {ours:>8.2f}")

    print("\ntargets")
    if len(rows) > 1:
        wall = slope([(row.items, row.first.seconds) for row in rows])
        inner = slope([(row.items, row.first_report["seconds"]) for row in rows])
        print(
            f"  log-log growth slope of first-run time ≤ {TARGET_SLOPE}: {wall:.3f}"
            f" {mark(wall <= TARGET_SLOPE)}  (wall time; the run's own seconds give {inner:.3f})"
        )
    else:
        print("  log-log growth slope: needs two sizes or more")
    at_target = [row for row in rows if row.items == TARGET_SIZE]
    largest = max(rows, key=lambda row: row.items)
    if at_target:
        row = at_target[0]
        print(
            f"  ≥ {TARGET_RATE:,.0f} items/s end to end at 100k: {row.rate:,.0f}"
            f" {mark(row.rate >= TARGET_RATE)}"
        )
        print(
            f"  peak RSS ≤ {TARGET_RSS_MB:.0f} MB at 100k: {row.first.rss_mb:.0f} MB"
            f" {mark(row.first.rss_mb <= TARGET_RSS_MB)} (each process's peak, summed);"
            f" at one moment {row.first.together_rss_mb:.0f} MB"
            f" {mark(row.first.together_rss_mb <= TARGET_RSS_MB)}, PSS"
            f" {row.first.together_pss_mb:.0f} MB"
            f" {mark(row.first.together_pss_mb <= TARGET_RSS_MB)}"
        )
    else:
        print(
            f"  ≥ {TARGET_RATE:,.0f} items/s at 100k: not measured (100k not run); at"
            f" {largest.items}: {largest.rate:,.0f} items/s {mark(largest.rate >= TARGET_RATE)}"
        )
        print(
            f"  peak RSS ≤ {TARGET_RSS_MB:.0f} MB at 100k: not measured; at {largest.items}:"
            f" {largest.first.rss_mb:.0f} MB"
        )
    for row in rows:
        if row.items >= MILLION:
            memory = machine_memory_mb()
            completed = not row.first.code and row.first.rss_mb < memory
            print(
                f"  a run of {row.items:,} completes within the machine's memory: peak RSS"
                f" {row.first.rss_mb:,.0f} MB of {memory:,.0f} MB, exit code {row.first.code}"
                f" {mark(completed)}"
            )
    row = at_target[0] if at_target else largest
    print(
        f"  rerun ≤ {TARGET_RERUN:.0%} of the first run (at {row.items}): {row.rerun_share:.1%}"
        f" {mark(row.rerun_share <= TARGET_RERUN)}"
        + ("" if at_target else " (the target is set at 100k; start-up dominates small runs)")
    )
    if len(rows) > 1 and not at_target:
        inner = slope([(r.items, r.first_report["seconds"]) for r in rows])
        run_seconds = largest.first_report["seconds"]
        startup = largest.first.seconds - run_seconds
        estimate = startup + run_seconds * (TARGET_SIZE / largest.items) ** inner
        print(
            f"  estimated first run at 100k: {estimate:,.0f} s ({TARGET_SIZE / estimate:,.0f}"
            f" items/s): start-up + the run's own seconds extended along its slope {inner:.3f}"
        )


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__.split("\n\n")[0],
        epilog=__doc__.split("\n\n", 2)[2],
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "--sizes", type=int, nargs="+", default=[1000, 10000, 100000], help="article counts N"
    )
    parser.add_argument(
        "--million", action="store_true", help="add N = 1,000,000 (long; about 4 GB of disk)"
    )
    parser.add_argument(
        "--tmp", type=Path, default=None, help="where the temporary projects go (default: $TMPDIR)"
    )
    parser.add_argument(
        "--timeout",
        type=float,
        default=14400.0,
        help="seconds a single run may take (default 14400; a million items take ~30 min)",
    )
    parser.add_argument(
        "--threshold",
        type=float,
        default=None,
        help="replace [plugins.judge_relevance] threshold (default: as shipped); e.g. -100 keeps"
        " every item, so clustering and stories see all of them",
    )
    parser.add_argument("--keep", action="store_true", help="keep the temporary projects")
    parser.add_argument("--json", type=Path, help="also write every figure to this JSON file")
    parser.add_argument(
        "--processes",
        type=int,
        default=None,
        help="[workers] processes for the runs (default: feeds.toml's, one per core);"
        " peak RSS then sums the run's process and its workers",
    )
    args = parser.parse_args()
    sizes = sorted(set(args.sizes + ([MILLION] if args.million else [])))
    print(
        f"e2e: sizes {sizes}; config = shipped {SHIPPED.name} ([plugins] tables as shipped) with"
        f" one files source; {revision()}; python {sys.version.split()[0]},"
        f" {os.cpu_count()} CPUs; {byte_compile_project()}",
        file=sys.stderr,
    )
    if args.threshold is not None:
        print(f"judge_relevance threshold replaced: {args.threshold}", file=sys.stderr)
    if args.processes is not None:
        print(f"[workers] processes = {args.processes}", file=sys.stderr)
    rows = [
        measure_size(size, args.tmp, args.timeout, args.keep, args.threshold, args.processes)
        for size in sizes
    ]
    print_tables(rows)
    if args.json:
        args.json.write_text(json.dumps([row.to_dict() for row in rows], indent=2))


if __name__ == "__main__":
    main()
