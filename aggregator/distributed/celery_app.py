"""The Celery app of a project, its two tasks, and ``aggregator worker``.

At-least-once delivery: a task is acknowledged after it ran (``acks_late``),
a worker takes one message at a time (prefetch 1), and a worker that dies
leaves its message unacknowledged; kombu's Redis transport puts it back after
``visibility_timeout`` (three quarters of ``[workers] lease_seconds``), so it
runs again within about a lease. Tasks are therefore idempotent (claims and
upserts). Messages carry ids only; there is no result backend: the
coordinator reads progress from the store.
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import os
import threading
from pathlib import Path
from typing import Any

from celery import Celery

from ..app import App, load_app
from ..config import Config
from ..store import Store
from .claims import Take, finish
from .coordinator import PROCESS_SOURCE, cluster_and_publish
from .hosts import HostSlots, host_slots
from .work import process_source

CLUSTER_AND_PUBLISH = "aggregator.cluster_and_publish"
FAILED_ATTEMPTS = 3
"""Attempts at a source that raises; then it is finished with a problem, so the run ends."""

log = logging.getLogger("aggregator.distributed")


def transport_options(lease_seconds: int) -> dict[str, int]:
    """The Redis transport's redelivery of a dead worker's messages, from the lease.

    A message is restored ``visibility_timeout`` after its delivery (¾ of the
    lease: 45 s of the default 60 s; kombu's default is an hour), looked for
    every ``unacked_restore_interval`` seconds by a full scan each time
    (kombu's default scans one time in ten). A task that runs longer than the
    visibility timeout is delivered again meanwhile: the second copy finds the
    source under a live lease and retries until the first has finished it.
    """
    visibility = max(3, lease_seconds * 3 // 4)
    return {
        "visibility_timeout": visibility,
        "unacked_restore_interval": max(1, min(5, visibility // 3)),
        "unacked_restore_throttle": 1,
        "unacked_mutex_expire": min(30, visibility),
    }


def retry_seconds(config: Config) -> float:
    """The countdown of a retried task: a quarter of the lease, at most 5 s, so a
    retried message is run well before the broker would deliver it again."""
    return min(5.0, config.lease_seconds / 4)


_projects = threading.local()


def queue_name(config: Config) -> str:
    """One queue per store, so projects sharing a Redis never take each other's tasks."""
    digest = hashlib.sha1((config.store_url or "").encode()).hexdigest()[:12]
    return f"aggregator.{digest}"


def make_celery(config: Config) -> Celery:
    if not config.broker:
        raise ValueError(f"{config.path}: no [workers] broker")
    celery = Celery("aggregator", broker=config.broker, set_as_current=False)
    celery.conf.update(
        task_acks_late=True,
        task_reject_on_worker_lost=True,
        worker_prefetch_multiplier=1,
        task_ignore_result=True,
        result_backend=None,
        task_default_queue=queue_name(config),
        broker_transport_options=transport_options(config.lease_seconds),
        broker_connection_retry_on_startup=True,
        task_serializer="json",
        accept_content=["json"],
        worker_hijack_root_logger=False,
    )
    register_tasks(celery)
    return celery


def project(config_path: str) -> App:
    """The project, loaded once per worker thread: plugins keep a run's state in the
    config's stash, so two tasks running at once must not share one."""
    apps: dict[str, App] = _projects.__dict__.setdefault("apps", {})
    app = apps.get(config_path)
    if app is None:
        app = apps[config_path] = load_app(Path(config_path))
    return app


def thread_store(config: Config) -> Store:
    """The worker thread's store, opened by its first task and kept for the next: a
    new engine and connection a task was 12-15 % of a task that fetched nothing new,
    and a kept store checks each plugin's tables once (:meth:`Store.plugin_tables`).
    One a thread, since a connection is not shared between threads."""
    stores: dict[Path, Store] = _projects.__dict__.setdefault("stores", {})
    store = stores.get(config.path)
    if store is None:
        store = stores[config.path] = Store.open(config.store_path, url=config.store_url)
    return store


def forget_store(config: Config) -> None:
    """Close the thread's store after a task failed (its connection may be what
    failed); the next task opens a new one."""
    store = _projects.__dict__.get("stores", {}).pop(config.path, None)
    if store is not None:
        with contextlib.suppress(Exception):
            store.close()


_slots: dict[Path, HostSlots] = {}
_slots_lock = threading.Lock()


def shared_host_slots(config: Config) -> HostSlots:
    """The worker process's per-host limiter for the project: ``[http] per_host`` at
    once per host among every worker of the project (see :mod:`.hosts`)."""
    with _slots_lock:
        slots = _slots.get(config.path)
        if slots is None:
            assert config.broker is not None
            hold = float(config.http["total_timeout"]) + 10.0
            limit = int(config.http["per_host"])
            slots = _slots[config.path] = host_slots(config.broker, queue_name(config), limit, hold)
        return slots


def register_tasks(celery: Celery) -> None:
    @celery.task(name=PROCESS_SOURCE, bind=True, max_retries=None)  # type: ignore[untyped-decorator]
    def process_source_task(task: Any, config_path: str, source_name: str, run_id: str) -> None:
        app = project(config_path)
        holder = f"{task.request.hostname}:{os.getpid()}:{threading.get_ident()}"
        try:
            store, slots = thread_store(app.config), shared_host_slots(app.config)
            outcome = process_source(app, store, run_id, source_name, holder, slots)
        except Exception as exc:
            forget_store(app.config)
            if task.request.retries < FAILED_ATTEMPTS:
                raise task.retry(exc=exc, countdown=retry_seconds(app.config)) from exc
            log.exception("source %r: giving up after %d attempts", source_name, FAILED_ATTEMPTS)
            finish(thread_store(app.config), run_id, source_name, problems=1)
            return
        except BaseException:
            forget_store(app.config)
            raise
        if outcome is Take.BUSY:
            raise task.retry(countdown=app.config.lease_seconds / 4)

    @celery.task(name=CLUSTER_AND_PUBLISH)  # type: ignore[untyped-decorator]
    def cluster_and_publish_task(config_path: str) -> None:
        from datetime import UTC, datetime

        from ..run import RunReport

        app = project(config_path)
        store = Store.open(app.config.store_path, url=app.config.store_url)
        try:
            now = datetime.now(UTC).replace(microsecond=0)
            cluster_and_publish(app, store, now, RunReport())
        finally:
            store.close()


def run_worker(config: Config, *, concurrency: int, loglevel: str = "INFO") -> None:
    """Start a Celery worker for the project: a threads pool (the work waits on the
    network and the database), taking the project's queue."""
    celery = make_celery(config)
    celery.worker_main(
        [
            "worker",
            "--pool=threads",
            f"--concurrency={concurrency}",
            f"--loglevel={loglevel}",
            f"--queues={queue_name(config)}",
            f"--hostname=aggregator-{os.getpid()}@%h",
            "--without-gossip",
            "--without-mingle",
        ]
    )
