"""One source's share of a run, as a worker does it: the embedded pipeline's own code
path (fetch → parse → clean → tag → judge), stored without clustering.

:class:`SourcePipeline` is :class:`aggregator.pipeline.Pipeline` for one
source whose batches are stored with the same idempotent upserts (items keyed
on their id, documents on their URI) and queued for the clusterer instead of
clustered: clustering is one job at a time (:mod:`.clustering`).
"""

from __future__ import annotations

import copy
import logging
import threading
import time
from collections.abc import Callable
from datetime import datetime, timedelta

import sqlalchemy as sa

from ..app import App
from ..config import SourceConfig
from ..pipeline import Pipeline
from ..run import Run, RunReport
from ..store import Store
from ..store_tables import declare
from ..toolkit.web import HOST_SLOTS
from . import claims, queue
from .claims import Take
from .hosts import HostSlots

log = logging.getLogger("aggregator.distributed")


class SourcePipeline(Pipeline):
    """The pipeline for one source; its batches go to the store and the cluster queue."""

    def __init__(self, app: App, run: Run, position: int, on_document: Renewal) -> None:
        super().__init__(app, run, progress=lambda _report, _where: on_document())
        self.position = position
        self.seq = _next_seq(run.store, position)

    def execute_source(self, source: SourceConfig) -> None:
        """Fetch and curate ``source``, store its items, and only then its fetch state
        (validators, body hash): a worker killed in between leaves the old state, so the
        task delivered again fetches and parses the feed again, where the new state would
        call it unchanged and its items would be lost. A source with a document left
        unfinished keeps its old state, as in the embedded runner."""
        before = {source.name: self.store.source_state(source.name)}
        self.run.source_states = copy.deepcopy(before)
        try:
            self.collect(source)
            self.drain()
        finally:
            self.stop_workers(cancel=bool(self.pending))
        self.flush()
        self.save_source_states(before)

    def flush(self) -> None:
        """Store the batch and queue its items for clustering, in one transaction."""
        batch = self.batch
        if not batch.items and not batch.documents:
            return
        guard, timed = self.isolation.guard("store"), self.timed("store")
        with guard as outcome, self.store.transaction(), timed:
            self.save_items(batch)
            rows = []
            for item in batch.items:
                previous = batch.previous.get(item.id)
                unchanged = int(item.id in batch.unchanged)
                rows.append(queue.QueuedItem(item.id, self.position, self.seq, previous, unchanged))
                self.seq += 1
            queue.add(self.store, rows)
            for seen in batch.documents:
                self.record_document(seen)
        self.finish_batch(batch, failed=outcome.failed)


class Renewal:
    """Renews a worker's lease on its source after a document, and while a fetch waits
    for its host's slot, at most every sixth of the lease (10 s of the default 60 s),
    so it stays well inside the lease."""

    def __init__(
        self, store: Store, run_id: str, source: str, holder: str, lease: timedelta
    ) -> None:
        self.store, self.run_id, self.source, self.holder = store, run_id, source, holder
        self.lease = lease
        self.every = lease.total_seconds() / 6
        self.last = time.monotonic()
        self.lock = threading.Lock()

    def __call__(self) -> None:
        """After a document, in the task's thread (inside or outside its transaction)."""
        self._renew(claims.renew)

    def while_waiting(self) -> None:
        """While a fetch waits for a host's slot, from whichever thread fetches: on a
        connection of its own, since the task's connection belongs to the task's thread."""
        self._renew(claims.renew_apart)

    def _renew(self, renew: Callable[[Store, str, str, str, timedelta], bool]) -> None:
        with self.lock:
            if time.monotonic() - self.last < self.every:
                return
            self.last = time.monotonic()
        if not renew(self.store, self.run_id, self.source, self.holder, self.lease):
            log.warning("source %r: the lease passed to another worker", self.source)


def _next_seq(store: Store, position: int) -> int:
    """After the items of this source still queued (a task run again after a crash)."""
    table = declare(queue.QUEUE, store.connection.dialect.name)
    highest = store.connection.execute(
        sa.select(sa.func.max(table.c.seq)).where(table.c.position == position)
    ).scalar()
    return 0 if highest is None else int(highest) + 1


def process_source(
    app: App,
    store: Store,
    run_id: str,
    source_name: str,
    holder: str,
    host_slots: HostSlots | None = None,
) -> Take:
    """Take ``source_name`` for ``run_id`` and process it; GONE when it was done already
    (a task delivered twice) or belongs to a newer run, BUSY when another worker holds it.
    Its fetches take their host's slots from ``host_slots`` (shared by every worker)."""
    claims.declare_tables(store)
    run_row = store.table(claims.RUNS).get(run_id)
    if run_row is None:
        return Take.GONE
    lease = timedelta(seconds=app.config.lease_seconds)
    outcome = claims.take(store, run_id, source_name, holder, lease)
    if outcome is not Take.TAKEN:
        return outcome
    claim = store.table(claims.CLAIMS).get(source_name)
    source = app.config.source_named(source_name)
    if claim is None or source is None or not source.enabled:
        log.warning("source %r is not in %s: nothing to do", source_name, app.config.path)
        claims.finish(store, run_id, source_name, problems=1)
        return Take.GONE
    report = RunReport()
    now = datetime.fromisoformat(run_row.now)
    run = Run(app.config, store, now, report, bool(run_row.reprocess))
    renewal = Renewal(store, run_id, source_name, holder, lease)
    if host_slots is not None:
        run.state[HOST_SLOTS] = host_slots.for_task(renewal.while_waiting)
    pipeline = SourcePipeline(app, run, claim.position, renewal)
    try:
        app.hooks.run_start(run)
        pipeline.execute_source(source)
    except BaseException:
        claims.release(store, run_id, source_name, holder)
        raise
    finally:
        report.finished = time.monotonic()
        with pipeline.isolation.guard("run_finish"):
            app.hooks.run_finish(run, report)
    for problem in report.errors:
        log.error("source %r: %s", source_name, problem.line())
    claims.finish(
        store, run_id, source_name, problems=len(report.errors), items=report.items_stored
    )
    return Take.TAKEN
