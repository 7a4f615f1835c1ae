"""The data that flows through a run: documents in, items through the stages, stories out.

Every model serialises to a plain JSON-compatible dict (``to_dict``) and back
(``from_dict``); the store keeps items and stories in that form, so a field a
later stage adds survives a round trip without a schema change.
"""

from __future__ import annotations

import copyreg
import hashlib
from dataclasses import dataclass, field, fields
from datetime import UTC, datetime
from functools import lru_cache
from operator import attrgetter
from typing import Any, TypeVar

T = TypeVar("T")


def stable_id(*parts: str, length: int = 16) -> str:
    """A short, stable hex id from its parts (sha1 of the parts joined by NUL)."""
    digest = hashlib.sha1("\0".join(parts).encode("utf-8")).hexdigest()
    return digest[:length]


def pickled_by_fields(cls: type[T]) -> type[T]:
    """Give a dataclass that worker processes send back by the thousand (each item, its
    entities, removals and relevance, the results that carry it) a ``__reduce__``:
    pickled as its fields in order, it is unpickled by one call of the constructor, about
    half the time of setting its state, and pickled a little faster. An instance of a
    subclass, or with attributes of its own, is pickled as usual."""
    values = attrgetter(*(item.name for item in fields(cls)))  # type: ignore[arg-type]
    count = len(fields(cls))  # type: ignore[arg-type]

    def __reduce__(self: T) -> tuple[Any, ...]:
        if type(self) is cls and len(self.__dict__) == count:
            return cls, values(self)
        return copyreg.__newobj__, (type(self),), self.__dict__  # type: ignore[attr-defined]

    cls.__reduce__ = __reduce__  # type: ignore[assignment,method-assign]
    return cls


def _iso(value: datetime | None) -> str | None:
    if value is None:
        return None
    if value.tzinfo is UTC and type(value) is datetime:
        return utc_text(value)
    return value.isoformat()


@lru_cache(maxsize=256)
def utc_text(value: datetime) -> str:
    """``value.isoformat()`` of a datetime in UTC, remembered: the run's time is every new
    item's first seen and every document's and story's time of the run, written two to
    four times an item (4 µs each). Two equal datetimes in UTC are the same instant, so
    they have the same text."""
    return value.isoformat()


def _from_iso(value: str | None) -> datetime | None:
    if not value:
        return None
    parsed = datetime.fromisoformat(value)
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


@dataclass
class Document:
    """One raw input as a source delivered it, before parsing.

    ``content`` is always bytes: parsers decide the encoding, because only they
    know where a format declares it. A fetcher that could not read an input
    still delivers it, with ``error`` set and no content, so that the core
    records the failure against that input and goes on with the others.
    """

    source: str
    uri: str
    content: bytes
    media_type: str
    fetched_at: datetime
    encoding: str | None = None
    etag: str | None = None
    last_modified: str | None = None
    error: str | None = None
    meta: dict[str, Any] = field(default_factory=dict)

    @property
    def content_hash(self) -> str:
        return hashlib.sha1(self.content).hexdigest()


@pickled_by_fields
@dataclass
class Entity:
    """A named person, organisation, place or event, in canonical form."""

    name: str
    kind: str
    mentions: list[str] = field(default_factory=list)
    count: int = 1
    known: bool = True

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "kind": self.kind,
            "mentions": list(self.mentions),
            "count": self.count,
            "known": self.known,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Entity:
        return cls(
            name=data["name"],
            kind=data["kind"],
            mentions=list(data.get("mentions", [])),
            count=int(data.get("count", 1)),
            known=bool(data.get("known", True)),
        )


@pickled_by_fields
@dataclass
class Relevance:
    """How relevant an item is to the feed, and why, in words a person can check."""

    score: float
    threshold: float
    reasons: list[str] = field(default_factory=list)

    @property
    def kept(self) -> bool:
        return self.score >= self.threshold

    def to_dict(self) -> dict[str, Any]:
        return {
            "score": round(self.score, 4),
            "threshold": self.threshold,
            "kept": self.kept,
            "reasons": list(self.reasons),
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Relevance:
        return cls(
            score=float(data["score"]),
            threshold=float(data["threshold"]),
            reasons=list(data.get("reasons", [])),
        )


@pickled_by_fields
@dataclass
class Removal:
    """One piece of text a cleaning plugin removed, and the rule that removed it."""

    text: str
    rule: str
    plugin: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "rule": self.rule, "plugin": self.plugin}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Removal:
        return cls(text=data["text"], rule=data["rule"], plugin=data.get("plugin", ""))


