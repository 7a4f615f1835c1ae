"""feeds.toml: read with tomllib, validated against the core schema and the source types.

Validation happens in two steps because source types and plugin tables are
defined by plugins: :func:`load_config` checks the core tables, and
:meth:`Config.bind_source_types` checks each ``[[sources]]`` entry once the
plugin manager knows the registered types.
"""

from __future__ import annotations

import hashlib
import json
import os
import tomllib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .config_checks import (
    absolute_url,
    header_value,
    iri,
    language_tag,
    no_empty_items,
    optional,
    source_name,
)
from .models import FeedInfo
from .schema import ConfigError, Option, Schema, not_empty, positive, suggest, validate_table
from .stash import Stash

if TYPE_CHECKING:
    from .hooks import Hooks

DEFAULT_CONFIG_NAME = "feeds.toml"

FEED_SCHEMA: Schema = {
    "title": Option(str, help="the feed's title", check=not_empty),
    "link": Option(
        str,
        help="the feed's home page, an absolute URL such as http://localhost:8080/",
        check=absolute_url,
    ),
    "description": Option(str, "", help="one sentence about the feed"),
    "id": Option(
        str,
        "",
        help="a permanent IRI such as 'urn:uuid:…' or a URL; defaults to link",
        check=optional(iri),
    ),
    "base_url": Option(
        str,
        "",
        help="the absolute public URL the output directory is served at",
        check=optional(absolute_url),
    ),
    "language": Option(
        str, "en", help="a language tag such as 'en' or 'pt-BR'", check=language_tag
    ),
    "author": Option(str, "", help="the feed's author or publisher"),
    "output_dir": Option(str, "public", help="where the feeds are written", check=not_empty),
    "max_stories": Option(
        int,
        50,
        help="how many stories the feed holds, 1 to 100000",
        check=positive,
        maximum=100_000,
    ),
    "max_age_days": Option(
        int,
        0,
        help="stories older than this leave the feed; 0 keeps all; at most 36500",
        minimum=0,
        maximum=36_500,
    ),
}


def store_url(value: Any) -> None:
    """A ``[store] url``: a SQLAlchemy URL with a driver the store supports."""
    if not str(value).strip():
        return
    from .store_engine import url_problem

    problem = url_problem(str(value))
    if problem:
        raise ValueError(problem)


STORE_SCHEMA: Schema = {
    "path": Option(str, ".aggregator/state.db", help="the SQLite state file", check=not_empty),
    "url": Option(
        str,
        "",
        help="a database URL such as postgresql+psycopg://host/db; empty uses path",
        check=store_url,
    ),
    "lock_timeout": Option(
        float,
        0.0,
        help="seconds a run waits for another run to finish, 0 to 86400",
        minimum=0,
        maximum=86_400,
    ),
}

SCHEDULE_SCHEMA: Schema = {
    "interval_minutes": Option(
        float,
        60.0,
        help="minutes between runs, more than 0, at most 525600 (a year)",
        check=positive,
        maximum=525_600,
    ),
    "cron": Option(str, "", help="a crontab expression such as '*/30 * * * *'; overrides interval"),
    "misfire_grace_seconds": Option(
        int,
        300,
        help="how late a run may start and still run, 0 to 86400",
        minimum=0,
        maximum=86_400,
    ),
    "jitter_seconds": Option(
        int, 0, help="random delay added to each run, 0 to 3600", minimum=0, maximum=3600
    ),
}

