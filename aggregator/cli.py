"""The ``aggregator`` command line.

Exit codes mean the same for every command: 0 success; 1 the command ran
but something failed (a source, an item, a plugin); 2 the configuration or
the command line is wrong; 3 another run holds the lock; 4 the state file
cannot be used.
"""

from __future__ import annotations

import contextlib
import functools
import logging
import os
import sqlite3
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

import click

from . import __version__
from .app import App, load_app
from .config import load_config
from .manager import (
    COMMAND_PLUGINS,
    DEFAULT_PLUGINS,
    PluginLoadError,
    build_plugin_manager,
    short_name,
)
from .schema import ConfigError
from .store import Store, StoreError, damaged_message, is_damaged, last_opened

EXIT_OK, EXIT_FAILED, EXIT_CONFIG, EXIT_BUSY, EXIT_STORE = 0, 1, 2, 3, 4

EXIT_CODES_HELP = """\b
Exit codes:
  0  success
  1  the command ran, but a source, an item or a plugin failed
  2  the configuration or the command line is wrong
  3  another run holds the lock
  4  the state file cannot be used
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


def fail(message: str, code: int) -> None:
    click.echo(f"aggregator: {message}", err=True)
    sys.exit(code)


def open_app(config_path: Path, plugins: tuple[Path, ...], strict: bool, verbose: int = 0) -> App:
    """Load the project or exit with a one-line message and code 2."""
    try:
        app = load_app(config_path, extra_plugins=plugins, strict=strict or None)
    except ConfigError as exc:
        fail(exc.line(), EXIT_CONFIG)
        raise
    except PluginLoadError as exc:
        fail(str(exc), EXIT_CONFIG)
        raise
    for name, reason in app.load_report.failures:
        click.echo(f"aggregator: plugin {name!r} not loaded: {reason}", err=True)
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


def open_store(app: App) -> Store:
    path = app.config.store_path
    if not path.exists():
        fail(f"{path}: no state yet; run 'aggregator run --once' first", EXIT_STORE)
    try:
        return Store.open(path)
    except StoreError as exc:
        fail(str(exc), EXIT_STORE)
        raise


class AggregatorGroup(click.Group):
    """Lets plugins add commands, loading them only when the command line needs them."""

    def _plugin_commands(self) -> None:
        if getattr(self, "_plugins_loaded", False):
            return
        self._plugins_loaded = True
        local: list[Path] = []
        config_path = Path(os.environ.get("AGGREGATOR_CONFIG", "feeds.toml"))
        with contextlib.suppress(ConfigError):
            local = load_config(config_path).plugin_paths
        # Only the built-ins that add commands are imported; the names of the others
        # stay taken, as when every built-in loads.
        others = [short_name(m) for m in DEFAULT_PLUGINS if m not in COMMAND_PLUGINS]
        pm, _ = build_plugin_manager(local_paths=local, disabled=others, builtins=COMMAND_PLUGINS)
        pm.hook.aggregator_register_commands(cli=self)

    def invoke(self, ctx: click.Context) -> Any:
        """Run the command; a damaged state file found on the way is one line and exit 4."""
        try:
            return super().invoke(ctx)
        except sqlite3.DatabaseError as exc:
            if is_damaged(exc):
                fail(damaged_message(last_opened(), exc), EXIT_STORE)
            raise

    def list_commands(self, ctx: click.Context) -> list[str]:
        self._plugin_commands()
        return super().list_commands(ctx)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        command = super().get_command(ctx, cmd_name)
        if command is None:
            self._plugin_commands()
            command = super().get_command(ctx, cmd_name)
        return command


@click.group(
    cls=AggregatorGroup,
    epilog=EXIT_CODES_HELP,
    context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100},
)
@click.version_option(__version__, prog_name="aggregator")
def cli() -> None:
    """Curate news sources into one clean, deduplicated feed.

    \b
    Start here:
      aggregator check              validate feeds.toml and the plugins
      aggregator run --once         fetch, curate and publish once
      aggregator items              what the state store holds
      aggregator plugins            loaded plugins and their hooks

    Every command reads feeds.toml in the current directory unless given
    -c PATH. See README.md for configuration and docs/ for writing plugins.
    """


def main() -> None:
    cli(prog_name="aggregator")


from . import commands as _commands  # noqa: E402,F401  (registers the built-in commands)
from . import init_command as _init_command  # noqa: E402,F401  (registers `init`)
from . import serve_command as _serve_command  # noqa: E402,F401  (registers `serve`)
