"""Shared helpers of the page modules: the lxml tree, text of elements, URLs, class words.

Internal to :mod:`aggregator.toolkit.pages`; nothing here is part of the toolkit's API.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from datetime import UTC, datetime
from typing import Any, Final
from urllib.parse import urljoin, urlsplit

import lxml.etree

from aggregator.toolkit.dates import parse_date

Element = Any
"""An ``lxml.etree._Element`` (lxml ships no type information)."""


SOFT: Final = "data-aggregator-soft"
"""Marks blocks left out of the article text but kept for link finding: teasers,
related stories, the header of an ``<article>`` card."""


_HARD_JUNK = re.compile(
    r"(?<![a-z])(?:comments?|commenting|disqus|share|sharing|sharebar|social|newsletters?"
    r"|subscribe|subscription|signup|cookies?|consent|gdpr|advert\w*|ads?|adslot|adunit"
    r"|sponsor\w*|breadcrumbs?|popup|modal|outbrain|taboola|footer|masthead)(?![a-z])"
)
"""Class/id words of blocks that are never article text."""


_SOFT_JUNK = re.compile(
    r"(?<![a-z])(?:related|recommend(?:ed|ations?)?|more-stories|promo\w*|header)(?![a-z])"
)
"""Class/id words of blocks that are not the article's text but may list other articles."""


_WEAK_JUNK = re.compile(
    r"(?<![a-z])(?:nav|navbar|navigation|menu|sidebar|side-bar|widgets?|toolbar|pagination"
    r"|pager|topbar|skip-link|tags|tag-list|rail|banner|utility|print-only)(?![a-z])"
)
"""Class/id words of blocks that are usually not article text."""


_POSITIVE = re.compile(
    r"(?<![a-z])(?:article|articlebody|body|content|entry|main|story|text|prose)(?![a-z])"
)
"""Class/id words that save a block from a weak word ("main-content with-sidebar")."""


CODE_TOKENS: Final = "descendant::pre//* | descendant::code//*"
"""Elements inside code: a syntax highlighter's classes name tokens ("comment", "meta",
"tag"), not parts of the page, so no class word removes them."""


_STATE_TOKEN = re.compile(r"(?:has|with|no|is|show|hide|enable|disable)-")
"""Class tokens that describe a state ("has-comments"), not the block."""


_CAMEL = re.compile(r"([a-z0-9])([A-Z])")


BLOCK_TAGS: Final = frozenset(
    {"p", "div", "section", "article", "main", "header", "footer", "aside", "nav",
     "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "dl", "dt", "dd", "blockquote",
     "pre", "table", "thead", "tbody", "tfoot", "tr", "td", "th", "caption", "figure",
     "figcaption", "address", "center", "details", "summary", "hgroup", "hr", "form",
     "fieldset", "body", "html", "menu", "dialog"}
)  # fmt: skip


HEADINGS: Final = frozenset({"h1", "h2", "h3", "h4"})


MIN_PARAGRAPH: Final = 25
"""Characters a paragraph needs to count in text-density scoring."""


MIN_CONTENT: Final = 200
"""Paragraph characters a preferred container (``<article>``, ``<main>``) needs."""


MAX_NAME: Final = 80


_XML_DECL = re.compile(r"^\s*<\?xml[^>]*>")


_SPACE = re.compile(r"\s+")


_BY_PREFIX = re.compile(
    r"^(?:(?:written|posted|reported|words|story|text|photos?)\s+)?by\b\s*:?\s*", re.IGNORECASE
)


_NAME_SPLIT = re.compile(r"\s*(?:,|;|&|\band\b|\|)\s*")


_WORD = re.compile(r"\w+")


_URLISH = re.compile(r"(?:[a-z][a-z0-9+.-]*:)?//|www\.", re.IGNORECASE)


def _parser() -> Any:
    # A parser per call: lxml parsers must not be shared between threads.
    return lxml.etree.HTMLParser(
        remove_comments=True, remove_pis=True, huge_tree=True, no_network=True
    )


def _parse_tree(text: str) -> Element:
    text = _XML_DECL.sub("", text, count=1)  # lxml refuses str input with an encoding declaration
    if text.strip():
        try:
            root = lxml.etree.fromstring(text, parser=_parser())
        except (lxml.etree.LxmlError, ValueError):
            root = None
        if root is not None:
            return root
    return lxml.etree.fromstring("<html><body></body></html>", parser=_parser())


