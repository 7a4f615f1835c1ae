"""A link to one of the outlet's earlier pieces, its day in brackets after its headline.

A column lists its previous instalments and a serial its parts under the piece ("Delhi's
long summer of power cuts (May 13)", "Part 2: At a campus in Telangana, Chubu firms line
up for engineers (May 31)"): a headline, no sentence, and the day it ran, without a
year, two or more such lines in a row. One such line alone may be the piece's own
headline ("Outcome of the Joint Committee (12 March)", a circular's subject); the article
dates its events in its sentences, and a document dates itself with the year ("Press
Material (19 October 2026)").
"""

from __future__ import annotations

import re
from typing import Final

from .lines import word_count

__all__ = ["DATED_LINK_RULE", "dated_links", "is_dated_link"]

DATED_LINK_RULE: Final = "link to an earlier piece with its day"
_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?"
_DATED_LINK: Final = re.compile(
    rf"[A-Z][^.!?|]*[^\W\d_'’\"”] \((?:{_MONTH} \d{{1,2}}|\d{{1,2}} {_MONTH})\)"
)
RUN_LINES: Final = 2
LINK_WORDS: Final = range(5, 25)
"""Words of such a line, its day's two with them: a headline's length."""


def is_dated_link(line: str, words: int) -> bool:
    """Whether ``line`` is a headline with the day it ran in brackets, no year."""
    if words not in LINK_WORDS or not line.endswith(")"):
        return False
    return _DATED_LINK.fullmatch(line) is not None


def dated_links(lines: list[str], removed: dict[int, str]) -> None:
    """Mark as removed the lines of each run of two dated links or more."""
    run: list[int] = []
    for index in [*range(len(lines)), len(lines)]:
        if index < len(lines) and not lines[index]:
            continue
        if index < len(lines) and is_dated_link(lines[index], word_count(lines[index])):
            run.append(index)
            continue
        if len(run) >= RUN_LINES:
            for entry in run:
                removed.setdefault(entry, DATED_LINK_RULE)
        run = []
