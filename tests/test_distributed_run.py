"""The distributed runner against the embedded one: same items, same stories.

A small corpus in three files sources runs once through the embedded runner
on PostgreSQL, and once through two `aggregator worker` processes on
PostgreSQL and Redis (loopback only). A task delivered twice changes nothing.
"""

from __future__ import annotations

import os
import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from aggregator.app import load_app
from aggregator.distributed import claims, coordinator, queue, work
from aggregator.distributed.claims import Take
from aggregator.store import Store
from aggregator.testing import FeedProject

pytest_plugins = ("distributed_support",)  # database, databases, redis_url, workers

ARTICLES = {
    "wire/pact.txt": "India and Japan sign a semiconductor pact\n\nMarch 2, 2026\n\n"
    "TOKYO — India and Japan signed an agreement on semiconductor supply chains on Monday,"
    " pledging joint investment in chip fabrication and research.\n",
    "wire/storm.txt": "Storm closes ports along the northern coast\n\nMarch 3, 2026\n\n"
    "OSLO — A winter storm closed three ports on Tuesday and cancelled ferry crossings.\n",
    "daily/pact-again.txt": "Japan and India agree semiconductor supply chain pact\n\n"
    "March 2, 2026\n\nTOKYO — India and Japan signed an agreement on semiconductor supply"
    " chains on Monday, pledging joint investment in chip fabrication and research.\n",
    "daily/short.txt": "Hi\n\nMarch 3, 2026\n\nok\n",
    "weekly/storm-again.txt": "Winter storm shuts northern ports\n\nMarch 3, 2026\n\n"
    "OSLO — A winter storm closed three ports on Tuesday and cancelled ferry crossings.\n",
    "weekly/rail.txt": "India and Japan open talks on a high-speed rail loan\n\nMarch 4, 2026\n\n"
    "NEW DELHI — India and Japan began talks on Wednesday on a loan for the Mumbai"
    " high-speed rail line, officials said.\n",
}
SOURCES = ("wire", "daily", "weekly")


def corpus(root: Path, url: str, broker: str | None = None) -> FeedProject:
    project = FeedProject(root)
    project.config["store"]["url"] = url
    project.config["sources"] = [
        {"name": name, "type": "files", "paths": [f"articles/{name}/*.txt"]} for name in SOURCES
    ]
    if broker:
        project.config["workers"] = {"broker": broker}
    for name, text in ARTICLES.items():
        (project.articles / name).parent.mkdir(exist_ok=True)
        project.add_article(name, text)
    project.write_config()
    return project


Stored = tuple[list[tuple[str, str, Any, str | None]], dict[str, list[str]]]


def stored(project: FeedProject, url: str) -> Stored:
    store = Store.open(project.root / "unused.db", url=url)
    try:
        items = sorted(
            (item.id, item.title, item.dropped, item.story_id) for item in store.iter_items()
        )
        stories = {
            story.id: sorted([story.representative.id, *(m.id for m in story.members)])
            for story in store.window(max_stories=100)
        }
        return items, stories
    finally:
        store.close()


def test_workers_store_what_the_embedded_runner_stores(
    tmp_path: Path,
    databases: Callable[[], str],
    redis_url: str,
    workers: Callable[[Path], list[subprocess.Popen[bytes]]],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # A guard against a hang, not a measure: the run's exit code says whether it finished.
    monkeypatch.setattr(coordinator, "WAIT_SECONDS", 600.0)
    embedded_url, distributed_url = databases(), databases()
    embedded = corpus(tmp_path / "embedded", embedded_url)
    result = embedded.cli("run", "--once", "-q", write_config=False)
    assert result.exit_code == 0, result.output
    expected = stored(embedded, embedded_url)
    assert len(expected[0]) == len(ARTICLES)
    assert any(len(members) == 2 for members in expected[1].values())

    distributed = corpus(tmp_path / "distributed", distributed_url, broker=redis_url)
    workers(distributed.config_path)
    result = distributed.cli("run", "--once", "-q", write_config=False)
    assert result.exit_code == 0, result.output + "".join(
        path.read_text() for path in tmp_path.glob("worker-*.log")
    )
    assert stored(distributed, distributed_url) == expected
    assert (distributed.output_dir / "feed.atom").read_bytes().count(b"<entry>") == len(expected[1])


def test_a_task_delivered_twice_changes_nothing(tmp_path: Path, database: str) -> None:
    """Without a broker: the coordinator's send is the task itself, run twice; and a
    source taken again after a crash (its claim never finished) stores nothing new."""
    project = corpus(tmp_path / "project", database, broker="redis://127.0.0.1:1/0")
    app = load_app(project.config_path)
    store = Store.open(project.root / "unused.db", url=database)
    outcomes: list[Take] = []

    def send_twice(source: str, run_id: str) -> None:
        for holder in ("worker-a", "worker-b"):
            outcomes.append(work.process_source(app, store, run_id, source, holder))

    try:
        report = coordinator.run_distributed(app, send=send_twice, wait_seconds=5)
        assert report.ok, [problem.line() for problem in report.errors]
        assert outcomes == [Take.TAKEN, Take.GONE] * len(SOURCES)
        before = stored(project, database)
        assert len(before[0]) == len(ARTICLES)

        # A worker stored "weekly" and died before finishing its claim: the next
        # delivery takes it again, finds its documents stored, and adds nothing.
        run_id = "after-a-crash"
        with store.transaction():
            store.table(claims.RUNS).upsert([claims.RunRow(run_id, "2026-03-05T00:00:00", 0)])
        assert claims.claim_due(store, run_id, ["weekly"]) == ["weekly"]
        assert work.process_source(app, store, run_id, "weekly", "worker-c") is Take.TAKEN
        assert queue.next_batch(store, 100) == []
        assert stored(project, database) == before
    finally:
        store.close()


def test_no_worker_leaves_the_run_unfinished_and_unpublished(tmp_path: Path, database: str) -> None:
    project = corpus(tmp_path / "project", database, broker="redis://127.0.0.1:1/0")
    app = load_app(project.config_path)
    report = coordinator.run_distributed(app, send=lambda *_: None, wait_seconds=0.5)
    assert [problem.message for problem in report.errors] == [
        "3 sources not done after 0 s"
    ] or "not done" in report.errors[-1].message
    assert not (project.output_dir / "feed.atom").exists()
    assert os.environ.get("AGGREGATOR_CONFIG") is None


def test_a_worker_reads_the_state_of_its_own_source_alone(tmp_path: Path) -> None:
    """A worker's task reads one row of ``sources``, not every source's (a million)."""
    store = Store.open(tmp_path / "state.db")
    try:
        with store.transaction():
            store.save_source_state("wire", {"etag": '"w"'})
            store.save_source_state("daily", {"etag": '"d"', "failures": 2})
        assert store.source_state("daily") == {"etag": '"d"', "failures": 2}
        assert store.source_state("weekly") == {}
        assert store.all_source_states()["wire"] == store.source_state("wire")
    finally:
        store.close()
