"""The subject line of a government order, which is its headline.

An Indian state government's order (a "G.O.") opens with its abstract: the subject in
dash-separated segments, from the department's matter to what is ordered, closed by a
fixed tail that says an order was issued ("Industries – Land at … – Allotment to … –
Orders – Issued.", "… – Sanction accorded – Orders issued"). The subject without that tail
is the order's headline; the line is long enough to read as prose, so it is found by its
tail, among the first lines, before the header zone is measured.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Final

__all__ = ["order_subject"]

SUBJECT_LINES: Final = 8
"""How far down the abstract stands: under the government's and the label's lines."""
LEAST_SEGMENTS: Final = 2
_ISSUED_TAIL = re.compile(
    r"\s+[–—-]\s*(?:orders?|notification|sanction)\s*(?:[–—-]\s*)?(?:are\s+|is\s+)?"
    r"(?:hereby\s+)?issued\s*\.?$",
    re.IGNORECASE,
)
_SEGMENT = re.compile(r"\s+[–—-]\s+")


def order_subject(lines: Sequence[str], start: int) -> tuple[int, str] | None:
    """(the line, the headline) of an order's abstract among the first lines from
    ``start``, or None: a line of dash-separated segments that ends in an "Orders –
    Issued" tail, with at least two segments before that tail."""
    for index in range(start, min(start + SUBJECT_LINES, len(lines))):
        line = lines[index]
        tail = _ISSUED_TAIL.search(line) if "ssued" in line[-10:] else None
        if tail is None:
            continue
        subject = line[: tail.start()].rstrip(" –—-")
        if len(_SEGMENT.split(subject)) >= LEAST_SEGMENTS:
            return index, subject
    return None
