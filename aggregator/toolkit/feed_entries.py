"""Entries of a feed, as the feed parsers read them, before any cleaning.

fastfeedparser, feedparser and a JSON Feed object each describe a feed their
own way; the readers here turn each into one shape, a :class:`RawFeed` of
:class:`RawEntry`, so that one piece of code (:mod:`aggregator.toolkit.feed_items`)
cleans, caps and identifies the entries whichever parser read them.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from ..errors import DocumentError
from . import feed_safety as safety
from .dates import parse_timestamp

FEED_ROOTS = frozenset({"rss", "feed", "rdf", "channel"})
"""Local names of the root element of RSS, Atom, RSS 0.90/1.0 (``rdf:RDF``) and CDF."""
_FIRST_ENTRY = re.compile(r"<(?:\w+:)?(?:item|entry)\b")
_CHANNEL_LANGUAGE = re.compile(
    r"<(?:dc:)?language>\s*([A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{1,8})*)\s*</", re.IGNORECASE
)


@dataclass
class RawEntry:
    """One entry as a parser read it, before cleaning: text constructs are HTML unless marked."""

    guid: str = ""
    link: str = ""
    title: str = ""
    summary: str = ""
    summary_is_text: bool = False
    content: str = ""
    content_is_text: bool = False
    published: datetime | None = None
    updated: datetime | None = None
    authors: list[str] = field(default_factory=list)
    language: str = ""
    base: str = ""
    """The entry's xml:base, when the parser knows it."""


@dataclass
class RawFeed:
    parser: str
    title: str = ""
    link: str = ""
    language: str = ""
    authors: list[str] = field(default_factory=list)
    entries: list[RawEntry] = field(default_factory=list)


def _str(value: Any) -> str:
    if isinstance(value, str):
        return value
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)
    return ""


def feed_from_fast(parsed: Mapping[str, Any], text: str, uri: str, *, root: str = "") -> RawFeed:
    """fastfeedparser's reading; ``root`` is the root element's local name ("feed": Atom)."""
    is_atom = (root or safety.scan_prolog(text).local_root) == "feed"
    info = parsed.get("feed") or {}
    head_end = _FIRST_ENTRY.search(text)
    head = text[: head_end.start() if head_end else 16384]
    language = _str(info.get("language"))
    if not language:
        match = _CHANNEL_LANGUAGE.search(head)
        language = match.group(1) if match else ""
    feed = RawFeed(
        parser="fastfeedparser",
        title=_str(info.get("title")),
        link=_str(info.get("link")),
        language=language,
        authors=[_str(info.get("author"))],
    )
    feed_link = safety.resolve(feed.link, uri)
    for entry in parsed.get("entries") or []:
        contents = entry.get("content") or []
        body = contents[0] if contents and isinstance(contents[0], Mapping) else {}
        authors = [
            _str(a.get("name")) for a in entry.get("authors") or [] if isinstance(a, Mapping)
        ]
        guid, link = _str(entry.get("id")), _fast_link(entry, is_atom=is_atom)
        if guid and guid == link:
            # fastfeedparser gives an entry without an id its link as id: make it the
            # absolute link, which is also the identity feedparser's reading leads to.
            guid = safety.resolve(link, feed_link, uri) or guid
        feed.entries.append(
            RawEntry(
                guid=guid,
                link=link,
                title=_str(entry.get("title")),
                summary=_str(entry.get("description")),
                content=_str(body.get("value")),
                published=parse_timestamp(entry.get("published")),
                updated=parse_timestamp(entry.get("updated")),
                authors=authors or [_str(entry.get("author"))],
                language=_str(body.get("language")),
            )
        )
    return feed


def _fast_link(entry: Mapping[str, Any], *, is_atom: bool) -> str:
    """The entry's link as feedparser reads it.

    In RSS the ``<link>`` element is the link (fastfeedparser's ``link``); the
    ``atom:link`` elements beside it (rel payment, related, enclosure…) are
    other links and never replace it. In Atom the link is the first one whose
    rel is alternate or absent; fastfeedparser's ``link`` may be another rel's
    (an enclosure, the entry's self link), so it is not used there.
    """
    if not is_atom and entry.get("link"):
        return _str(entry.get("link"))
    for link in entry.get("links") or []:
        if isinstance(link, Mapping) and link.get("rel") in (None, "", "alternate"):
            return _str(link.get("href"))
    return "" if is_atom else _str(entry.get("link"))


