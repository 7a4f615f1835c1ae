"""The one piece a page of several listed pieces is about.

A ministry's mail magazine or a society's bulletin may open on a contents list ("CONTENTS",
"INDEX", "In this issue") of numbered entries, then print each piece under its entry's
words again ("[1] <heading>", "1. <heading>"). Its masthead and issue line name the mail;
the article is its first piece, whose heading is the list's first entry. The list is one
only when an issue line ("… No. 41 | 29 June 2026", "… Vol. 88") stands over it, with no
byline between them (a magazine's article page with its own headline and byline, over the
issue's contents, is that article), and its first entry's words stand again as a heading
below it; the entry must read as a news piece's headline, not a column's name ("Note from
the chair"): a report's contents, repeated as its section headings, and a page's menu
stay as they are. The heading below is read as the headline, so that the whole list is
still cleaned away as a contents list.

An aggregator's page of one story ("Full coverage", a new-tab feed's card) names the topic
in its own words, then a label ("Top coverage", "Top stories") over the lead story: the
outlet's name, how long ago it was published, and its headline, with its first sentence
and other outlets' stories below as cards ("<outlet> · 3 hours ago · <headline>"). The
article is the lead story, its outlet the one named over it; the topic's name is the
aggregator's, not a headline. The page is one only when the label stands at its very top,
under short lines that are neither prose nor a byline (the site's name, its crumbs, the
topic), and two cards or more follow the lead: a "Top stories" box in or over an ordinary
article is the article's furniture.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Final

from aggregator.toolkit.bylines import BYLINE
from aggregator.toolkit.header_zone import Headline

__all__ = ["LEAD_STORY_RULE", "LISTED_PIECE_RULE", "lead_story_outlet", "listed_piece"]

LISTED_PIECE_RULE: Final = "first entry of a contents list, repeated as its piece's heading"
_CONTENTS = re.compile(r"(?:table of )?contents|index|in this (?:issue|edition|mail)", re.I)
_ENTRY = re.compile(r"(?:\[(?P<bracket>\d{1,2})\]|(?P<number>\d{1,2})[.)])\s+(?P<text>\S.*)")
LEAST_ENTRIES: Final = 2
_ISSUE_MARK = re.compile(r"\b(?:No\.|Vol\.|Volume)\s*\d{1,4}\b")
"""An issue's number on the mail's issue line ("… No. 41 | 29 June 2026", "… Vol. 88")."""
LEAST_WORDS: Final = 5
"""Words a news piece's headline has at least; a column's name ("Note from the chair")
has fewer."""
_COLUMN_NAMES = re.compile(
    r"(?:(?:a|an|the|our)\s+)?"
    r"(?:note|notes|letter|message|word|foreword|introduction|summary|welcome|editorial)\b",
    re.I,
)
REPEAT_WITHIN: Final = 12
"""How far below the list's first entry its heading may stand again."""

LEAD_STORY_RULE: Final = "lead story under an aggregator's coverage label"
_COVERAGE_LABEL = re.compile(r"(?:top|full|lead) (?:coverage|story|stories)", re.IGNORECASE)
_AGO = re.compile(r"\b\d{1,2}\s+(?:minutes?|mins?|hours?|hrs?|days?)\s+ago\b|\byesterday\b", re.I)
"""How long ago the lead story was published, as an aggregator says it."""
_SENTENCE_END = re.compile(r"[.!?…]$")
OUTLET_WORDS: Final = 6
LABEL_WITHIN: Final = 5
"""How many lines may stand over the coverage label: the site's name, crumbs, the topic."""
TOPIC_WORDS: Final = 8
LEAST_CARDS: Final = 2
CARDS_WITHIN: Final = 6
"""How many lines under the lead's headline the other outlets' cards must start in."""
BYLINE_WITHIN: Final = 4
"""How far past the cards a byline shows them a box over an article's own headline."""
LEAST_HEADLINE_WORDS: Final = 4
HEADLINE_LONGEST: Final = 160


