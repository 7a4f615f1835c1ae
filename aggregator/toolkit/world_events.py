"""Events and courts named as the world's: settings of many countries.

"the World Cosplay Summit in Nagoya", "the Hockey World Cup", "the World Archery
Championships": a capitalised name that holds "World" and ends in a noun of a gathering is
an event every country may join, and an international court or tribunal ("the International
Military Tribunal for the Far East") sits for many. A side's person placing or sitting
there, or a side hosting it, is no dealing of the two sides: the judge reads the name as a
multilateral setting, as it reads "G20" or "the World Economic Forum" from
``multilateral_terms``."""

from __future__ import annotations

import re
from collections.abc import Iterator

WORLD_EVENT = re.compile(
    r"\bWorld(?:\s+[A-Z][\w'’-]*){0,3}\s+(?:Summit|Cups?|Championships?|Congress|Games"
    r"|Expo|Conference|Assembly|Festival)\b"
    r"|\b(?:[A-Z][\w'’-]*\s+){1,3}World\s+(?:Cups?|Championships?|Games|Summit)\b"
    r"|\bInternational(?:\s+[A-Z][\w'’-]*){0,3}\s+(?:Tribunal|Court)\b"
)
"""A name of a world event: "World Cosplay Summit", "World Archery Championships", "Hockey
World Cup" ("Asian Games" is not one: no "World"); or of an international court or tribunal,
"International Court of Justice", "International Military Tribunal for the Far East" (not
an "International Conference", a name also of one city's hall)."""


def world_events(text: str) -> Iterator[tuple[int, str]]:
    """The offset and the name of each world event the text names."""
    if "World" not in text and "International" not in text:
        return
    for match in WORLD_EVENT.finditer(text):
        yield match.start(), match.group()
