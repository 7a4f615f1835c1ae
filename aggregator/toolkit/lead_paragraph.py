"""The lead of a plain-text article: its first paragraph of prose."""

from __future__ import annotations

import re
from collections.abc import Sequence

from aggregator.toolkit.boilerplate import classify
from aggregator.toolkit.datelines import is_prose
from aggregator.toolkit.prose import joined_paragraphs

__all__ = ["BULLET", "lead_paragraph"]

BULLET = re.compile(r"[-–•*·▪●]\s+(?=\S)")
"""A list item's mark and the space after it."""


def lead_paragraph(body: Sequence[tuple[int, str]], inline_dateline: tuple[int, int] | None) -> str:
    """The first prose paragraph of ``body`` (numbered lines), hard-wrapped lines joined,
    without its inline dateline (``inline_dateline``: the line and where its text begins),
    else the first paragraph that is not a bullet. A publisher's notice in a sentence over
    the text ("This is a rush transcript and may contain errors.") is no lead."""
    paragraphs = joined_paragraphs(body)
    first = next(
        (item for item in paragraphs if is_prose(item[1]) and classify(item[1]) is None), None
    )
    if first is None:
        first = next((item for item in paragraphs if not BULLET.match(item[1])), None)
    if first is None:
        return ""
    index, lead = first
    if inline_dateline and inline_dateline[0] == index:
        lead = lead[inline_dateline[1] :].strip() or lead
    return lead
