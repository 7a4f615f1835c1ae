"""Titles the header zone would miss, found by the shape around them before it is measured.

A header line of 200 characters or more reads as prose, which ends the header zone, and a
line of two words is too short to read as a headline; such titles are found by the lines
around them.

An Indian state government's order (a "G.O.") opens with its abstract: the subject in
dash-separated segments, from the department's matter to what is ordered, closed by a
fixed tail that says an order was issued ("Industries – Land at … – Allotment to … –
Orders – Issued.", "… – Sanction accorded – Orders issued"). The subject without that tail
is the order's headline.

A draft regulation's or a statute's name ("Draft Ministerial Ordinance partially amending
… (qualification of … )") stands on a line of its own above the notice's fields ("Case
No.: …", "Posted: …"): a long line without a sentence's stop over two "Label: value"
lines is the notice's title.

An offering document's title in capitals, which a PDF's extraction splits over two lines,
stands right above the line that names the document with its date ("Pricing Supplement
dated 14 May 2026 to the …"): the two lines, joined, are its headline.

A catalogue's entry for a work (a film, a book, a play) gives its title, however short,
right above its "Original title:" field ("Monsoon Letters" / "Original title: …"); a news
post about the work has its headline there, or above the post's date line.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Final

from aggregator.toolkit.header_dated import DOCUMENT_DATED
from aggregator.toolkit.header_lines import header_field
from aggregator.toolkit.header_shapes import in_capitals

__all__ = ["order_subject", "title_by_shape", "title_over_fields", "title_over_original"]

SUBJECT_LINES: Final = 8
"""How far down the abstract stands: under the government's and the label's lines."""
LEAST_SEGMENTS: Final = 2
_ISSUED_TAIL = re.compile(
    r"\s+[–—-]\s*(?:orders?|notification|sanction)\s*(?:[–—-]\s*)?(?:are\s+|is\s+)?"
    r"(?:hereby\s+)?issued\s*\.?$",
    re.IGNORECASE,
)
_SEGMENT = re.compile(r"\s+[–—-]\s+")


def order_subject(lines: Sequence[str], start: int) -> tuple[int, str] | None:
    """(the line, the headline) of an order's abstract among the first lines from
    ``start``, or None: a line of dash-separated segments that ends in an "Orders –
    Issued" tail, with at least two segments before that tail."""
    for index in range(start, min(start + SUBJECT_LINES, len(lines))):
        line = lines[index]
        tail = _ISSUED_TAIL.search(line) if "ssued" in line[-10:].lower() else None
        if tail is None:
            continue
        subject = line[: tail.start()].rstrip(" –—-")
        if len(_SEGMENT.split(subject)) >= LEAST_SEGMENTS:
            return index, subject
    return None


LONG_TITLE: Final = 200
FIELDS_BELOW: Final = 2
_FIELD = re.compile(r"[A-Z][\w .'/&()-]{0,30}:\s+\S")
_SENTENCE_STOP = re.compile(r"[a-z)]{2}[.!?]\s+[A-Z]|[.!?;:,]$")


def title_by_shape(lines: Sequence[str], start: int) -> tuple[int, str, tuple[str, str]] | None:
    """(its last line, the headline, (its lines, the rule)) of a long title among the first
    lines from ``start``: a title over a notice's fields, an order's abstract, a work's title
    over its original title or a title in capitals over a document's dated name; or None."""
    if (index := title_over_fields(lines, start)) is not None:
        return index, lines[index], (lines[index], "a long title over a notice's fields")
    if (order := order_subject(lines, start)) is not None:
        return order[0], order[1], (lines[order[0]], "an order's abstract")
    if (index := title_over_original(lines, start)) is not None:
        return index, lines[index], (lines[index], "title over the work's original title")
    if (title := capitals_over_dated_name(lines, start)) is not None:
        shown = " / ".join(lines[i] for i in title)
        rule = "title in capitals over the document's dated name"
        return title[-1], " ".join(lines[i] for i in title), (shown, rule)
    return None


TITLE_LINES: Final = 2
"""How many lines a PDF's extraction splits a document's title over."""


def capitals_over_dated_name(lines: Sequence[str], start: int) -> list[int] | None:
    """The lines (one or two) of a title in capitals right above the line that names the
    document with its date ("… BONDS DUE 2031" / "Offering Circular dated 2 June 2026 to
    …"): an offering document's title, split where the PDF's lines break. A running head
    in capitals at the very top, a bracketed line or a field stands above it."""
    named = next(
        (
            i
            for i in range(start, min(start + SUBJECT_LINES, len(lines)))
            if "dated" in lines[i] and DOCUMENT_DATED.match(lines[i])
        ),
        None,
    )
    if named is None:
        return None
    title: list[int] = []
    for index in range(named - 1, max(start - 1, named - 1 - TITLE_LINES), -1):
        line = lines[index]
        if index == 0 or not in_capitals(line) or _FIELD.match(line) or line.startswith("("):
            break
        title.insert(0, index)
    return title or None


def title_over_fields(lines: Sequence[str], start: int) -> int | None:
    """The line of a long title over a notice's fields among the first lines from
    ``start`` (see the module's docstring), or None."""
    for index in range(start, min(start + SUBJECT_LINES, len(lines) - FIELDS_BELOW)):
        line = lines[index]
        if len(line) < LONG_TITLE or not line[:1].isupper() or _SENTENCE_STOP.search(line):
            continue
        if all(_FIELD.match(lines[index + k]) for k in range(1, FIELDS_BELOW + 1)):
            return index
    return None


_ORIGINAL_TITLE = re.compile(r"original title\s*:\s*\S", re.IGNORECASE)
_POSTED = re.compile(r"(?:posted|published|updated)\b.{0,30}\d", re.IGNORECASE)
"""A post's date line between a headline and the work's fields ("Posted 2026.05.15")."""
WORK_TITLE_WORDS: Final = 16


def title_over_original(lines: Sequence[str], start: int) -> int | None:
    """The line of a work's title right above its "Original title:" field, or above the
    post's date line there, among the first lines from ``start``; or None. The title is no
    header field, holds a letter, and is a line of a few words without a sentence's stop."""
    field = next(
        (
            i
            for i in range(start, min(start + SUBJECT_LINES + 2, len(lines)))
            if _ORIGINAL_TITLE.match(lines[i])
        ),
        None,
    )
    if field is None or field - 1 < max(start, 1):
        return None
    above = field - 2 if _POSTED.match(lines[field - 1]) else field - 1
    line = lines[above] if above >= max(start, 1) else ""
    if (
        not line
        or header_field(line) is not None
        or len(line.split()) > WORK_TITLE_WORDS
        or line.endswith((".", ",", ";"))
        or not any(c.isalpha() for c in line)
    ):
        return None
    return above
