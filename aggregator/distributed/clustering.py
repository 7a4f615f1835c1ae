"""Clustering the queued items: one job at a time, under a PostgreSQL advisory lock.

Each batch is clustered and stored in one transaction that first takes
``pg_try_advisory_xact_lock``: a second clusterer does not wait, it returns
at once and leaves the queue to the one holding the lock; the lock goes with
the transaction's end, so a clusterer that dies never leaves it held. Items
are clustered in the order an embedded run would cluster them, in batches of
the same size, so both give the same stories.
"""

from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from ..app import App
from ..pipeline import BATCH_ITEMS
from ..run import Run
from ..store import Store
from ..stories import new_story_id, update_stories
from . import queue

LOCK_KEY = 0x6167_6772_636C_7573
"""The advisory lock's key ('aggrclus'): one clusterer per database."""


def try_lock(connection: Connection) -> bool:
    """Take the clustering lock for the current transaction, or say it is held."""
    if connection.dialect.name != "postgresql":
        return True  # SQLite: BEGIN IMMEDIATE already made this the only writer
    held = connection.execute(sa.select(sa.func.pg_try_advisory_xact_lock(LOCK_KEY))).scalar()
    return bool(held)


def cluster_queue(app: App, run: Run) -> bool:
    """Cluster and store every queued item, batch by batch, inside ``run`` (whose
    hooks the caller started). False when another clusterer held the lock."""
    store: Store = run.store
    report = run.report
    while True:
        with store.transaction() as connection:
            if not try_lock(connection):
                return False
            rows = queue.next_batch(store, BATCH_ITEMS)
            if not rows:
                return True
            found = store.get_items([row.item_id for row in rows])
            items = [found[row.item_id] for row in rows if row.item_id in found]
            fresh = [item for item in items if not item.dropped and not item.story_id]
            app.hooks.cluster(fresh, store)
            for item in fresh:
                if not item.story_id:
                    item.story_id = new_story_id(item)
            store.save_items(items)
            previous = {row.item_id: row.previous_story for row in rows if row.previous_story}
            unchanged = {row.item_id for row in rows if row.unchanged}
            created, changed = update_stories(store, items, previous, run.now, unchanged)
            queue.remove(store, [row.item_id for row in rows])
        report.stories_new += created
        report.stories_updated += changed
