"""Scaling out: 1 and 2 Celery workers on PostgreSQL and Redis, and the clusterer alone.

    python benchmarks/distributed_bench.py                     # all three parts (~5 min)
    python benchmarks/distributed_bench.py --parts latency cpu # the workers only
    python benchmarks/distributed_bench.py --parts cluster --cluster-sizes 10000 50000

Needs PostgreSQL (127.0.0.1:5432, trust auth) and Redis (127.0.0.1:6379) and
`pip install -e '.[distributed,bench]'`. Every database it creates is dropped
and every queue it fills is deleted at the end; nothing leaves 127.0.0.1.

latency   F feeds (--feeds, 128) of E entries (--entries, 5) from the
          synthetic corpus (benchmarks/corpus.py), served on 127.0.0.1 with
          --latency seconds (0.5) of wait before each answer, as a slow
          origin would. A project with one `feed` source per feed, the
          shipped [plugins] tables (every curation plugin), [store] url on a
          new PostgreSQL database and [workers] broker on Redis. K workers
          (`aggregator worker`, a threads pool of --concurrency 8 each, the
          command's default) are started and warmed up with one run over
          the same feeds with no latency (each worker thread loads the
          project once, as a long-lived worker would have); then the timed
          run, `aggregator run --once --json`, fetches a second generation
          of every feed (new entries), and a third run fetches it again
          with nothing changed. Printed for K = 1 and 2, for the timed run:
            sources phase: from the first source taken to the last finished
              (from the claims: lease start and done_at), items/s over it;
            run: the coordinator's wall time (start-up, sending, waiting,
              clustering, publishing), items/s over it;
            the 2-worker ÷ 1-worker ratio of both (target ≥ 1.6× for the
              sources phase);
            the CPU seconds the workers used per item; per source the
              deliveries (task messages a worker received: retries count)
              and the Redis commands (the server's commandstats: every client
              of this Redis counts, so it is an upper bound);
            PostgreSQL rows written (pg_stat_user_tables: inserted + updated
              + deleted): per source in the tables written once a source
              (claims, documents, fetch state), per item by the workers and
              by the clusterer; transactions committed per source
              (pg_stat_database, reads included);
            the CPU seconds of the workers, of PostgreSQL's processes (those
              that ended too, through their parent) and of Redis over the
              timed run, and how busy the machine's cores were;
          and for the run with nothing changed the same per source: what a
          fetch that brings nothing costs (most fetches at scale).
cpu       the same with no latency and more entries (--cpu-entries, 40): the
          work is CPU-bound.
cluster   the distributed clusterer alone (`cluster_queue`: read the queue,
          the items, cluster_stories, save items and stories) over N
          already-stored reports (--cluster-sizes, 10000 50000) of the
          corpus, parsed with the text parser and queued without a story (not
          timed), on PostgreSQL and on SQLite, each in a fresh process. Prints
          items/s (wall), CPU seconds per item of the clusterer and, on
          PostgreSQL, of its server process; the seconds a later run takes
          to load the index of those reports from the table (every run
          does: the index lives in memory); and the bytes of the index
          tables (cluster_index, cluster_keys) per report.

Deterministic inputs (fixed seeds); timings vary with the machine's load, so
the load average is printed first and last. The CPU figures (user + system)
are the ones to compare between runs on a shared machine.
"""

from __future__ import annotations

import argparse
import os
import random
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

sys.path.insert(0, str(Path(__file__).resolve().parent))

from distributed_cluster import cluster_part, database
from e2e_bench import byte_compile_project, mark, measure_python, revision, write_config
from feeds_bench import _entry

TARGET_RATIO = 1.6
SEED = 23
TICKS = os.sysconf("SC_CLK_TCK")
CLUSTERER_SIDE = {
    "stories": ("ins", "upd", "del"),
    "cluster_index": ("ins", "upd", "del"),
    "cluster_keys": ("ins", "upd", "del"),
    "items": ("upd",),
    "cluster_queue": ("del",),
}
"""Rows the clusterer writes: everything else a run writes is the workers' (the items a
worker inserts, the clusterer updates with their story; the queue rows it deletes)."""
PER_SOURCE = {"source_claims", "documents", "sources", "clean_boilerplate_sources", "meta",
              "distributed_runs"}  # fmt: skip
