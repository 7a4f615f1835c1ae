"""Guards for untrusted feed bytes, used by :mod:`aggregator.plugins.feed_parser`.

* Decoding: a BOM decides, then the byte patterns of UTF-16/32 and EBCDIC, then
  valid UTF-8 (whatever the declaration says: a document that decodes as UTF-8
  and has non-ASCII bytes is UTF-8, since legacy text almost never does), then
  the XML declaration and the HTTP charset, then UTF-8 with a few bad bytes,
  then cp1252. The parsers then get UTF-8 bytes whose declaration says so.
* Sniffing: what a document is, from its first element, skipping the prolog.
* DTD/ENTITY refusal: a DOCTYPE or ENTITY declaration anywhere in the prolog,
  or in the first 64 KB after it (outside CDATA sections and comments), is
  refused before any parser sees the document, so no entity is ever expanded.
* Caps and URLs: cutting text at a word, resolving references, keeping only
  http(s) links.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

from ..errors import DocumentError
from .text import cut, decode_bom, looks_binary, normalise

REFUSED_DTD = "refused: the feed declares a DTD/ENTITY (XML entity expansion is not allowed)"
DTD_WINDOW = 64 * 1024
"""How far past the prolog a stray DOCTYPE/ENTITY declaration is looked for (characters)."""
JUNK_WINDOW = 2048
"""How far into a document leading junk (a PHP warning, a stray line) may reach."""

_EBCDIC_XML = b"\x4c\x6f\xa7\x94"  # "<?xm" in EBCDIC
_XML_DECL_BYTES = re.compile(rb"^\s*<\?xml[^>]{0,200}?encoding\s*=\s*[\"']([A-Za-z0-9._:\-]+)[\"']")
_XML_DECL_TEXT = re.compile(r"^(\s*<\?xml[^>]{0,200}?encoding\s*=\s*)([\"'])[^\"']*\2")
_LATIN1 = frozenset({"latin_1", "ascii", "cp1252"})
_NOT_ASCII_COMPATIBLE = ("utf_16", "utf_32", "utf_7", "cp037", "cp273", "cp424", "cp500", "cp875")
_EBCDIC = frozenset({"cp037", "cp273", "cp424", "cp500", "cp875", "cp1026", "cp1140"})
_MOSTLY_UTF8 = 0.02
"""UTF-8 with at most this share of undecodable non-ASCII bytes is read as UTF-8."""


def _codec(label: str | None) -> str | None:
    """Python's codec name for an encoding label, or None for an unknown one."""
    if not label:
        return None
    try:
        return codecs.lookup(label.strip().strip("\"'")).name.replace("-", "_")
    except LookupError:
        return None


def declared_xml_encoding(content: bytes) -> str | None:
    """The encoding named in an ASCII-compatible XML declaration, if any."""
    match = _XML_DECL_BYTES.match(content[:512])
    return match.group(1).decode("ascii") if match else None


def decode_feed(content: bytes, charset: str | None = None) -> str:
    """Decode feed bytes as found in practice, normalised (``\\n``, NFC, no control characters).

    ``charset`` is the HTTP charset parameter. Raises :class:`DocumentError`
    for a binary document.
    """
    text = _decode_unicode_family(content)
    if text is None:
        reason = looks_binary(content)
        if reason:
            raise DocumentError(reason)
        text = _decode_ascii_family(content, charset)
    return normalise(text)


def cannot_hold_markup(content: bytes, charset: str | None) -> bool:
    """Whether :func:`decode_feed` would return a text without "<" or "{", told from the
    bytes alone: with no charset given, the only decoding that makes either character
    from other bytes is EBCDIC, chosen only for a document starting "<?xm" in EBCDIC.
    (UTF-8, the UTF-16 and UTF-32 forms and the ASCII-compatible codecs write "<" and
    "{" with the bytes 0x3C and 0x7B.) A plain-text article is refused as a feed this
    way without being decoded."""
    return (
        charset is None
        and b"<" not in content
        and b"{" not in content
        and not content.startswith(_EBCDIC_XML)
    )


def _decode_unicode_family(content: bytes) -> str | None:
    """Documents whose encoding the first bytes give away: BOMs, UTF-16/32, EBCDIC."""
    text = decode_bom(content)
    if text is not None:
        return text
    head = content[:4]
    if len(head) == 4 and 0 in head:
        if head[:3] == b"\0\0\0":
            return content.decode("utf-32-be", errors="replace")
        if head[1:] == b"\0\0\0":
            return content.decode("utf-32-le", errors="replace")
        if head[0] == 0 and head[1] != 0:
            return content.decode("utf-16-be", errors="replace")
        if head[0] != 0 and head[1] == 0:
            return content.decode("utf-16-le", errors="replace")
    if content.startswith(_EBCDIC_XML):
        prolog = content[:256].decode("cp037", errors="replace").encode("ascii", "replace")
        declared = _codec(declared_xml_encoding(prolog))
        return content.decode(declared if declared in _EBCDIC else "cp037", errors="replace")
    return None


