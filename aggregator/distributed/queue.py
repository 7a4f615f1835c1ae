"""Items stored by workers and waiting to be clustered, in the order of an embedded run.

A worker stores a source's items at once (idempotent upserts keyed on the
item id) and adds a row here for each; the clusterer reads the rows in
config order of the sources, then in the order the worker met the items,
which is the order the embedded runner clusters them in, so both give the
same stories.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import NamedTuple

import sqlalchemy as sa

from ..store import Store
from ..store_tables import declare
from ..tables import Table


class QueuedItem(NamedTuple):
    item_id: str
    position: int
    """The source's place in feeds.toml."""
    seq: int
    """The item's place among its source's items in this run."""
    previous_story: str | None = None
    """The story the item belonged to before this run (None: new item)."""
    unchanged: int = 0
    """1 when the item was processed again with the same content (a reprocessing run)."""


QUEUE = Table("cluster_queue", QueuedItem, key=("item_id",), indexes=("position",))


def add(store: Store, rows: Iterable[QueuedItem]) -> None:
    """Queue items; a row queued again (a task delivered twice) replaces itself."""
    store.table(QUEUE).upsert(rows)


def next_batch(store: Store, limit: int) -> list[QueuedItem]:
    """The first ``limit`` queued items in input order."""
    table = declare(QUEUE, store.connection.dialect.name)
    rows = store.connection.execute(
        sa.select(table).order_by(table.c.position, table.c.seq, table.c.item_id).limit(limit)
    ).all()
    return [QueuedItem(*row) for row in rows]


def remove(store: Store, item_ids: Iterable[str]) -> None:
    store.table(QUEUE).delete((item_id,) for item_id in item_ids)
