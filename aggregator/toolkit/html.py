"""HTML in items: the one allow-list every HTML field passes, and plain text read from it.

HTML enters an item once, at parse: the parser sanitizes it there with
:func:`sanitize_html`, and ``Item.html`` is sanitized HTML from then on.
Plain text is read from sanitized HTML by :func:`text_of_sanitized`, or from
untrusted HTML by :func:`html_to_text`, which sanitizes it first.
"""

from __future__ import annotations

import functools
import html as htmllib
import re
import unicodedata
import warnings
from typing import Any

import nh3
from lxml import etree
from lxml.html import fragment_fromstring

from .prose import unwrap
from .text import squash, xml_safe

__all__ = [
    "BLOCK",
    "LINE",
    "drop_hidden",
    "html_to_text",
    "mark_blocks",
    "paragraphs_html",
    "sanitize_html",
    "strip_markers",
    "text_of_sanitized",
]

HTML_TAGS = {
    "a", "abbr", "b", "blockquote", "br", "cite", "code", "em", "figcaption", "figure",
    "h2", "h3", "h4", "i", "li", "ol", "p", "pre", "q", "s", "small", "strong", "sub",
    "sup", "table", "tbody", "td", "th", "thead", "tr", "u", "ul",
}  # fmt: skip
HTML_ATTRIBUTES = {"a": {"href", "title"}, "abbr": {"title"}, "td": {"colspan"}, "th": {"colspan"}}
URL_SCHEMES = {"http", "https", "mailto"}
URL_ATTRIBUTES = frozenset({"href"})
"""The allowed attributes that hold a URL: :func:`_url_attribute` checks them once more."""
_SCHEME = re.compile(r"[a-z][a-z0-9+.-]*:")
_INVISIBLE_CATEGORIES = frozenset({"Cc", "Cf", "Zs", "Zl", "Zp"})
_ASCII_INVISIBLE = {
    code: None for code in range(128) if unicodedata.category(chr(code)) in _INVISIBLE_CATEGORIES
}
"""The ASCII characters of :data:`_INVISIBLE_CATEGORIES`, for ``str.translate``."""
TAG_LIKE = re.compile(r"<[^\s<>\d=][^<>]*(?:>|(?=<)|$)")
"""Markup left as text (double-escaped HTML), terminated or not."""
DANGEROUS_TAG_LIKE = re.compile(
    r"<\s*/?\s*(?:script|style|iframe|frame|frameset|object|embed|applet|form|input|button"
    r"|textarea|select|img|image|isindex|svg|math|meta|link|base)\b[^<>]*(?:>|(?=<)|$)"
    r"|<\s*[^\s<>\d=][^<>]*?(?:\son[a-z]+\s*=|(?:javascript|vbscript|data):|expression\s*\()"
    r"[^<>]*"
    r"(?:>|(?=<)|$)",
    re.IGNORECASE | re.MULTILINE,
)
"""Markup left as text that a careless reader would run if it rendered the text as HTML
(escaped ``<img onerror=…>``, ``<script>``, ``<image>`` which parses as ``<img>``,
``<isindex>`` as a form): dropped from text read from HTML (:func:`text_of_sanitized`), so
that it reaches no plain-text field of an output (summaries, JSON Feed)."""

BLOCK = "\ue000"
"""Private-use character marking a paragraph boundary while text is read from HTML."""
LINE = "\ue001"
"""Private-use character marking a line break while text is read from HTML."""
UNWRAPPED_BLOCKS = re.compile(
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
HIDDEN = frozenset(
    {"script", "style", "template", "noscript", "iframe", "frame", "frameset", "object",
     "applet", "button", "select", "textarea", "svg", "math", "canvas", "audio", "video",
     "head", "title", "dialog", "nav"}
)  # fmt: skip
"""Elements left out of the text of untrusted HTML with everything inside them."""
CONTROLS = frozenset(
    {"form", "input", "label", "fieldset", "legend", "option", "optgroup", "embed", "source",
     "track", "meta", "link", "base", "param", "img", "picture"}
)  # fmt: skip
"""Tags dropped from the text; their content, if any, stays."""
_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9:-]*)[^<>]*>")
SANITIZED_TAG = re.compile(r'<(?:[^>"]|"[^"]*")*>')
"""A tag as the sanitizer writes it: attribute values double-quoted, ``<`` in text escaped."""
_LOOKS_LIKE_DOCUMENT = re.compile(r"^\s*<(?:html|!doctype)", re.IGNORECASE).match
"""Markup lxml.html parses as a whole document rather than as a fragment."""
_PLAIN_HTML_PARSER = etree.HTMLParser()
"""libxml2's HTML parser as lxml.html's (the same options), without its element classes."""


