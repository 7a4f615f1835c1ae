"""Tables a plugin keeps in the store, declared once and used without SQL.

A plugin describes each table by a :class:`typing.NamedTuple` (its fields are
the columns, their annotations the types, their defaults the defaults of
columns added later), the fields that make the key and the fields worth an
index. The store creates the table, adds columns a newer version of the
plugin declares, and hands out a :class:`TableAccess` whose methods take and
return rows of that NamedTuple::

    class Seen(NamedTuple):
        source: str
        line: str
        documents: int
        signatures: str = ""

    SEEN = Table("my_plugin_seen", Seen, key=("source", "line"))

    store.plugin_tables("my_plugin", SEEN)
    seen = store.table(SEEN)
    seen.upsert([Seen("wire", "share this", 3)])
    rows = list(seen.select(("source", "=", "wire")))

No SQL is written by the plugin, so every backend of the store (SQLite now,
PostgreSQL through SQLAlchemy Core next) serves the same plugin unchanged:
a backend implements :class:`TableAccess` for the declared tables.
"""

from __future__ import annotations

import sqlite3
import types
import typing
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any, Generic, Literal, Protocol, TypeVar

R = TypeVar("R", bound=tuple[Any, ...])

Compare = Literal["=", "!=", "<", "<=", ">", ">="]
"""How :meth:`TableAccess.select` compares a column with a value."""

Condition = tuple[str, Compare, Any]
"""``(column, comparison, value)``: one condition of a select; conditions all hold."""

COMPARISONS: frozenset[str] = frozenset(typing.get_args(Compare))

SQLITE_TYPES: dict[type, str] = {str: "TEXT", int: "INTEGER", float: "REAL", bytes: "BLOB"}
"""The column types a table may declare, with the SQLite type each is stored as."""


class TableError(ValueError):
    """A table declaration or a use of it that cannot work (unknown column, bad type)."""


@dataclass(frozen=True)
class Column:
    name: str
    type: type
    nullable: bool
    default: Any
    has_default: bool


@dataclass(frozen=True)
class Table(Generic[R]):
    """A plugin's table: its name, its row type (a NamedTuple), its key and indexes."""

    name: str
    row: type[R]
    key: tuple[str, ...]
    indexes: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        names = self.column_names
        if not self.name.isidentifier():
            raise TableError(f"table name {self.name!r} is not an identifier")
        for column in (*self.key, *self.indexes):
            if column not in names:
                raise TableError(f"{self.name}: {column!r} is not a column of {self.row.__name__}")
        if not self.key:
            raise TableError(f"{self.name}: a table needs a key")
        self.columns  # noqa: B018 - types are checked when the table is declared

    @property
    def column_names(self) -> tuple[str, ...]:
        fields: tuple[str, ...] = getattr(self.row, "_fields", ())
        if not fields:
            raise TableError(f"{self.name}: the row type must be a typing.NamedTuple")
        return fields

    @property
    def columns(self) -> tuple[Column, ...]:
        hints = typing.get_type_hints(self.row)
        defaults: dict[str, Any] = getattr(self.row, "_field_defaults", {})
        columns = []
        for name in self.column_names:
            kind, nullable = _column_type(self.name, name, hints[name])
            columns.append(
                Column(name, kind, nullable, defaults.get(name), has_default=name in defaults)
            )
        return tuple(columns)


def _column_type(table: str, column: str, hint: Any) -> tuple[type, bool]:
    """The stored type of an annotation, and whether it admits ``None``."""
    args = typing.get_args(hint)
    if typing.get_origin(hint) in (typing.Union, types.UnionType) and type(None) in args:
        rest = [arg for arg in args if arg is not type(None)]
        if len(rest) == 1 and rest[0] in SQLITE_TYPES:
            return rest[0], True
    elif hint in SQLITE_TYPES:
        return hint, False
    raise TableError(f"{table}.{column}: type {hint!r} is not one of str, int, float, bytes")


class TableAccess(Protocol[R]):
    """What a plugin may do with one of its tables; every backend offers the same."""

    def get(self, *key: Any) -> R | None:
        """The row with this key (values in the order of the table's key), or None."""

    def select(self, *conditions: Condition) -> Iterator[R]:
        """Every row for which all the conditions hold (every row without conditions)."""

    def upsert(self, rows: Iterable[R]) -> None:
        """Insert the rows; a row whose key exists replaces the stored one."""

    def insert_new(self, rows: Iterable[R]) -> None:
        """Insert the rows whose key is not stored yet; stored rows stay as they are."""

    def delete(self, keys: Iterable[tuple[Any, ...]]) -> None:
        """Delete the rows with these keys (absent keys are ignored)."""


