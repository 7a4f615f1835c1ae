"""The case a header line is written in: title case, capitals.

Shared by the header zone (which line is the headline) and the parser (which lines are
headline-shaped), so that both read a line's case alike.
"""

from __future__ import annotations

from aggregator.toolkit.titles import DANGLING_WORDS

__all__ = ["in_capitals", "is_title_case"]


def is_title_case(line: str) -> bool:
    """Every word but the minor ones capitalised: a second line in capitals can go on
    such a headline, but not a sentence-case one (there it starts a deck)."""
    words = [word for word in line.split() if word.lower() not in DANGLING_WORDS]
    return len(words) >= 2 and all(word[0].isupper() or not word[0].isalpha() for word in words)


def in_capitals(line: str, least: int = 8) -> bool:
    """At least ``least`` letters, four in five of them capitals."""
    letters = "".join(filter(str.isalpha, line))
    return len(letters) >= least and sum(map(str.isupper, letters)) >= 0.8 * len(letters)
