"""The exact keys a report joins a story by: its canonical URL and the hash of its text.

A report re-sent under a new id, or the same text in other markup, joins the story
its key joined before, without any comparison. The clusterer keeps the keys in its
table ``cluster_keys`` and looks up a whole batch's at once.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import NamedTuple

from aggregator.tables import Table, TableAccess
from aggregator.toolkit.story_evidence import canonical_url


class KeyRow(NamedTuple):
    """An exact key of a report (canonical URL or text hash) and the story it joined."""

    key: str
    story_id: str
    seen: str = ""
    """When first stored; kept :data:`KEY_DAYS` (rows from before this column: from the
    first run that finds them)."""


KEY_DAYS = 90
"""How long a key joins a re-sent report to its story (``index_days`` when that is longer)."""
KEYS = Table("cluster_keys", KeyRow, key=("key",), indexes=("seen",))
KEYS_A_LOOKUP = 500
"""Keys looked up in one statement: under both backends' limits on bound parameters."""


def exact_keys(link: str | None, text_key: str) -> list[str]:
    """A report's exact keys, in the order they are looked up: its text, its URL."""
    keys = [f"text:{text_key}"]
    if link:
        keys.append(f"url:{canonical_url(link)}")
    return keys


def stored_stories(table: TableAccess[KeyRow], keys: set[str]) -> dict[str, str]:
    """The story of each of ``keys`` stored before this batch: one statement for many keys,
    where a lookup per report cost a round trip each."""
    ordered = sorted(keys)
    found: dict[str, str] = {}
    for start in range(0, len(ordered), KEYS_A_LOOKUP):
        chunk = ordered[start : start + KEYS_A_LOOKUP]
        found.update((row.key, row.story_id) for row in table.select(("key", "in", chunk)))
    return found


def story_by_key(
    stored: Callable[[str], str | None], new: dict[str, str], keys: list[str]
) -> str | None:
    """The story of the first key known, stored before this batch or new in it."""
    for key in keys:
        story_id = stored(key)
        if story_id is not None:
            return story_id
        if key in new:
            return new[key]
    return None
