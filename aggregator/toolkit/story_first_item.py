"""The first item of a multi-item document: a morning briefing mail, a chamber's mailer,
a newspaper's city-in-brief column, a wiki's current-events day page.

Such a document tells several events under headings of one shape (numbered lines,
lines in capitals, or lines each crediting its sources), and is often labelled by its
first, the one it leads with. A report of that event shares its names with the first
item, but the other items' names dilute the overlap of the whole document's names.
:func:`first_item_of` gives the names of the first item alone (its heading and the
prose under it, up to the next heading of the same shape) and its heading's words, and
:func:`item_overlap` weighs them against another report's, beside the whole document's
names (:func:`~aggregator.toolkit.story_match.similarity`): the first item's names count
only for a report whose headline shares words with its heading (:data:`MIN_HEADING`).
The first item's names are banded too (``story_index.first_item_signature``): the whole
document's name bands seldom meet those of a report of one of its items.
"""

from __future__ import annotations

import re
import sys
from array import array
from collections.abc import Collection, Container, Iterable, Mapping
from typing import NamedTuple

from .minhash import jaccard
from .story_evidence import WORD, weighted_overlaps
from .story_lists import credited_lines, name_word_hash

_NUMBERED = re.compile(r"^[ \t]*\d{1,2}[.)][ \t]+\S[^\n]*$", re.MULTILINE)
"""A numbered heading: "1. Japan, India sign road map"."""
_CAPITALS = re.compile(
    r"^[ \t]*[A-Z0-9][A-Z0-9 ,'’:;&\-–—.]*[A-Z][A-Z0-9 ,'’:;&\-–—.]*$", re.MULTILINE
)
"""A heading in capitals: "MANGO GROWERS TOLD TO REGISTER"."""
_NUMBER = re.compile(r"^[ \t]*(\d{1,2})[.)]")
"""A numbered heading's number, which is no word of its event."""
MIN_HEADINGS = 3
"""Headings of one shape a document needs to be a multi-item one."""
MIN_HEADING_WORDS = 3
"""Words a heading in capitals needs: shorter ones are a masthead's or a section's."""
MIN_PROSE_WORDS = 15
"""Words under a heading that make it an item, not a line of a table of contents."""
MAX_HEADING_WORDS = 14
"""Words a heading has at most: a longer numbered line is a numbered paragraph's first line
(a joint statement's, a resolution's), whose text runs on as one report."""
_SENTENCE_END = re.compile(r"[.,;:!?\"”’)]\s*$")
"""How a line of running prose ends, and no heading does."""
MIN_SHARED = 3
"""Name words a first item must share with a report for their overlap to count (as two
whole reports must: :data:`~aggregator.toolkit.story_match.MIN_SHARED_NAMES`)."""
MIN_CONTAINED = 5
"""Name words it must share for the share of its names the report holds to count."""
MIN_HEADING = 0.1
"""Overlap of a first item's heading with the other report's headline that the first
item's names need to count (:func:`item_overlap`): a first item is short, and its few
names ("India", "Japan", a city, a minister) are what a report of the same trip's next
event, or an interview on its eve, holds too; a report of the item's own event names it
in its headline as the heading does (on dev21, a briefing mail's first item shares 0.0
and 0.05 of its heading with those, 0.19 to 0.46 with the reports of its event)."""
MIN_AFTER = 2
"""Headings of the shape after the first item's: fewer, and it is a report's body after
a short list rather than the first of several items."""
SECOND = 2
"""The number a list starts at when a cleaned text has lost its first heading to the
headline with the heading's number taken off (a radio bulletin's "1. India, Japan to
begin defence equipment transfer talks" read as the headline "India, Japan to begin …"):
the text above heading 2 is then item 1, told under the headline."""


def _headings(text: str) -> tuple[list[tuple[int, int]], bool]:
    """The (start, end) of the headings of the first shape with :data:`MIN_HEADINGS`
    lines or more, credited lines first, and whether they are credited lines: every such
    line is an item of its own, its prose and its heading at once."""
    credited = credited_lines(text)
    if len(credited) >= MIN_HEADINGS:
        return [(start, text.find("\n", start) % (len(text) + 1)) for start in credited], True
    for shape in (_NUMBERED, _CAPITALS):
        found = [
            (match.start(), match.end())
            for match in shape.finditer(text)
            if is_heading(match.group(), shape is _CAPITALS)
        ]
        if len(found) >= MIN_HEADINGS:
            return found, False
    return [], False


