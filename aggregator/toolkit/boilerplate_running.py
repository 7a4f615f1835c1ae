"""Running heads and feet of a paged document, found by their repetition within one text.

A PDF's or a slide deck's text keeps the line each page carries at its top or foot: the
publisher, a short title or a case number, and the page's number ("Policy Forum | Not for
quotation | 3", "Annual Report 2025 | 41", "Case 12/2026 — page 7"). One such line alone
looks like a table row; the same words again further down, with a higher number after
them, are the page's furniture. A row of a table does not repeat its words with only a
rising number at its end.

A page's head may stand on a line of its own beside the page's bare number ("AID, ROADS AND
TRUST" over "112", and again over "113"): the same words again beside a higher number are
the page's too. Above them a page may close on its footnotes, each a number and its note
("2 Exchange of notes, 2017.") whose number the prose above carries glued to a word or a
stop ("… from 2017.2"): a note on the text, which a reader of the article does without.

A magazine's folio says it once: the page's number beside the publication's name in
capitals, and the issue or its kind ("14 | INDO-PACIFIC QUARTERLY | AUGUST 2026", "22 SODO
MONTHLY JULY 2026", "ANNUAL REPORT 2026 | 7"). A headline in capitals carries no page's
number beside a bar or before an issue's month and year.
"""

from __future__ import annotations

import itertools
import re

_PAGE_TAIL = re.compile(
    r"\s*(?:[|·•–—-]\s*(?P<marked>(?:page|p\.|pg\.?)\s*)?|\b(?P<word>page|p\.|pg\.?)\s+)"
    r"(?P<number>\d{1,4})(?P<count>\s*(?:of|/)\s*\d{1,4})?$",
    re.IGNORECASE,
)
"""A line that ends in a page number: after a separator ("| 3", "— 12", "- page 4"), or
after the word "page" ("Page 2 of 9")."""
RUNNING_LINE_CHARS = 160
STEM_WORDS = 2
"""A running head names its document or publisher in two words or more; a label of one
word and a number ("Table | 3") may be a row of figures. After the word "page" one word
(a case number) is enough."""
HEAD_WORDS = 14


def running_page_lines(lines: list[str]) -> list[int]:
    """The indices of lines that recur in the text with the same words before a page
    number that rises from one to the next (the same line on every page of a PDF), and
    of short lines that end in "page N of M" whatever they repeat."""
    by_stem: dict[str, list[tuple[int, int]]] = {}
    running: list[int] = []
    for index, line in enumerate(lines):
        if not line or len(line) > RUNNING_LINE_CHARS:
            continue
        line = line.strip()
        tail = _PAGE_TAIL.search(line) if line[-1:].isdigit() else None
        if tail is None or not any(char.isalpha() for char in line[: tail.start()]):
            continue
        stem_text = line[: tail.start()]
        paged = tail["marked"] or tail["word"]
        stem_words = len(stem_text.split())
        if not paged and stem_words < STEM_WORDS:
            continue
        if tail["count"] and _heads_page_alone(tail, stem_text, stem_words):
            running.append(index)
            continue
        stem = " ".join(stem_text.casefold().split())
        by_stem.setdefault(stem, []).append((index, int(tail["number"])))
    for pages in by_stem.values():
        numbers = [number for _, number in pages]
        rising = all(later > earlier for earlier, later in itertools.pairwise(numbers))
        if len(pages) >= 2 and rising:
            running += [index for index, _ in pages]
    return sorted(running)


def _heads_page_alone(tail: re.Match[str], stem: str, stem_words: int) -> bool:
    """A short line that ends in "Page N of M" after a separator or in capitals is a
    page's head even once ("Case 12/2026 Page 3 of 38"); a sentence's "on page 3 of 38"
    is not."""
    marked = tail["marked"] or (tail["word"] or "")[:1].isupper()
    return bool(marked) and stem_words <= HEAD_WORDS and stem[-1] not in ".!?"


_PAGE_NUMBER = re.compile(r"\d{1,3}")
"""A page's bare number: a year on a line of its own ("1983") is a timeline's, no page's."""
_FOOTNOTE = re.compile(r"(?P<number>\d{1,2}) [A-Z\"'‘“(]\S*(?: \S+){1,40}")
"""A footnote: its number, then its note, which opens with a capital ("3 ERA5 reanalysis,
0.25 degree grid.")."""
_MARK = re.compile(
    r"(?<!\S)\S*?(?:[a-z]{3}|(?:[^\W\d]{2}|\d{4}|[)”\"’])[.,;:)”\"’]+)(?P<mark>\d{1,2})(?!\S)"
)
"""A note's mark in the prose: its number glued to the end of a word of three lower-case
letters or more ("monsoon1"), or after the stop or comma that closes a word or a year
("stream.1", "2020,1"). A token of capitals or a letter and figures ("CO2", "G20",
"FY25", "PM2.5", "km2") is a name, not a word with its mark."""


