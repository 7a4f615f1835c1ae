"""Where a plain-text article prints its publication date, read with its own years.

:class:`DateReader` reads the date forms of :mod:`aggregator.toolkit.dates` in the
places articles put them: a date line (beside short section, place or reading-time
labels), a labelled date opening a header line, dates among the words of a header
line, the footer zone (a release's closing "Tokyo, 11 June 2025", a post's "7:52 PM ·
Feb 1, 2026 · 58K Views"), the lead's first sentence. A date without a year takes one
the article itself mentions (see :func:`year_hints`).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from datetime import datetime
from typing import Final, NamedTuple, overload

from aggregator.toolkit.date_labels import LABEL
from aggregator.toolkit.dates import DateMatch, find_date_prefix, parse_date_line, search_dates
from aggregator.toolkit.event_hours import offers_a_place, opens_hours
from aggregator.toolkit.lines import PROSE_END
from aggregator.toolkit.titles import first_sentence
from aggregator.toolkit.tool_lines import is_tool_stamp, label_with_date

__all__ = ["FOOTER_LINES", "DateReader", "Found", "opens_schedule", "year_hints"]

FOOTER_LINES: Final = 8
"""The footer zone, after the last paragraph: a release closes with its place and date
above a few lines of furniture ("Related Information", "Back to top", a visitor counter)."""
CLOSING_LINES: Final = 3
"""A date line among the last lines closes the article, even after short paragraphs."""
PARAGRAPH_WORDS: Final = 10
FOOTER_LINE_MAX: Final = 90
"""Longer footer lines are prose, whose dates are what a story talks about."""
LABELLED_PREFIX_MAX: Final = 100
TOP_LINES: Final = 8
OPENING_LINES: Final = 4

_DIGIT = re.compile(r"\d")
_FULL_DATE = re.compile(r"(?=.*\b\d{1,2}(?:st|nd|rd|th)?\b)(?=.*\b(?:19|20)\d\d\b)")
"""A date with its day and its year."""
_YEAR = re.compile(r"(?=[12])\b(?:199\d|20\d\d)\b")  # (?=[12]): other positions skipped in C
_LABEL_BESIDE_DATE = re.compile(
    r"[A-Za-z][A-Za-z&' -]{0,29}|\d+\s*min(?:ute)?s?\s+read", re.IGNORECASE
)
_PLACED_DAY = re.compile(r"the (?=\d{1,2}(?:st|nd|rd|th)? )")
"""The article an official order puts between its place and its day ("New Delhi, the 18th
June, 2026"): the line is still a date line, never a headline."""
ISSUED_AT_END_LINES: Final = 2
"""How near the end a page's imprint gives the day it was issued."""
_BESIDE = re.compile(r"\||\s·\s")
"""What sets a date apart from the labels beside it on one line."""
_PAGE_CELL = re.compile(
    r"(?:page|p\.)\s*[A-Z]?\d{1,3}|\d{1,3} pages|pages \d{1,3}(?: \+ \d{1,3})?(?: \([^()]*\))?"
    r"|(?:price:? )?(?:rs\.?|₹) ?\d{1,3}(?:\.\d\d)?",
    re.IGNORECASE,
)
"""A printed page's number beside its date on a newspaper's folio ("NAGPUR | MONDAY | JUNE
22, 2026 | PAGE 3"), or a front page's count of pages and price ("… | 16 PAGES | Rs 5.00",
"… | Pages 16 + 4 (City) | Price Rs 6"): the folio dates the issue, the day the paper was
published."""
_BARE_PAGE = re.compile(r"\d{1,3}")
"""A folio's page number without its label, in the line's last cell ("INDIAN DEFENCE
CHRONICLE | 16–30 SEPTEMBER 2026 | 31")."""
_ISSUE_SPAN = re.compile(r"^(\d{1,2})\s?[–-]\s?\d{1,2}\b(?=\s+[A-Za-z])")
"""The days a periodical's issue covers, on its folio ("16–30 SEPTEMBER 2026"): the issue
is dated by the first of them, the day it came out."""
WRAPPED_WORDS = 6
"""Words a line of hard-wrapped prose has at least, beside the line it runs into."""
_PUBLISHED_NOTE = re.compile(
    r"\b(?:first |originally )?(?:published|appeared|posted)(?: first)?(?: (?:on|in))?\s+(?=\S)",
    re.IGNORECASE,
)
"""A note under the text that says when it was published ("(The original Japanese-language
editorial was published on Oct. 17, 2026.)"): the date after it is the publication's."""
_NOTE_LINE = re.compile(
    r"\(.+\)\.?|(?:originally|first) (?:published|appeared)\b.+"
    r"|this (?:article|story|editorial|piece|column|post|entry|report) (?:was )?"
    r"(?:first |originally )?(?:published|appeared|posted)\b.+",
    re.IGNORECASE,
)
NOTE_MAX = 200
_FILED_ON = re.compile(r"[^.;]{1,40}?\bon\s+(?=\S)")
"""The section a blog's note files the post under, before its day ("This entry was posted
in Travel on March 14, 2026.")."""
_SENTENCE_BREAK = re.compile(r"(?<=[a-z)][.!?])\s+(?=[A-Z])")
LABELLED_TAIL_WORDS = 4
"""Words a labelled date sentence may go on with: a time and a programme, a place."""
_ISSUE_LABEL = re.compile(r"(?:telecast|aired|broadcast|issued|dated|printed)\b", re.IGNORECASE)
"""The labels of a broadcast's, an issue's or a print run's own day, which a footer's
sentence may give the page; a review's "Released on …" or "Published on … by Penguin"
gives a film's or a book's."""
_SENTENCE_INSIDE = re.compile(r"[a-z]{2}[.!?](?:\s|$)")
_EFFECTIVE = re.compile(
    r"(?:w\.?e\.?f\.?|with effect from|effective(?: from)?"
    r"|\b(?:starts?|starting|begins?|beginning|commences?)(?: on| from)?)\s*:?\s*$",
    re.I,
)
"""The words before the date a rule takes effect ("w.e.f. 1 April 2025") or something
starts ("Enroll | Starts Jun 15", "Classes begin on 1 July"): not a publication date."""
_SCHEDULE_ENTRY = re.compile(
    r"\d{1,2}[.:]\d{2}(?:\s?[–-]\s?\d{1,2}[.:]\d{2})?\s+(?:[ap]\.?m\.?\s+)?(?:[|·•]\s+)?[A-Z][a-z]"
)
"""A programme's entry opening with its time or its hours ("10.00 Inaugural session",
"11:00 – 11:30 | Main Stage | …")."""
_SPAN_START = re.compile(r"\b\d{1,2}\s?[–-]\s?$")
"""The first day of a span ("12–" in "12–14 March 2026"), right before a date."""
_EVENT_FIELD = re.compile(
    r"(?:^|[|·•;/]\s*)[^|·•;/]{0,30}\b(?:event|meeting|session|hearing|conference|webinar"
    r"|lecture|exam(?:ination)?|deadline)\b(?:[^|·•;/]{0,20}[:\-–])?\s*$",
    re.IGNORECASE,
)
"""A field whose label names an event, right before its date ("Date of event: 4 September
2026 | Posted: …", "Webinar date - …"): the event's day, not the page's."""
_SIGNING = re.compile(
    r"(?:signed|done|executed)\s+(?:at|in)\s+[A-Z][\w.'’ -]{1,40}?,?\s+on\s+(?=\d)", re.IGNORECASE
)
"""An agreement's closing line of signature ("Signed in Tokyo on 15 July 2026, in duplicate,
in the English and Japanese languages."): the day the agreement was made, over the days its
preamble recalls."""
VENUE_CELL = re.compile(r"(?:^|[|·•;]\s*)venue\s*[:\-–]", re.IGNORECASE)
"""A "Venue:" field among a line's cells ("Date: 27 June 2026 | Time: 10:00 | Venue: …"):
the line gives an event's particulars, and its dates are the event's, not the page's."""


class Found(NamedTuple):
    """A publication date, the text it was read from and the rule that found it."""

    date: DateMatch
    line: str
    rule: str


_QUOTED_MESSAGE = re.compile(r">|on\b.{5,80}\bwrote\s*:$", re.IGNORECASE)
"""An earlier message quoted under a reply: its "On <date>, <name> wrote:" line and its
"> " lines, dated when that message was sent, not when the text above it was written."""
_SHOWING = re.compile(
    r"(?:(?:mon|tue|wed|thu|fri|sat|sun)\w*\.?,?\s+)?\d{1,2}(?:st|nd|rd|th)?\s+[A-Z][a-z]{2,8}\.?"
    r"(?:\s+\(\w{2,9}\.?\))?,?\s+\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?\s*[—–|-]\s*\S",
    re.IGNORECASE,
)
"""An entry of a list of showings or sessions: a day, its time and where ("25 May (Mon)
16:00 — Hall A", "Sat 6 June, 7.30 pm – Town Hall"); the day of an event, never of the
page, in a footer as in a programme."""


DATED_ROWS = 3
"""The least rows of a table of days (a schedule) in a run."""


def opens_schedule(lines: Sequence[str], index: int) -> bool:
    """Whether ``lines[index]`` heads a day of a programme (the line under it is an entry
    that opens with its time) or is one of a run of dated rows. Such a date line is the
    day of an event, not of publication.
    A chat export's message (time, sender and text between tabs) is no entry: the day over
    it is the message's."""
    if _DATED_ROW.match(lines[index]) and _in_run_of_rows(lines, index):
        return True
    if index + 1 >= len(lines) or _SCHEDULE_ENTRY.match(lines[index + 1]) is None:
        return False
    return lines[index + 1].count("\t") < 2


_DATED_ROW = re.compile(
    r"(?:(?:Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)(?:day|sday|nesday|rsday|urday)?\.?,?\s+)?"
    r"(?:\d{1,2}\s+[A-Z][a-z]{2,8}|[A-Z][a-z]{2,8}\.?\s+\d{1,2})"
    r"\s*[|·•]\s*\S"
)
"""A row of a week's programme, its day (a weekday's name, if any) then a bar ("Mon. June
15 | 10:00 | Cabinet meeting"): in a run of :data:`DATED_ROWS` such rows, the day of an
entry, not of the page. A page's two stamps ("Posted June 8 | 10:30 AM" over "Updated
June 9 | 11:00 AM") are no programme: the label is no weekday, and two rows no week."""


def _in_run_of_rows(lines: Sequence[str], index: int) -> bool:
    """Whether ``lines[index]`` stands in a run of :data:`DATED_ROWS` dated rows or more,
    looked for at most that far each way."""
    run = 1
    for step in (-1, 1):
        near = index + step
        while 0 <= near < len(lines) and abs(near - index) < DATED_ROWS:
            if not _DATED_ROW.match(lines[near]):
                break
            run += 1
            near += step
    return run >= DATED_ROWS


def is_wrapped_prose(lines: Sequence[str], index: int) -> bool:
    """A line of hard-wrapped prose: it carries on the sentence of the line above ("tanker
    of the Indian Air Force landed at …" / "in Ibaraki Prefecture on 13 September for the")
    or runs on into the line below ("The two-week exercise, which began on 15 September,
    pairs" / "the Sukhois with …"). The dates in it are the story's."""
    line = lines[index]
    above = lines[index - 1] if index else ""
    below = lines[index + 1] if index + 1 < len(lines) else ""
    if line.startswith(("by ", "via ")):
        return False
    goes_on = line[:1].islower() and len(above.split()) >= WRAPPED_WORDS and above[-1:].isalnum()
    runs_on = below[:1].islower() and len(line.split()) >= WRAPPED_WORDS and line[-1:].isalnum()
    return goes_on or runs_on


class DateReader:
    """Dates read against one article's reference time and the years it mentions."""

    def __init__(self, text: str, reference: datetime) -> None:
        self.reference = reference
        self.years = _YearHints(text, reference)
        self._text = text
        self._offers_a_place: bool | None = None

    def line(self, line: str) -> DateMatch | None:
        """A line that is a date, possibly beside short section, place, edition or
        reading-time labels ("Space | 05 Feb 2026, 20:10 IST", "EVENING EDITION · Friday,
        September 11, 2026", "Feb 19, 2026 | 3 min read", "11 Jun
        2025 | 19:05 IST | 4 min read", "Tokyo, 11 Jun 2025 | 19:05 IST", "Bangkok, 21
        January 2026"), or a folio's page number ("… | JUNE 22, 2026 | PAGE 3", "… | 31"):
        a folio's span of days dates the issue by its first ("16–30 SEPTEMBER 2026")."""
        if is_tool_stamp(line):
            return None
        date = parse_date_line(line, reference=self.reference, year_hint=self.years)
        if date is not None:
            return date
        if labelled := label_with_date(line):
            return parse_date_line(labelled[1], reference=self.reference, year_hint=self.years)
        if "|" not in line and " · " not in line:
            place, comma, rest = line.partition(", ")
            if not comma or not _LABEL_BESIDE_DATE.fullmatch(place):
                return None
            rest = _PLACED_DAY.sub("", rest, count=1)
            return parse_date_line(rest, reference=self.reference, year_hint=self.years)
        cells = [part.strip() for part in _BESIDE.split(line)]
        paged = len(cells) > 2 and _BARE_PAGE.fullmatch(cells[-1]) is not None
        parts = [part for part in cells[: -1 if paged else None] if not _PAGE_CELL.fullmatch(part)]
        dated = [part for part in parts if not _LABEL_BESIDE_DATE.fullmatch(part)]
        if not dated or len(parts) - len(dated) > 2:
            return None
        place, comma, rest = dated[0].partition(", ")
        readings = [" | ".join(dated)]
        if comma and _LABEL_BESIDE_DATE.fullmatch(place):
            readings.append(" | ".join([rest, *dated[1:]]))
        if len(parts) < len(cells):
            readings.extend(_ISSUE_SPAN.sub(r"\1", reading, count=1) for reading in readings[:])
        for reading in readings:
            if found := parse_date_line(reading, reference=self.reference, year_hint=self.years):
                return found
        return None

    def event_hours(self, text: str, date: DateMatch) -> bool:
        """Whether ``date`` is the day of an event this page offers a place at: the day
        of its hours (see :mod:`aggregator.toolkit.event_hours`)."""
        if not opens_hours(text, date):
            return False
        if self._offers_a_place is None:
            lines = [line.strip() for line in self._text.splitlines()]
            self._offers_a_place = offers_a_place(lines) or self._issued_at_end(lines)
        return self._offers_a_place

    def _issued_at_end(self, lines: Sequence[str]) -> bool:
        """A page that ends on the day it was issued ("Issued 30 June 2026 | JETRO Chennai",
        a brochure's or a flyer's imprint): the days of the hours it announces lie ahead."""
        last = [line for line in lines if line][-ISSUED_AT_END_LINES:]
        return any(
            (date := self.labelled_prefix(line)) is not None and date.label == "published"
            for line in last
        )

    def prefix(self, text: str) -> DateMatch | None:
        """The date ``text`` starts with."""
        return find_date_prefix(text, reference=self.reference, year_hint=self.years)

    def in_dated_rows(self, lines: Sequence[str], index: int) -> bool:
        """Whether ``lines[index]`` is a row of a table of days ("Mon. June 15 | 21:30 |
        Departs for Delhi"): one of :data:`DATED_ROWS` rows in a run, each with as many
        " | " cells, each opening with a date and no label. Its day is an entry's of a
        schedule, not the page's; a page's two stamps ("18 June 2026 | 09:20 IST" over
        "Updated: 19 June 2026 | 10:05 IST") are no table."""
        cells = lines[index].count(" | ")
        if not cells or not self._dated_row(lines[index], cells):
            return False
        run = 1
        for step in (-1, 1):
            near = index + step
            while 0 <= near < len(lines) and abs(near - index) < DATED_ROWS:
                if not self._dated_row(lines[near], cells):
                    break
                run += 1
                near += step
        return run >= DATED_ROWS

    def _dated_row(self, line: str, cells: int) -> bool:
        if line.count(" | ") != cells:
            return False
        date = self.prefix(line)
        return date is not None and date.label is None

    def opens_with_full_date(self, line: str) -> bool:
        """A line that opens with a day's full date ("Sunday, 8th March 2026 (Chaitra
        Krishna 5, …)"): an issue's or a page's date with a note, never a headline."""
        if _DIGIT.search(line) is None:
            return False  # the date is read from the line, and its day and year are figures
        date = self.prefix(line) if line[:1].isalnum() else None
        return date is not None and _FULL_DATE.search(date.text) is not None

    def labelled_prefix(self, line: str) -> DateMatch | None:
        """A short line that opens with a labelled date and goes on with a credit or a
        place ("Posted On: 16 DEC 2025 7:45PM by the Press Office"); not an event's
        particulars, which name its venue."""
        if len(line) > LABELLED_PREFIX_MAX or LABEL.match(line) is None or is_tool_stamp(line):
            return None  # without a label first, a date read would carry none
        if VENUE_CELL.search(line):
            return None
        date = self.prefix(line)
        return date if date is not None and date.label is not None else None

    def search(self, line: str, *, events: bool = False) -> list[DateMatch]:
        """Every date printed among the words of a short line, but the end of a span of
        days ("12–14 March 2026") and a date under an event's label: an event's dates,
        not a publication's (``events`` keeps them)."""
        if is_tool_stamp(line):
            return []
        found = search_dates(line, reference=self.reference, year_hint=self.years)
        return [date for start, date in found if events or not self._an_event(line, start, date)]

    def search_both(self, line: str) -> tuple[list[DateMatch], list[DateMatch]]:
        """:meth:`search` with ``events`` and without, from one reading of the line."""
        if is_tool_stamp(line):
            return [], []
        found = search_dates(line, reference=self.reference, year_hint=self.years)
        kept = [date for start, date in found if not self._an_event(line, start, date)]
        return [date for _, date in found], kept

    def _an_event(self, line: str, start: int, date: DateMatch) -> bool:
        """The date at ``start`` ends a span of days, stands under an event's label, in a
        line that names the event's venue, or is the day of an event's hours."""
        return bool(
            _SPAN_START.search(line, 0, start)
            or _EFFECTIVE.search(line, 0, start)
            or _EVENT_FIELD.search(line, 0, start)
            or VENUE_CELL.search(line) is not None
            or self.event_hours(line, date)
        )

    def footer(self, body: Sequence[str]) -> Found | None:
        """The date of the footer zone: a date line or a note saying when the text was
        published, else a labelled publication date line near the end, else a date among
        the words of a short line that is not a sentence; a published date before an
        updated one."""
        found: list[Found] = []
        zone = _footer_zone(body)
        for index, line in enumerate(zone):
            if opens_schedule(zone, index) or _QUOTED_MESSAGE.match(line):
                continue
            if self.in_dated_rows(zone, index):
                continue
            if date := self.line(line):
                if not _site_update_stamp(line, date):
                    found.append(Found(date, line, "date line in the footer"))
            elif date := self.publication_note(line):
                found.append(Found(date, line, "publication note in the footer"))
            elif (len(line) > FOOTER_LINE_MAX or PROSE_END.search(line)) and (
                date := self.labelled_sentence(line)
            ):
                found.append(Found(date, line, "labelled date sentence in the footer"))
            elif (
                len(line) <= FOOTER_LINE_MAX
                and not PROSE_END.search(line)
                and not is_wrapped_prose(zone, index)
                and not _SHOWING.match(line)
            ):
                found.extend(
                    Found(date, line, "date inside a footer line") for date in self.search(line)
                )
        lines = [item for item in found if item.rule != "date inside a footer line"]
        if not lines and (labelled := self._labelled_near_end(body)):
            return labelled
        lines = lines or found
        if not lines:
            return None
        return min(lines, key=lambda item: item.date.label == "updated")

    def publication_note(self, line: str) -> DateMatch | None:
        """The date of a note that says when the text was published, in parentheses or
        opening with "Originally published" ("(The original editorial was published on Oct.
        17, 2026.)", a blog's "This entry was posted in Travel on March 14, 2026."); a
        sentence of the article that mentions a publication is no note."""
        if len(line) > NOTE_MAX or not _NOTE_LINE.fullmatch(line):
            return None
        note = _PUBLISHED_NOTE.search(line)
        if note is None:
            return None
        if (date := self.prefix(line[note.end() :])) is not None:
            return date
        filed = _FILED_ON.match(line, note.end())
        return self.prefix(line[filed.end() :]) if filed else None

    def labelled_sentence(self, line: str) -> DateMatch | None:
        """The date of a sentence of ``line`` that opens with a labelled date and says little
        more ("Telecast: 12.05.2026, 6.30 PM, on Morning Desk.", a colophon's "Printed by
        the Press Unit, Pune. Issued on 14.02.2026"): a broadcast's or an issue's own day
        (:data:`_ISSUE_LABEL`),
        where a sentence of the article that opens with one goes on to tell its story."""
        if len(line) > NOTE_MAX or is_tool_stamp(line):
            return None
        for sentence in _SENTENCE_BREAK.split(line):
            if not _ISSUE_LABEL.match(sentence):
                continue
            date = self.labelled_prefix(sentence)
            if date is not None and len(sentence[date.end :].split()) <= LABELLED_TAIL_WORDS:
                return date
        return None

    def _labelled_near_end(self, body: Sequence[str]) -> Found | None:
        """A "Posted 17/02/2026 in …" line, an agreement's signing line (:data:`_SIGNING`) or a
        labelled date sentence among the last :data:`FOOTER_LINES` lines, above an outlet's
        paragraph or the signatories' blocks that end the page (which the footer zone stops
        at)."""
        for line in body[-FOOTER_LINES:]:
            if note := self.publication_note(line):
                return Found(note, line, "publication note near the end")
            if (signing := _SIGNING.match(line)) and (signed := self.prefix(line[signing.end() :])):
                return Found(signed, line, "signing line near the end")
            if len(line) <= FOOTER_LINE_MAX and not PROSE_END.search(line):
                date = self.labelled_prefix(line) or self.line(line)
                if date is not None and date.label == "published":
                    return Found(date, line, "labelled date line near the end")
            elif (date := self.labelled_sentence(line)) and date.label == "published":
                return Found(date, line, "labelled date sentence near the end")
        return None

    def top_of_body(self, body: Sequence[str]) -> Found | None:
        """A date line among the first lines of the body: labelled ("Answered 7 March
        2026", "Updated Dec 10, 2025" under a question and its answerer's name), or before
        the first paragraph ("9:12 PM · Feb 5, 2026" under a post)."""
        paragraph = False
        for index, line in enumerate(body[:TOP_LINES]):
            skip = opens_schedule(body, index) or self.in_dated_rows(body, index)
            date = None if skip else self.line(line)
            if date is not None and _site_update_stamp(line, date):
                date = None
            if date is not None and (date.label is not None or not paragraph):
                return Found(date, line, "date line at the top of the body")
            paragraph = paragraph or _is_paragraph(line)
        return None

    def in_opening(self, body: Sequence[str]) -> Found | None:
        """A date with its year in the first sentence of the body's opening words, joined
        across hard-wrapped lines (a PDF's first sentence runs over several lines)."""
        start = next((i for i, line in enumerate(body) if len(line.split()) >= 8), len(body))
        text = ""
        for line in body[start : start + OPENING_LINES]:
            text = f"{text} {line}".strip()
            if _SENTENCE_INSIDE.search(text):
                break
        return self.in_first_sentence(first_sentence(text)) if text else None

    def in_first_sentence(self, sentence: str) -> Found | None:
        """A date with its year in the lead's first sentence, unless a tool stamps it."""
        if is_tool_stamp(sentence):
            return None
        for start, date in search_dates(sentence, reference=self.reference):
            if (
                _YEAR.search(date.text)
                and not _SPAN_START.search(sentence, 0, start)
                and not self.event_hours(sentence, date)
            ):
                return Found(date, sentence, "date in the first sentence")
        return None


def _footer_zone(body: Sequence[str]) -> Sequence[str]:
    """The lines after the last paragraph of prose, at most :data:`FOOTER_LINES`, and
    always the last :data:`CLOSING_LINES`."""
    start = len(body)
    while start > 0 and not _is_paragraph(body[start - 1]):
        start -= 1
    start = max(min(start, len(body) - CLOSING_LINES), len(body) - FOOTER_LINES, 0)
    return body[start:]


def _is_paragraph(line: str) -> bool:
    return len(line.split()) >= PARAGRAPH_WORDS and PROSE_END.search(line) is not None


class _YearHints(Sequence[int]):
    """:func:`year_hints`, worked out the first time a date without a year asks for them:
    most articles give their year, and counting the years means reading the whole text."""

    def __init__(self, text: str, reference: datetime) -> None:
        self._text = text
        self._reference = reference
        self._years: list[int] | None = None

    def _found(self) -> list[int]:
        if self._years is None:
            self._years = year_hints(self._text, self._reference)
        return self._years

    @overload
    def __getitem__(self, index: int) -> int: ...

    @overload
    def __getitem__(self, index: slice) -> Sequence[int]: ...

    def __getitem__(self, index: int | slice) -> int | Sequence[int]:
        return self._found()[index]

    def __len__(self) -> int:
        return len(self._found())


def year_hints(text: str, reference: datetime) -> list[int]:
    """Years the text mentions that could be its publication year, most frequent first.

    Only the reference year and the one before count: an article that recalls
    "the first edition in 2023" was not published in 2023, and a yearless
    date is far more often recent than old.
    """
    plausible = (reference.year - 1, reference.year)
    counts = Counter(int(year) for year in _YEAR.findall(text) if int(year) in plausible)
    return sorted(counts, key=lambda year: (-counts[year], -year))


SITE_LINKS = 2
"""Links beside an update stamp that make it the site's footer ("Screen Reader Access |
Sitemap | Last updated: 02-03-2026")."""


def _site_update_stamp(line: str, date: DateMatch) -> bool:
    """A site footer's "Last updated" among its links: when the site was last changed, not
    when the article was published."""
    if date.label != "updated":
        return False
    parts = [part.strip() for part in _BESIDE.split(line)]
    return sum(not any(char.isdigit() for char in part) for part in parts) >= SITE_LINKS


_SOURCE_PARTS = re.compile(r"\s+[·|•—–,]\s+")
"""Between a "Source:" field's outlet and the date it gives the article ("Source: Japan
Courier · 28 April 2026"), as a reading app's export or a clipping service prints it."""


def source_field_date(read: DateReader, value: str) -> tuple[str, DateMatch] | None:
    """The outlet and the article's own date a "Source:" field gives after its outlet: past
    a separator ("Japan Courier · 28 April 2026", "Courier — 27.02.2026"), or wherever the
    date stands after the name. A field without a date is the outlet alone (None)."""
    parts = _SOURCE_PARTS.split(value, maxsplit=1)
    if len(parts) == 2 and (date := read.line(parts[1])):
        return parts[0], date
    if (date := read.line(value)) and (at := value.rfind(date.text)) > 0:
        return value[:at].rstrip(" ·|,;–—-") or value, date
    return None
