"""Parsing of the dates that scraped news pages and feeds print.

The parsers here are deliberately strict: :func:`parse_date` accepts a string
only when it is (almost) entirely a date, so that a sentence such as
"On February 8, the minister said ..." is never mistaken for a date line.
:func:`find_date_prefix` is the building block for callers that need a date
at the start of a longer text (datelines such as "Tokyo, Feb 17 (PTI) - ...").

Supported shapes, each with an optional label ("Published:", "Updated:",
"Last Updated:", "Posted on", "First published:", "Issued", "Filed", "Answered",
"Aired", "Broadcast") and weekday ("Friday,"):

* month-day-year: "March 6, 2026", "Mar 6, 2026", "Mar. 6, 2026", "Feb 17"
* day-month-year: "6 March 2026", "06 Mar 2026", "18 Feb 2026," "17 Feb"
* ISO 8601: "2026-02-18", "2026-02-18T09:30:00+05:30", "2026-02-18T04:00Z"
* hyphenated: "3-Feb-26", "03-FEB-2026"
* numeric day-month-year: "14/03/2025", "11.06.2025", "05-05-2025" (read
  month-first only when the first number cannot be a month: "12/25/2025")
* RFC 822: "Fri, 06 Mar 2026 10:00:00 +0000"
* Japanese script: "2025年11月26日 6時00分" (Japan's local time)
* Hindi month names and labels: "प्रकाशित: 18 फ़रवरी 2026, 09:40 AM"

followed by an optional time ("10:32 AM", "14:05", "9:12 pm", "05:12 PM")
and zone (an abbreviation from :data:`ZONES` or :data:`US_GENERIC_ZONES`, or
a numeric offset such as "+05:30", "-0500", "GMT+9").

A date without a time is midnight UTC; a time without a zone is taken as UTC.
A date without a year gets one from ``year_hint`` or ``reference`` (see
:func:`parse_date`), never more than :data:`YEARLESS_TOLERANCE` after ``reference``;
a date more than :data:`FUTURE_TOLERANCE` after ``reference`` is rejected.

Dates that machines write (a feed's ``<pubDate>``, a JSON Feed's
``date_published``) are read by :func:`parse_timestamp` instead, which takes
exactly ISO 8601 and RFC 822 and guesses nothing.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, timezone
from types import MappingProxyType
from typing import Final, NamedTuple

from .date_labels import LABEL, LABEL_STARTS, label_kind
from .date_stamps import parse_timestamp as parse_timestamp
from .date_weekdays import (
    MONTH_DAY_WEEKDAY,
    WEEKDAY_YEAR_SPAN,
    WEEKDAYS,
    as_weekday_says,
    weekday_number,
)

__all__ = [
    "FUTURE_TOLERANCE",
    "MONTHS",
    "US_GENERIC_ZONES",
    "YEARLESS_TOLERANCE",
    "ZONES",
    "DateMatch",
    "find_date_prefix",
    "parse_date",
    "parse_date_line",
    "parse_timestamp",
    "search_dates",
]

FUTURE_TOLERANCE: Final = timedelta(days=2)
"""How far past ``reference`` a date may lie (time-zone skew, early stamps)."""

YEARLESS_TOLERANCE: Final = timedelta(hours=14)
"""How far past ``reference`` a date printed without its year may lie: only the time-zone
skew (the day starts 14 hours before UTC's in the zone furthest ahead), for such a date is
the day it was printed; later, it is last year's. A whole day let "Dec 8" read on
7 December at 00:10 UTC, when it is 8 December nowhere, as the next day."""

MAX_DATE_LINE: Final = 120
"""Longer strings are prose, not date lines."""


def _hours(hours: float) -> timedelta:
    return timedelta(hours=hours)


ZONES: Final[Mapping[str, timedelta]] = MappingProxyType(
    {
        "Z": _hours(0),
        "UT": _hours(0),
        "UTC": _hours(0),
        "GMT": _hours(0),
        "WET": _hours(0),
        "BST": _hours(1),
        "WEST": _hours(1),
        "CET": _hours(1),
        "CEST": _hours(2),
        "EET": _hours(2),
        "EEST": _hours(3),
        "MSK": _hours(3),
        "GST": _hours(4),
        "PKT": _hours(5),
        "IST": _hours(5.5),
        "NPT": _hours(5.75),
        "ICT": _hours(7),
        "WIB": _hours(7),
        "SGT": _hours(8),
        "HKT": _hours(8),
        "PHT": _hours(8),
        "AWST": _hours(8),
        "JST": _hours(9),
        "KST": _hours(9),
        "ACST": _hours(9.5),
        "AEST": _hours(10),
        "AEDT": _hours(11),
        "NZST": _hours(12),
        "NZDT": _hours(13),
        "EST": _hours(-5),
        "EDT": _hours(-4),
        "CDT": _hours(-5),
        "MST": _hours(-7),
        "MDT": _hours(-6),
        "PST": _hours(-8),
        "PDT": _hours(-7),
        "AKST": _hours(-9),
        "AKDT": _hours(-8),
        "HST": _hours(-10),
    }
)
"""Fixed-offset zone abbreviations.

Ambiguous abbreviations are left out ("CST" is both US Central and China,
"AST" both Arabia and Atlantic); "IST" is India, as on the sites we read.
"""

_US_ZONE_NAMES: Final = frozenset(
    {"EST", "EDT", "CDT", "MST", "MDT", "PST", "PDT", "AKST", "AKDT", "HST"}
)

US_GENERIC_ZONES: Final[Mapping[str, tuple[timedelta, timedelta]]] = MappingProxyType(
    {
        "ET": (_hours(-5), _hours(-4)),
        "CT": (_hours(-6), _hours(-5)),
        "MT": (_hours(-7), _hours(-6)),
        "PT": (_hours(-8), _hours(-7)),
    }
)
"""US zones written without standard/daylight: (standard, daylight) offsets.

Which one applies is decided by the US daylight-saving rule for the date.
"""

MONTHS: Final[Mapping[str, int]] = MappingProxyType(
    {
        name: number
        for number, names in enumerate(
            (
                ("january", "jan", "जनवरी"),
                ("february", "feb", "फ़रवरी", "फरवरी", "\u092b\u093c\u0930\u0935\u0930\u0940"),
                ("march", "mar", "मार्च"),
                ("april", "apr", "अप्रैल"),
                ("may", "मई"),
                ("june", "jun", "जून"),
                ("july", "jul", "जुलाई"),
                ("august", "aug", "अगस्त"),
                ("september", "sept", "sep", "सितंबर", "सितम्बर"),
                ("october", "oct", "अक्टूबर", "अक्तूबर"),
                ("november", "nov", "नवंबर", "नवम्बर"),
                ("december", "dec", "दिसंबर", "दिसम्बर"),
            ),
            start=1,
        )
        for name in names
    }
)

_WEEKDAYS = WEEKDAYS
_MONTH = "(?P<month>{})(?![\\w\u0900-\u097f])\\.?".format(
    "|".join(sorted(MONTHS, key=len, reverse=True))
)
"""A month's name in English, abbreviated or not, or in Hindi (Devanagari, whose vowel
signs are no word characters to ``\\b``)."""
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?\b"
_YEAR = r"(?P<year>(?:19|20)\d{2})\b"

_HAS_DIGIT = re.compile(r"\d")


def _has_digit(text: str) -> bool:
    """Every date form has a day number: a line without a digit is not a date (a cheap test
    that spares the full patterns most lines of an article; an ASCII line's by its bytes)."""
    if text.isascii():
        return len(text.encode("ascii").translate(None, b"0123456789")) != len(text)
    return _HAS_DIGIT.search(text) is not None


_DATE_FIRST = frozenset("0123456789JFMASONDjfmasond")
"""The ASCII characters a date's patterns can start with (a day or year, a month's name)."""


_WEEKDAY = re.compile(rf"(?:{_WEEKDAYS})\b\.?,?\s+", re.IGNORECASE)
_MONTH_DAY_YEAR = re.compile(rf"{_MONTH}\s+{_DAY}(?:,?\s+{_YEAR})?", re.IGNORECASE)
_DAY_MONTH_YEAR = re.compile(rf"{_DAY}\s+(?:of\s+)?{_MONTH}(?:,?\s+{_YEAR})?", re.IGNORECASE)
_NUMERIC = re.compile(
    r"(?P<year>(?:19|20)\d{2})(?P<sep>[-/.])(?P<month>\d{1,2})(?P=sep)(?P<day>\d{1,2})(?!\d)"
)
_NUMERIC_DAY_FIRST = re.compile(
    r"(?P<day>\d{1,2})(?P<sep>[-/.])(?P<month>\d{1,2})(?P=sep)(?P<year>(?:19|20)\d{2})(?!\d)"
)
_DAY_MON_YY = re.compile(
    rf"(?P<day>\d{{1,2}})-(?P<month>{'|'.join(m for m in MONTHS if len(m) == 3)})-"
    r"(?P<year>\d{2}|(?:19|20)\d{2})(?![\d-])",
    re.IGNORECASE,
)
"""A day, a month's abbreviation and a year between hyphens ("3-Feb-26", "03-FEB-2026")."""
_KANJI = re.compile(
    r"(?:(?P<year>(?:19|20)\d{2})|令和\s?(?P<reiwa>\d{1,2}|元))"
    r"\s?年\s?(?P<month>\d{1,2})\s?月\s?(?P<day>\d{1,2})\s?日"
    r"(?:\s?[(（][月火水木金土日][)）])?"
)
"""A date in Japanese script ("2025年11月26日", with its weekday "(水)"), Japan's local day;
its year may be the Reiwa era's ("令和8年", 2026: an official document's own dating)."""
REIWA_BEFORE = 2018
"""The year before Reiwa 1 (元年, 2019)."""
_KANJI_TIME = re.compile(r"\s*(?P<hour>\d{1,2})\s?時\s?(?:(?P<minute>\d{1,2})\s?分)?")
_SEARCH_START = re.compile(
    rf"(?<![\w.,/:+\-])(?=\d|令和|(?:{'|'.join(LABEL_STARTS)}|{_WEEKDAYS}|{'|'.join(MONTHS)})\b)",
    re.IGNORECASE,
)
"""Where a date can start inside a line: a number or a label, weekday or month word
not glued to the word or figure before it."""
_TIME = re.compile(
    r"(?:\s*(?:[,|·•@]|\bat\b|[-–—])\s*|\s+|T)"
    r"(?P<hour>\d{1,2})(?:(?P<separator>[:.])(?P<minute>\d{2})(?::(?P<second>\d{2})(?:\.\d{1,9})?)?)?"
    r"(?:\s*(?P<ampm>[ap])\.?\s?m\b\.?)?"
    r"(?:\s*hrs?\b\.?)?",
    re.IGNORECASE,
)
_OFFSET = re.compile(
    r"\s*(?:(?:UTC|GMT)\s*)?(?P<sign>[+\-−])(?P<hours>\d{2}):?(?P<minutes>\d{2})(?!\d)"
    r"|\s*(?:UTC|GMT)(?P<sign2>[+\-−])(?P<hours2>\d{1,2})(?::(?P<minutes2>\d{2}))?(?!\d)"
)
_ZONE = re.compile(r"\s*(?:\((?P<paren>[A-Z]{1,5})\)|(?P<bare>[A-Z]{1,5})(?!\w))")
_OPEN_PAREN = re.compile(r"\s*\(")
_CLOSE_PAREN = re.compile(r"\s*\)")
_LEADING_TIME = re.compile(
    r"(?P<hour>\d{1,2})(?::|(?=\d\d\s*(?:UTC|GMT|IST|JST)\b))(?P<minute>\d{2})"
    r"(?:\s*(?P<ampm>[ap])\.?\s?m\b\.?)?(?!\d)",
    re.IGNORECASE,
)
"""A time written before its date ("17:40 JST, February 24, 2026"; a bulletin's "2330 UTC,
07 May 2026", four figures only before a zone, so that a year is never read as one)."""
_AFTER_LEADING_TIME = re.compile(r"\s*[,|·•]?\s*")
_TRAILER = re.compile(r"[\s.,;|)]*")


class DateMatch(NamedTuple):
    """A date found at the start of a text."""

    value: datetime
    text: str
    """The date as written, without its label (e.g. "Fri, Mar 6, 2026 10:32 AM IST")."""
    end: int
    """Index in the searched text just past the date."""
    label: str | None
    """"published", "updated" or None when the date carried no label."""


@dataclass(frozen=True)
class _Clock:
    hour: int = 0
    minute: int = 0
    second: int = 0


_Zone = timedelta | tuple[timedelta, timedelta]
_FIGURE_FIRST: Final = (
    _NUMERIC,
    _NUMERIC_DAY_FIRST,
    _DAY_MON_YY,
    _DAY_MONTH_YEAR,
    _KANJI,
    MONTH_DAY_WEEKDAY,
)
"""The patterns tried, in order, on a date that starts with a figure (``str.isdecimal``,
what ``\\d`` matches); one that starts with 令 (Reiwa) can only be kanji, else a month's name."""
_KANJI_FIRST: Final = (_KANJI,)
_NAME_FIRST: Final = (_MONTH_DAY_YEAR,)


def find_date_prefix(
    text: str,
    *,
    reference: datetime | None = None,
    year_hint: int | Sequence[int] | None = None,
) -> DateMatch | None:
    """Parse the date that ``text`` starts with, ignoring whatever follows it.

    Returns None when ``text`` does not start with a date, when the date is
    invalid, when its year cannot be inferred, or when it lies in the future
    of ``reference``.  Year inference is described in :func:`parse_date`.
    """
    start = 0
    label = None
    if found := LABEL.match(text):
        label = label_kind(found["label"])
        start = found.end()
    leading, date_start = _match_leading_time(text, start)
    weekday = _WEEKDAY.match(text, date_start)
    pos = weekday.end() if weekday else date_start
    named = weekday_number(weekday.group()) if weekday else None
    return _match_from(text, start, pos, label, reference, year_hint, leading, named)


def _match_leading_time(text: str, pos: int) -> tuple[tuple[_Clock | None, _Zone | None], int]:
    """A time (and zone) written before the date ("17:40 JST, …"), and where the date starts."""
    found = _LEADING_TIME.match(text, pos)
    clock = found and _clock(found["hour"], found["minute"], None, found["ampm"])
    if found is None or clock is None:
        return (None, None), pos
    zone, end = _match_zone(text, found.end())
    after = _AFTER_LEADING_TIME.match(text, end)
    return (clock, zone), after.end() if after else end


def parse_date(
    text: str,
    *,
    reference: datetime | None = None,
    year_hint: int | Sequence[int] | None = None,
) -> datetime | None:
    """Parse a string that is a single date, or return None.

    Only trailing punctuation may follow the date.  A missing year is taken
    from ``year_hint`` (a year or years in order of preference), skipping any
    that would put the date more than :data:`YEARLESS_TOLERANCE` after
    ``reference``; failing that, the most recent such date not after
    ``reference`` + that tolerance is used.  Without hint or reference a yearless
    date gives None.  A naive ``reference`` is taken as UTC.
    """
    text = text.strip()
    if len(text) > MAX_DATE_LINE or not _has_digit(text):
        return None
    found = find_date_prefix(text, reference=reference, year_hint=year_hint)
    if found is None or not _is_rest_empty(text, found.end):
        return None
    return found.value


def parse_date_line(
    line: str,
    *,
    reference: datetime | None = None,
    year_hint: int | Sequence[int] | None = None,
) -> DateMatch | None:
    """Parse a line made only of dates, e.g. "Published: ... | Updated: ...".

    When the line holds several labelled dates the published one wins over
    the updated one.  ``end`` of the result refers to ``line``.
    """
    line = line.strip()
    if len(line) > MAX_DATE_LINE or not _has_digit(line):
        return None
    whole = find_date_prefix(line, reference=reference, year_hint=year_hint)
    if whole is not None and _is_rest_empty(line, whole.end):
        return whole
    if LABEL.match(line) is None:
        return None  # several dates start with a label; spares most lines a scan for more
    starts = [m.start() for m in LABEL.finditer(line) if _at_segment_start(line, m.start())]
    if len(starts) < 2 or starts[0] != 0:
        return None
    found: list[DateMatch] = []
    for start, stop in zip(starts, [*starts[1:], len(line)], strict=True):
        segment = line[start:stop]
        date = find_date_prefix(segment, reference=reference, year_hint=year_hint)
        if date is None or not _is_rest_empty(segment, date.end):
            return None
        found.append(date._replace(end=start + date.end))
    return min(found, key=lambda date: date.label == "updated")


def search_dates(
    text: str,
    *,
    reference: datetime | None = None,
    year_hint: int | Sequence[int] | None = None,
) -> list[tuple[int, DateMatch]]:
    """Every date written inside ``text``, in order, as (start, match); ``end`` of each
    match refers to ``text``.

    Meant for short lines where a page prints its date among other words
    ("Posted On: 16 DEC 2025 7:45PM by PIB Delhi", "Tokyo | June 18, 2025 | 09:20
    JST"); running it over prose would find the dates a story talks about.
    """
    if not _has_digit(text):
        return []
    found: list[tuple[int, DateMatch]] = []
    position = 0
    while (start := _SEARCH_START.search(text, position)) is not None:
        date = find_date_prefix(text[start.start() :], reference=reference, year_hint=year_hint)
        if date is None:
            position = start.start() + 1
            continue
        found.append((start.start(), date._replace(end=start.start() + date.end)))
        position = start.start() + date.end
    return found


def _at_segment_start(line: str, index: int) -> bool:
    return index == 0 or line[:index].rstrip()[-1:] in ("|", "·", "•", ",", ";", "/", ")")


def _is_rest_empty(text: str, end: int) -> bool:
    return _TRAILER.fullmatch(text, end) is not None


def _match_from(
    text: str,
    start: int,
    pos: int,
    label: str | None,
    reference: datetime | None,
    year_hint: int | Sequence[int] | None,
    leading: tuple[_Clock | None, _Zone | None] = (None, None),
    weekday: int | None = None,
) -> DateMatch | None:
    first = text[pos : pos + 1]
    if first.isascii() and first not in _DATE_FIRST:
        return None
    patterns: tuple[re.Pattern[str], ...]
    if first.isdecimal():
        patterns = _FIGURE_FIRST
    else:
        patterns = _KANJI_FIRST if first == "令" else _NAME_FIRST
    for pattern in patterns:
        if found := pattern.match(text, pos):
            break
    else:
        return None
    month_text = found["month"]
    month = int(month_text) if month_text.isdigit() else MONTHS[month_text.lower()]
    day = int(found["day"])
    if pattern is _KANJI:
        time = _KANJI_TIME.match(text, found.end())
        clock = time and _clock(time["hour"], time["minute"] or "00", None, None)
        zone: _Zone | None = ZONES["JST"]
        end = time.end() if time else found.end()
    else:
        clock, zone, end = _match_time(text, found.end())
    if clock is None:
        clock, zone = leading
    if pattern is _NUMERIC_DAY_FIRST and _reads_month_first(month, day, zone, text, end):
        month, day = day, month
    if pattern is _NUMERIC_DAY_FIRST and weekday is not None and found["year"]:
        month, day = as_weekday_says(int(found["year"]), month, day, weekday)

    if pattern is MONTH_DAY_WEEKDAY:
        weekday = weekday_number(found["weekday"])

    def build(year: int) -> datetime | None:
        value = _assemble(year, month, day, clock, zone)
        if value is not None and pattern is MONTH_DAY_WEEKDAY:
            if value.weekday() != weekday:
                return None  # "5/14 (Thu)": the year in which May 14 is a Thursday
            if reference is not None and _aware(reference) - value > WEEKDAY_YEAR_SPAN:
                return None  # a weekday that matches only years back is a misprint
        return value

    year = found["year"]
    if pattern is _KANJI and (era := found["reiwa"]):
        year = str(REIWA_BEFORE + (1 if era == "元" else int(era)))
    if year is not None:
        value = build(int(year) + (2000 if len(year) == 2 else 0))
        if value is not None and _is_future(value, reference):
            value = None
    else:
        value = _infer_year(build, reference, year_hint)
    if value is None:
        return None
    return DateMatch(value, text[start:end], end, label)


def _reads_month_first(month: int, day: int, zone: _Zone | None, text: str, end: int) -> bool:
    """Whether "03/10/2026" is March 10: when the second number cannot be a month, or
    when the time is in a US zone, since US pages write the month first."""
    if month > 12 >= day:
        return True
    named = text[:end].rstrip(" )").rsplit(None, 1)[-1].lstrip("(")
    return day <= 12 and (isinstance(zone, tuple) or named in _US_ZONE_NAMES)


def _match_time(text: str, pos: int) -> tuple[_Clock | None, _Zone | None, int]:
    """Parse the optional time and zone after a date; returns (clock, zone, end)."""
    found = _TIME.match(text, pos)
    if found is None or (found["minute"] is None and found["ampm"] is None):
        return None, None, pos
    clock = _clock(found["hour"], found["minute"], found["second"], found["ampm"])
    if clock is None:
        return None, None, pos
    zone, end = _match_zone(text, found.end())
    if found["separator"] == "." and zone is None and found["ampm"] is None:
        return None, None, pos  # "17.45" is a time in British style only beside its zone
    return clock, zone, end


def _clock(
    hour_text: str, minute: str | None, second: str | None, ampm: str | None
) -> _Clock | None:
    hour = int(hour_text)
    if ampm:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if ampm.lower() == "p" else 0)
    if hour > 23 or int(minute or 0) > 59:
        return None
    return _Clock(hour, int(minute or 0), int(second or 0))


