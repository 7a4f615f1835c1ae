"""The clusterer alone, on PostgreSQL and on SQLite: the cluster part of distributed_bench.py.

    python benchmarks/distributed_bench.py --parts cluster --cluster-sizes 10000 50000

For each size N and each backend, a fresh process stores N reports of the
synthetic corpus (benchmarks/corpus.py), parsed with the text parser, as
items without a story, and queues them in ``cluster_queue`` as workers
would (not timed); then times ``cluster_queue`` (read the queue and the
items, cluster_stories, save the items and the stories, in batches of 2,000
under the clustering lock): wall seconds, the process's CPU, and on
PostgreSQL the CPU of its server process. Then it times what every later
run does first, loading the index of those N reports from the table (the
index lives in memory), and measures the index tables on disk.
"""

from __future__ import annotations

import argparse
import json
import os
import secrets
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from e2e_bench import write_config

ADMIN = "host=127.0.0.1 port=5432 user=postgres dbname=postgres connect_timeout=3"
URL = "postgresql+psycopg://postgres@127.0.0.1:5432/{name}"


@contextmanager
def database() -> Iterator[str]:
    """A new PostgreSQL database, dropped afterwards."""
    import psycopg

    name = f"aggregator_bench_{secrets.token_hex(5)}"
    with psycopg.connect(ADMIN, autocommit=True) as admin:
        admin.execute(f"CREATE DATABASE {name}")
        try:
            yield URL.format(name=name)
        finally:
            admin.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


# the clusterer ----------------------------------------------------------------------


def cluster_child(backend: str, size: int, url: str) -> dict[str, Any]:
    """In a fresh process: store and queue ``size`` reports, then cluster the queue."""
    from aggregator.app import load_app
    from aggregator.config import SourceConfig
    from aggregator.distributed import claims, queue
    from aggregator.distributed.clustering import cluster_queue
    from aggregator.models import Document
    from aggregator.plugins import cluster_stories, text_parser
    from aggregator.run import Run, RunReport
    from aggregator.store import Store
    from corpus import generate

    now = datetime(2026, 11, 22, tzinfo=UTC)
    with tempfile.TemporaryDirectory() as temp:
        project = Path(temp)
        store_table = {"url": url} if backend == "postgresql" else {"path": "state.db"}
        app = load_app(write_config(project, [], store=store_table))
        store = Store.open(project / "state.db", url=url if backend == "postgresql" else None)
        claims.declare_tables(store)
        run = Run(app.config, store, now, RunReport())
        app.hooks.run_start(run)
        source = SourceConfig(name="bench", type="files", options={}, base_dir=project)
        batch: list[Any] = []
        for seq, report in enumerate(generate(size)):
            document = Document(
                source="bench", uri=report.name, content=report.text.encode(),
                media_type="text/plain", fetched_at=now,
            )  # fmt: skip
            [item] = text_parser.aggregator_parse(document, source) or []
            item.first_seen = now
            batch.append(item)
            if len(batch) == 2000 or seq == size - 1:
                with store.transaction():
                    store.save_items(batch)
                    queue.add(
                        store, [queue.QueuedItem(i.id, 0, seq + n) for n, i in enumerate(batch)]
                    )
                batch = []
        backend_pid = None
        if backend == "postgresql":
            backend_pid = store.connection.exec_driver_sql("SELECT pg_backend_pid()").scalar()
        server_before = cpu_seconds(backend_pid) if backend_pid else 0.0
        cpu_before = time.process_time()
        started = time.perf_counter()
        assert cluster_queue(app, run)
        seconds = time.perf_counter() - started
        cpu = time.process_time() - cpu_before
        server = (cpu_seconds(backend_pid) - server_before) if backend_pid else 0.0
        app.hooks.run_finish(run, run.report)
        started = time.perf_counter()
        index = cluster_stories._load(store, now, 60)
        load_seconds = time.perf_counter() - started
        assert len(index.reports) == size
        index_bytes = relation_bytes(store, ["cluster_index", "cluster_keys"])
        stories = run.report.stories_new
        store.close()
    return {
        "backend": backend, "items": size, "seconds": seconds, "cpu": cpu, "server_cpu": server,
        "load_seconds": load_seconds, "index_bytes": index_bytes, "stories": stories,
    }  # fmt: skip


def relation_bytes(store: Any, names: list[str]) -> dict[str, int]:
    """Bytes on disk of each table with its indexes (PostgreSQL), or its pages (SQLite)."""
    sizes = {}
    for name in names:
        if store.connection.dialect.name == "postgresql":
            query = f"SELECT pg_total_relation_size('{name}')"
        else:
            query = (
                f"SELECT sum(pgsize) FROM dbstat WHERE name = '{name}'"
                f" OR name IN (SELECT name FROM sqlite_master WHERE tbl_name = '{name}')"
            )
        sizes[name] = int(store.connection.exec_driver_sql(query).scalar() or 0)
    return sizes


def cluster_part(args: argparse.Namespace) -> None:
    print(
        "\ncluster: the distributed clusterer alone (cluster_queue) over reports already"
        " stored and queued; each a fresh process"
    )
    print(
        f"{'backend':>10} {'items':>6} {'seconds':>8} {'items/s':>8} {'CPU ms/item':>11}"
        f" {'server ms/item':>14} {'index load s':>12} {'rows/s':>7} {'index B/item':>12}"
    )
    rates: dict[tuple[str, int], float] = {}
    for size in args.cluster_sizes:
        for backend in ("sqlite", "postgresql"):
            with database() as url:
                output = subprocess.run(
                    [sys.executable, __file__, backend, str(size), url],
                    check=True, capture_output=True, text=True,
                    env={**os.environ, "PYTHONHASHSEED": "0"},
                ).stdout  # fmt: skip
            row = json.loads(output.strip().splitlines()[-1])
            rates[backend, size] = size / row["seconds"]
            print(
                f"{backend:>10} {size:>6} {row['seconds']:>8.2f} {size / row['seconds']:>8.0f}"
                f" {1000 * row['cpu'] / size:>11.2f} {1000 * row['server_cpu'] / size:>14.2f}"
                f" {row['load_seconds']:>12.2f} {size / row['load_seconds']:>7.0f}"
                f" {sum(row['index_bytes'].values()) / size:>12.0f}",
                flush=True,
            )
        ratio = rates["postgresql", size] / rates["sqlite", size]
        print(f"{'':>10} {size:>6} PostgreSQL ÷ SQLite items/s: {ratio:.2f}×")


def cpu_seconds(pid: int) -> float:
    """User + system CPU seconds of a live process."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


if __name__ == "__main__":
    backend, size, url = sys.argv[1:4]
    print(json.dumps(cluster_child(backend, int(size), url)))
