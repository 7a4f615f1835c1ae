"""Parse feeds: RSS 0.9x/1.0/2.0, Atom 0.3/1.0 and JSON Feed 1.0/1.1.

Which documents: the feed media types (``application/rss+xml``,
``application/atom+xml``, ``application/rdf+xml``, ``application/feed+json``),
generic XML and JSON (``application/xml``, ``text/xml``, ``application/json``),
and any other type whose bytes turn out to be a feed (servers lie: feeds come
as ``text/html``, ``text/plain`` or ``application/octet-stream``). A document
that is not a feed (an HTML page, XML of another kind, plain JSON) gets
``None``, so another parser can take it; a valid feed with no entries gets
``[]``.

How: the bytes are decoded here (declared encodings, wrong declarations,
BOMs, UTF-16/32; see :mod:`aggregator.toolkit.feed_safety`), refused if they
declare a DTD or entities, and handed to the parsers as UTF-8 *bytes*, never
as a string (feedparser opens strings as paths or URLs). XML goes to
fastfeedparser first, which is fast; to feedparser, which is the reference
for tolerance, when fastfeedparser fails or finds no entry, and for the
constructs it does not read as feedparser does (``xml:base``, inline XHTML
and base64 text constructs, several authors per entry). JSON Feed is read
with :mod:`json`.

What comes out: every HTML field passes :func:`aggregator.toolkit.render.sanitize_html`;
the plain text is read from that sanitized HTML with lxml (blocks
become paragraphs separated by a blank line, list items, table rows and
``<br>`` become lines); titles, summaries and authors are plain text; links
are absolute and http(s) only; dates are timezone-aware, and a date more than
two days after the fetch is dropped; every field is capped.
"""

from __future__ import annotations

import hashlib
import html as htmllib
import json
import logging
import re
import warnings
import xml.parsers.expat
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from email.utils import parsedate_to_datetime
from typing import Any

from lxml import etree
from lxml.html import fragment_fromstring

from aggregator import (
    Config,
    Document,
    DocumentError,
    Item,
    Option,
    SkipDocument,
    SourceConfig,
    hookimpl,
    stable_id,
)
from aggregator.schema import positive
from aggregator.toolkit import feed_safety as safety
from aggregator.toolkit.render import paragraphs_html, sanitize_html
from aggregator.toolkit.text import cut, squash

log = logging.getLogger(__name__)

NAME = "feed_parser"
SCHEMA = {
    "max_entries": Option(
        int, 1000, help="entries read from one feed, the first ones in feed order", check=positive
    ),
    "max_content_chars": Option(
        int, 200_000, help="longest sanitized HTML (and text) kept for one entry", check=positive
    ),
}
_settings: dict[str, Any] = {key: option.default for key, option in SCHEMA.items()}

TITLE_CHARS = 500
SUMMARY_CHARS = 5_000
AUTHOR_CHARS = 200
MAX_AUTHORS = 10
DERIVED_TITLE_CHARS = 150
GUID_CHARS = 2_000
RAW_FACTOR = 4
"""Raw HTML longer than this many times ``max_content_chars`` is cut before it is sanitized."""
FUTURE_TOLERANCE = timedelta(days=2)

FEED_XML_TYPES = frozenset(
    {
        "application/rss+xml",
        "application/atom+xml",
        "application/rdf+xml",
        "application/x-rss+xml",
        "application/x-atom+xml",
    }
)
XML_TYPES = FEED_XML_TYPES | {"application/xml", "text/xml"}
JSON_FEED_TYPE = "application/feed+json"
JSON_TYPES = frozenset({JSON_FEED_TYPE, "application/json"})
FEED_TYPES = FEED_XML_TYPES | {JSON_FEED_TYPE}
_MAY_BE_FEED = XML_TYPES | JSON_TYPES  # FEED_TYPES are among them
"""Media types whose documents are read as feeds or refused with a reason, never passed over."""
FEED_ROOTS = frozenset({"rss", "feed", "rdf", "channel"})
"""Local names of the root element of RSS, Atom, RSS 0.90/1.0 (``rdf:RDF``) and CDF."""

