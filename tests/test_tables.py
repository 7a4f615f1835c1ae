"""Plugin tables: declared with a NamedTuple, created and migrated by the store."""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

import pytest
import sqlalchemy as sa

from aggregator.store import Store, StoreError
from aggregator.tables import Table, TableError


class Seen(NamedTuple):
    source: str
    line: str
    documents: int
    note: str | None = None


SEEN = Table("demo_seen", Seen, key=("source", "line"), indexes=("documents",))


class Label(NamedTuple):
    key: str
    label: str


LABELS = Table("demo_labels", Label, key=("key",))


@pytest.fixture
def store(tmp_path: Path) -> Store:
    store = Store.open(tmp_path / "state.db")
    store.plugin_tables("demo", SEEN, LABELS)
    return store


def test_upsert_get_select_delete(store: Store) -> None:
    seen = store.table(SEEN)
    with store.transaction():
        seen.upsert([Seen("a", "share this", 2), Seen("a", "menu", 5), Seen("b", "menu", 1)])
        seen.upsert([Seen("a", "share this", 3, "again")])
    assert seen.get("a", "share this") == Seen("a", "share this", 3, "again")
    assert seen.get("c", "menu") is None
    assert sorted(seen.select(("source", "=", "a"))) == [
        Seen("a", "menu", 5),
        Seen("a", "share this", 3, "again"),
    ]
    assert sorted(row.line for row in seen.select(("documents", ">=", 3))) == [
        "menu",
        "share this",
    ]
    assert len(list(seen.select(("source", "=", "a"), ("documents", "<", 4)))) == 1
    assert sorted(row.line for row in seen.select(("line", "in", ["menu", "absent"]))) == [
        "menu",
        "menu",
    ]
    assert list(seen.select(("source", "in", []))) == []
    assert len(list(seen.select())) == 3
    with store.transaction():
        seen.delete([("a", "menu"), ("z", "absent")])
    assert seen.get("a", "menu") is None
    assert len(list(seen.select())) == 2


def test_delete_where_prunes_what_the_conditions_select(store: Store) -> None:
    seen = store.table(SEEN)
    with store.transaction():
        seen.upsert([Seen("a", "old", 1), Seen("a", "new", 7), Seen("b", "old", 2)])
        assert seen.delete_where(("documents", "<", 3), ("source", "=", "a")) == 1
        assert seen.delete_where(("documents", ">", 100)) == 0
    assert sorted(seen.select()) == [Seen("a", "new", 7), Seen("b", "old", 2)]
    with pytest.raises(TableError, match="needs a condition"):
        seen.delete_where()
    with pytest.raises(TableError, match="no column"):
        seen.delete_where(("nope", "<", 1))


def test_insert_new_keeps_stored_rows(store: Store) -> None:
    labels = store.table(LABELS)
    with store.transaction():
        labels.insert_new([Label("k", "first")])
        labels.insert_new([Label("k", "second"), Label("j", "other")])
    assert labels.get("k") == Label("k", "first")
    assert labels.get("j") == Label("j", "other")


def test_bad_uses_are_refused(store: Store) -> None:
    seen = store.table(SEEN)
    with pytest.raises(TableError, match="no column"):
        list(seen.select(("nope", "=", 1)))
    with pytest.raises(TableError, match="cannot compare"):
        list(seen.select(("source", "LIKE", "a")))  # type: ignore[arg-type]
    with pytest.raises(TableError, match="key"):
        seen.get("a")
    with pytest.raises(StoreError, match="not declared"):
        Store.open(store.path.parent / "other.db").table(SEEN)


def test_declarations_are_checked() -> None:
    with pytest.raises(TableError, match="not a column"):
        Table("bad", Label, key=("id",))

    class Odd(NamedTuple):
        key: str
        values: list[str]

    with pytest.raises(TableError, match="not one of"):
        Table("odd", Odd, key=("key",))


def test_columns_a_plugin_adds_later_are_added_to_a_stored_table(tmp_path: Path) -> None:
    path = tmp_path / "state.db"
    store = Store.open(path)

    class Before(NamedTuple):
        key: str
        label: str

    store.plugin_tables("demo", Table("demo_grow", Before, key=("key",)))
    with store.transaction():
        store.table(Table("demo_grow", Before, key=("key",))).upsert([Before("k", "old")])
    store.close()

    class After(NamedTuple):
        key: str
        label: str
        weight: float = 1.5

    grown = Table("demo_grow", After, key=("key",))
    store = Store.open(path)
    store.plugin_tables("demo", grown, version=2)
    assert store.table(grown).get("k") == After("k", "old", 1.5)
    store.close()

    store = Store.open(path)
    with pytest.raises(StoreError, match="newer than this plugin"):
        store.plugin_tables("demo", grown, version=1)


