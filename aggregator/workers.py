"""Worker processes for the per-item stages: parse, clean, tag, judge, signatures.

The run's own process fetches every document in input order, and the plugins
that learn in that order (the boilerplate learner) keep counting there; each
plugin's :class:`Shipper` says what a worker needs to parse and clean a
document as the run's process would at that point, and the document goes to
a worker with it (a document no shipper can send is parsed and cleaned in
the run's process, and only its items go). When what cleaning needs is known
only from the items (a feed's entries are counted when parsed), a worker
parses the document, the run's process takes the items up in input order, and
a worker cleans, tags and judges them with what the shippers said then
(:data:`AFTER_PARSE`). The results come back in the
order the chunks were submitted, and the run's process alone records
problems, calls the notification hooks, clusters and stores: what a run
stores and publishes does not depend on the number of processes.

Each worker builds the project once, as the run did (:func:`load_app` on the
same feeds.toml, the same local plugin files), so every plugin's
``aggregator_configure`` runs there too and settings stay per project. A worker
ignores Ctrl-C: the run's process stops it. A worker that dies, or that
loaded a project other than the run's (feeds.toml edited since), ends the
pool; the run records the chunk's items as failed and curates the rest in its
own process.
"""

from __future__ import annotations

import contextlib
import enum
import logging
import multiprocessing
import pickle
import signal
import time
from collections import deque
from collections.abc import Callable
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from .app import App, load_app
from .collection import collect_less_from_now
from .errors import DocumentError, SkipDocument
from .fingerprint import run_fingerprint
from .isolation import Isolation
from .manager import local_plugin_files
from .models import Document, Item, pickled_by_fields, stable_id
from .run import Problem, RunReport
from .stash import StashKey

if TYPE_CHECKING:
    from .config import Config, SourceConfig
    from .hooks import Hooks

log = logging.getLogger("aggregator.run")

CHUNK_ITEMS = 32
"""Items per task: enough that pickling and the pipe cost little per item, few enough
that the workers stay busy while the run's process cleans the next ones."""
CHUNKS_IN_FLIGHT_PER_WORKER = 16
"""Chunks submitted ahead per worker; the run waits for the oldest beyond that, so at
most this many chunks of items are held however large the input is. Enough to keep the
workers busy while the run's process clusters and stores a batch (about a second for
2,000 items), when it submits nothing: with 4, they idled through most of it."""
PARALLEL_AFTER_DOCUMENTS = 300
"""Documents parsed in the run's own process before the workers start: a small run
never pays their start-up (each loads the project, about half a second)."""
PARALLEL_AFTER_ITEMS = 1000
"""Or new and changed items read, whichever comes first: 300 feeds are 6,000 entries.
A thousand take about 1.8 s of CPU to curate, more than the workers' start-up (about
1.5 s of CPU for two); 60 feeds of 20 entries took 4.2 s of CPU with workers started
after 300 items against 2.8 s in one process."""
DOCUMENT_WEIGHT = 8
"""What a document sent to be parsed counts for in a chunk of :data:`CHUNK_ITEMS`:
a feed has ten to fifty entries, a text file one (it is counted as one item)."""
LOCAL_ORIGIN = "local file "


class Later(enum.Enum):
    AFTER_PARSE = "after parse"


AFTER_PARSE = Later.AFTER_PARSE
"""What :meth:`Shipper.ship` answers when a worker may parse the document but what its
cleaning needs is known only once its items are taken up in the run's process."""


