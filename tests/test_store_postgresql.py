"""The store on PostgreSQL: the same run gives the same items and stories as on SQLite.

Each test gets a fresh database on the PostgreSQL at 127.0.0.1:5432 (user postgres,
trust authentication), created and dropped through the superuser. Without a server
the tests are skipped locally, and fail when CI=true: CI cannot skip them silently.
"""

from __future__ import annotations

import os
import secrets
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import NamedTuple
from zlib import crc32

import numpy as np
import pytest

from aggregator.store import Store, StoreError
from aggregator.tables import Table
from aggregator.testing import FeedProject
from aggregator.toolkit.rare_words import (
    SLOT_MASK,
    WORDS,
    WORDS_KEY,
    FoldConflict,
    content_words,
    fold_frequency,
    load_frequency,
)

psycopg = pytest.importorskip("psycopg") if os.environ.get("CI") != "true" else None
if psycopg is None:
    import psycopg

SERVER = "host=127.0.0.1 port=5432 user=postgres dbname=postgres connect_timeout=3"
URL = "postgresql+psycopg://postgres@127.0.0.1:5432/{name}"

ARTICLES = {
    "pact.txt": "India and Japan sign a semiconductor pact\n\nMarch 2, 2026\n\n"
    "TOKYO — India and Japan signed an agreement on semiconductor supply chains on Monday,"
    " pledging joint investment in chip fabrication and research.\n",
    "pact-again.txt": "Japan and India agree semiconductor supply chain pact\n\nMarch 2, 2026\n\n"
    "TOKYO — India and Japan signed an agreement on semiconductor supply chains on Monday,"
    " pledging joint investment in chip fabrication and research.\n",
    "storm.txt": "Storm closes ports along the northern coast\n\nMarch 3, 2026\n\n"
    "OSLO — A winter storm closed three ports on Tuesday and cancelled ferry crossings.\n",
    "short.txt": "Hi\n\nMarch 3, 2026\n\nok\n",
}


@pytest.fixture
def database() -> Iterator[str]:
    """The URL of a new, empty database, dropped after the test."""
    try:
        admin = psycopg.connect(SERVER, autocommit=True)
    except psycopg.OperationalError as exc:
        if os.environ.get("CI") == "true":
            pytest.fail(f"PostgreSQL is not reachable on 127.0.0.1:5432 in CI: {exc}")
        pytest.skip(f"PostgreSQL is not reachable on 127.0.0.1:5432: {exc}")
    name = f"aggregator_test_{secrets.token_hex(6)}"
    with admin:
        admin.execute(f"CREATE DATABASE {name}")
        try:
            yield URL.format(name=name)
        finally:
            admin.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


def run_corpus(root: Path, url: str | None) -> FeedProject:
    project = FeedProject(root)
    if url:
        project.config["store"]["url"] = url
    for name, text in ARTICLES.items():
        project.add_article(name, text)
    result = project.cli("run", "--once", "-q")
    assert result.exit_code == 0, result.output
    return project


def stored(project: FeedProject, url: str | None) -> tuple[list[tuple[str, str, bool]], dict]:
    store = Store.open(project.root / project.config["store"]["path"], url=url)
    try:
        items = sorted((item.id, item.title, item.dropped) for item in store.iter_items())
        rows = store.window(max_stories=100)
        stories = {
            story.id: sorted([story.representative.id, *(m.id for m in story.members)])
            for story in rows
        }
        return items, stories
    finally:
        store.close()


def test_a_run_stores_the_same_items_and_stories_on_sqlite_and_postgresql(
    tmp_path: Path, database: str
) -> None:
    on_sqlite = stored(run_corpus(tmp_path / "sqlite", None), None)
    on_postgresql = stored(run_corpus(tmp_path / "postgresql", database), database)
    items, stories = on_sqlite
    assert len(items) == len(ARTICLES) and stories
    assert any(len(members) == 2 for members in stories.values())
    assert on_postgresql == on_sqlite


def test_a_second_run_over_postgresql_changes_nothing(tmp_path: Path, database: str) -> None:
    project = run_corpus(tmp_path / "project", database)
    before = stored(project, database)
    result = project.cli("run", "--once", "--reprocess", "-q")
    assert result.exit_code == 0, result.output
    assert stored(project, database) == before


class Reading(NamedTuple):
    station: str
    hour: int
    level: float
    raw: bytes
    note: str | None = None


