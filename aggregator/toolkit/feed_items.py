"""Feed entries made into items: cleaned, capped, with absolute links and stable ids.

Whichever parser read the feed (:mod:`aggregator.toolkit.feed_entries`), its
entries become items here in one way: every HTML field is sanitized once
(:func:`aggregator.toolkit.html.sanitize_html`) and ``Item.html`` is that
sanitized HTML; the plain text is read from it (blocks become paragraphs
separated by a blank line, list items, table rows and ``<br>`` become lines);
titles, summaries and authors are plain text; links are absolute and http(s)
only; dates are timezone-aware, and a date more than two days after the fetch
is dropped; every field is capped.
"""

from __future__ import annotations

import hashlib
import html as htmllib
import re
from collections.abc import Iterable
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING

from ..models import Document, Item, stable_id
from . import feed_safety as safety
from .feed_entries import RawEntry, RawFeed
from .html import (
    BLOCK,
    DANGEROUS_TAG_LIKE,
    SANITIZED_TAG,
    mark_blocks,
    paragraphs_html,
    sanitize_html,
    strip_markers,
    strip_tag_like,
    text_of_sanitized,
)
from .text import cut, squash

if TYPE_CHECKING:
    from ..config import SourceConfig

TITLE_CHARS = 500
"""Longest title kept."""
SUMMARY_CHARS = 5_000
"""Longest summary kept."""
AUTHOR_CHARS = 200
"""Longest author name kept."""
MAX_AUTHORS = 10
"""Most authors kept for one entry."""
DERIVED_TITLE_CHARS = 150
"""Longest title made from an untitled entry's first sentence."""
GUID_CHARS = 2_000
"""Longest guid kept (a longer one is cut, and still identifies the entry)."""
RAW_FACTOR = 4
"""Raw HTML longer than this many times ``max_content_chars`` is cut before it is sanitized."""
FUTURE_TOLERANCE = timedelta(days=2)
"""How far past the fetch an entry's date may lie before it is dropped as wrong."""
FEED_URL_META = "feed_url"
"""The ``Document.meta`` key by which a source that delivers several feeds under one
source name (``opml``) names the feed a document is: item ids then derive from it too."""

_LANGUAGE = re.compile(r"[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*")
_EMAIL_NAME = re.compile(r"^\S+@\S+\s*\((.+)\)$")
_SANITIZED_BLOCK_TAG = re.compile(
    r"</?(?:p|h2|h3|h4|blockquote|pre|figure|figcaption|table|tr|td|th|ul|ol|li|br)\b"
    r'(?:[^>"]|"[^"]*")*>'
)
_HREF = re.compile(r'(<a\s[^>]*?\bhref=")([^"]*)(")')
_SENTENCE_END = re.compile(r"(?<=[.!?…])\s+(?=\S)")


def build_items(
    feed: RawFeed,
    document: Document,
    source: SourceConfig,
    *,
    max_entries: int = 1000,
    max_content_chars: int = 200_000,
) -> list[Item]:
    """Clean, cap and identify the entries of a feed; entries with nothing in them are left out."""
    uri = document.uri
    feed_title = plain_inline(feed.title, TITLE_CHARS)
    feed_link = safety.http_url(safety.resolve(feed.link, uri)) or ""
    scope = id_scope(document, source, feed_identity(feed_link, feed_title, uri))
    reference = document.fetched_at
    if reference.tzinfo is None:
        reference = reference.replace(tzinfo=UTC)
    feed_authors = authors_of(feed.authors)
    items: list[Item] = []
    seen: set[str] = set()
    for raw in feed.entries[:max_entries]:
        item = _item(
            raw, feed, source, scope, uri, feed_title, feed_link, feed_authors, max_content_chars
        )
        if item is None or item.id in seen:
            continue
        item.published = _not_future(item.published, reference)
        item.updated = _not_future(item.updated, reference)
        seen.add(item.id)
        items.append(item)
    return items


def _item(
    raw: RawEntry,
    feed: RawFeed,
    source: SourceConfig,
    scope: tuple[str, ...],
    uri: str,
    feed_title: str,
    feed_link: str,
    feed_authors: list[str],
    max_content_chars: int,
) -> Item | None:
    bases = (raw.base, feed_link, uri)
    link = safety.http_url(safety.resolve(raw.link, *bases))
    html, text = "", ""
    if raw.content.strip():
        html, text = html_and_text(raw.content, raw.content_is_text, bases, max_content_chars)
    summary = ""
    if raw.summary.strip():
        if not html.strip():  # no content: the summary is the body, and no summary of it
            html, text = html_and_text(raw.summary, raw.summary_is_text, bases, max_content_chars)
        elif raw.summary != raw.content:
            markup = htmllib.escape(raw.summary) if raw.summary_is_text else raw.summary
            summary = plain_inline(markup, SUMMARY_CHARS)
    title = plain_inline(raw.title, TITLE_CHARS)
    derived = False
    if not title and (text or summary):
        title, derived = first_sentence_title(text or summary), True
    if not (title or text or link):
        return None
    guid = squash(raw.guid)[:GUID_CHARS] or None
    identity = guid or link or "sha1:" + hashlib.sha1(f"{title}\n{text}".encode()).hexdigest()
    item = Item(
        id=stable_id(*scope, identity),
        source=source.name,
        uri=uri,
        title=title,
        text=text,
        link=link,
        guid=guid,
        summary=summary,
        html=html,
        published=raw.published,
        updated=raw.updated,
        authors=authors_of(raw.authors) or feed_authors,
        outlet=source.outlet or feed_title or None,
        language=language_of(raw.language) or language_of(feed.language),
    )
    item.extras["feed_title"] = feed_title
    item.extras["feed_link"] = feed_link
    item.extras["parser"] = feed.parser
    if derived:
        item.extras["title_derived"] = True
    return item


