"""Lines a document prints at its head and again at its foot: its frame, not its text.

An official document names its issuer over its text and again under its signature
("VIZAG PORT AUTHORITY" at the head, "Vizag Port Authority" under the officer's name); a
PDF prints its running title ("MPR No. 84 | May 2026") at the head of its first page and
the foot of its last. A short line near the head of a text that the foot repeats,
whatever the case, is that frame: both go. A numbered entry (a contents list's, whose
section heading repeats it) or a date (a letter's date line) is no such frame.
"""

from __future__ import annotations

import re

from .dates import parse_date_line
from .lines import PROSE_END

FRAME_RULE = "repeated frame"
EDGE_LINES = 6
"""The written lines at a text's head and at its foot where its frame is looked for."""
FRAME_WORDS = 8
"""The most words of a frame's line: a name and a title, not a sentence."""
LEAST_LINES = 12
"""A text shorter than this has no room for a frame around its body."""
_NUMBERED = re.compile(r"\(?(\d{1,2})[.)]\s+(\S.*)")
_LETTER = re.compile(r"[^\W\d_]")


def repeated_frame(lines: list[str], removed: dict[int, str]) -> list[int]:
    """Mark as removed the short lines near a text's head that its foot repeats, and the
    repeats; their indexes."""
    written = [index for index, line in enumerate(lines) if line]
    if len(written) < LEAST_LINES:
        return []
    head, foot = written[:EDGE_LINES], written[-EDGE_LINES:]
    by_key: dict[str, int] = {}
    for index in head:
        key = _frame_key(lines[index])
        if key is not None:
            by_key.setdefault(key, index)
    taken: list[int] = []
    for index in foot:
        top = by_key.get(_frame_key(lines[index]) or "")
        if top is not None and top != index:
            taken.extend((top, index))
    for index in taken:
        removed.setdefault(index, FRAME_RULE)
    return taken


def _frame_key(line: str) -> str | None:
    """The case-folded words of a line that may be a document's frame, else None."""
    words = line.split()
    if not 2 <= len(words) <= FRAME_WORDS or PROSE_END.search(line) is not None:
        return None
    if _LETTER.search(line) is None or _NUMBERED.match(line) or parse_date_line(line):
        return None
    return " ".join(line.casefold().split())