class Shipper(Protocol):
    """A plugin's part in parsing and cleaning a document in a worker process.

    A plugin whose parse or clean hooks read state that the run's process builds
    in input order (the boilerplate learner's counts) registers one in
    ``config.stash[SHIPPERS]`` under its name, in ``aggregator_configure``.
    See docs/writing_plugins.md for how the answers of several combine.
    """

    def ship(
        self, source: SourceConfig, document: Document, config: Config
    ) -> object | Later | None:
        """In the run's process, in input order, when ``document`` would be parsed: what
        a worker needs to parse and clean it exactly as this process would now (it must
        pickle); None when it cannot, and the run's process parses and cleans it;
        :data:`AFTER_PARSE` when a worker may parse it but what cleaning its items needs
        is known only from them (then :meth:`ship_parsed` is asked)."""

    def receive(
        self, source: SourceConfig, document: Document, config: Config, payload: object
    ) -> None:
        """In a worker, before ``document`` is parsed, and again before its items are
        cleaned when a second task cleans them (that copy has no content): take up
        ``payload`` (:data:`AFTER_PARSE` included)."""

    def ship_parsed(
        self, source: SourceConfig, document: Document, items: list[Item], config: Config
    ) -> object | None:
        """In the run's process, in input order, once a worker parsed a document this
        shipper answered :data:`AFTER_PARSE` for: ``items`` as parsed, none cleaned yet.
        What a worker needs to clean them exactly as this process would now (it must
        pickle); None when it cannot, and the run's process cleans them."""

    def receive_parsed(
        self, source: SourceConfig, items: list[Item], config: Config, payload: object
    ) -> None:
        """In a worker, before ``items`` (those of one document to be cleaned) are
        cleaned: take up ``payload``, what :meth:`ship_parsed` gave."""


SHIPPERS = StashKey[dict[str, Shipper]]()
"""Each plugin's :class:`Shipper`, by plugin name."""
PREPARERS = StashKey[dict[str, Callable[[Item], None]]]()
"""Functions a worker calls on each kept item after judging: work that depends on the
item alone (the clusterer's signatures), kept in ``item.extras`` under a key starting
with :data:`TRANSIENT` for the run's process to read. The run removes such keys before
items are stored."""
TRANSIENT = "_worker:"


def forget_transient(items: list[Item]) -> None:
    """Remove what workers prepared for the run's process (see :data:`PREPARERS`)."""
    for item in items:
        if item.extras:
            for key in [key for key in item.extras if key.startswith(TRANSIENT)]:
                del item.extras[key]


def ship(source: SourceConfig, document: Document, config: Config) -> dict[str, object] | None:
    """The payloads that let a worker parse and clean ``document`` (:data:`AFTER_PARSE`
    for a shipper that must see its items first); None when one plugin needs it parsed
    here."""
    payloads: dict[str, object] = {}
    for name, shipper in config.stash.get(SHIPPERS, {}).items():
        payload = shipper.ship(source, document, config)
        if payload is None:
            return None
        payloads[name] = payload
    return payloads


def ship_parsed(
    source: SourceConfig, task: DocumentTask, items: list[Item], config: Config
) -> dict[str, object] | None:
    """The payloads that let a worker clean the items of a document it parsed: what each
    shipper that waited for them says now, the others' as they said before parsing;
    None when one plugin needs them cleaned here."""
    shippers = config.stash.get(SHIPPERS, {})
    payloads = dict(task.payloads)
    for name in task.later:
        payload = shippers[name].ship_parsed(source, task.document, items, config)
        if payload is None:
            return None
        payloads[name] = payload
    return payloads


@dataclass
class DocumentTask:
    """A document for a worker to parse, clean, tag and judge; only to parse when a
    shipper waits for its items (``later``)."""

    document: Document
    source: str
    payloads: dict[str, object]
    outlet: str | None

    @property
    def later(self) -> list[str]:
        """The shippers that answered :data:`AFTER_PARSE`."""
        return [name for name, payload in self.payloads.items() if payload is AFTER_PARSE]


@dataclass
class CleanTask:
    """The items of a document a worker parsed, to clean, tag and judge with what the
    shippers said once the run's process took them up."""

    document: Document
    """The document, without its content."""
    source: str
    items: list[Item]
    payloads: dict[str, object]
    later: list[str]


