"""The store's connection: one SQLAlchemy engine for SQLite or PostgreSQL.

Both backends run in the driver's autocommit mode: a read outside a
transaction takes no lock, and :meth:`aggregator.store.Store.transaction`
opens its own with :func:`begin_statement` (``BEGIN IMMEDIATE`` on SQLite,
so a writer waits for the write lock at the start instead of deadlocking on
a lock upgrade later). What stays SQLite's own is set on every new
connection by :func:`_tune_sqlite`: WAL, ``synchronous=NORMAL``, a large
autocheckpoint.
"""

from __future__ import annotations

import importlib.util
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any, cast

import sqlalchemy as sa
from sqlalchemy.engine import URL, Connection, Dialect, Engine, ExceptionContext
from sqlalchemy.pool import NullPool
from sqlalchemy.sql.compiler import SQLCompiler
from sqlalchemy.sql.elements import ClauseElement

from .store_errors import StoreUnavailable

WAL_CHECKPOINT_PAGES = 16384
"""Pages the write-ahead log may hold before a commit copies them into the database
(SQLite's default is 1,000). Items are keyed by hashes, so every batch dirties pages
all over the B-trees; checkpointing less often writes a page once for several batches.
At 100k articles the run's commits took 1.5 s less (9.7 → 8.2 s outside the stages).
The log grows to 64 MB plus the pages of one batch (about 100 MB in a run over a
million articles) and is removed when the last connection closes."""

BUSY_TIMEOUT_SECONDS = 30.0
"""How long a SQLite writer waits for another's write lock before giving up."""

DRIVERS = {"sqlite": "pysqlite", "postgresql": "psycopg"}
"""The backends the store supports, each with the one driver it is tested with."""

INSTALL_HINT = "install aggregator-feeds[distributed] (pip install 'aggregator-feeds[distributed]')"


def url_problem(url: str) -> str | None:
    """Why ``url`` cannot name a store (one line), or None when it can."""
    try:
        parsed = sa.make_url(url)
    except sa.exc.ArgumentError:
        return f"{url!r} is not a database URL such as postgresql+psycopg://host/db"
    driver = DRIVERS.get(parsed.get_backend_name())
    if driver is None:
        return f"{parsed.get_backend_name()!r} is not supported: use sqlite or postgresql+psycopg"
    # A bare postgresql:// means psycopg2 to SQLAlchemy 2.0 and psycopg to 2.1: say which.
    explicit = "+" in parsed.drivername or driver == "pysqlite"
    if parsed.get_driver_name() != driver or not explicit:
        wanted = f"{parsed.get_backend_name()}+{driver}"
        return f"driver {parsed.get_driver_name()!r} is not supported: write {wanted}://…"
    if driver == "psycopg" and importlib.util.find_spec("psycopg") is None:
        return f"the PostgreSQL driver psycopg is not installed: {INSTALL_HINT}"
    if driver == "pysqlite" and not parsed.database:
        return "a sqlite URL needs a file: sqlite:///path/to/state.db"
    return None


def sqlite_url(path: Path) -> URL:
    return URL.create("sqlite", database=str(path))


def shown(url: URL) -> str:
    """The URL as messages show it: without the password."""
    return url.render_as_string(hide_password=True)


def create_store_engine(url: URL) -> Engine:
    """An engine whose connections are in autocommit mode and tuned for the backend.

    No pool: the store holds one connection for its life, and closing it must
    really close it (SQLite then checkpoints the log and removes it).
    """
    connect_args: dict[str, Any] = {}
    if url.get_backend_name() == "sqlite":
        connect_args["timeout"] = BUSY_TIMEOUT_SECONDS
    engine = sa.create_engine(
        url, poolclass=NullPool, isolation_level="AUTOCOMMIT", connect_args=connect_args
    )
    if url.get_backend_name() == "sqlite":
        sa.event.listen(engine, "connect", _tune_sqlite)
    sa.event.listen(engine, "handle_error", _plain_errors(shown(url)))
    return engine


