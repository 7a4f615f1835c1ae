"""The state store: one SQLite file holding items, stories and per-source state.

WAL mode lets readers (``aggregator items``, the server) read while a run
writes; writes go through ``BEGIN IMMEDIATE`` so a writer fails fast instead
of deadlocking on a lock upgrade. The schema carries a version and moves
forward through :data:`MIGRATIONS`; plugins that keep tables of their own
register them with :meth:`Store.ensure_plugin_schema`.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TypeVar

from .models import Item, Story
from .tables import SQLiteTable, Table, TableAccess, TableError, create_sqlite_table

R = TypeVar("R", bound=tuple[Any, ...])

SCHEMA_VERSION = 1

MIGRATIONS: dict[int, Sequence[str]] = {
    1: (
        """CREATE TABLE documents (
            uri TEXT PRIMARY KEY,
            source TEXT NOT NULL,
            size INTEGER,
            mtime_ns INTEGER,
            sha1 TEXT,
            item_ids TEXT NOT NULL DEFAULT '[]',
            seen_at TEXT NOT NULL
        )""",
        """CREATE TABLE items (
            id TEXT PRIMARY KEY,
            source TEXT NOT NULL,
            uri TEXT NOT NULL,
            status TEXT NOT NULL,
            story_id TEXT,
            first_seen TEXT NOT NULL,
            date TEXT NOT NULL,
            content_hash TEXT NOT NULL DEFAULT '',
            link TEXT,
            data TEXT NOT NULL
        )""",
        "CREATE INDEX items_story ON items (story_id)",
        "CREATE INDEX items_hash ON items (content_hash)",
        "CREATE INDEX items_link ON items (link)",
        """CREATE TABLE stories (
            id TEXT PRIMARY KEY,
            representative TEXT NOT NULL,
            first_seen TEXT NOT NULL,
            updated TEXT NOT NULL,
            date TEXT NOT NULL,
            size INTEGER NOT NULL DEFAULT 1
        )""",
        "CREATE INDEX stories_date ON stories (date)",
        """CREATE TABLE sources (
            name TEXT PRIMARY KEY,
            data TEXT NOT NULL
        )""",
    ),
}


WAL_CHECKPOINT_PAGES = 16384
"""Pages the write-ahead log may hold before a commit copies them into the database
(SQLite's default is 1,000). Items are keyed by hashes, so every batch dirties pages
all over the B-trees; checkpointing less often writes a page once for several batches.
At 100k articles the run's commits took 1.5 s less (9.7 → 8.2 s outside the stages).
The log grows to 64 MB plus the pages of one batch (about 100 MB in a run over a
million articles) and is removed when the last connection closes."""


IN_CHUNK = 500
"""Values per ``IN (...)`` list: well under SQLite's limit on bound parameters."""


def _in_chunks(values: Sequence[str]) -> Iterator[tuple[list[str], str]]:
    """``values`` in chunks of :data:`IN_CHUNK`, each with its ``?,?,…`` placeholders."""
    for start in range(0, len(values), IN_CHUNK):
        chunk = list(values[start : start + IN_CHUNK])
        yield chunk, ",".join("?" * len(chunk))


class StoreError(Exception):
    """The state file cannot be used (corrupt, newer schema, not writable)."""


def is_damaged(error: BaseException) -> bool:
    """Whether ``error`` is SQLite saying the file is corrupt or not a database at all.

    Checked where the store is used rather than by ``PRAGMA quick_check`` at open:
    that reads every page (0.9 s warm, 14 s cold for a 440 MB store of 100k items).
    """
    if not isinstance(error, sqlite3.DatabaseError):
        return False
    name = getattr(error, "sqlite_errorname", "")
    return name.startswith("SQLITE_CORRUPT") or name == "SQLITE_NOTADB"


def damaged_message(path: Path | None, error: BaseException) -> str:
    """The one line for a damaged state file: what happened and the two ways out."""
    where = f"{path}: " if path is not None else ""
    name = str(path) if path is not None else "the state file"
    return (
        f"{where}the state file is damaged ({error}); restore it from a backup, or move it"
        f" aside (with its -wal and -shm files: mv {name} {name}.damaged) and the next run"
        " rebuilds it from the sources"
    )


_last_opened: Path | None = None


def last_opened() -> Path | None:
    """The state file this process opened last: the one a stray SQLite error is about."""
    return _last_opened


def unusable_location(path: Path, exc: OSError) -> str:
    """One line for a state file (or its lock) that cannot be created where it is configured."""
    reason = exc.strerror or str(exc)
    return (
        f"{path}: cannot create the state file there: {reason}"
        " (set [store] path in feeds.toml to a writable location)"
    )


@dataclass(frozen=True)
class DocumentState:
    uri: str
    size: int | None
    mtime_ns: int | None
    sha1: str | None
    item_ids: tuple[str, ...]

    @property
    def done(self) -> bool:
        """False for a document recorded without its hash: some of its items did not
        reach the store, and the next run processes it again."""
        return self.sha1 is not None


@dataclass(frozen=True)
class StoryRow:
    id: str
    representative: str
    first_seen: datetime
    updated: datetime
    date: datetime
    size: int


def iso(value: datetime) -> str:
    return value.astimezone(UTC).isoformat()


def parse_iso(value: str) -> datetime:
    parsed = datetime.fromisoformat(value)
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def dumps(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=True)


class Store:
    """Open with :meth:`open`; use :meth:`transaction` around every write."""

    def __init__(self, connection: sqlite3.Connection, path: Path) -> None:
        self.db = connection
        self.path = path
        self._tables: dict[str, SQLiteTable[Any]] = {}

    @classmethod
    def open(cls, path: Path) -> Store:
        global _last_opened
        _last_opened = path
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StoreError(unusable_location(path, exc)) from None
        try:
            connection = sqlite3.connect(path, isolation_level=None, timeout=30.0)
            connection.execute("PRAGMA journal_mode=WAL")
            connection.execute("PRAGMA synchronous=NORMAL")
            connection.execute("PRAGMA foreign_keys=ON")
            connection.execute(f"PRAGMA wal_autocheckpoint={WAL_CHECKPOINT_PAGES}")
            store = cls(connection, path)
            store._migrate()
        except sqlite3.DatabaseError as exc:
            if is_damaged(exc):
                raise StoreError(damaged_message(path, exc)) from None
            raise StoreError(f"{path}: cannot use the state file: {exc}") from None
        return store

    def close(self) -> None:
        self.db.close()

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """``BEGIN IMMEDIATE`` … ``COMMIT``; rolled back on any exception."""
        if self.db.in_transaction:
            yield self.db
            return
        self.db.execute("BEGIN IMMEDIATE")
        try:
            yield self.db
        except BaseException:
            self.db.execute("ROLLBACK")
            raise
        self.db.execute("COMMIT")

    def _migrate(self) -> None:
        self.db.execute("CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT)")
        current = int(self.get_meta("schema_version") or 0)
        if current > SCHEMA_VERSION:
            raise StoreError(
                f"{self.path}: schema version {current} is newer than this aggregator"
                f" ({SCHEMA_VERSION}); upgrade aggregator"
            )
        for version in range(current + 1, SCHEMA_VERSION + 1):
            with self.transaction():
                for statement in MIGRATIONS[version]:
                    self.db.execute(statement)
                self.set_meta("schema_version", str(version))

    def ensure_plugin_schema(
        self, name: str, version: int, migrations: Mapping[int, Sequence[str]]
    ) -> None:
        """Create or upgrade a plugin's own tables, tracked under ``plugin:<name>``."""
        key = f"plugin:{name}:schema_version"
        current = int(self.get_meta(key) or 0)
        for step in range(current + 1, version + 1):
            with self.transaction():
                for statement in migrations[step]:
                    self.db.execute(statement)
                self.set_meta(key, str(step))

    def plugin_tables(self, plugin: str, *tables: Table[Any], version: int = 1) -> None:
        """Create a plugin's declared tables, or add the columns they gained (see
        :mod:`aggregator.tables`); then :meth:`table` gives typed access to each.

        ``version`` is the layout of the plugin's tables, recorded under
        ``plugin:<name>:schema_version`` as :meth:`ensure_plugin_schema` does:
        a state file written by a newer layout is refused, not misread.
        """
        key = f"plugin:{plugin}:schema_version"
        current = int(self.get_meta(key) or 0)
        if current > version:
            raise StoreError(
                f"{self.path}: plugin {plugin}'s tables are at version {current},"
                f" newer than this plugin ({version}); upgrade the plugin"
            )
        with self.transaction():
            try:
                for table in tables:
                    create_sqlite_table(self.db, table)
            except TableError as exc:
                raise StoreError(f"{self.path}: plugin {plugin}: {exc}") from None
            if current != version:
                self.set_meta(key, str(version))
        for table in tables:
            self._tables[table.name] = SQLiteTable(self.db, table)

    def table(self, table: Table[R]) -> TableAccess[R]:
        """Typed access to a table declared with :meth:`plugin_tables` in this store."""
        access = self._tables.get(table.name)
        if access is None or access.table != table:
            raise StoreError(f"table {table.name} is not declared: call plugin_tables first")
        return access

    def get_meta(self, key: str) -> str | None:
        row = self.db.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return None if row is None else str(row[0])

    def set_meta(self, key: str, value: str) -> None:
        self.db.execute(
            "INSERT INTO meta (key, value) VALUES (?, ?)"
            " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            (key, value),
        )

    # documents -----------------------------------------------------------

    def document_state(self, uri: str) -> DocumentState | None:
        row = self.db.execute(
            "SELECT uri, size, mtime_ns, sha1, item_ids FROM documents WHERE uri = ?", (uri,)
        ).fetchone()
        if row is None:
            return None
        return DocumentState(row[0], row[1], row[2], row[3], tuple(json.loads(row[4])))

    def document_states(self, source: str) -> dict[str, DocumentState]:
        """Every known document of a source, for a cheap unchanged-check without a query each."""
        rows = self.db.execute(
            "SELECT uri, size, mtime_ns, sha1, item_ids FROM documents WHERE source = ?",
            (source,),
        )
        return {
            row[0]: DocumentState(row[0], row[1], row[2], row[3], tuple(json.loads(row[4])))
            for row in rows
        }

    def document_signatures(self, source: str) -> dict[str, tuple[int | None, int | None]]:
        """``uri -> (size, mtime_ns)`` of a source's known documents: all a rerun
        needs to skip an unchanged file without reading it."""
        rows = self.db.execute(
            "SELECT uri, size, mtime_ns FROM documents WHERE source = ?", (source,)
        )
        return {uri: (size, mtime_ns) for uri, size, mtime_ns in rows}

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
        self.db.execute(
            "INSERT INTO documents (uri, source, size, mtime_ns, sha1, item_ids, seen_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)"
            " ON CONFLICT (uri) DO UPDATE SET source = excluded.source, size = excluded.size,"
            " mtime_ns = excluded.mtime_ns, sha1 = excluded.sha1,"
            " item_ids = excluded.item_ids, seen_at = excluded.seen_at",
            (uri, source, size, mtime_ns, sha1, dumps(list(item_ids)), iso(seen_at)),
        )

    # items ---------------------------------------------------------------

    def get_item(self, item_id: str) -> Item | None:
        row = self.db.execute("SELECT data FROM items WHERE id = ?", (item_id,)).fetchone()
        return None if row is None else Item.from_dict(json.loads(row[0]))

    def get_items(self, item_ids: Sequence[str]) -> dict[str, Item]:
        found: dict[str, Item] = {}
        for chunk, marks in _in_chunks(item_ids):
            for (data,) in self.db.execute(f"SELECT data FROM items WHERE id IN ({marks})", chunk):
                item = Item.from_dict(json.loads(data))
                found[item.id] = item
        return found

    def first_seen(self, item_ids: Sequence[str]) -> dict[str, tuple[datetime, str, str | None]]:
        """``id -> (first_seen, content_hash, story_id)`` for the ids already stored."""
        found: dict[str, tuple[datetime, str, str | None]] = {}
        for chunk, marks in _in_chunks(item_ids):
            rows = self.db.execute(
                f"SELECT id, first_seen, content_hash, story_id FROM items WHERE id IN ({marks})",
                chunk,
            )
            for item_id, first_seen, content_hash, story_id in rows:
                found[item_id] = (parse_iso(first_seen), content_hash, story_id)
        return found

    def save_items(self, items: Sequence[Item]) -> None:
        """Insert or update items. ``first_seen`` must already be set."""
        rows = []
        for item in items:
            if item.first_seen is None:
                raise ValueError(f"item {item.id} has no first_seen")
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
        self.db.executemany(
            "INSERT INTO items (id, source, uri, status, story_id, first_seen, date,"
            " content_hash, link, data) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
            " ON CONFLICT (id) DO UPDATE SET source = excluded.source, uri = excluded.uri,"
            " status = excluded.status, story_id = excluded.story_id, date = excluded.date,"
            " content_hash = excluded.content_hash, link = excluded.link, data = excluded.data",
            rows,
        )

    def iter_items(self, *, status: str | None = None) -> Iterator[Item]:
        query = "SELECT data FROM items"
        params: tuple[str, ...] = ()
        if status:
            query += " WHERE status = ?"
            params = (status,)
        query += " ORDER BY date DESC, id"
        for (data,) in self.db.execute(query, params):
            yield Item.from_dict(json.loads(data))

    def find_items(self, needle: str) -> list[Item]:
        """Items whose id starts with ``needle`` or whose path/URL ends with it."""
        rows = self.db.execute(
            "SELECT data FROM items WHERE id LIKE ? OR uri = ? OR uri LIKE ? OR link = ?"
            " ORDER BY date DESC LIMIT 20",
            (needle.replace("%", "") + "%", needle, "%/" + needle.lstrip("./"), needle),
        ).fetchall()
        return [Item.from_dict(json.loads(data)) for (data,) in rows]

    def items_with_hash(self, content_hash: str) -> list[tuple[str, str | None]]:
        rows = self.db.execute(
            "SELECT id, story_id FROM items WHERE content_hash = ? AND status = 'kept'",
            (content_hash,),
        )
        return [(row[0], row[1]) for row in rows]

    def items_with_link(self, link: str) -> list[tuple[str, str | None]]:
        rows = self.db.execute(
            "SELECT id, story_id FROM items WHERE link = ? AND status = 'kept'", (link,)
        )
        return [(row[0], row[1]) for row in rows]

    def count_items(self) -> dict[str, int]:
        rows = self.db.execute("SELECT status, COUNT(*) FROM items GROUP BY status")
        return {str(status): int(count) for status, count in rows}

    # stories -------------------------------------------------------------

    def story_rows(self, story_ids: Sequence[str]) -> dict[str, StoryRow]:
        found: dict[str, StoryRow] = {}
        for chunk, marks in _in_chunks(story_ids):
            rows = self.db.execute(
                "SELECT id, representative, first_seen, updated, date, size FROM stories"
                f" WHERE id IN ({marks})",
                chunk,
            )
            for row in rows:
                found[row[0]] = _story_row(row)
        return found

    def save_stories(self, rows: Iterable[StoryRow]) -> None:
        self.db.executemany(
            "INSERT INTO stories (id, representative, first_seen, updated, date, size)"
            " VALUES (?, ?, ?, ?, ?, ?)"
            " ON CONFLICT (id) DO UPDATE SET representative = excluded.representative,"
            " updated = excluded.updated, date = excluded.date, size = excluded.size",
            [
                (
                    row.id,
                    row.representative,
                    iso(row.first_seen),
                    iso(row.updated),
                    iso(row.date),
                    row.size,
                )
                for row in rows
            ],
        )

    def story_member_ids(self, story_id: str) -> list[str]:
        return self.story_members([story_id]).get(story_id, [])

    def story_members(self, story_ids: Sequence[str]) -> dict[str, list[str]]:
        """``story id -> ids of its kept items`` in date order, for the stories that have any."""
        found: dict[str, list[str]] = {}
        for chunk, marks in _in_chunks(story_ids):
            rows = self.db.execute(
                f"SELECT story_id, id FROM items WHERE story_id IN ({marks}) AND status = 'kept'"
                " ORDER BY date, id",
                chunk,
            )
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
        query = "SELECT id, representative, first_seen, updated, date, size FROM stories"
        params: list[Any] = []
        if since is not None:
            query += " WHERE date >= ?"
            params.append(iso(since))
        query += " ORDER BY date DESC, id LIMIT ?"
        params.append(max_stories)
        rows = self.db.execute(query, params).fetchall()
        return [self.load_story(_story_row(row)) for row in rows]

    def count_stories(self) -> int:
        return int(self.db.execute("SELECT COUNT(*) FROM stories").fetchone()[0])

    # sources -------------------------------------------------------------

    def save_source_state(self, name: str, state: dict[str, Any]) -> None:
        self.db.execute(
            "INSERT INTO sources (name, data) VALUES (?, ?)"
            " ON CONFLICT (name) DO UPDATE SET data = excluded.data",
            (name, dumps(state)),
        )

    def all_source_states(self) -> dict[str, dict[str, Any]]:
        return {
            name: dict(json.loads(data))
            for name, data in self.db.execute("SELECT name, data FROM sources ORDER BY name")
        }


def _story_row(row: Sequence[Any]) -> StoryRow:
    return StoryRow(
        id=row[0],
        representative=row[1],
        first_seen=parse_iso(row[2]),
        updated=parse_iso(row[3]),
        date=parse_iso(row[4]),
        size=int(row[5]),
    )
