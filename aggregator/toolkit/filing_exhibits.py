"""The document a filing's cover page carries as an exhibit.

A regulatory filing (a foreign issuer's report, a current report) is a form's cover page,
the form's name, the rule it is filed under, the issuer and its address, with the
document it files attached as a numbered exhibit and listed by its number ("Exhibit 99.1
Press release dated June 3, 2026"). The cover is the same for every filing; the exhibit is
the news, so its own heading, the first heading under the last line that names an exhibit,
is the headline.

Only a zone that shows a filing's cover (a form's name, "Commission File Number", the
commission's name) is read so, and only its exhibit lines above the first paragraph of
prose: a story that names "Exhibit 12" in its body keeps its own headline and lead.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import Final

__all__ = ["EXHIBIT_RULE", "exhibit_heading"]

EXHIBIT_RULE: Final = "heading of the exhibit under a filing's cover page"
EXHIBIT_LINE_WORDS: Final = 12
HEADING_BELOW: Final = 3
"""How far under the last exhibit line its heading may stand (a repeated exhibit number,
a blank page's mark)."""
_EXHIBIT = re.compile(r"Exhibit\s+(?:No\.\s*)?\d+(?:\.\d+)?\b", re.IGNORECASE)
_FILING_COVER = re.compile(
    r"\bForm\s+(?:6-K|8-K|10-K|10-Q|20-F|40-F)\b|\bCommission\s+File\s+Number\b"
    r"|\bSECURITIES\s+AND\s+EXCHANGE\s+COMMISSION\b",
    re.IGNORECASE,
)
_COVER_INSTRUCTION = re.compile(r"Indicate\s+by\s+check\s+mark\b", re.IGNORECASE)
"""The form's own instruction on its cover, a sentence but not the exhibit's prose."""


def exhibit_heading(
    lines: Sequence[str],
    start: int,
    stop: int,
    is_heading: Callable[[int], bool],
    is_prose: Callable[[str], bool],
) -> int | None:
    """The line of the exhibit's heading: the first line ``is_heading`` accepts within
    :data:`HEADING_BELOW` lines under the last line that names an exhibit by its number,
    all of them between ``start`` and the first line of prose (``is_prose``, not the form's
    own instructions) before ``stop``; None when no line names one or no line above it
    shows a filing's cover."""
    prose = next(
        (
            index
            for index in range(start, min(stop, len(lines)))
            if is_prose(lines[index]) and not _COVER_INSTRUCTION.match(lines[index])
        ),
        None,
    )
    stop = min(stop, len(lines)) if prose is None else prose
    exhibits = [
        index
        for index in range(start, stop)
        if _EXHIBIT.match(lines[index]) and len(lines[index].split()) <= EXHIBIT_LINE_WORDS
    ]
    if not exhibits or not any(_FILING_COVER.search(line) for line in lines[start : exhibits[-1]]):
        return None
    below = range(exhibits[-1] + 1, min(exhibits[-1] + 1 + HEADING_BELOW, stop))
    return next((index for index in below if is_heading(index)), None)
