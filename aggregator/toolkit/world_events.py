"""Events and courts named as the world's: settings of many countries.

"at the World Cosplay Summit in Nagoya", "the Hockey World Cup", "the World Archery
Championships": a capitalised name that holds "World" and ends in a noun of a contest is
an event every country may join, and an international military tribunal ("the International
Military Tribunal for the Far East") sat for many. A side's person placing or sitting
there, or a side hosting it, is no dealing of the two sides: the judge reads the name as a
multilateral setting, as it reads "G20" or "the World Economic Forum" from
``multilateral_terms``."""

from __future__ import annotations

import re
from collections.abc import Iterator

NAME_WORD = r"\s+(?!(?:At|Of|In|For|On|To|The|And|An?|With|By|From)\b)[A-Z][\w'’-]*"
"""One more capitalised word of a name, not a small word of a Title Case headline ("Tell
World At Annual Summit" names no event)."""
CONTEST = r"(?:Cups?|Championships?|Games)"
WORLD_EVENT = re.compile(
    rf"\bWorld(?:{NAME_WORD}){{0,3}}\s+{CONTEST}\b"
    rf"|\b[A-Z][\w'’-]*(?:{NAME_WORD}){{0,2}}\s+World\s+{CONTEST}\b"
    rf"|(?:(?<=\bat )|(?<=\bat the ))World(?:{NAME_WORD}){{1,3}}\s+Summit\b"
    r"|\bInternational\s+Military\s+Tribunal\b"
)
"""A name of a world contest: "World Archery Championships", "Hockey World Cup" ("Asian
Games" is not one: no "World"); of a world summit someone places at ("at the World Cosplay
Summit"; not one the two sides co-host or sign at, which they do together); or of a
historic international military tribunal ("International Military Tribunal for the Far
East"). An expo, a conference or the International Court of Justice is none: the two sides
sign pacts at an expo and file briefs together at the court."""


def world_events(text: str) -> Iterator[tuple[int, str]]:
    """The offset and the name of each world event the text names."""
    if "World" not in text and "International" not in text:
        return
    for match in WORLD_EVENT.finditer(text):
        yield match.start(), match.group()
