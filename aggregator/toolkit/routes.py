"""New transport links between the two sides' places: a dealing though no actor is named
("launches a Tokyo Narita–Hyderabad freighter service")."""

from __future__ import annotations

import itertools
import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from aggregator.toolkit.dealings import Sentence


def opens_route(sentence: Sentence) -> bool:
    """Whether the sentence opens a transport link from a place of one side to a place of
    the other ("launches a Tokyo Narita–Hyderabad freighter service", "the first nonstop
    from Osaka Kansai to Bengaluru"): a new service between the two is a dealing, though
    no actor of a side is named. A schedule or a trip along an existing one is not."""
    ends = sorted({*sentence.place_offsets, *sentence.side_offsets})
    if len({label for _, label in ends}) < 2 or not _SERVICE.search(sentence.text):
        return False
    if not _OPENING.search(sentence.text):
        return False
    text, origin = sentence.text, sentence.start
    for (first, first_side), (second, second_side) in itertools.pairwise(ends):
        gap = text[first - origin : second - origin]
        if first_side == second_side:
            continue
        if _ARRIVAL_GAP.fullmatch(gap):
            return True
        if (route := _ROUTE_GAP.fullmatch(gap)) is None:
            continue
        if route["link"] != "and" or _BETWEEN.search(text, 0, first - origin):
            return True
    return False


_ROUTE_GAP = re.compile(
    r"[^,;.]{2,30}?\s*(?P<link>[–—-]|⇄|↔|\bto\b|\band\b)\s*(?:[^,;.()]{0,12}\s)?"
)
"""From one place to the next ("Delhi–", "Narita–", "Osaka Kansai to ", "Delhi (DEL) and ")."""
_ARRIVAL_GAP = re.compile(
    r"[^,;.]{2,30}?\s+(?:is\s+|was\s+|has\s+)?(?:land(?:s|ed|ing)?|arriv(?:es|ed|ing))\s+"
    r"(?:at|in)\s+(?:[^,;.()]{0,24}\s)?"
)
"""From one place to the next by way of an arrival ("Delhi landed at ", "Delhi is landing
at the airport outside "): the first flight from one side's city landing in the other's."""
_BETWEEN = re.compile(r"\bbetween\s+$", re.IGNORECASE)
_SERVICE = re.compile(
    r"\b(?:flights?|nonstop|non-stop|service|route|freighter|cargo|container|ferry|voyage"
    r"|sailing|call)\b",
    re.IGNORECASE,
)
_OPENING = re.compile(
    r"\b(?:launch(?:es|ed|ing)?|start(?:s|ed|ing)?|begin(?:s|ning)?|began|inaugura\w*|maiden"
    r"|first|new|open(?:s|ed|ing)?|resum\w*|introduc\w*|will (?:fly|operate))\b",
    re.IGNORECASE,
)