HTTP_SCHEMA: Schema = {
    "allow_private": Option(bool, False, help="allow private and loopback addresses"),
    "connect_timeout": Option(
        float,
        10.0,
        help="seconds to connect, more than 0, at most 300",
        check=positive,
        maximum=300,
    ),
    "total_timeout": Option(
        float,
        30.0,
        help="deadline in seconds for a whole request, more than 0, at most 3600",
        check=positive,
        maximum=3600,
    ),
    "max_bytes": Option(
        int,
        10 * 1024 * 1024,
        help="cap on a decoded body, 1 to 1073741824 (1 GiB)",
        minimum=1,
        maximum=2**30,
    ),
    "max_redirects": Option(int, 5, help="0 to 30", minimum=0, maximum=30),
    "user_agent": Option(
        str,
        "",
        help="defaults to aggregator/<version>; one line of printable text",
        check=header_value,
    ),
    "max_workers": Option(int, 8, help="concurrent fetches, 1 to 256", check=positive, maximum=256),
    "per_host": Option(
        int, 2, help="concurrent fetches per host, 1 to 64", check=positive, maximum=64
    ),
}


def cores() -> int:
    """The cores this process may run on (its CPU affinity), at least 1."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return max(1, os.cpu_count() or 1)


MAX_PROCESSES = 64


def broker_url(value: Any) -> None:
    """A ``[workers] broker``: empty, or a ``redis://`` (``rediss://``) URL with a host."""
    text = str(value).strip()
    if not text:
        return
    from urllib.parse import urlsplit

    parts = urlsplit(text)
    if parts.scheme not in ("redis", "rediss") or not parts.hostname:
        raise ValueError("expected a Redis URL such as redis://127.0.0.1:6379/0")


WORKERS_SCHEMA: Schema = {
    "processes": Option(
        int,
        0,
        help="processes that curate items: 0 = one per core, 1 = the run's own process"
        " alone, 2 or more = that many worker processes beside it, at most 64",
        minimum=0,
        maximum=MAX_PROCESSES,
    ),
    "broker": Option(
        str,
        "",
        help="a Redis URL such as redis://127.0.0.1:6379/0: run sources as Celery tasks"
        " (needs [store] url on PostgreSQL); empty runs everything in this process",
        check=broker_url,
    ),
    "lease_seconds": Option(
        int,
        60,
        help="with a broker: a worker holds its source this long without renewing it, and a"
        " killed worker's task is delivered again after three quarters of it; 4 to 3600",
        minimum=4,
        maximum=3600,
    ),
}

PLUGINS_SCHEMA: Schema = {
    "paths": Option(
        list, [], item_type=str, help="local plugin files or directories", check=no_empty_items
    ),
    "disable": Option(
        list, [], item_type=str, help="plugin names not to load", check=no_empty_items
    ),
    "strict": Option(bool, False, help="stop when a plugin fails to load"),
}

SOURCE_COMMON_SCHEMA: Schema = {
    "name": Option(
        str, help="a unique name; item ids derive from it, so keep it stable", check=source_name
    ),
    "type": Option(str, help="the source type, e.g. 'files' or 'feed'"),
    "enabled": Option(bool, True),
    "outlet": Option(str, "", help="the outlet name given to this source's items"),
}

TOP_LEVEL = ("feed", "store", "schedule", "http", "workers", "plugins", "sources")


@dataclass(frozen=True)
class SourceType:
    """A kind of source a plugin can fetch, registered through
    ``aggregator_register_source_types``. ``options`` lists the keys a
    ``[[sources]]`` entry of this type may carry besides the common ones."""

    name: str
    description: str
    options: Schema = field(default_factory=dict)
    network: bool = False
    check: Callable[[SourceConfig], None] | None = None


@dataclass(frozen=True)
class SourceConfig:
    """One ``[[sources]]`` entry, validated. ``options`` holds the type's keys with defaults."""

    name: str
    type: str
    options: Mapping[str, Any]
    base_dir: Path
    enabled: bool = True
    outlet: str = ""
    network: bool = False
    index: int = 0
    config_path: Path | None = None

    def error(self, key: str, problem: str, fix: str = "") -> ConfigError:
        """A configuration error about one of this source's keys."""
        return ConfigError(self.config_path, f"sources[{self.index}].{key}", problem, fix)

    def get(self, key: str, default: Any = None) -> Any:
        return self.options.get(key, default)

    def resolve(self, path: str) -> Path:
        """A path from the config, relative to the config file's directory."""
        candidate = Path(path).expanduser()
        return candidate if candidate.is_absolute() else self.base_dir / candidate


