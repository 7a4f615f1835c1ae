"""``aggregator serve``: the output directory over HTTP, optionally running on the schedule."""

from __future__ import annotations

import errno
import logging
import signal
import threading
from datetime import UTC
from pathlib import Path
from types import FrameType
from typing import TYPE_CHECKING

import click

from .cli import EXIT_CONFIG, ProjectOptions, cli, common_options, fail

if TYPE_CHECKING:
    from apscheduler.schedulers.background import BackgroundScheduler

    from .app import App
    from .run import RunReport
    from .server import FeedServer

# The scheduler, the server and APScheduler are imported when `serve` runs,
# not whenever the command line starts.

DEFAULT_MAX_AGE = 300
"""The default of --max-age: the same as :data:`aggregator.server.DEFAULT_MAX_AGE`."""

log = logging.getLogger("aggregator.server")


def bind(root: Path, host: str, port: int, max_age: int) -> FeedServer:
    """Open the listening socket, or exit 2 with one line saying why not."""
    from .server import FeedServer

    try:
        return FeedServer(root, host, port, max_age=max_age)
    except OSError as exc:
        where = f"{host}:{port}"
        if exc.errno == errno.EADDRINUSE:
            fail(f"cannot serve at {where}: the port is already in use (try --port)", EXIT_CONFIG)
        elif exc.errno == errno.EACCES:
            fail(f"cannot serve at {where}: permission denied (use a port above 1023)", EXIT_CONFIG)
        else:
            fail(f"cannot serve at {where}: {exc.strerror or exc}", EXIT_CONFIG)
        raise


@cli.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option(
    "--port",
    type=click.IntRange(0, 65535),
    default=8080,
    show_default=True,
    help="Port to listen on (0: any free port).",
)
@click.option(
    "--schedule",
    "on_schedule",
    is_flag=True,
    help="Also run the pipeline on the [schedule] from feeds.toml (the first run starts now).",
)
@click.option(
    "--max-age",
    type=click.IntRange(min=0),
    default=DEFAULT_MAX_AGE,
    show_default=True,
    help="Seconds readers and proxies may cache a file (Cache-Control: max-age).",
)
@common_options
def serve(
    host: str,
    port: int,
    on_schedule: bool,
    max_age: int,
    project: ProjectOptions,
) -> None:
    """Serve the output directory (public/) over HTTP for feed readers.

    Feeds get their exact media types, a strong ETag and Last-Modified, and
    304 Not Modified for conditional requests; text is gzipped when the
    client accepts it. "/" serves index.html, or a page linking the feeds
    when there is none. Only files in the output directory are served: no
    directory listings, no hidden files, nothing outside it. -v logs every
    request.

    With --schedule, also run the pipeline on the [schedule] from feeds.toml
    in the same process, starting at once; Ctrl-C or SIGTERM waits for the
    current run to finish writing, then stops the server (exit code 0).

    \b
    Examples:
      aggregator serve                          http://127.0.0.1:8080/feed.atom
      aggregator serve --schedule -v            keep the feeds fresh, log requests
      aggregator serve --host 0.0.0.0 --port 8000
    """
    from .http_files import feed_files

    app = project.open_app()
    root = app.config.output_dir
    stop = threading.Event()

    def request_stop(signum: int, frame: FrameType | None) -> None:
        if on_schedule:
            log.warning("stopping after the current run (signal %d)", signum)
        stop.set()

    previous = {sig: signal.signal(sig, request_stop) for sig in (signal.SIGINT, signal.SIGTERM)}
    scheduler: BackgroundScheduler | None = None
    server: FeedServer | None = None
    try:
        server = bind(root, host, port, max_age)
        if not project.quiet:
            feeds = ", ".join(feed_files(root)) or "none yet"
            click.echo(f"serving {root} at {server.url} (feeds: {feeds})", err=True)
        server.start()
        if on_schedule:
            from apscheduler.schedulers.background import BackgroundScheduler

            from .commands import run_and_report
            from .scheduler import describe, freshness, guarded_job, schedule_runs

            def load() -> App:
                return project.open_app()

            def run(loaded: App) -> RunReport:
                return run_and_report(
                    loaded,
                    reprocess=False,
                    quiet=project.quiet,
                    as_json=False,
                    fresh_for=freshness(loaded.config),
                )

            scheduler = BackgroundScheduler(timezone=UTC)
            schedule_runs(scheduler, app.config, guarded_job(load, run))
            scheduler.start()
            log.warning("running %s; Ctrl-C or SIGTERM stops", describe(app.config))
        while not stop.wait(1.0):
            pass
    finally:
        if scheduler is not None:
            scheduler.shutdown(wait=True)  # the current run finishes writing first
        if server is not None:
            server.stop()
        for sig, handler in previous.items():
            signal.signal(sig, handler)
    log.info("server stopped")
