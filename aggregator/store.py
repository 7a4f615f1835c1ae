"""The state store: items, stories and per-source state, in SQLite or PostgreSQL.

One code path on SQLAlchemy Core serves both (see :mod:`aggregator.store_engine`
and :mod:`aggregator.store_schema`). On SQLite, WAL mode lets readers
(``aggregator items``, the server) read while a run writes; writes go through
``BEGIN IMMEDIATE`` so a writer fails fast instead of deadlocking on a lock
upgrade. Every write is an upsert keyed on the primary key, so a batch stored
twice changes nothing. The schema carries a version and moves forward through
:data:`MIGRATIONS`; plugins that keep tables of their own declare them with
:meth:`Store.plugin_tables`.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import Any, TypeVar

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

from .models import Item, Story
from .store_engine import (
    WAL_CHECKPOINT_PAGES,
    DriverStatement,
    begin_statement,
    create_store_engine,
    shown,
    sqlite_url,
    upsert_statement,
)
from .store_errors import (
    StoreError,
    StoreUnavailable,
    damaged_message,
    is_damaged,
    unusable_location,
)
from .store_rows import (
    FACT_PATHS,
    DocumentState,
    MemberFacts,
    StoryRow,
    dumps,
    iso,
    member_facts,
    member_facts_of,
    parse_iso,
    story_row,
)
from .store_schema import (
    CREATE_META,
    DOCUMENTS,
    ITEMS,
    META,
    MIGRATIONS,
    SCHEMA_VERSION,
    SOURCES,
    STORIES,
)
from .store_tables import StoreTable, create_table
from .tables import Table, TableAccess, TableError

R = TypeVar("R", bound=tuple[Any, ...])

__all__ = [
    "MIGRATIONS",
    "SCHEMA_VERSION",
    "WAL_CHECKPOINT_PAGES",
    "DocumentState",
    "Store",
    "StoreError",
    "StoryRow",
    "damaged_message",
    "dumps",
    "is_damaged",
    "iso",
    "parse_iso",
    "unusable_location",
]

IN_CHUNK = 500
"""Values per ``IN (...)`` list: under both backends' limits on bound parameters."""
SAVE_SLICE = 200
"""Items encoded and written per statement by :meth:`Store.save_items`. A run stores
2,000 a transaction; their rows' JSON together took 17 MB at the top of the run's
memory, 200 take under 2 MB, and an ``executemany`` of 200 rows costs what one of 2,000
does per row."""


def _in_chunks(values: Sequence[str]) -> Iterator[list[str]]:
    for start in range(0, len(values), IN_CHUNK):
        yield list(values[start : start + IN_CHUNK])


_last_opened: Path | None = None


def last_opened() -> Path | None:
    """The state file this process opened last: the one a stray SQLite error is about."""
    return _last_opened


