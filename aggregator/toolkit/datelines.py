"""Datelines and place lines at the top of a plain-text article.

A dateline opens the first paragraph with where (and often when and through
which agency) the story was filed: "TOKYO, Feb 17 (Kyodo) - …",
"Seoul, Nov 20 -", "NEW DELHI — …". A place line is the same place alone on
the line above the first paragraph ("Tokyo").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Final

from aggregator.toolkit.article_dates import DateReader
from aggregator.toolkit.dates import DateMatch
from aggregator.toolkit.header_lines import agency_name
from aggregator.toolkit.lines import PROSE_END, word_set

__all__ = [
    "Dateline",
    "among_section_headings",
    "is_place_line",
    "is_prose",
    "match_dateline",
    "place_before_date",
    "place_name",
]


_PLACE_STOP_WORDS: Final = word_set(
    """on in at by for from during after before since until with without
    what why how who whom whose which where
    updated published posted written reported source sources also read key
    share summary the a an i we he she it they this that these those but and
    or if when while as meanwhile however according earlier later today
    yesterday monday tuesday wednesday thursday friday saturday sunday
    january february march april may june july august september october
    november december jan feb mar apr jun jul aug sep sept oct nov dec"""
)
"""Words no place name opens with: a line opening so is a heading ("WHAT HAPPENED", "WHY
IT MATTERS" over a note's sections), a label or prose, not a dateline's place."""
_NOT_PLACES: Final = word_set(
    """background summary overview introduction context abstract conclusion conclusions
    recommendations details highlights analysis notes purpose scope findings wire news
    times post daily herald journal gazette tribune express chronicle review weekly
    monitor courier ledger standard telegraph observer bulletin digest"""
)
"""Section headings and the nouns of newspapers' names: a line of them is no place."""

_PLACE_WORD = r"[A-Z][A-Za-z.'’\-]*"
_PLACE = re.compile(rf"{_PLACE_WORD}(?: (?:{_PLACE_WORD}|de|da|del|la|le|of|upon|sur)){{0,3}}")
_PLACE_LINE = re.compile(rf"{_PLACE_WORD}(?: {_PLACE_WORD})?")
"""One or two words: a place line can then never be a headline (three or more)."""
_ENUMERATOR = re.compile(r"(?:[IVXLC]+|[A-Z]|\d+)[.)]\s")
"""The number of a section heading ("I. Politics", "B) Trade"): no place opens so."""
_COMMA = re.compile(r",\s*")
_PAREN = re.compile(r"\s*\(\s*(?P<text>[^()]{1,40}?)\s*\)")
_DATELINE_END = re.compile(r"\s*(?:\.?[-–—:]+\s*|$)")
"""The dash after a dateline; a Spanish agency's puts a full stop before it ("Madrid, 10 mar
(EFE).- …")."""
_CAPS_DATELINE_END = re.compile(r"\s+[-–—]+\s+")
_BULLET = re.compile(r"[-–•*·▪●]\s+(?=\S)")
_AFTER_PLACE = frozenset("(-–—")
"""What ``_PAREN`` or ``_CAPS_DATELINE_END`` needs first after the spaces following a place:
most lines, prose, have another word there and skip both patterns."""


@dataclass
class Dateline:
    place: str
    date: DateMatch | None
    agency: str | None
    end: int
    """Index just past the dateline in its line."""
    standalone: bool


def is_prose(line: str, least: int = 8) -> bool:
    """A sentence of ``least`` words or more, not a bullet."""
    return (
        not _BULLET.match(line)
        and len(line.split()) >= least
        and PROSE_END.search(line[-4:]) is not None
    )


def is_place_line(line: str, following: str, previous: str = "") -> bool:
    """A bare place name ("Tokyo") standing right before the first paragraph: not a
    numbered section heading, and not under a bulleted list (the article has begun)."""
    return (
        len(line) <= 30
        and _PLACE_LINE.fullmatch(line) is not None
        and _ENUMERATOR.match(line) is None
        and _BULLET.match(previous) is None
        and not _is_stop_place(line)
        and len(following) >= 100
        and is_prose(following)
    )


def among_section_headings(lines: Sequence[str], index: int) -> bool:
    """Whether the bare place line ``index`` is one of the text's section headings: another
    line of one or two capitalised words stands right over a paragraph ("Challenge" / … /
    "Solution" / …, "Facts" / … / "Held" / …). A dateline's place is the only line so."""
    return any(
        other != index
        and len(line) <= 30
        and _PLACE_LINE.fullmatch(line) is not None
        and other + 1 < len(lines)
        and PROSE_END.search(lines[other + 1][-4:]) is not None
        for other, line in enumerate(lines)
    )


def match_dateline(line: str, read: DateReader) -> Dateline | None:
    """Match "PLACE, DATE (AGENCY) -", "PLACE (AGENCY) -" or "PLACE -" at line start, or
    "(AGENCY) - PLACE, DATE -" (an agency that names itself first, as Italian ones do).

    The last plain form needs the place in capitals.
    """
    if line[:1] == "(" and (first := _AGENCY_FIRST.match(line)) is not None:
        named = agency_name(first["agency"])
        after = _match_place(line[first.end() :], read) if named else None
        if after is None or after.date is None:
            return None
        after.end += first.end()
        after.agency = after.agency or named
        return after
    return _match_place(line, read)


_OTHER_PLACE = re.compile(rf"/(?P<place>{_PLACE_WORD}(?: {_PLACE_WORD}){{0,2}})(?=,)")
"""A second place a story is filed from ("MUMBAI/TOKYO, July 8 (OPN) -"); the dateline then
needs its date, and names the first place."""
_AGENCY_FIRST = re.compile(r"\((?P<agency>[^()]{1,40})\)\s*[-–—]+\s*(?=[A-Z])")


def _match_place(line: str, read: DateReader) -> Dateline | None:
    place = _PLACE.match(line)
    if place is None:
        return None
    pos, date, agency = place.end(), None, None
    if (other := _OTHER_PLACE.match(line, pos)) is not None:
        pos = other.end()
    comma = _COMMA.match(line, pos)
    if comma is None and (
        line[pos:].lstrip()[:1] not in _AFTER_PLACE
        or (not _PAREN.match(line, pos) and not _CAPS_DATELINE_END.match(line, pos))
    ):
        return None  # no date, agency or dash can follow: a line of prose, whatever its words
    if _is_stop_place(place.group()):
        return None
    if comma:
        window = line[comma.end() : comma.end() + 80]
        date = read.prefix(window)
        if date is not None and read.event_hours(window, date):
            return None  # an event's day and hours ("Sun, 8 Nov 2026 · 10:00 – 17:00")
        if date is not None:
            pos = comma.end() + date.end
    if (paren := _PAREN.match(line, pos)) and (agency := agency_name(paren["text"])):
        pos = paren.end()
    if other is not None and (date is None or _is_stop_place(other["place"])):
        return None
    if date is None and agency is None:
        caps = _CAPS_DATELINE_END.match(line, pos)
        if caps is None or not place.group().isupper() or len(place.group()) < 3:
            return None
        end = caps.end()
    elif (end_match := _DATELINE_END.match(line, pos)) is not None:
        end = end_match.end()
    elif agency is not None and line[pos : pos + 1].isspace():
        end = pos + 1
    else:
        return None
    name = place_name(place.group())
    return Dateline(name, date, agency, end, standalone=end >= len(line))


def place_before_date(line: str, date: DateMatch) -> str | None:
    """The place a "Place, date" line opens with ("Seoul, Nov 20")."""
    place, comma, rest = line.partition(", ")
    if not comma or not rest.startswith(date.text[:3]) or not _PLACE.fullmatch(place):
        return None
    return None if _is_stop_place(place) else place_name(place)


def _is_stop_place(place: str) -> bool:
    words = place.lower().split()
    return not words or words[0] in _PLACE_STOP_WORDS or not _NOT_PLACES.isdisjoint(words)


def place_name(place: str) -> str:
    return place.title() if place.isupper() else place