def _decode_ascii_family(content: bytes, charset: str | None) -> str:
    try:
        return content.decode("utf-8")
    except UnicodeDecodeError:
        pass
    for label in (declared_xml_encoding(content), charset):
        codec = _codec(label)
        if codec is None or codec == "utf_8" or codec.startswith(_NOT_ASCII_COMPATIBLE):
            continue
        for candidate in ("cp1252", "latin_1") if codec in _LATIN1 else (codec,):
            try:
                return content.decode(candidate)
            except UnicodeDecodeError:
                continue
    lenient = content.decode("utf-8", errors="replace")
    high = sum(1 for byte in content if byte >= 0x80)
    if lenient.count("\ufffd") <= max(1, int(high * _MOSTLY_UTF8)):
        return lenient
    return content.decode("cp1252", errors="replace")


def as_utf8_xml(text: str) -> bytes:
    """Decoded XML back to bytes for a parser: UTF-8, and a declaration that says so."""
    return _XML_DECL_TEXT.sub(r"\1\2utf-8\2", text, count=1).encode("utf-8")


@dataclass(frozen=True)
class Prolog:
    """What precedes the root element of a markup document."""

    root: str | None
    """The root element's name as written (``rss``, ``rdf:RDF``), or None if none was found."""
    start: int
    """Where the root element starts (or where scanning stopped)."""
    dtd: bool
    """A DOCTYPE or ENTITY declaration was met before the root."""
    xml_declaration: bool

    @property
    def local_root(self) -> str:
        return (self.root or "").rpartition(":")[2].lower()


_NAME = re.compile(r"[A-Za-z_][\w.:\-]*")
_STRAY_DTD = re.compile(r"<!\s*(?:DOCTYPE|ENTITY)", re.IGNORECASE)
_OPAQUE = re.compile(r"<!\[CDATA\[.*?(?:\]\]>|\Z)|<!--.*?(?:-->|\Z)", re.DOTALL)
_NOT_IN_URL = re.compile(r'[\x00-\x1f<>"\\]')
"""Characters no link of a feed entry may hold (control characters include tab and newline)."""
_JUNK_END = re.compile(r"<\?xml\b|<(?:rss|feed|rdf:RDF|RDF)\b")


def scan_prolog(text: str, start: int = 0) -> Prolog:
    """Walk the XML prolog (declaration, comments, processing instructions, DOCTYPE)."""
    pos, length, dtd = start, len(text), False
    declaration = text.startswith("<?xml", _skip_space(text, pos))
    while True:
        pos = _skip_space(text, pos)
        if pos >= length or text[pos] != "<":
            return Prolog(None, pos, dtd, declaration)
        if text.startswith("<?", pos):
            end = text.find("?>", pos + 2)
            if end < 0:
                return Prolog(None, pos, dtd, declaration)
            pos = end + 2
        elif text.startswith("<!--", pos):
            end = text.find("-->", pos + 4)
            if end < 0:
                return Prolog(None, pos, dtd, declaration)
            pos = end + 3
        elif text.startswith("<!", pos):
            keyword = text[pos + 2 : pos + 9].upper()
            if not keyword.startswith(("DOCTYPE", "ENTITY")):
                return Prolog(None, pos, dtd, declaration)
            dtd = True
            close = text.find(">", pos)
            subset = text.find("[", pos, close if close >= 0 else length)
            if close < 0 or subset >= 0:
                # An internal subset is where entities live: nothing after it is needed.
                return Prolog(None, pos, dtd, declaration)
            pos = close + 1
        else:
            match = _NAME.match(text, pos + 1)
            return Prolog(match.group(0) if match else None, pos, dtd, declaration)


def _skip_space(text: str, pos: int) -> int:
    length = len(text)
    while pos < length and text[pos] in " \t\r\n\ufeff":
        pos += 1
    return pos


def skip_leading_junk(text: str) -> int:
    """Where the markup starts when a few lines of junk precede it (0 if none do)."""
    stripped = _skip_space(text, 0)
    if text.startswith("<", stripped):
        return 0
    match = _JUNK_END.search(text, 0, JUNK_WINDOW)
    return match.start() if match else 0


def refuse_dtd(text: str, prolog: Prolog) -> None:
    """Raise :class:`DocumentError` when the document declares a DTD or entities.

    The prolog was walked to its end; past the root's start, the next
    :data:`DTD_WINDOW` characters are searched too, outside CDATA sections and
    comments (which may quote a DOCTYPE as text).
    """
    if prolog.dtd:
        raise DocumentError(REFUSED_DTD)
    window = text[prolog.start : prolog.start + DTD_WINDOW]
    if "<!" in window and _STRAY_DTD.search(_OPAQUE.sub("", window)):
        raise DocumentError(REFUSED_DTD)


def cut_block(text: str, limit: int) -> str:
    """Multi-line text cut to ``limit`` characters, keeping paragraph breaks."""
    if len(text) <= limit:
        return text
    return cut(text[: limit + 1], limit).rstrip()


def resolve(reference: str | None, *bases: str | None) -> str | None:
    """``reference`` made absolute against the first absolute base (None stays None)."""
    if not reference:
        return None
    reference = reference.strip()
    if not reference:
        return None
    for base in bases:
        try:
            if base and urlsplit(base).scheme:
                return urljoin(base, reference)
        except ValueError:  # a malformed base (or reference): try the next base
            continue
    return reference


def http_url(url: str | None) -> str | None:
    """``url`` if it is an absolute http(s) URL with a host, else None."""
    if not url:
        return None
    url = url.strip().replace(" ", "%20")
    if _NOT_IN_URL.search(url):
        return None
    try:
        parts = urlsplit(url)
        if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
            return None
    except ValueError:
        return None
    return url