class SQLiteTable(Generic[R]):
    """:class:`TableAccess` over one SQLite connection (the store's)."""

    def __init__(self, db: sqlite3.Connection, table: Table[R]) -> None:
        self.db = db
        self.table = table
        names = table.column_names
        self._names = frozenset(names)
        self._make = getattr(table.row, "_make")  # noqa: B009 - NamedTuple's constructor
        columns = ", ".join(names)
        marks = ", ".join("?" * len(names))
        key = ", ".join(table.key)
        updates = ", ".join(f"{n} = excluded.{n}" for n in names if n not in table.key)
        on_conflict = f"DO UPDATE SET {updates}" if updates else "DO NOTHING"
        self._select = f"SELECT {columns} FROM {table.name}"
        self._by_key = " AND ".join(f"{column} = ?" for column in table.key)
        insert = f"INSERT INTO {table.name} ({columns}) VALUES ({marks}) ON CONFLICT ({key})"
        self._upsert = f"{insert} {on_conflict}"
        self._insert_new = f"{insert} DO NOTHING"
        self._delete = f"DELETE FROM {table.name} WHERE {self._by_key}"

    def get(self, *key: Any) -> R | None:
        if len(key) != len(self.table.key):
            raise TableError(f"{self.table.name}: the key is {self.table.key}, got {key!r}")
        row = self.db.execute(f"{self._select} WHERE {self._by_key}", key).fetchone()
        return None if row is None else self._make(row)

    def select(self, *conditions: Condition) -> Iterator[R]:
        clauses = []
        values = []
        for column, compare, value in conditions:
            if column not in self._names:
                raise TableError(f"{self.table.name}: no column {column!r}")
            if compare not in COMPARISONS:
                raise TableError(f"{self.table.name}: cannot compare with {compare!r}")
            clauses.append(f"{column} {compare} ?")
            values.append(value)
        query = self._select
        if clauses:
            query += " WHERE " + " AND ".join(clauses)
        return map(self._make, self.db.execute(query, values))

    def upsert(self, rows: Iterable[R]) -> None:
        self.db.executemany(self._upsert, rows)

    def insert_new(self, rows: Iterable[R]) -> None:
        self.db.executemany(self._insert_new, rows)

    def delete(self, keys: Iterable[tuple[Any, ...]]) -> None:
        self.db.executemany(self._delete, keys)


def create_sqlite_table(db: sqlite3.Connection, table: Table[Any]) -> None:
    """Create the table and its indexes, or add the columns an existing one lacks.

    A key of several columns makes a ``WITHOUT ROWID`` table: the rows are
    stored in key order, and the key's index is the table.
    """
    existing = {row[1] for row in db.execute(f"PRAGMA table_info({table.name})")}
    if not existing:
        definitions = [_sqlite_column(column) for column in table.columns]
        definitions.append(f"PRIMARY KEY ({', '.join(table.key)})")
        without_rowid = " WITHOUT ROWID" if len(table.key) > 1 else ""
        db.execute(f"CREATE TABLE {table.name} ({', '.join(definitions)}){without_rowid}")
    else:
        for column in table.columns:
            if column.name in existing:
                continue
            if not (column.nullable or column.has_default):
                raise TableError(
                    f"{table.name}.{column.name}: a column added to a stored table"
                    " needs a default or None"
                )
            db.execute(f"ALTER TABLE {table.name} ADD COLUMN {_sqlite_column(column)}")
    for column_name in table.indexes:
        db.execute(
            f"CREATE INDEX IF NOT EXISTS {table.name}_{column_name} ON {table.name} ({column_name})"
        )


def _sqlite_column(column: Column) -> str:
    definition = f"{column.name} {SQLITE_TYPES[column.type]}"
    if not column.nullable:
        definition += " NOT NULL"
    if column.has_default and column.default is not None:
        definition += f" DEFAULT {_sqlite_literal(column.default)}"
    return definition


def _sqlite_literal(value: Any) -> str:
    if isinstance(value, bool) or not isinstance(value, str | int | float | bytes):
        raise TableError(f"default {value!r} is not a str, int, float or bytes")
    if isinstance(value, str):
        return "'" + value.replace("'", "''") + "'"
    if isinstance(value, bytes):
        return f"X'{value.hex()}'"
    return repr(value)
