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

from aggregator.toolkit.dealings import Sentences
from aggregator.toolkit.paragraph_dealings import one_sided_actions

NUMBER = r"\d[\d,]*(?:\.\d+)?"
SCALE = r"(?:thousand|million|billion|trillion|mn|bn|m|b|k|lakh|lakhs|crore|crores|cr)"
"""Words and letters of scale between a number and its currency ("72 billion yen")."""

COUNTED = (
    r"[\s-]+(?:[a-z]+(?<![su])s|people|persons|children|women|men|staff|sq|square|km"
    r"|kilometres?|kilometers?|litres?|liters?|tonnes?|tons|metres?|meters?)\b"
)
"""What follows a scale word that counts things rather than money: "3.1 lakh visitors",
"5.9 crore tonnes", "85 lakh sq ft". Indian English names a sum in crore or lakh without
the rupee ("invest 4,000 crore in a plant", "a 1,850 crore chip plant"), so a scale word
configured as a currency is a sum unless a plural noun or a unit follows it."""
DIGIT = re.compile(r"\d")

CONVERSION_BEFORE = re.compile(
    r"\d(?:[\s-]*[^\W\d_]+){0,2}\s*\(\s*(?:(?:about|around|roughly|some|approximately|approx\."
    r"|nearly|almost|over|or|equivalent\s+to|worth)\s*|[~≈=]\s*)?$",
    re.IGNORECASE,
)
"""Before a sum, a sum it converts, in parentheses: "¥1.2 billion (about ₹68 crore)" is
what the first sum is worth in the second currency, for the reader, not a sum in it."""
CONVERSION_REACH = 40
"""Characters before a sum searched for the sum it converts."""


class Currencies:
    """Each side's currency words and symbols, compiled to find the sums written in them."""

    def __init__(self, currencies: Mapping[str, Sequence[str]]) -> None:
        self._patterns: list[tuple[str, re.Pattern[str], re.Pattern[str]]] = []
        self._digit_reach = 0
        """How far after where a sum starts its first digit lies at most: a currency word
        and a dot and a space before the number ("Rs. 500"), or none."""
        for side, names in currencies.items():
            if not names:
                continue
            self._digit_reach = max(self._digit_reach, *(len(name) + 2 for name in names))
            words = _alternatives(names)
            currency_words = _alternatives(
                [name for name in names if not re.fullmatch(SCALE, name, re.IGNORECASE)]
            )
            scale_words = _alternatives(
                [name for name in names if re.fullmatch(SCALE, name, re.IGNORECASE)]
            )
            pattern = rf"(?<![\w.])(?:{words})\.?\s?{NUMBER}"
            if currency_words:
                pattern += (
                    rf"|(?<![\w.,]){NUMBER}(?:[\s-]*{SCALE}\b)?[\s-]*(?:{currency_words})(?!\w)"
                )
            if scale_words:
                pattern += rf"|(?<![\w.,]){NUMBER}[\s-]*(?:{scale_words})(?!\w)(?!{COUNTED})"
            # Every sum starts with a currency word or a digit: where one stands (a sentence
            # or so) is found far quicker than where the whole pattern starts.
            starts = re.compile(rf"(?=\d|{words})", re.IGNORECASE)
            self._patterns.append((side, re.compile(pattern, re.IGNORECASE), starts))

    def __bool__(self) -> bool:
        return bool(self._patterns)

    def sides_in(self, text: str, start: int, end: int) -> set[str]:
        """The sides in whose currency a sum starts between ``start`` and ``end`` of
        ``text`` (read in ``text``, so a sum's surroundings count as they are). Every sum
        holds a digit within ``_digit_reach`` of its start, so a span with none there is not
        searched. Nor is the text after the span: the pattern is tried only where a currency
        word or a digit starts in it (a search from ``start`` would run on to the next sum or
        the end of the text), and a sum found there is the one a search would find, since
        no sum starts elsewhere."""
        sides: set[str] = set()
        if DIGIT.search(text, start, end + self._digit_reach) is None:
            return sides
        for side, pattern, starts in self._patterns:
            after = start
            for place in starts.finditer(text, start, end + self._digit_reach):
                at = place.start()
                if at >= end:
                    break
                if at < after or (found := pattern.match(text, at)) is None:
                    continue
                if not _converts(text, at):
                    sides.add(side)
                    break
                after = found.end()
        return sides


