"""Datelines read out of a relevance judge's text: where a report was filed is no party to it.

A wire report opens with the place it was filed from, "TOKYO, July 16 (OPN) - Hinode
Motor's plan relies on its plant in Gujarat, India", or from two places at once,
"MUMBAI/TOKYO, July 8 (OPN) - Asia's two largest democracies …"; a release opens with
its city and day, "Mumbai, 10 July 2026: Sitara TV today announced …". The place names the
desk, not an actor of its side: read as one, it stands opposite the other side in the
sentence it opens and makes a dealing of what one side does alone. :func:`without_datelines`
blanks the places of such openings, keeping every offset, so that the judge reads the
sentence from its first word of prose; the place still tells where its side is
(:func:`filed_from`), as a place of that side does.

An opening is a dateline only with a date or an agency after its place (or both), and a
dash or a colon after them: a place alone before a colon is a label ("JAPAN: …") that
:func:`without_datelines` leaves, since a digest's section may be what a side does.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Final

from aggregator.toolkit.dealings import Vocabulary
from aggregator.toolkit.relevance_clocks import blanked
from aggregator.toolkit.side_actors import IGNORED

__all__ = ["filed_from", "without_datelines"]

_MONTH: Final = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_PLACE: Final = r"[A-Z][A-Za-z'.-]+(?:[ -][A-Z][A-Za-z'.-]+){0,2}"
DATELINE: Final = re.compile(
    rf"^(?P<places>{_PLACE}(?:\s*/\s*{_PLACE}){{0,2}})"
    rf"(?P<country>,\s+{_PLACE})?"
    r"(?:"
    rf"(?P<date>,\s+(?:{_MONTH}\s+\d{{1,2}}|\d{{1,2}}\s+{_MONTH})(?:,?\s+\d{{4}})?)"
    r"(?:\s+\([^()\n]{1,30}\))?"
    r"|\s+\([^()\n]{1,30}\)"
    r")"
    r"\s*(?:[-–—]{1,2}|:)\s+(?=\S)",
    re.MULTILINE,
)
"""A paragraph's opening place (one, or several joined by slashes; with its country in
apposition or not), then its date or its agency in parentheses, then a dash or a colon."""


def without_datelines(text: str) -> tuple[str, list[str]]:
    """The text with the places of its datelines (:data:`DATELINE`) blanked out, each
    character by a space, so that offsets into the text stay right; and the places blanked,
    each with its country when one follows it ("HYDERABAD, India")."""
    spans: list[tuple[int, int]] = []
    for mark in _DATELINE_END.finditer(text):
        start = text.rfind("\n", 0, mark.start()) + 1
        match = DATELINE.match(text, start)
        if match is not None and (not spans or spans[-1][0] != start):
            end = match.end("country") if match.group("country") else match.end("places")
            spans.append((start, end))
    return blanked(text, spans), [text[start:end] for start, end in spans]


def filed_from(places: list[str], settings: Vocabulary) -> Counter[str]:
    """The sides whose places or terms the blanked datelines name, with how often: a report
    filed from a side's city names where that side is, as a place does, though no actor."""
    found: Counter[str] = Counter()
    for place in places:
        labels = {m.term.label for m in settings.sides.finditer(place)} - {IGNORED}
        found.update(labels | settings.places.labels(place))
    return found


_DATELINE_END: Final = re.compile(r"[\d)]\s*(?:[-–—]{1,2}|:)\s")
"""Where a dateline may end, its date's last digit or its agency's parenthesis before the
dash or colon: only the lines that hold one are read as datelines, which spares the rest."""
