"""The title a report gives a letter, right over the letter's salutation.

A company's annual report prints each of its letters under a title of its own ("Chairman's
Letter", "Directors' Report") over the salutation ("Dear Shareholders,", "Dear Members,"),
below the company's name and the report's running head. The title is the letter's
headline, though it has too few words to read as one elsewhere; a headline above it (an
article carrying an open letter) stays the headline.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Final

from aggregator.toolkit.header_shapes import is_title_case

__all__ = ["LETTER_TITLE_RULE", "title_over_salutation"]

LETTER_TITLE_RULE: Final = "letter's title over its salutation"
TITLE_WORDS: Final = 8
_SALUTATION = re.compile(r"Dear\s+[A-Z][\w'’.-]*(?:\s+[A-Za-z][\w'’.-]*){0,3},")
"""A salutation alone on its line ("Dear Shareholders,", "Dear Fellow Members,")."""
_CLOSED = re.compile(r"[.!?:;,]$")


def title_over_salutation(
    lines: Sequence[str], start: int, end: int, ranks: Mapping[int, int]
) -> int | None:
    """The line of a letter's title right over its salutation, among the header zone's lines
    ``start``-``end`` (and the salutation that ends it), when no line above the title says
    something (``ranks``: the zone's candidates and their ranks, 0 for a headline's)."""
    for index in range(start, min(end + 1, len(lines)) - 1):
        if not _SALUTATION.fullmatch(lines[index + 1]):
            continue
        title = lines[index]
        words = len(title.split())
        if (
            2 <= words <= TITLE_WORDS
            and is_title_case(title)
            and not _CLOSED.search(title)
            and not any(char.isdigit() for char in title)
            and not any(rank == 0 for i, rank in ranks.items() if i < index)
        ):
            return index
        return None
    return None