def _converts(text: str, start: int) -> bool:
    """Whether the sum at ``start`` converts the sum before it (``CONVERSION_BEFORE``)."""
    window = text[max(0, start - CONVERSION_REACH) : start]
    return "(" in window and CONVERSION_BEFORE.search(window) is not None


def _alternatives(names: Sequence[str]) -> str:
    """Names as one regular-expression alternation, the longest first."""
    return "|".join(re.escape(name) for name in sorted(names, key=len, reverse=True) if name)


def amount_dealings(
    text: str, body: Sentences, currencies: Currencies, dealt: set[int]
) -> list[str]:
    """Sentences that state no dealing of their own but hold a word of interaction, an actor
    of one side and a sum in the other side's currency, and name no third party; or, naming
    no actor, places of one side only and a sum in the other's currency (:func:`_placed_sums`).
    Only such sentences are searched for sums: most texts have none, and many have numbers."""
    if not currencies:
        return []
    found = {}
    for index, sentence, actors in one_sided_actions(body, dealt):
        end = sentence.start + len(sentence.text)
        if currencies.sides_in(text, sentence.start, end) - actors:
            found[index] = sentence.text
    found.update(_placed_sums(text, body, currencies, dealt))
    return [found[index] for index in sorted(found)]


def _placed_sums(
    text: str, body: Sentences, currencies: Currencies, dealt: set[int]
) -> dict[int, str]:
    """The sentences, by index, where a sum in one side's currency is put to work at places
    of the other side, with a word of interaction and no actor of either: "the venture will
    invest about 9 billion yen, beginning with hubs in Anand and Pune" is the yen's side
    dealing in the places' side, as "Japan funds the Mumbai line" is. A sum in the places'
    own currency is their side's own business ("₹40 crore for roads in Pune")."""
    found = {}
    for index in sorted(body.named):
        sentence = body.named[index]
        if index in dealt or sentence.side_offsets or not sentence.relation:
            continue
        if sentence.third or sentence.multilateral:
            continue
        places = {label for _, label in sentence.place_offsets}
        end = sentence.start + len(sentence.text)
        if len(places) == 1 and currencies.sides_in(text, sentence.start, end) - places:
            found[index] = sentence.text
    return found


def headline_amount(title: str, read: Sentences, currencies: Currencies) -> bool:
    """Whether the headline, ``title`` read as ``read``, deals in a sum of one side's currency
    as a sentence of :func:`amount_dealings` does: "Tsubasa to build 72 billion yen plant
    near Delhi", "Kirameki to build ¥34bn plant in Tamil Nadu"."""
    return read.count > 0 and bool(amount_dealings(title, read, currencies, set()))


def currency_presence(text: str, body: Sentences, currencies: Currencies) -> dict[str, int]:
    """For each side, the sentences that name the other side (an actor or a place) and hold
    a sum in this side's currency: the side is present where its money is, as at one of its
    places ("28 Japanese importers placed orders worth ₹96 crore at the meet"; a sentence of
    :func:`amount_dealings` is one). A sum in a sentence that names only its own side, or
    none (a domestic scheme's "loans of up to ₹10 crore"), adds nothing: a story about one
    side is full of its money."""
    found: dict[str, int] = {}
    if not currencies:
        return found
    for sentence in body.named.values():
        named = {label for _, label in sentence.side_offsets}
        named.update(label for _, label in sentence.place_offsets)
        if not named:
            continue
        end = sentence.start + len(sentence.text)
        for side in currencies.sides_in(text, sentence.start, end):
            if named - {side}:
                found[side] = found.get(side, 0) + 1
    return found