def _match_zone(text: str, pos: int) -> tuple[_Zone | None, int]:
    """The zone at ``pos``: an offset ("+05:30", "GMT+5:30", also in parentheses) or a
    known abbreviation ("IST", "(JST)"); (None, pos) when there is none."""
    if paren := _OPEN_PAREN.match(text, pos):
        zone, end = _match_zone(text, paren.end())
        if zone is not None and (close := _CLOSE_PAREN.match(text, end)):
            return zone, close.end()
    if found := _OFFSET.match(text, pos):
        sign = -1 if (found["sign"] or found["sign2"]) in "-−" else 1
        hours = int(found["hours"] or found["hours2"])
        minutes = int(found["minutes"] or found["minutes2"] or 0)
        if hours <= 14 and minutes < 60:
            return sign * timedelta(hours=hours, minutes=minutes), found.end()
    if found := _ZONE.match(text, pos):
        name = found["paren"] or found["bare"]
        if name in ZONES:
            return ZONES[name], found.end()
        if name in US_GENERIC_ZONES:
            return US_GENERIC_ZONES[name], found.end()
    return None, pos


def _assemble(
    year: int, month: int, day: int, clock: _Clock | None, zone: _Zone | None
) -> datetime | None:
    if not 1900 <= year <= 2099:
        return None
    clock = clock or _Clock()
    try:
        local = datetime(year, month, day, clock.hour, clock.minute, clock.second)
    except ValueError:
        return None
    if zone is None:
        offset = timedelta(0)
    elif isinstance(zone, tuple):
        offset = zone[1] if _is_us_daylight_time(local) else zone[0]
    else:
        offset = zone
    return local.replace(tzinfo=UTC if not offset else timezone(offset))


