"""Which of a text's side terms name the side acting in it.

A side's term is no actor when it is an ignored phrase ("Indian Ocean"), part of a quoted
title ("'Tokyo Tiffin'", a series; :func:`quoted_titles`), describes private
people ("Japanese tourists"), names a manner or a model ("Japan-style forests", "in the
style of Okayama's garden"), names the side as one concerned by what others did ("what it
means for India", "the implications for Japan"), names where the other side's own unit is
("the Indian units of a Japanese carmaker": one actor, the carmaker), or names where the
other side's diplomatic mission sits ("the Embassy of India, Tokyo"). A mission joined by
another party ("Koto City and the Embassy of India in Tokyo signed an agreement") deals with
someone of the place it sits in, so its seat is returned apart, for the reader to take as a
place of its side (:func:`actors_and_seats`). A mission's notice calling for offers is its
own purchase, and the place it sits in is then no place of the other side at all
(:func:`seated_places`).
"""

from __future__ import annotations

import itertools
import re
from typing import TYPE_CHECKING

from aggregator.toolkit.terms import Match

if TYPE_CHECKING:
    from aggregator.toolkit.dealings import Vocabulary

IGNORED = ""
"""The label of phrases that contain a side's term but are not the side."""
MISSION_GAP = re.compile(r"\s+of\s+(?:the\s+)?", re.IGNORECASE)
"""Between a diplomatic mission and the side it represents: "Embassy of", "Consulate of the"."""
SEAT_GAP = re.compile(r"\s*,\s*|\s+(?:in|at)\s+", re.IGNORECASE)
"""Between the side a mission represents and where it sits: "of India, Tokyo", "of Japan in"."""
MISSION_REACH = 9
"""Characters at most between a mission and the side it represents."""
UNIT_OF = re.compile(
    r"(?:['’]s)?\s+(?:units?|arms?|subsidiar(?:y|ies)|affiliates?|branch(?:es)?|operations|"
    r"offices?|(?:development|delivery|technology|R&D)\s+cent(?:re|er)s?)\s+of\s+"
    r"(?:[a-z\d-]+\s+){0,3}"
)
"""Between a side's term and the other side's: the first names where the second's own unit
is ("the Indian units of two Japanese carmakers", "the India development centre of a
Japanese supplier"), one actor, not a party of each side."""
JOINED_BEFORE = re.compile(r"\b(?:and|with)\s+(?:the\s+)?$", re.IGNORECASE)
JOINED_AFTER = re.compile(r"\s*,?\s+(?:and|with)\s", re.IGNORECASE)
"""Before a mission or after its seat, another party joined to it: "Koto City and the
Embassy of India in Tokyo", "the Embassy of India in Tokyo and the ward"."""
JOINED_REACH = 10
"""Characters before a mission searched for a party joined to it."""
CONCERNED_BEFORE = re.compile(
    r"\b(?:what\s+(?:it|this|that|they|these|those|[\w-]+)\s+means?|mean(?:s|ing)?"
    r"|implications?|lessons?|why\s+(?:it|this|that)\s+matters?|matters?)\s+(?:for|to)\s+"
    r"(?:the\s+)?$",
    re.IGNORECASE,
)
"""Before a side's term, words that make it the one concerned by an act of others, not a
party to it: "what it means for", "the implications for", "why it matters to"."""
CONCERNED_WORDS = ("mean", "implication", "lesson", "matter")
"""One is in every match of ``CONCERNED_BEFORE``, lower-cased."""
CONCERNED_REACH = 30
"""Characters before a side's term searched for ``CONCERNED_BEFORE``."""
CALL_FOR_OFFERS = re.compile(
    r"\binvit(?:es|ed|ing)\s+(?:sealed\s+|online\s+|e-)?(?:quotations|bids|tenders|offers"
    r"|expressions?\s+of\s+interest)\b",
    re.IGNORECASE,
)
"""A notice that calls for offers to supply the one who calls: "invites sealed quotations",
"invites bids", "invites expressions of interest"."""
QUOTED_TITLE = re.compile(
    r"(?:(?<=\s)|(?<=\()|^)[\"“‘']([A-Z][\w'’-]*(?:\s+(?:[A-Z0-9][\w'’-]*|of|in|the|and|to|a"
    r"|for|from|with)){1,5})[\"”’'](?!\w)",
    re.MULTILINE,
)
"""A name of two to six words in quotation marks, each capitalised but for short words
between: a title ("'Tokyo Tiffin'", "“Make in India”"), not quoted speech."""
QUOTE_MARKS = ('"', "“", "‘", "'")
PRIVATE_REACH = 2
"""Characters at most between a side's term and a word for private people after it."""
MANNER_AFTER = re.compile(r"(?:[-‐–](?:style[ds]?|inspired|themed)|\s+style)\b", re.IGNORECASE)
"""After a side's term, a word that makes it a manner or a model of a thing: "Japan-style
forests", "Indian-inspired menus", "a Japanese-themed café"; "in Japanese style". A verb after the
term is no manner: "Japan inspired the line" is Japan acting."""
MANNER_BEFORE = re.compile(r"\b(?:in|after)\s+the\s+(?:style|manner)\s+of\s+$", re.IGNORECASE)
"""Before a side's term, words that make it the model of a thing: "laid out in the style
of", "in the manner of"."""
MANNER_WORDS = ("styl", "inspired", "themed", "manner", "follow", "adopt")
"""One is in every text where :func:`_manner` finds a manner, lower-cased."""
MANNER_REACH = 24
"""Characters before a side's term searched for ``MANNER_BEFORE`` and ``FOLLOWED_BEFORE``."""
FOLLOWED_BEFORE = re.compile(r"\b(?:follow|adopt)(?:s|ed|ing)?\s+(?:(the)|an?)\s+$", re.IGNORECASE)
FOLLOWED_AFTER = re.compile(
    r"(?:['’]s)?\s+(?:curricul(?:um|a)|syllabus|model|method|system|pattern|(approach)"
    r"|standards?|practices?)\b",
    re.IGNORECASE,
)
"""Around a side's term, a standard that someone follows or adopts: "follows the Japanese
curriculum", "adopted the Indian model". The side is the model, not a party. "Approach" is
a method only after "the" ("adopted the Japanese approach to flood control"): "an Indian
approach to Japan" is an overture, the side a party."""


