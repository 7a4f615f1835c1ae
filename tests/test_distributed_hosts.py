"""``[http] per_host`` across every worker: the Redis semaphore of aggregator.distributed.hosts.

Two workers of four threads each fetch eight feeds of one loopback host that
counts the requests it serves at once; with ``per_host = 2`` it never sees
more than two. The semaphore itself: a third fetch waits for a slot, and the
slot of a fetch that never gave it back (a killed worker) lapses.
"""

from __future__ import annotations

import subprocess
import sys
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler
from pathlib import Path

import pytest
from loopback import Response, Server, serve

from aggregator.store import Store
from aggregator.testing import FeedProject

pytest.importorskip("celery")

from aggregator.distributed.hosts import HostSlots, host_slots

pytest_plugins = ("distributed_support",)  # database, redis_url, workers

Workers = Callable[..., list[subprocess.Popen[bytes]]]
FEEDS = 8
PER_HOST = 2
SERVE_SECONDS = 0.25


class Concurrency:
    """A route that answers an RSS feed after a pause, counting requests in flight."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.now = 0
        self.most = 0

    def __call__(self, handler: BaseHTTPRequestHandler) -> Response:
        with self.lock:
            self.now += 1
            self.most = max(self.most, self.now)
        time.sleep(SERVE_SECONDS)
        with self.lock:
            self.now -= 1
        name = handler.path.strip("/").removesuffix(".xml")
        body = (
            '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
            f"<title>{name}</title><link>http://{name}.example/</link><description>d"
            f"</description><item><title>Report number {name} about the harbour</title>"
            f"<link>http://{name}.example/1</link><guid>http://{name}.example/1</guid>"
            "<pubDate>Mon, 02 Mar 2026 08:00:00 +0000</pubDate>"
            f"<description>The harbour of town {name} opened a quay.</description>"
            "</item></channel></rss>"
        )
        return Response(200, {"Content-Type": "application/rss+xml"}, body.encode())


@pytest.fixture
def host() -> Iterator[tuple[Server, Concurrency]]:
    counter = Concurrency()
    with serve({f"/feed{number}.xml": counter for number in range(FEEDS)}) as server:
        yield server, counter


def test_per_host_holds_across_two_workers(
    tmp_path: Path,
    database: str,
    redis_url: str,
    workers: Workers,
    host: tuple[Server, Concurrency],
) -> None:
    server, counter = host
    project = FeedProject(tmp_path / "project")
    project.config["store"]["url"] = database
    project.config["http"] = {"allow_private": True, "per_host": PER_HOST}
    project.config["workers"] = {"broker": redis_url, "lease_seconds": 30}
    project.config["sources"] = [
        {"name": f"feed{number}", "type": "feed", "url": server.url(f"/feed{number}.xml")}
        for number in range(FEEDS)
    ]
    project.write_config()
    started = workers(project.config_path, count=2, concurrency=4)
    assert len(started) == 2
    command = [sys.executable, "-m", "aggregator", "run", "--once", "-q"]
    done = subprocess.run(
        [*command, "-c", str(project.config_path)], capture_output=True, timeout=90
    )
    assert done.returncode == 0, done.stderr.decode(errors="replace")
    assert all(server.hits.get(f"/feed{number}.xml") == 1 for number in range(FEEDS))
    assert counter.most == PER_HOST
    store = Store.open(tmp_path / "unused.db", url=database)
    try:
        assert len(list(store.iter_items())) == FEEDS
    finally:
        store.close()


def test_a_fetch_waits_for_a_slot_and_a_dead_holders_slot_lapses(redis_url: str) -> None:
    prefix = f"aggregator.test.{uuid.uuid4().hex}"
    slots = host_slots(redis_url, prefix, limit=2, hold=30.0)
    url = "http://news.example/feed.xml"
    entered = threading.Event()
    with slots(url), slots("http://NEWS.example/other.xml"):

        def third() -> None:
            with slots(url):
                entered.set()

        waiting = threading.Thread(target=third)
        waiting.start()
        assert not entered.wait(0.3)
    assert entered.wait(5)
    waiting.join()
    assert slots.client.zcard(slots.key(url)) == 0

    short = HostSlots(slots.client, prefix, limit=1, hold=0.4)
    abandoned = short(url)  # taken and never given back: its worker was killed
    abandoned.__enter__()
    start = time.monotonic()
    with short(url):
        waited = time.monotonic() - start
    assert 0.2 < waited < 3


def test_a_fetch_waiting_for_a_slot_keeps_its_tasks_lease(
    tmp_path: Path, database: str, redis_url: str
) -> None:
    """A long wait for a busy host must not let the source's lease lapse (another worker
    would take the source and fetch it again): the waiting fetch renews it, from its
    own thread, while the task's connection is inside a transaction."""
    from datetime import timedelta

    from aggregator.distributed import claims
    from aggregator.distributed.claims import Take
    from aggregator.distributed.work import Renewal

    store = Store.open(tmp_path / "unused.db", url=database)
    try:
        claims.declare_tables(store)
        claims.claim_due(store, "run-1", ["source-00"])
        lease = timedelta(seconds=1.2)
        assert claims.take(store, "run-1", "source-00", "worker-a", lease) is Take.TAKEN
        renewal = Renewal(store, "run-1", "source-00", "worker-a", lease)
        slots = host_slots(redis_url, f"aggregator.test.{uuid.uuid4().hex}", limit=1, hold=30.0)
        url = "http://busy.example/feed.xml"
        with store.transaction(), slots(url):
            fetch = slots.for_task(renewal.while_waiting)

            def waiting_fetch() -> None:
                with fetch(url):
                    pass

            waiter = threading.Thread(target=waiting_fetch)
            waiter.start()
            time.sleep(2.5)  # two leases' length: it would have lapsed without renewal
            assert claims.take(store, "run-1", "source-00", "worker-b", lease) is Take.BUSY
        waiter.join(5)
        assert not waiter.is_alive()
    finally:
        store.close()
