"""The lead of a plain-text article: its first paragraph of prose."""

from __future__ import annotations

import re
from collections.abc import Sequence

from aggregator.toolkit.boilerplate import classify
from aggregator.toolkit.datelines import is_prose
from aggregator.toolkit.prose import iter_joined_paragraphs

__all__ = ["BULLET", "lead_paragraph"]

BULLET = re.compile(r"[-–•*·▪●]\s+(?=\S)")
"""A list item's mark and the space after it."""


def lead_paragraph(body: Sequence[tuple[int, str]], inline_dateline: tuple[int, int] | None) -> str:
    """The first prose paragraph of ``body`` (numbered lines), hard-wrapped lines joined,
    without its inline dateline (``inline_dateline``: the line and where its text begins),
    else the first paragraph that is not a bullet. A publisher's notice in a sentence over
    the text ("This is a rush transcript and may contain errors.") is no lead."""
    paragraphs: list[tuple[int, str]] = []
    first = None
    for item in iter_joined_paragraphs(body):  # joined only as far as the lead
        paragraphs.append(item)
        if is_prose(item[1]) and classify(item[1]) is None:
            first = item
            break
    if first is None:
        first = next((item for item in paragraphs if not BULLET.match(item[1])), None)
    if first is None:
        return ""
    index, lead = first
    if inline_dateline and inline_dateline[0] == index:
        lead = lead[inline_dateline[1] :].strip() or lead
    return lead