_NEEDS_FEEDPARSER = re.compile(r"\b(?:type|mode)\s*=\s*[\"'](?:xhtml|base64|xml)[\"']")
"""Text constructs fastfeedparser reads differently from feedparser: inline XHTML titles
(read as empty) and base64 text (left encoded). ``xml:base`` is the third such construct."""
_NOT_SPACE = re.compile(r"[^\s\ufeff]")
_FIRST_ENTRY = re.compile(r"<(?:\w+:)?(?:item|entry)\b")
_CHANNEL_LANGUAGE = re.compile(
    r"<(?:dc:)?language>\s*([A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{1,8})*)\s*</", re.IGNORECASE
)
_LANGUAGE = re.compile(r"[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*")
_EMAIL_NAME = re.compile(r"^\S+@\S+\s*\((.+)\)$")
_TAG_LIKE = re.compile(r"<[^\s<>\d=][^<>]*(?:>|(?=<)|$)")
"""Markup left as text (double-escaped HTML), terminated or not: dropped from one-line fields."""
_DANGEROUS_TAG_LIKE = re.compile(
    r"<\s*/?\s*(?:script|style|iframe|frame|frameset|object|embed|applet|form|input|button"
    r"|textarea|select|img|svg|math|meta|link|base)\b[^<>]*(?:>|(?=<)|$)"
    r"|<\s*[^\s<>\d=][^<>]*?(?:\son[a-z]+\s*=|(?:javascript|vbscript|data):)[^<>]*"
    r"(?:>|(?=<)|$)",
    re.IGNORECASE | re.MULTILINE,
)
"""Dangerous markup left as text (a script element, an event handler, a javascript: URL in
what looks like a tag): dropped from the body text too, where other markup-like text (an
article about HTML, an IRC log) is kept."""
_SANITIZED_TAG = re.compile(r'<(?:[^>"]|"[^"]*")*>')
"""A tag as the sanitizer writes it: attribute values double-quoted, ``<`` in text escaped."""
_SANITIZED_BLOCK_TAG = re.compile(
    r"</?(?:p|h2|h3|h4|blockquote|pre|figure|figcaption|table|tr|td|th|ul|ol|li|br)\b"
    r'(?:[^>"]|"[^"]*")*>'
)
_HREF = re.compile(r'(<a\s[^>]*?\bhref=")([^"]*)(")')
_SENTENCE_END = re.compile(r"(?<=[.!?…])\s+(?=\S)")

BLOCK = "\ue000"
"""Private-use character marking a paragraph boundary while text is read from HTML."""
LINE = "\ue001"
"""Private-use character marking a line break while text is read from HTML."""
_UNWRAPPED_BLOCKS = re.compile(
    r"</?(?:div|section|article|header|footer|main|aside|nav|h1|h5|h6|address|center|details"
    r"|summary|hgroup|caption|dl|dt|dd|hr|body|html)\b",
    re.IGNORECASE,
)
"""Block elements the allow-list unwraps: marked before sanitizing so that they still end a
paragraph in the text."""
PARAGRAPH_TAGS = frozenset(
    {"p", "h2", "h3", "h4", "blockquote", "pre", "figure", "figcaption", "table", "ul", "ol"}
)
LINE_TAGS = frozenset({"li", "tr"})
CELL_TAGS = frozenset({"td", "th"})


@hookimpl
def aggregator_configure(config: Config) -> None:
    _settings.update(config.plugin_options(NAME, SCHEMA))


