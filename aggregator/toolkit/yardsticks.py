"""Places named as a yardstick, not as where anything happens or whose thing it is.

"A Shinkansen-style train between Mumbai and Ahmedabad" or "the country's answer to the
Shinkansen" compares a thing with one side's; that side is not there, nor does it act
(a review of dev20's relevance found both read as Japan dealing with India). A place or a
side's mark followed by "-style", "-like" or "-type", or after "answer to (the)", is left
out of a sentence's places. Most matches are neither, so each is tested by a character
before any pattern runs.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from aggregator.toolkit.terms import Match

STYLED = re.compile(r"-(?:style|like|type)\b", re.IGNORECASE)
"""After a name, a suffix that makes it a manner, not a place: "Shinkansen-style"."""
ANSWER = re.compile(r"\banswer\s+to\s+(?:the\s+)?$", re.IGNORECASE)
"""Before a name, a rival's comparison: "the country's answer to the Shinkansen"."""
ANSWER_REACH = 16


def unlike(text: str, places: Iterable[Match]) -> Iterator[Match]:
    """``places`` without those named as a yardstick in ``text``."""
    for place in places:
        if text.startswith("-", place.end) and STYLED.match(text, place.end):
            continue
        before = text[max(0, place.start - ANSWER_REACH) : place.start]
        if "answer" in before and ANSWER.search(before):
            continue
        yield place
