"""One run: collect → parse → clean/tag/judge → cluster → store → publish.

Items flow through in batches so memory stays flat however large the input
is; each batch is clustered and committed in one transaction together with
the state of the documents it came from, so a crash at any point leaves the
store as it was after the last whole batch, and the next run picks up the
rest. A document counts as done only when every one of its items reached the
store: one that a plugin failed on, or whose batch failed to commit, is
recorded as unfinished and processed again, in full, by the next run.
Outputs are written only at the end, atomically.
"""

from __future__ import annotations

import copy
import dataclasses
import logging
import re
import time
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from functools import partial
from pathlib import Path
from typing import Any

from .app import App
from .collection import fewer_collections
from .config import SourceConfig
from .errors import DocumentError, SourceError
from .fingerprint import run_fingerprint
from .input_order import InputOrder, Pending, PendingItem, SeenDocument
from .lock import run_lock
from .models import Document, Item, Story, stable_id
from .run import Run, RunReport
from .store import Store
from .stories import new_story_id, update_stories
from .toolkit.scheduling import run_per_host
from .workers import Judged, OrderedIsolation, forget_transient

log = logging.getLogger("aggregator.run")

BATCH_ITEMS = 2000
"""Items clustered and stored per transaction. Each COMMIT writes the index pages the
batch touched (item ids are hashes, so they land all over the B-trees); at 100k items
500 a batch spent 7.5 s in COMMIT, 2,000 a batch 4.3 s. A crash loses at most one
batch, which the next run reads again."""

Progress = Callable[[RunReport, str], None]


@dataclass
class Batch:
    items: list[Item] = field(default_factory=list)
    previous: dict[str, str | None] = field(default_factory=dict)
    unchanged: set[str] = field(default_factory=set)
    """Items processed again (a reprocessing run) whose content had not changed."""
    documents: list[SeenDocument] = field(default_factory=list)

    def clear(self) -> None:
        self.items.clear()
        self.previous.clear()
        self.unchanged.clear()
        self.documents.clear()


def lock_path(store_path: Path) -> Path:
    return store_path.with_name(store_path.name + ".lock")


def run_once(
    app: App,
    *,
    reprocess: bool = False,
    now: datetime | None = None,
    progress: Progress | None = None,
    publish: bool = True,
    report: RunReport | None = None,
) -> RunReport:
    """Run the pipeline once under the run lock and return its report.

    Pass ``report`` to read it even when the run is interrupted (Ctrl-C):
    it says how much was stored by then.
    """
    config = app.config
    report = report if report is not None else RunReport()
    lock = run_lock(lock_path(config.store_path), timeout=config.store["lock_timeout"])
    with fewer_collections(), lock:
        store = Store.open(config.store_path, url=config.store_url)
        try:
            run = Run(
                config, store, now or datetime.now(UTC).replace(microsecond=0), report, reprocess
            )
            fingerprint = run_fingerprint(config, app.pm)
            if not reprocess and store.get_meta("config_fingerprint") not in (None, fingerprint):
                log.info("plugins or their settings changed: processing every input again")
                run.reprocess = True
            pipeline = Pipeline(app, run, progress)
            app.hooks.run_start(run)
            try:
                pipeline.execute(publish=publish)
                with store.transaction():
                    store.set_meta("config_fingerprint", fingerprint)
            finally:
                report.finished = time.monotonic()
                with pipeline.isolation.guard("run_finish"):
                    app.hooks.run_finish(run, report)
        finally:
            store.close()
    return report


class Timed:
    """See :meth:`Pipeline.timed`; a class, since a run enters several for every item."""

    __slots__ = ("seconds", "stage", "start")

    def __init__(self, seconds: defaultdict[str, float], stage: str) -> None:
        self.seconds = seconds
        self.stage = stage
        self.start = 0.0

    def __enter__(self) -> None:
        self.start = time.perf_counter()

    def __exit__(self, *exc_info: object) -> None:
        self.seconds[self.stage] += time.perf_counter() - self.start