class Store:
    """Open with :meth:`open`; use :meth:`transaction` around every write."""

    def __init__(self, engine: Engine, connection: Connection, path: Path) -> None:
        self.engine = engine
        self.connection = connection
        self.path = path
        self.where = shown(engine.url)
        self._in_transaction = False
        self.rollbacks = 0
        """How many transactions rolled back since the store was opened: a plugin that
        keeps a copy of its tables in memory across batches compares it with the count it
        loaded at, as a batch that rolled back leaves such a copy ahead of the store."""
        self._documents: list[tuple[Any, ...]] = []
        """Documents recorded in the open transaction, written together before it commits
        (or before the documents are read): one statement for a batch's documents, where
        one each cost about as much again as SQLite's own work."""
        self._tables: dict[str, StoreTable[Any]] = {}
        self._checked: set[tuple[str, int, tuple[Table[Any], ...]]] = set()
        dialect = connection.dialect
        self._begin = begin_statement(dialect)
        self._save_items = DriverStatement(
            upsert_statement(dialect, ITEMS, ("id",), keep=("first_seen",)),
            dialect,
            ITEMS.c.keys(),
        )
        self._save_stories = DriverStatement(
            upsert_statement(dialect, STORIES, ("id",), keep=("first_seen",)),
            dialect,
            STORIES.c.keys(),
        )
        self._record_document = DriverStatement(
            upsert_statement(dialect, DOCUMENTS, ("uri",)), dialect, DOCUMENTS.c.keys()
        )
        self._set_meta = DriverStatement(
            upsert_statement(dialect, META, ("key",)), dialect, ("key", "value")
        )
        self._document_state = DriverStatement(
            sa.select(*DOCUMENT_STATE).where(DOCUMENTS.c.uri == sa.bindparam("uri")),
            dialect,
            ("uri",),
        )
        self._by_ids: dict[tuple[str, int], DriverStatement] = {}
        self._save_source = DriverStatement(
            upsert_statement(dialect, SOURCES, ("name",)), dialect, ("name", "data")
        )

    @classmethod
    def open(cls, path: Path, *, url: str | None = None) -> Store:
        """The store in the SQLite file ``path``, or in the database at ``url`` (a
        SQLAlchemy URL, e.g. ``postgresql+psycopg://host/db``) when one is given."""
        global _last_opened
        target = sa.make_url(url) if url else sqlite_url(path)
        if target.get_backend_name() == "sqlite":
            path = Path(target.database or path)
            _last_opened = path
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise StoreError(unusable_location(path, exc)) from None
        where = shown(target) if url else str(path)
        engine = create_store_engine(target)
        try:
            connection = engine.connect()
            store = cls(engine, connection, path)
            store._migrate()
        except sqlite3.DatabaseError as exc:
            engine.dispose()
            if is_damaged(exc):
                raise StoreError(damaged_message(path, exc)) from None
            raise StoreError(f"{where}: cannot use the state file: {exc}") from None
        except StoreUnavailable:
            engine.dispose()
            raise
        except sa.exc.DBAPIError as exc:
            engine.dispose()
            reason = str(exc.orig).strip().splitlines()[0]
            raise StoreError(f"{where}: cannot use the store: {reason}") from None
        return store

    def close(self) -> None:
        self.connection.close()
        self.engine.dispose()

    @property
    def db(self) -> Any:
        """The driver's own connection (a :class:`sqlite3.Connection` on SQLite), for
        code written before the store moved to SQLAlchemy; new code calls the methods."""
        return self.connection.connection.driver_connection

    @contextmanager
    def transaction(self) -> Iterator[Connection]:
        """``BEGIN IMMEDIATE`` (SQLite) or ``BEGIN`` … ``COMMIT``; rolled back on any
        exception. Nested calls join the open transaction."""
        if self._in_transaction:
            yield self.connection
            return
        self.connection.exec_driver_sql(self._begin)
        self._in_transaction = True
        try:
            yield self.connection
            self._write_documents()
        except BaseException:
            self._in_transaction = False
            self.rollbacks += 1
            self._documents.clear()
            self.connection.exec_driver_sql("ROLLBACK")
            raise
        self._in_transaction = False
        self.connection.exec_driver_sql("COMMIT")

    def _migrate(self) -> None:
        self.connection.execute(CREATE_META)
        current = int(self.get_meta("schema_version") or 0)
        if current > SCHEMA_VERSION:
            raise StoreError(
                f"{self.where}: schema version {current} is newer than this aggregator"
                f" ({SCHEMA_VERSION}); upgrade aggregator"
            )
        for version in range(current + 1, SCHEMA_VERSION + 1):
            with self.transaction():
                for statement in MIGRATIONS[version]:
                    self.connection.execute(statement)
                self.set_meta("schema_version", str(version))

    def ensure_plugin_schema(
        self, name: str, version: int, migrations: Mapping[int, Sequence[str]]
    ) -> None:
        """Create or upgrade a plugin's own tables with SQL statements (written for the
        backend in use), tracked under ``plugin:<name>``. :meth:`plugin_tables` needs
        no SQL and serves every backend."""
        key = f"plugin:{name}:schema_version"
        current = int(self.get_meta(key) or 0)
        for step in range(current + 1, version + 1):
            with self.transaction():
                for statement in migrations[step]:
                    self.connection.exec_driver_sql(statement)
                self.set_meta(key, str(step))

    def plugin_tables(self, plugin: str, *tables: Table[Any], version: int = 1) -> None:
        """Create a plugin's declared tables, or add the columns they gained (see
        :mod:`aggregator.tables`); then :meth:`table` gives typed access to each.

        ``version`` is the layout of the plugin's tables, recorded under
        ``plugin:<name>:schema_version`` as :meth:`ensure_plugin_schema` does:
        a store written by a newer layout is refused, not misread.

        Checked once per store object: a distributed worker keeps its store across
        tasks, and this check (reflection: ``has_table``, ``get_columns``) for every
        plugin was more than half of a task that fetched nothing new.
        """
        if (plugin, version, tables) in self._checked:
            return
        key = f"plugin:{plugin}:schema_version"
        current = int(self.get_meta(key) or 0)
        if current > version:
            raise StoreError(
                f"{self.where}: plugin {plugin}'s tables are at version {current},"
                f" newer than this plugin ({version}); upgrade the plugin"
            )
        declared = {}
        with self.transaction():
            try:
                for table in tables:
                    declared[table.name] = create_table(self.connection, table)
            except TableError as exc:
                raise StoreError(f"{self.where}: plugin {plugin}: {exc}") from None
            if current != version:
                self.set_meta(key, str(version))
        for table in tables:
            self._tables[table.name] = StoreTable(self.connection, table, declared[table.name])
        self._checked.add((plugin, version, tables))

    def table(self, table: Table[R]) -> TableAccess[R]:
        """Typed access to a table declared with :meth:`plugin_tables` in this store."""
        access = self._tables.get(table.name)
        if access is None or access.table != table:
            raise StoreError(f"table {table.name} is not declared: call plugin_tables first")
        return access

    def _select_by_ids(
        self, name: str, query: sa.Select[Any], column: sa.ColumnElement[str], ids: list[str]
    ) -> Iterator[Any]:
        """``query`` for the rows whose ``column`` is one of ``ids``. The pipeline asks
        per document (a few ids) and per batch: each list length is compiled once."""
        statement = self._by_ids.get((name, len(ids)))
        if statement is None:
            names = [f"id_{number}" for number in range(len(ids))]
            marks: list[sa.BindParameter[str]] = [sa.bindparam(mark) for mark in names]
            dialect = self.connection.dialect
            statement = DriverStatement(query.where(column.in_(marks)), dialect, names)
            self._by_ids[name, len(ids)] = statement
        return iter(statement.run(self.connection, ids))

    def get_meta(self, key: str) -> str | None:
        row = self.connection.execute(sa.select(META.c.value).where(META.c.key == key)).first()
        return None if row is None else str(row[0])

    def set_meta(self, key: str, value: str) -> None:
        self._set_meta.run(self.connection, (key, value))

    # documents -----------------------------------------------------------

    def _write_documents(self) -> None:
        if self._documents:
            rows, self._documents = self._documents, []
            self._record_document.run_many(self.connection, rows)

    def document_state(self, uri: str) -> DocumentState | None:
        self._write_documents()
        row = self._document_state.first(self.connection, (uri,))
        return None if row is None else _document_state(row)

    def document_states(self, source: str) -> dict[str, DocumentState]:
        """Every known document of a source, for a cheap unchanged-check without a query each."""
        self._write_documents()
        query = sa.select(*DOCUMENT_STATE).where(DOCUMENTS.c.source == source)
        return {row[0]: _document_state(row) for row in self.connection.execute(query)}

    def document_signatures(self, source: str) -> dict[str, tuple[int | None, int | None]]:
        """``uri -> (size, mtime_ns)`` of a source's known documents: all a rerun
        needs to skip an unchanged file without reading it."""
        self._write_documents()
        columns = DOCUMENTS.c
        query = sa.select(columns.uri, columns.size, columns.mtime_ns).where(
            columns.source == source
        )
        return {uri: (size, mtime_ns) for uri, size, mtime_ns in self.connection.execute(query)}

    def record_document(
        self,
        uri: str,
        source: str,
        *,
        size: int | None,
        mtime_ns: int | None,
        sha1: str | None,
        item_ids: Sequence[str],
        seen_at: datetime,
    ) -> None:
        """Remember a document's state; in a transaction, written when it commits."""
        row = (uri, source, size, mtime_ns, sha1, dumps(list(item_ids)), iso(seen_at))
        if self._in_transaction:
            self._documents.append(row)
        else:
            self._record_document.run(self.connection, row)

    # items ---------------------------------------------------------------

    def get_item(self, item_id: str) -> Item | None:
        row = self.connection.execute(sa.select(ITEMS.c.data).where(ITEMS.c.id == item_id)).first()
        return None if row is None else Item.from_dict(json.loads(row[0]))

    def get_items(self, item_ids: Sequence[str]) -> dict[str, Item]:
        found: dict[str, Item] = {}
        for chunk in _in_chunks(item_ids):
            rows = self._select_by_ids("items", _ITEM_DATA, ITEMS.c.id, chunk)
            for (data,) in rows:
                item = Item.from_dict(json.loads(data))
                found[item.id] = item
        return found

    def member_facts(self, item_ids: Sequence[str]) -> dict[str, MemberFacts]:
        """The id, text and dates of the items stored with these ids, without the rest.

        On SQLite, SQLite picks them out of each item's JSON (``json_extract`` of their
        paths gives them as one small JSON array): decoding the whole item in Python
        cost more than twice as much, and a batch reads back every stored member of
        the stories it touches.
        """
        found: dict[str, MemberFacts] = {}
        read: Callable[[Any], MemberFacts]
        if self.connection.dialect.name == "sqlite" and SQLITE_JSON:
            name, query, read = "member_facts", _MEMBER_FACTS, member_facts_of
        else:
            name, query, read = "items", _ITEM_DATA, member_facts
        for chunk in _in_chunks(item_ids):
            for (data,) in self._select_by_ids(name, query, ITEMS.c.id, chunk):
                facts = read(json.loads(data))
                found[facts.id] = facts
        return found

    def first_seen(self, item_ids: Sequence[str]) -> dict[str, tuple[datetime, str, str | None]]:
        """``id -> (first_seen, content_hash, story_id)`` for the ids already stored."""
        found: dict[str, tuple[datetime, str, str | None]] = {}
        for chunk in _in_chunks(item_ids):
            rows = self._select_by_ids("first_seen", _FIRST_SEEN, ITEMS.c.id, chunk)
            for item_id, first_seen, content_hash, story_id in rows:
                found[item_id] = (parse_iso(first_seen), content_hash, story_id)
        return found

    def save_items(self, items: Sequence[Item]) -> None:
        """Insert or update items (``first_seen`` is kept as first stored). ``first_seen``
        must already be set. Written :data:`SAVE_SLICE` at a time, so that the rows'
        JSON of a whole batch is never held at once."""
        for item in items:
            if item.first_seen is None:
                raise ValueError(f"item {item.id} has no first_seen")
        for start in range(0, len(items), SAVE_SLICE):
            self._save_slice(items[start : start + SAVE_SLICE])

    def _save_slice(self, items: Sequence[Item]) -> None:
        rows = []
        for item in items:
            assert item.first_seen is not None
            date = item.date or item.first_seen
            rows.append(
                (
                    item.id,
                    item.source,
                    item.uri,
                    "dropped" if item.dropped else "kept",
                    item.story_id,
                    iso(item.first_seen),
                    iso(date),
                    item.content_hash,
                    item.link,
                    dumps(item.to_dict()),
                )
            )
        self._save_items.run_many(self.connection, rows)

    def iter_items(self, *, status: str | None = None) -> Iterator[Item]:
        query = sa.select(ITEMS.c.data)
        if status:
            query = query.where(ITEMS.c.status == status)
        query = query.order_by(ITEMS.c.date.desc(), ITEMS.c.id)
        for (data,) in self.connection.execute(query):
            yield Item.from_dict(json.loads(data))

    def find_items(self, needle: str) -> list[Item]:
        """Items whose id starts with ``needle`` or whose path/URL ends with it."""
        columns = ITEMS.c
        query = (
            sa.select(columns.data)
            .where(
                columns.id.like(needle.replace("%", "") + "%")
                | (columns.uri == needle)
                | columns.uri.like("%/" + needle.lstrip("./"))
                | (columns.link == needle)
            )
            .order_by(columns.date.desc())
            .limit(20)
        )
        return [Item.from_dict(json.loads(data)) for (data,) in self.connection.execute(query)]

    def items_with_hash(self, content_hash: str) -> list[tuple[str, str | None]]:
        return self._kept_ids_where(ITEMS.c.content_hash == content_hash)

    def items_with_link(self, link: str) -> list[tuple[str, str | None]]:
        return self._kept_ids_where(ITEMS.c.link == link)

    def _kept_ids_where(self, condition: sa.ColumnElement[bool]) -> list[tuple[str, str | None]]:
        query = sa.select(ITEMS.c.id, ITEMS.c.story_id).where(condition, ITEMS.c.status == "kept")
        return [(row[0], row[1]) for row in self.connection.execute(query)]

    def count_items(self) -> dict[str, int]:
        query = sa.select(ITEMS.c.status, sa.func.count()).group_by(ITEMS.c.status)
        return {str(status): int(count) for status, count in self.connection.execute(query)}

    # stories -------------------------------------------------------------

    def story_rows(self, story_ids: Sequence[str]) -> dict[str, StoryRow]:
        found: dict[str, StoryRow] = {}
        for chunk in _in_chunks(story_ids):
            for row in self._select_by_ids("stories", _STORY_ROWS, STORIES.c.id, chunk):
                found[row[0]] = story_row(row)
        return found

    def save_stories(self, rows: Iterable[StoryRow]) -> None:
        self._save_stories.run_many(
            self.connection,
            (
                (
                    row.id,
                    row.representative,
                    iso(row.first_seen),
                    iso(row.updated),
                    iso(row.date),
                    row.size,
                )
                for row in rows
            ),
        )

    def delete_stories(self, story_ids: Sequence[str]) -> None:
        """Forget stories (a story whose every member left it)."""
        for chunk in _in_chunks(story_ids):
            self.connection.execute(sa.delete(STORIES).where(STORIES.c.id.in_(chunk)))

    def story_member_ids(self, story_id: str) -> list[str]:
        return self.story_members([story_id]).get(story_id, [])

    def story_members(self, story_ids: Sequence[str]) -> dict[str, list[str]]:
        """``story id -> ids of its kept items`` in date order, for the stories that have any."""
        found: dict[str, list[str]] = {}
        for chunk in _in_chunks(story_ids):
            rows = self._select_by_ids("members", _MEMBERS, ITEMS.c.story_id, chunk)
            for story_id, item_id in rows:
                found.setdefault(story_id, []).append(item_id)
        return found

    def load_story(self, row: StoryRow) -> Story:
        items = self.get_items(self.story_member_ids(row.id))
        representative = items.pop(row.representative, None)
        if representative is None:
            representative = self.get_item(row.representative)
        if representative is None:
            raise StoreError(f"story {row.id} has lost its representative {row.representative}")
        members = sorted(items.values(), key=lambda item: (item.date or row.first_seen, item.id))
        return Story(
            id=row.id,
            representative=representative,
            members=members,
            first_seen=row.first_seen,
            updated=row.updated,
        )

    def window(self, *, max_stories: int, since: datetime | None = None) -> list[Story]:
        """The newest stories for the feed, newest first (ties broken by id)."""
        query = sa.select(*STORIES.c)
        if since is not None:
            query = query.where(STORIES.c.date >= iso(since))
        query = query.order_by(STORIES.c.date.desc(), STORIES.c.id).limit(max_stories)
        rows = self.connection.execute(query).all()
        return [self.load_story(story_row(row)) for row in rows]

    def count_stories(self) -> int:
        return int(
            self.connection.execute(sa.select(sa.func.count()).select_from(STORIES)).one()[0]
        )

    # sources -------------------------------------------------------------

    def save_source_state(self, name: str, state: dict[str, Any]) -> None:
        self._save_source.run(self.connection, (name, dumps(state)))

    def all_source_states(self) -> dict[str, dict[str, Any]]:
        query = sa.select(SOURCES.c.name, SOURCES.c.data).order_by(SOURCES.c.name)
        return {name: dict(json.loads(data)) for name, data in self.connection.execute(query)}

    def source_state(self, name: str) -> dict[str, Any]:
        """One source's state ({} before its first run): what a distributed worker reads,
        where reading every source's, as a whole run does, would cost O(sources) a task."""
        query = sa.select(SOURCES.c.data).where(SOURCES.c.name == name)
        data = self.connection.execute(query).scalar()
        return dict(json.loads(data)) if data is not None else {}


