"""Tails a page prints after a headline on the headline's own line.

Two shapes, each met across publishers:

* a live page's mark after a dash or a bar ("… — LIVE UPDATES", "… | Live blog",
  "… - As it happened"): what kind of page it is, not what happened;
* a saved or sent article's source and date in brackets at the end of its title line
  ("… (The Daily Ledger, 14 May 2026)"), as a read-later service, an e-reader's clippings
  or a cuttings service writes it: the source and its publication day, not the headline.
  Its date is the article's own.
"""

from __future__ import annotations

import re
from typing import Final

__all__ = ["LIVE_TAIL_REMOVED", "SOURCE_DATE_REMOVED", "strip_headline_tail"]

LIVE_TAIL_REMOVED: Final = "live page's mark"
SOURCE_DATE_REMOVED: Final = "source and date in brackets"

_LIVE_TAIL = re.compile(
    r"(?<=\S)\s+[—–|-]\s+(?:live(?:\s+(?:updates?|blog|coverage|report|thread))?"
    r"|as it happened)\s*[:!]?$",
    re.IGNORECASE,
)
_LIVE_MARKS: Final = "—–|-"
"""What :data:`_LIVE_TAIL` needs before the mark: a line without one is spared its search."""
_MONTH = r"(?i:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?)"
_DAY_DATE = (
    rf"(?:\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH}|{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?)"
    r"\s+(?:19|20)\d\d"
)
_SOURCE_DATE_TAIL = re.compile(
    rf"(?<=\S)\s+\((?P<source>[A-Z][^()]{{1,60}}?),\s+(?P<date>{_DAY_DATE})\)$"
)
"""A name that opens with a capital, a comma and a full date with day, month and year,
closing the line in brackets."""


def strip_headline_tail(line: str) -> tuple[str, str | None]:
    """``line`` without a live page's mark or a source-and-date tail, and what was removed
    (None when nothing was)."""
    if line.endswith(")") and (tail := _SOURCE_DATE_TAIL.search(line)):
        return line[: tail.start()], SOURCE_DATE_REMOVED
    if any(mark in line for mark in _LIVE_MARKS) and (tail := _LIVE_TAIL.search(line)):
        return line[: tail.start()], LIVE_TAIL_REMOVED
    return line, None
