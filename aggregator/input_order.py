"""Documents finish in input order, whoever curates their items.

With worker processes (:mod:`aggregator.workers`) a document's items come back
after later documents were parsed. :class:`InputOrder`, a part of the
pipeline, holds each document, and each problem found meanwhile, in a queue
and finishes them in input order as their items come back, so that batches,
stored rows, report lines and notification hooks are those of one process.
The store is asked about a document or item only when no earlier copy of it is
still out or unstored (:meth:`InputOrder.wait_for`): then it answers as it
would in one process. The items of the documents a chunk brings back are asked
about together (:meth:`InputOrder.ask_ahead`); the answers serve each document
when its turn comes, unless a batch was stored in between.

A document that a worker only parses (a shipper answered ``AFTER_PARSE``) comes
back with its items uncleaned; the run's process takes the items up in input
order (:meth:`InputOrder.take_up`), as it would have right after parsing
them: the shippers count what they count, the store says which items are new
or changed, and those go to a worker to be cleaned, tagged and judged with
what the shippers said at that moment. No document is parsed in the run's
process while one is out to be parsed, so nothing is counted out of order.
"""

from __future__ import annotations

import dataclasses
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
    DOCUMENT_WEIGHT,
    PARALLEL_AFTER_DOCUMENTS,
    PARALLEL_AFTER_ITEMS,
    CleanTask,
    DocumentTask,
    Failure,
    Judged,
    OrderedIsolation,
    Parsed,
    Task,
    WorkerPool,
    WorkerSpec,
    ship,
    ship_parsed,
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
    sha1: str
    """The content's hash, taken once when the document came in (``Document.content_hash``
    hashes the content again at every call)."""


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
    parsing: DocumentTask | None = None
    """A document out with the workers to be parsed only, until its items are taken up."""

    @property
    def ready(self) -> bool:
        if self.parsing is not None:
            return False
        if self.shipped is not None and self.parsed is None:
            return False
        return all(pending.judged is not None for pending in self.items)


@dataclass
class Cleaning:
    """The items of a document taken up here, out with the workers to be cleaned."""

    pending: Pending
    task: CleanTask


