"""The shapes of the lines above and below an article: what is never a headline.

A saved page, release, clipping or e-mail puts furniture around its headline:
a masthead or an issuer's name, a menu ("Home | About | …"), a breadcrumb
("Home > World"), kickers ("FOR IMMEDIATE RELEASE", "EXCLUSIVE"), section
labels, "Label: value" fields and separators. These functions tell such lines
apart by their shape, never by naming an outlet, so that
:mod:`aggregator.toolkit.plaintext` can choose the headline among what is left.
"""

from __future__ import annotations

import re
from typing import Final, NamedTuple

from aggregator.toolkit.boilerplate import classify

__all__ = [
    "DATE_LABELS",
    "HEADLINE_LABELS",
    "ORGANISATION_WORDS",
    "SOURCE_LABELS",
    "Field",
    "furniture_kind",
    "header_field",
    "is_name_like",
    "strip_kicker",
    "strip_reply_prefix",
]


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


ORGANISATION_WORDS: Final = _words(
    """ministry embassy consulate commission office government secretariat department
    bureau agency council corporation company co co. corp corp. ltd ltd. limited inc
    inc. plc llc group holdings centre center institute institution foundation forum
    university college association federation chamber authority board trust society
    organisation organization network newsroom press"""
)
"""Nouns that make a title-case line the name of an organisation, not a headline."""

HEADLINE_LABELS: Final = frozenset({"headline", "title", "subject", "re", "topic"})
DATE_LABELS: Final = frozenset({"date", "sent", "dated", "published", "posted", "released"})
SOURCE_LABELS: Final = frozenset({"source", "publication", "outlet", "newspaper", "publisher"})
OTHER_LABELS: Final = _words(
    """from to cc bcc section edition page client category categories tags tag keywords
    programme program issued by author authors byline reported written edited filed
    location dateline desk type series reference ref no"""
)

_FIELD = re.compile(r"(?P<label>[A-Za-z][A-Za-z .'/&-]{0,24}?)\s*:\s+(?P<value>\S.*)")
_REPLY_PREFIX = re.compile(r"(?:(?:fwd?|fw|re|aw|tr)\s*(?:\[\d+\])?\s*:\s*)+", re.IGNORECASE)
_KICKER_PREFIX = re.compile(r"(?P<kicker>[A-Z][A-Z&' -]{1,30})\s*[:|]\s+(?=\S)")
_MENU_SEPARATOR = re.compile(r"\s[|·•›»]\s|\s{2,}")
_BREADCRUMB = re.compile(r"\S.*?\s[>›/»]\s.*\S")
_SEPARATOR = re.compile(r"[\W_]{3,}")
_BRACKETED = re.compile(r"[\[(<].*[\])>]")
_CONTACT = re.compile(r"@|https?://|www\.|\.(?:com|org|net|example|in|jp|gov)\b|\+\d[\d -]{6,}")
_BUTTON = re.compile(r"\[[^\W\d_][\w ]{0,15}\]")
_WORD = re.compile(r"[^\W\d_][\w'’.&-]*")
_MINOR_WORDS: Final = _words("of and the in for on at to a an & de la")


class Field(NamedTuple):
    """A "Label: value" line of a header block."""

    label: str
    """The label, lower-cased, its spaces squashed ("issued by")."""
    value: str


def header_field(line: str) -> Field | None:
    """The "Label: value" a header line is, if its label is one headers use."""
    match = _FIELD.fullmatch(line)
    if match is None:
        return None
    label = " ".join(match["label"].lower().split())
    if label in HEADLINE_LABELS | DATE_LABELS | SOURCE_LABELS | OTHER_LABELS:
        return Field(label, match["value"].strip())
    if label.startswith(("first ", "last ")) or label.endswith(" by"):
        return Field(label, match["value"].strip())
    return None


def strip_reply_prefix(subject: str) -> str:
    """An e-mail subject without its "Re:", "FW:", "Fwd:" prefixes."""
    prefix = _REPLY_PREFIX.match(subject)
    return subject[prefix.end() :] if prefix else subject


def strip_kicker(headline: str) -> str:
    """A headline without a capitalised kicker before it ("EXCLUSIVE: …", "COLUMN | …")."""
    match = _KICKER_PREFIX.match(headline)
    if match is None or not match["kicker"].isupper():
        return headline
    rest = headline[match.end() :]
    return rest if len(rest.split()) >= 3 else headline


def furniture_kind(line: str) -> str | None:
    """Why a header line cannot be a headline ("menu", "kicker", …), or None."""
    words = line.split()
    if _SEPARATOR.fullmatch(line):
        return "separator"
    if _BRACKETED.fullmatch(line):
        return "bracketed"
    if len(_MENU_SEPARATOR.findall(line)) >= 2 or (line.count("|") >= 2):
        return "menu"
    if _BREADCRUMB.fullmatch(line) and _is_breadcrumb(line):
        return "breadcrumb"
    if _CONTACT.search(line):
        return "contact"
    if len(_BUTTON.findall(line)) >= 2 or line.endswith(("→", "»", "›", "▶")):
        return "link"
    if classify(line) is not None:
        return "boilerplate"
    if header_field(line) is not None:
        return "label"
    letters = [c for c in line if c.isalpha()]
    if letters and sum(c.isupper() for c in letters) >= 0.8 * len(letters):
        return "kicker"
    if sum(bool(_WORD.match(word)) for word in words) * 2 < len(words):
        return "figures"
    return None


def is_name_like(line: str) -> bool:
    """A title-case line that names something (an issuer, a masthead, a programme, a
    section) rather than says something: at most four words, or an organisation's name."""
    words = [word.strip(",.:;()") for word in line.split()]
    words = [word for word in words if word]
    if not words or not all(word[0].isupper() or word.lower() in _MINOR_WORDS for word in words):
        return False
    if len(words) <= 4:
        return True
    return len(words) <= 7 and any(word.lower() in ORGANISATION_WORDS for word in words)


def _is_breadcrumb(line: str) -> bool:
    parts = re.split(r"\s[>›/»]\s", line)
    return len(parts) >= 2 and all(len(part.split()) <= 4 for part in parts)