"""Tables a run writes once a source (or once a run), whatever the source's items."""


# feeds ------------------------------------------------------------------------------


def build_generations(count: int, entries: int) -> list[list[bytes]]:
    """Two generations of ``count`` RSS feeds: the second has new entries throughout."""
    from corpus import generate

    rng = random.Random(SEED)
    reports = list(generate(2 * count * entries, seed=SEED))
    generations = []
    for generation in range(2):
        bodies = []
        for feed in range(count):
            items = [
                _entry(feed, index, reports[index].text, reports[index].relevant, rng)
                for index in range(generation * count * entries, (generation + 1) * count * entries)
                if index % count == feed
            ]
            bodies.append(
                (
                    '<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0"><channel>'
                    f"<title>Bench Outlet {feed:05}</title>"
                    f"<link>https://outlet{feed:05}.example.com/</link>"
                    f"<description>{escape('Feed of the distributed benchmark')}</description>"
                    f"<lastBuildDate>{format_datetime(datetime(2026, 3, 1, tzinfo=UTC))}"
                    "</lastBuildDate>" + "".join(items) + "</channel></rss>\n"
                ).encode()
            )
        generations.append(bodies)
    return generations


class Origin:
    """The feeds on 127.0.0.1: the current generation, after ``latency`` seconds."""

    def __init__(self, generations: list[list[bytes]]) -> None:
        self.generations = generations
        self.generation = 0
        self.latency = 0.0
        origin = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, format: str, *args: object) -> None:
                pass

            def do_GET(self) -> None:
                time.sleep(origin.latency)
                match = re.fullmatch(r"/feeds/(\d+)\.xml", self.path)
                bodies = origin.generations[origin.generation]
                if match is None or int(match[1]) >= len(bodies):
                    self.send_error(404)
                    return
                body = bodies[int(match[1])]
                self.send_response(200)
                self.send_header("Content-Type", "application/rss+xml; charset=utf-8")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

        class Server(ThreadingHTTPServer):
            daemon_threads = True
            request_queue_size = 256

        self.server = Server(("127.0.0.1", 0), Handler)

    def url(self, feed: int) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}/feeds/{feed:05}.xml"

    @contextmanager
    def running(self) -> Iterator[Origin]:
        thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        thread.start()
        try:
            yield self
        finally:
            self.server.shutdown()
            self.server.server_close()


# services ---------------------------------------------------------------------------


def plain(url: str) -> str:
    return url.replace("postgresql+psycopg://", "postgresql://")


def table_writes(url: str) -> dict[str, dict[str, int]]:
    import psycopg

    with psycopg.connect(plain(url)) as connection:
        rows = connection.execute(
            "SELECT relname, n_tup_ins, n_tup_upd, n_tup_del FROM pg_stat_user_tables"
        ).fetchall()
        return {name: {"ins": i, "upd": u, "del": d} for name, i, u, d in rows if i + u + d}


def commits(url: str) -> int:
    import psycopg

    with psycopg.connect(plain(url)) as connection:
        row = connection.execute(
            "SELECT xact_commit FROM pg_stat_database WHERE datname = current_database()"
        ).fetchone()
        return int(row[0]) if row else 0


def redis_commands(redis_url: str) -> int:
    import redis

    stats = redis.Redis.from_url(redis_url).info("commandstats")
    return sum(int(entry["calls"]) for entry in stats.values())