def page_heads(lines: list[str]) -> tuple[list[int], list[int]]:
    """The indices of the lines that stand beside a bare page number (in a text whose bare
    numbers rise), each repeated beside a higher number further down (a running head on a
    line of its own), and of the footnotes that close a page above its head or its number
    (see the module)."""
    numbers = [
        i for i, line in enumerate(lines) if line[:1].isdigit() and _PAGE_NUMBER.fullmatch(line)
    ]
    pages = [int(lines[index]) for index in numbers]
    if len(numbers) < 2 or any(b <= a for a, b in itertools.pairwise(pages)):
        return [], []  # a paged text's numbers rise from page to page
    written = [i for i, line in enumerate(lines) if line]
    place = {index: position for position, index in enumerate(written)}
    by_words: dict[str, list[tuple[int, int]]] = {}
    for index, page in zip(numbers, pages, strict=True):
        position = place[index]
        for near in (position - 1, position + 1):
            if 0 <= near < len(written):
                line = lines[written[near]]
                if len(line) <= RUNNING_LINE_CHARS and not _PAGE_NUMBER.fullmatch(line):
                    by_words.setdefault(line.casefold(), []).append((written[near], page))
    heads: set[int] = set()
    for beside in by_words.values():
        rising = all(b > a for (_, a), (_, b) in itertools.pairwise(beside))
        if len(beside) >= 2 and rising:
            heads.update(head for head, _ in beside)
    notes: list[int] = []
    start = 0
    for index in numbers:
        notes += _footnotes(lines, written, place[index], heads, start)
        start = index + 1
    return sorted(heads), sorted(notes)


def _footnotes(
    lines: list[str], written: list[int], position: int, heads: set[int], start: int
) -> list[int]:
    """The footnotes right above a page's foot (its number at ``position`` of ``written``
    and the running head beside it), each numbered as a mark in the prose of its page above
    it (from ``start``, the line after the page before), glued to the end of a word that
    does not open its line (a section's "4.1" is no mark). Each line of a page is read for
    marks once."""
    position -= 1
    while position >= 0 and written[position] in heads:
        position -= 1
    bottom = top = position
    while top > 0 and written[top] >= start and _FOOTNOTE.fullmatch(lines[written[top]]):
        top -= 1
    if top == bottom:
        return []
    first_mark: dict[str, int] = {}
    for index in range(start, written[bottom] + 1):
        line = lines[index]
        if any(char.isdigit() for char in line):
            for mark in _MARK.finditer(line, 1):
                first_mark.setdefault(mark["mark"], index)
    found = []
    for position in range(bottom, top, -1):
        index = written[position]
        note = _FOOTNOTE.fullmatch(lines[index])
        if note is None or first_mark.get(note["number"], index) >= index:
            break
        found.append(index)
    return found


_MONTH = (
    r"(?:JANUARY|FEBRUARY|MARCH|APRIL|MAY|JUNE|JULY|AUGUST|SEPTEMBER|OCTOBER|NOVEMBER"
    r"|DECEMBER|JAN|FEB|MAR|APR|JUN|JUL|AUG|SEP|SEPT|OCT|NOV|DEC)"
)
_FOLIO = re.compile(
    r"\d{1,3} ?[|·•] ?(?P<name>[^a-z|·•]{3,80}?)(?: ?[|·•] ?[^a-z|·•]{2,40})?"
    r"|(?P<named>[^a-z|·•]{3,80}?) ?[|·•] ?\d{1,3}"
    rf"|\d{{1,3}} (?P<issued>[^a-z|·•]{{3,80}}?) {_MONTH} (?:19|20)\d\d"
)
_PERIODICAL = re.compile(
    rf"\b(?:(?:19|20)\d\d|{_MONTH}|QUARTERLY|MONTHLY|WEEKLY|REVIEW|REPORT|JOURNAL|MAGAZINE"
    r"|BULLETIN|NEWSLETTER|EDITION|EXTRA|ISSUE)\b"
)
_CAPITAL_WORD = re.compile(r"\b[A-Z][A-Z'-]{2,}\b")


def is_folio(line: str) -> bool:
    """A magazine's or a report's folio (see the module): in capitals, the page's number
    beside a bar at either end or before the issue's month and year, the publication's name
    in two words or more, and a year, a month or the kind of periodical it is."""
    if len(line) > RUNNING_LINE_CHARS or any(char.islower() for char in line):
        return False
    folio = _FOLIO.fullmatch(line)
    if folio is None:
        return False
    name = folio["name"] or folio["named"] or folio["issued"]
    return len(_CAPITAL_WORD.findall(name)) >= STEM_WORDS and _PERIODICAL.search(line) is not None


def mark_running_pages(lines: list[str], removed: dict[int, str]) -> None:
    """Marks a paged document's running heads and feet as removed (see the module)."""
    for index, line in enumerate(lines):
        if line[:1].isalnum() and is_folio(line):
            removed.setdefault(index, "folio")
    for index in running_page_lines(lines):
        removed.setdefault(index, "running head")
    heads, notes = page_heads(lines)
    for index in heads:
        removed.setdefault(index, "running head")
    for index in notes:
        removed.setdefault(index, "footnote")
