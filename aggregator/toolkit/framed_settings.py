"""A multilateral setting that only frames a dealing of the two, read apart from
:mod:`aggregator.toolkit.dealings` so that it stays under 600 lines."""

from __future__ import annotations

import re
from dataclasses import replace

from aggregator.toolkit.dealings import Sentence, dealing_clause

JOINING_OTHERS = re.compile(
    r"\bjoin(?:s|ed|ing)?\b|\b(?:along|together)\s+with\b|\bother\s+(?:[\w-]+\s+)?"
    r"(?:nations|countries|states|members|signatories|economies|governments|parties)\b",
    re.IGNORECASE,
)
"""Words that make the two sides two of many at a multilateral setting: "joining 40 other
nations", "along with", "other member states"."""


def framed_setting(sentence: Sentence, both_named: bool, *, min_words: int) -> bool:
    """Whether the sentence's multilateral settings only frame a dealing complete before
    them, as a third party after a comma does ("taught jointly by scholars in Delhi and
    Tokyo, follows relations … to today's yen loans and Quad diplomacy"): read as third
    parties, they leave the dealing standing. The dealing must be a clause of the two
    sides that comes before the first setting, not a route opening somewhere in the
    sentence ("At the G20 in Rio, ministers backed green corridors, and a service between
    Chennai and Yokohama will open"), and the two must not join others there ("signed the
    pledge, joining 40 other nations at the summit"), which makes them two of many."""
    if not sentence.multilateral_offsets:
        return False
    first = min(sentence.multilateral_offsets)
    if not any(offset < first for offset, _ in sentence.side_offsets):
        return False
    if JOINING_OTHERS.search(sentence.text):
        return False
    thirds = sorted([*sentence.third_offsets, *sentence.multilateral_offsets])
    framed = replace(sentence, third_offsets=thirds, multilateral=[])
    clause = dealing_clause(framed, both_named, min_words=min_words)
    return clause is not None and clause[0] < first