def is_heading(line: str, capitals: bool) -> bool:
    """Whether a numbered or capitalised line is short and ends as no sentence does."""
    words = len(WORD.findall(line.casefold()))
    if capitals and words < MIN_HEADING_WORDS:
        return False
    return words <= MAX_HEADING_WORDS and not _SENTENCE_END.search(line)


def first_item(text: str) -> str:
    """The first item of a multi-item document with prose under its heading, or "" for
    any other text (:data:`MIN_PROSE_WORDS`, :data:`MIN_AFTER`)."""
    return _first_item(text)[0]


def _first_item(text: str) -> tuple[str, bool]:
    """:func:`first_item`, and whether it is the text above a numbered list that starts at
    two (:data:`SECOND`), whose first heading is the headline."""
    headings, credited = _headings(text)
    if not headings:
        return "", False
    above = text[: headings[0][0]]
    if not credited and _number(text, headings[0]) == SECOND and _is_item(above):
        return above, True
    ends = [start for start, _ in headings[1:]] + [len(text)]
    for number, ((start, heading_end), end) in enumerate(zip(headings, ends, strict=True)):
        if len(headings) - number - 1 < MIN_AFTER:
            return "", False
        if _is_item(text[start:end] if credited else text[heading_end:end]):
            return text[start:end], False
    return "", False


def _is_item(prose: str) -> bool:
    return len(WORD.findall(prose.casefold())) >= MIN_PROSE_WORDS


def _number(text: str, heading: tuple[int, int]) -> int | None:
    """The number a heading starts with, if any."""
    found = _NUMBER.match(text[heading[0] : heading[1]])
    return int(found.group(1)) if found else None


class FirstItem(NamedTuple):
    """A multi-item document's first item: its heading's words and its name words."""

    heading: list[str]
    """The heading's words, case-folded."""
    names: list[str]
    """The name words (of those the document gives) the heading and the item give."""


def first_item_of(title: str, text: str, names: Iterable[str]) -> FirstItem | None:
    """The first item of a multi-item document (None for any other text), its heading the
    headline when that has a heading's shape (a mail's first heading, taken for its
    headline when the text was cleaned), else the item's first line."""
    item, under_title = _first_item(text)
    if not item:
        return None
    title = title.strip()
    numbered = _NUMBERED.fullmatch(title) or _CAPITALS.fullmatch(title)
    heading = title if under_title or numbered else ""
    if heading:
        item = f"{heading}\n{item}"
    else:
        heading = item.split("\n", 1)[0]
    return FirstItem(
        WORD.findall(_NUMBER.sub("", heading).casefold()),
        sorted(set(names).intersection(WORD.findall(item.casefold()))),
    )


def first_item_fields(
    first: FirstItem | None, stopwords: Container[str]
) -> tuple[bytes, tuple[str, ...]]:
    """What a report keeps of its first item: the hashes of its name words as uint32 bytes
    (:func:`~aggregator.toolkit.story_lists.name_word_hash`, sorted) and its heading's
    words without ``stopwords``, interned."""
    if first is None:
        return b"", ()
    hashes = sorted(map(name_word_hash, first.names))
    return (
        array("I", hashes).tobytes(),
        tuple({sys.intern(word) for word in first.heading if word not in stopwords}),
    )


def item_overlap(
    first: tuple[frozenset[int], Collection[str]],
    other: tuple[frozenset[int], Collection[str]],
    weights: Mapping[int, float],
) -> tuple[float, float]:
    """The weighted Jaccard overlap of a first item's name words (hashes) with another
    report's, and the share of the item's names' weight that report holds, each
    (name hashes, headline words); (0.0, 0.0) unless the item's heading shares
    :data:`MIN_HEADING` of its words with the report's headline, and the overlap's
    :data:`MIN_SHARED` names (:data:`MIN_CONTAINED` for the share)."""
    names, heading = first
    other_names, title = other
    shared = len(names & other_names)
    if shared < MIN_SHARED or jaccard(heading, title) < MIN_HEADING:
        return 0.0, 0.0
    overlap, held = weighted_overlaps(names, other_names, weights)
    return overlap, held if shared >= MIN_CONTAINED else 0.0
