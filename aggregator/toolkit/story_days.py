"""The days a report's headline names ahead of its own date: when the event it announces
happens.

A protocol office's itinerary, a minister's schedule for the week, a conference's
programme or a notice of a visit is published days before the event, and its headline
names the days it falls on ("Itinerary - Visit of …, 16-18 June", "Programme, 20-21
May"); the reports of the event come out on those days. Their publication dates can be
further apart than the clusterer's ``max_gap_days``, while the day the announcement names
is the reports' own. So the gap between two reports is the least of the gap between
their dates and the gaps between each one's date and a day the other's headline names
ahead of its own (:func:`gap_ahead`). It only lets two such reports be compared and
weighed as near in time: their names, words and figures must still tell one event.

Only the headline's days: a report of one event names the day of a later one in its text
("the first orchardists arrive on 22 October", "the review meets on 12 March"), and the
report of that later event is another story. Only a headline of one event: a week-ahead
list or a diary names the days of several events ("Week ahead: trade mission in Mumbai on
16 November, central bank decision on 19 November"), none of which the list reports. And
only for a report that names the place the headline names the event at, when it names
one ("visit Chennai", "in New Delhi", :func:`headline_places`): a ministry's announcement of a
dialogue in one city and a report of another dialogue of the same two countries in
another city that week share their subject, not their event.

A registration page or notice of an event prints the event's particulars on one line
("Date: 27 June 2026 | Time: 15:30 | Venue: …", :func:`particulars_days`): its own date is
the day it was posted, and the day on that line is the event's, named ahead as a headline
names it, but further ahead (:data:`PARTICULARS_AHEAD_DAYS`): registration opens weeks
before the event. Those days are kept with the headline's, marked (:data:`PARTICULARS_MARK`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import datetime

from .article_dates import VENUE_CELL
from .dates import MONTHS as DATE_MONTHS
from .story_evidence import (
    CALENDAR,
    STOPWORDS,
    days_apart,
    days_named,
    days_within,
    is_day,
    words_of_names,
)
from .story_recaps import BEHIND_MARK, days_behind

AHEAD_DAYS = 7
"""How far ahead of its own date a named day counts: an itinerary, a schedule or a
programme is out in the week before the event. A notice that opens a route's sales names
the first flight's day weeks ahead (dev9: twelve days), and the traveller's review of
that flight is another story; a day named further ahead is a deadline or a plan."""
NEAR_DAY = 2.0
"""How near a named day the other report must be dated, either side of it: a report of
the day's event comes out that day or the next, and a report dated the day before may
be of its eve (arrivals, a curtain-raiser) or carry a time zone's date. A circular asking
for inputs "(deadline 9 March)" and its outcome of the meeting four days later (dev6) are
two stories."""
PARTICULARS_AHEAD_DAYS = 21
"""How far ahead of its own date the day of an event's particulars line counts: a page
that gives the venue and hours of an event and asks readers to register is up in the
weeks before it, and names only that event."""
PARTICULARS_MARK = "@"
"""The mark after a day of an event's particulars line among a report's stored days
("6-27@"), which count :data:`PARTICULARS_AHEAD_DAYS` ahead."""
PARTICULARS_LINES = 12
"""The lines at the top of a report's text where an event notice prints its particulars."""
REACH_DAYS = PARTICULARS_AHEAD_DAYS + NEAR_DAY
"""Two reports dated further apart are never brought nearer by a day either names."""

MONTHS = {word: number for word, number in DATE_MONTHS.items() if word.isascii()}
"""The words a casefolded headline may name a month by (the date reader's English ones)."""
LIST_MARKS = frozenset({"diary", "calendar", "calender", "schedule", "schedules"})
"""Words of a headline that lists several events' days (an outlet's diary, an events
calendar, an office holder's weekly schedule: a visit at one end of its week is no event
the page is about)."""
AHEAD_MARK = frozenset({"week", "weeks", "days", "month", "look"})
"""Words that, before "ahead", head a list of what is coming ("Week ahead: …", "Look
ahead")."""
_HEADLINE_WORD = re.compile(r"[^\W_]+")
_PLACE_CUES = frozenset({"in", "at", "to", "visit", "visits", "visiting", "tour", "tours"})
"""Words a headline puts before the place of its event ("in New Delhi", "to Norway",
"visit Chennai")."""
_PLACE_END = STOPWORDS - {"new"}
"""Words that end a place's name, where "New" begins one ("New Delhi")."""
PLACE_WORDS = 4
"""The longest place name read after one ("Port of Spain", "Sri Lanka")."""


