"""The period a diary or a schedule page covers, as its title.

An office's diary or a minister's weekly schedule names the page by the days it covers
("May 2026", "1-6 June 2026", "Minister's Schedule, 15-19 June 2026") over entries that
each open on one of those days ("May 6: …", "1 June (Monday): …", "Mon. 15 June | 09:00 |
…"). That line is the page's title, not the day it was published: the issuer's name above
it only names.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Final

__all__ = ["LOG_PERIOD_RULE", "is_log_period", "log_period"]

LOG_PERIOD_RULE: Final = "period a diary's entries fall in"
_MONTH: Final = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
_PERIOD = re.compile(
    rf"(?:[^\W\d][\w'’.-]*(?: [^\W\d][\w'’.-]*){{0,3}},? )?"
    rf"(?:\d{{1,2}}\s?[-–]\s?\d{{1,2}} {_MONTH}|{_MONTH})\s+(?:19|20)\d\d",
    re.IGNORECASE,
)
"""A month, or a span of days within one, with its year, after a name of a few words at
most ("Week of 25-31 May 2026"); a single day is a date line's."""
_ENTRY = re.compile(
    rf"(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+)?"
    rf"(?:\d{{1,2}}\s+{_MONTH}|{_MONTH}\s+\d{{1,2}})(?=\s*(?:[:|(]|$))",
    re.IGNORECASE,
)
"""An entry's day without its year, before its text ("May 6:", "1 June (Monday):", "Mon.
15 June | 09:00 |", "Monday, 25 May" over its paragraph)."""


def is_log_period(lines: Sequence[str], index: int) -> bool:
    """Whether line ``index`` names the period of the diary entries right under it."""
    return (
        _PERIOD.fullmatch(lines[index].strip()) is not None
        and index + 1 < len(lines)
        and _ENTRY.match(lines[index + 1]) is not None
    )


def log_period(lines: Sequence[str], candidates: Sequence[int]) -> int | None:
    """The first candidate that names the period of a diary's entries."""
    return next((index for index in candidates if is_log_period(lines, index)), None)
