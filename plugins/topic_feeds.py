"""Publish one Atom and one RSS feed per topic: ``topics/<slug>.atom`` and ``.rss``.

Off by default; turn it on with ``[plugins.topic_feeds] enabled = true``. For
each topic among the published stories it writes a feed with only that
topic's stories, in the order of the main feed, built by the Atom/RSS
publisher (:mod:`aggregator.plugins.feed_publisher`) so that every entry is the
same as in the main feed: same id, link, content and categories. Only the
feed-level id, title, subtitle, self link and updated time differ.

A topic's slug is lowercase ASCII with hyphens (``"maritime security"`` →
``maritime-security``, ``"AI"`` → ``ai``); two topics that would share a slug
get ``-2``, ``-3``… in the order of their names. The HTML page uses the same
slugs for its topic filters and its autodiscovery links
(:func:`topic_slugs`, :func:`topic_feed_files`, :func:`enabled_in`).

A topic that leaves the feed window keeps its last files: a reader subscribed
to it sees no new entries rather than an error.
"""

from __future__ import annotations

import dataclasses
import re
import unicodedata
import uuid
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from aggregator import Config, FeedInfo, Option, Story, hookimpl, stable_id
from aggregator.output import write_atomic
from aggregator.toolkit.render import story_updated
from aggregator.toolkit.text import xml_safe

from . import feed_publisher

NAME = "topic_feeds"
TOPICS_DIR = "topics"
SCHEMA = {
    "enabled": Option(
        bool, False, help="write topics/<slug>.atom and topics/<slug>.rss for every topic"
    ),
}

_settings: dict[str, Any] = {"enabled": False}


@hookimpl
def aggregator_configure(config: Config) -> None:
    _settings.update(config.plugin_options(NAME, SCHEMA))


def enabled_in(config: Config) -> bool:
    """Whether this plugin is loaded in ``config``'s project and writes topic feeds."""
    if NAME in config.plugins.get("disable", []):
        return False
    if config.hooks is not None and not config.hooks.pm.has_plugin(NAME):
        return False
    return bool(config.plugin_options(NAME, SCHEMA)["enabled"])


def topic_slug(topic: str) -> str:
    """Lowercase ASCII words joined by hyphens; a hash when nothing ASCII is left."""
    ascii_text = unicodedata.normalize("NFKD", topic).encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    return slug or "topic-" + stable_id(topic, length=8)


def topic_slugs(topics: Iterable[str]) -> dict[str, str]:
    """A unique slug for each topic, the same for the same set of topics."""
    slugs: dict[str, str] = {}
    taken: set[str] = set()
    for topic in sorted(set(topics), key=lambda name: (topic_slug(name), name)):
        base = slug = topic_slug(topic)
        number = 2
        while slug in taken:
            slug = f"{base}-{number}"
            number += 1
        taken.add(slug)
        slugs[topic] = slug
    return slugs


def topic_feed_files(slug: str) -> tuple[str, str]:
    """The Atom and RSS file names of a topic, relative to the output directory."""
    return f"{TOPICS_DIR}/{slug}.atom", f"{TOPICS_DIR}/{slug}.rss"


def stories_by_topic(stories: Iterable[Story]) -> dict[str, list[Story]]:
    """Each topic's stories, in the order given; topics in order of first appearance."""
    grouped: dict[str, list[Story]] = {}
    for story in stories:
        for topic in story.topics:
            grouped.setdefault(topic, []).append(story)
    return grouped


def topic_feed_id(feed: FeedInfo, topic: str) -> str:
    """A permanent IRI for the topic's feed, derived from the main feed's id."""
    return f"urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, feed.id + '#topic:' + topic)}"


@hookimpl
def aggregator_publish(feed: FeedInfo, stories: list[Story], out_dir: Path) -> list[Path]:
    if not _settings["enabled"]:
        return []
    grouped = stories_by_topic(stories)
    slugs = topic_slugs(grouped)
    paths: list[Path] = []
    for topic, slug in sorted(slugs.items(), key=lambda pair: pair[1]):
        paths.extend(_publish_topic(feed, topic, slug, grouped[topic], out_dir))
    return paths


def _publish_topic(
    feed: FeedInfo, topic: str, slug: str, stories: list[Story], out_dir: Path
) -> list[Path]:
    # Entries keep the main feed's ids (the same story is the same entry in
    # every feed); only the feed's own id, title and dates are the topic's.
    topic_feed = dataclasses.replace(
        feed, updated=max((story_updated(story) for story in stories), default=None)
    )
    generator = feed_publisher.build_generator(topic_feed, stories)
    generator.id(topic_feed_id(feed, topic))
    generator.title(xml_safe(f"{feed.title}: {topic}"))
    generator.subtitle(xml_safe(f"Stories about {topic} from {feed.title}"))
    atom_name, rss_name = topic_feed_files(slug)
    atom_path, rss_path = out_dir / atom_name, out_dir / rss_name
    feed_publisher.set_links(generator, feed, self_url=feed.url_for(atom_name))
    write_atomic(atom_path, generator.atom_str(pretty=True))
    feed_publisher.set_links(generator, feed, self_url=feed.url_for(rss_name))
    write_atomic(rss_path, generator.rss_str(pretty=True))
    return [atom_path, rss_path]
