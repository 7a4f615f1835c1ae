"""Documents finish in input order, whoever curates their items.

With worker processes (:mod:`aggregator.workers`) a document's items come back
after later documents were parsed. :class:`InputOrder`, a part of the
pipeline, holds each document, and each problem found meanwhile, in a queue
and finishes them in input order as their items come back, so that batches,
stored rows, report lines and notification hooks are those of one process.
The store is asked about a document or item only when no earlier copy of it is
still out or unstored (:meth:`InputOrder.wait_for`): then it answers as it
would in one process.
"""

from __future__ import annotations

import logging
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime

from .app import App
from .config import SourceConfig
from .hooks import Hooks
from .models import Document, Item
from .run import Run, RunReport
from .store import Store
from .workers import (
    CHUNK_ITEMS,
    PARALLEL_AFTER_DOCUMENTS,
    DocumentTask,
    Judged,
    OrderedIsolation,
    Parsed,
    WorkerPool,
    WorkerSpec,
    ship,
    tag_and_judge_items,
)

log = logging.getLogger("aggregator.run")


@dataclass
class SeenDocument:
    """A document of the batch, to record in the store with the batch."""

    document: Document
    item_ids: list[str]
    parsed: bool
    """False for an unchanged document: its stored record is already right."""
    done: bool
    """False when an item of it failed: the next run processes it again."""


@dataclass
class PendingItem:
    """An item cleaned here and out with the workers for tagging and judging."""

    item: Item
    previous: tuple[datetime, str, str | None] | None
    judged: Judged | None = None


@dataclass
class Pending:
    """A document, or a problem to record, waiting behind documents still out with the
    workers: what one process would have done next, done when its turn comes."""

    seen: SeenDocument | None = None
    source: SourceConfig | None = None
    items: list[PendingItem] = field(default_factory=list)
    record: Callable[[], object] | None = None
    shipped: DocumentTask | None = None
    """A document parsed, cleaned, tagged and judged by the workers; its items, in
    :attr:`parsed`, become :attr:`items` when its turn comes."""
    parsed: Parsed | None = None
    every: bool = False
    """Curate all its items, changed or not (a reprocessing run, an unfinished document)."""

    @property
    def ready(self) -> bool:
        if self.shipped is not None and self.parsed is None:
            return False
        return all(pending.judged is not None for pending in self.items)