@hookimpl(trylast=True)
def aggregator_parse(document: Document, source: SourceConfig) -> list[Item] | None:
    return parse_document(
        document,
        source,
        max_entries=_settings["max_entries"],
        max_content_chars=_settings["max_content_chars"],
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


def media_type(document: Document) -> str:
    """The document's media type, bare and lower-case ("" when the fetcher had none)."""
    return (document.media_type or "").split(";", 1)[0].strip().lower()


def parse_document(
    document: Document,
    source: SourceConfig,
    *,
    max_entries: int = 1000,
    max_content_chars: int = 200_000,
) -> list[Item] | None:
    """The items of a feed document, ``None`` if it is not a feed, ``[]`` if it has no entry."""
    kind = media_type(document)
    content = document.content or b""
    if not content.strip(b" \t\r\n\x00\xef\xbb\xbf\xfe\xff"):
        if kind in FEED_TYPES:
            raise SkipDocument("empty feed document")
        return None
    if kind not in _MAY_BE_FEED and safety.cannot_hold_markup(content, document.encoding):
        return None
    try:
        text = safety.decode_feed(content, document.encoding)
    except DocumentError:
        if kind in XML_TYPES or kind in JSON_TYPES:
            raise
        return None
    start = safety.skip_leading_junk(text)
    found = _NOT_SPACE.search(text, start)
    first = text[found.start()] if found else ""
    if first == "{":
        feed = _sniff_json(text, kind)
    elif first == "<":
        feed = _sniff_xml(text, start, kind, document.uri)
    elif kind in FEED_TYPES:
        raise DocumentError(f"not a feed: a {kind} document that is neither XML nor JSON")
    else:
        return None
    if feed is None:
        return None
    return build_items(
        feed, document, source, max_entries=max_entries, max_content_chars=max_content_chars
    )


def _sniff_json(text: str, kind: str) -> RawFeed | None:
    if kind not in JSON_TYPES and "jsonfeed.org" not in text:
        return None
    try:
        data = json.loads(text)
    except (ValueError, RecursionError) as exc:
        if kind == JSON_FEED_TYPE:
            raise DocumentError(f"not valid JSON Feed: {exc}") from None
        return None
    if not isinstance(data, dict):
        if kind == JSON_FEED_TYPE:
            raise DocumentError("not valid JSON Feed: the top level is not an object")
        return None
    version = data.get("version")
    is_feed = isinstance(version, str) and "jsonfeed.org" in version
    if not is_feed and not (kind == JSON_FEED_TYPE and isinstance(data.get("items"), list)):
        return None
    return feed_from_json(data)


def _sniff_xml(text: str, start: int, kind: str, uri: str) -> RawFeed | None:
    prolog = safety.scan_prolog(text, start)
    local = prolog.local_root
    if local in ("html", "xhtml"):
        return None
    claimed = local in FEED_ROOTS or kind in XML_TYPES or prolog.xml_declaration or prolog.dtd
    if not claimed:
        return None
    safety.refuse_dtd(text, prolog)
    if prolog.root is None:
        if kind in FEED_TYPES:
            raise DocumentError("not a feed: no root element found")
        return None
    return parse_xml(text[start:], uri, root=local)


def parse_xml(text: str, uri: str, *, root: str = "", backend: str = "auto") -> RawFeed | None:
    """Read decoded XML (already checked for DTDs) with fastfeedparser, else feedparser.

    ``backend`` forces one parser (``"fast"`` or ``"feedparser"``), for tests
    and benchmarks; ``"auto"`` is the plugin's choice.
    """
    data = safety.as_utf8_xml(text)
    tried_fast = False
    if backend in ("auto", "fast"):
        reason = None if backend == "fast" else _fast_unsuitable(text, data)
        if reason is None:
            tried_fast = True
            fast, reason = _try_fast(data, text, uri)
            if fast is not None or backend == "fast":
                return fast
        log.debug("feedparser reads %s: %s", uri, reason)
    try:
        result = _feedparser(data, uri)
    except DocumentError:
        if backend == "auto" and not tried_fast:
            fast, _ = _try_fast(data, text, uri)
            if fast is not None:
                return fast
        raise
    return feed_from_feedparser(result, uri, root=root)


def _fast_unsuitable(text: str, data: bytes) -> str | None:
    """Why fastfeedparser should not read this document, or None if it may.

    fastfeedparser reads ill-formed XML with lxml's recover mode, which drops
    what it cannot parse without a word (an entry after an unclosed tag, the
    ``&y`` of an unescaped ``?x=1&y=2``); feedparser's loose parser keeps it.
    A well-formedness check with expat costs about as much as fastfeedparser.
    """
    if "xml:base" in text:
        return "uses xml:base"
    if "xhtml" in text or "base64" in text or "mode=" in text:
        match = _NEEDS_FEEDPARSER.search(text)
        if match:
            return f"uses {match.group(0)!r}"
    checker = xml.parsers.expat.ParserCreate()
    try:
        checker.Parse(data, True)
    except xml.parsers.expat.ExpatError as exc:
        return f"not well-formed XML ({exc})"
    return None


def _try_fast(data: bytes, text: str, uri: str) -> tuple[RawFeed | None, str]:
    import fastfeedparser  # type: ignore[import-untyped]  # a files-only run never loads it

    try:
        parsed = fastfeedparser.parse(data)
    except Exception as exc:  # a third-party parser's failure only means: use the fallback
        return None, f"fastfeedparser failed ({type(exc).__name__}: {str(exc)[:120]})"
    entries = parsed.get("entries") or []
    if not entries:
        return None, "fastfeedparser found no entry"
    if text.count("<author") + text.count("<dc:creator") > len(entries) + 1:
        return None, "entries may have several authors"
    return feed_from_fast(parsed, text, uri), ""


def _feedparser(data: bytes, uri: str) -> Any:
    import feedparser  # the fallback parser: loaded on the first feed that needs it

    headers = {"content-type": "application/xml; charset=utf-8", "content-location": uri}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            return feedparser.parse(
                data, response_headers=headers, sanitize_html=False, resolve_relative_uris=True
            )
        except RecursionError:
            raise DocumentError("unusable feed: nested too deeply") from None
        except Exception as exc:  # feedparser's own bugs on hostile input: this document only
            raise DocumentError(
                f"unusable feed: the parser failed ({type(exc).__name__})"
            ) from None


# -- the parsers' results, read into RawFeed --------------------------------------------


def _str(value: Any) -> str:
    if isinstance(value, str):
        return value
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)
    return ""


