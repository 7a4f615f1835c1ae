"""The ``aggregator`` command line.

Exit codes mean the same for every command: 0 success; 1 the command ran
but something failed (a source, an item, a plugin); 2 the configuration or
the command line is wrong; 3 another run holds the lock; 4 the state file
cannot be used; 130 interrupted by Ctrl-C. The project options, :func:`fail`
and the exit codes live in the public :mod:`aggregator.commandline`, which
plugins' commands use too.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from pathlib import Path
from typing import Any

import click

from . import __version__
from .app import App
from .commandline import (
    EXIT_BUSY,
    EXIT_CODES_HELP,
    EXIT_CONFIG,
    EXIT_FAILED,
    EXIT_INTERRUPTED,
    EXIT_OK,
    EXIT_STORE,
    ProjectOptions,
    common_options,
    fail,
    open_app,
)
from .config import load_config
from .manager import COMMAND_PLUGINS, DEFAULT_PLUGINS, build_plugin_manager, short_name
from .schema import ConfigError
from .store import Store, StoreError, damaged_message, is_damaged, last_opened

__all__ = [  # the built-in commands import the shared parts from here
    "EXIT_BUSY",
    "EXIT_CONFIG",
    "EXIT_FAILED",
    "EXIT_INTERRUPTED",
    "EXIT_OK",
    "EXIT_STORE",
    "ProjectOptions",
    "cli",
    "common_options",
    "fail",
    "main",
    "open_app",
    "open_store",
]


def open_store(app: App) -> Store:
    path = app.config.store_path
    if app.config.store_url is None and not path.exists():
        fail(f"{path}: no state yet; run 'aggregator run --once' first", EXIT_STORE)
    try:
        return Store.open(path, url=app.config.store_url)
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
