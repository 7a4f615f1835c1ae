"""Atom 1.0 and RSS 2.0 from stories, with feedgen: one way for every feed of a project.

The main feed and the per-topic feeds are built here, so an entry is the same
in each: same id, link, content and categories. feedgen's traps, each handled
here: ``description()`` after ``content(type='html')`` would drop the HTML
type, so the summary is set first; a control character in any string makes
lxml refuse the document, so every string passes
:func:`aggregator.toolkit.text.xml_safe`; naive datetimes raise, so every date
is timezone-aware. The build date is the newest story's updated time, never
"now", so the same stories give the same bytes.

The summary is text, carried HTML-escaped in Atom's ``<summary type="html">``
and RSS's ``<description>`` (which readers render as HTML); the whole story
is the HTML ``<content>`` (``content:encoded`` in RSS). Both are HTML so that
a client choosing plain text first (rss2email's default) mails the whole
story, not the teaser. After the entry hooks ran, the entry's HTML passes the
allow-list once more (:func:`sanitize_entry`).

Authors are the report's byline, else its outlet (:func:`~aggregator.toolkit.render.story_authors`):
Atom ``<author><name>``, and RSS ``<dc:creator>`` (RSS's own ``<author>``
must be an e-mail address). An entry with neither has no author of its own
and falls back on the feed's (``[feed] author``, else the feed's title), as
Atom allows. A story without a date of its own (:func:`~aggregator.toolkit.render.publication_date`)
has no ``<published>`` or ``<pubDate>``; ``<updated>`` is when the entry last changed.

Nothing here calls a hook: a publisher passes ``config.hooks.feed_entry`` as
``on_entry`` so that plugins can adjust each entry.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .. import __version__
from ..models import FeedInfo, Story
from ..output import write_atomic
from .render import (
    clean_title,
    entry_id,
    publication_date,
    sanitize_html,
    story_authors,
    story_content_html,
    story_link,
    story_summary,
    story_updated,
)
from .text import xml_safe

if TYPE_CHECKING:
    from feedgen.feed import FeedGenerator  # imported when a feed is built, not at start-up

EPOCH = datetime(2000, 1, 1, tzinfo=UTC)
ATOM_TYPE = "application/atom+xml"
RSS_TYPE = "application/rss+xml"

EntryHook = Callable[[Any, Story], None]
"""Called with each feedgen ``FeedEntry`` and its story once the entry is filled in."""


def build_generator(
    feed: FeedInfo, stories: list[Story], *, on_entry: EntryHook | None = None
) -> FeedGenerator:
    """A feedgen generator holding ``stories`` as entries, in their order."""
    from feedgen.feed import FeedGenerator

    generator = FeedGenerator()
    generator.load_extension("dc", atom=False, rss=True)
    generator.id(feed.id)
    generator.title(xml_safe(feed.title))
    generator.subtitle(xml_safe(feed.description))
    generator.language(feed.language)
    generator.generator("aggregator", version=__version__)
    # Atom needs an author for every entry: the feed's stands in for entries without one.
    generator.author({"name": xml_safe(feed.author or feed.title)})
    updated = feed.updated or EPOCH
    generator.updated(updated)
    generator.lastBuildDate(updated)
    for story in stories:
        entry = generator.add_entry(order="append")
        fill_entry(entry, feed, story)
        if on_entry is not None:
            on_entry(entry, story)
        sanitize_entry(entry)
    return generator


def set_links(generator: FeedGenerator, feed: FeedInfo, *, self_url: str) -> None:
    """The feed's self link and its home page."""
    # feedgen takes the RSS <link> from the last link given: the home page must come last.
    generator.link(
        [{"href": self_url, "rel": "self"}, {"href": feed.link, "rel": "alternate"}],
        replace=True,
    )


def write_atom_and_rss(
    generator: FeedGenerator, feed: FeedInfo, out_dir: Path, atom_file: str, rss_file: str
) -> list[Path]:
    """Write the generator as Atom to ``atom_file`` and RSS to ``rss_file``, each linking itself."""
    atom_path, rss_path = out_dir / atom_file, out_dir / rss_file
    set_links(generator, feed, self_url=feed.url_for(atom_file))
    write_atomic(atom_path, generator.atom_str(pretty=True))
    set_links(generator, feed, self_url=feed.url_for(rss_file))
    write_atomic(rss_path, generator.rss_str(pretty=True))
    return [atom_path, rss_path]


def sanitize_entry(entry: Any) -> None:
    """Pass the entry's HTML (content, RSS description) through the allow-list once more.

    The output boundary: an ``aggregator_feed_entry`` plugin may have set either.
    RSS readers take both ``content:encoded`` and ``description`` as HTML, so the
    content is sanitized whatever its declared type. Cheap for what this module
    wrote itself: :func:`~aggregator.toolkit.render.sanitize_html` recognises its
    own recent output.
    """
    content = entry.content() or {}
    description = entry.description()
    if description:
        entry.description(sanitize_html(description))  # also overwrites the Atom content
    if "content" in content:
        entry.content(sanitize_html(content["content"]), type=content.get("type"))
    elif "src" in content:
        entry.content(src=content["src"])


def fill_entry(entry: Any, feed: FeedInfo, story: Story) -> None:
    """Id, title, link, dates, summary, HTML content, categories and authors of one story."""
    item = story.representative
    identifier = entry_id(feed, story)
    entry.id(identifier)
    entry.guid(identifier, permalink=False)
    entry.title(clean_title(item))
    entry.link(href=story_link(feed, story), rel="alternate")
    published = publication_date(story)
    if published is not None:
        entry.published(published)  # also RSS's pubDate
    entry.updated(story_updated(story))
    summary = story_summary(story)
    if summary:
        # The summary is text, carried as HTML in both formats: escaped as HTML here
        # (feedgen then escapes it again as XML). description() also overwrites the
        # Atom content, which content() sets right after.
        escaped = html.escape(summary, quote=False)
        entry.summary(escaped, type="html")
        entry.description(escaped)
    entry.content(story_content_html(story), type="html")
    for topic in story.topics:
        entry.category(term=xml_safe(topic))
    for author in story_authors(item):
        entry.author({"name": author})
        entry.dc.dc_creator(author)
