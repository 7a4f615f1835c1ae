"""Story bookkeeping after clustering: ids, representatives, first-seen and updated times.

Clustering plugins only decide which story an item belongs to; everything a
feed reader relies on (an id that never changes, an updated time that moves
when a report joins) is kept here, by the core, the same way for every
clusterer.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Set
from datetime import datetime
from typing import TYPE_CHECKING, Protocol, TypeVar

from .models import Item, stable_id
from .store_rows import StoryRow

if TYPE_CHECKING:  # the worker processes, which never open the store, import this module
    from .store import Store

ORIGINAL_SHARE = 0.85


M = TypeVar("M", bound="Member")


class Member(Protocol):
    """What the bookkeeping reads of a story's member: an :class:`Item`, or the
    :class:`~aggregator.store_rows.MemberFacts` of a stored one."""

    @property
    def id(self) -> str: ...
    @property
    def text(self) -> str: ...
    @property
    def published(self) -> datetime | None: ...
    @property
    def updated(self) -> datetime | None: ...
    @property
    def first_seen(self) -> datetime | None: ...


def new_story_id(item: Item) -> str:
    """The id of a story started by ``item``: derived from it, so reruns agree."""
    return stable_id("story", item.id)


def choose_representative(items: Iterable[M]) -> M:
    """The fullest, most original report.

    Reports within 85% of the longest text count as full; among them the
    earliest wins (the original rather than a later copy), then the id.
    """
    candidates = list(items)
    longest = max(len(item.text) for item in candidates)
    full = [item for item in candidates if len(item.text) >= ORIGINAL_SHARE * longest]
    return min(full, key=lambda item: (_sort_date(item), item.id))


def _sort_date(item: Member) -> str:
    date = item.published or item.first_seen
    return date.isoformat() if date else ""


def story_date(items: Iterable[Member]) -> datetime:
    """When the event was first reported: the earliest publication, else the first sighting."""
    members = list(items)
    dated = [item.published for item in members if item.published]
    if dated:
        return min(dated)
    return min(item.first_seen for item in members if item.first_seen)


def latest_change(items: Iterable[Member]) -> datetime:
    return max(
        stamp
        for item in items
        for stamp in (item.updated or item.published or item.first_seen,)
        if stamp is not None
    )


def update_stories(
    store: Store,
    items: Iterable[Item],
    previous: Mapping[str, str | None],
    now: datetime,
    unchanged: Set[str] = frozenset(),
) -> tuple[int, int]:
    """Bring the story rows touched by ``items`` up to date; return (new, updated) counts.

    ``previous`` maps the id of every item stored before this batch to the
    story it belonged to then (None when it had none); items absent from it
    are new. A story an item left is refreshed or removed; a story an item
    joined, or whose item changed, moves its updated time; an item processed
    again with the same content (``unchanged``, after a settings change) does
    not, so subscribers are not told of updates that changed nothing.
    """
    batch = list(items)
    joined: dict[str, bool] = {}
    affected: set[str] = set()
    for item in batch:
        before = previous.get(item.id)
        if before and before != item.story_id:
            affected.add(before)
        if item.story_id:
            affected.add(item.story_id)
            if item.id not in unchanged or before != item.story_id:
                joined[item.story_id] = True
    story_ids = sorted(affected)
    rows = store.story_rows(story_ids)
    members_of = store.story_members(story_ids)
    in_batch = {item.id: item for item in batch}
    stored = store.member_facts(
        [item_id for ids in members_of.values() for item_id in ids if item_id not in in_batch]
    )
    created = changed = 0
    saved: list[StoryRow] = []
    for story_id in story_ids:
        member_ids = members_of.get(story_id, [])
        members: list[Member] = [
            in_batch.get(item_id) or stored[item_id]
            for item_id in member_ids
            if item_id in in_batch or item_id in stored
        ]
        if not members:
            store.delete_stories([story_id])
            continue
        representative = choose_representative(members)
        row = rows.get(story_id)
        if row is None:
            created += 1
            first_seen = min(item.first_seen or now for item in members)
            updated = latest_change(members)
        else:
            first_seen = row.first_seen
            updated = row.updated
            if joined.get(story_id):
                changed += 1
                updated = max(now, row.updated)
        saved.append(
            StoryRow(
                id=story_id,
                representative=representative.id,
                first_seen=first_seen,
                updated=updated,
                date=story_date(members),
                size=len(members),
            )
        )
    store.save_stories(saved)
    return created, changed