def _tune_sqlite(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
    dbapi_connection.execute("PRAGMA journal_mode=WAL")
    dbapi_connection.execute("PRAGMA synchronous=NORMAL")
    dbapi_connection.execute("PRAGMA foreign_keys=ON")
    dbapi_connection.execute(f"PRAGMA wal_autocheckpoint={WAL_CHECKPOINT_PAGES}")


def _plain_errors(where: str) -> Any:
    """A ``handle_error`` listener: SQLite's own exceptions pass through unwrapped (callers
    and :func:`aggregator.store.is_damaged` know them), and a lost or refused server
    connection becomes one :class:`StoreUnavailable` line."""

    def handle(context: ExceptionContext) -> BaseException | None:
        error = context.original_exception
        if isinstance(error, sqlite3.Error):
            return error
        if context.is_disconnect or _is_connection_error(error):
            reason = str(error).strip().splitlines()[0] if str(error).strip() else type(error)
            return StoreUnavailable(f"{where}: the database cannot be reached: {reason}")
        return None

    return handle


def _is_connection_error(error: BaseException) -> bool:
    kind = type(error)
    return kind.__module__.startswith("psycopg") and kind.__name__ == "OperationalError"


def begin_statement(dialect: Dialect) -> str:
    """The statement that opens a write transaction on this backend."""
    return "BEGIN IMMEDIATE" if dialect.name == "sqlite" else "BEGIN"


class DriverStatement:
    """A statement compiled once for the connection's dialect and run by the driver on
    the connection's own DB-API cursor: a hot query costs what the raw DB-API call costs.

    Rows are tuples in the order of ``names``, the statement's bound parameters.
    """

    def __init__(self, statement: ClauseElement, dialect: Dialect, names: Sequence[str]) -> None:
        compiled = cast(SQLCompiler, statement.compile(dialect=dialect))
        self.sql = str(compiled)
        self.names = tuple(names)
        self.positional = compiled.positional
        bound = tuple(compiled.positiontup or ()) if self.positional else tuple(compiled.params)
        if sorted(bound) != sorted(self.names) or (self.positional and bound != self.names):
            raise ValueError(f"parameters {bound} are not {self.names}: {self.sql}")

    def _shape(self, row: Sequence[Any]) -> Sequence[Any] | dict[str, Any]:
        return tuple(row) if self.positional else dict(zip(self.names, row, strict=True))

    def run(self, connection: Connection, row: Sequence[Any]) -> list[Any]:
        """The rows the statement returns (none for a write), as the driver gives them.

        Straight on the DB-API cursor of the connection's transaction: the pipeline
        asks twice per document, and SQLAlchemy's result set-up cost 60 µs a call,
        a sixth of a first run's time on SQLite.
        """
        cursor = connection.connection.cursor()
        try:
            cursor.execute(self.sql, self._shape(row))
            return list(cursor.fetchall()) if cursor.description is not None else []
        finally:
            cursor.close()

    def rows(self, connection: Connection, row: Sequence[Any]) -> Iterator[Any]:
        """The rows the statement returns, read from the cursor as they are asked for (a
        whole table is not held twice); run at once, as SQLAlchemy's ``execute`` does."""
        cursor = connection.connection.cursor()
        try:
            cursor.execute(self.sql, self._shape(row))
        except BaseException:
            cursor.close()
            raise
        return _read(cursor)

    def first(self, connection: Connection, row: Sequence[Any]) -> Any | None:
        rows = self.run(connection, row)
        return rows[0] if rows else None

    def run_many(self, connection: Connection, rows: Iterable[Sequence[Any]]) -> None:
        shaped = [self._shape(row) for row in rows] if not self.positional else list(rows)
        if shaped:
            cursor = connection.connection.cursor()
            try:
                cursor.executemany(self.sql, cast(Sequence[Any], shaped))
            finally:
                cursor.close()


def _read(cursor: Any) -> Iterator[Any]:
    try:
        yield from cursor
    finally:
        cursor.close()


def upsert_statement(
    dialect: Dialect,
    table: sa.Table,
    key: Sequence[str],
    *,
    replace: bool = True,
    keep: Sequence[str] = (),
) -> ClauseElement:
    """``INSERT … ON CONFLICT (key) DO UPDATE`` every column but the key and ``keep``
    (``DO NOTHING`` when ``replace`` is false or nothing is left to update): running it
    twice changes nothing."""
    from sqlalchemy.dialects import postgresql, sqlite

    insert = (sqlite if dialect.name == "sqlite" else postgresql).insert(table)
    others = [column.name for column in table.columns if column.name not in (*key, *keep)]
    if replace and others:
        excluded = insert.excluded
        updating: sa.Insert = insert.on_conflict_do_update(
            index_elements=list(key), set_={name: excluded[name] for name in others}
        )
        return updating
    ignoring: sa.Insert = insert.on_conflict_do_nothing(index_elements=list(key))
    return ignoring
