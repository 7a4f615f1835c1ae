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

No SQL is written by the plugin: the store builds SQLAlchemy Core tables from
the declarations (:mod:`aggregator.store_tables`), so the same plugin runs
unchanged on SQLite and PostgreSQL. Declaring a table imports no SQLAlchemy: a
worker process, which loads every plugin but never opens the store, is spared
its import (about 26 MB of memory).
"""

from __future__ import annotations

import types
import typing
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any, Generic, Literal, Protocol, TypeVar

R = TypeVar("R", bound=tuple[Any, ...])

Compare = Literal["=", "!=", "<", "<=", ">", ">=", "in"]
"""How :meth:`TableAccess.select` compares a column with a value (``in``: with each value
of a collection, as many as the backend binds in one statement, e.g. 500)."""

Condition = tuple[str, Compare, Any]
"""``(column, comparison, value)``: one condition of a select; conditions all hold."""

COMPARISONS: frozenset[str] = frozenset(typing.get_args(Compare))

STORED_TYPES: tuple[type, ...] = (str, int, float, bytes)
"""The Python types a column may be declared with (see :data:`aggregator.store_tables.COLUMN_TYPES`
for what each is stored as)."""


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
        if len(rest) == 1 and rest[0] in STORED_TYPES:
            return rest[0], True
    elif hint in STORED_TYPES:
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

    def delete_where(self, *conditions: Condition) -> int:
        """Delete every row for which all the conditions hold, in one statement (at
        least one condition: a table is not emptied by accident); the number deleted.
        What a plugin prunes its tables with, such as rows older than a retention."""
