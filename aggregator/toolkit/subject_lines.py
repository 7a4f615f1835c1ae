"""A mail's "Subject:" as a headline, and where the article's own headline stands instead.

A mail's subject is the sender's line for the message, which is the article's headline
only when the message is one article under its own heading:

* a subject given in two scripts ("【お知らせ】… / [Notice] …", a consulate's bilingual
  mail) is read by its side in Latin letters, the English feed's;
* a subject that numbers an issue ("Mail No. 210: …", "Weekly Report — Week 17") names
  the issue of a periodical mail; the article is the heading the body opens with;
* a subject whose words all stand in the heading the body opens with, which says more
  ("… on standardisation" / "… on standardisation, with focus on …"; "Press Release:
  Shareholders approve …" / "Castings shareholders approve …"), gives way to that
  heading, the article's own;
* a subject that names the release it sends ("News Release: …") is the sender's summary;
  the release's own headline is the heading its text opens with.

A pictograph before a subject ("✈ Fare sale …") is the sender's decoration, not a word; a
label naming what the mail asks of its reader ("Commission: …", "Invitation to speak: …",
"Request for comment: …") is the mail's kind, not the subject's words.

An official letter's or circular's "Sub:" line (the subject, as Indian offices and firms
abbreviate it) is read as a header field, not as the headline: in an exchange filing it is
the covering letter's ("Sub: Press Release - …"), over the release's own headline. It gives
the headline only where the header has none and no heading stands below a covering note
(:func:`letter_subject`): a dealer circular's numbered paragraphs under "Sub: …".
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from typing import Final

from aggregator.toolkit.header_lines import furniture_kind, header_field
from aggregator.toolkit.header_zone import HeaderZone, Headline, choose_headline

__all__ = [
    "LETTER_SUBJECT_RULE",
    "heading_under_subject",
    "latin_side",
    "letter_subject",
    "subject_headline",
]

SUBJECT_LABELS: Final = frozenset({"subject", "re"})
_OTHER_SCRIPT = re.compile(r"[\u0900-\u097f\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af\uff01-\uff60]")
"""Letters of a script other than the Latin (Devanagari, Japanese, Chinese, Korean)."""
_LATIN_WORD = re.compile(r"[A-Za-z]{2,}")
LATIN_SIDE_WORDS: Final = 3
_ISSUE_NUMBER = re.compile(
    r"\b(?:No\.?|Number|Issue|Week|Vol\.?|Volume|Edition)\s*#?\d|(?<!\w)#\d", re.IGNORECASE
)
"""An issue's number in a subject ("Mail No. 210", "Week 17", "Issue #4")."""
_RELEASE_KIND = re.compile(r"(?:press|news|media) release\s*[:|—–-]\s*\S", re.IGNORECASE)
"""A subject that names the kind of document it sends ("Press Release: …"): the sender's
summary of the release, whose own headline is the heading its text opens with."""
_WORD = re.compile(r"\w+")
LEAST_SUBJECT_WORDS: Final = 3
_REQUEST_LABEL = re.compile(
    r"(?:Commission(?:ing brief)?|Invitation to [a-z]+|Request for [a-z]+)\s*:\s+(?=\S)"
)
"""A label naming what the mail asks of its reader: to write a piece, to speak, to comment
(not "Invitation: …", a calendar's, whose event and day :mod:`header_repair` reads; nor
"Pitch: …", which is as often a cricket report's topic as a writer's offer)."""


def subject_headline(subject: str) -> str:
    """A subject as a headline: its side in Latin letters (see :func:`latin_side`), without
    the pictograph a sender puts before it ("✈ Fare sale …", "📢 …") nor a label naming
    what the mail asks ("Commission: …")."""
    subject = latin_side(subject)
    mark, space, rest = subject.partition(" ")
    pictograph = (
        len(mark) == 1 and unicodedata.category(mark).startswith("S") and not mark.isascii()
    )
    if pictograph and space and rest.strip():
        subject = rest.strip()
    label = _REQUEST_LABEL.match(subject)
    if label and len(subject[label.end() :].split()) >= LEAST_SUBJECT_WORDS:
        return subject[label.end() :]
    return subject


