"""Clustering at scale: time, growth, candidate pairs, memory and accuracy.

    python benchmarks/cluster_bench.py [--sizes 1000 10000 100000]

For each size, a fresh process generates the synthetic corpus
(benchmarks/corpus.py), parses every report with the real text parser (not
timed), and feeds the items to the cluster_stories plugin in batches of 500
inside store transactions, exactly as a run does (timed). It prints, per
size: seconds, items per second, candidate pairs examined per item, peak
memory added per item, and pairwise precision and recall against the known
groups; then the log-log growth slope of time over size.
"""

from __future__ import annotations

import argparse
import json
import math
import resource
import subprocess
import sys
import tempfile
import time
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

BATCH = 500


def pairs(counter: Counter[object]) -> int:
    return sum(n * (n - 1) // 2 for n in counter.values())


def pairwise(truth: list[int], predicted: list[str]) -> tuple[float, float]:
    """Pairwise precision and recall from the contingency of groups and stories."""
    both = pairs(Counter(zip(truth, predicted, strict=True)))
    predicted_pairs = pairs(Counter(predicted))
    true_pairs = pairs(Counter(truth))
    precision = both / predicted_pairs if predicted_pairs else 1.0
    recall = both / true_pairs if true_pairs else 1.0
    return precision, recall


def measure(size: int) -> dict[str, float]:
    """Run in a fresh process: cluster ``size`` reports and return the figures."""
    from aggregator import Document, SourceConfig
    from aggregator.config import load_config
    from aggregator.plugins import cluster_stories, text_parser
    from aggregator.run import Run
    from aggregator.store import Store
    from corpus import generate

    now = datetime(2026, 11, 22, tzinfo=UTC)
    source = SourceConfig(name="bench", type="files", options={}, base_dir=Path("."))
    with tempfile.TemporaryDirectory() as temp:
        feeds = Path(temp) / "feeds.toml"
        feeds.write_text('[feed]\ntitle = "bench"\nlink = "https://example.org/"\n')
        config = load_config(feeds)
        cluster_stories.aggregator_configure(config)
        store = Store.open(Path(temp) / "state.db")
        run = Run(config=config, store=store, now=now)
        cluster_stories.aggregator_run_start(run)
        truth: list[int] = []
        predicted: list[str] = []
        seconds = 0.0
        rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        batch = []
        reports = generate(size)
        for report in reports:
            document = Document(
                source="bench",
                uri=report.name,
                content=report.text.encode(),
                media_type="text/plain",
                fetched_at=now,
            )
            [item] = text_parser.aggregator_parse(document, source) or []
            item.first_seen = now
            batch.append((report.group, item))
            if len(batch) == BATCH:
                seconds += _cluster(run, batch, truth, predicted)
                batch = []
        if batch:
            seconds += _cluster(run, batch, truth, predicted)
        rss_after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        index = config.stash[cluster_stories.RUN].index
        examined = index.pairs_examined if index is not None else 0
        store.close()
    precision, recall = pairwise(truth, predicted)
    return {
        "items": size,
        "seconds": seconds,
        "pairs_examined": examined,
        "peak_kb_per_item": max(0, rss_after - rss_before) / size,
        "precision": precision,
        "recall": recall,
    }


def _cluster(
    run: object, batch: list[tuple[int, object]], truth: list[int], predicted: list[str]
) -> float:
    from aggregator.plugins import cluster_stories
    from aggregator.run import Run

    assert isinstance(run, Run)
    items = [item for _, item in batch]
    start = time.perf_counter()
    with run.store.transaction():
        cluster_stories.aggregator_cluster(items, run.store, run.config)  # type: ignore[arg-type]
    elapsed = time.perf_counter() - start
    for group, item in batch:
        truth.append(group)
        predicted.append(item.story_id)  # type: ignore[attr-defined]
    return elapsed


def slope(rows: list[dict[str, float]]) -> float:
    """Least-squares slope of log(seconds) over log(items)."""
    xs = [math.log(row["items"]) for row in rows]
    ys = [math.log(max(row["seconds"], 1e-9)) for row in rows]
    mean_x, mean_y = sum(xs) / len(xs), sum(ys) / len(ys)
    num = sum((x - mean_x) * (y - mean_y) for x, y in zip(xs, ys, strict=True))
    den = sum((x - mean_x) ** 2 for x in xs)
    return num / den if den else float("nan")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000, 100000])
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        print(json.dumps(measure(args.one)))
        return
    rows = []
    print(
        f"{'items':>8} {'seconds':>9} {'items/s':>9} {'pairs/item':>10} {'peak KB/item':>12}"
        f" {'precision':>9} {'recall':>7}"
    )
    for size in args.sizes:
        output = subprocess.run(
            [sys.executable, __file__, "--one", str(size)],
            check=True,
            capture_output=True,
            text=True,
        ).stdout
        row = json.loads(output.strip().splitlines()[-1])
        rows.append(row)
        print(
            f"{row['items']:>8} {row['seconds']:>9.2f} {row['items'] / row['seconds']:>9.0f}"
            f" {row['pairs_examined'] / row['items']:>10.2f} {row['peak_kb_per_item']:>12.2f}"
            f" {row['precision']:>9.3f} {row['recall']:>7.3f}",
            flush=True,
        )
    if len(rows) > 1:
        print(f"log-log growth slope: {slope(rows):.3f} (target at most 1.1)")
        worst = max(row["pairs_examined"] / row["items"] for row in rows)
        print(f"candidate pairs examined: at most {worst:.2f} per item (target at most 10)")


if __name__ == "__main__":
    main()
