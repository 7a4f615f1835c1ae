"""``aggregator run`` with a broker: claim the due sources, send one task each, wait for
the claims to be done (the store says so: there is no result backend), then
cluster and publish here.
"""

from __future__ import annotations

import logging
import time
import uuid
from collections.abc import Callable
from datetime import UTC, datetime, timedelta

from ..app import App
from ..fingerprint import run_fingerprint
from ..pipeline import Pipeline
from ..run import Problem, Run, RunReport
from ..store import Store
from . import claims
from .clustering import cluster_queue

log = logging.getLogger("aggregator.distributed")

PROCESS_SOURCE = "aggregator.process_source"
POLL_SECONDS = 0.2
WAIT_SECONDS = 6 * 3600.0
"""How long a run waits for the workers before it gives up (and publishes nothing)."""

Send = Callable[[str, str], None]
"""Sends one source's task: ``send(source_name, run_id)``."""


def run_distributed(
    app: App,
    *,
    reprocess: bool = False,
    report: RunReport | None = None,
    fresh_for: timedelta = timedelta(0),
    wait_seconds: float | None = None,
    send: Send | None = None,
) -> RunReport:
    """One run through the workers. Sources finished within ``fresh_for`` (by this or
    another coordinator) are not sent again."""
    config = app.config
    report = report if report is not None else RunReport()
    wait_seconds = WAIT_SECONDS if wait_seconds is None else wait_seconds
    if send is None:
        send = broker_sender(app)
    store = Store.open(config.store_path, url=config.store_url)
    try:
        claims.declare_tables(store)
        fingerprint = run_fingerprint(config, app.pm)
        if not reprocess and store.get_meta("config_fingerprint") not in (None, fingerprint):
            log.info("plugins or their settings changed: processing every input again")
            reprocess = True
        now = datetime.now(UTC).replace(microsecond=0)
        run_id = uuid.uuid4().hex
        with store.transaction():
            store.table(claims.RUNS).upsert(
                [claims.RunRow(run_id, now.isoformat(), int(reprocess))]
            )
        prepare_plugin_tables(app, store, now)
        names = [source.name for source in config.sources if source.enabled]
        claimed = claims.claim_due(store, run_id, names, fresh_for=fresh_for)
        for name in claimed:
            send(name, run_id)
        log.info("run %s: %d of %d sources sent to the workers", run_id, len(claimed), len(names))
        report.sources = len(claimed)
        done = wait_for_workers(store, run_id, wait_seconds)
        report.items_stored = done.items
        if done.problems:
            report.errors.append(
                Problem("worker", f"{done.problems} problems: see the workers' logs")
            )
        if done.outstanding:
            report.errors.append(
                Problem("worker", f"{done.outstanding} sources not done after {wait_seconds:.0f} s")
            )
            return report
        cluster_and_publish(app, store, now, report)
        with store.transaction():
            store.set_meta("config_fingerprint", fingerprint)
    finally:
        report.finished = time.monotonic()
        store.close()
    return report


def prepare_plugin_tables(app: App, store: Store, now: datetime) -> None:
    """Start and finish an empty run here, so that plugins create their tables before
    the workers start theirs at once (concurrent CREATE TABLEs collide on PostgreSQL)."""
    run = Run(app.config, store, now, RunReport())
    app.hooks.run_start(run)
    app.hooks.run_finish(run, run.report)


def wait_for_workers(store: Store, run_id: str, wait_seconds: float) -> claims.Progress:
    deadline = time.monotonic() + wait_seconds
    said = 0.0
    while True:
        done = claims.progress(store, run_id)
        if not done.outstanding or time.monotonic() >= deadline:
            return done
        if time.monotonic() - said >= 30:
            said = time.monotonic()
            log.info("waiting for %d sources (is `aggregator worker` running?)", done.outstanding)
        time.sleep(POLL_SECONDS)


def cluster_and_publish(app: App, store: Store, now: datetime, report: RunReport) -> bool:
    """Cluster the queue, then publish; False (and nothing published) when another
    clusterer holds the lock: it clusters this run's items too, and publishes."""
    run = Run(app.config, store, now, report)
    pipeline = Pipeline(app, run)
    app.hooks.run_start(run)
    try:
        with pipeline.timed("cluster"):
            clustered = cluster_queue(app, run)
        if clustered:
            pipeline.publish()
        else:
            log.info("another clusterer holds the lock: it will cluster and publish")
        return clustered
    finally:
        with pipeline.isolation.guard("run_finish"):
            app.hooks.run_finish(run, report)


def broker_sender(app: App) -> Send:
    """Sends tasks through ``[workers] broker``: ids only (the project, source, run)."""
    from .celery_app import make_celery

    celery = make_celery(app.config)
    config_path = str(app.config.path.resolve())

    def send(source_name: str, run_id: str) -> None:
        celery.send_task(PROCESS_SOURCE, args=[config_path, source_name, run_id])

    return send