@pickled_by_fields
@dataclass
class Parsed:
    """A document back from a worker: its items tagged and judged (``items``: parsed
    only, when a shipper waits for them), or why there are none."""

    judged: list[Judged] = field(default_factory=list)
    failure: Failure | None = None
    skipped: str | None = None
    items: list[Item] = field(default_factory=list)


@dataclass(frozen=True)
class WorkerSpec:
    """What a worker needs to build the run's project again."""

    config_path: Path
    extra_plugins: tuple[Path, ...]
    entry_points: bool
    fingerprint: str

    @classmethod
    def of(cls, app: App) -> WorkerSpec | None:
        """The spec of ``app``, or None when another process could not build it again:
        no feeds.toml on disk, or plugins registered other than by discovery."""
        config = app.config
        if not config.path.is_file():
            return None
        origins = app.load_report.origins
        if {name for name, plugin in app.pm.list_name_plugin() if plugin} != set(origins):
            return None
        in_config = {path.resolve() for path in local_plugin_files(config.plugin_paths)}
        local = [
            Path(origin.removeprefix(LOCAL_ORIGIN))
            for origin in origins.values()
            if origin.startswith(LOCAL_ORIGIN)
        ]
        return cls(
            config_path=config.path,
            extra_plugins=tuple(path for path in local if path.resolve() not in in_config),
            entry_points=any(origin.startswith("entry point") for origin in origins.values()),
            fingerprint=run_fingerprint(config, app.pm),
        )


@dataclass
class Failure:
    """A plugin's exception in a worker, with the plugin the worker blamed."""

    stage: str
    error: BaseException
    plugin: str | None


@pickled_by_fields
@dataclass
class Judged:
    """One item back from a worker: tagged and judged, or the failure that stopped it."""

    item: Item
    reason: str | None = None
    failure: Failure | None = None


@dataclass
class ChunkResult:
    judged: list[Judged | Parsed]
    seconds: dict[str, float]
    fingerprint: str


class ProjectMismatch(RuntimeError):
    """A worker built a project other than the run's."""


@dataclass
class WorkerState:
    app: App
    isolation: Isolation
    fingerprint: str
    seconds: dict[str, float] = field(default_factory=dict)


_WORKER: WorkerState | None = None
"""The project a worker process built, once, in :func:`start_worker`."""


def start_worker(spec: WorkerSpec) -> None:
    """Initialise a worker process: leave Ctrl-C to the run, build the project, and
    collect garbage as the run's process does."""
    global _WORKER
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    app = load_app(
        spec.config_path, extra_plugins=spec.extra_plugins, entry_points=spec.entry_points
    )
    isolation = Isolation(app.hooks, RunReport(), app.plugin_files())
    _WORKER = WorkerState(app, isolation, run_fingerprint(app.config, app.pm))
    collect_less_from_now()


def portable(error: BaseException) -> BaseException:
    """``error`` if it survives pickling, else a RuntimeError with its type and message."""
    try:
        pickle.loads(pickle.dumps(error))
    except Exception:
        return RuntimeError(f"{type(error).__name__}: {error}")
    return error


Task = Item | DocumentTask | CleanTask


def tag_and_judge(tasks: list[Task]) -> ChunkResult:
    """In a worker: tag and judge each item of a chunk; parse and curate each document."""
    state = _WORKER
    if state is None:
        raise ProjectMismatch("the worker has no project")
    results: list[Judged | Parsed] = []
    seconds = {"parse": 0.0, "clean": 0.0, "tag": 0.0, "judge": 0.0}
    for task in tasks:
        if isinstance(task, DocumentTask):
            results.append(curate_document(state, task, seconds))
            continue
        if isinstance(task, CleanTask):
            results.append(clean_parsed(state, task, seconds))
            continue
        judged, spent = tag_and_judge_items(state.app.hooks, state.isolation, [task])
        prepare_kept(state, judged)
        results.extend(judged)
        for stage, value in spent.items():
            seconds[stage] += value
    return ChunkResult(results, seconds, state.fingerprint)


