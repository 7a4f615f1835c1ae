"""Per-project state for plugins, typed by key (as pytest's ``config.stash``).

A plugin keeps its settings and per-run state in ``config.stash`` under a
:class:`StashKey` of its own instead of in module globals, so two projects
loaded in one process (tests, a server hosting several feeds) never see each
other's settings, and disabling one plugin never changes another::

    SETTINGS = StashKey[Settings]()

    @hookimpl
    def aggregator_configure(config):
        config.stash[SETTINGS] = Settings.from_options(config.plugin_options(NAME, SCHEMA))

    @hookimpl
    def aggregator_tag_item(item, config):
        settings = config.stash[SETTINGS]
"""

from __future__ import annotations

from typing import Any, Generic, TypeVar, cast

T = TypeVar("T")
D = TypeVar("D")


class StashKey(Generic[T]):
    """A key into a :class:`Stash`; the type parameter is the type of its value."""

    __slots__ = ()


class Stash:
    """A mapping from :class:`StashKey` to values of the key's type."""

    __slots__ = ("_values",)

    def __init__(self) -> None:
        self._values: dict[StashKey[Any], object] = {}

    def __setitem__(self, key: StashKey[T], value: T) -> None:
        self._values[key] = value

    def __getitem__(self, key: StashKey[T]) -> T:
        return cast(T, self._values[key])

    def get(self, key: StashKey[T], default: D) -> T | D:
        try:
            return self[key]
        except KeyError:
            return default

    def setdefault(self, key: StashKey[T], default: T) -> T:
        try:
            return self[key]
        except KeyError:
            self[key] = default
            return default

    def __delitem__(self, key: StashKey[T]) -> None:
        del self._values[key]

    def __contains__(self, key: object) -> bool:
        return key in self._values

    def __len__(self) -> int:
        return len(self._values)
