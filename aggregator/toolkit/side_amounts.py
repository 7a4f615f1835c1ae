"""Sums of money in a side's currency, and the dealings they reveal.

A side's currency is no actor, and named alone it is often the subject of a markets story
("what a stronger yen means for the rupee"). A *sum* in it beside an actor of the other
side and a word of interaction is what a deal, a loan or an investment looks like: "Tsubasa
Motor of Japan will invest 4,000 crore in a plant" (an Indian sum spent by a Japanese
actor), "India signed a loan of 150 billion yen". :class:`Currencies` finds the sums, by
the currency words and symbols configured for each side, only next to a number.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from aggregator.toolkit.dealings import Sentence, Sentences

NUMBER = r"\d[\d,]*(?:\.\d+)?"
SCALE = r"(?:thousand|million|billion|trillion|mn|bn|m|b|k|lakh|lakhs|crore|crores|cr)"
"""Words and letters of scale between a number and its currency ("72 billion yen")."""


class Currencies:
    """Each side's currency words and symbols, compiled to find the sums written in them."""

    def __init__(self, currencies: Mapping[str, Sequence[str]]) -> None:
        self._patterns: list[tuple[str, re.Pattern[str]]] = []
        for side, names in currencies.items():
            if not names:
                continue
            words = "|".join(
                re.escape(name) for name in sorted(names, key=len, reverse=True) if name
            )
            pattern = (
                rf"(?<![\w.])(?:{words})\.?\s?{NUMBER}"
                rf"|(?<![\w.,]){NUMBER}(?:[\s-]*{SCALE}\b)?[\s-]*(?:{words})(?!\w)"
            )
            self._patterns.append((side, re.compile(pattern, re.IGNORECASE)))

    def __bool__(self) -> bool:
        return bool(self._patterns)

    def sums(self, text: str) -> list[tuple[int, str]]:
        """Where each sum in a side's currency starts, with the side, in order."""
        found = [
            (match.start(), side)
            for side, pattern in self._patterns
            for match in pattern.finditer(text)
        ]
        return sorted(found)


def amount_dealings(
    text: str, body: Sentences, currencies: Currencies, dealt: set[int]
) -> list[str]:
    """Sentences that state no dealing of their own but hold a word of interaction, an actor
    of one side and a sum in the other side's currency, and name no third party."""
    if not currencies:
        return []
    sums = currencies.sums(text)
    if not sums:
        return []
    found = []
    for index in sorted(body.named):
        sentence: Sentence = body.named[index]
        if index in dealt or not sentence.relation or sentence.third or sentence.multilateral:
            continue
        end = sentence.start + len(sentence.text)
        in_it = {side for offset, side in sums if sentence.start <= offset < end}
        actors = {label for _, label in sentence.side_offsets}
        if in_it - actors and actors:
            found.append(sentence.text)
    return found
