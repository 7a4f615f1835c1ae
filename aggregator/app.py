"""Load a feed project: configuration, plugins, source types, in the order they depend on."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import pluggy

from .config import Config, SourceType, load_config
from .hooks import Hooks
from .manager import LoadReport, build_plugin_manager, plugin_files
from .schema import ConfigError

log = logging.getLogger(__name__)


@dataclass
class App:
    """A loaded feed project, ready to run."""

    config: Config
    pm: pluggy.PluginManager
    hooks: Hooks
    source_types: dict[str, SourceType]
    load_report: LoadReport

    def plugin_files(self) -> dict[str, str]:
        return plugin_files(self.pm)


def collect_source_types(hooks: Hooks, pm: pluggy.PluginManager) -> dict[str, SourceType]:
    """Ask every plugin for its source types; a name registered twice is an error."""
    types: dict[str, SourceType] = {}
    owners: dict[str, str] = {}
    current: list[str] = [""]

    def register(source_type: SourceType) -> None:
        if source_type.name in types:
            raise ConfigError(
                None,
                "",
                f"source type {source_type.name!r} is registered twice"
                f" (by {owners[source_type.name]} and {current[0]})",
                "disable one of the two plugins in [plugins] disable",
            )
        types[source_type.name] = source_type
        owners[source_type.name] = current[0]

    for impl in reversed(pm.hook.aggregator_register_source_types.get_hookimpls()):
        current[0] = impl.plugin_name
        impl.function(register=register)
    return types


def load_app(
    config_path: Path,
    *,
    extra_plugins: Sequence[Path] = (),
    strict: bool | None = None,
    entry_points: bool | None = None,
) -> App:
    """Read feeds.toml, load every plugin, validate the sources.

    ``entry_points=False`` leaves out the plugins of installed packages (a test
    that must not depend on what is installed); None loads them unless
    ``AGGREGATOR_DISABLE_ENTRY_POINTS`` is set (see :mod:`aggregator.manager`).

    Raises :class:`ConfigError` (exit code 2) or
    :class:`aggregator.manager.PluginLoadError` in strict mode.
    """
    config = load_config(config_path)
    pm, load_report = build_plugin_manager(
        local_paths=[*config.plugin_paths, *extra_plugins],
        disabled=config.plugins["disable"],
        strict=config.plugins["strict"] if strict is None else strict,
        entry_points=entry_points,
    )
    hooks = Hooks(pm, config)
    config.hooks = hooks
    hooks.configure(config)
    source_types = collect_source_types(hooks, pm)
    config.bind_source_types(source_types)
    names = {name for name, _ in pm.list_name_plugin()}
    config.check_plugin_tables(names)
    return App(config, pm, hooks, source_types, load_report)
