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

What comes out is the work of :mod:`aggregator.toolkit.feed_entries` (the
parsers' results read into one shape) and :mod:`aggregator.toolkit.feed_items`
(entries made into items: HTML sanitized once, here where it enters, plain
text read from it, links absolute, fields capped).
"""

from __future__ import annotations

import json
import logging
import re
import warnings
import xml.parsers.expat
from dataclasses import dataclass
from typing import Any

from aggregator import (
    Config,
    Document,
    DocumentError,
    Item,
    Option,
    SkipDocument,
    SourceConfig,
    StashKey,
    hookimpl,
)
from aggregator.schema import positive
from aggregator.toolkit import feed_safety as safety
from aggregator.toolkit.feed_entries import (
    FEED_ROOTS,
    RawFeed,
    feed_from_fast,
    feed_from_feedparser,
    feed_from_json,
)
from aggregator.toolkit.feed_items import build_items

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


@dataclass(frozen=True)
class Settings:
    max_entries: int
    max_content_chars: int


SETTINGS = StashKey[Settings]()

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
_NEEDS_FEEDPARSER = re.compile(r"\b(?:type|mode)\s*=\s*[\"'](?:xhtml|base64|xml)[\"']")
"""Text constructs fastfeedparser reads differently from feedparser: inline XHTML titles
(read as empty) and base64 text (left encoded). ``xml:base`` is the third such construct."""
_NAKED_MARKUP = re.compile(r"<(?:title|description|summary|content)\b[^>]*>\s*<[A-Za-z]")
"""A text element that starts with a child element (Atom 0.3's mode="xml" default, or
unescaped HTML in RSS): fastfeedparser reads it as empty, feedparser reads the markup."""
_ATOM_BASE64 = re.compile(
    r"<(?:[A-Za-z_][\w.-]*:)?(?:title|subtitle|summary|content|rights)\b[^>]*?"
    r"\stype\s*=\s*[\"'](?!text[\"'/]|html|xhtml|[^\"']*xml[\"'])[^\"']+/[^\"']+[\"']"
)
"""An Atom text or content of another media type (RFC 4287 4.1.3.3: base64 encoded),
which fastfeedparser leaves encoded."""
_NOT_SPACE = re.compile(r"[^\s\ufeff]")
_PREFIXED_LINK = re.compile(r"<[A-Za-z_][\w.-]*:link\b")
_RSS_LINK = re.compile(r"<link[\s>]")
_FIRST_ITEM = re.compile(r"<(?:[A-Za-z_][\w.-]*:)?item[\s>]")
_ITEM_END = re.compile(r"</(?:[A-Za-z_][\w.-]*:)?item\s*>")


@hookimpl
def aggregator_configure(config: Config) -> None:
    options = config.plugin_options(NAME, SCHEMA)
    config.stash[SETTINGS] = Settings(options["max_entries"], options["max_content_chars"])


@hookimpl(trylast=True)
def aggregator_parse(document: Document, source: SourceConfig, config: Config) -> list[Item] | None:
    settings = config.stash[SETTINGS]
    return parse_document(
        document,
        source,
        max_entries=settings.max_entries,
        max_content_chars=settings.max_content_chars,
    )


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
        reason = None if backend == "fast" else _fast_unsuitable(text, data, root)
        if reason is None:
            tried_fast = True
            fast, reason = _try_fast(data, text, uri, root)
            if fast is not None or backend == "fast":
                return fast
        log.debug("feedparser reads %s: %s", uri, reason)
    try:
        result = _feedparser(data, uri)
    except DocumentError:
        if backend == "auto" and not tried_fast:
            fast, _ = _try_fast(data, text, uri, root)
            if fast is not None:
                return fast
        raise
    return feed_from_feedparser(result, uri, root=root)


def _fast_unsuitable(text: str, data: bytes, root: str = "") -> str | None:
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
    if _NAKED_MARKUP.search(text):
        return "a title or text holds child elements"
    if root == "feed" and _ATOM_BASE64.search(text):
        return "an Atom text of a non-text media type (base64)"
    if root != "feed" and _link_after_prefixed_link(text):
        return "an item's <link> follows an atom:link"
    checker = xml.parsers.expat.ParserCreate()
    try:
        checker.Parse(data, True)
    except xml.parsers.expat.ExpatError as exc:
        return f"not well-formed XML ({exc})"
    return None


def _link_after_prefixed_link(text: str) -> bool:
    """Whether an RSS item has a ``<link>`` after an ``atom:link`` (any prefix).

    fastfeedparser keeps the first element of each local name, so the
    ``atom:link`` (a payment or related link, say) hides the item's ``<link>``
    that follows it, and the entry has no link.
    """
    first_item = _FIRST_ITEM.search(text)
    if first_item is None:
        return False
    for prefixed in _PREFIXED_LINK.finditer(text, first_item.end()):
        item_end = _ITEM_END.search(text, prefixed.end())
        if item_end is None:
            return False  # in the channel after the last item, or in no item at all
        if _RSS_LINK.search(text, prefixed.end(), item_end.start()):
            return True
    return False


def _try_fast(data: bytes, text: str, uri: str, root: str = "") -> tuple[RawFeed | None, str]:
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
    return feed_from_fast(parsed, text, uri, root=root), ""


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
