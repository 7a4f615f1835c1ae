"""Publish one Atom and one RSS feed per topic: ``topics/<slug>.atom`` and ``.rss``.

Off by default; turn it on with ``[plugins.topic_feeds] enabled = true``. For
each topic among the published stories it writes a feed with only that
topic's stories, in the order of the main feed, built with
:mod:`aggregator.toolkit.atom_rss` like the main feed, so that every entry is
the same as there: same id, link, content and categories, and the same
``aggregator_feed_entry`` adjustments. Only the feed-level id, title,
subtitle, self link and updated time differ.

Slugs come from :func:`aggregator.toolkit.topics.topic_slugs`, as the HTML
page's topic filters do; the page links these feeds through
``aggregator_outputs``.

A topic that leaves the feed window keeps its last files: a reader subscribed
to it sees no new entries rather than an error.
"""

from __future__ import annotations

import dataclasses
import uuid
from pathlib import Path

from aggregator import Config, FeedInfo, Option, Output, StashKey, Story, hookimpl
from aggregator.toolkit.atom_rss import ATOM_TYPE, RSS_TYPE, build_generator, write_atom_and_rss
from aggregator.toolkit.render import story_updated
from aggregator.toolkit.text import xml_safe
from aggregator.toolkit.topics import stories_by_topic, topic_slugs

NAME = "topic_feeds"
TOPICS_DIR = "topics"
SCHEMA = {
    "enabled": Option(
        bool, False, help="write topics/<slug>.atom and topics/<slug>.rss for every topic"
    ),
}
ENABLED = StashKey[bool]()


@hookimpl
def aggregator_configure(config: Config) -> None:
    config.stash[ENABLED] = bool(config.plugin_options(NAME, SCHEMA)["enabled"])


def topic_feed_files(slug: str) -> tuple[str, str]:
    """The Atom and RSS file names of a topic, relative to the output directory."""
    return f"{TOPICS_DIR}/{slug}.atom", f"{TOPICS_DIR}/{slug}.rss"


def topic_feed_id(feed: FeedInfo, topic: str) -> str:
    """A permanent IRI for the topic's feed, derived from the main feed's id."""
    return f"urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, feed.id + '#topic:' + topic)}"


def _topics_by_slug(stories: list[Story]) -> list[tuple[str, str]]:
    """(topic, slug) of every topic among ``stories``, in slug order."""
    slugs = topic_slugs(stories_by_topic(stories))
    return sorted(slugs.items(), key=lambda pair: pair[1])


@hookimpl
def aggregator_outputs(feed: FeedInfo, stories: list[Story], config: Config) -> list[Output]:
    if not config.stash[ENABLED]:
        return []
    outputs: list[Output] = []
    for topic, slug in _topics_by_slug(stories):
        atom_file, rss_file = topic_feed_files(slug)
        title = f"{xml_safe(feed.title)}: {xml_safe(topic)}"
        outputs.append(Output(atom_file, ATOM_TYPE, title, "Atom", topic=topic))
        outputs.append(Output(rss_file, RSS_TYPE, title, "RSS", topic=topic))
    return outputs


@hookimpl
def aggregator_publish(
    feed: FeedInfo, stories: list[Story], out_dir: Path, config: Config
) -> list[Path]:
    if not config.stash[ENABLED]:
        return []
    grouped = stories_by_topic(stories)
    paths: list[Path] = []
    for topic, slug in _topics_by_slug(stories):
        paths.extend(_publish_topic(feed, topic, slug, grouped[topic], out_dir, config))
    return paths


def _publish_topic(
    feed: FeedInfo, topic: str, slug: str, stories: list[Story], out_dir: Path, config: Config
) -> list[Path]:
    # Entries keep the main feed's ids (the same story is the same entry in
    # every feed); only the feed's own id, title and dates are the topic's.
    topic_feed = dataclasses.replace(
        feed, updated=max((story_updated(story) for story in stories), default=None)
    )
    on_entry = config.hooks.feed_entry if config.hooks is not None else None
    generator = build_generator(topic_feed, stories, on_entry=on_entry)
    generator.id(topic_feed_id(feed, topic))
    generator.title(xml_safe(f"{feed.title}: {topic}"))
    generator.subtitle(xml_safe(f"Stories about {topic} from {feed.title}"))
    atom_file, rss_file = topic_feed_files(slug)
    return write_atom_and_rss(generator, feed, out_dir, atom_file, rss_file)
