"""The day and hours of an event a page offers a place at, which is not the page's own day.

A date followed by a span of hours ("Sun, 8 Nov 2026 · 10:00 – 17:00 JST", "Tuesday 17 Mar
2026 ⋅ 5:30pm – 6:15pm") is when something takes place. A transcript or a recording of that
event is dated by it; a ticketing page or a calendar invitation, which asks its reader to
book or join (a "Get tickets" button, "Join with …", "RSVP"), is not: the event lies ahead
of the day the page was put up.
"""

from __future__ import annotations

import re
from typing import Final

from aggregator.toolkit.dates import DateMatch

__all__ = ["BOOKING_CALL_WORDS", "offers_a_place", "opens_hours"]

_CLOCK: Final = r"\d{1,2}(?:[:.]\d\d(?:\s?[ap]\.?\s?m\b\.?)?|\s?[ap]\.?\s?m\b\.?)"
_CLOCK_AT_END: Final = re.compile(r"(?:\d[:.]\d\d|\d\s?[ap]\.?\s?m\.?)$", re.IGNORECASE)
_HOURS_END: Final = re.compile(rf"\s*[–—-]\s*{_CLOCK}", re.IGNORECASE)
_HOURS: Final = re.compile(rf"\s*(?:[,|·•⋅@]|at\b)?\s*{_CLOCK}{_HOURS_END.pattern}", re.IGNORECASE)
_BOOKING_CALL: Final = re.compile(
    r"(?:get|buy|book)\s+(?:your\s+)?(?:tickets?|seats?|passes|now)\b|rsvp\b"
    r"|register\s+(?:now|here)$|join\s+(?:with|by|the\s+(?:meeting|call|webinar))\b"
    r"|add\s+to\s+(?:\w+\s+)?calendar\b",
    re.IGNORECASE,
)
"""A line that opens with a call to book or join an event: a button or a field."""
BOOKING_CALL_WORDS: Final = 8
"""A call is a button or a field, not a sentence that asks readers to register."""


def opens_hours(text: str, date: DateMatch) -> bool:
    """Whether a span of hours follows ``date`` in ``text``; the date may hold the span's
    start time already ("8 Nov 2026 · 10:00" before "– 17:00")."""
    if _CLOCK_AT_END.search(date.text) and _HOURS_END.match(text, date.end):
        return True
    return _HOURS.match(text, date.end) is not None


def offers_a_place(lines: list[str]) -> bool:
    """Whether a page asks its reader to book or join an event, on a line of its own."""
    return any(
        len(line.split()) <= BOOKING_CALL_WORDS and _BOOKING_CALL.match(line) for line in lines
    )