def id_scope(
    document: Document, source: SourceConfig, identity: str | None = None
) -> tuple[str, ...]:
    """What an item id derives from before the entry's own identity.

    The source name; and for a document that names its feed in
    ``meta[FEED_URL_META]`` (a feed of an ``opml`` list, where every feed
    shares the source name) that feed's URL as well, so that two feeds'
    entries with the same guid stay two items. Feed files of a ``files``
    source share the source name too: their ids take the feed's ``identity``
    (:func:`feed_identity`). A ``feed`` source sets no such name: its ids are
    ``stable_id(source, identity)``, as they always were.
    """
    feed_url = document.meta.get(FEED_URL_META)
    if isinstance(feed_url, str) and feed_url:
        return (source.name, feed_url)
    if source.type == "files" and identity:
        return (source.name, identity)
    return (source.name,)


def feed_identity(feed_link: str, feed_title: str, uri: str) -> str:
    """Which feed a saved feed file holds: its site link and title, so that two saved
    copies of one feed share their entries' ids and two feeds do not; the file when
    the feed names neither."""
    if feed_link or feed_title:
        return f"feed:{feed_link}\n{feed_title}"
    return f"file:{uri}"


def _not_future(value: datetime | None, reference: datetime) -> datetime | None:
    if value is not None and value > reference + FUTURE_TOLERANCE:
        return None
    return value


def html_and_text(
    markup: str, is_text: bool, bases: Iterable[str | None], limit: int
) -> tuple[str, str]:
    """Sanitized HTML (relative links made absolute) and the plain text read from it.

    The text is read from HTML sanitized with the unwrapped blocks marked; the
    HTML kept is sanitized again after the links are made absolute and the
    marks removed, so that the allow-list judges the HTML as it is stored. When
    neither changed a character (no block to mark, no relative link: most feed
    entries), the HTML kept is the allow-list's own output, and a second pass
    would only cost as much as the first.
    """
    markup = strip_markers(markup)
    if is_text:
        markup = paragraphs_html(markup)
    if len(markup) > limit * RAW_FACTOR:
        markup = markup[: limit * RAW_FACTOR]
    safe = sanitize_html(mark_blocks(markup))
    marked = _absolute_hrefs(safe, tuple(bases))
    text = text_of_sanitized(marked)
    if "<" in text:
        text = DANGEROUS_TAG_LIKE.sub("", text)
    text = safety.cut_block(text, limit)
    kept = marked.replace(BLOCK, "")
    if kept != safe:
        kept = sanitize_html(kept)
    return _capped_html(kept, limit), text


def _absolute_hrefs(markup: str, bases: tuple[str | None, ...]) -> str:
    def absolute(match: re.Match[str]) -> str:
        href = htmllib.unescape(match.group(2))
        if not href or href.startswith("#") or ":" in href.split("/", 1)[0]:
            return match.group(0)
        resolved = safety.resolve(href, *bases) or href
        return match.group(1) + htmllib.escape(resolved, quote=True) + match.group(3)

    return _HREF.sub(absolute, markup) if "href=" in markup else markup


def _capped_html(markup: str, limit: int) -> str:
    cutoff = limit
    for _ in range(6):
        if len(markup) <= limit:
            return markup
        head = markup[:cutoff]
        if head.rfind("<") > head.rfind(">"):
            head = head[: head.rfind("<")]
        markup = sanitize_html(head)
        cutoff = int(cutoff * 0.9)
    return "" if len(markup) > limit else markup


def plain_inline(markup: str, limit: int) -> str:
    """One line of plain text from a text construct that may hold HTML.

    Read from the sanitized HTML without building a tree: the sanitizer writes
    tags in one regular shape, so removing them leaves the text (blocks and
    ``<br>`` leave a space).
    """
    if not markup:
        return ""
    if "<" in markup or "&" in markup:
        safe = sanitize_html(mark_blocks(markup, " "))
        text = htmllib.unescape(SANITIZED_TAG.sub("", _SANITIZED_BLOCK_TAG.sub(" ", safe)))
        text = strip_tag_like(squash(text))
    else:
        text = squash(markup)
    return cut(strip_markers(text), limit)


def first_sentence_title(text: str) -> str:
    """A title for an untitled entry: the first sentence of its text as written, cut at a word.

    Not :func:`aggregator.toolkit.plaintext.derive_title`, which makes a
    headline of a plain-text article's lead (drops an introductory phrase and
    the final period, cuts at a clause): an untitled feed entry is often a
    short post (a microblog, a link log) whose first sentence is shown as it
    stands, and its title is the one readers of that feed already see.
    """
    first = next((p for p in text.split("\n") if p.strip()), "")
    sentence = _SENTENCE_END.split(first.strip(), maxsplit=1)[0]
    return cut(strip_tag_like(sentence), DERIVED_TITLE_CHARS)


def authors_of(names: Iterable[str]) -> list[str]:
    out: list[str] = []
    for name in names:
        clean = plain_inline(name, AUTHOR_CHARS * 2)
        match = _EMAIL_NAME.match(clean)
        clean = cut(match.group(1).strip() if match else clean, AUTHOR_CHARS)
        if clean and clean not in out:
            out.append(clean)
            if len(out) == MAX_AUTHORS:
                break
    return out


def language_of(value: str) -> str | None:
    match = _LANGUAGE.fullmatch(value.strip().replace("_", "-")[:35]) if value else None
    return match.group(0) if match else None
