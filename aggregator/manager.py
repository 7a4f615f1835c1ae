"""Build the plugin manager and find plugins.

Discovery order:

1. built-ins listed in :data:`DEFAULT_PLUGINS`;
2. installed packages' entry points in the group ``aggregator`` (skipped when
   ``entry_points=False`` is passed, or when ``AGGREGATOR_DISABLE_ENTRY_POINTS``
   is set to a non-empty value and no ``entry_points`` argument is given);
3. local plugin files or directories from ``[plugins] paths`` and ``--plugin``.

Names in ``[plugins] disable`` are blocked before anything loads. Each plugin
is checked as it registers (``check_pending``), so a misspelt hook name is an
error naming the plugin, not silence. A plugin that fails to load is reported
and skipped, unless ``strict`` is set.
"""

from __future__ import annotations

import difflib
import importlib
import importlib.metadata
import importlib.util
import inspect
import logging
import os
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType
from typing import Any

import pluggy

from . import hookspecs
from .hookspecs import PROJECT

log = logging.getLogger(__name__)

DEFAULT_PLUGINS: tuple[str, ...] = (
    "aggregator.plugins.files_source",
    "aggregator.plugins.feed_source",
    "aggregator.plugins.page_source",
    "aggregator.plugins.opml_source",
    "aggregator.plugins.feed_parser",
    "aggregator.plugins.text_parser",
    "aggregator.plugins.page_parser",
    "aggregator.plugins.clean_html",
    "aggregator.plugins.clean_boilerplate",
    "aggregator.plugins.tag_topics",
    "aggregator.plugins.tag_entities",
    "aggregator.plugins.judge_relevance",
    "aggregator.plugins.cluster_stories",
    "aggregator.plugins.feed_publisher",
    "aggregator.plugins.jsonfeed_publisher",
    "aggregator.plugins.html_publisher",
    "aggregator.plugins.topic_feeds",
    "aggregator.plugins.opml_publisher",
)

COMMAND_PLUGINS: tuple[str, ...] = ("aggregator.plugins.opml_source",)
"""The built-ins that implement ``aggregator_register_commands``. To list or
find plugin commands the command line loads only these (with every entry
point and local plugin), not every built-in and its libraries."""

ENTRY_POINT_GROUP = PROJECT
DISABLE_ENTRY_POINTS_ENV = "AGGREGATOR_DISABLE_ENTRY_POINTS"
"""Set to a non-empty value, installed plugins are not loaded unless a caller asks
(as pytest's ``PYTEST_DISABLE_PLUGIN_AUTOLOAD``): for a command line or a process
started by a test, which cannot be handed ``entry_points=False``."""
LOCAL_MODULE_PREFIX = "aggregator_local_plugins"


class PluginLoadError(Exception):
    """A plugin could not be loaded, with the reason in words."""


@dataclass
class LoadReport:
    """What discovery found: plugin names by origin, and what failed."""

    origins: dict[str, str] = field(default_factory=dict)
    failures: list[tuple[str, str]] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    """Plugins found twice (an installed package and a local copy of it): loaded once."""


def short_name(module_name: str) -> str:
    return module_name.rsplit(".", 1)[-1]


def new_plugin_manager() -> pluggy.PluginManager:
    pm = pluggy.PluginManager(PROJECT)
    pm.add_hookspecs(hookspecs)
    return pm


def _known_hooks() -> list[str]:
    return [name for name in dir(hookspecs) if name.startswith(f"{PROJECT}_")]


def _register_checked(pm: pluggy.PluginManager, plugin: object, name: str) -> None:
    """Register and verify one plugin; undo the registration if it is invalid."""
    try:
        pm.register(plugin, name=name)
    except pluggy.PluginValidationError as exc:
        raise PluginLoadError(str(exc)) from None
    except ValueError as exc:
        raise PluginLoadError(str(exc)) from None
    known = _known_hooks()
    unknown = [hook_name for hook_name in _hook_names_of(plugin) if hook_name not in known]
    if unknown:
        pm.unregister(plugin)
        hints = []
        for hook_name in unknown:
            close = difflib.get_close_matches(hook_name, known, n=1)
            hint = f" (did you mean {close[0]}?)" if close else ""
            hints.append(f"{hook_name}{hint}")
        raise PluginLoadError("implements unknown hook " + ", ".join(hints))
    try:
        pm.check_pending()
    except pluggy.PluginValidationError as exc:
        pm.unregister(plugin)
        raise PluginLoadError(str(exc)) from None


def _hook_names_of(plugin: object) -> list[str]:
    names = []
    for attr in dir(plugin):
        if attr.startswith("_"):
            continue
        value = getattr(plugin, attr, None)
        if callable(value) and hasattr(value, f"{PROJECT}_impl"):
            names.append(getattr(value, f"{PROJECT}_impl").get("specname") or attr)
    return names