def listed_piece(lines: Sequence[str], start: int, stop: int) -> Headline | None:
    """The headline of the piece a page of listed pieces is about, among lines
    ``start``-``stop``: a contents list's first piece, else an aggregator's lead story."""
    return _first_listed_piece(lines, start, stop) or _lead_story(lines, start, stop)


def lead_story_outlet(lines: Sequence[str]) -> str | None:
    """The outlet an aggregator's coverage page credits its lead story to: the name over
    the time it was published, under the coverage label."""
    found = _lead_story(lines, 0, len(lines))
    return lines[found.above[0]] if found is not None else None


def _first_listed_piece(lines: Sequence[str], start: int, stop: int) -> Headline | None:
    """The headline of the first piece under a contents list in lines ``start``-``stop``
    (see the module's docstring), read from the list's first entry without its number."""
    issue = False
    for index in range(start, min(stop, len(lines))):
        line = lines[index]
        if len(line) <= 20 and _CONTENTS.fullmatch(line.strip(" :")):
            return _repeated_first_entry(lines, index + 1) if issue else None
        if issue and BYLINE.match(line):
            return None
        if not issue and ("No" in line or "Vol" in line):
            issue = _ISSUE_MARK.search(line) is not None
    return None


def _repeated_first_entry(lines: Sequence[str], first: int) -> Headline | None:
    entries: list[str] = []
    index = first
    while index < len(lines) and (entry := _ENTRY.fullmatch(lines[index])):
        if entry["bracket" if entry["bracket"] else "number"] != str(len(entries) + 1):
            return None
        entries.append(entry["text"].strip())
        index += 1
    if len(entries) < LEAST_ENTRIES or len(entries[0].split()) < LEAST_WORDS:
        return None
    if _COLUMN_NAMES.match(entries[0]):
        return None
    for below in range(index, min(len(lines), index + REPEAT_WITHIN)):
        heading = _ENTRY.fullmatch(lines[below])
        if heading and heading["text"].strip() == entries[0]:
            return Headline(entries[0], (below,), LISTED_PIECE_RULE, ())
    return None


def _lead_story(lines: Sequence[str], start: int, stop: int) -> Headline | None:
    """The lead story's headline under a coverage label at the top of lines
    ``start``-``stop``: the label, the outlet's name, the time it was published ("5 hours
    ago · …"), the headline, then other outlets' cards (see the module's docstring)."""
    for index in range(start, min(stop, len(lines) - 3, start + LABEL_WITHIN + 1)):
        line = lines[index]
        if len(line) <= 20 and _COVERAGE_LABEL.fullmatch(line):
            outlet, when, headline = lines[index + 1 : index + 4]
            words = headline.split()
            if (
                len(outlet.split()) <= OUTLET_WORDS
                and not any(char.isdigit() for char in outlet)
                and _AGO.search(when)
                and len(words) >= LEAST_HEADLINE_WORDS
                and len(headline) <= HEADLINE_LONGEST
                and not _SENTENCE_END.search(headline)
                and _cards_below(lines, index + 4) >= LEAST_CARDS
            ):
                return Headline(headline, (index + 3,), LEAD_STORY_RULE, (index + 1,))
            return None
        if len(line.split()) > TOPIC_WORDS or _SENTENCE_END.search(line) or BYLINE.match(line):
            return None
    return None


def _cards_below(lines: Sequence[str], first: int) -> int:
    """How many other outlets' cards ("<outlet> · 7 hours ago · <headline>") stand in a run
    starting within a few lines of ``first``; none when a byline stands among those lines
    (a box of other stories over an article's own headline and byline)."""
    cards, run_over = 0, False
    for line in lines[first : first + CARDS_WITHIN + LEAST_CARDS + BYLINE_WITHIN]:
        parts = line.split(" · ")
        if BYLINE.match(line):
            return 0
        if len(parts) >= 3 and _AGO.search(parts[1]) and not run_over:
            cards += 1
        elif cards:
            run_over = True
    return cards