def actors(text: str, settings: Vocabulary) -> list[Match]:
    """The side terms of a text that name the side acting: not an ignored phrase, not a
    description of private people ("Japanese tourists", "Indian fans"), not the one
    concerned by others' act ("what it means for India"), not where the other
    side's own unit is ("the Indian unit of a Japanese carmaker") and not the seat of the
    other side's diplomatic mission ("the Embassy of India, Tokyo")."""
    return actors_and_seats(text, settings)[0]


_LAST_READ: list[tuple[str, Vocabulary, tuple[Match, ...], tuple[Match, ...]] | None] = [None]
"""The last text read by :func:`actors_and_seats`, under which settings, and its answer:
the judge asks again about the text it has just read (the body for its summary, the
headline after reading it in sentences). Kept as tuples and handed out as new lists, since
callers extend theirs; matched by identity, so the answer is the one the same text and
settings give, whatever was read before."""


def actors_and_seats(text: str, settings: Vocabulary) -> tuple[list[Match], list[Match]]:
    """:func:`actors`, and the seats of diplomatic missions joined by another party.

    A seat is no actor: the mission acting alone where it sits ("the Embassy of Chile, Oslo,
    signed the guest book") deals with no one. A mission joined by another party ("Koto City
    and the Embassy of India in Tokyo signed an agreement", "the Embassy of India in Tokyo
    signed it with the ward") deals with someone of the place it sits in, as "Japan funds
    the Mumbai line" deals with India: the judge reads such a seat as a place of its side."""
    last = _LAST_READ[0]
    if last is not None and last[0] is text and last[1] is settings:
        return list(last[2]), list(last[3])
    found, joined = _actors_and_seats(text, settings)
    _LAST_READ[0] = (text, settings, tuple(found), tuple(joined))
    return found, joined


