"""The fingerprint of what curation depends on: the plugin settings and the plugins.

:func:`run_once <aggregator.pipeline.run_once>` keeps it in the store; when it
differs from the last run's, every input is processed again, so that the feed
never mixes items curated by one set of plugins with items curated by another.
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import inspect
import json
from functools import cache
from types import ModuleType

import pluggy

from . import __version__
from .config import Config
from .manager import LOCAL_MODULE_PREFIX


def run_fingerprint(config: Config, pm: pluggy.PluginManager) -> str:
    """A hash of the plugin settings and of every loaded plugin's name and identity."""
    payload = json.dumps(
        {"settings": config.fingerprint(), "plugins": plugin_identities(pm)}, sort_keys=True
    )
    return hashlib.sha1(payload.encode("utf-8")).hexdigest()


def plugin_identities(pm: pluggy.PluginManager) -> dict[str, str]:
    """``name -> identity`` of every loaded plugin (a disabled one is not loaded)."""
    return {
        name: plugin_identity(plugin)
        for name, plugin in pm.list_name_plugin()
        if plugin is not None
    }


def plugin_identity(plugin: object) -> str:
    """The version of the distribution a plugin comes from; for a local plugin file,
    or a module no distribution owns, the SHA-1 of its source, so that editing it
    counts as an upgrade."""
    module = plugin if isinstance(plugin, ModuleType) else inspect.getmodule(plugin)
    if module is None:
        return ""
    top = module.__name__.split(".", 1)[0]
    if top == "aggregator":
        return __version__
    if top != LOCAL_MODULE_PREFIX:
        version = distribution_version(top)
        if version:
            return version
    path = getattr(module, "__file__", None)
    if not path:
        return ""
    try:
        with open(path, "rb") as file:
            return "sha1:" + hashlib.sha1(file.read(), usedforsecurity=False).hexdigest()
    except OSError:
        return ""


@cache
def distribution_version(top_level: str) -> str | None:
    """The version of the installed distribution that provides the top-level module.

    Asks for a distribution of the module's own name first: mapping every
    installed distribution's modules takes about 20 ms, a cost every run would pay.
    """
    try:
        return importlib.metadata.version(top_level)
    except importlib.metadata.PackageNotFoundError:
        pass
    for name in importlib.metadata.packages_distributions().get(top_level, []):
        try:
            return importlib.metadata.version(name)
        except importlib.metadata.PackageNotFoundError:
            continue
    return None
