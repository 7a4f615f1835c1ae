"""Text helpers every parser and publisher needs: decoding, normalising, XML safety."""

from __future__ import annotations

import codecs
import re
import unicodedata

from ..errors import DocumentError, SkipDocument

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


def decode_bom(content: bytes) -> str | None:
    """The text of bytes that start with a byte-order mark (without it), else None."""
    for bom, codec in _BOMS:
        if content.startswith(bom):
            return content[len(bom) :].decode(codec, errors="replace")
    return None


_BINARY_SIGNATURES = (b"%PDF", b"\x89PNG", b"PK\x03\x04", b"\x1f\x8b", b"GIF8", b"\xff\xd8\xff")
_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff]")
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_ASCII_CONTROL_BYTES = bytes([*range(0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0x7F])
"""The bytes of ``_CONTROL``'s characters that are ASCII."""
_SAMPLE = 8192
_NOT_CONTROL_BYTES = bytes(b for b in range(256) if b >= 32 or b in (9, 10, 12, 13))


def looks_binary(content: bytes) -> str | None:
    """Why ``content`` is not text (a reason in words), or None if it looks like text."""
    head = content[:_SAMPLE]
    if head.startswith(_BINARY_SIGNATURES):
        return "binary file (its first bytes are a known binary format's signature)"
    if b"\x00" in head:
        return "binary file (contains NUL bytes)"
    controls = len(head.translate(None, _NOT_CONTROL_BYTES))
    if head and controls / len(head) > 0.05:
        return "binary file (too many control characters)"
    return None


def decode_text(content: bytes, encoding: str | None = None) -> str:
    """Decode plain text as found in practice and normalise it.

    A BOM decides first; then UTF-8; then cp1252 (which is what "latin-1"
    text usually really is); bytes cp1252 leaves undefined say the text is
    in neither, so a detector names the codec (a fax OCR'd to Shift-JIS), and
    a text cp1252 reads whose bytes are mostly high gets the detector's
    double-byte codec if it names one (Shift-JIS katakana is all bytes
    cp1252 defines); then latin-1, which cannot fail. Line endings
    become ``\\n`` and the text is NFC-normalised. Raises
    :class:`SkipDocument` for an empty file and :class:`DocumentError` for a
    binary one.
    """
    if not content.strip():
        raise SkipDocument("empty file")
    text = decode_bom(content)
    if text is None:
        reason = looks_binary(content)
        if reason:
            raise DocumentError(reason)
        text = _decode_guess(content, encoding)
    return normalise(text)


def _decode_guess(content: bytes, encoding: str | None) -> str:
    if encoding:
        try:
            return content.decode(encoding)
        except (LookupError, UnicodeDecodeError) as exc:
            raise DocumentError(f"cannot decode as {encoding}: {exc}") from None
    try:
        return content.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        western: str | None = content.decode("cp1252")
    except UnicodeDecodeError:
        western = None
    if western is None or _mostly_high_bytes(content):
        guess = _detected(content, only=CJK_CODECS if western is not None else None)
        if guess is not None:
            return guess
    return western if western is not None else content.decode("latin-1")


CJK_CODECS = frozenset(
    {
        "cp932", "shift_jis", "shift_jis_2004", "shift_jisx0213", "euc_jp", "euc_jis_2004",
        "euc_jisx0213", "iso2022_jp", "gb2312", "gbk", "gb18030", "cp936", "hz", "big5",
        "big5hkscs", "cp950", "euc_kr", "cp949", "johab", "iso2022_kr",
    }
)  # fmt: skip
"""Double-byte codecs whose text often decodes as cp1252 without an error (a Shift-JIS
katakana line is all bytes cp1252 defines), and is then mojibake."""
HIGH_BYTE_SHARE = 0.1
"""Bytes of 0x80 and above that make a text worth a detector's look though cp1252 reads
it: a Western text in cp1252 has a few in a hundred (accents, quotes, dashes), a
double-byte one most of its non-Latin characters' bytes."""
_HIGH_BYTES = bytes(range(0x80, 0x100))


def _mostly_high_bytes(content: bytes) -> bool:
    high = len(content) - len(content.translate(None, _HIGH_BYTES))
    return high >= HIGH_BYTE_SHARE * len(content)


def _detected(content: bytes, only: frozenset[str] | None) -> str | None:
    """The text decoded with the codec charset-normalizer names, if it names one (of
    ``only``, when given) that decodes it; None otherwise. Latin-1 and ASCII are no
    answer: cp1252 or latin-1 read those already. The detector is imported here: few
    texts are neither UTF-8 nor cp1252, and every run and worker would pay its import."""
    import charset_normalizer

    guess = charset_normalizer.from_bytes(content).best()
    if guess is None or guess.encoding in ("latin_1", "ascii"):
        return None
    if only is not None and guess.encoding not in only:
        return None
    try:
        return content.decode(guess.encoding)
    except (LookupError, UnicodeDecodeError):
        return None


def normalise(text: str) -> str:
    """``\\n`` line endings, NFC, no control characters but tab and newline."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if text.isascii():  # already NFC; its bytes lose the controls ten times faster than a sub
        return text.encode("ascii").translate(None, _ASCII_CONTROL_BYTES).decode("ascii")
    text = _CONTROL.sub("", text)
    return unicodedata.normalize("NFC", text)


def xml_safe(text: str) -> str:
    """Drop characters XML 1.0 cannot carry (feedgen/lxml refuse them)."""
    return _XML_INVALID.sub("", text)


def squash(text: str) -> str:
    """Collapse runs of whitespace to one space."""
    return " ".join(text.split())


def cut(text: str, limit: int, ellipsis: str = "…") -> str:
    """``text`` cut to at most ``limit`` characters, at a word boundary when there is one near."""
    if len(text) <= limit:
        return text
    room = max(limit - len(ellipsis), 0)
    head = text[:room]
    space = head.rfind(" ")
    if space >= room * 0.6:
        head = head[:space]
    return head.rstrip(" ,;:-") + ellipsis