@dataclass
class Config:
    """The validated contents of feeds.toml."""

    path: Path
    base_dir: Path
    feed: FeedInfo
    feed_options: dict[str, Any]
    store: dict[str, Any]
    schedule: dict[str, Any]
    http: dict[str, Any]
    workers: dict[str, Any]
    plugins: dict[str, Any]
    plugin_tables: dict[str, dict[str, Any]]
    raw_sources: list[dict[str, Any]]
    sources: list[SourceConfig] = field(default_factory=list)
    hooks: Hooks | None = None
    """The typed hook caller, for plugins that call other hooks (as pytest's ``config.hook``)."""
    stash: Stash = field(default_factory=Stash, compare=False, repr=False)
    """Plugins' settings and state for this project; see :mod:`aggregator.stash`."""
    _positions: dict[str, int] = field(default_factory=dict, compare=False, repr=False)
    """Where each source name stands in ``sources``, for :meth:`source_named`."""

    def source_named(self, name: str) -> SourceConfig | None:
        """The source called ``name``, or None. A worker looks up the source of every
        document it is sent, and a scan of ``sources`` made a run over N sources cost in
        proportion to N²; positions are taken again when ``sources`` changed."""
        sources = self.sources
        position = self._positions.get(name, -1)
        if 0 <= position < len(sources) and sources[position].name == name:
            return sources[position]
        positions: dict[str, int] = {}
        for index, source in enumerate(sources):
            positions.setdefault(source.name, index)
        self._positions = positions
        position = positions.get(name, -1)
        return sources[position] if position >= 0 else None

    @property
    def output_dir(self) -> Path:
        return self.resolve(self.feed_options["output_dir"])

    @property
    def store_path(self) -> Path:
        """The SQLite file: ``[store] path``, or the file a ``sqlite:///`` url names."""
        url = self.store.get("url", "")
        if url.startswith("sqlite"):
            from sqlalchemy import make_url

            return self.resolve(make_url(url).database or self.store["path"])
        return self.resolve(self.store["path"])

    @property
    def store_url(self) -> str | None:
        """The database URL of a server store (PostgreSQL), or None for the SQLite file."""
        url: str = self.store.get("url", "")
        return url if url and not url.startswith("sqlite") else None

    @property
    def max_stories(self) -> int:
        return int(self.feed_options["max_stories"])

    @property
    def max_age_days(self) -> int:
        return int(self.feed_options["max_age_days"])

    @property
    def processes(self) -> int:
        """``[workers] processes`` with 0 read as the number of cores."""
        return int(self.workers["processes"]) or min(cores(), MAX_PROCESSES)

    @property
    def broker(self) -> str | None:
        """``[workers] broker``: the Redis URL sources are sent through as tasks, or None."""
        url: str = self.workers.get("broker", "").strip()
        return url or None

    @property
    def lease_seconds(self) -> int:
        """``[workers] lease_seconds``: how long a distributed worker's claim on a source
        holds without renewal, and so how soon a killed worker's source is taken again."""
        return int(self.workers["lease_seconds"])

    @property
    def plugin_paths(self) -> list[Path]:
        return [self.resolve(path) for path in self.plugins["paths"]]

    def resolve(self, path: str) -> Path:
        candidate = Path(path).expanduser()
        return candidate if candidate.is_absolute() else self.base_dir / candidate

    def error(self, key: str, problem: str, fix: str = "") -> ConfigError:
        return ConfigError(self.path, key, problem, fix)

    def plugin_options(self, name: str, schema: Schema) -> dict[str, Any]:
        """The plugin's ``[plugins.<name>]`` table, validated, with defaults filled in.

        Plugins call this from ``aggregator_configure``; a wrong key or type
        stops the run with a message naming the file and the key.
        """
        return validate_table(
            self.plugin_tables.get(name, {}), schema, file=self.path, where=f"plugins.{name}"
        )

    def fingerprint(self) -> str:
        """A hash of the settings that change how items are curated.

        :func:`aggregator.fingerprint.run_fingerprint` adds the loaded plugins;
        when that changes, unchanged inputs are processed again so that a new
        threshold or taxonomy applies to every stored item.
        """
        payload = json.dumps(
            {"plugins": self.plugin_tables, "disable": sorted(self.plugins["disable"])},
            sort_keys=True,
            default=str,
        )
        return hashlib.sha1(payload.encode("utf-8")).hexdigest()

    def bind_source_types(self, types: Mapping[str, SourceType]) -> None:
        """Validate every ``[[sources]]`` entry against its registered type."""
        seen: dict[str, int] = {}
        sources: list[SourceConfig] = []
        for index, raw in enumerate(self.raw_sources):
            where = f"sources[{index}]"
            type_name = raw.get("type")
            if not isinstance(type_name, str):
                raise self.error(
                    f"{where}.type", "missing source type", "add type = " + _type_list(types)
                )
            source_type = types.get(type_name)
            if source_type is None:
                raise self.error(
                    f"{where}.type",
                    f"unknown source type {type_name!r}",
                    suggest(type_name, list(types)).replace("allowed keys", "known types"),
                )
            schema = {**SOURCE_COMMON_SCHEMA, **source_type.options}
            values = validate_table(raw, schema, file=self.path, where=where)
            name = values["name"]
            folded = name.casefold()
            if folded in seen:
                raise self.error(
                    f"{where}.name",
                    f"duplicate source name {name!r} (also sources[{seen[folded]}];"
                    " names that differ only in case are the same)",
                    "give every source a unique name",
                )
            seen[folded] = index
            options = {key: values[key] for key in source_type.options}
            sources.append(
                SourceConfig(
                    name=name,
                    type=type_name,
                    options=options,
                    base_dir=self.base_dir,
                    enabled=values["enabled"],
                    outlet=values["outlet"],
                    network=source_type.network,
                    index=index,
                    config_path=self.path,
                )
            )
            if source_type.check is not None:
                source_type.check(sources[-1])
        self.sources = sources

    def check_plugin_tables(self, plugin_names: set[str]) -> None:
        """A ``[plugins.<name>]`` table for no loaded plugin is most likely a typo."""
        disabled = set(self.plugins["disable"])
        for name in self.plugin_tables:
            if name not in plugin_names and name not in disabled:
                raise self.error(
                    f"plugins.{name}",
                    "no loaded plugin has this name",
                    suggest(name, sorted(plugin_names)).replace("allowed keys", "loaded plugins"),
                )