def _is_us_daylight_time(local: datetime) -> bool:
    """US rule since 2007: second Sunday of March to first Sunday of November, 2:00."""
    start = _nth_sunday(local.year, 3, 2).replace(hour=2)
    end = _nth_sunday(local.year, 11, 1).replace(hour=2)
    return start <= local < end


def _nth_sunday(year: int, month: int, n: int) -> datetime:
    first = datetime(year, month, 1)
    return first + timedelta(days=(6 - first.weekday()) % 7 + 7 * (n - 1))


def _aware(value: datetime) -> datetime:
    return value if value.tzinfo is not None else value.replace(tzinfo=UTC)


def _is_future(
    value: datetime, reference: datetime | None, tolerance: timedelta = FUTURE_TOLERANCE
) -> bool:
    return reference is not None and value > _aware(reference) + tolerance


def _infer_year(
    build: Callable[[int], datetime | None],
    reference: datetime | None,
    year_hint: int | Sequence[int] | None,
) -> datetime | None:
    hints = [year_hint] if isinstance(year_hint, int) else list(year_hint or ())
    for year in hints:
        value = build(year)
        if value is not None and not _is_future(value, reference, YEARLESS_TOLERANCE):
            return value
    if reference is None:
        return None
    latest = _aware(reference) + YEARLESS_TOLERANCE
    for year in range(latest.year, latest.year - 8, -1):
        value = build(year)
        if value is not None and value <= latest:
            return value
    return None
