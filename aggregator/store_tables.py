"""The store's side of plugin tables: SQLAlchemy Core tables built from the declarations
of :mod:`aggregator.tables`, and :class:`StoreTable`, the access a plugin gets to one."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any, Generic

import sqlalchemy as sa
from sqlalchemy.engine import Connection
from sqlalchemy.schema import CreateColumn, CreateIndex, CreateTable

from .store_engine import DriverStatement, upsert_statement
from .store_schema import BLOB, INTEGER, REAL, TEXT
from .tables import COMPARISONS, Column, Condition, R, Table, TableError

COLUMN_TYPES: dict[type, sa.types.TypeEngine[Any]] = {
    str: TEXT,
    int: INTEGER,
    float: REAL,
    bytes: BLOB,
}
"""The column types a table may declare, with the type each is stored as (TEXT, INTEGER,
REAL, BLOB on SQLite; TEXT COLLATE "C", BIGINT, DOUBLE PRECISION, BYTEA on PostgreSQL)."""

COMPARE: dict[str, Any] = {
    "=": lambda column, value: column == value,
    "!=": lambda column, value: column != value,
    "<": lambda column, value: column < value,
    "<=": lambda column, value: column <= value,
    ">": lambda column, value: column > value,
    ">=": lambda column, value: column >= value,
    "in": lambda column, value: column.in_(list(value)),
}


class StoreTable(Generic[R]):
    """:class:`TableAccess` over the store's connection, SQLite or PostgreSQL alike.

    The statements a plugin runs per row (get, upsert, insert_new, delete) are
    compiled once for the dialect and go straight to the driver.
    """

    def __init__(self, connection: Connection, table: Table[R], declared: sa.Table) -> None:
        self.connection = connection
        self.table = table
        self.declared = declared
        names = table.column_names
        self._names = frozenset(names)
        self._make = getattr(table.row, "_make")  # noqa: B009 - NamedTuple's constructor
        dialect = connection.dialect
        by_key = sa.and_(*(declared.c[name] == sa.bindparam(name) for name in table.key))
        self._select = sa.select(*(declared.c[name] for name in names))
        self._get = DriverStatement(self._select.where(by_key), dialect, table.key)
        self._upsert = DriverStatement(
            upsert_statement(dialect, declared, table.key), dialect, names
        )
        self._insert_new = DriverStatement(
            upsert_statement(dialect, declared, table.key, replace=False), dialect, names
        )
        self._delete = DriverStatement(sa.delete(declared).where(by_key), dialect, table.key)
        self._selects: dict[tuple[tuple[str, str], ...], DriverStatement] = {}
        """:meth:`select`'s statements, by the columns and comparisons of the conditions."""

    def get(self, *key: Any) -> R | None:
        if len(key) != len(self.table.key):
            raise TableError(f"{self.table.name}: the key is {self.table.key}, got {key!r}")
        row = self._get.first(self.connection, key)
        return None if row is None else self._make(row)

    def select(self, *conditions: Condition) -> Iterator[R]:
        """Conditions of one shape (columns and comparisons) run as one statement compiled
        once, as :meth:`get` does: a plugin that reads a source's rows at a source's first
        document (the boilerplate learner) asks once per source, and building and running
        the query through SQLAlchemy cost about fifteen times the driver's own work. A
        list (``in``) or None is left to SQLAlchemy, which expands the list or writes
        ``IS NULL``."""
        for column, compare, value in conditions:
            self._check(column, compare)
            if compare == "in" or value is None:
                query = self._select.where(*self._where(conditions))
                return map(self._make, self.connection.execute(query))
        shape = tuple((column, compare) for column, compare, _ in conditions)
        statement = self._selects.get(shape)
        if statement is None:
            names = [f"value_{index}" for index in range(len(shape))]
            clauses = [
                COMPARE[compare](self.declared.c[column], sa.bindparam(name))
                for (column, compare), name in zip(shape, names, strict=True)
            ]
            query = self._select.where(*clauses)
            statement = DriverStatement(query, self.connection.dialect, names)
            self._selects[shape] = statement
        values = [value for _, _, value in conditions]
        return map(self._make, statement.rows(self.connection, values))

    def _check(self, column: str, compare: str) -> None:
        if column not in self._names:
            raise TableError(f"{self.table.name}: no column {column!r}")
        if compare not in COMPARISONS:
            raise TableError(f"{self.table.name}: cannot compare with {compare!r}")

    def _where(self, conditions: tuple[Condition, ...]) -> list[sa.ColumnElement[bool]]:
        clauses = []
        for column, compare, value in conditions:
            self._check(column, compare)
            clauses.append(COMPARE[compare](self.declared.c[column], value))
        return clauses

    def upsert(self, rows: Iterable[R]) -> None:
        self._upsert.run_many(self.connection, rows)

    def insert_new(self, rows: Iterable[R]) -> None:
        self._insert_new.run_many(self.connection, rows)

    def delete(self, keys: Iterable[tuple[Any, ...]]) -> None:
        self._delete.run_many(self.connection, keys)

    def delete_where(self, *conditions: Condition) -> int:
        if not conditions:
            raise TableError(f"{self.table.name}: delete_where needs a condition")
        statement = sa.delete(self.declared).where(*self._where(conditions))
        return int(self.connection.execute(statement).rowcount)


def declare(table: Table[Any], dialect_name: str) -> sa.Table:
    """The SQLAlchemy table of a declaration. A key of several columns makes a
    ``WITHOUT ROWID`` table on SQLite: the rows are stored in key order, and the
    key's index is the table."""
    columns = [
        sa.Column(
            column.name,
            COLUMN_TYPES[column.type],
            primary_key=column.name in table.key,
            autoincrement=False,
            nullable=column.nullable,
            server_default=_default(column, dialect_name),
        )
        for column in table.columns
    ]
    declared = sa.Table(table.name, sa.MetaData(), *columns, sqlite_with_rowid=len(table.key) == 1)
    for name in table.indexes:
        sa.Index(f"{table.name}_{name}", declared.c[name])
    return declared


def create_table(connection: Connection, table: Table[Any]) -> sa.Table:
    """Create the table and its indexes, or add the columns an existing one lacks."""
    declared = declare(table, connection.dialect.name)
    inspector = sa.inspect(connection)
    if not inspector.has_table(table.name):
        connection.execute(CreateTable(declared))
    else:
        existing = {column["name"] for column in inspector.get_columns(table.name)}
        for column in table.columns:
            if column.name in existing:
                continue
            if not (column.nullable or column.has_default):
                raise TableError(
                    f"{table.name}.{column.name}: a column added to a stored table"
                    " needs a default or None"
                )
            definition = CreateColumn(declared.c[column.name]).compile(dialect=connection.dialect)
            connection.exec_driver_sql(f"ALTER TABLE {table.name} ADD COLUMN {definition}")
    for index in declared.indexes:
        connection.execute(CreateIndex(index, if_not_exists=True))
    return declared


def _default(column: Column, dialect_name: str) -> str | sa.TextClause | None:
    """The column's default in DDL: a string is quoted by SQLAlchemy, other values are
    literals written here."""
    value = column.default
    if not column.has_default or value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, str | int | float | bytes):
        raise TableError(f"default {value!r} is not a str, int, float or bytes")
    return value if isinstance(value, str) else sa.text(_literal(value, dialect_name))


def _literal(value: int | float | bytes, dialect_name: str) -> str:
    if isinstance(value, bytes):
        return f"X'{value.hex()}'" if dialect_name == "sqlite" else f"'\\x{value.hex()}'::bytea"
    return repr(value)
