"""Turning a page's bytes into text, the way browsers pick its character encoding.

No lxml here: a plugin that only needs the text of a page's bytes can use
:func:`decode_html` without loading the HTML parser.
"""

from __future__ import annotations

import codecs
import re
from typing import Final

from aggregator.toolkit.text import normalise

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
