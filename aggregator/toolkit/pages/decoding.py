"""Whether bytes are an HTML page, and turning a page's bytes into text, the way
browsers pick its character encoding.

No lxml here: a plugin that only needs to recognise a page or read the text of
its bytes can use :func:`is_html_page` and :func:`decode_html` without loading
the HTML parser.
"""

from __future__ import annotations

import codecs
import re
from typing import Final

from aggregator.toolkit.text import normalise

HTML_TYPES: Final = frozenset({"text/html", "application/xhtml+xml"})
GENERIC_TYPES: Final = frozenset(
    {"", "application/octet-stream", "binary/octet-stream", "application/unknown",
     "unknown/unknown", "application/x-unknown", "*/*"}
)  # fmt: skip
"""Media types that say nothing about the content: it is sniffed."""
SNIFF_BYTES: Final = 1024
"""Bytes looked at to tell a page from a feed."""
_FEED_START = re.compile(
    rb"(?:\xef\xbb\xbf)?\s*(?:<\?[^>]*>\s*|<!--.*?-->\s*)*<(?:rss|feed|rdf:rdf|channel)\b"
    rb"|(?:\xef\xbb\xbf)?\s*\{.*jsonfeed\.org",
    re.IGNORECASE | re.DOTALL,
)
"""An XML feed (after a BOM, declarations, processing instructions, comments) or a JSON Feed."""
_HTML_START = re.compile(
    rb"(?:\xef\xbb\xbf)?\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*(?:<!doctype\s+html|<html)",
    re.IGNORECASE | re.DOTALL,
)


def is_html_page(media_type: str | None, content: bytes) -> bool:
    """Whether a document is an HTML page.

    By its media type (``text/html``, ``application/xhtml+xml``, parameters
    ignored) unless its first bytes are plainly a feed, since servers send
    feeds as ``text/html``; by its first bytes when the media type says
    nothing (:data:`GENERIC_TYPES`); never for another media type. The feed
    source asks it to decide on autodiscovery, the page parser to take a
    document.
    """
    kind = (media_type or "").split(";", 1)[0].strip().lower()
    head = content[:SNIFF_BYTES]
    if kind in HTML_TYPES:
        return _FEED_START.match(head) is None
    if kind not in GENERIC_TYPES:
        return False
    return _HTML_START.match(head) is not None


DECODE_SNIFF: Final = 16384
"""Bytes searched for a ``<meta charset>``."""


_LATIN1_CODECS: Final = frozenset({"cp1252"})


_META_CHARSET = re.compile(
    rb"""<meta[^>]{0,512}?charset\s*=\s*["']?\s*([A-Za-z0-9_:.\-]+)""", re.IGNORECASE
)


_XML_ENCODING = re.compile(rb"""^\s*<\?xml[^>]{0,200}?encoding\s*=\s*["']([A-Za-z0-9_.\-]+)""")


def decode_html(content: bytes, encoding: str | None = None) -> str:
    """Decode an HTML page's bytes, then normalise it (:func:`~aggregator.toolkit.text.normalise`).

    A byte-order mark decides first; then the transport's charset
    (``encoding``), the ``<meta charset>`` (or ``http-equiv``) and the XML
    declaration, each tried strictly; then UTF-8; then cp1252, replacing what
    it cannot map. As in browsers, ``iso-8859-1`` and ``us-ascii`` mean
    cp1252, and a ``<meta>`` claiming UTF-16 in an ASCII-compatible page means
    UTF-8. When the transport says latin-1 (a common server default) and the
    page declares another charset, the page's declaration is tried first.
    """
    for bom, codec in (
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF32_LE, "utf-32"),
        (codecs.BOM_UTF32_BE, "utf-32"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if content.startswith(bom):
            return normalise(content.decode(codec, errors="replace"))
    head = content[:DECODE_SNIFF]
    labels = [m.group(1) for m in _XML_ENCODING.finditer(head)]
    labels += [m.group(1) for m in _META_CHARSET.finditer(head)]
    declared = [_codec(label.decode("ascii"), in_page=True) for label in labels]
    transport = _codec(encoding, in_page=False)
    candidates: list[str | None] = [transport, *declared]
    if transport in _LATIN1_CODECS and any(c and c != transport for c in declared):
        candidates = [*declared, transport]
    for candidate in [*candidates, "utf-8"]:
        if candidate is None:
            continue
        try:
            return normalise(content.decode(candidate))
        except (UnicodeDecodeError, LookupError):
            continue
    return normalise(content.decode("cp1252", errors="replace"))


def _codec(label: str | None, *, in_page: bool) -> str | None:
    if not label:
        return None
    try:
        name = codecs.lookup(label.strip().strip("\"'")).name
    except LookupError:
        return None
    if name in ("latin-1", "iso8859-1", "ascii"):
        return "cp1252"
    if in_page and name.startswith(("utf-16", "utf-32")):
        return "utf-8"
    return name