@pickled_by_fields
@dataclass
class Item:
    """One article. Stages mutate it in place; the store keeps its latest state.

    ``id`` derives from the source and the source-local identity (relative path,
    feed GUID, canonical URL), so the same article keeps its id on every run.
    ``first_seen`` is set by the store and is the date of record when the
    article carries no date of its own. ``html`` is sanitized HTML: the parser
    that makes the item passes it through
    :func:`aggregator.toolkit.html.sanitize_html`, and later stages rely on it.
    """

    id: str
    source: str
    uri: str
    title: str
    text: str
    link: str | None = None
    guid: str | None = None
    summary: str = ""
    html: str = ""
    published: datetime | None = None
    updated: datetime | None = None
    first_seen: datetime | None = None
    authors: list[str] = field(default_factory=list)
    outlet: str | None = None
    dateline: str | None = None
    language: str | None = None
    topics: list[str] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    relevance: Relevance | None = None
    story_id: str | None = None
    removed: list[Removal] = field(default_factory=list)
    dropped: str | None = None
    content_hash: str = ""
    extras: dict[str, Any] = field(default_factory=dict)

    @property
    def date(self) -> datetime | None:
        """The date of record: published, else updated, else first seen."""
        return self.published or self.updated or self.first_seen

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "source": self.source,
            "uri": self.uri,
            "link": self.link,
            "guid": self.guid,
            "title": self.title,
            "summary": self.summary,
            "text": self.text,
            "html": self.html,
            "published": _iso(self.published),
            "updated": _iso(self.updated),
            "first_seen": _iso(self.first_seen),
            "authors": list(self.authors),
            "outlet": self.outlet,
            "dateline": self.dateline,
            "language": self.language,
            "topics": list(self.topics),
            "entities": [entity.to_dict() for entity in self.entities],
            "relevance": self.relevance.to_dict() if self.relevance else None,
            "story_id": self.story_id,
            "removed": [removal.to_dict() for removal in self.removed],
            "dropped": self.dropped,
            "content_hash": self.content_hash,
            "extras": dict(self.extras),
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Item:
        relevance = data.get("relevance")
        return cls(
            id=data["id"],
            source=data["source"],
            uri=data["uri"],
            link=data.get("link"),
            guid=data.get("guid"),
            title=data.get("title", ""),
            summary=data.get("summary", ""),
            text=data.get("text", ""),
            html=data.get("html", ""),
            published=_from_iso(data.get("published")),
            updated=_from_iso(data.get("updated")),
            first_seen=_from_iso(data.get("first_seen")),
            authors=list(data.get("authors", [])),
            outlet=data.get("outlet"),
            dateline=data.get("dateline"),
            language=data.get("language"),
            topics=list(data.get("topics", [])),
            entities=[Entity.from_dict(entity) for entity in data.get("entities", [])],
            relevance=Relevance.from_dict(relevance) if relevance else None,
            story_id=data.get("story_id"),
            removed=[Removal.from_dict(removal) for removal in data.get("removed", [])],
            dropped=data.get("dropped"),
            content_hash=data.get("content_hash", ""),
            extras=dict(data.get("extras", {})),
        )


@dataclass
class Story:
    """Reports of one event: a representative item plus the others that also reported it.

    ``id`` never changes once issued. ``updated`` moves when a report joins.
    """

    id: str
    representative: Item
    members: list[Item] = field(default_factory=list)
    first_seen: datetime | None = None
    updated: datetime | None = None
    score: float = 0.0

    @property
    def items(self) -> list[Item]:
        """The representative first, then every other report."""
        return [self.representative, *self.members]

    @property
    def published(self) -> datetime:
        """The story's date: its earliest dated report, else when it was first seen."""
        dates = [item.published for item in self.items if item.published]
        if dates:
            return min(dates)
        return self.first_seen or self.representative.date or datetime.fromtimestamp(0, UTC)

    @property
    def topics(self) -> list[str]:
        seen: dict[str, None] = {}
        for item in self.items:
            for topic in item.topics:
                seen.setdefault(topic, None)
        return list(seen)


@dataclass
class FeedInfo:
    """The feed being published, as configured in the ``[feed]`` table."""

    title: str
    link: str
    description: str
    id: str
    language: str = "en"
    author: str = ""
    base_url: str = ""
    updated: datetime | None = None
    extras: dict[str, Any] = field(default_factory=dict)

    def url_for(self, filename: str) -> str:
        """The public URL of an output file, for self and alternate links."""
        base = self.base_url or self.link
        return base.rstrip("/") + "/" + filename


@dataclass(frozen=True)
class Output:
    """One file a publisher writes, as announced by ``aggregator_outputs``.

    ``file`` is relative to the output directory. ``kind`` says what it is
    for: ``"feed"`` (subscribe to it), ``"subscriptions"`` (an OPML list of
    sources) or ``"page"`` (for people). A per-topic feed names its ``topic``.
    """

    file: str
    media_type: str
    title: str
    label: str
    kind: str = "feed"
    topic: str | None = None
