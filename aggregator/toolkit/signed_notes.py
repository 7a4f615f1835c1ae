"""A bulletin's signed note over its first piece, and the heading under the note.

A society's bulletin opens its text with a few words from its president, signed with an
attribution dash ("Dear members, … Please read our report below. — Emiko Tanabe,
President"). The note is the issue's furniture: the heading right under its signature,
over the first piece's prose, is the headline. A reader's letter signed the same way ("—
V.N., Chennai") is answered in prose, with no heading under it; a piece's own byline dash
("— Rtn. K. Arul, Secretary") stands under the piece's heading, not under a sentence. A
mail's digest of numbered pieces ("1. …", "2. …") under such a note is left to the other
rules (docs/headline_repairs.md says why).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Mapping, Sequence
from typing import Final

from aggregator.toolkit.header_shapes import in_capitals
from aggregator.toolkit.header_zone import body_start, is_body_prose

__all__ = ["SIGNED_NOTE_RULE", "heading_under_note"]

SIGNED_NOTE_RULE: Final = "heading under the signed note that opens the issue"
SIGNATURE_LINES: Final = 2
"""How far from the header zone's end a note's signature may stand: the zone ends at the
note's first line of prose, or under the note when no line of it reads as prose."""
PARAGRAPH_WORDS: Final = 8
"""Words each line of the paragraph under the heading has at least."""
_SIGNED = re.compile(
    r"(?:(?P<note>.*[a-z)][.!?][\"'”’]?)\s+)?[—–]\s+[A-Z][\w.'’ -]{1,40},\s+[A-Za-z][\w.'’ -]{1,30}"
)
"""A line that ends on an attribution dash with a name and a role or place after a
sentence ("… below. — Emiko Tanabe, President"), or is that signature alone."""
_SENTENCE_END = re.compile(r"[a-z)][.!?][\"'”’]?$")
_FIRST_PIECE = re.compile(r"1[.)]\s+(?=[^\d\s])")
_SECOND_PIECE = re.compile(r"2[.)]\s+(?=[^\d\s])")


def heading_under_note(
    lines: Sequence[str],
    end: int,
    ranks: Mapping[int, int],
    shaped: Callable[[str, str], bool],
    metadata: Collection[int] = (),
) -> int | None:
    """The line of the heading under a signed note that the header zone ending at ``end``
    runs into, when every headline-shaped line above the note (``ranks``: the zone's
    candidates and their ranks) only names something (rank 1 or more) or is in capitals (a
    masthead), and the heading is ``shaped`` like a headline over a paragraph. ``metadata``
    (date lines, bylines) never stands inside a note."""
    for index in range(max(end - SIGNATURE_LINES, 0), min(end + SIGNATURE_LINES, len(lines) - 2)):
        line = lines[index]
        signed = _SIGNED.fullmatch(line) if "—" in line or "–" in line else None
        if signed is None:
            continue
        first = index if signed["note"] is not None else index - 1
        if first < 0 or (signed["note"] is None and not _SENTENCE_END.search(lines[first])):
            return None
        while first > 0 and lines[first][:1].islower() and first - 1 not in metadata:
            first -= 1
        if first in metadata or any(
            rank == 0 and not in_capitals(lines[i]) for i, rank in ranks.items() if i < first
        ):
            return None
        return index + 1 if _heads_piece(lines, index + 1, shaped) else None
    return None


def _heads_piece(lines: Sequence[str], index: int, shaped: Callable[[str, str], bool]) -> bool:
    """A heading over a paragraph, not the first of a digest's numbered pieces."""
    text = lines[index]
    if _FIRST_PIECE.match(text) and any(_SECOND_PIECE.match(line) for line in lines[index + 2 :]):
        return False
    if not shaped(text, lines[index + 1]) or is_body_prose(text):
        return False
    stop = body_start(lines, index + 1)
    words = (len(line.split()) >= PARAGRAPH_WORDS for line in lines[index + 1 : stop + 1])
    return stop <= index + 4 and all(words)