def _strip_tags(root: Element, tags: Iterable[str]) -> None:
    lxml.etree.strip_elements(root, *tags, with_tail=False)  # keeps their tail text


def _drop(el: Element) -> None:
    """Remove an element and what it holds, keeping the text that follows it."""
    parent = el.getparent()
    if parent is None:
        return
    if el.tail:
        previous = el.getprevious()
        if previous is not None:
            previous.tail = (previous.tail or "") + el.tail
        else:
            parent.text = (parent.text or "") + el.tail
    parent.remove(el)


def _text(el: Element) -> str:
    """The text of an element and everything inside it (not the text after it)."""
    return "".join(el.itertext())


def _loose_text(el: Element) -> str:
    """The text of an element outside its block children: its own text, its inline
    children's and the text after each child (a body split by ``<br>``, not ``<p>``)."""
    pieces = [el.text or ""]
    for child in el:
        if isinstance(child.tag, str) and child.tag not in BLOCK_TAGS:
            pieces.append(_text(child))
        pieces.append(child.tail or "")
    return " ".join(piece.strip() for piece in pieces if piece.strip())


def _squash(text: str | None) -> str:
    return " ".join(text.split()) if text else ""


def _tokens(value: str | None) -> list[str]:
    return value.lower().split() if value else []


def _absolute(href: str | None, base: str) -> str | None:
    """``href`` resolved against ``base``, if that gives an http(s) URL."""
    if not href:
        return None
    href = re.sub(r"[\t\n\r]", "", href).strip()
    if not href or href.startswith("#"):
        return None
    try:
        resolved = urljoin(base, href)
        parts = urlsplit(resolved)
        host = parts.hostname
    except ValueError:
        return None
    if parts.scheme not in ("http", "https") or not host:
        return None
    return resolved


def _host(url: str) -> str:
    try:
        host = urlsplit(url).hostname or ""
    except ValueError:
        return ""
    return host.removeprefix("www.")


def _class_words(el: Element) -> str:
    """An element's class and id, camelCase split, lower-cased, without state tokens."""
    return f"{_words(el.get('class'))} {_words(el.get('id'))}".strip()


@functools.lru_cache(maxsize=4096)
def _words(raw: str | None) -> str:
    if not raw:
        return ""
    words = _CAMEL.sub(r"\1-\2", raw).lower().split()
    return " ".join(word for word in words if not _STATE_TOKEN.match(word))


@functools.lru_cache(maxsize=4096)
def _word_kinds(words: str) -> tuple[bool, bool, bool, bool]:
    """Whether class words say (hard junk, soft junk, weak junk, content)."""
    return (
        _HARD_JUNK.search(words) is not None,
        _SOFT_JUNK.search(words) is not None,
        _WEAK_JUNK.search(words) is not None,
        _POSITIVE.search(words) is not None,
    )


def _parse_datetime(value: str | None) -> datetime | None:
    """An ISO 8601 or news-style date string as an aware datetime (naive means UTC)."""
    if not value:
        return None
    value = value.strip()
    if not value or len(value) > 100:
        return None
    parsed: datetime | None
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        parsed = parse_date(value)
    if parsed is None or not 1900 <= parsed.year <= 2100:
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def _looks_like_url(text: str) -> bool:
    return bool(_URLISH.match(text)) or ("/" in text and " " not in text)


def _clean_names(texts: Iterable[str]) -> list[str]:
    """Person names from author fields and bylines ("By A, B and C" gives A, B, C)."""
    names: list[str] = []
    seen: set[str] = set()
    for raw in texts:
        text = _BY_PREFIX.sub("", _squash(raw))
        if not text or len(text) > 200 or _looks_like_url(text):
            continue
        for part in _NAME_SPLIT.split(text):
            name = part.strip(" .:-–—|")
            if not name or len(name) > MAX_NAME or "@" in name or _looks_like_url(name):
                continue
            if len(name.split()) > 6 or not any(ch.isalpha() for ch in name):
                continue
            if name.isupper() and len(name) > 5:
                name = name.title()
            if name.lower() not in seen:
                seen.add(name.lower())
                names.append(name)
    return names


def _site_key(text: str) -> str:
    """Words only, lower-cased: for comparing titles and site names."""
    return " ".join(_WORD.findall(text.lower()))


def _main_element(root: Element) -> Element | None:
    main = next(root.iter("main"), None)
    if main is not None:
        return main
    return next((el for el in root.xpath("descendant::*[@role]") if el.get("role") == "main"), None)
