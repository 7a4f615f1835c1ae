"""Which source is whose: the ``source_claims`` table, claimed with a lease.

A coordinator (``aggregator run`` with a broker) claims the due sources for a
run with ``SELECT … FOR UPDATE SKIP LOCKED``: two coordinators at once, or
one restarted, skip the rows the other holds or has just done, so no source
is fetched twice in one interval. A worker then *takes* its source for the
run with a lease it renews while it works, and *finishes* it; a task
delivered twice finds it finished and does nothing. A worker that dies stops
renewing: once the lease runs out, the redelivered task takes the source
again. SQLite has no row locks (its ``BEGIN IMMEDIATE`` already serialises
writers), and SQLAlchemy leaves ``FOR UPDATE`` out there, so the same code
runs on both.
"""

from __future__ import annotations

import enum
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from typing import NamedTuple

import sqlalchemy as sa

from ..store import Store
from ..store_tables import declare
from ..tables import Table

LEASE = timedelta(seconds=60)
"""How long a worker holds a source without renewing, unless told otherwise (workers
pass ``[workers] lease_seconds``); it renews after each document."""


class ClaimRow(NamedTuple):
    source: str
    run_id: str
    """The run the source was last claimed for; '' before its first."""
    position: int
    """The source's place in feeds.toml: the clusterer keeps this order."""
    holder: str
    """The worker processing it ('' while it waits in the queue)."""
    lease_until: str
    """UTC time (see :func:`stamp`) until which the claim holds without renewal."""
    done_at: str | None = None
    problems: int = 0
    """Errors the worker recorded for this source (they make the run's exit code 1)."""
    items: int = 0
    """Items the worker curated and stored for this source."""


class RunRow(NamedTuple):
    """A distributed run: its time, shared by every item first seen in it."""

    run_id: str
    now: str
    reprocess: int


CLAIMS = Table("source_claims", ClaimRow, key=("source",), indexes=("run_id",))
RUNS = Table("distributed_runs", RunRow, key=("run_id",))


class Take(enum.Enum):
    TAKEN = "taken"
    BUSY = "busy"
    """Another worker holds a live lease on it: try again when the lease may have run out."""
    GONE = "gone"
    """Finished for this run, or claimed since by a newer run: nothing to do."""


def stamp(moment: datetime) -> str:
    """A UTC time as fixed-width text, so that text order is time order in SQL."""
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def _now() -> datetime:
    return datetime.now(UTC)


def claims_table(store: Store) -> sa.Table:
    return declare(CLAIMS, store.connection.dialect.name)


def declare_tables(store: Store) -> None:
    """Create the runner's tables (the coordinator does, before any task runs)."""
    from .queue import QUEUE

    store.plugin_tables("distributed", CLAIMS, RUNS, QUEUE)


def claim_due(
    store: Store,
    run_id: str,
    sources: Sequence[str],
    *,
    fresh_for: timedelta = timedelta(0),
    queued_lease: timedelta = timedelta(minutes=30),
) -> list[str]:
    """Claim for ``run_id`` the ``sources`` (in config order) that are due: not held
    under a live lease, and not finished within ``fresh_for``. Rows another
    transaction holds are skipped, not waited for. Returns the names claimed."""
    table = claims_table(store)
    now = _now()
    positions = {name: position for position, name in enumerate(sources)}
    claimed: list[str] = []
    with store.transaction() as connection:
        known = set(connection.execute(sa.select(table.c.source)).scalars())
        store.table(CLAIMS).insert_new(
            ClaimRow(name, "", position, "", "")
            for name, position in positions.items()
            if name not in known
        )
        rows = connection.execute(
            sa.select(table.c.source, table.c.lease_until, table.c.done_at)
            .where(table.c.source.in_(list(sources)))
            .with_for_update(skip_locked=True)
        ).all()
        for name, lease_until, done_at in rows:
            finished_recently = done_at is not None and done_at > stamp(now - fresh_for)
            held = done_at is None and lease_until > stamp(now)
            if finished_recently or held:
                continue
            connection.execute(
                sa.update(table)
                .where(table.c.source == name)
                .values(
                    run_id=run_id,
                    position=positions[name],
                    holder="",
                    lease_until=stamp(now + queued_lease),
                    done_at=None,
                    problems=0,
                    items=0,
                )
            )
            claimed.append(name)
    return sorted(claimed, key=positions.__getitem__)


