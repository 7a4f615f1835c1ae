"""Publish the stories as JSON Feed 1.1 (https://jsonfeed.org/version/1.1).

Each item carries the same id, link, title, summary and HTML as the Atom and
RSS entries (:mod:`aggregator.toolkit.render`), dates in RFC 3339 (no
``date_published`` for a story whose reports carry no date; ``date_modified``
always), the byline or outlet as ``authors`` (none when neither is known),
topics as ``tags``, and an ``_aggregator`` extension object with what only
this feed can say in a structured way::

    "_aggregator": {
      "story_id": "…",
      "members": [{"outlet": "…", "title": "…", "link": "https://…"},   # representative first
                  {"title": "…"}],              # outlet and link only when known
      "topics": ["defence", "trade"],
      "entities": [{"name": "Narendra Modi", "kind": "person", "count": 3}],
      "relevance": {"score": 4.5, "threshold": 2.0, "reasons": ["…"]}    # or null
    }

``entities`` merges the entities of every report of the story (counts add
up), most mentioned first. ``relevance`` is the representative's.

The output is UTF-8, indented, with keys in a fixed order, and only depends
on the stories: the same stories give the same bytes. Serve it as
``application/feed+json``.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from aggregator import Config, FeedInfo, Item, Option, Output, StashKey, Story, hookimpl
from aggregator.output import write_atomic
from aggregator.toolkit.render import (
    clean_title,
    entry_id,
    outlet_name,
    publication_date,
    sanitize_html,
    story_authors,
    story_content_html,
    story_link,
    story_summary,
    story_updated,
)
from aggregator.toolkit.text import xml_safe

NAME = "jsonfeed_publisher"
VERSION = "https://jsonfeed.org/version/1.1"
MEDIA_TYPE = "application/feed+json"
SCHEMA = {
    "file": Option(str, "feed.json", help="file name of the JSON Feed in the output directory"),
}

FILE = StashKey[str]()


@hookimpl
def aggregator_configure(config: Config) -> None:
    config.stash[FILE] = config.plugin_options(NAME, SCHEMA)["file"]


@hookimpl
def aggregator_outputs(feed: FeedInfo, config: Config) -> list[Output]:
    return [Output(config.stash[FILE], MEDIA_TYPE, xml_safe(feed.title), "JSON Feed")]


@hookimpl
def aggregator_publish(
    feed: FeedInfo, stories: list[Story], out_dir: Path, config: Config
) -> list[Path]:
    path = out_dir / config.stash[FILE]
    document = build_json_feed(feed, stories, feed_url=feed.url_for(path.name))
    write_atomic(path, json_feed_bytes(document))
    return [path]


def rfc3339(value: datetime) -> str:
    """An RFC 3339 timestamp in UTC to the second, e.g. ``2026-03-06T09:30:00Z``."""
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    return value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def json_feed_bytes(document: dict[str, Any]) -> bytes:
    """The feed as UTF-8 JSON, indented, ending with a newline."""
    text = json.dumps(document, ensure_ascii=False, indent=2) + "\n"
    return text.encode("utf-8", errors="replace")


def build_json_feed(feed: FeedInfo, stories: list[Story], *, feed_url: str) -> dict[str, Any]:
    """The JSON Feed 1.1 document for ``stories``, in their order, as plain data."""
    document: dict[str, Any] = {
        "version": VERSION,
        "title": xml_safe(feed.title),
        "home_page_url": feed.link,
        "feed_url": feed_url,
        "description": xml_safe(feed.description),
        "language": feed.language,
    }
    if feed.author:
        document["authors"] = [{"name": xml_safe(feed.author)}]
    document["items"] = [json_feed_item(feed, story) for story in stories]
    return document


def json_feed_item(feed: FeedInfo, story: Story) -> dict[str, Any]:
    item = story.representative
    entry: dict[str, Any] = {
        "id": entry_id(feed, story),
        "url": story_link(feed, story),
        "title": clean_title(item),
    }
    summary = story_summary(story)
    if summary:
        entry["summary"] = summary
    entry["content_html"] = sanitize_html(story_content_html(story))
    published = publication_date(story)
    if published is not None:
        entry["date_published"] = rfc3339(published)
    entry["date_modified"] = rfc3339(story_updated(story))
    if story.topics:
        entry["tags"] = [xml_safe(topic) for topic in story.topics]
    authors = story_authors(item)
    if authors:
        entry["authors"] = [{"name": author} for author in authors]
    if item.language:
        entry["language"] = item.language
    entry["_aggregator"] = extension(story)
    return entry


def extension(story: Story) -> dict[str, Any]:
    """The ``_aggregator`` object of one item: reports, topics, entities, relevance."""
    relevance = story.representative.relevance
    return {
        "story_id": story.id,
        "members": [_member(item) for item in story.items],
        "topics": [xml_safe(topic) for topic in story.topics],
        "entities": _entities(story),
        "relevance": (
            {
                "score": round(relevance.score, 4),
                "threshold": relevance.threshold,
                "reasons": [xml_safe(reason) for reason in relevance.reasons],
            }
            if relevance is not None
            else None
        ),
    }


def _member(item: Item) -> dict[str, str]:
    member: dict[str, str] = {}
    outlet = outlet_name(item)
    if outlet:
        member["outlet"] = outlet
    member["title"] = clean_title(item)
    if item.link:
        member["link"] = item.link
    return member


def _entities(story: Story) -> list[dict[str, Any]]:
    counts: dict[tuple[str, str], int] = {}
    for item in story.items:
        for entity in item.entities:
            key = (entity.name, entity.kind)
            counts[key] = counts.get(key, 0) + entity.count
    ordered = sorted(counts.items(), key=lambda pair: (-pair[1], pair[0][0], pair[0][1]))
    return [
        {"name": xml_safe(name), "kind": kind, "count": count} for (name, kind), count in ordered
    ]