def curate_document(state: WorkerState, task: DocumentTask, seconds: dict[str, float]) -> Parsed:
    """In a worker: parse a document as the run's process would, then clean, tag and
    judge each item (and prepare the kept ones for clustering)."""
    config, hooks, document = state.app.config, state.app.hooks, task.document
    source = _source(config, task.source)
    shippers = config.stash.get(SHIPPERS, {})
    start = time.perf_counter()
    try:
        for name, payload in task.payloads.items():
            shippers[name].receive(source, document, config, payload)
        items = hooks.parse(document, source)
        if items is None:
            raise DocumentError(f"no parser for media type {document.media_type!r}")
    except SkipDocument as skip:
        return Parsed(skipped=str(skip))
    except Exception as error:
        return Parsed(failure=Failure("parse", portable(error), state.isolation.blame(error)))
    finally:
        seconds["parse"] += time.perf_counter() - start
    for item in items:
        if task.outlet and not item.outlet:
            item.outlet = task.outlet
        if not item.content_hash:
            item.content_hash = stable_id(item.title, item.text, length=40)
    if task.later:
        return Parsed(items=items)
    return curate_items(state, items, seconds)


def _source(config: Config, name: str) -> SourceConfig:
    source = config.source_named(name)
    if source is None:  # the run sent it: a worker that lacks it loaded another project
        raise ProjectMismatch(f"the worker's project has no source {name!r}")
    return source


def clean_parsed(state: WorkerState, task: CleanTask, seconds: dict[str, float]) -> Parsed:
    """In a worker: clean, tag and judge the items of a document a worker parsed, with
    the shippers' payloads of the moment the run's process took them up."""
    config = state.app.config
    source = _source(config, task.source)
    shippers = config.stash.get(SHIPPERS, {})
    try:
        for name, payload in task.payloads.items():
            if name in task.later:
                shippers[name].receive_parsed(source, task.items, config, payload)
            else:
                shippers[name].receive(source, task.document, config, payload)
    except Exception as error:
        failure = Failure("clean", portable(error), state.isolation.blame(error))
        return Parsed(judged=[Judged(item, failure=failure) for item in task.items])
    return curate_items(state, task.items, seconds)


def curate_items(state: WorkerState, items: list[Item], seconds: dict[str, float]) -> Parsed:
    """Clean, tag and judge each item (and prepare the kept ones for clustering)."""
    hooks = state.app.hooks
    parsed = Parsed()
    for item in items:
        start = time.perf_counter()
        try:
            hooks.clean_item(item)
        except Exception as error:
            failure = Failure("clean", portable(error), state.isolation.blame(error))
            parsed.judged.append(Judged(item, failure=failure))
            continue
        finally:
            seconds["clean"] += time.perf_counter() - start
        judged, spent = tag_and_judge_items(hooks, state.isolation, [item])
        for stage, value in spent.items():
            seconds[stage] += value
        prepare_kept(state, judged)
        parsed.judged.extend(judged)
    return parsed


def prepare_kept(state: WorkerState, judged: list[Judged]) -> None:
    """Prepare the items judged kept for clustering (see :data:`PREPARERS`): items cleaned
    here and items the run's process cleaned alike, so that it clusters them without
    doing the same work again."""
    preparers = state.app.config.stash.get(PREPARERS, {}).values()
    for result in judged:
        if result.failure is None and result.reason is None:
            for prepare in preparers:
                with contextlib.suppress(Exception):  # the run's process does it again
                    prepare(result.item)


