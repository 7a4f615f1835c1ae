"""A section heading left over a section the rules emptied.

A page heads its furniture as it heads its text: "Materials" over the documents of a
council's meeting (each a "(PDF: 890KB)" link), "Chapters" over a podcast's time codes.
The rules take the entries, and the heading alone would stand in the article, over the
next section. When two lines or more under a short heading are all gone and the article
goes on below them, the heading goes with them. At the text's end it goes only under a
sentence or a removed line: a short line under a name over a removed footer is the
article's own last line (a letter writer's town under their name).
"""

from __future__ import annotations

from typing import Final

from .boilerplate_sections import is_heading
from .lines import ends_like_sentence

__all__ = ["ORPHAN_RULE", "orphan_headings"]

ORPHAN_RULE: Final = "heading over removed lines"
ORPHAN_WORDS: Final = 3
"""The most words of such a heading: a section's label, not a line of the article."""
EMPTIED_LINES: Final = 2
"""The fewest removed lines under it: one removed line may be a rule's slip."""


def orphan_headings(lines: list[str], removed: dict[int, str]) -> None:
    """Mark as removed each short heading whose lines below were all removed, up to a
    line the article keeps."""
    written = [i for i in range(len(lines)) if lines[i]]
    for position, index in enumerate(written):
        line = lines[index]
        if index in removed or len(line.split()) > ORPHAN_WORDS or not is_heading(line):
            continue
        emptied = 0
        for below in written[position + 1 :]:
            if below not in removed:
                break
            emptied += 1
        else:
            above = written[position - 1] if position else None
            if above is None or not (above in removed or ends_like_sentence(lines[above])):
                continue  # the text ends under it
        if emptied >= EMPTIED_LINES:
            removed[index] = ORPHAN_RULE
