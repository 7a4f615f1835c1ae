"""``aggregator run`` without --once: the pipeline on the [schedule] from feeds.toml.

APScheduler runs one job with ``max_instances=1`` and ``coalesce=True``:
runs never overlap, and runs missed while the machine slept collapse into
one. Each run reloads feeds.toml, so edits apply from the next run. SIGINT
and SIGTERM stop the scheduler after the current run has finished writing;
a run is never cut off half-way (and outputs are replaced atomically anyway).
"""

from __future__ import annotations

import logging
import signal
import threading
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from types import FrameType
from typing import Any, TypeVar

from apscheduler.schedulers.background import BackgroundScheduler
from apscheduler.schedulers.base import BaseScheduler
from apscheduler.triggers.base import BaseTrigger
from apscheduler.triggers.cron import CronTrigger
from apscheduler.triggers.interval import IntervalTrigger

from .config import Config
from .run import RunReport

log = logging.getLogger("aggregator.schedule")

AppT = TypeVar("AppT")


def make_trigger(config: Config) -> BaseTrigger:
    schedule = config.schedule
    jitter = schedule["jitter_seconds"] or None
    if schedule["cron"]:
        return CronTrigger.from_crontab(schedule["cron"], timezone=UTC)
    return IntervalTrigger(minutes=schedule["interval_minutes"], jitter=jitter, timezone=UTC)


def describe(config: Config) -> str:
    schedule = config.schedule
    if schedule["cron"]:
        return f"cron {schedule['cron']!r} (UTC)"
    return f"every {schedule['interval_minutes']:g} minutes"


FRESH_SHARE = 0.9
"""Share of the interval within which a source another scheduler finished is not
fetched again: a little under one interval, so jitter cannot skip a due source."""


def freshness(config: Config) -> timedelta:
    """How recently a source may have been fetched and still not be due, for the
    distributed runner's claims: most of one interval on an interval schedule, nothing
    on a cron schedule (whose gaps vary)."""
    schedule = config.schedule
    if schedule["cron"]:
        return timedelta(0)
    return timedelta(minutes=float(schedule["interval_minutes"]) * FRESH_SHARE)


def schedule_runs(
    scheduler: BaseScheduler, config: Config, job: Callable[[], Any], *, run_now: bool = True
) -> None:
    """Add the run job to ``scheduler`` with the settings that keep runs apart."""
    scheduler.add_job(
        job,
        trigger=make_trigger(config),
        id="aggregator-run",
        name="aggregator run",
        coalesce=True,
        max_instances=1,
        misfire_grace_time=config.schedule["misfire_grace_seconds"] or None,
        next_run_time=datetime.now(UTC) if run_now else None,
        replace_existing=True,
    )


def guarded_job(
    load: Callable[[], AppT], run: Callable[[AppT], RunReport]
) -> Callable[[], RunReport | None]:
    """A job that never lets an exception or SystemExit kill the scheduler."""

    def job() -> RunReport | None:
        try:
            report = run(load())
        except SystemExit as exc:
            log.error(
                "run stopped (exit code %s); trying again at the next scheduled time", exc.code
            )
            return None
        except Exception:
            log.exception("run failed; trying again at the next scheduled time")
            return None
        log.info(
            "run finished: %d kept, %d dropped, %d errors in %.1f s",
            report.kept,
            sum(report.dropped.values()),
            len(report.errors),
            report.seconds,
        )
        return report

    return job


def run_on_schedule(load: Callable[[], Any], run: Callable[[Any], RunReport]) -> int:
    """Block, running on the schedule, until SIGINT or SIGTERM; return the exit code."""
    app = load()
    config: Config = app.config
    stop = threading.Event()
    scheduler = BackgroundScheduler(timezone=UTC)
    schedule_runs(scheduler, config, guarded_job(load, run))

    def request_stop(signum: int, frame: FrameType | None) -> None:
        log.warning("stopping after the current run (signal %d)", signum)
        stop.set()

    previous = {sig: signal.signal(sig, request_stop) for sig in (signal.SIGINT, signal.SIGTERM)}
    scheduler.start()
    log.warning("running %s; Ctrl-C or SIGTERM stops", describe(config))
    try:
        while not stop.wait(1.0):
            pass
    finally:
        scheduler.shutdown(wait=True)
        for sig, handler in previous.items():
            signal.signal(sig, handler)
    return 0
