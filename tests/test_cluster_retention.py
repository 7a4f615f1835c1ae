"""The clusterer prunes its tables: index rows past ``index_days``, keys past KEY_DAYS.

A report's index row is loaded only while it is younger than ``index_days``,
so older rows are deleted when the next run loads the index; its exact keys
(text hash, canonical URL) stay longer, so a copy sent again after the index
forgot the report still joins its story.
"""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

from aggregator.plugins.cluster_stories import KEY_DAYS
from aggregator.testing import FeedProject

START = datetime(2026, 3, 1, tzinfo=UTC)
PORT = "Harbour opens a new quay\n\nMarch 1, 2026\n\nThe northern harbour opened a new quay.\n"
RAIL = "Rail bridge closes for repairs\n\nMarch 20, 2026\n\nThe rail bridge closed today.\n"
VISA = "Visa talks end without a deal\n\nJune 4, 2026\n\nTalks on visas ended on Thursday.\n"


def rows(project: FeedProject, table: str) -> list[tuple[str, str]]:
    with sqlite3.connect(project.root / "state" / "state.db") as db:
        column = "item_id" if table == "cluster_index" else "key"
        return sorted(db.execute(f"SELECT {column}, seen FROM {table}"))


def story_of(project: FeedProject, name: str) -> str:
    [item] = [item for item in project.items() if item.uri.endswith(name)]
    assert item.story_id
    return item.story_id


def test_index_rows_and_keys_are_pruned_after_their_retention(tmp_path: Path) -> None:
    project = FeedProject(tmp_path / "project")
    project.plugin_config("cluster_stories", index_days=10)
    project.add_article("port.txt", PORT)
    project.run(now=START)
    assert [seen for _, seen in rows(project, "cluster_index")] == [START.isoformat()]
    port_keys = rows(project, "cluster_keys")
    assert port_keys and all(seen == START.isoformat() for _, seen in port_keys)

    project.add_article("rail.txt", RAIL)
    project.run(now=START + timedelta(days=19))
    assert len(rows(project, "cluster_index")) == 1  # the port report's row is gone
    assert set(port_keys) < set(rows(project, "cluster_keys"))

    project.add_article("port-again.txt", PORT)
    project.run(now=START + timedelta(days=24))
    assert story_of(project, "port-again.txt") == story_of(project, "port.txt")

    project.add_article("visa.txt", VISA)
    project.run(now=START + timedelta(days=KEY_DAYS + 1))
    keys = rows(project, "cluster_keys")
    assert not set(port_keys) & set(keys)
    assert {seen[:10] for _, seen in keys} == {"2026-03-20", "2026-05-31"}


def test_keys_stored_before_their_seen_column_expire_too(tmp_path: Path) -> None:
    """A store from before keys had a ``seen`` time: its keys are stamped by the next run,
    and pruned KEY_DAYS after it, not kept for good."""
    project = FeedProject(tmp_path / "project")
    project.add_article("port.txt", PORT)
    project.run(now=START)
    with sqlite3.connect(project.root / "state" / "state.db") as db:
        db.execute("UPDATE cluster_keys SET seen = ''")
    old_keys = {key for key, _ in rows(project, "cluster_keys")}
    project.add_article("rail.txt", RAIL)
    project.run(now=START + timedelta(days=19))
    stamped = dict(rows(project, "cluster_keys"))
    assert {stamped[key] for key in old_keys} == {(START + timedelta(days=19)).isoformat()}
    project.add_article("visa.txt", VISA)
    project.run(now=START + timedelta(days=19 + KEY_DAYS + 1))
    assert not old_keys & {key for key, _ in rows(project, "cluster_keys")}
