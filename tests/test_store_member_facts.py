"""Store.member_facts reads what story bookkeeping needs of stored items, as get_items would."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest

from aggregator import Item
from aggregator import store as store_module
from aggregator.store import Store
from aggregator.stories import choose_representative, latest_change, story_date


@pytest.mark.parametrize("sqlite_json", [True, False], ids=["json_extract", "python"])
def test_member_facts_agree_with_whole_items(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, sqlite_json: bool
) -> None:
    """Both ways of reading the facts: SQLite's json_extract, and decoding in Python (an
    SQLite older than 3.38, and PostgreSQL)."""
    monkeypatch.setattr(store_module, "SQLITE_JSON", sqlite_json)
    tokyo = timezone(timedelta(hours=9))
    seen = datetime(2026, 3, 1, 8, 0, tzinfo=UTC)
    items = [
        Item(
            id="a",
            source="s",
            uri="a.txt",
            title="A",
            text="one two three",
            published=datetime(2026, 3, 1, 9, 30, tzinfo=tokyo),
            first_seen=seen,
        ),
        Item(id="b", source="s", uri="b.txt", title="B", text="one two", first_seen=seen),
        Item(
            id="c",
            source="s",
            uri="c.txt",
            title="C",
            text="one two three four",
            updated=datetime(2026, 3, 2, tzinfo=UTC),
            first_seen=seen + timedelta(hours=1),
        ),
    ]
    store = Store.open(tmp_path / "state.db")
    try:
        with store.transaction():
            store.save_items(items)
        ids = ["a", "b", "c", "missing"]
        whole = store.get_items(ids)
        facts = store.member_facts(ids)
    finally:
        store.close()
    assert set(facts) == set(whole) == {"a", "b", "c"}
    for item_id, item in whole.items():
        fact = facts[item_id]
        assert (fact.id, fact.text, fact.published, fact.updated, fact.first_seen) == (
            item.id,
            item.text,
            item.published,
            item.updated,
            item.first_seen,
        )
        assert fact.published is None or fact.published.utcoffset() == item.published.utcoffset()
    members = list(facts.values())
    assert choose_representative(members).id == choose_representative(list(whole.values())).id
    assert story_date(members) == story_date(whole.values())
    assert latest_change(members) == latest_change(whole.values())