def tag_and_judge_items(
    hooks: Hooks, isolation: Isolation, items: list[Item]
) -> tuple[list[Judged], dict[str, float]]:
    """Tag and judge each item, a failure costing only its item; the failure is
    returned with the plugin to blame, for the run to record in input order."""
    seconds = {"tag": 0.0, "judge": 0.0}
    judged = []
    for item in items:
        stage = "tag"
        try:
            start = time.perf_counter()
            hooks.tag_item(item)
            middle = time.perf_counter()
            stage = "judge"
            reason = hooks.judge_item(item)
            seconds["tag"] += middle - start
            seconds["judge"] += time.perf_counter() - middle
        except Exception as error:
            if isinstance(error, SkipDocument):
                error = RuntimeError(f"SkipDocument raised while curating an item: {error}")
            failure = Failure(stage, portable(error), isolation.blame(error))
            judged.append(Judged(item, failure=failure))
            continue
        judged.append(Judged(item, reason))
    return judged, seconds


class OrderedIsolation(Isolation):
    """An :class:`Isolation` for a run with workers. A problem found while earlier
    documents are still out with the workers waits for them (``hold`` queues it), so the
    report lists problems in input order, as one process does. An exception that came
    back from a worker has lost the traceback that tells which plugin raised: the
    blame the worker laid travels with it."""

    BLAME = "_aggregator_blamed_plugin"

    def __init__(self, hooks: Hooks, report: RunReport, plugin_files: dict[str, str]) -> None:
        super().__init__(hooks, report, plugin_files)
        self.hold: Callable[[Callable[[], object]], bool] = lambda record: False

    def record(
        self,
        stage: str,
        error: BaseException,
        *,
        source: SourceConfig | None = None,
        item: Item | None = None,
        where: str | None = None,
    ) -> Problem:
        def now() -> Problem:
            return super(OrderedIsolation, self).record(
                stage, error, source=source, item=item, where=where
            )

        if self.hold(now):  # the caller gets the problem's gist; the report gets it in order
            return Problem(stage, str(error), source=source.name if source else None, where=where)
        return now()

    def blame(self, error: BaseException) -> str | None:
        if hasattr(error, self.BLAME):
            blamed: str | None = getattr(error, self.BLAME)
            return blamed
        return super().blame(error)

    @classmethod
    def mark(cls, failure: Failure) -> BaseException:
        """The failure's exception, carrying the worker's blame."""
        with contextlib.suppress(AttributeError):
            setattr(failure.error, cls.BLAME, failure.plugin)
        return failure.error


class WorkerPool:
    """Worker processes that tag and judge chunks of items, results in submission order."""

    def __init__(self, spec: WorkerSpec, workers: int) -> None:
        self.spec = spec
        self.workers = workers
        self.executor = ProcessPoolExecutor(
            max_workers=workers,
            mp_context=multiprocessing.get_context("spawn"),
            initializer=start_worker,
            initargs=(spec,),
        )
        self.in_flight: deque[tuple[list[Task], Future[ChunkResult]]] = deque()

    @property
    def full(self) -> bool:
        return len(self.in_flight) >= self.workers * CHUNKS_IN_FLIGHT_PER_WORKER

    def submit(self, items: list[Task]) -> None:
        """Send a chunk; to a pool a worker of which just died, a chunk that fails so."""
        try:
            future = self.executor.submit(tag_and_judge, items)
        except BrokenProcessPool as error:
            future = Future()
            future.set_exception(error)
        self.in_flight.append((items, future))

    def next_result(self) -> tuple[list[Task], ChunkResult | BaseException]:
        """The oldest chunk and its result, or the reason the pool could not give it
        (then the pool is broken and every chunk still in flight fails the same way)."""
        items, future = self.in_flight.popleft()
        try:
            result = future.result()
        except BrokenProcessPool as error:
            return items, error
        if result.fingerprint != self.spec.fingerprint:
            return items, ProjectMismatch(
                "a worker process loaded different plugins or settings than this run"
                " (feeds.toml or a plugin changed since the run started)"
            )
        return items, result

    def close(self, *, cancel: bool = False) -> None:
        """Stop the workers; ``cancel`` drops the chunks not yet started (Ctrl-C, an error)."""
        self.executor.shutdown(wait=True, cancel_futures=cancel)
        self.in_flight.clear()
