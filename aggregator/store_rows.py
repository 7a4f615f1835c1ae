"""The values the store hands back, and how it writes times and JSON: the same text
on every backend."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, NamedTuple

from .models import utc_text


@dataclass(frozen=True)
class DocumentState:
    uri: str
    size: int | None
    mtime_ns: int | None
    sha1: str | None
    item_ids: tuple[str, ...]

    @property
    def done(self) -> bool:
        """False for a document recorded without its hash: some of its items did not
        reach the store, and the next run processes it again."""
        return self.sha1 is not None


@dataclass(frozen=True)
class StoryRow:
    id: str
    representative: str
    first_seen: datetime
    updated: datetime
    date: datetime
    size: int


def iso(value: datetime) -> str:
    if value.tzinfo is UTC and type(value) is datetime:
        return utc_text(value)
    return value.astimezone(UTC).isoformat()


def parse_iso(value: str) -> datetime:
    parsed = datetime.fromisoformat(value)
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


_ENCODER = json.JSONEncoder(
    ensure_ascii=False, separators=(",", ":"), sort_keys=True, check_circular=False
)
"""What ``json.dumps`` builds for these options at every call (it keeps no state between
calls): built once, as the store writes an item's JSON for every item it stores. What it
encodes is made for it (an item's ``to_dict``, a list of ids, a source's state), never a
structure that holds itself, so it does not track the containers it is inside of (a
tenth of the encoding's cost)."""


def dumps(data: Any) -> str:
    return _ENCODER.encode(data)


def story_row(row: Sequence[Any]) -> StoryRow:
    return StoryRow(
        id=row[0],
        representative=row[1],
        first_seen=parse_iso(row[2]),
        updated=parse_iso(row[3]),
        date=parse_iso(row[4]),
        size=int(row[5]),
    )


class MemberFacts(NamedTuple):
    """What story bookkeeping reads of a stored item (see :func:`aggregator.stories.
    update_stories`): decoding only these costs half of building the whole
    :class:`~aggregator.models.Item`, and a batch reads back every member of the
    stories it touches."""

    id: str
    text: str
    published: datetime | None
    updated: datetime | None
    first_seen: datetime | None


def member_facts(data: dict[str, Any]) -> MemberFacts:
    """The facts of an item's ``to_dict`` form, as ``Item.from_dict`` would read them."""
    return member_facts_of([data["id"], *map(data.get, _FACT_KEYS)])


_FACT_KEYS = ("text", "published", "updated", "first_seen")
FACT_PATHS = ("$.id", *(f"$.{key}" for key in _FACT_KEYS))
"""Where the facts lie in an item's JSON, in the order of :class:`MemberFacts`."""


def member_facts_of(values: Sequence[Any]) -> MemberFacts:
    """The facts from the values at :data:`FACT_PATHS` (null where a path is absent), as
    :func:`member_facts` reads them (the text of every stored item is a string)."""
    item_id, text, published, updated, first_seen = values
    return MemberFacts(
        item_id,
        "" if text is None else text,
        _optional_iso(published),
        _optional_iso(updated),
        _optional_iso(first_seen),
    )


def _optional_iso(value: str | None) -> datetime | None:
    return parse_iso(value) if value else None
