"""What every publisher says about a story, computed one way for all formats.

Atom, RSS, JSON Feed and the HTML page must agree on a story's id, link,
title, summary and "also reported by" list; publishers (built-in or not)
take them from here.
"""

from __future__ import annotations

import html
import uuid
from datetime import datetime

from ..models import FeedInfo, Item, Story
from .html import paragraphs_html as paragraphs_html  # publishers took it from here
from .html import sanitize_html as sanitize_html  # publishers took it from here
from .text import squash, xml_safe

SUMMARY_CHARS = 400


def entry_id(feed: FeedInfo, story: Story) -> str:
    """A permanent, globally unique IRI for the story in this feed."""
    return f"urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, feed.id + '#' + story.id)}"


def story_anchor(story: Story) -> str:
    return f"story-{story.id}"


def story_link(feed: FeedInfo, story: Story) -> str:
    """The representative's own link, else the story's place on the HTML page."""
    link = story.representative.link
    if link:
        return link
    return feed.url_for("index.html") + "#" + story_anchor(story)


def clean_title(item: Item) -> str:
    return xml_safe(squash(item.title)) or "(untitled)"


def story_summary(story: Story, limit: int = SUMMARY_CHARS) -> str:
    """Plain-text summary: the representative's summary, else its first paragraph, cut at a word."""
    item = story.representative
    text = item.summary or next((p for p in item.text.split("\n\n") if p.strip()), "")
    text = xml_safe(squash(text))
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0]
    return cut.rstrip(",;:-") + "…"


def outlet_name(item: Item) -> str:
    return item.outlet or item.source


def item_reference(item: Item) -> str:
    """Where a report can be read: its URL, else its path in the source."""
    return item.link or item.uri


def also_reported_html(story: Story) -> str:
    if not story.members:
        return ""
    rows = []
    for item in story.members:
        title = html.escape(clean_title(item))
        outlet = html.escape(outlet_name(item))
        if item.link:
            rows.append(f'<li>{outlet}: <a href="{html.escape(item.link)}">{title}</a></li>')
        else:
            rows.append(f"<li>{outlet}: {title} ({html.escape(item.uri)})</li>")
    return "<h3>Also reported by</h3><ul>" + "".join(rows) + "</ul>"


def story_content_html(story: Story) -> str:
    """The full, sanitized HTML body of a story: the article, then the other reports."""
    item = story.representative
    body = item.html or paragraphs_html(item.text)
    return sanitize_html(body + also_reported_html(story))


def story_updated(story: Story) -> datetime:
    return story.updated or story.published