def sanitize_html(markup: str) -> str:
    """The allow-list every HTML field passes (nh3), with characters XML cannot carry dropped.

    The characters are dropped *before* the allow-list judges the markup, and
    when nh3 decodes a character reference to one (``java&#3;script:``), its
    output is dropped and judged again: removing a character after the
    allow-list could join a ``javascript:`` scheme it had let pass as a
    harmless relative URL. nh3's output holds no character references to
    decode, so the second pass is the last.
    """
    safe = _allow_list(xml_safe(markup))
    while xml_safe(safe) != safe:
        safe = _allow_list(xml_safe(safe))
    return safe


def _allow_list(markup: str) -> str:
    return _sanitizer().clean(markup)


@functools.cache
def _sanitizer() -> nh3.Cleaner:
    """The allow-list, built once: ``nh3.clean`` converts its sets for every call, which
    costs as much as the cleaning of a feed entry's description."""
    return nh3.Cleaner(
        tags=HTML_TAGS,
        attributes=HTML_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        attribute_filter=_url_attribute,
        link_rel="noopener noreferrer nofollow",
    )


def _url_attribute(tag: str, attribute: str, value: str) -> str | None:
    """A URL attribute's value, or None (dropped) when its scheme is not allowed once
    entities are decoded again and every space, control and format character is removed.

    nh3 judges the scheme as a URL parser does and lets ``\u2028javascript:…``,
    ``\xa0javascript:…`` or ``&#106;avascript:…`` (double-encoded) pass as relative
    URLs. No browser runs them, but a reader that strips Unicode spaces or decodes
    entities once more before it follows a link would: no real link looks like them.
    """
    if attribute not in URL_ATTRIBUTES:
        return value
    if value.isascii() and "&" not in value:
        # Nothing to decode: the same squeeze, at a tenth of the cost (most real links).
        squeezed = value.translate(_ASCII_INVISIBLE).lower()
    else:
        decoded = value
        for _ in range(3):
            decoded = htmllib.unescape(decoded)
        squeezed = "".join(
            char for char in decoded if unicodedata.category(char) not in _INVISIBLE_CATEGORIES
        ).lower()
    scheme = _SCHEME.match(squeezed)
    if scheme is not None and scheme.group(0)[:-1] not in URL_SCHEMES:
        return None
    return value


def paragraphs_html(text: str) -> str:
    """HTML paragraphs of plain text whose paragraphs are separated by a blank line.

    Hard-wrapped text (a PDF's, a print scan's, a filing's) is stored a line to a
    paragraph, as the cleaners read it; its wrapped lines are joined back into the
    paragraphs a reader expects (:func:`~aggregator.toolkit.prose.unwrap`)."""
    parts = [p.strip() for p in unwrap(text).split("\n\n") if p.strip()]
    return "".join(f"<p>{htmllib.escape(squash(p))}</p>" for p in parts)


def strip_markers(markup: str) -> str:
    """``markup`` without the private-use characters :func:`text_of_sanitized` reads as breaks."""
    return markup.replace(BLOCK, "").replace(LINE, "")


def mark_blocks(markup: str, marker: str = BLOCK) -> str:
    """``marker`` before every tag of a block the allow-list unwraps (``<div>``, ``<h1>``…).

    Marked before sanitizing, such a block still ends a paragraph in the text
    read from the sanitized HTML; the markup must hold no marker of its own
    (:func:`strip_markers`).
    """
    return UNWRAPPED_BLOCKS.sub(lambda match: marker + match.group(0), markup)


def html_to_text(markup: str) -> str:
    """Plain text of untrusted HTML, without what is no content (:func:`drop_hidden`), read
    from its sanitized form (:func:`text_of_sanitized`)."""
    return text_of_sanitized(sanitize_html(mark_blocks(drop_hidden(strip_markers(markup)))))