def headline_days(figures: Iterable[str], headline: str) -> tuple[str, ...]:
    """The days among ``figures`` (days as "month-day",
    :func:`~aggregator.toolkit.story_evidence.figures_of_terms`) that ``headline`` names by
    a day number next to its month's word ("16 June", "June 16", "16-18 June"), when it
    names the days of one event: none of a headline that names days at two months' words
    (a list of events' days) or reads as a diary or a week ahead. A month's word away from
    any number is another word ("may", "march")."""
    words = _HEADLINE_WORD.findall(headline.casefold())
    if not LIST_MARKS.isdisjoint(words) or any(
        word == "ahead" and index and words[index - 1] in AHEAD_MARK
        for index, word in enumerate(words)
    ):
        return ()
    named: set[str] = set()
    mentions = 0
    for index, word in enumerate(words):
        month = MONTHS.get(word)
        if month is None:
            continue
        days = [
            day
            for day in (*words[max(0, index - 2) : index], *words[index + 1 : index + 3])
            if day.isdigit() and 1 <= int(day) <= 31
        ]
        if _next_to_number(words, index):
            mentions += 1
            named.update(f"{month}-{int(day)}" for day in days)
    if mentions != 1:
        return ()
    return tuple(figure for figure in figures if is_day(figure) and figure in named)


def _next_to_number(words: list[str], index: int) -> bool:
    before = words[index - 1] if index else ""
    after = words[index + 1] if index + 1 < len(words) else ""
    return before.isdigit() or after.isdigit()


def headline_places(headline: str) -> tuple[str, ...]:
    """The name words of the place a headline names its event at: the capitalised words
    after "in", "at", "to" or "visit" ("… to visit Chennai on 14-16 January" gives
    "chennai", "… dialogue in New Delhi on 20 August" "delhi"), as
    :func:`~aggregator.toolkit.story_evidence.name_words` keeps them; months and days of
    the week are no place."""
    words = _HEADLINE_WORD.findall(headline)
    phrases = []
    for index, word in enumerate(words[:-1]):
        if word.casefold() not in _PLACE_CUES:
            continue
        phrase = []
        for following in words[index + 1 : index + 1 + PLACE_WORDS]:
            folded = following.casefold()
            if not following[0].isupper() or folded in _PLACE_END or folded in CALENDAR:
                break
            phrase.append(following)
        phrases.append(" ".join(phrase))
    return tuple(words_of_names(phrases))


def particulars_days(text: str) -> tuple[str, ...]:
    """The days an event's particulars line names, marked with :data:`PARTICULARS_MARK`: a
    line near the top of ``text`` with a "Venue:" cell among its fields ("Date: Saturday,
    27 June 2026 | Time: 15:30 | Venue: …" gives "6-27@"); none when two such lines name
    days (a programme of several events)."""
    lines = [line for line in text.splitlines()[:PARTICULARS_LINES] if VENUE_CELL.search(line)]
    if len(lines) != 1:
        return ()
    return tuple(sorted(f"{day}{PARTICULARS_MARK}" for day in days_named(lines[0])))


def days_ahead(date: datetime, days: Iterable[str]) -> list[datetime]:
    """The ``days`` (a report's :func:`headline_days` and :func:`particulars_days`) that
    fall after ``date`` and within :data:`AHEAD_DAYS` of it (a particulars day within
    :data:`PARTICULARS_AHEAD_DAYS`), at its time of day (a day in January named in
    December is of the next year)."""
    found = []
    for figure in days:
        if figure.endswith(BEHIND_MARK):
            continue
        ahead = PARTICULARS_AHEAD_DAYS if figure.endswith(PARTICULARS_MARK) else AHEAD_DAYS
        found += days_within(date, figure.rstrip(PARTICULARS_MARK), ahead)
    return found


def gap_ahead(
    first: tuple[datetime, Iterable[str]],
    second: tuple[datetime, Iterable[str]],
    *,
    years_known: bool = True,
) -> float | None:
    """The least gap in days between one report's date and a day the other's headline
    names ahead of its own, or its lead behind it (each given as its date and its
    :func:`headline_days`, with the :func:`~aggregator.toolkit.story_recaps.lead_days_behind`),
    or None when neither names one within :data:`NEAR_DAY`."""
    gaps = [
        days_apart(other[0], named, years_known=years_known)
        for (date, given), other in ((first, second), (second, first))
        for days in (tuple(given),)
        for named in (*days_ahead(date, days), *days_behind(date, days))
    ]
    return min((gap for gap in gaps if gap <= NEAR_DAY), default=None)
