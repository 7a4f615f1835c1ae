"""What every publisher says about a story, computed one way for all formats.

Atom, RSS, JSON Feed and the HTML page must agree on a story's id, link,
title, summary, authors, dates and "also reported by" list; publishers
(built-in or not) take them from here.

Nothing internal reaches a subscriber: an outlet is what the article says
(``item.outlet``: agency credit, byline outlet, site name, or the source's
``outlet`` setting), never the name a source has in the configuration, and a
report's local file path is never published. A report with neither a link
nor an outlet is named by its headline alone. A story whose reports carry no
date of their own has no publication date (:func:`publication_date`): it is
ordered by when it was first seen, and said to be so.
"""

from __future__ import annotations

import html
import uuid
from datetime import datetime

from ..models import FeedInfo, Item, Story
from .html import paragraphs_html as paragraphs_html  # publishers took it from here
from .html import sanitize_html as sanitize_html  # publishers took it from here
from .prose import unwrap
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
    text = item.summary or next((p for p in unwrap(item.text).split("\n\n") if p.strip()), "")
    text = xml_safe(squash(text))
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0]
    return cut.rstrip(",;:-") + "…"


def outlet_name(item: Item) -> str | None:
    """The outlet the report names (or its source's ``outlet`` setting); None if unknown."""
    outlet = xml_safe(squash(item.outlet or ""))
    return outlet or None


def story_authors(item: Item) -> list[str]:
    """Who a report is by, for a feed's author fields: its byline, else its outlet, else nobody."""
    authors = [name for name in (xml_safe(squash(author)) for author in item.authors) if name]
    if authors:
        return authors
    outlet = outlet_name(item)
    return [outlet] if outlet else []


def also_reported_html(story: Story) -> str:
    """The other reports: "outlet: headline", the headline linked when the report has a link."""
    if not story.members:
        return ""
    rows = []
    for item in story.members:
        title = html.escape(clean_title(item))
        if item.link:
            title = f'<a href="{html.escape(item.link)}">{title}</a>'
        outlet = outlet_name(item)
        rows.append(f"<li>{html.escape(outlet)}: {title}</li>" if outlet else f"<li>{title}</li>")
    return "<h3>Also reported by</h3><ul>" + "".join(rows) + "</ul>"


def story_content_html(story: Story) -> str:
    """The full, sanitized HTML body of a story: the article, then the other reports."""
    item = story.representative
    body = item.html or paragraphs_html(item.text)
    return sanitize_html(body + also_reported_html(story))


def story_updated(story: Story) -> datetime:
    """When the story last changed: a report joined, else its date (of record)."""
    return story.updated or story.published


def publication_date(story: Story) -> datetime | None:
    """The earliest publication date its reports give; None if none of them gives one.

    ``story.published`` is the same date when there is one, and otherwise the
    day the story was first seen: right for ordering, but not a publication date.
    """
    dates = [item.published for item in story.items if item.published]
    return min(dates) if dates else None
