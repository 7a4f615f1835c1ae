"""Header lines that say who made a page or when a document was issued, never what it says:
a sponsor's credit, a release line ending in its full date, a document named with its date.
:func:`aggregator.toolkit.header_lines.furniture_kind` reads them as furniture ("credit",
"date line"); a document's dated name also dates it (see
:mod:`aggregator.toolkit.publication_date`)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING, Final

if TYPE_CHECKING:
    from aggregator.toolkit.dates import DateMatch

__all__ = [
    "DAY_NAMED_RULE",
    "DOCUMENT_DATED",
    "FIGURES_DATED",
    "FOR_ITS_DAY",
    "PRODUCED_BY",
    "RELEASED_ON",
    "gives_a_period",
    "is_named_for_its_day",
    "named_for_its_day",
    "order_day_line",
]

PRODUCED_BY: Final = re.compile(
    r"(?:produced|presented|sponsored|paid for|brought to you) by\s"
    r"|in (?:association|partnership) with\s",
    re.IGNORECASE,
)
"""Who made or paid for a sponsored page ("Produced by the … Division"), not what it says."""
RELEASED_ON: Final = re.compile(
    r"(?i:released|published|issued|posted|launched)\s(?:\S+\s){0,8}?"
    r"(?:on\s)?\d{1,2}(?:st|nd|rd|th)?\s[A-Z][a-z]+\.?,?\s(?:19|20)\d\d\.?"
)
"""Where and when a document was released, the line's end a day's full date ("Released in
Pune on 2 May 2026", "Issued at the annual meeting, Kochi, 9 May 2026")."""
DOCUMENT_DATED: Final = re.compile(
    r"(?:[A-Z][\w-]*\s+){1,4}dated\s+\d{1,2}(?:st|nd|rd|th)?\s+[A-Z][a-z]+\.?,?\s+(?:19|20)\d\d\b"
)
"""A document named with its own date ("Pricing Supplement dated 14 May 2026 to the Base
Prospectus …", "Offer Letter dated 2 June 2026"): the document's date line."""
FIGURES_DATED: Final = re.compile(
    r"\b(?:data|figures|portfolio|holdings|nav|prices|statistics)\s+as\s+(?:on|of|at)\b",
    re.IGNORECASE,
)
"""The day a document's figures stand at ("Data as on 30 April 2026", "Portfolio as of
March 31"): a stamp under its title, neither the page's date nor its headline."""
FOR_ITS_DAY: Final = re.compile(
    r"(?=[^\d]*\bfor\b)(?:[^\W\d][\w.'’-]*\s+){1,6}for\s+(?:the\s+)?"
    r"(?:mon|tues|wednes|thurs|fri|satur|sun)day\b(?:[^.:;]{3,40}?\b(?:19|20)\d\d"
    r"|,?\s+(?:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2}"
    r"|\d{1,2}(?:st|nd|rd|th)?\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*))",
    re.IGNORECASE,
)
"""A document named for the day it serves ("DAILY CAUSE LIST FOR THURSDAY, THE 4TH DAY OF
JUNE 2026", "Order of Business for Monday, 1 June 2026", a wire's "Tokyo Daybook for
Wednesday, March 11" without its year): its name, the headline; its day is
what the document is for, not when it was published (a footer's stamp says that)."""
DAY_NAMED_RULE: Final = "document named for the day it serves"
_YEAR: Final = re.compile(r"\b(?:19|20)\d\d\b")
_FOR: Final = re.compile(r"\sfor\s", re.IGNORECASE)
_DOCUMENT_NAME: Final = re.compile(
    r"\b(?:daybook|cause\s+list|order\s+of\s+business|agenda|docket|list\s+of\s+business"
    r"|diary|schedule)\b",
    re.IGNORECASE,
)
"""What names a document a day is served by: a line without its year ("Weather for Friday,
March 13", "Horoscope for Friday, 13 March") is a page's feature, not a document's name."""


def is_named_for_its_day(line: str) -> bool:
    """Whether ``line`` names a document for its day: with the day's year, or a document's
    name before "for" (a daybook, an agenda) when the year is left off."""
    if not FOR_ITS_DAY.fullmatch(line):
        return False
    return bool(_YEAR.search(line)) or bool(_DOCUMENT_NAME.search(_FOR.split(line, 1)[0]))


def named_for_its_day(lines: Sequence[str], candidates: Sequence[int]) -> int | None:
    """The first candidate that names a document for its day (see :data:`FOR_ITS_DAY`)."""
    return next((index for index in candidates if is_named_for_its_day(lines[index])), None)


ORDER_DAY: Final = re.compile(
    r"[A-Z][A-Za-z]+(?: [A-Z][A-Za-z]+){0,2}, "
    r"the \d{1,2}(?:st|nd|rd|th)? [A-Z][a-z]+,? (?:19|20)\d\d"
)
"""The place and day an official order is made at ("New Delhi, the 18th June, 2026")."""


def order_day_line(lines: Sequence[str], start: int, end: int) -> int | None:
    """The line an official order gives its place and day on, in the header zone: what is
    above it (a gazette's register numbers, part and section, the ministry) is the order's
    letterhead, whatever is chosen as the headline."""
    return next((i for i in range(start, end) if ORDER_DAY.fullmatch(lines[i])), None)


_SPAN_JOIN = re.compile(r"(?:\s*\([A-Za-z]{2,3}\.?\))?\s*(?:[-–—]|to)\s*", re.IGNORECASE)
"""What joins a period's first day to its last ("July 14 (Tue) – September 20", "10 July
to 10 October")."""
_UNTIL = re.compile(r"\b(?:until|till|through|closes)\s*$", re.IGNORECASE)
_LAST_DAYS = re.compile(r"[-–]\d{1,2}(?:st|nd|rd|th)?(?![\d/.:-])")
"""The last day of a period within its month, written by its day alone ("September 24-27");
the dates module reads no day from a range written the other way round ("20-22 August")."""


def gives_a_period(line: str, dates: Sequence[DateMatch]) -> bool:
    """Whether ``line`` gives the period something runs for, by its ``dates`` (read from
    it): two days joined by a dash or "to" ("July 14 (Tue) – September 20 (Sun), 2026",
    "September 24-27"), or a last day ("Until August 30"). An
    exhibition's or a festival's period, not the day its page was put out; a labelled span
    ("Issue dated December 29, 2025 - January 4, 2026") is a weekly's issue, dated by its
    first day."""
    if any(date.label is not None for date in dates):
        return False
    starts = [line.find(date.text) for date in dates]
    if any(at > 0 and _UNTIL.search(line, 0, at) for at in starts):
        return True
    if any(
        _day_range(line, at, at + len(date.text)) for date, at in zip(dates, starts, strict=True)
    ):
        return True
    return any(
        _SPAN_JOIN.fullmatch(line, first + len(date.text), second) is not None
        for date, first, second in zip(dates, starts, starts[1:], strict=False)
        if 0 <= first < second
    )


def _day_range(line: str, start: int, end: int) -> bool:
    """The day read from ``line[start:end]`` begins a period within its month."""
    return start >= 0 and _LAST_DAYS.match(line, end) is not None