class Pipeline(InputOrder):
    def __init__(self, app: App, run: Run, progress: Progress | None = None) -> None:
        self.app = app
        self.hooks = app.hooks
        self.run = run
        self.store: Store = run.store
        self.report = run.report
        self.isolation = OrderedIsolation(app.hooks, run.report, app.plugin_files())
        self.progress = progress
        self.batch = Batch()
        self.unfinished_sources: set[str] = set()
        """Sources with a document recorded unfinished in this run."""
        self.start_input_order(app.config.processes)

    def timed(self, stage: str) -> Timed:
        """A context manager adding the seconds its block takes to ``stage``'s time."""
        return Timed(self.report.stage_seconds, stage)

    def execute(self, *, publish: bool = True) -> None:
        sources = []
        for source in self.app.config.sources:
            if source.enabled:
                sources.append(source)
            else:
                log.info("source %r is disabled", source.name)
        stored = self.store.all_source_states()  # one query, not one per source
        self.run.source_states = {
            source.name: copy.deepcopy(stored.get(source.name, {})) for source in sources
        }
        try:
            for chunk, prefetched in self.fetched_chunks(sources):
                for source in chunk:
                    self.collect(source, prefetched.get(source.name))
            self.drain()
        finally:
            self.stop_workers(cancel=bool(self.pending))
        self.flush()
        self.save_source_states(stored)
        if publish:
            self.publish()

    def save_source_states(self, before: dict[str, dict[str, Any]]) -> None:
        """Save the sources' fetch states, after the last batch's items are stored.

        A state says what was fetched (validators, a feed's body hash), so saved any
        earlier a process killed in between would leave a source that the next run
        finds unchanged and items that no run stores. A source with a document left
        unfinished (its parse failed, a plugin failed on an item, its batch rolled back)
        keeps its state from
        before the run, so the next run fetches and processes that document again."""
        with self.store.transaction():
            for name, state in self.run.source_states.items():
                if name in self.unfinished_sources:
                    state = before.get(name, {})
                if state:
                    self.store.save_source_state(name, state)

    # collect -------------------------------------------------------------

    def chunks(self, sources: list[SourceConfig]) -> Iterator[list[SourceConfig]]:
        """Sources in config order, in runs small enough to hold one run's fetched documents."""
        size = max(1, int(self.app.config.http["max_workers"]) * 8)
        for start in range(0, len(sources), size):
            yield sources[start : start + size]

    def fetched_chunks(
        self, sources: list[SourceConfig]
    ) -> Iterator[tuple[list[SourceConfig], dict[str, list[Document] | BaseException]]]:
        """Each chunk of sources with its network sources fetched. The next chunk is
        fetched while the caller processes this one, so the run waits on the network
        only when curation outruns it; at most two chunks of documents are held."""
        chunks = list(self.chunks(sources))
        if not any(source.network for source in sources):
            for chunk in chunks:
                yield chunk, {}
            return
        ahead = ThreadPoolExecutor(max_workers=1, thread_name_prefix="aggregator-fetch-ahead")
        try:
            future = ahead.submit(self.fetch_network, chunks[0])
            for index, chunk in enumerate(chunks):
                with self.timed("fetch"):
                    fetched = future.result()
                if index + 1 < len(chunks):
                    future = ahead.submit(self.fetch_network, chunks[index + 1])
                yield chunk, fetched
        finally:
            ahead.shutdown(wait=False, cancel_futures=True)

    def fetch_network(
        self, sources: list[SourceConfig]
    ) -> dict[str, list[Document] | BaseException]:
        """Fetch the network sources among ``sources`` concurrently, at most
        ``[http] per_host`` at a time per host. Fetch hooks run in threads and
        must not touch the store; they read and update ``run.source_state``."""
        network = [source for source in sources if source.network]
        if not network:
            return {}

        def fetch(source: SourceConfig) -> list[Document]:
            documents = self.hooks.fetch(source, self.run)
            if documents is None:
                raise SourceError(f"no plugin fetches sources of type {source.type!r}")
            return list(documents)

        http = self.app.config.http
        results = run_per_host(
            [(str(source.get("url") or source.name), partial(fetch, source)) for source in network],
            max_workers=int(http["max_workers"]),
            per_host=int(http["per_host"]),
        )
        return {source.name: result for source, result in zip(network, results, strict=True)}

    def collect(
        self, source: SourceConfig, prefetched: list[Document] | BaseException | None = None
    ) -> None:
        self.report.sources += 1
        log.info("source %r (%s): fetching", source.name, source.type)
        before = (self.report.documents, self.report.documents_unchanged)
        with self.isolation.guard("fetch", source=source):
            if isinstance(prefetched, BaseException):
                raise prefetched
            if prefetched is not None:
                documents: Iterable[Document] | None = prefetched
            else:
                with self.timed("fetch"):
                    documents = self.hooks.fetch(source, self.run)
            if documents is None:
                raise SourceError(f"no plugin fetches sources of type {source.type!r}")
            iterator = iter(documents)
            while True:
                with self.timed("fetch"):
                    document = next(iterator, None)
                if document is None:
                    break
                self.process_document(source, document)
        parsed = self.report.documents - before[0]
        unchanged = self.report.documents_unchanged - before[1]
        if parsed == 0 and unchanged > 0:
            self.report.sources_unchanged += 1
        log.info("source %r: %d documents parsed, %d unchanged", source.name, parsed, unchanged)

    def process_document(self, source: SourceConfig, document: Document) -> None:
        where = document.uri
        if document.error:
            self.isolation.record(
                "fetch", DocumentError(document.error), source=source, where=where
            )
            self.report.documents_failed += 1
            self._progress(where)
            return
        self.wait_for(uris=frozenset((document.uri,)))
        state = self.store.document_state(document.uri)
        content_hash = document.content_hash
        if not self.run.reprocess and state is not None and state.sha1 == content_hash:
            self.report.documents_unchanged += 1
            seen = SeenDocument(document, list(state.item_ids), False, True, content_hash)
            self.enqueue(Pending(seen))
            self._progress(where)
            return
        self.report.documents += 1
        unfinished = state is not None and not state.done
        seen = SeenDocument(document, [], parsed=True, done=True, sha1=content_hash)
        if self.workers() is not None and self.ship(
            source, seen, every=self.run.reprocess or unfinished
        ):
            self._progress(where)
            return
        if self.parsing_out:  # what parsing here counts comes after what they count
            self.drain()
        items: list[Item] | None = None
        with self.isolation.guard("parse", source=source, where=where) as outcome:
            with self.timed("parse"):
                items = self.hooks.parse(document, source)
            if items is None:
                raise DocumentError(f"no parser for media type {document.media_type!r}")
        if outcome.skipped:
            self.enqueue(Pending(dataclasses.replace(seen, item_ids=[])))
        if outcome.failed:
            self.unfinished_sources.add(source.name)
        if outcome.failed or outcome.skipped or items is None:
            self._progress(where)
            return
        log.debug("parsed %s: %d items", where, len(items))
        seen.item_ids = [item.id for item in items]
        pending = Pending(seen, source)
        self.process_items(pending, items, every=self.run.reprocess or unfinished)
        self.enqueue(pending)
        self._progress(where)

    def process_items(
        self,
        pending: Pending,
        items: list[Item],
        *,
        every: bool,
        payloads: dict[str, object] | None = None,
    ) -> None:
        """Curate the new and changed items (``every``: all of them) of a document: here,
        or cleaned here and tagged and judged by the workers, or (``payloads``: what the
        shippers said of a document a worker parsed) all of it by a worker. An item a
        plugin failed on marks the document unfinished."""
        assert pending.seen is not None and pending.source is not None
        source = pending.source
        self.wait_for(item_ids=frozenset(item.id for item in items))
        known = self.store.first_seen([item.id for item in items])
        pool = self.workers()
        to_clean: list[PendingItem] | None = [] if pool and payloads is not None else None
        for item in items:
            if source.outlet and not item.outlet:
                item.outlet = source.outlet
            if not item.content_hash:
                item.content_hash = stable_id(item.title, item.text, length=40)
            previous = known.get(item.id)
            if previous is not None and previous[1] == item.content_hash and not every:
                continue
            item.first_seen = previous[0] if previous else self.run.now
            self.report.count_item(new=previous is None)
            if to_clean is not None:
                to_clean.append(PendingItem(item, previous))
            elif pool is None:
                reason = self.curate(source, item)
                if reason is False or reason is True:
                    pending.seen.done = False
                else:
                    pending.items.append(PendingItem(item, previous, Judged(item, reason)))
            elif self.clean(source, item):
                pending.items.append(PendingItem(item, previous))
                self.add_to_chunk(pending.items[-1])
            else:
                pending.seen.done = False
        if to_clean and payloads is not None:
            self.send_to_clean(pending, to_clean, payloads)

    def clean(self, source: SourceConfig, item: Item) -> bool:
        """The clean stage alone, here (the workers tag and judge); False when it failed."""
        guard = self.isolation.guard("clean", source=source, item=item)
        with guard as outcome, self.timed("clean"):
            self.hooks.clean_item(item)
        return not outcome.failed

    def curate(self, source: SourceConfig, item: Item) -> str | bool | None:
        """clean → tag → judge one item: the drop reason (None: kept), False when a
        plugin failed on it."""
        guard = self.isolation.guard("clean", source=source, item=item)
        with guard as outcome:
            with self.timed("clean"):
                self.hooks.clean_item(item)
            guard.stage = "tag"
            with self.timed("tag"):
                self.hooks.tag_item(item)
            guard.stage = "judge"
            with self.timed("judge"):
                reason = self.hooks.judge_item(item)
        if outcome.failed:
            return False
        return reason

    def conclude(self, source: SourceConfig, item: Item, reason: str | None) -> None:
        """Count a curated item as kept or dropped, and announce a drop."""
        if reason:
            item.dropped = reason
            self.report.dropped[_reason_kind(reason)] += 1
            log.debug("dropped %s: %s", item.uri, reason)
            with self.isolation.guard("item_dropped", source=source, item=item):
                self.hooks.item_dropped(item, reason)
        else:
            item.dropped = None
            self.report.kept += 1

    # documents in input order: see InputOrder --------------------------

    def finish(self, pending: Pending) -> None:
        """What one process does once a document's items are curated: into the batch."""
        if pending.shipped is not None and not self.unpack(pending):
            return
        seen, source = pending.seen, pending.source
        assert seen is not None
        for entry in pending.items:
            assert source is not None and entry.judged is not None
            judged, previous = entry.judged, entry.previous
            item = judged.item
            if judged.failure is not None:
                error = OrderedIsolation.mark(judged.failure)
                self.isolation.record(judged.failure.stage, error, source=source, item=item)
                seen.done = False
                continue
            self.conclude(source, item, judged.reason)
            if previous is not None:
                self.batch.previous[item.id] = previous[2]
                if previous[1] == item.content_hash:
                    self.batch.unchanged.add(item.id)
                if not item.dropped:
                    item.story_id = previous[2]
            self.batch.items.append(item)
        self.batch.documents.append(seen)
        if source is not None and len(self.batch.items) >= BATCH_ITEMS:
            self.flush()

    def _progress(self, where: str) -> None:
        if self.progress is not None:
            self.progress(self.report, where)

    # cluster and store ---------------------------------------------------

    def flush(self) -> None:
        batch = self.batch
        if not batch.items and not batch.documents:
            return
        guard = self.isolation.guard("cluster")
        with guard as outcome, self.store.transaction():
            fresh = [item for item in batch.items if not item.dropped and not item.story_id]
            with self.timed("cluster"):
                self.hooks.cluster(fresh, self.store)
            for item in fresh:
                if not item.story_id:
                    item.story_id = new_story_id(item)
            guard.stage = "store"
            with self.timed("store"):
                self.save_items(batch)
                created, changed = update_stories(
                    self.store, batch.items, batch.previous, self.run.now, batch.unchanged
                )
                for seen in batch.documents:
                    self.record_document(seen)
            self.report.stories_new += created
            self.report.stories_updated += changed
        self.finish_batch(batch, failed=outcome.failed)

    def save_items(self, batch: Batch) -> None:
        """Store the batch's items, less what workers left on them for this run only."""
        forget_transient(batch.items)
        self.store.save_items(batch.items)

    def finish_batch(self, batch: Batch, *, failed: bool) -> None:
        """After a batch's transaction: its documents unfinished if it rolled back, else
        its items counted as stored; then the next batch starts empty."""
        if failed:
            self.record_unfinished(batch)
        else:
            self.report.items_stored += len(batch.items)
        batch.clear()
        self.forget_ahead()
        self.held_uris.clear()
        self.held_ids.clear()
        for pending in self.pending:
            self.hold_store_keys(pending)

    def record_document(self, seen: SeenDocument) -> None:
        """Remember a document; an unfinished one without its size, time and hash, so
        that no source or check takes it for unchanged next run."""
        document = seen.document
        if not seen.done:
            self.unfinished_sources.add(document.source)
        self.store.record_document(
            document.uri,
            document.source,
            size=document.meta.get("size") if seen.done else None,
            mtime_ns=document.meta.get("mtime_ns") if seen.done else None,
            sha1=seen.sha1 if seen.done else None,
            item_ids=seen.item_ids,
            seen_at=self.run.now,
        )

    def record_unfinished(self, batch: Batch) -> None:
        """After a batch's transaction rolled back: mark its parsed documents unfinished,
        so that the next run processes them again even if a record of an earlier
        version says they are unchanged (the items stored from that version stay)."""
        with self.isolation.guard("store"), self.store.transaction():
            for seen in batch.documents:
                if seen.parsed:
                    self.record_document(dataclasses.replace(seen, done=False))

    # publish -------------------------------------------------------------

    def publish(self) -> None:
        config = self.app.config
        since = None
        if config.max_age_days:
            since = self.run.now - timedelta(days=config.max_age_days)
        with self.timed("publish"):
            stories = self.store.window(max_stories=config.max_stories, since=since)
            ranked = self.rank(stories)
            feed = dataclasses.replace(
                config.feed,
                updated=max((story.updated for story in ranked if story.updated), default=None),
            )
            out_dir = config.output_dir
            for name, publish in self.hooks.publish_each(feed, ranked, out_dir):
                with self.isolation.guard("publish", where=f"publisher {name}"):
                    paths = publish()
                    self.report.published.extend(paths)
                    log.info("published %s: %s", name, ", ".join(str(p) for p in paths) or "-")

    def rank(self, stories: list[Story]) -> list[Story]:
        """Sum each story's scores and sort, highest first; date order breaks ties."""
        for story in stories:
            with self.isolation.guard("score_story", where=f"story {story.id}"):
                story.score = self.hooks.score_story(story)
        return sorted(stories, key=lambda story: -story.score)


def _reason_kind(reason: str) -> str:
    """Group drop reasons for the summary: the text without its figures in parentheses."""
    return re.sub(r"\s*\([^)]*\)\s*$", "", reason).strip() or reason
