"""The document a covering note carries, and its headline below the note.

A mail or a filing's letter may open on a note to its reader ("Hi Priya," / "Thank you for
joining …") over the document it carries, with its heading. The document's heading is the
article's headline, not the mail's subject nor the note's first line; a note that greets or
signs off and the header above it are not the article.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Final

from aggregator.toolkit.article_scan import ArticleScan
from aggregator.toolkit.boilerplate import classify
from aggregator.toolkit.courtesy_mail import heading_under_greeting
from aggregator.toolkit.datelines import match_dateline
from aggregator.toolkit.header_lines import furniture_kind, is_separator, strip_kicker
from aggregator.toolkit.header_repair import headline_field
from aggregator.toolkit.header_zone import headline_under_label, is_body_prose
from aggregator.toolkit.numbered_pieces import first_piece_number

__all__ = [
    "DATE_OVER_HEADING",
    "HEADING_UNDER_RULE",
    "heading_under_rule",
    "read_heading_under_subject",
    "read_headline_below_note",
]

NOTE_LINES: Final = 40
"""How far below the header zone a labelled headline may begin a document."""
DATE_BELOW_LINES: Final = 5
DATE_OVER_HEADING: Final = "date on the line over the heading of the document a mail carries"
_LETTER_RULES: Final = ("greeting", "sign-off")
HEADING_UNDER_RULE: Final = "heading under a rule below a note"
RULE_LINES: Final = 2
"""How far below the note that ends the header zone the rule may stand."""
_HEADING_KINDS: Final = (None, "kicker")
"""A heading is no furniture, or is in capitals (which reads as a kicker on its own)."""


def _kind(line: str) -> str:
    return getattr(classify(line), "name", "")


def read_heading_under_subject(scan: ArticleScan, end: int, heading: Callable[[int], bool]) -> None:
    """A mail whose subject gave the headline: the heading of the document it carries
    below a greeting, when the subject thanks its reader or names what it delivers."""
    lines = scan.lines
    found = heading_under_greeting(lines, scan.headline or "", end, heading)
    if found is None:
        return
    index, rule = found
    scan.headline, scan.title_from = lines[index], (lines[index], rule)
    scan.consumed.add(index)
    read_date_over_heading(scan, index)


def read_date_over_heading(scan: ArticleScan, heading: int) -> None:
    """A document a mail carries dates itself on the line over its heading ("Press Release
    / May 26, 2026 / …"): its day, not the day the mail was sent."""
    above = scan.lines[heading - 1]
    if heading - 1 in scan.consumed or is_body_prose(above):
        return
    if len(dates := scan.read.search(above)) == 1:
        scan.add_date_first(dates[0]._replace(label="published"), above, DATE_OVER_HEADING)
        scan.consumed.add(heading - 1)


def heading_under_rule(lines: Sequence[str], end: int, shaped: Callable[[int], bool]) -> int | None:
    """The heading right under a rule ("-----", "=====") that a note ending the header zone
    stands over, when it is over a paragraph ("Funded by … programme." / rule / "1. PILOT
    GOES LIVE" / paragraph): a newsletter's first piece, below its funders' note."""
    for index in range(end + 1, min(end + 1 + RULE_LINES, len(lines) - 1)):
        if not is_separator(lines[index - 1]):
            continue
        line = lines[index]
        return (
            index
            if furniture_kind(line) in _HEADING_KINDS
            and shaped(index)
            and is_body_prose(lines[index + 1])
            else None
        )
    return None


def _unnumbered(lines: Sequence[str], index: int) -> str:
    """The heading at ``index`` without its number as a bulletin's first piece, and
    without a lead-in naming a section ("LEAD: …")."""
    start = first_piece_number(lines, index, is_body_prose) or 0
    return strip_kicker(lines[index][start:])


def read_headline_below_note(
    scan: ArticleScan, start: int, end: int, shaped: Callable[[int], bool]
) -> None:
    """No headline in the header zone: a document may begin further down, below a
    covering note (an exchange filing's letter, a reporter's note to the desk), with a
    "Headline:" field, a headline under a section label in capitals or right above a dated
    dateline ("Mumbai, January 14, 2026: …"). A note that greets or signs off is a letter:
    it and the header above it are not the article."""
    lines = scan.lines
    below = range(end, min(end + NOTE_LINES, len(lines)))
    found = next((i for i in below if headline_field(lines[i]) is not None), None)
    rule = "headline field below a covering note"
    if found is None:
        found = headline_under_label(lines, end, end + NOTE_LINES, shaped)
        rule = "line under a section label below a covering note"
    if found is None:
        rule = "line above a dated dateline below a covering note"
        found = next(
            (
                index
                for index in range(end, min(end + NOTE_LINES, len(lines) - 1))
                if (dateline := match_dateline(lines[index + 1], scan.read)) is not None
                and dateline.date is not None
                and shaped(index)
            ),
            None,
        )
    if found is None and (found := heading_under_rule(lines, end, shaped)) is not None:
        rule = HEADING_UNDER_RULE
    if found is None:
        return
    scan.headline = headline_field(lines[found]) or _unnumbered(lines, found)
    scan.title_from = (lines[found], rule)
    scan.consumed.add(found)
    if any(_kind(line) in _LETTER_RULES for line in lines[start:found]):
        scan.consumed.update(range(start, found))
    for index in range(found + 1, min(found + 1 + DATE_BELOW_LINES, len(lines))):
        if not scan.dates and (date := scan.read.line(lines[index])):
            scan.add_date(date, lines[index], "date line under the headline below a note")
            scan.consumed.add(index)