def _actors_and_seats(text: str, settings: Vocabulary) -> tuple[list[Match], list[Match]]:
    found = [match for match in settings.sides.finditer(text) if match.term.label != IGNORED]
    if not found:
        return found, []
    titles = quoted_titles(text)
    if titles:
        titles = [span for span in titles if len(_labels_inside(found, span)) == 1]
        found = [match for match in found if not _inside(match, titles)]
    lowered = text.lower()
    if any(word in lowered for word in CONCERNED_WORDS):
        found = [
            match
            for match in found
            if not CONCERNED_BEFORE.search(text, max(0, match.start - CONCERNED_REACH), match.start)
        ]
    if any(word in lowered for word in MANNER_WORDS):
        found = [match for match in found if not _manner(text, match)]
    private = {match.start for match in settings.private.finditer(text)}
    if private:
        found = [match for match in found if _next_word_start(text, match.end) not in private]
    units = {
        first.start
        for first, second in itertools.pairwise(found)
        if first.term.label != second.term.label
        and UNIT_OF.fullmatch(text, first.end, second.start)
    }
    if units:
        found = [match for match in found if match.start not in units]
    missions = list(settings.missions.finditer(text))
    if not missions:
        return found, []
    seats = []
    joined = []
    for first, second in itertools.pairwise(found):
        if not SEAT_GAP.fullmatch(text, first.end, second.start):
            continue
        mission = _mission_before(text, missions, first.start)
        if mission is None:
            continue
        seats.append(second.start)
        if JOINED_BEFORE.search(text, max(0, mission.start - JOINED_REACH), mission.start) or (
            JOINED_AFTER.match(text, second.end)
        ):
            joined.append(second)
    if seats:
        found = [match for match in found if match.start not in seats]
    return found, joined


def quoted_titles(text: str) -> list[tuple[int, int]]:
    """Where the short names in quotation marks are, words of capitals ("'Tokyo Tiffin'",
    "“Make in India”"): the title of a work or a campaign, whose side's term names no
    side acting, unless it names both sides ("“India–Japan Friendship Year”" is a name of
    their relations; :func:`actors_and_seats` keeps those). Quoted speech is a clause,
    which a name of capitals alone is not."""
    if not any(mark in text for mark in QUOTE_MARKS):
        return []
    return [match.span(1) for match in QUOTED_TITLE.finditer(text)]


def _manner(text: str, match: Match) -> bool:
    """Whether a side's term names a manner or a model ("Japan-style forests", "laid out in
    the style of Okayama's garden", "follows the Japanese curriculum"): what is done after
    it is done by others, the side no party to it."""
    if MANNER_AFTER.match(text, match.end):
        return True
    reach = max(0, match.start - MANNER_REACH)
    if MANNER_BEFORE.search(text, reach, match.start):
        return True
    followed = FOLLOWED_AFTER.match(text, match.end)
    if followed is None:
        return False
    before = FOLLOWED_BEFORE.search(text, reach, match.start)
    return before is not None and (followed.group(1) is None or before.group(1) is not None)


def _mission_before(text: str, missions: list[Match], start: int) -> Match | None:
    """The mission whose name ends just before ``start`` ("the Consulate-General of" before
    "Japan"), if any."""
    return next(
        (
            mission
            for mission in missions
            if 0 <= start - mission.end <= MISSION_REACH
            and MISSION_GAP.fullmatch(text, mission.end, start)
        ),
        None,
    )


def _labels_inside(found: list[Match], span: tuple[int, int]) -> set[str]:
    return {match.term.label for match in found if _inside(match, [span])}


def _inside(match: Match, spans: list[tuple[int, int]]) -> bool:
    return any(start <= match.start and match.end <= end for start, end in spans)


def _next_word_start(text: str, end: int) -> int:
    """Where the word after ``end`` starts, when only a space or two lies between."""
    position = end
    while position < len(text) and position - end < PRIVATE_REACH and text[position] == " ":
        position += 1
    return position if position > end else -1


def seated_places(
    text: str, actors: list[Match], places: list[Match], settings: Vocabulary
) -> set[int]:
    """Where the mentions of the seat of a diplomatic mission not joined by another party
    start, in a text that calls for offers (``CALL_FOR_OFFERS``): "the Consulate-General of
    Japan in Chennai invites sealed quotations from dealers in Chennai" is the mission
    buying for itself where it sits, and its seat, named again for the suppliers, is no
    place of the other side that it deals with. Elsewhere a mission that funds or supports
    something where it sits deals with that place, as ``actors_and_seats`` leaves it."""
    if not places or CALL_FOR_OFFERS.search(text) is None:
        return set()
    missions = list(settings.missions.finditer(text))
    if not missions:
        return set()
    seats: set[str] = set()
    for actor in actors:
        mission = _mission_before(text, missions, actor.start)
        if mission is None:
            continue
        seat = next((place for place in places if place.start > actor.end), None)
        if seat is None or not SEAT_GAP.fullmatch(text, actor.end, seat.start):
            continue
        if JOINED_BEFORE.search(text, max(0, mission.start - JOINED_REACH), mission.start) or (
            JOINED_AFTER.match(text, seat.end)
        ):
            continue
        seats.add(seat.term.text.casefold())
    return {place.start for place in places if place.term.text.casefold() in seats}
