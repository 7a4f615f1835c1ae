"""Weekdays printed with a date: which reading of "05/12/2026" they agree with, and the
year of a year-less "5/14 (Thu)" (used by :mod:`aggregator.toolkit.dates`)."""

from __future__ import annotations

import re
from datetime import datetime, timedelta

__all__ = [
    "MONTH_DAY_WEEKDAY",
    "WEEKDAYS",
    "WEEKDAY_YEAR_SPAN",
    "as_weekday_says",
    "weekday_number",
]

WEEKDAY_YEAR_SPAN = timedelta(days=400)
"""How far back a year-less date with its weekday may lie: this year's or last year's."""
_WEEKDAY_PREFIXES = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
WEEKDAYS = "monday|tuesday|wednesday|thursday|friday|saturday|sunday|tues|thurs|thur|" + "|".join(
    _WEEKDAY_PREFIXES
)
"""A weekday's name or abbreviation, as a regular-expression alternation (longest first)."""
MONTH_DAY_WEEKDAY = re.compile(
    r"(?P<month>\d{1,2})/(?P<day>\d{1,2})(?P<year>(?!))?\s?[(（]"
    rf"(?P<weekday>{'|'.join(_WEEKDAY_PREFIXES)})[a-z]{{0,6}}\.?[)）]",
    re.IGNORECASE,
)
"""A month and day with the weekday in brackets, no year ("5/14 (Thu) 12:10", as Japanese
pages print them): the year is the latest, not ahead of the reference, whose May 14 is a
Thursday."""


def weekday_number(text: str) -> int | None:
    """Monday = 0 … Sunday = 6, from a weekday's name or abbreviation."""
    prefix = text.strip(" ,.").lower()[:3]
    return _WEEKDAY_PREFIXES.index(prefix) if prefix in _WEEKDAY_PREFIXES else None


def as_weekday_says(year: int, month: int, day: int, weekday: int) -> tuple[int, int]:
    """An ambiguous "05/12/2026" read the way its weekday ("Tue,") agrees with: May 12
    when only that reading falls on a Tuesday."""
    if day > 12 or month == day:
        return month, day
    readings = []
    for first, second in ((month, day), (day, month)):
        try:
            readings.append(datetime(year, first, second).weekday() == weekday)
        except ValueError:
            readings.append(False)
    return (day, month) if readings == [False, True] else (month, day)