def drop_hidden(markup: str) -> str:
    """Untrusted HTML without the elements that are no content (:data:`HIDDEN`, with what is
    inside them) and without form controls and embeds (:data:`CONTROLS`).

    The allow-list keeps the text inside a ``<nav>``, a ``<button>`` or an
    ``<iframe>``; read as an article's text, it is noise. One linear scan over
    the tags rather than a parse and re-serialisation: the markup is sanitized
    right after, and serialising a deeply nested tree recurses.
    """
    out: list[str] = []
    hidden: dict[str, int] = {}
    depth = 0
    position = 0
    for tag in _TAG.finditer(markup):
        if not depth:
            out.append(tag.string[position : tag.start()])
        position = tag.end()
        closing, name = tag.group(1) == "/", tag.group(2).lower()
        if name in HIDDEN:
            if closing:
                if hidden.get(name):
                    hidden[name] -= 1
                    depth -= 1
            elif not tag.group(0).endswith("/>"):
                hidden[name] = hidden.get(name, 0) + 1
                depth += 1
            continue
        if depth or name in CONTROLS:
            continue
        out.append(tag.group(0))
    if not depth:
        out.append(markup[position:])
    return "".join(out)


def text_of_sanitized(markup: str) -> str:
    """Plain text of sanitized HTML: paragraphs separated by a blank line, lines by a newline.

    Paragraphs, headings, block quotes, lists, tables and figures end a
    paragraph (and so does a :data:`BLOCK` marker), list items, table rows and
    ``<br>`` end a line, cells are separated by a space; entities are decoded
    and whitespace is collapsed. Read from an lxml tree with an explicit stack
    (several times faster than BeautifulSoup, and the nesting depth is the
    document's, not Python's). Where libxml2 gives up on pathological nesting,
    BeautifulSoup reads it instead.
    """
    if "<" not in markup:
        return _paragraphs(_without_dangerous_tags(htmllib.unescape(markup)))
    try:
        stack = _fragment_nodes(markup)
    except (ValueError, etree.ParserError):
        return _text_with_soup(markup)
    out: list[str] = []
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
    text = _without_dangerous_tags("".join(out))
    if len(text) < len(markup) // 4 and len(SANITIZED_TAG.sub("", markup)) > 2 * len(text):
        return _text_with_soup(markup)  # libxml2 stopped building the tree: too deep
    return _paragraphs(text)


def _fragment_nodes(markup: str) -> list[Any]:
    """What ``fragment_fromstring(markup, create_parent="div")`` of lxml.html puts in its
    ``<div>``, as a stack to walk (last first): the body's elements, preceded by its
    leading text unless that is only whitespace.

    Built as lxml.html builds it (the markup wrapped in ``<html><body>``, libxml2's HTML
    parser), but with plain lxml elements: lxml.html's element classes are looked up in
    Python for every element, about a fifth of the cost of reading a feed entry's text,
    and the walk reads nothing they add.
    """
    if _LOOKS_LIKE_DOCUMENT(markup):
        return [fragment_fromstring(markup, create_parent="div")]
    document = etree.fromstring(f"<html><body>{markup}</body></html>", _PLAIN_HTML_PARSER)
    if document is None:
        raise etree.ParserError("Document is empty")
    bodies = [element for element in document if element.tag == "body"]
    if document.tag != "html" or len(bodies) != 1:  # lxml.html asserts
        return [fragment_fromstring(markup, create_parent="div")]
    body = bodies[0]
    stack: list[Any] = list(reversed(body))
    if body.text and body.text.strip():
        stack.append(body.text)
    return stack


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
    return _paragraphs(_without_dangerous_tags(soup.get_text()))


def _without_dangerous_tags(text: str) -> str:
    return DANGEROUS_TAG_LIKE.sub("", text) if "<" in text else text


def _paragraphs(text: str) -> str:
    paragraphs = []
    for block in text.split(BLOCK):
        if LINE in block:
            lines = [" ".join(line.split()) for line in block.split(LINE)]
            lines = [line for line in lines if line]
            if lines:
                paragraphs.append("\n".join(lines))
        elif block and not block.isspace():
            paragraphs.append(" ".join(block.split()))
    return "\n\n".join(paragraphs)


def strip_tag_like(text: str) -> str:
    """A one-line field made from text (a derived title) without markup that survived as
    text (double-escaped HTML): a careless reader would make an element of it."""
    return squash(TAG_LIKE.sub(" ", text)) if "<" in text else text
