"""Store.save_items writes a batch a slice at a time: every item stored, never the
whole batch's rows held at once."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from aggregator import Item
from aggregator import store as store_module
from aggregator.store import Store
from aggregator.store_engine import DriverStatement

SEEN = datetime(2026, 4, 2, 6, 0, tzinfo=UTC)


def _items(count: int) -> list[Item]:
    return [
        Item(id=f"i{n}", source="s", uri=f"{n}.txt", title=f"T{n}", text="x", first_seen=SEEN)
        for n in range(count)
    ]


def test_a_batch_is_written_in_slices(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(store_module, "SAVE_SLICE", 3)
    written: list[int] = []
    run_many = DriverStatement.run_many

    def counted(self: DriverStatement, connection: Any, rows: Any) -> None:
        rows = list(rows)
        if "items" in self.sql.split("(")[0]:
            written.append(len(rows))
        run_many(self, connection, rows)

    monkeypatch.setattr(DriverStatement, "run_many", counted)
    store = Store.open(tmp_path / "state.db")
    try:
        with store.transaction():
            store.save_items(_items(8))
        stored = store.get_items([f"i{n}" for n in range(8)])
    finally:
        store.close()
    assert written == [3, 3, 2]
    assert sorted(stored) == sorted(f"i{n}" for n in range(8))
    assert stored["i7"].title == "T7"


def test_an_item_without_first_seen_stores_none_of_the_batch(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(store_module, "SAVE_SLICE", 2)
    items = _items(5)
    items[4].first_seen = None
    store = Store.open(tmp_path / "state.db")
    try:
        with pytest.raises(ValueError, match="i4 has no first_seen"):
            store.save_items(items)
        assert store.get_items([item.id for item in items]) == {}
    finally:
        store.close()
