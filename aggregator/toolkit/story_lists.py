"""Which numbered item of a list document each of its names lies in.

A digest (a newsletter issue, a press summary, a round-up) is a list of items, each
telling an event of its own, and a single report of one of those events shares its
names with that one item: the digest holds most of the report's names, but it is
not a report of the event. A joint statement, a fact sheet or the minutes of one
meeting number their paragraphs too, yet a report of that one event names what
several of them say, or what the lead says. So the evidence is pair by pair: where
the names two reports share lie in the list (:func:`confined_share`), not how many
items it has.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from zlib import crc32

from .story_evidence import WORD

ITEM = re.compile(
    r"^[ \t]*(?:\(?\d{1,2}[.)]|\(?[ivxIVX]{1,5}[.)]|\([a-zA-Z]\)|[-•*▪])[ \t]+\S", re.MULTILINE
)
"""A line that opens a numbered or bulleted item: "1.", "(2)", "3)", "IV.", "(b)", "- ",
"• "."""
_CLOSING_BRACKET = re.compile(r"\)[ \t\r]*$", re.MULTILINE)
_PICTURE_CREDIT = r"(?:Photos?|Files?|Images?|Videos?|Representational|Courtesy|Credits?)\b"
_CREDIT_TAIL = re.compile(
    rf"[.!?][\"”’]?[ \t]+(?:\((?!{_PICTURE_CREDIT})[A-Z][^()\n]{{0,40}}\)[ \t\r]*)+$"
)
"""A sentence's end followed by the names of its sources in brackets ("… in Kochi.
(Rashtra Today)", "… in Mumbai. (Nagoya Keizai) (Sahyadri Times)"): the line is one item
of a summary of the day's news (a wiki's current-events page, a press digest), which
credits each item where a report credits its sources in its text. Its bullet is often
lost when the page is copied as text, so the line is an item by its end. A bracket that
credits a picture ("(Photo: PIB)", "(File Photo)", "(Courtesy: …)") ends a caption's
line in an ordinary report, and is none of these."""
MIN_ITEMS = 3
"""Item lines a text needs to be a list: one or two are a report's own enumeration."""
LEAD_ITEMS = 2
"""The text before the first item and the first item: the lead of a list, which tells
its main event (a joint statement's first paragraph, a minutes' first item)."""
BODY_SHARE = 0.5
"""Share of a list's words an item holds at most: a longer one is the report's body."""
MAX_ITEM = 31
"""Items past this one share its bit of a name's item mask (masks are 32-bit)."""


def name_word_hash(word: str) -> int:
    """A name word's key, as the clusterer's name index, a list's item masks and the
    headline tests of :mod:`~aggregator.toolkit.story_match` all keep it."""
    return crc32(f"w:{word}".encode())


def name_items(text: str, names: Iterable[str]) -> dict[int, int]:
    """For a list (:data:`MIN_ITEMS` numbered, bulleted or credited lines or more:
    :data:`ITEM`, :func:`credited_lines`), the items each
    name word occurs in, as a bit mask (bit 0: the text before the first item, bit k:
    item k), by the name's hash (:func:`name_word_hash`, as the name index keeps
    it); for any other text, nothing.

    An item is the text from its line to the next item's, so a report's body that
    follows a short list (key points, the yards a memorandum names) would be its last
    item: an "item" of :data:`BODY_SHARE` of the text's words or more is counted as
    the lead, not as an item.
    """
    starts = sorted({*(found.start() for found in ITEM.finditer(text)), *credited_lines(text)})
    if len(starts) < MIN_ITEMS:
        return {}
    chunks = [
        WORD.findall(text[start:end].casefold())
        for start, end in zip([0, *starts], [*starts, len(text)], strict=True)
    ]
    body = BODY_SHARE * sum(map(len, chunks))
    wanted = set(names)
    masks: dict[str, int] = {}
    for number, words in enumerate(chunks):
        bit = 1 if len(words) >= body else 1 << min(number, MAX_ITEM)
        for word in wanted.intersection(words):
            masks[word] = masks.get(word, 0) | bit
    return {name_word_hash(word): mask for word, mask in masks.items()}


def credited_lines(text: str) -> list[int]:
    """Where each line of ``text`` that ends in its sources' names in brackets begins
    (:data:`_CREDIT_TAIL`); only lines ending in a bracket are looked at."""
    starts = []
    for found in _CLOSING_BRACKET.finditer(text):
        start = text.rfind("\n", 0, found.start()) + 1
        if _CREDIT_TAIL.search(text, start, found.end()):
            starts.append(start)
    return starts


def confined_share(
    shared: Iterable[int], items: Mapping[int, int], weights: Mapping[int, float]
) -> float:
    """The largest share of the weight of the ``shared`` names (those the text of the
    list gives) that one item past the lead holds alone: near 1.0 when everything two
    reports share is told in one item of a digest and nowhere else in it."""
    total = 0.0
    by_item: dict[int, float] = {}
    for name in shared:
        mask = items.get(name, 0)
        if not mask:
            continue
        total += weights[name]
        if mask & (mask - 1) == 0 and mask >= 1 << LEAD_ITEMS:
            by_item[mask] = by_item.get(mask, 0.0) + weights[name]
    return max(by_item.values(), default=0.0) / total if total else 0.0