def feed_from_feedparser(result: Any, uri: str, *, root: str = "") -> RawFeed | None:
    info = result.get("feed") or {}
    entries = result.get("entries") or []
    if not entries:
        if not result.get("version") and not info.get("title") and root not in FEED_ROOTS:
            return None  # XML, but not a feed
        error = result.get("bozo_exception")
        found = info.get("title") or info.get("link")
        if not found and error is not None and _is_xml_error(error):
            raise DocumentError(f"unusable feed: {_describe(error)}")
    feed = RawFeed(
        parser="feedparser",
        title=_str(info.get("title")),
        link=_str(info.get("link")),
        language=_str(info.get("language")),
        authors=_feedparser_authors(info),
    )
    for entry in entries:
        body, is_text = _feedparser_content(entry)
        summary = entry.get("summary_detail") or {}
        feed.entries.append(
            RawEntry(
                guid=_str(entry.get("id")),
                link=_str(entry.get("link")),
                title=_str(entry.get("title")),
                summary=_str(entry.get("summary")),
                summary_is_text=summary.get("type") == "text/plain",
                content=body,
                content_is_text=is_text,
                # dict.get: FeedParserDict maps a missing updated_parsed to published_parsed
                published=_from_struct(dict.get(entry, "published_parsed")),
                updated=_from_struct(dict.get(entry, "updated_parsed")),
                authors=_feedparser_authors(entry),
                language=_str((entry.get("title_detail") or summary).get("language")),
                base=_str(_first_content(entry).get("base") or summary.get("base")),
            )
        )
    return feed


def _is_xml_error(error: BaseException) -> bool:
    name = type(error).__name__
    return "Encoding" not in name and "NonXMLContentType" not in name


def _describe(error: BaseException) -> str:
    """A SAX error as "message (line N)", anything else as its text."""
    message, line = getattr(error, "getMessage", None), getattr(error, "getLineNumber", None)
    if callable(message) and callable(line):
        return f"{message()} (line {line()})"
    return str(error) or type(error).__name__


def _first_content(entry: Mapping[str, Any]) -> Mapping[str, Any]:
    contents = entry.get("content") or []
    return contents[0] if contents and isinstance(contents[0], Mapping) else {}


def _feedparser_content(entry: Mapping[str, Any]) -> tuple[str, bool]:
    """The entry's richest content: HTML first, else the first one (maybe plain text)."""
    contents = [c for c in entry.get("content") or [] if isinstance(c, Mapping)]
    for content in contents:
        if content.get("type") in ("text/html", "application/xhtml+xml"):
            return _str(content.get("value")), False
    if contents:
        return _str(contents[0].get("value")), contents[0].get("type") == "text/plain"
    return "", False


def _feedparser_authors(node: Mapping[str, Any]) -> list[str]:
    names = []
    for author in node.get("authors") or []:
        if isinstance(author, Mapping):
            names.append(_str(author.get("name")) or _str(author.get("email")))
    if not any(names):
        names = [_str(node.get("author"))]
    return names


def _from_struct(value: Any) -> datetime | None:
    if not value:
        return None
    try:
        year, month, day, hour, minute, second = (int(part) for part in value[:6])
        return datetime(year, month, day, hour, minute, second, tzinfo=UTC)
    except (TypeError, ValueError, OverflowError):
        return None


def feed_from_json(data: Mapping[str, Any]) -> RawFeed:
    """A JSON Feed 1.0/1.1 object (already parsed)."""
    feed = RawFeed(
        parser="json",
        title=_str(data.get("title")),
        link=_str(data.get("home_page_url")),
        language=_str(data.get("language")),
        authors=_json_authors(data),
    )
    items = data.get("items")
    for item in items if isinstance(items, list) else []:
        if not isinstance(item, dict):
            continue
        content_html = _str(item.get("content_html"))
        feed.entries.append(
            RawEntry(
                guid=_str(item.get("id")),
                link=_str(item.get("url")) or _str(item.get("external_url")),
                title=_str(item.get("title")),
                summary=_str(item.get("summary")),
                summary_is_text=True,
                content=content_html or _str(item.get("content_text")),
                content_is_text=not content_html.strip(),
                published=parse_timestamp(item.get("date_published")),
                updated=parse_timestamp(item.get("date_modified")),
                authors=_json_authors(item),
                language=_str(item.get("language")),
            )
        )
    return feed


def _json_authors(node: Mapping[str, Any]) -> list[str]:
    authors = node.get("authors")
    if not isinstance(authors, list):
        single = node.get("author")
        authors = [single] if isinstance(single, dict) else []
    return [_str(a.get("name")) for a in authors if isinstance(a, dict)]