def cpu_seconds(pid: int) -> float:
    """User + system CPU seconds of a live process (0 when it is gone)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / TICKS


def server_cpu(name: str) -> dict[int, float]:
    """CPU seconds of every process called ``name``, and under the key 0 the CPU of
    those that ended, as their parent counts it (PostgreSQL forks one process per
    connection, and the workers' connections come and go within a run)."""
    stats: dict[int, list[str]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                if (entry / "comm").read_text().strip() == name:
                    stats[int(entry.name)] = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
    found = {pid: (int(f[11]) + int(f[12])) / TICKS for pid, f in stats.items()}
    roots = [f for f in stats.values() if int(f[1]) not in stats]
    found[0] = sum((int(f[13]) + int(f[14])) / TICKS for f in roots)
    return found


def cpu_between(before: dict[int, float], after: dict[int, float]) -> float:
    ended = sum(cpu for pid, cpu in before.items() if pid and pid not in after)
    return sum(cpu - before.get(pid, 0.0) for pid, cpu in after.items()) - ended


def machine_cpu() -> tuple[float, float]:
    """Busy and total CPU seconds of every core since boot (/proc/stat)."""
    values = [int(v) for v in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
    idle = values[3] + values[4]
    return (sum(values) - idle) / TICKS, sum(values) / TICKS


def load() -> str:
    return "load average " + " ".join(f"{v:.2f}" for v in os.getloadavg())


# the workers' runs ------------------------------------------------------------------


class Workers:
    """``count`` `aggregator worker` processes of a project, each logging to a file."""

    def __init__(self, config: Path, count: int, concurrency: int) -> None:
        self.logs = [config.parent / f"worker-{n}.log" for n in range(count)]
        command = [sys.executable, "-m", "aggregator", "worker", "-c", str(config)]
        command += ["--concurrency", str(concurrency)]
        env = {**os.environ, "PYTHONHASHSEED": "0"}
        self.processes = [
            subprocess.Popen(command, stdout=log.open("wb"), stderr=subprocess.STDOUT, env=env)
            for log in self.logs
        ]
        deadline = time.monotonic() + 120
        while not all(" ready." in log.read_text(errors="replace") for log in self.logs):
            if time.monotonic() > deadline or any(p.poll() is not None for p in self.processes):
                raise RuntimeError("a worker did not start:\n" + self.log_text()[-3000:])
            time.sleep(0.1)

    def log_text(self) -> str:
        return "".join(log.read_text(errors="replace") for log in self.logs)

    def cpu(self) -> float:
        return sum(cpu_seconds(process.pid) for process in self.processes)

    def count(self, pattern: str) -> int:
        return len(re.findall(pattern, self.log_text()))

    def stop(self) -> None:
        for process in self.processes:
            if process.poll() is None:
                process.send_signal(signal.SIGTERM)
        for process in self.processes:
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


def sources_phase(url: str, lease_seconds: int = 60) -> tuple[float, int]:
    """Seconds from the first source taken to the last finished, and the items the
    workers stored, from ``source_claims``: a claim taken keeps ``lease_until`` = take
    + lease until renewed (a source of one document is not renewed)."""
    import psycopg

    with psycopg.connect(plain(url)) as connection:
        first, last, items = connection.execute(
            "SELECT min(lease_until), max(done_at), sum(items) FROM source_claims"
        ).fetchone()  # type: ignore[misc]
    stamp = "%Y-%m-%dT%H:%M:%S.%fZ"
    started = datetime.strptime(first, stamp) - timedelta(seconds=lease_seconds)
    return (datetime.strptime(last, stamp) - started).total_seconds(), int(items)


STATS_SETTLE_SECONDS = 11.0


class Snapshot:
    """The counters a run moves: the workers' log and CPU, Redis, PostgreSQL, the machine."""

    def __init__(self, pool: Workers, url: str, redis_url: str) -> None:
        # The workers keep their sessions open, and PostgreSQL (15 and later) reports
        # an open session's statistics once it has been idle for 10 s.
        time.sleep(STATS_SETTLE_SECONDS)
        self.writes, self.commits = table_writes(url), commits(url)
        self.received, self.retried = pool.count(r"\] received"), pool.count(r"\] retry:")
        self.cpu, self.redis = pool.cpu(), redis_commands(redis_url)
        self.servers = [server_cpu(name) for name in ("postgres", "redis-server")]
        self.machine = machine_cpu()

    def since(self, before: Snapshot) -> dict[str, Any]:
        delta = {
            table: {kind: n - before.writes.get(table, {}).get(kind, 0) for kind, n in row.items()}
            for table, row in self.writes.items()
        }
        clusterer = sum(
            delta.get(table, {}).get(kind, 0)
            for table, kinds in CLUSTERER_SIDE.items()
            for kind in kinds
        )
        per_source = sum(sum(row.values()) for table, row in delta.items() if table in PER_SOURCE)
        total = sum(sum(row.values()) for row in delta.values())
        busy, overall = (
            after - was for after, was in zip(self.machine, before.machine, strict=True)
        )
        return {
            "worker_cpu": self.cpu - before.cpu,
            "postgres_cpu": cpu_between(before.servers[0], self.servers[0]),
            "redis_cpu": cpu_between(before.servers[1], self.servers[1]),
            "machine_busy": busy / overall if overall else 0.0,
            "deliveries": self.received - before.received,
            "retries": self.retried - before.retried,
            "redis_commands": self.redis - before.redis,
            "rows_source": per_source,
            "rows_worker": total - clusterer - per_source,
            "rows_clusterer": clusterer,
            "transactions": self.commits - before.commits,
            "tables": delta,
        }


def distributed_run(
    project: Path, origin: Origin, workers: int, args: argparse.Namespace
) -> list[dict[str, Any]]:
    """One project on a new database: a warm-up run (generation 0, no latency), the
    timed run (generation 1), and a rerun with nothing changed (generation 1 again)."""
    rows = []
    with database() as url:
        feeds = len(origin.generations[0])
        sources = [
            {"name": f"feed{n:05}", "type": "feed", "url": origin.url(n)} for n in range(feeds)
        ]
        config = write_config(
            project,
            sources,
            store={"url": url},
            workers={"broker": args.redis},
            http={"allow_private": True, "total_timeout": 60.0},
        )
        pool = Workers(config, workers, args.concurrency)
        command = ["-m", "aggregator", "run", "--once", "--json", "-q", "-c", str(config)]
        try:
            for generation, latency in ((0, 0.0), (1, args.run_latency), (1, args.run_latency)):
                origin.generation, origin.latency = generation, latency
                before = Snapshot(pool, url, args.redis)
                run = measure_python(command, project, args.timeout)
                if run.code != 0:
                    raise RuntimeError(f"a run failed:\n{run.stderr[-3000:]}")
                phase, items = sources_phase(url)
                report = run.report()
                rows.append(
                    {
                        "workers": workers,
                        "concurrency": args.concurrency,
                        "sources": report["sources"],
                        "items": items,
                        "phase_seconds": phase,
                        "run_seconds": run.seconds,
                        "cluster_seconds": report["stage_seconds"].get("cluster", 0.0),
                        **Snapshot(pool, url, args.redis).since(before),
                    }
                )
        finally:
            pool.stop()
            import redis

            from aggregator.app import load_app
            from aggregator.distributed.celery_app import queue_name

            redis.Redis.from_url(args.redis).delete(queue_name(load_app(config).config))
    return rows[1:]


def print_workers(title: str, rows: list[dict[str, Any]], target: bool, verbose: bool) -> None:
    print(f"\n{title}")
    print(
        f"{'workers':>7} {'threads':>7} {'sources':>7} {'items':>6} {'phase s':>8} {'items/s':>8}"
        f" {'run s':>6} {'items/s':>8} {'cluster s':>9} {'CPU ms/item':>11} {'deliv/src':>9}"
        f" {'redis cmd/src':>13} {'rows/src':>8} {'rows/item w+c':>13} {'commits/src':>11}"
    )
    for row in rows:
        items, sources = max(row["items"], 1), max(row["sources"], 1)
        print(
            f"{row['workers']:>7} {row['concurrency']:>7} {row['sources']:>7} {row['items']:>6}"
            f" {row['phase_seconds']:>8.2f} {items / row['phase_seconds']:>8.0f}"
            f" {row['run_seconds']:>6.2f} {items / row['run_seconds']:>8.0f}"
            f" {row['cluster_seconds']:>9.2f} {1000 * row['worker_cpu'] / items:>11.2f}"
            f" {row['deliveries'] / sources:>9.2f} {row['redis_commands'] / sources:>13.1f}"
            f" {row['rows_source'] / sources:>8.2f}"
            f" {row['rows_worker'] / items:>6.2f}+{row['rows_clusterer'] / items:<6.2f}"
            f" {row['transactions'] / sources:>11.1f}"
        )
        print(
            f"{'':>7} CPU over the timed run: workers {row['worker_cpu']:.1f} s,"
            f" PostgreSQL {row['postgres_cpu']:.1f} s, Redis {row['redis_cpu']:.1f} s;"
            f" the machine's cores {100 * row['machine_busy']:.0f} % busy over the run"
        )
        if verbose:
            for table, counts in sorted(row["tables"].items()):
                print(f"{'':>9}{table:<28} " + " ".join(f"{k} {v}" for k, v in counts.items()))
    if len(rows) == 2:
        one, two = rows
        phase = (two["items"] / two["phase_seconds"]) / (one["items"] / one["phase_seconds"])
        run = (two["items"] / two["run_seconds"]) / (one["items"] / one["run_seconds"])
        goal = f" (target ≥ {TARGET_RATIO}× {mark(phase >= TARGET_RATIO)})" if target else ""
        print(f"2 workers ÷ 1 worker: sources phase {phase:.2f}×{goal}, whole run {run:.2f}×")


def workers_part(name: str, args: argparse.Namespace, entries: int, latency: float) -> None:
    generations = build_generations(args.feeds, entries)
    args.run_latency = latency
    rows, reruns = [], []
    with Origin(generations).running() as origin, tempfile.TemporaryDirectory() as temp:
        for count in (1, 2):
            project = Path(temp) / f"{name}-{count}"
            project.mkdir()
            timed, rerun = distributed_run(project, origin, count, args)
            rows.append(timed)
            reruns.append(rerun)
            shutil.rmtree(project, ignore_errors=True)
    title = (
        f"{name}: {args.feeds} feeds × {entries} entries, {latency} s before each answer,"
        f" workers with a threads pool of {args.concurrency}"
    )
    print_workers(title, rows, target=latency > 0, verbose=args.verbose)
    print_reruns(reruns)


def print_reruns(rows: list[dict[str, Any]]) -> None:
    print("the same again with nothing changed (every source fetched, nothing new):")
    for row in rows:
        sources = max(row["sources"], 1)
        print(
            f"{row['workers']:>7} worker(s): sources phase {row['phase_seconds']:.2f} s"
            f" ({sources / row['phase_seconds']:.0f} sources/s), run {row['run_seconds']:.2f} s;"
            f" per source: worker CPU {1000 * row['worker_cpu'] / sources:.1f} ms,"
            f" PostgreSQL CPU {1000 * row['postgres_cpu'] / sources:.1f} ms,"
            f" {row['deliveries'] / sources:.2f} deliveries,"
            f" {row['redis_commands'] / sources:.1f} Redis commands,"
            f" {(row['rows_source'] + row['rows_worker'] + row['rows_clusterer']) / sources:.2f}"
            f" rows written, {row['transactions'] / sources:.1f} commits"
        )


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__.split("\n\n")[0], epilog=__doc__.split("\n\n", 2)[2],
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )  # fmt: skip
    parser.add_argument("--parts", nargs="+", choices=["latency", "cpu", "cluster"],
                        default=["latency", "cpu", "cluster"])  # fmt: skip
    parser.add_argument("--feeds", type=int, default=128, help="feeds (sources) (128)")
    parser.add_argument("--entries", type=int, default=5, help="entries a feed, latency part (5)")
    parser.add_argument("--cpu-entries", type=int, default=40, help="entries a feed, cpu part (40)")
    parser.add_argument(
        "--latency", type=float, default=0.5, help="seconds before each answer (0.5)"
    )
    parser.add_argument(
        "--concurrency", type=int, default=8, help="threads a worker (8, the default)"
    )
    parser.add_argument(
        "--cluster-sizes", type=int, nargs="+", default=[10000, 50000], help="reports (10000 50000)"
    )
    parser.add_argument("--redis", default="redis://127.0.0.1:6379/0", help="the broker")
    parser.add_argument("--timeout", type=float, default=900.0, help="seconds a run may take")
    parser.add_argument("--verbose", action="store_true", help="rows written, table by table")
    args = parser.parse_args()
    print(f"{revision()}; {byte_compile_project()}; {os.cpu_count()} CPUs; {load()}")
    if "latency" in args.parts:
        workers_part("latency", args, args.entries, args.latency)
    if "cpu" in args.parts:
        workers_part("cpu", args, args.cpu_entries, 0.0)
    if "cluster" in args.parts:
        cluster_part(args)
    print(f"\n{load()}")


if __name__ == "__main__":
    main()
