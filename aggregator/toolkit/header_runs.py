"""Whether a line goes on with the headline line above it, or stands on its own.

A headline split over two or three lines is read as one; the line under it may instead be
the issuer's name, a credit, the page's furniture, or a deck. A release prints its headline
in sentence case over a deck that says one thing more ("KIST and IIT Hyderabad open joint
research centre for disaster robotics" / "First overseas research base of the institute"):
a headline wrapped in sentence case goes on in lower case or on a name ("… for" / "Indian
workers"), so a line that opens on a common word written with a capital, a word the text
writes in lower case elsewhere ("first"), starts a sentence of its own, though the headline
runs near the text's width.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Final

from aggregator.toolkit.header_capitals import capitals_pair, capitals_run_on
from aggregator.toolkit.header_lines import (
    ORGANISATION_WORDS,
    furniture_kind,
    is_cut_title,
    is_name_like,
)
from aggregator.toolkit.header_shapes import is_title_case
from aggregator.toolkit.lines import WRAP_MARGIN
from aggregator.toolkit.titles import DANGLING_WORDS

__all__ = ["HEADLINE_MAX", "continues", "names_issuer", "opens_deck"]

HEADLINE_MAX: Final = 200
_SENTENCE_END = re.compile(r"[.!?][\"'”’)]*$")
_CANNOT_END: Final = DANGLING_WORDS - {"in", "on", "at", "by", "for", "but"}
"""Words a headline cannot end on ("… of the"); "… Two Years On" or "… to Sign In" can."""
_PERSON = re.compile(r"(?:[A-Z][a-z'’-]+|[A-Z]\.)(?: (?:[A-Z][a-z'’-]+|[A-Z]\.)){1,2}")
"""A person's name alone on a line (an author under the title)."""
_CAPITALISED = re.compile(r"[A-Z][a-z]+(?=\s)")
_COLUMNS = re.compile(r"\S {4,}\S")
"""Words set apart by a run of spaces: a line laid out in columns (a gazette's register
number in two scripts), never the rest of a headline."""


def continues(
    text: str, following: str, width: int | None, candidate: bool, deck: bool = False
) -> bool:
    """Whether ``following`` goes on with the headline line ``text``: a headline cannot end
    on "of the", a colon, a possessive ("… from India's"), in title case on a small word ("…
    Ruling on" / "India–Japan DTAA"), nor in sentence case on one over a headline-shaped line
    not in title case ("… bet on" / "LFP cells for …"); a line in lower case (not a credit,
    "by …"), or under one wrapped at the text's width (not an issuer's name, nor a ``deck``:
    :func:`opens_deck`), goes on."""
    if not following or following.startswith(("by ", "via ")) or len(following) > HEADLINE_MAX:
        return False
    if _SENTENCE_END.search(following[-3:]):
        return False
    if candidate and (capitals_pair(text, following) or is_cut_title(text)):
        return True
    if capitals_run_on(text, following):
        return True
    if furniture_kind(following) is not None or _COLUMNS.search(following):
        return False
    if following[0].islower():
        return not _SENTENCE_END.search(text[-3:])
    if text.endswith(":"):
        return candidate
    if text.endswith(("'s", "’s")):
        return True
    last = text.split()[-1].lower()
    if last in _CANNOT_END:
        return is_title_case(text)
    if last in DANGLING_WORDS and not _PERSON.fullmatch(following):
        return is_title_case(text) or (candidate and not is_title_case(following))
    wrapped = width is not None and len(text) >= width - WRAP_MARGIN and len(following) < len(text)
    return (
        candidate
        and wrapped
        and not deck
        and not is_name_like(text)
        and not names_issuer(following)
    )


def names_issuer(line: str) -> bool:
    """A line that names an organisation or its office, in mixed case ("Economic Research
    Department, Deccan Bank"): the issuer under a headline, never the headline's end."""
    words = [word.strip(",.&()").lower() for word in line.split()]
    return is_name_like(line) and any(word in ORGANISATION_WORDS for word in words)


def opens_deck(text: str, following: str, lines: Sequence[str]) -> bool:
    """Whether ``following``, under the sentence-case headline line ``text``, opens on a
    common word with a capital: a deck, never the headline's second line (``lines``: the
    text, where the word is looked for in lower case)."""
    word = _CAPITALISED.match(following)
    if word is None or is_title_case(text):
        return False
    return re.search(rf"\b{word[0].lower()}\b", "\n".join(lines)) is not None