def take(store: Store, run_id: str, source: str, holder: str, lease: timedelta = LEASE) -> Take:
    """Take ``source`` for ``run_id`` as ``holder`` (a worker's id) for ``lease``."""
    table = claims_table(store)
    now = _now()
    with store.transaction() as connection:
        row = connection.execute(
            sa.select(table.c.run_id, table.c.holder, table.c.lease_until, table.c.done_at)
            .where(table.c.source == source)
            .with_for_update(skip_locked=True)
        ).first()
        if row is None:
            locked = connection.execute(
                sa.select(table.c.source).where(table.c.source == source)
            ).first()
            return Take.GONE if locked is None else Take.BUSY
        claimed_for, current, lease_until, done_at = row
        if claimed_for != run_id or done_at is not None:
            return Take.GONE
        if current not in ("", holder) and lease_until > stamp(now):
            return Take.BUSY
        connection.execute(
            sa.update(table)
            .where(table.c.source == source)
            .values(holder=holder, lease_until=stamp(now + lease))
        )
    return Take.TAKEN


def _renewal(table: sa.Table, run_id: str, source: str, holder: str, lease: timedelta) -> sa.Update:
    return (
        sa.update(table)
        .where(
            table.c.source == source,
            table.c.run_id == run_id,
            table.c.holder == holder,
            table.c.done_at.is_(None),
        )
        .values(lease_until=stamp(_now() + lease))
    )


def renew(store: Store, run_id: str, source: str, holder: str, lease: timedelta = LEASE) -> bool:
    """Extend ``holder``'s lease; False when the claim is no longer its own."""
    table = claims_table(store)
    with store.transaction() as connection:
        result = connection.execute(_renewal(table, run_id, source, holder, lease))
    return bool(result.rowcount)


def renew_apart(
    store: Store, run_id: str, source: str, holder: str, lease: timedelta = LEASE
) -> bool:
    """:func:`renew` on a connection of its own from the store's pool, committed at
    once: safe from any thread and while the store's connection is in a transaction."""
    table = claims_table(store)
    with store.engine.begin() as connection:
        result = connection.execute(_renewal(table, run_id, source, holder, lease))
    return bool(result.rowcount)


def release(store: Store, run_id: str, source: str, holder: str) -> None:
    """Give the source back unfinished (the task failed): any worker may take it now."""
    table = claims_table(store)
    with store.transaction() as connection:
        connection.execute(
            sa.update(table)
            .where(table.c.source == source, table.c.run_id == run_id, table.c.holder == holder)
            .values(holder="", lease_until="")
        )


def finish(store: Store, run_id: str, source: str, *, problems: int = 0, items: int = 0) -> None:
    """Mark the source done for ``run_id`` (whoever holds it: the work is idempotent)."""
    table = claims_table(store)
    with store.transaction() as connection:
        connection.execute(
            sa.update(table)
            .where(table.c.source == source, table.c.run_id == run_id, table.c.done_at.is_(None))
            .values(holder="", done_at=stamp(_now()), problems=problems, items=items)
        )


class Progress(NamedTuple):
    outstanding: int
    problems: int
    items: int


def progress(store: Store, run_id: str) -> Progress:
    """How many of the run's sources are not finished, and the finished ones' totals."""
    table = claims_table(store)
    waiting = sa.func.count().filter(table.c.done_at.is_(None))
    row = store.connection.execute(
        sa.select(
            waiting,
            sa.func.coalesce(sa.func.sum(table.c.problems), 0),
            sa.func.coalesce(sa.func.sum(table.c["items"]), 0),
        ).where(table.c.run_id == run_id)
    ).one()
    return Progress(int(row[0]), int(row[1]), int(row[2]))