def latin_side(subject: str) -> str:
    """The side in Latin letters of a subject written in two scripts with a slash between
    ("…のお知らせ / Notice of …"); ``subject`` itself when it is not."""
    sides = subject.split(" / ")
    if len(sides) != 2:
        return subject
    latin = [side for side in sides if not _OTHER_SCRIPT.search(side)]
    other = [side for side in sides if _OTHER_SCRIPT.search(side)]
    if len(latin) != 1 or len(other) != 1:
        return subject
    words = _LATIN_WORD.findall(latin[0])
    return latin[0].strip() if len(words) >= LATIN_SIDE_WORDS else subject


def heading_under_subject(zone: HeaderZone, field: int, subject: str) -> Headline | None:
    """The heading the body opens with, under the "Subject:" field at line ``field``, when
    it is the article's headline rather than the subject (see the module's docstring)."""
    if not zone.start <= field < zone.end:
        return None
    found = header_field(zone.lines[field])
    if found is None or found.label not in SUBJECT_LABELS:
        return None
    below = [index for index in zone.candidates if index > field]
    if not below:
        return None
    heading = choose_headline(zone.lines, below, zone.anchors, zone.dated)
    if heading is None:
        return None
    if _ISSUE_NUMBER.search(subject) and not _ISSUE_NUMBER.search(heading.text):
        return heading._replace(rule=f"{heading.rule}, under a subject that numbers an issue")
    if _RELEASE_KIND.match(subject):
        return heading._replace(rule=f"{heading.rule}, under a subject that names a release")
    says = _WORD.findall(heading.text.casefold())
    words = set(says)
    told = (subject, subject.partition(": ")[2])
    for text in told:
        said = _WORD.findall(text.casefold())
        if len(said) >= LEAST_SUBJECT_WORDS and words.issuperset(said) and said != says:
            return heading._replace(rule=f"{heading.rule}, saying the subject's words")
    return None


LETTER_SUBJECT_LABELS: Final = frozenset({"sub"})
_GOES_ON: Final = frozenset("-–—")
_NAME = re.compile(r"(?:[A-Z][a-z'’-]+|[A-Z]\.)(?: (?:[A-Z][a-z'’-]+|[A-Z]\.)){1,3}")
"""A person's name ("R. Mehta", "Ramesh Kumar Sharma"): a sub-editor's, never a subject,
which says something and so holds a word in lower case or a figure."""
LETTER_SUBJECT_RULE: Final = 'letter\'s "Sub:" field, no headline above or below it'


def letter_subject(
    lines: Sequence[str], start: int, end: int
) -> tuple[str, tuple[str, str]] | None:
    """The headline a letter's "Sub:" field gives, with (its line, the rule), where the
    header zone ``lines[start:end]`` has one of three words or more that is no furniture
    and no person's name (a sub-editor's "Sub: R. Mehta", "Sub: Ramesh Kumar Sharma"). A
    subject that goes on in the next line ("… Port of Nagoya" / "– Information to port users
    – reg.") is left: its office's closing "– reg." is kept by some labelled halves and
    dropped by others."""
    for index in range(start, end):
        found = header_field(lines[index])
        if found is None or found.label not in LETTER_SUBJECT_LABELS:
            continue
        value, following = found.value, lines[index + 1] if index + 1 < len(lines) else ""
        if following[:1] in _GOES_ON or following[:1].islower():
            return None
        if (
            len(_WORD.findall(value)) >= LEAST_SUBJECT_WORDS
            and furniture_kind(value) is None
            and _NAME.fullmatch(value) is None
        ):
            return value, (lines[index], LETTER_SUBJECT_RULE)
        return None
    return None
