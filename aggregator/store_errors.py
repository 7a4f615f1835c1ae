"""What the store says when it cannot be used: one line, with the way out.

SQLAlchemy is not imported here: :func:`is_damaged` is asked of every error a plugin
raises, in worker processes too, which never open the store and so are spared its
import. An error of SQLAlchemy's can only come from a process that imported it.
"""

from __future__ import annotations

import sqlite3
import sys
from pathlib import Path


class StoreError(Exception):
    """The store cannot be used (corrupt, newer schema, not writable, unreachable)."""


class StoreUnavailable(StoreError):
    """The database server cannot be reached, or dropped the connection."""


def is_damaged(error: BaseException) -> bool:
    """Whether ``error`` means the store itself is unusable: SQLite saying the file is
    corrupt or not a database at all, or the database server out of reach.

    Checked where the store is used rather than by ``PRAGMA quick_check`` at open:
    that reads every page (0.9 s warm, 14 s cold for a 440 MB store of 100k items).
    """
    if isinstance(error, StoreUnavailable):
        return True
    sa = sys.modules.get("sqlalchemy")
    cause = error.orig if sa is not None and isinstance(error, sa.exc.DBAPIError) else error
    if not isinstance(cause, sqlite3.DatabaseError):
        return False
    name = getattr(cause, "sqlite_errorname", "")
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


def unusable_location(path: Path, exc: OSError) -> str:
    """One line for a state file (or its lock) that cannot be created where it is configured."""
    reason = exc.strerror or str(exc)
    return (
        f"{path}: cannot create the state file there: {reason}"
        " (set [store] path in feeds.toml to a writable location)"
    )