def load_local_module(path: Path) -> ModuleType:
    """Import one plugin file under a private module name."""
    module_name = f"{LOCAL_MODULE_PREFIX}.{path.stem}"
    spec = importlib.util.spec_from_file_location(module_name, path)
    if spec is None or spec.loader is None:
        raise PluginLoadError(f"cannot import {path}")
    module = importlib.util.module_from_spec(spec)
    sys.modules[module_name] = module
    try:
        spec.loader.exec_module(module)
    except Exception as exc:
        sys.modules.pop(module_name, None)
        raise PluginLoadError(f"{type(exc).__name__}: {exc}") from exc
    return module


def local_plugin_files(paths: Iterable[Path]) -> list[Path]:
    """Expand plugin paths: a file is itself, a directory is its ``*.py`` files."""
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            files.extend(sorted(p for p in path.glob("*.py") if not p.name.startswith(("_", "."))))
        else:
            files.append(path)
    return files


def build_plugin_manager(
    *,
    local_paths: Sequence[Path] = (),
    disabled: Iterable[str] = (),
    strict: bool = False,
    builtins: Sequence[str] = DEFAULT_PLUGINS,
    entry_points: bool | None = None,
) -> tuple[pluggy.PluginManager, LoadReport]:
    """Create the plugin manager with every plugin found, in discovery order.

    ``entry_points`` says whether installed packages' plugins load; None follows
    :data:`DISABLE_ENTRY_POINTS_ENV` (they load unless it is set).
    """
    if entry_points is None:
        entry_points = not os.environ.get(DISABLE_ENTRY_POINTS_ENV)
    pm = new_plugin_manager()
    report = LoadReport()
    for name in disabled:
        pm.set_blocked(name)

    modules: dict[str, str] = {}
    """Loaded plugins by their module's name and by their resolved file, to find one twice."""

    def duplicate_of(name: str, path: Path | None) -> str | None:
        if name in report.origins:
            return name
        if path is not None:
            return modules.get(name) or modules.get(str(path.resolve()))
        return None

    def remember(name: str, plugin: object) -> None:
        module = plugin if isinstance(plugin, ModuleType) else inspect.getmodule(plugin)
        if module is None:
            return
        modules[module.__name__.rsplit(".", 1)[-1]] = name
        source = getattr(module, "__file__", None)
        if source:
            modules[str(Path(source).resolve())] = name

    def add(name: str, origin: str, load: Any, path: Path | None = None) -> None:
        if pm.is_blocked(name):
            log.debug("plugin %s is disabled", name)
            return
        first = duplicate_of(name, path)
        if first is not None:
            message = (
                f"plugin {name!r} ({origin}) is already loaded as {first!r}"
                f" ({report.origins[first]}): loaded once, from the first place"
            )
            report.warnings.append(message)
            log.debug("%s", message)
            return
        try:
            plugin = load()
            _register_checked(pm, plugin, name)
        except PluginLoadError as exc:
            if strict:
                raise PluginLoadError(f"plugin {name!r} ({origin}): {exc}") from None
            report.failures.append((name, f"{origin}: {exc}"))
            log.debug("plugin %r (%s) not loaded: %s", name, origin, exc)
            return
        except Exception as exc:
            message = f"{type(exc).__name__}: {exc}"
            if strict:
                raise PluginLoadError(f"plugin {name!r} ({origin}): {message}") from exc
            report.failures.append((name, f"{origin}: {message}"))
            log.debug("plugin %r (%s) not loaded: %s", name, origin, message)
            return
        report.origins[name] = origin
        remember(name, plugin)
        log.debug("loaded plugin %s from %s", name, origin)

    for module_name in builtins:
        add(short_name(module_name), "built-in", lambda m=module_name: importlib.import_module(m))
    if entry_points:
        for entry_point in importlib.metadata.entry_points(group=ENTRY_POINT_GROUP):
            add(entry_point.name, f"entry point {entry_point.value}", entry_point.load)
    for path in local_plugin_files(local_paths):
        if not path.exists():
            message = f"local plugin path {path} does not exist"
            if strict:
                raise PluginLoadError(message)
            report.failures.append((path.stem, message))
            continue
        add(path.stem, f"local file {path}", lambda p=path: load_local_module(p), path)
    return pm, report


def plugin_version(plugin: object) -> str:
    """The version of the distribution a plugin comes from, if it has one."""
    module = inspect.getmodule(plugin) if not isinstance(plugin, ModuleType) else plugin
    if module is None:
        return ""
    top = module.__name__.split(".", 1)[0]
    if top == LOCAL_MODULE_PREFIX:
        return str(getattr(module, "__version__", "local"))
    try:
        packages = importlib.metadata.packages_distributions().get(top, [])
        if packages:
            return importlib.metadata.version(packages[0])
    except importlib.metadata.PackageNotFoundError:
        pass
    return str(getattr(module, "__version__", ""))


def plugin_files(pm: pluggy.PluginManager) -> dict[str, str]:
    """Map each plugin's source file to its name, to tell which plugin raised."""
    files: dict[str, str] = {}
    for plugin in pm.get_plugins():
        name = pm.get_name(plugin)
        if name is None:
            continue
        try:
            files[inspect.getfile(plugin if isinstance(plugin, ModuleType) else type(plugin))] = (
                name
            )
        except TypeError:
            continue
    return files
