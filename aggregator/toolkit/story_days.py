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
report of that later event is another story.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from datetime import datetime

from .story_evidence import days_apart, is_day

AHEAD_DAYS = 7
"""How far ahead of its own date a named day counts: an itinerary, a schedule or a
programme is out in the week before the event. A notice that opens a route's sales names
the first flight's day weeks ahead (dev9: twelve days), and the traveller's review of
that flight is another story; a day named further ahead is a deadline or a plan."""
NEAR_DAY = 2.0
"""How near a named day the other report must be dated: a report of the day's event
comes out that day or the next. A circular asking for inputs "(deadline 9 March)" and
its outcome of the meeting four days later (dev6) are two stories."""
REACH_DAYS = AHEAD_DAYS + NEAR_DAY
"""Two reports dated further apart are never brought nearer by a day either names."""

MONTH_WORDS = (
    frozenset(),
    *(
        frozenset(words.split())
        for words in (
            "jan january",
            "feb february",
            "mar march",
            "apr april",
            "may",
            "jun june",
            "jul july",
            "aug august",
            "sep sept september",
            "oct october",
            "nov november",
            "dec december",
        )
    ),
)
"""The words of each month (by its number) a casefolded headline may name it by."""


def headline_days(figures: Iterable[str], title: Collection[str]) -> tuple[str, ...]:
    """The days among ``figures`` (days as "month-day",
    :func:`~aggregator.toolkit.story_evidence.figures_of_terms`) that the headline (its
    casefolded words, ``title``) names by their number and their month's word."""
    found = []
    for figure in figures:
        if is_day(figure):
            month, _, day = figure.partition("-")
            if day in title and not MONTH_WORDS[int(month)].isdisjoint(title):
                found.append(figure)
    return tuple(found)


def days_ahead(date: datetime, days: Iterable[str]) -> list[datetime]:
    """The ``days`` (a report's :func:`headline_days`) that fall after ``date`` and within
    :data:`AHEAD_DAYS` of it, at its time of day (a day in January named in December is of
    the next year)."""
    found = []
    for figure in days:
        month, _, day = figure.partition("-")
        for year in (date.year, date.year + 1):
            try:
                named = date.replace(year=year, month=int(month), day=int(day))
            except ValueError:  # 29 February of another year
                continue
            if 0 < (named - date).total_seconds() <= AHEAD_DAYS * 86400:
                found.append(named)
    return found


def gap_ahead(
    first: tuple[datetime, Iterable[str]],
    second: tuple[datetime, Iterable[str]],
    *,
    years_known: bool = True,
) -> float | None:
    """The least gap in days between one report's date and a day the other's headline
    names ahead of its own (each given as its date and its :func:`headline_days`), or None
    when neither names one within :data:`NEAR_DAY`."""
    gaps = [
        days_apart(other[0], named, years_known=years_known)
        for (date, days), other in ((first, second), (second, first))
        for named in days_ahead(date, days)
    ]
    return min((gap for gap in gaps if gap <= NEAR_DAY), default=None)