def test_tables_written_by_the_old_migrations_are_read(tmp_path: Path) -> None:
    """State files from before declared tables (created by raw SQL migrations) keep working."""
    from aggregator.plugins import clean_boilerplate, cluster_stories

    store = Store.open(tmp_path / "state.db")
    old = {
        "clean_boilerplate": [
            "CREATE TABLE IF NOT EXISTS clean_boilerplate_lines (source TEXT NOT NULL,"
            " line TEXT NOT NULL, documents INTEGER NOT NULL, delta INTEGER NOT NULL DEFAULT 0,"
            " signatures TEXT NOT NULL DEFAULT '', PRIMARY KEY (source, line)) WITHOUT ROWID",
            "CREATE TABLE IF NOT EXISTS clean_boilerplate_sources (source TEXT PRIMARY KEY,"
            " documents INTEGER NOT NULL)",
            "INSERT INTO clean_boilerplate_lines VALUES ('s', 'masthead', 4, 0, 'a,b')",
        ],
        "cluster_stories": [
            "CREATE TABLE cluster_index (item_id TEXT PRIMARY KEY, story_id TEXT NOT NULL,"
            " seen TEXT NOT NULL, date TEXT, text_sig BLOB NOT NULL, term_sig BLOB NOT NULL,"
            " terms BLOB NOT NULL, figures TEXT NOT NULL, title TEXT NOT NULL,"
            " year_inferred INTEGER NOT NULL DEFAULT 0)",
            "CREATE INDEX cluster_index_seen ON cluster_index (seen)",
            "CREATE TABLE cluster_keys (key TEXT PRIMARY KEY, story_id TEXT NOT NULL)",
            "INSERT INTO cluster_keys VALUES ('url:https://example.org/a', 'story-1')",
        ],
    }
    for name, statements in old.items():
        store.ensure_plugin_schema(name, 1, {1: statements})
    store.plugin_tables("clean_boilerplate", clean_boilerplate.LINES, clean_boilerplate.SOURCES)
    store.plugin_tables("cluster_stories", cluster_stories.INDEX, cluster_stories.KEYS)
    line = store.table(clean_boilerplate.LINES).get("s", "masthead")
    assert line == clean_boilerplate.LineRow("s", "masthead", 4, 0, "a,b")
    key = store.table(cluster_stories.KEYS).get("url:https://example.org/a")
    assert key == cluster_stories.KeyRow("url:https://example.org/a", "story-1")
    assert store.get_meta("plugin:cluster_stories:schema_version") == "1"


def test_a_store_checks_a_plugins_tables_once(store: Store) -> None:
    """A distributed worker keeps its store across tasks: each task's run_start asks
    for the tables again, and that must not reflect on the database again."""
    statements: list[str] = []
    sa.event.listen(
        store.connection, "before_cursor_execute", lambda *args: statements.append(args[2])
    )
    store.plugin_tables("demo", SEEN, LABELS)
    assert statements == []
    store.plugin_tables("demo", SEEN, LABELS, version=2)
    assert statements  # a new layout is checked
    assert store.get_meta("plugin:demo:schema_version") == "2"


def test_a_select_by_plain_comparisons_is_compiled_once_for_the_driver(store: Store) -> None:
    """The boilerplate learner reads a source's rows at its first document, so a run over
    many sources selects once per source: a select of plain comparisons runs a statement
    compiled once for its shape on the driver's cursor, not a query SQLAlchemy builds and
    runs again each time. A list (``in``) and None (``IS NULL``) still go through it."""
    seen = store.table(SEEN)
    with store.transaction():
        seen.upsert([Seen("a", "menu", 5), Seen("a", "share", 2, "kept"), Seen("b", "menu", 1)])
    statements: list[str] = []
    sa.event.listen(
        store.connection, "before_cursor_execute", lambda *args: statements.append(args[2])
    )
    assert sorted(seen.select(("source", "=", "a"), ("documents", ">", 1))) == [
        Seen("a", "menu", 5),
        Seen("a", "share", 2, "kept"),
    ]
    assert [row.line for row in seen.select(("source", "=", "b"), ("documents", ">", 0))] == [
        "menu"
    ]
    assert sorted(row.line for row in seen.select()) == ["menu", "menu", "share"]
    assert statements == []  # none of them went through SQLAlchemy's execute
    assert sorted(row.line for row in seen.select(("note", "=", None))) == ["menu", "menu"]
    assert [row.line for row in seen.select(("note", "!=", None))] == ["share"]
    assert [row.source for row in seen.select(("line", "in", ["share"]))] == ["a"]
    assert len(statements) == 3
