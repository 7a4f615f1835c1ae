"""CPU seconds of each stage of a one-process run, steady enough to compare two commits.

    python benchmarks/stage_bench.py [--items 5000] [--repeats 3] [--profile OUT]

The end-to-end benchmark times whole runs by the wall clock, which a busy
machine stretches. This one runs the pipeline in this process, with one
process (``[workers] processes = 1``) and the shipped feeds.toml's plugin
tables, over the synthetic corpus of benchmarks/corpus.py, ``--repeats``
times on a fresh store, and reads each stage's time with the process's CPU
clock (``time.process_time``) instead of the wall clock: time this process
was not running is not counted, so another job on the machine changes the
figures little. For each stage it prints the least CPU seconds of the repeats
and that as microseconds an item; then the whole run's CPU seconds.

``--profile OUT`` runs once more under cProfile and writes the statistics to
OUT (read them with ``python -m pstats OUT``).

Compare two commits by running this on each, one after the other: a change
that makes no stage slower and the run's CPU seconds smaller is faster.
"""

from __future__ import annotations

import argparse
import cProfile
import shutil
import sys
import tempfile
import time
from collections import defaultdict
from datetime import UTC, datetime
from pathlib import Path
from types import SimpleNamespace

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from e2e_bench import write_config  # noqa: E402

from aggregator import pipeline  # noqa: E402
from aggregator.app import load_app  # noqa: E402
from corpus import write  # noqa: E402

STAGES = ("fetch", "parse", "clean", "tag", "judge", "cluster", "store", "publish")
NOW = datetime(2026, 6, 1, 12, 0, tzinfo=UTC)


def build_project(work: Path, items: int) -> Path:
    """The synthetic corpus and a feeds.toml with the shipped tables, as the end-to-end
    benchmark writes them, but for one process."""
    write(work, items)
    source = {"name": "corpus", "type": "files", "paths": ["articles/*/*.txt"]}
    return write_config(work, [source], workers={"processes": 1})


def run_on_cpu_clock(config_path: Path) -> tuple[dict[str, float], float]:
    """One run on a fresh store: each stage's CPU seconds, and the run's."""
    shutil.rmtree(config_path.parent / ".aggregator", ignore_errors=True)
    shutil.rmtree(config_path.parent / "public", ignore_errors=True)
    app = load_app(config_path, entry_points=False)
    started = time.process_time()
    report = pipeline.run_once(app, now=NOW)
    total = time.process_time() - started
    return dict(report.stage_seconds), total


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__.split("\n\n")[0],
        epilog=__doc__.split("\n\n", 2)[2],
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--items", type=int, default=5000, help="articles in the corpus")
    parser.add_argument("--repeats", type=int, default=3, help="runs; the least time counts")
    parser.add_argument("--profile", type=Path, help="also write cProfile statistics here")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="aggregator-stages-"))
    try:
        config_path = build_project(work, args.items)
        # The stages' timer reads the CPU clock of this process instead of the wall clock.
        pipeline.time = SimpleNamespace(  # type: ignore[attr-defined,assignment]
            perf_counter=time.process_time, monotonic=time.monotonic
        )
        best: dict[str, float] = defaultdict(lambda: float("inf"))
        best_total = float("inf")
        for _ in range(args.repeats):
            stages, total = run_on_cpu_clock(config_path)
            for stage in STAGES:
                best[stage] = min(best[stage], stages.get(stage, 0.0))
            best_total = min(best_total, total)
        print(f"{args.items} items, one process, least of {args.repeats} runs, CPU clock")
        print(f"  {'stage':<8} {'CPU s':>8} {'µs/item':>9}")
        for stage in STAGES:
            print(f"  {stage:<8} {best[stage]:8.3f} {best[stage] / args.items * 1e6:9.0f}")
        print(f"  {'run':<8} {best_total:8.3f} {best_total / args.items * 1e6:9.0f}")
        if args.profile:
            profiler = cProfile.Profile()
            profiler.runcall(run_on_cpu_clock, config_path)
            profiler.dump_stats(args.profile)
            print(f"profile written to {args.profile}")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
