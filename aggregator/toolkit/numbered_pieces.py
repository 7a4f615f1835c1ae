"""The number before the first piece of a bulletin of numbered pieces.

A bulletin that carries several short pieces (an MP's monthly report, a society's
newsletter, a police daily bulletin) numbers their headings: "1. <heading>" over its
paragraph, "2. <heading>" further down. The number says where the piece stands in the
bulletin, not what happened: when the first piece's heading is the headline, it is read
without its number. A numbered list (a cause list's entries, a form's numbered fields)
runs on from one entry to the next with no paragraph between them, and keeps its numbers.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import Final

from aggregator.toolkit.header_repair import HeaderView

__all__ = ["PIECE_NUMBER_REMOVED", "first_piece_number", "without_piece_number"]

PIECE_NUMBER_REMOVED: Final = "piece's number removed"
_HEADING_START: Final = r"(?=[^\d\s]|\d[\d,]*\s+[^\W\d])"
"""A heading opens on a word or on a figure followed by one ("1. 126 caregivers leave …");
a number running into another ("1. 01403/01404 …", "1. 4.6 lakh") is a list's entry."""
_FIRST = re.compile(r"1[.)]\s+" + _HEADING_START)
_SECOND = re.compile(r"2[.)]\s+" + _HEADING_START)
_SECTION = re.compile(r"[A-Z]{2,}(?: [A-Z]{2,}){0,2}: (?=\S)")
"""A section of the bulletin in capitals before the first piece's heading ("1. NEWS: …",
"1. DEMO DAY: …"): a bulletin's piece though no second one follows."""


def first_piece_number(
    lines: Sequence[str], index: int, is_prose: Callable[[str], bool]
) -> int | None:
    """Where the heading starts after the number of line ``index``, when it is the first of
    a bulletin's numbered pieces: "1. …" right over a paragraph of prose, with a "2. …"
    heading (no paragraph itself) further down or a section's name in capitals after the
    number; None otherwise."""
    number = _FIRST.match(lines[index])
    if number is None or index + 1 >= len(lines) or not is_prose(lines[index + 1]):
        return None
    if _SECTION.match(lines[index], number.end()):
        return number.end()
    later = lines[index + 2 :]
    if not any(_SECOND.match(line) and not is_prose(line) for line in later):
        return None
    return number.end()


def without_piece_number(
    view: HeaderView, lines: Sequence[str], stop: int, is_prose: Callable[[str], bool]
) -> HeaderView:
    """``view`` with the first piece's number removed from its heading, among the lines
    before ``stop`` (see :func:`first_piece_number`)."""
    for index in range(min(stop, len(lines))):
        if index in view.repairs:
            continue
        if (start := first_piece_number(lines, index, is_prose)) is not None:
            view.lines[index] = lines[index][start:]
            view.repairs[index] = PIECE_NUMBER_REMOVED
            break
    return view
