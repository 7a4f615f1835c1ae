"""The last day of a meeting a document comes out of, when nothing else dates it.

A dialogue's co-chairs' statement gives under its title the place and days of the meeting
("Tokyo, 22-23 July 2026"), a conference poster the conference's ("Bangkok · 22–24 June
2026"): the statement is issued, the poster shown, by the meeting's last day. Those days
are an event's, never the page's, while any other date is found (a "published" line, a
footer's); with none, the last day of the first span of days within one month in the
header dates the document. A programme (its days' entries under their times) is put out
ahead of its meeting, so its days never date it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Final

from aggregator.toolkit.article_dates import DateReader, Found, opens_schedule
from aggregator.toolkit.header_zone import is_body_prose

__all__ = ["MEETING_DAY_RULE", "last_meeting_day"]

MEETING_DAY_RULE: Final = "last day of the meeting the header's span of days gives"
SPAN_LINE_MAX: Final = 160
SPAN_LINES: Final = 6
"""How near the top the meeting's days stand: by the title, above or under it."""
_DAYS = re.compile(
    r"(?<![\d/.:-])(?P<first>\d{1,2})\s?[–-]\s?(?P<last>\d{1,2})\s+(?P<month>[A-Z][a-z]{2,8}\.?),?"
    r"\s+(?P<year>(?:19|20)\d\d)\b"
    r"|\b(?P<month2>[A-Z][a-z]{2,8}\.?)\s+(?P<first2>\d{1,2})\s?[–-]\s?(?P<last2>\d{1,2}),?"
    r"\s+(?P<year2>(?:19|20)\d\d)\b"
)
"""A span of days within one month: "22-23 July 2026", "22–24 June 2026", "July 22-23,
2026"."""


def last_meeting_day(lines: Sequence[str], read: DateReader) -> Found | None:
    """The last day of the first span of days within one month on one of the first
    :data:`SPAN_LINES` lines (above the first paragraph of prose), as the document's date,
    unless the text is a programme (see the module's docstring). The whole text is read for
    a programme's entries only once a span is found near the top: most texts have none."""
    programme: bool | None = None
    for line in lines[:SPAN_LINES]:
        if is_body_prose(line):
            return None
        if len(line) > SPAN_LINE_MAX or (span := _DAYS.search(line)) is None:
            continue
        month = span["month"] or span["month2"]
        first, last = span["first"] or span["first2"], span["last"] or span["last2"]
        if int(first) >= int(last):
            continue
        if programme is None:
            programme = any(opens_schedule(lines, index) for index in range(len(lines)))
        if programme:
            return None
        dates = read.search(f"{last} {month} {span['year'] or span['year2']}", events=True)
        if len(dates) == 1:
            return Found(dates[0], line, MEETING_DAY_RULE)
    return None