KEPT: sa.ColumnElement[str] = sa.literal_column("'kept'")
"""The status of a kept item, written into the statement (the statements run through
the driver bind only the ids)."""

# The queries the pipeline asks per document or per batch, built once: making a select
# costs SQLAlchemy about as much as SQLite takes to answer it.
_ITEM_DATA = sa.select(ITEMS.c.data)
SQLITE_JSON = sqlite3.sqlite_version_info >= (3, 38)
"""Whether SQLite has ``json_extract`` built in (3.38 and later); older libraries get the
items decoded in Python, as PostgreSQL does."""
_MEMBER_FACTS: sa.Select[tuple[str]] = sa.select(
    sa.literal_column(f"json_extract(data, {', '.join(repr(path) for path in FACT_PATHS)})")
)
_FIRST_SEEN = sa.select(ITEMS.c.id, ITEMS.c.first_seen, ITEMS.c.content_hash, ITEMS.c.story_id)
_STORY_ROWS = sa.select(*STORIES.c)
_MEMBERS = (
    sa.select(ITEMS.c.story_id, ITEMS.c.id)
    .where(ITEMS.c.status == KEPT)
    .order_by(ITEMS.c.date, ITEMS.c.id)
)

DOCUMENT_STATE = (
    DOCUMENTS.c.uri,
    DOCUMENTS.c.size,
    DOCUMENTS.c.mtime_ns,
    DOCUMENTS.c.sha1,
    DOCUMENTS.c.item_ids,
)


def _document_state(row: Sequence[Any]) -> DocumentState:
    return DocumentState(row[0], row[1], row[2], row[3], tuple(json.loads(row[4])))
