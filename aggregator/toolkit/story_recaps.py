"""The day a report's lead names behind its own date: when the event it looks back on
happened.

A weekly, a newspaper's pull-out or a subscriber's newsletter comes out days after the
event it reports, and its lead says when that was ("opened a joint centre last Thursday",
"announced last Wednesday"); the daily and wire reports and the organisers' own release
came out on that day. Their dates are further apart than the clusterer's ``max_gap_days``,
while the day the recap names is theirs. This is the mirror of
:mod:`~aggregator.toolkit.story_days`, where an announcement's headline names its event's
day ahead: the day a lead names behind is kept with the report's days, marked
(:data:`BEHIND_MARK`), and two reports are near in time when one's date is near a day the
other's lead names behind its own. It only lets them be compared and weighed as near in
time: their names, words and figures must still tell one event.

Only the lead's days (:data:`~aggregator.toolkit.story_evidence.LEAD_WORDS` words): further
down, a report recalls earlier events. Only "last" and a day of the week, which a report
writes of its own event a week on: a day and month in the lead ("signed on 30 June") is as
often an earlier event a daily's report follows up (the arrival of trainees after the
memorandum that sent them), and counted as the report's own day it made false joins on
three halves. A bare "on Tuesday" is a daily's own day or its eve, which the dates cover.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import datetime, timedelta

from .story_evidence import LEAD_WORDS, days_within

BEHIND_MARK = "<"
"""The mark after a day a report's lead names behind its own date ("7-9<")."""
BEHIND_DAYS = 7
"""How far behind its own date a day the lead names counts: "last Thursday" is at most a
week back."""
LEAD_CHARS = 10 * LEAD_WORDS
"""Characters of a text searched for the lead's days: ``LEAD_WORDS`` words of news take
about six each (a text's words are counted only up to a match)."""
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
LAST_WEEKDAY = re.compile(r"[Ll]ast[ \t\r\n]+([MTWFS][a-z]{2,5}day)\b")
""""Last" and a day of the week ("last Thursday"); no lookaround, so that a pattern that
opens with its character class is scanned for in C (every report's lead is scanned); the
word before is tested apart."""


def in_lead(text: str, start: int) -> bool:
    """Whether ``start`` falls within the first ``LEAD_WORDS`` words of ``text``, whatever
    its paragraphs: a cleaned text often keeps its source's line breaks as paragraph
    breaks, one line a paragraph."""
    return len(text[:start].split()) < LEAD_WORDS


def lead_days_behind(text: str, date: datetime | None) -> tuple[str, ...]:
    """The days ("month-day", marked with :data:`BEHIND_MARK`) the lead of ``text`` names
    as "last" and a day of the week ("last Thursday": the Thursday before the report's
    own day, one to seven days back)."""
    if date is None:
        return ()
    found: set[datetime] = set()
    for match in LAST_WEEKDAY.finditer(text, 0, LEAD_CHARS):
        start, day = match.start(), match.group(1).casefold()
        if day not in WEEKDAYS or (start and text[start - 1].isalnum()):
            continue
        if not in_lead(text, start):
            break
        back = (date.weekday() - WEEKDAYS.index(day)) % 7 or 7
        found.add(date - timedelta(days=back))
    return tuple(sorted(f"{day.month}-{day.day}{BEHIND_MARK}" for day in found))


def days_behind(date: datetime, days: Iterable[str]) -> list[datetime]:
    """The marked ``days`` (a report's :func:`lead_days_behind`, among its other days) that
    fall before ``date`` and within :data:`BEHIND_DAYS` of it, at its time of day."""
    found = []
    for figure in days:
        if not figure.endswith(BEHIND_MARK):
            continue
        found += days_within(date, figure[: -len(BEHIND_MARK)], -BEHIND_DAYS)
    return found