def _type_list(types: Mapping[str, SourceType]) -> str:
    return " | ".join(f"'{name}'" for name in sorted(types)) or "<type>"


def _is_plugin_table(key: str, value: Any) -> bool:
    return isinstance(value, dict)


def load_config(path: Path) -> Config:
    """Read and validate the core tables of a feeds.toml file."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8-sig"))
    except FileNotFoundError:
        raise ConfigError(path, "", "file not found", "create it with 'aggregator init'") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(path, "", f"cannot read: {exc}") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(path, "", f"not valid TOML: {exc}") from None
    return config_from_dict(data, path)


def config_from_dict(data: Mapping[str, Any], path: Path) -> Config:
    """Build a :class:`Config` from already-parsed TOML (used by tests and ``load_config``)."""
    for key in data:
        if key not in TOP_LEVEL:
            raise ConfigError(path, key, "unknown top-level key", suggest(key, list(TOP_LEVEL)))
    table: Callable[[str], Mapping[str, Any]] = lambda key: _table(data, key, path)  # noqa: E731
    feed_options = validate_table(table("feed"), FEED_SCHEMA, file=path, where="feed")
    store = validate_table(table("store"), STORE_SCHEMA, file=path, where="store")
    schedule = validate_table(table("schedule"), SCHEDULE_SCHEMA, file=path, where="schedule")
    http = validate_table(table("http"), HTTP_SCHEMA, file=path, where="http")
    workers = validate_table(table("workers"), WORKERS_SCHEMA, file=path, where="workers")
    if workers["broker"].strip():
        _check_distributed(store, path)
    plugins_all = validate_table(
        table("plugins"), PLUGINS_SCHEMA, file=path, where="plugins", extra_ok=_is_plugin_table
    )
    plugin_tables = {key: value for key, value in plugins_all.items() if key not in PLUGINS_SCHEMA}
    plugins = {key: plugins_all[key] for key in PLUGINS_SCHEMA}
    raw_sources = data.get("sources", [])
    if not isinstance(raw_sources, list) or not all(isinstance(s, dict) for s in raw_sources):
        raise ConfigError(path, "sources", "expected [[sources]] tables", "see README: Configure")
    if schedule["cron"]:
        _check_cron(schedule["cron"], path)
    base_dir = path.resolve().parent
    _check_location(base_dir, store["path"], path, "store.path", directory=False)
    _check_location(base_dir, feed_options["output_dir"], path, "feed.output_dir", directory=True)
    feed = FeedInfo(
        title=feed_options["title"],
        link=feed_options["link"],
        description=feed_options["description"] or feed_options["title"],
        id=feed_options["id"] or feed_options["link"],
        language=feed_options["language"],
        author=feed_options["author"],
        base_url=feed_options["base_url"],
    )
    return Config(
        path=path,
        base_dir=base_dir,
        feed=feed,
        feed_options=feed_options,
        store=store,
        schedule=schedule,
        http=http,
        workers=workers,
        plugins=plugins,
        plugin_tables=plugin_tables,
        raw_sources=list(raw_sources),
    )


def _check_distributed(store: Mapping[str, Any], path: Path) -> None:
    """A broker shares the work between machines, so the store must be a shared
    PostgreSQL database, and Celery must be installed."""
    import importlib.util

    if not str(store["url"]).startswith("postgresql"):
        raise ConfigError(
            path,
            "workers.broker",
            "needs a store every worker can reach",
            'set [store] url = "postgresql+psycopg://host/db"',
        )
    if importlib.util.find_spec("celery") is None:
        raise ConfigError(
            path,
            "workers.broker",
            "Celery is not installed",
            "install aggregator-feeds[distributed]",
        )


def _table(data: Mapping[str, Any], key: str, path: Path) -> Mapping[str, Any]:
    value = data.get(key, {})
    if not isinstance(value, dict):
        raise ConfigError(path, key, f"expected a [{key}] table, got {type(value).__name__}")
    return value


def _check_location(base_dir: Path, value: str, path: Path, key: str, *, directory: bool) -> None:
    """Refuse a path that is the wrong kind of thing, or lies under a file.

    Whether it can be created is known only by trying, which a run does (exit 4).
    """
    target = Path(value).expanduser()
    target = target if target.is_absolute() else base_dir / target
    kind = "directory" if directory else "file"
    if target.exists() and target.is_dir() != directory:
        raise ConfigError(path, key, f"{target} exists and is not a {kind}", f"give a {kind} path")
    for parent in target.parents:
        if parent.exists():
            if not parent.is_dir():
                raise ConfigError(path, key, f"{parent} is a file, not a directory", "fix the path")
            return


def _check_cron(expression: str, path: Path) -> None:
    from apscheduler.triggers.cron import CronTrigger

    try:
        CronTrigger.from_crontab(expression)
    except ValueError as exc:
        raise ConfigError(
            path,
            "schedule.cron",
            f"invalid crontab expression {expression!r}: {exc}",
            "five fields: minute hour day month weekday",
        ) from None