class InputOrder:
    """The pipeline's queue of documents waiting for their items, and its worker pool."""

    app: App
    hooks: Hooks
    report: RunReport
    run: Run
    store: Store
    isolation: OrderedIsolation
    processes: int
    pool: WorkerPool | None
    pending: deque[Pending]
    chunk: list[PendingItem | Pending]
    out: deque[list[PendingItem | Pending]]
    """The chunks with the workers, oldest first, as :attr:`pool` holds them."""
    finishing: bool
    held_uris: set[str]
    held_ids: set[str]
    shipped_out: int
    """Documents with the workers whose item ids are not known yet."""
    unfinished_sources: set[str]
    """Sources with a document left unfinished in this run: they keep their fetch state."""

    def start_input_order(self, processes: int) -> None:
        self.processes = processes
        self.pool = None
        self.pending = deque()
        self.chunk = []
        self.out = deque()
        self.finishing = False
        self.held_uris = set()
        self.held_ids = set()
        self.shipped_out = 0
        self.isolation.hold = self.hold

    def finish(self, pending: Pending) -> None:
        raise NotImplementedError

    def enqueue(self, pending: Pending) -> None:
        self.pending.append(pending)
        self.hold_store_keys(pending)
        self.settle()

    def hold_store_keys(self, pending: Pending) -> None:
        """Remember the document and item ids not stored yet (see :meth:`wait_for`)."""
        if pending.seen is not None:
            self.held_uris.add(pending.seen.document.uri)
            self.held_ids.update(entry.item.id for entry in pending.items)
            if pending.parsed is not None:
                self.held_ids.update(judged.item.id for judged in pending.parsed.judged)

    def hold(self, record: Callable[[], object]) -> bool:
        """Queue a problem behind the documents still out with the workers, if any."""
        if not self.pending or self.finishing:
            return False
        self.pending.append(Pending(record=record))
        return True

    def settle(self) -> None:
        """Finish, in input order, every document whose items all came back."""
        while self.pending and self.pending[0].ready:
            pending = self.pending.popleft()
            self.finishing = True
            try:
                if pending.record is not None:
                    pending.record()
                if pending.seen is not None:
                    self.finish(pending)
            finally:
                self.finishing = False

    def workers(self) -> WorkerPool | None:
        """The worker pool, started once enough documents were parsed; None: curate here."""
        started = self.report.documents >= PARALLEL_AFTER_DOCUMENTS
        if self.pool is None and self.processes > 1 and started:
            spec = WorkerSpec.of(self.app)
            if spec is None:
                log.info("the project cannot be loaded in worker processes: one process")
                self.processes = 1
                return None
            log.info("curating in %d worker processes", self.processes)
            self.pool = WorkerPool(spec, self.processes)
        return self.pool

    def submit(self) -> None:
        """Send the chunk of cleaned items to the workers; take back the oldest chunks
        while too many are out."""
        if self.pool is None or not self.chunk:
            return
        self.pool.submit(self.tasks(self.chunk))
        self.out.append(self.chunk)
        self.chunk = []
        while self.pool is not None and self.pool.full:
            self.take_back()

    def take_back(self) -> None:
        """Receive the oldest chunk from the workers and finish the documents it completes.
        When the pool broke, its chunks are curated here and the run goes on in one process."""
        assert self.pool is not None
        entries = self.out.popleft()
        _, result = self.pool.next_result()
        if isinstance(result, BaseException):
            self.isolation.record("workers", result, where="worker processes")
            self.processes = 1
            self.stop_workers(cancel=True)
            for orphan in [entries, *self.out, self.chunk]:
                self.judge_here(orphan)
            self.out.clear()
            self.chunk = []
        else:
            for entry, judged in zip(entries, result.judged, strict=True):
                if isinstance(entry, Pending):
                    assert isinstance(judged, Parsed)
                    self.parsed(entry, judged)
                else:
                    assert isinstance(judged, Judged)
                    entry.judged = judged
            for stage, seconds in result.seconds.items():
                self.report.stage_seconds[stage] += seconds
        self.settle()

    def judge_here(self, entries: list[PendingItem | Pending]) -> None:
        """Tag and judge cleaned items in this process (after the workers stopped). A
        document the workers were to parse is left unfinished: parsing it here now would
        clean it with counts learned later; the next run processes it again."""
        for entry in entries:
            if isinstance(entry, Pending):
                assert entry.seen is not None
                entry.seen.done = False
                self.parsed(entry, Parsed())
        cleaned = [entry for entry in entries if isinstance(entry, PendingItem)]
        items = [entry.item for entry in cleaned]
        judged, seconds = tag_and_judge_items(self.hooks, self.isolation, items)
        for entry, result in zip(cleaned, judged, strict=True):
            entry.judged = result
        for stage, spent in seconds.items():
            self.report.stage_seconds[stage] += spent

    def wait_for(
        self, *, uris: frozenset[str] = frozenset(), item_ids: frozenset[str] = frozenset()
    ) -> None:
        """Before the store is asked about a document or items: when one of them is still
        out with the workers or in the unstored batch, take everything back first, so the
        store answers as it would in one process."""
        if self.pending and (
            uris & self.held_uris or item_ids & self.held_ids or (item_ids and self.shipped_out)
        ):
            self.drain()

    def drain(self) -> None:
        """Take back every chunk and finish every document waiting for one."""
        self.submit_rest()
        while self.out:
            self.take_back()
        self.settle()

    def submit_rest(self) -> None:
        if self.pool is not None and self.chunk:
            self.pool.submit(self.tasks(self.chunk))
            self.out.append(self.chunk)
            self.chunk = []

    def stop_workers(self, *, cancel: bool) -> None:
        if self.pool is not None:
            self.pool.close(cancel=cancel)
            self.pool = None

    # documents parsed by the workers ---------------------------------------

    @staticmethod
    def tasks(entries: list[PendingItem | Pending]) -> list[Item | DocumentTask]:
        tasks: list[Item | DocumentTask] = []
        for entry in entries:
            if isinstance(entry, PendingItem):
                tasks.append(entry.item)
            else:
                assert entry.shipped is not None
                tasks.append(entry.shipped)
        return tasks

    def ship(self, source: SourceConfig, seen: SeenDocument, *, every: bool) -> bool:
        """Send a document to the workers to parse and curate, when they are running and
        every plugin can say what they need to do it as this process would now."""
        if self.pool is None:
            return False
        document = seen.document
        payloads = ship(source, document, self.app.config)
        if payloads is None:
            return False
        task = DocumentTask(document, source.name, payloads, source.outlet)
        pending = Pending(seen, source, shipped=task, every=every)
        self.shipped_out += 1
        self.chunk.append(pending)
        self.enqueue(pending)
        if len(self.chunk) >= CHUNK_ITEMS:
            self.submit()
        return True

    def parsed(self, pending: Pending, parsed: Parsed) -> None:
        """A shipped document came back: hold its items' ids until they are stored."""
        pending.parsed = parsed
        self.shipped_out -= 1
        self.held_ids.update(judged.item.id for judged in parsed.judged)

    def unpack(self, pending: Pending) -> bool:
        """When a shipped document's turn comes: what one process would have done after
        parsing it. Its new and changed items (all with ``every``) join :attr:`Pending.items`;
        False when parsing failed and the document goes no further."""
        parsed, seen, source = pending.parsed, pending.seen, pending.source
        assert parsed is not None and seen is not None and source is not None
        where = seen.document.uri
        if parsed.failure is not None:
            error = OrderedIsolation.mark(parsed.failure)
            self.isolation.record("parse", error, source=source, where=where)
            self.unfinished_sources.add(source.name)
            return False
        if parsed.skipped is not None:
            self.report.skipped.append(f"{where}: {parsed.skipped}")
            log.info("skipped %s: %s", where, parsed.skipped)
            pending.source = None
            return True
        log.debug("parsed %s: %d items", where, len(parsed.judged))
        seen.item_ids = [judged.item.id for judged in parsed.judged]
        known = self.store.first_seen(seen.item_ids)
        for judged in parsed.judged:
            item = judged.item
            previous = known.get(item.id)
            if previous is not None and previous[1] == item.content_hash and not pending.every:
                continue
            item.first_seen = previous[0] if previous else self.run.now
            self.report.count_item(new=previous is None)
            pending.items.append(PendingItem(item, previous, judged))
        return True