READINGS = Table("test_readings", Reading, key=("station", "hour"), indexes=("level",))


def test_plugin_tables_round_trip_on_postgresql(tmp_path: Path, database: str) -> None:
    store = Store.open(tmp_path / "unused.db", url=database)
    try:
        store.plugin_tables("readings", READINGS)
        table = store.table(READINGS)
        rows = [Reading("oslo", 1, 2.5, b"\x00\xff"), Reading("oslo", 2, -1.0, b"", "gust")]
        with store.transaction():
            table.upsert(rows)
            table.upsert(rows)  # delivered twice: the same rows
            table.insert_new([Reading("oslo", 1, 9.0, b"new")])
        assert table.get("oslo", 1) == rows[0]
        assert sorted(table.select(("station", "=", "oslo"))) == sorted(rows)
        assert list(table.select(("level", "<", 0))) == [rows[1]]
        assert list(table.select(("hour", "in", [2, 7]))) == [rows[1]]
        assert list(table.select(("station", "in", []))) == []
        with store.transaction():
            table.delete([("oslo", 1)])
            table.upsert([Reading("bergen", 3, 0.5, b"")])
            assert table.delete_where(("level", "<", 1.0), ("station", "=", "oslo")) == 1
        assert table.get("oslo", 1) is None
        assert list(table.select()) == [Reading("bergen", 3, 0.5, b"")]
        assert store.get_meta("plugin:readings:schema_version") == "1"
    finally:
        store.close()
    assert not (tmp_path / "unused.db").exists()


def test_two_clusterers_folding_word_counts_at_once_lose_none(
    tmp_path: Path, database: str
) -> None:
    """The second fold waits on the rows the first deletes, finds them gone and gives
    way; the counts both clusterers stored are all in the one folded row."""
    stores = [Store.open(tmp_path / "unused.db", url=database) for _ in range(2)]
    try:
        for store in stores:
            store.plugin_tables("cluster_stories", WORDS)
        first, second = (store.table(WORDS) for store in stores)
        for name, words in (("a", ["harbour", "dredging"]), ("b", ["harbour", "metro"])):
            frequency = load_frequency(first)
            frequency.add(content_words(words))
            with stores[0].transaction():
                first.upsert([row for row in [frequency.added(f"added {name}")] if row])
        folding = threading.Event()
        outcome: list[str] = []

        def fold_second() -> None:
            folding.wait()
            try:
                with stores[1].transaction():
                    fold_frequency(second)
                outcome.append("folded")
            except FoldConflict:
                outcome.append("gave way")

        racer = threading.Thread(target=fold_second)
        racer.start()
        with stores[0].transaction():
            fold_frequency(first)
            folding.set()
            time.sleep(0.5)  # the second fold's DELETE now waits on these rows
        racer.join(timeout=30)
        assert outcome == ["gave way"]
        assert [row.key for row in first.select()] == [WORDS_KEY]
        folded = load_frequency(first)
        [harbour] = np.array([crc32(b"r:harbour")], dtype=np.uint32) & SLOT_MASK
        assert folded.reports == 2 and folded.counts[harbour] == 2
    finally:
        for store in stores:
            store.close()


def test_an_unreachable_postgresql_is_one_line_and_exit_4(feed_project: FeedProject) -> None:
    feed_project.config["store"]["url"] = "postgresql+psycopg://postgres@127.0.0.1:1/nothing"
    feed_project.add_article("pact.txt", ARTICLES["pact.txt"])
    result = feed_project.cli("run", "--once", "-q")
    assert result.exit_code == 4, result.output
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in result.output, result.output
    assert "127.0.0.1:1/nothing" in lines[0] and "cannot" in lines[0]


def test_a_missing_database_is_one_line_and_exit_4(
    feed_project: FeedProject, database: str
) -> None:
    feed_project.config["store"]["url"] = database + "_absent"
    feed_project.add_article("pact.txt", ARTICLES["pact.txt"])
    result = feed_project.cli("run", "--once", "-q")
    assert result.exit_code == 4, result.output
    assert len(result.output.strip().splitlines()) == 1, result.output
    assert "_absent" in result.output


def test_a_newer_schema_on_postgresql_is_refused(tmp_path: Path, database: str) -> None:
    store = Store.open(tmp_path / "unused.db", url=database)
    store.set_meta("schema_version", "99")
    store.close()
    with pytest.raises(StoreError, match="schema version 99 is newer"):
        Store.open(tmp_path / "unused.db", url=database)