def feed_from_fast(parsed: Mapping[str, Any], text: str, uri: str) -> RawFeed:
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
        guid, link = _str(entry.get("id")), _fast_link(entry)
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
                published=parse_date(entry.get("published")),
                updated=parse_date(entry.get("updated")),
                authors=authors or [_str(entry.get("author"))],
                language=_str(body.get("language")),
            )
        )
    return feed


def _fast_link(entry: Mapping[str, Any]) -> str:
    links = [link for link in entry.get("links") or [] if isinstance(link, Mapping)]
    if not links:
        return _str(entry.get("link"))
    for link in links:
        if link.get("rel") in (None, "", "alternate"):
            return _str(link.get("href"))
    return ""


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
                published=parse_date(item.get("date_published")),
                updated=parse_date(item.get("date_modified")),
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


def parse_date(value: Any) -> datetime | None:
    """An ISO 8601 / RFC 3339 or RFC 822 date, timezone-aware (naive means UTC)."""
    if not isinstance(value, str) or not value.strip():
        return None
    value = value.strip()
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        try:
            parsed = parsedate_to_datetime(value)
        except (TypeError, ValueError, IndexError):
            return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


# -- RawFeed to items -----------------------------------------------------------------


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
    reference = document.fetched_at
    if reference.tzinfo is None:
        reference = reference.replace(tzinfo=UTC)
    feed_authors = authors_of(feed.authors)
    items: list[Item] = []
    seen: set[str] = set()
    for raw in feed.entries[:max_entries]:
        item = _item(raw, feed, source, uri, feed_title, feed_link, feed_authors, max_content_chars)
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
        if not html.strip():  # no content: the summary is the body too
            html, text = html_and_text(raw.summary, raw.summary_is_text, bases, max_content_chars)
            summary = cut(_strip_tag_like(squash(text)), SUMMARY_CHARS)
        elif raw.summary == raw.content:
            summary = cut(_strip_tag_like(squash(text)), SUMMARY_CHARS)
        else:
            markup = htmllib.escape(raw.summary) if raw.summary_is_text else raw.summary
            summary = plain_inline(markup, SUMMARY_CHARS)
    title = plain_inline(raw.title, TITLE_CHARS)
    derived = False
    if not title and (text or summary):
        title, derived = derive_title(text or summary), True
    if not (title or text or link):
        return None
    guid = squash(raw.guid)[:GUID_CHARS] or None
    identity = guid or link or "sha1:" + hashlib.sha1(f"{title}\n{text}".encode()).hexdigest()
    item = Item(
        id=stable_id(source.name, identity),
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


def _not_future(value: datetime | None, reference: datetime) -> datetime | None:
    if value is not None and value > reference + FUTURE_TOLERANCE:
        return None
    return value


def html_and_text(
    markup: str, is_text: bool, bases: Iterable[str | None], limit: int
) -> tuple[str, str]:
    """Sanitized HTML (relative links made absolute) and the plain text read from it."""
    markup = markup.replace(BLOCK, "").replace(LINE, "")
    if is_text:
        markup = paragraphs_html(markup)
    if len(markup) > limit * RAW_FACTOR:
        markup = markup[: limit * RAW_FACTOR]
    marked = sanitize_html(_UNWRAPPED_BLOCKS.sub(lambda m: BLOCK + m.group(0), markup))
    marked = _absolute_hrefs(marked, tuple(bases))
    text = text_of_sanitized(marked)
    if "<" in text:
        text = _DANGEROUS_TAG_LIKE.sub("", text)
    text = safety.cut_block(text, limit)
    return _capped_html(sanitize_html(marked.replace(BLOCK, "")), limit), text


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


def text_of_sanitized(markup: str) -> str:
    """Plain text of sanitized HTML: paragraphs separated by a blank line, lines by a newline.

    Read from an lxml tree with an explicit stack (several times faster than
    BeautifulSoup, and the nesting depth is the feed's, not Python's). Where
    libxml2 gives up on pathological nesting, BeautifulSoup reads it instead.
    """
    if "<" not in markup:
        return _paragraphs(htmllib.unescape(markup))
    try:
        root = fragment_fromstring(markup, create_parent="div")
    except (ValueError, etree.ParserError):
        return _text_with_soup(markup)
    out: list[str] = []
    stack: list[Any] = [root]
    while stack:
        node = stack.pop()
        if isinstance(node, str):
            out.append(node)
            continue
        if node.tail:
            stack.append(node.tail)
        name = node.tag if isinstance(node.tag, str) else None
        if name is None:
            continue  # a comment or processing instruction: only its tail is text
        if name == "br":
            out.append(LINE)
            continue
        if name in PARAGRAPH_TAGS:
            out.append(BLOCK)
            stack.append(BLOCK)
        elif name in LINE_TAGS:
            out.append(LINE)
        elif name in CELL_TAGS:
            stack.append(" ")
        stack.extend(reversed(node))
        if node.text:
            stack.append(node.text)
    text = "".join(out)
    if len(text) < len(markup) // 4 and len(_SANITIZED_TAG.sub("", markup)) > 2 * len(text):
        return _text_with_soup(markup)  # libxml2 stopped building the tree: too deep
    return _paragraphs(text)


def _text_with_soup(markup: str) -> str:
    from bs4 import BeautifulSoup, MarkupResemblesLocatorWarning

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", MarkupResemblesLocatorWarning)
        soup = BeautifulSoup(markup, "lxml")
    for tag in soup.find_all(True):
        name = tag.name
        if name in PARAGRAPH_TAGS:
            tag.insert_before(BLOCK)
            tag.append(BLOCK)
        elif name in LINE_TAGS:
            tag.insert_before(LINE)
        elif name == "br":
            tag.replace_with(LINE)
        elif name in CELL_TAGS:
            tag.append(" ")
    return _paragraphs(soup.get_text())


def _paragraphs(text: str) -> str:
    paragraphs = []
    for block in text.split(BLOCK):
        lines = [squash(line) for line in block.split(LINE)]
        lines = [line for line in lines if line]
        if lines:
            paragraphs.append("\n".join(lines))
    return "\n\n".join(paragraphs)


def plain_inline(markup: str, limit: int) -> str:
    """One line of plain text from a text construct that may hold HTML.

    Read from the sanitized HTML without building a tree: the sanitizer writes
    tags in one regular shape, so removing them leaves the text (blocks and
    ``<br>`` leave a space).
    """
    if not markup:
        return ""
    if "<" in markup or "&" in markup:
        safe = sanitize_html(_UNWRAPPED_BLOCKS.sub(lambda m: " " + m.group(0), markup))
        text = htmllib.unescape(_SANITIZED_TAG.sub("", _SANITIZED_BLOCK_TAG.sub(" ", safe)))
        text = _strip_tag_like(squash(text))
    else:
        text = squash(markup)
    return cut(text.replace(BLOCK, "").replace(LINE, ""), limit)


def _strip_tag_like(text: str) -> str:
    """Drop markup that survived as text (double-escaped HTML) from a one-line field."""
    return squash(_TAG_LIKE.sub(" ", text)) if "<" in text else text


def derive_title(text: str) -> str:
    """A title from the first sentence of the text, cut at a word."""
    first = next((p for p in text.split("\n") if p.strip()), "")
    sentence = _SENTENCE_END.split(first.strip(), maxsplit=1)[0]
    return cut(_strip_tag_like(sentence), DERIVED_TITLE_CHARS)


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
