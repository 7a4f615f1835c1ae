"""Publish the stories as Atom 1.0 and RSS 2.0 with feedgen.

feedgen's traps, each handled here: ``description()`` after
``content(type='html')`` would drop the HTML type, so the summary is set
first; a control character in any string makes lxml refuse the document, so
every string passes :func:`aggregator.toolkit.text.xml_safe`; naive datetimes raise,
so every date is timezone-aware. The build date is the newest story's
updated time, never "now", so the same stories give the same bytes.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from aggregator import Config, FeedInfo, Option, Story, __version__, hookimpl
from aggregator.output import write_atomic
from aggregator.toolkit.render import (
    clean_title,
    entry_id,
    outlet_name,
    story_content_html,
    story_link,
    story_summary,
    story_updated,
)
from aggregator.toolkit.text import xml_safe

if TYPE_CHECKING:
    from feedgen.feed import FeedGenerator  # imported when a feed is built, not at start-up

NAME = "feed_publisher"
EPOCH = datetime(2000, 1, 1, tzinfo=UTC)
SCHEMA = {
    "atom_file": Option(
        str, "feed.atom", help="file name of the Atom feed in the output directory"
    ),
    "rss_file": Option(str, "feed.rss", help="file name of the RSS feed in the output directory"),
}

_settings: dict[str, Any] = {"config": None, **{key: opt.default for key, opt in SCHEMA.items()}}


@hookimpl
def aggregator_configure(config: Config) -> None:
    _settings.update(config.plugin_options(NAME, SCHEMA), config=config)


@hookimpl
def aggregator_publish(feed: FeedInfo, stories: list[Story], out_dir: Path) -> list[Path]:
    generator = build_generator(feed, stories)
    atom_path = out_dir / _settings["atom_file"]
    rss_path = out_dir / _settings["rss_file"]
    set_links(generator, feed, self_url=feed.url_for(atom_path.name))
    write_atomic(atom_path, generator.atom_str(pretty=True))
    set_links(generator, feed, self_url=feed.url_for(rss_path.name))
    write_atomic(rss_path, generator.rss_str(pretty=True))
    return [atom_path, rss_path]


def set_links(generator: FeedGenerator, feed: FeedInfo, *, self_url: str) -> None:
    # feedgen takes the RSS <link> from the last link given: the home page must come last.
    generator.link(
        [{"href": self_url, "rel": "self"}, {"href": feed.link, "rel": "alternate"}],
        replace=True,
    )


def build_generator(feed: FeedInfo, stories: list[Story]) -> FeedGenerator:
    """A feedgen generator holding ``stories`` as entries (the topic feeds reuse it)."""
    from feedgen.feed import FeedGenerator

    generator = FeedGenerator()
    generator.load_extension("dc", atom=False, rss=True)
    generator.id(feed.id)
    generator.title(xml_safe(feed.title))
    generator.subtitle(xml_safe(feed.description))
    generator.language(feed.language)
    generator.generator("aggregator", version=__version__)
    if feed.author:
        generator.author({"name": xml_safe(feed.author)})
    updated = feed.updated or EPOCH
    generator.updated(updated)
    generator.lastBuildDate(updated)
    config: Config | None = _settings["config"]
    for story in stories:
        entry = generator.add_entry(order="append")
        _fill_entry(entry, feed, story)
        if config is not None and config.hooks is not None:
            config.hooks.feed_entry(entry, story)
    return generator


def _fill_entry(entry: Any, feed: FeedInfo, story: Story) -> None:
    item = story.representative
    identifier = entry_id(feed, story)
    entry.id(identifier)
    entry.guid(identifier, permalink=False)
    entry.title(clean_title(item))
    entry.link(href=story_link(feed, story), rel="alternate")
    entry.published(story.published)
    entry.updated(story_updated(story))
    summary = story_summary(story)
    if summary:
        entry.summary(summary)
    entry.content(story_content_html(story), type="html")
    for topic in story.topics:
        entry.category(term=xml_safe(topic))
    for author in item.authors:
        entry.author({"name": xml_safe(author)})
        entry.dc.dc_creator(xml_safe(author))
    if not item.authors:
        entry.author({"name": xml_safe(outlet_name(item))})
