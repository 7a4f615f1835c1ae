"""What a plugin's commands may use of the ``aggregator`` command line.

A plugin adds commands in ``aggregator_register_commands``; to behave like the
built-in ones, a command takes the project options with
:func:`common_options` (``-c/--config``, ``-p/--plugin``, ``--strict``,
``-v``, ``-q``), receives them as one ``project: ProjectOptions`` argument,
opens the project with ``project.open_app()``, and stops with :func:`fail`
and one of the exit codes, which mean the same for every command:

- ``EXIT_OK`` (0) success;
- ``EXIT_FAILED`` (1) the command ran but something failed (a source, an item, a plugin);
- ``EXIT_CONFIG`` (2) the configuration or the command line is wrong;
- ``EXIT_BUSY`` (3) another run holds the lock;
- ``EXIT_STORE`` (4) the state file cannot be used;
- ``EXIT_INTERRUPTED`` (130) interrupted by Ctrl-C (128 + SIGINT, as shells report it).

This module is public and stable; :mod:`aggregator.cli` builds on it.
"""

from __future__ import annotations

import functools
import logging
import os
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, NoReturn, TypeVar

import click

from .app import App, load_app
from .manager import PluginLoadError
from .schema import ConfigError

__all__ = [
    "EXIT_BUSY",
    "EXIT_CONFIG",
    "EXIT_FAILED",
    "EXIT_INTERRUPTED",
    "EXIT_OK",
    "EXIT_STORE",
    "ProjectOptions",
    "common_options",
    "fail",
    "open_app",
]

EXIT_OK, EXIT_FAILED, EXIT_CONFIG, EXIT_BUSY, EXIT_STORE = 0, 1, 2, 3, 4
EXIT_INTERRUPTED = 130

EXIT_CODES_HELP = """\b
Exit codes:
  0  success
  1  the command ran, but a source, an item or a plugin failed
  2  the configuration or the command line is wrong
  3  another run holds the lock
  4  the state file cannot be used
  130  interrupted (Ctrl-C): whole batches stored so far are kept, and
       the next run resumes
"""

F = TypeVar("F", bound=Callable[..., Any])
log = logging.getLogger("aggregator")


def setup_logging(verbose: int, quiet: bool) -> None:
    level = logging.WARNING
    if quiet:
        level = logging.ERROR
    elif verbose == 1:
        level = logging.INFO
    elif verbose >= 2:
        level = logging.DEBUG
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(levelname)-7s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level)
    if verbose < 3:
        logging.getLogger("urllib3").setLevel(max(level, logging.INFO))


@dataclass(frozen=True)
class ProjectOptions:
    """What the common options say: which project, which extra plugins, how much to print."""

    config_path: Path
    plugins: tuple[Path, ...]
    strict: bool
    verbose: int
    quiet: bool

    def open_app(self, *, verbose: int | None = None) -> App:
        return open_app(
            self.config_path,
            self.plugins,
            self.strict,
            self.verbose if verbose is None else verbose,
        )


def common_options(function: F) -> F:
    """The options every command that loads a feed project takes.

    The command receives them as one ``project: ProjectOptions`` argument,
    and logging is set up from ``-v``/``-q`` before it runs.
    """

    @click.option(
        "-c",
        "--config",
        "config_path",
        type=click.Path(path_type=Path, dir_okay=False),
        default=lambda: os.environ.get("AGGREGATOR_CONFIG", "feeds.toml"),
        show_default="feeds.toml, or $AGGREGATOR_CONFIG",
        help="The feed project's configuration file.",
    )
    @click.option(
        "-p",
        "--plugin",
        "plugins",
        multiple=True,
        type=click.Path(path_type=Path),
        help="Load a local plugin file or directory (repeatable).",
    )
    @click.option("--strict", is_flag=True, help="Stop when a plugin fails to load.")
    @click.option(
        "-v", "--verbose", count=True, help="Show each stage (-v) and every hook call (-vv)."
    )
    @click.option("-q", "--quiet", is_flag=True, help="Print only errors.")
    @functools.wraps(function)
    def wrapper(
        *args: Any,
        config_path: Path,
        plugins: tuple[Path, ...],
        strict: bool,
        verbose: int,
        quiet: bool,
        **kwargs: Any,
    ) -> Any:
        setup_logging(verbose, quiet)
        project = ProjectOptions(config_path, plugins, strict, verbose, quiet)
        return function(*args, project=project, **kwargs)

    return wrapper  # type: ignore[return-value]


def fail(message: str, code: int) -> NoReturn:
    """Print ``aggregator: <message>`` to standard error and exit with ``code``."""
    click.echo(f"aggregator: {message}", err=True)
    sys.exit(code)


def open_app(config_path: Path, plugins: tuple[Path, ...], strict: bool, verbose: int = 0) -> App:
    """Load the project or exit with a one-line message and code 2."""
    try:
        app = load_app(config_path, extra_plugins=plugins, strict=strict or None)
    except ConfigError as exc:
        fail(exc.line(), EXIT_CONFIG)
    except PluginLoadError as exc:
        fail(str(exc), EXIT_CONFIG)
    for name, reason in app.load_report.failures:
        click.echo(f"aggregator: plugin {name!r} not loaded: {reason}", err=True)
    for warning in app.load_report.warnings:
        click.echo(f"aggregator: warning: {warning}", err=True)
    if verbose >= 2:
        app.pm.trace.root.setwriter(lambda message: click.echo(message.rstrip(), err=True))
        app.pm.enable_tracing()
    if verbose >= 1:
        for hook_name in sorted(
            name for name in dir(app.pm.hook) if name.startswith("aggregator_")
        ):
            impls = getattr(app.pm.hook, hook_name).get_hookimpls()
            if impls:
                names = ", ".join(impl.plugin_name for impl in reversed(impls))
                log.info("hook %s: %s", hook_name, names)
    return app
