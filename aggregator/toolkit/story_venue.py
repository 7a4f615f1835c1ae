"""Where a report's lead says its meeting was held: two meetings held in different cities
are two events.

An official record, a ministry's overview and an agency's report of a meeting say in their
first paragraph where it was held ("The fifth meeting of the Joint Working Group was held in
Bengaluru on 2 July", "talks that took place in New Delhi on Friday"). Two such records of
one government's week share its offices' names (a secretary, a director-general, the
ministries, a list of participants) and can share enough of them to look like one event;
the places their leads name tell them apart. So two reports are of different events when
each one's lead names the city its meeting was held in and neither report names the
other's anywhere (:func:`other_venues`): a report of the meeting that names no venue, or
names it elsewhere in its text ("in the capital … New Delhi"), is not kept apart. Kept
apart here, such a pair is never weighed (the mirror of contradicting lead figures,
:func:`~aggregator.toolkit.story_evidence.contradicting_unit`).

Only "held in" and "took place in": a deal "signed in" one city is reported from another,
a visit names every city of its tour, and "at" names a hall, which two reports of one
meeting name differently.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from typing import Final

from .story_evidence import words_of_names
from .story_lists import name_word_hash

VENUE_CUES: Final = (" held in ", " took place in ")
"""What a lead says before the city its meeting was held in (a substring test skips the
leads that say neither before the pattern is tried)."""
_VENUE = re.compile(r"\b(?:held|took place) in ((?:[A-Z][\w'’-]*)(?: [A-Z][\w'’-]*){0,2})")
LEAD_SPACES: Final = 11
"""Spaces (twelve words) that make a line the lead paragraph: a heading, a dateline or a
label line above it has fewer."""
LEAD_LINES: Final = 3
"""Lines of text looked at for the lead: past them a paragraph tells the background."""
LEAD_CHARS: Final = 2000
"""Characters of text those lines are found in (a lead paragraph is shorter)."""


def lead_venue(text: str) -> tuple[str, ...]:
    """The name words of the city the lead paragraph of ``text`` says its meeting was held
    in, or none when it names none (or several, a tour's)."""
    lead = _lead(text)
    if not any(cue in lead for cue in VENUE_CUES):
        return ()
    places = set(_VENUE.findall(lead))
    if len(places) != 1:
        return ()
    return tuple(words_of_names(places))


def _lead(text: str) -> str:
    """The first of the first :data:`LEAD_LINES` lines of text that is a paragraph, with a
    space before it (for :data:`VENUE_CUES`), or an empty string."""
    lines = [line for line in text[:LEAD_CHARS].split("\n") if line.strip()]
    return next((f" {line}" for line in lines[:LEAD_LINES] if line.count(" ") >= LEAD_SPACES), "")


def other_venues(
    first: Collection[str],
    first_names: Collection[int],
    second: Collection[str],
    second_names: Collection[int],
) -> bool:
    """Whether two reports' leads say their meetings were held in different cities:
    ``first`` and ``second`` are their :func:`lead_venue`, the names their name-word
    hashes; each venue must be one the other report names no word of."""
    if not first or not second:
        return False
    return not any(name_word_hash(word) in second_names for word in first) and not any(
        name_word_hash(word) in first_names for word in second
    )
