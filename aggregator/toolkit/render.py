"""What every publisher says about a story, computed one way for all formats.

Atom, RSS, JSON Feed and the HTML page must agree on a story's id, link,
title, summary and "also reported by" list; publishers (built-in or not)
take them from here.
"""

from __future__ import annotations

import html
import threading
import uuid
from datetime import datetime

import nh3

from ..models import FeedInfo, Item, Story
from .text import squash, xml_safe

SUMMARY_CHARS = 400
HTML_TAGS = {
    "a", "abbr", "b", "blockquote", "br", "cite", "code", "em", "figcaption", "figure",
    "h2", "h3", "h4", "i", "li", "ol", "p", "pre", "q", "s", "small", "strong", "sub",
    "sup", "table", "tbody", "td", "th", "thead", "tr", "u", "ul",
}  # fmt: skip
HTML_ATTRIBUTES = {"a": {"href", "title"}, "abbr": {"title"}, "td": {"colspan"}, "th": {"colspan"}}


RECENTLY_SANITIZED_CHARS = 4 * 1024 * 1024
"""How much of its latest output :func:`sanitize_html` recognises and returns as it is."""
_recent_outputs: dict[str, None] = {}
_recent = {"chars": 0}
_recent_lock = threading.Lock()


def sanitize_html(markup: str) -> str:
    """The allow-list every HTML field passes before output (nh3).

    HTML is sanitized again at several boundaries (the parser, the cleaning
    plugin, each publisher), since none can know what ran before it. A string
    this function has just returned is returned as it is: it is already a
    sanitizer's output, and re-sanitizing it was 2.5 % of a feeds run.
    """
    if markup in _recent_outputs:
        return markup
    safe = _allow_list(xml_safe(markup))
    while xml_safe(safe) != safe:
        # A character reference (``java&#3;script:``) decoded to a character XML cannot
        # carry: dropping it may join a URL scheme again, so the allow-list judges the
        # result once more. Its output has no character references to decode, so the
        # second pass is the last.
        safe = _allow_list(xml_safe(safe))
    if len(safe) < 64:
        return safe
    with _recent_lock:
        if safe not in _recent_outputs:
            _recent_outputs[safe] = None
            _recent["chars"] += len(safe)
            while _recent["chars"] > RECENTLY_SANITIZED_CHARS:
                _recent["chars"] -= len(oldest := next(iter(_recent_outputs)))
                del _recent_outputs[oldest]
    return safe


def _allow_list(markup: str) -> str:
    return nh3.clean(
        markup,
        tags=HTML_TAGS,
        attributes=HTML_ATTRIBUTES,
        url_schemes={"http", "https", "mailto"},
        link_rel="noopener noreferrer nofollow",
    )


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


def paragraphs_html(text: str) -> str:
    parts = [p.strip() for p in text.split("\n\n") if p.strip()]
    return "".join(f"<p>{html.escape(squash(p))}</p>" for p in parts)


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
