"""The store's own tables, declared once for SQLite and PostgreSQL.

The columns and index names are those of the state files written before the
store moved to SQLAlchemy, so an existing file opens as it is. Types are
chosen so both backends store the same values and sort them the same way:
text compares byte by byte (SQLite's BINARY; collation "C" on PostgreSQL),
integers are 64-bit (``mtime_ns`` does not fit PostgreSQL's ``INTEGER``).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql
from sqlalchemy.schema import CreateIndex, CreateTable, ExecutableDDLElement

SCHEMA_VERSION = 1

TEXT = sa.Text().with_variant(postgresql.TEXT(collation="C"), "postgresql")
INTEGER = sa.Integer().with_variant(sa.BigInteger(), "postgresql")
REAL: sa.types.TypeEngine[float] = sa.REAL().with_variant(sa.Double(), "postgresql")
BLOB = sa.LargeBinary().with_variant(sa.BLOB(), "sqlite")


def key_column(name: str, kind: sa.types.TypeEngine[Any] = TEXT) -> sa.Column[Any]:
    return sa.Column(name, kind, primary_key=True, autoincrement=False)


METADATA = sa.MetaData()

META = sa.Table(
    "meta",
    METADATA,
    key_column("key"),
    sa.Column("value", TEXT),
)

DOCUMENTS = sa.Table(
    "documents",
    METADATA,
    key_column("uri"),
    sa.Column("source", TEXT, nullable=False),
    sa.Column("size", INTEGER),
    sa.Column("mtime_ns", INTEGER),
    sa.Column("sha1", TEXT),
    sa.Column("item_ids", TEXT, nullable=False, server_default=sa.text("'[]'")),
    sa.Column("seen_at", TEXT, nullable=False),
)

ITEMS = sa.Table(
    "items",
    METADATA,
    key_column("id"),
    sa.Column("source", TEXT, nullable=False),
    sa.Column("uri", TEXT, nullable=False),
    sa.Column("status", TEXT, nullable=False),
    sa.Column("story_id", TEXT),
    sa.Column("first_seen", TEXT, nullable=False),
    sa.Column("date", TEXT, nullable=False),
    sa.Column("content_hash", TEXT, nullable=False, server_default=sa.text("''")),
    sa.Column("link", TEXT),
    sa.Column("data", TEXT, nullable=False),
)
ITEMS_STORY = sa.Index("items_story", ITEMS.c.story_id)
ITEMS_HASH = sa.Index("items_hash", ITEMS.c.content_hash)
ITEMS_LINK = sa.Index("items_link", ITEMS.c.link)

STORIES = sa.Table(
    "stories",
    METADATA,
    key_column("id"),
    sa.Column("representative", TEXT, nullable=False),
    sa.Column("first_seen", TEXT, nullable=False),
    sa.Column("updated", TEXT, nullable=False),
    sa.Column("date", TEXT, nullable=False),
    sa.Column("size", INTEGER, nullable=False, server_default=sa.text("1")),
)
STORIES_DATE = sa.Index("stories_date", STORIES.c.date)

SOURCES = sa.Table(
    "sources",
    METADATA,
    key_column("name"),
    sa.Column("data", TEXT, nullable=False),
)

CREATE_META = CreateTable(META, if_not_exists=True)
"""Created before anything else, by every opener at once: hence ``IF NOT EXISTS``."""

MIGRATIONS: dict[int, Sequence[ExecutableDDLElement]] = {
    1: (
        CreateTable(DOCUMENTS),
        CreateTable(ITEMS),
        CreateIndex(ITEMS_STORY),
        CreateIndex(ITEMS_HASH),
        CreateIndex(ITEMS_LINK),
        CreateTable(STORIES),
        CreateIndex(STORIES_DATE),
        CreateTable(SOURCES),
    ),
}
"""The statements that bring the schema from the version before each key to that key."""
