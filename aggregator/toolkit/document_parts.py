"""The heading of one part of a longer document, printed under the document's name.

An extract of a report, a white paper or a code (an audit report's chapter, a ministry's
white-paper section) opens with the whole document's name, then the part's place in it and
its heading: "Report No. 5 of 2026 - Performance Audit of …" / "Chapter 2: Promotion of
Inbound Tourism", or "White Paper on Tourism 2026" / "Part I, Chapter 1, Section 1" /
"Inbound travel in 2025: markets and spending". The extract is the part, so its heading is
the headline: a heading that opens with the part's place ("Chapter 2: …"), or the line right
under a line that gives only the place ("Part I, Chapter 1, Section 1"), which is a locator,
never a headline itself.

A heading that opens with a part's place is read so only under a line that names a
document ("Report No. 5 of 2026 …", "White Paper on …", "… Act, 2026"): a news story's
deck that cites a law's section or a bankruptcy chapter ("Section 144: Gatherings …
banned", "Chapter 11: what it means for passengers") stays under its own headline.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Final

__all__ = ["PART_RULE", "is_part_locator", "part_heading"]

PART_RULE: Final = "heading of a document's part under the document's name"
_DIVISION = r"(?:Part|Chapter|Section|Annex(?:ure)?|Appendix|Schedule)\s+(?:[IVXLC]+|\d+(?:\.\d+)*)"
_LOCATOR = re.compile(rf"{_DIVISION}(?:\s*[,;|/]\s*{_DIVISION})*\.?")
"""Only a part's place: "Chapter 4", "Part I, Chapter 3, Section 2"."""
_HEADED = re.compile(rf"{_DIVISION}\s*[:.–—-]\s+[A-Z]")
"""A part's place, then its heading: "Chapter 3: Rural Water Supply …"."""
_NAMES_DOCUMENT = re.compile(
    r"\bReport\s+No\b|\b(?:White|Green)\s+Paper\b|\bAnnual\s+Report\b"
    r"|\b(?:Act|Code|Bill|Rules|Regulations|Ordinance)(?:,?\s+(?:19|20)\d\d)?$"
)
"""A document's name: a numbered report, a white paper, a law or code by its name."""


def is_part_locator(line: str) -> bool:
    """A line that gives only a part's place in a document ("Part I, Chapter 3, Section 2")."""
    return _LOCATOR.fullmatch(line) is not None


def part_heading(lines: Sequence[str], candidates: Sequence[int]) -> int | None:
    """The candidate that heads a part of a document, below another candidate (the
    document's name): one that opens with the part's place, or that stands right under a
    locator line. None when the first candidate is such a heading, or there is none."""

    def under_locator(index: int) -> bool:
        return index > 0 and is_part_locator(lines[index - 1])

    if not candidates or _HEADED.match(lines[candidates[0]]) or under_locator(candidates[0]):
        return None
    for position, index in enumerate(candidates[1:], 1):
        named = any(_NAMES_DOCUMENT.search(lines[above]) for above in candidates[:position])
        if (named and _HEADED.match(lines[index])) or under_locator(index):
            return index
    return None