Entry = PendingItem | Pending | Cleaning


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
    chunk: list[Entry]
    chunk_weight: int
    """Items in :attr:`chunk`, a document to parse counting :data:`DOCUMENT_WEIGHT`."""
    out: deque[list[Entry]]
    """The chunks with the workers, oldest first, as :attr:`pool` holds them."""
    finishing: bool
    held_uris: set[str]
    held_ids: set[str]
    shipped_out: int
    """Documents with the workers to curate whose item ids are not known yet."""
    parsing_out: int
    """Documents with the workers to parse whose items were not taken up yet."""
    arrived: deque[Pending]
    """Documents parsed by the workers, in input order, waiting to be taken up."""
    taking_up: Pending | None
    """The document whose items are being taken up: a problem found meanwhile is its."""
    held_for_it: int
    """Problems queued behind :attr:`taking_up` so far."""
    unfinished_sources: set[str]
    """Sources with a document left unfinished in this run: they keep their fetch state."""
    known_ahead: dict[str, tuple[datetime, str, str | None]]
    """What the store said of the items of the documents in the chunks taken back, asked
    once a chunk (see :meth:`first_seen`): the stored ones' first seen, hash and story."""
    asked_ahead: set[str]
    """The ids :attr:`known_ahead` answers for, stored or not."""

    def start_input_order(self, processes: int) -> None:
        self.processes = processes
        self.pool = None
        self.pending = deque()
        self.chunk = []
        self.chunk_weight = 0
        self.out = deque()
        self.finishing = False
        self.held_uris = set()
        self.held_ids = set()
        self.shipped_out = 0
        self.parsing_out = 0
        self.arrived = deque()
        self.taking_up = None
        self.held_for_it = 0
        self.known_ahead = {}
        self.asked_ahead = set()
        self.isolation.hold = self.hold

    def finish(self, pending: Pending) -> None:
        raise NotImplementedError

    def process_items(
        self,
        pending: Pending,
        items: list[Item],
        *,
        every: bool,
        payloads: dict[str, object] | None = None,
    ) -> None:
        raise NotImplementedError

    def enqueue(self, pending: Pending) -> None:
        self.pending.append(pending)
        self.hold_store_keys(pending)
        self.settle()

    def hold_store_keys(self, pending: Pending) -> None:
        """Remember the document and item ids not stored yet (see :meth:`wait_for`)."""
        if pending.seen is not None:
            self.held_uris.add(pending.seen.document.uri)
            self.held_ids.update(pending.seen.item_ids)
            self.held_ids.update(entry.item.id for entry in pending.items)
            if pending.parsed is not None:
                self.held_ids.update(judged.item.id for judged in pending.parsed.judged)

    def hold(self, record: Callable[[], object]) -> bool:
        """Queue a problem behind the documents still out with the workers, if any: right
        behind the document being taken up, when it is that one's."""
        if not self.pending or self.finishing:
            return False
        anchor = self.taking_up
        if anchor is None:
            self.pending.append(Pending(record=record))
            return True
        index = next(index for index, pending in enumerate(self.pending) if pending is anchor)
        self.held_for_it += 1
        self.pending.insert(index + self.held_for_it, Pending(record=record))
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
        started = (
            self.report.documents >= PARALLEL_AFTER_DOCUMENTS
            or self.report.items >= PARALLEL_AFTER_ITEMS
        )
        if self.pool is None and self.processes > 1 and started:
            spec = WorkerSpec.of(self.app)
            if spec is None:
                log.info("the project cannot be loaded in worker processes: one process")
                self.processes = 1
                return None
            log.info("curating in %d worker processes", self.processes)
            self.pool = WorkerPool(spec, self.processes)
        return self.pool

    def add_to_chunk(self, entry: Entry, weight: int = 1) -> None:
        self.chunk.append(entry)
        self.chunk_weight += weight
        if self.chunk_weight >= CHUNK_ITEMS:
            self.submit()

    def submit(self) -> None:
        """Send the chunk of cleaned items to the workers; take back the oldest chunks
        while too many are out."""
        self.submit_rest()
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
            self.chunk_weight = 0
        else:
            arrived: list[str] = []
            for entry, judged in zip(entries, result.judged, strict=True):
                if isinstance(entry, PendingItem):
                    assert isinstance(judged, Judged)
                    entry.judged = judged
                    continue
                assert isinstance(judged, Parsed)
                if isinstance(entry, Cleaning):
                    for item, one in zip(entry.pending.items, judged.judged, strict=True):
                        item.judged = one
                else:
                    self.parsed(entry, judged)
                    if entry.parsing is None:
                        arrived.extend(one.item.id for one in judged.judged)
            self.ask_ahead(arrived)
            for stage, seconds in result.seconds.items():
                self.report.stage_seconds[stage] += seconds
        self.take_up()
        self.settle()

    def judge_here(self, entries: list[Entry]) -> None:
        """Tag and judge cleaned items in this process (after the workers stopped). A
        document the workers were to parse or clean is left unfinished: doing it here now
        would clean it with counts learned later; the next run processes it again."""
        for entry in entries:
            if isinstance(entry, Cleaning):
                assert entry.pending.seen is not None
                entry.pending.seen.done = False
                entry.pending.items.clear()
            elif isinstance(entry, Pending):
                assert entry.seen is not None
                entry.seen.done = False
                if entry.parsing is not None:
                    entry.parsing = None
                    self.parsing_out -= 1
                else:
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
        """Take back every chunk and finish every document waiting for one (taking up
        the items of those parsed, unless that is what waits)."""
        while True:
            self.submit_rest()
            if not self.out:
                break
            self.take_back()
        self.settle()

    def submit_rest(self) -> None:
        if self.pool is not None and self.chunk:
            self.pool.submit(self.tasks(self.chunk))
            self.out.append(self.chunk)
            self.chunk = []
            self.chunk_weight = 0

    def stop_workers(self, *, cancel: bool) -> None:
        if self.pool is not None:
            self.pool.close(cancel=cancel)
            self.pool = None

    def ask_ahead(self, item_ids: list[str]) -> None:
        """Ask the store about the items of the documents a chunk brought back, in one
        query: :meth:`unpack` would ask about each document's when its turn comes, one
        query a document."""
        if item_ids:
            self.known_ahead.update(self.store.first_seen(item_ids))
            self.asked_ahead.update(item_ids)

    def first_seen(self, item_ids: list[str]) -> dict[str, tuple[datetime, str, str | None]]:
        """What :meth:`Store.first_seen` answers now: from what was asked ahead when it
        covers every id (the store's items change only when a batch is stored, and
        :meth:`forget_ahead` runs then), else from the store."""
        if not self.asked_ahead.issuperset(item_ids):
            return self.store.first_seen(item_ids)
        self.asked_ahead.difference_update(item_ids)
        known = {}
        for item_id in item_ids:
            if item_id in self.known_ahead:
                known[item_id] = self.known_ahead.pop(item_id)
        return known

    def forget_ahead(self) -> None:
        """Once a batch's items were stored (or rolled back), what the store said before."""
        self.known_ahead.clear()
        self.asked_ahead.clear()

    # documents parsed by the workers ---------------------------------------

    @staticmethod
    def tasks(entries: list[Entry]) -> list[Task]:
        tasks: list[Task] = []
        for entry in entries:
            if isinstance(entry, PendingItem):
                tasks.append(entry.item)
            elif isinstance(entry, Cleaning):
                tasks.append(entry.task)
            else:
                task = entry.parsing or entry.shipped
                assert task is not None
                tasks.append(task)
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
        if task.later:
            pending = Pending(seen, source, parsing=task, every=every)
            self.parsing_out += 1
        else:
            pending = Pending(seen, source, shipped=task, every=every)
            self.shipped_out += 1
        self.enqueue(pending)
        self.add_to_chunk(pending, DOCUMENT_WEIGHT if task.later else 1)
        return True

    def parsed(self, pending: Pending, parsed: Parsed) -> None:
        """A shipped document came back: hold its items' ids until they are stored. One
        parsed only waits for its turn to be taken up."""
        pending.parsed = parsed
        if pending.parsing is not None:
            self.arrived.append(pending)
            return
        self.shipped_out -= 1
        self.held_ids.update(judged.item.id for judged in parsed.judged)

    def take_up(self) -> None:
        """Take up, in input order, the items of the documents the workers parsed."""
        if self.taking_up is not None:
            return
        while self.arrived:
            pending = self.arrived.popleft()
            self.parsing_out -= 1
            self.taking_up, self.held_for_it = pending, 0
            try:
                self.take_up_items(pending)
            finally:
                self.taking_up = None
                pending.parsing = None
        self.settle()

    def take_up_items(self, pending: Pending) -> None:
        """What one process does right after parsing a document, for one a worker parsed:
        the shippers that waited for its items see them, and its new and changed items
        are cleaned, tagged and judged by a worker with what they said (here, when one
        of them cannot say). A parse failure is recorded when its turn comes."""
        task, parsed, seen, source = pending.parsing, pending.parsed, pending.seen, pending.source
        assert task is not None and parsed is not None and seen is not None and source is not None
        if parsed.failure is not None or parsed.skipped is not None:
            pending.shipped = task
            return
        pending.parsed = None
        items = parsed.items
        seen.item_ids = [item.id for item in items]
        try:
            payloads = ship_parsed(source, task, items, self.app.config)
        except Exception as error:
            blamed = Failure("parse", error, self.isolation.blame(error))
            pending.shipped, pending.parsed = task, Parsed(failure=blamed)
            return
        log.debug("parsed %s: %d items", seen.document.uri, len(items))
        self.process_items(pending, items, every=pending.every, payloads=payloads)
        self.hold_store_keys(pending)

    def send_to_clean(
        self, pending: Pending, entries: list[PendingItem], payloads: dict[str, object]
    ) -> None:
        """Send the items of a document taken up here to a worker to clean, tag and judge."""
        assert pending.seen is not None and pending.source is not None and pending.parsing
        document = dataclasses.replace(pending.seen.document, content=b"")
        items = [entry.item for entry in entries]
        later = pending.parsing.later
        task = CleanTask(document, pending.source.name, items, payloads, later)
        pending.items.extend(entries)
        self.add_to_chunk(Cleaning(pending, task), len(items))

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
        known = self.first_seen(seen.item_ids)
        for judged in parsed.judged:
            item = judged.item
            previous = known.get(item.id)
            if previous is not None and previous[1] == item.content_hash and not pending.every:
                continue
            item.first_seen = previous[0] if previous else self.run.now
            self.report.count_item(new=previous is None)
            pending.items.append(PendingItem(item, previous, judged))
        return True
