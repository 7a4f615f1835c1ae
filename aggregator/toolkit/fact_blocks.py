"""A block of "Label: value" rows that states the article's own facts.

Two kinds of text stand as a run of "Label: value" rows. A header's block of fields says
what the document is (its date, its channel, its client, its language: "Channel: …" /
"Duration: …"); a fact sheet says what the article reports ("Grant amount: 9,205,000
yen", "Coupon: 8.90% per annum", "Recipient organisation: …"), whether it stands over the
article's prose or under it. The two share their labels ("Location:", "Issue date:"), so
the labels do not tell them apart; the values do. Most of a fact sheet's rows give an
amount (money, a rate, a count of units or months) or name what the article's prose
speaks of; a header's fields give dates, times, codes and names of the page's own, and
one of them names or dates the page ("Subject:", "Posted:").

The plain-text parser leaves a fact sheet's rows in the body (they are no metadata), and
the boilerplate cleaner keeps them though a rule or the outlet's repeated label takes a
row alone for furniture (a "Field: … | Field: …" bar, a label every document of the
source prints).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Final

from .boilerplate_rows import content_words
from .dates import search_dates
from .header_lines import HEADLINE_LABELS, SOURCE_LABELS, header_field
from .lines import is_sentence, word_count

FACT_RUN: Final = 3
"""Rows in a row from which they are a block; two may be a date and a place."""
PROSE_WORDS: Final = 10
"""A line of the article's prose, which a fact sheet's rows name the things of."""
ADDRESS_LABELS: Final = frozenset({"from", "to", "cc"})
"""A mail's or a memo's header fields, which stand over its subject."""
PAGE_DATE_LABELS: Final = frozenset(
    {"date", "dated", "posted", "published", "sent", "released", "date of publication"}
)
"""Labels of the date of the page itself, which its header prints ("Posted: …"); an
"Issue date:" may be a bond's or a stamp's."""
ROW_VALUE_WORDS: Final = 20
ROW_CHARS: Final = 300
TOLD_ROWS: Final = 2
"""The fewest rows stating the article's facts in a fact sheet."""

_ROW = re.compile(r"(?P<label>[A-Z][a-z][^:|.!?]{0,38}):\s+\S")
"""A row's label, one to forty characters without a sentence's stop, then its value."""
_TITLED = re.compile(r"\s[A-Z][a-z]")
"""A later word of a label in title case: a headline's kicker ("Notice Inviting Quotations:
…"), unless the row gives an amount ("First Series: ¥18,000,000,000 …")."""
_AMOUNT = re.compile(
    r"[¥₹$€£]\s?\d"
    r"|(?<![\d,.])\d[\d,.]*+\s?(?:[A-Z][a-z]+ )?(?:%|(?:per cent|percent|crore|lakh|million"
    r"|billion|trillion|yen|rupees|dollars|units|months|years)\b)",
)
"""An amount: money, a rate, a count of units or a term ("¥20,000,000,000", "1.35 per
cent", "9,930,000 Japanese yen", "24, 36 and 60 months"), not a date, a time or a code."""


def is_row(line: str) -> bool:
    """A "Label: value" row of a block (a second labelled cell after " | " may follow): its
    label in sentence case ("Grant amount:", not a speaker's "ANCHOR:" nor a headline's
    "Notice Inviting Tender:"), unless the row gives an amount; one label to a cell (not a
    link to another message, "Next message: Re: …"), a value of
    :data:`ROW_VALUE_WORDS` words at most (a longer one is a paragraph under a lead-in)
    in :data:`ROW_CHARS` characters."""
    if len(line) > ROW_CHARS:
        return False
    match = _ROW.match(line)
    if match is None or line.count(": ") > line.count(" | ") + 1:
        return False
    if len(line[match.end() - 1 :].split()) > ROW_VALUE_WORDS:
        return False
    return _TITLED.search(match["label"]) is None or gives_amount(line)


def gives_amount(line: str) -> bool:
    """Whether a row's value gives an amount."""
    return _AMOUNT.search(line.partition(":")[2]) is not None


def fact_rows(lines: Sequence[str]) -> set[int]:
    """The indexes of ``lines`` that are rows of a fact sheet: a run of :data:`FACT_RUN`
    "Label: value" rows or more (blank lines between them do not break it) where no row
    names or dates the document (its subject, sender, source or date), and more than
    half of the rows that give no date (two at least) give an amount or name what the
    article's prose (outside the runs) speaks of. A date row tells nothing (a fact sheet
    dates its events, a header its page); a run of dates for half its rows or more is a
    notice's schedule of deadlines."""
    found: set[int] = set()
    blocks = [block for block in _runs(lines) if len(block) >= FACT_RUN]
    prose: set[str] | None = None
    for block in blocks:
        if any(_names_document(lines[index]) for index in block):
            continue
        undated = [lines[index] for index in block if not search_dates(lines[index])]
        if (len(block) - len(undated)) * 2 >= len(block):
            continue
        if prose is None:
            prose = _prose_words(lines, {index for run in blocks for index in run})
        stated = sum(gives_amount(row) or _told(row, prose) for row in undated)
        if stated >= TOLD_ROWS and stated * 2 > len(undated):
            found.update(block)
    return found


def _runs(lines: Sequence[str]) -> list[list[int]]:
    """The runs of rows in ``lines``, each as its indexes; blank lines are skipped."""
    runs: list[list[int]] = [[]]
    for index, line in enumerate(lines):
        if line and is_row(line):
            runs[-1].append(index)
        elif line and runs[-1]:
            runs.append([])
    return [run for run in runs if run]


_DOCUMENT_LABELS: Final = (HEADLINE_LABELS, SOURCE_LABELS, ADDRESS_LABELS, PAGE_DATE_LABELS)


def _names_document(row: str) -> bool:
    """A field that names or dates the document, its sender or its source ("Subject:",
    "From:", "Source:", "Posted:"): a header's block, whatever else it holds."""
    found = header_field(row)
    if found is None:
        return False
    label = found.label
    return any(label in names for names in _DOCUMENT_LABELS)


def _prose_words(lines: Sequence[str], block: set[int]) -> set[str]:
    return {
        word
        for index, line in enumerate(lines)
        if index not in block and word_count(line) >= PROSE_WORDS and is_sentence(line)
        for word in content_words(line)
    }


def _told(row: str, prose: set[str]) -> bool:
    """Whether a row (its label or its value) names what the article's prose speaks of."""
    return bool(content_words(row) & prose)


ROW_RULES: Final = frozenset({"field bar"})
"""Rules that take a row alone for furniture ("Field: … | Field: …")."""


def keep_fact_rows(lines: Sequence[str], removed: dict[int, str]) -> None:
    """Take out of ``removed`` the rows of a fact sheet that give the article's figures
    though a rule or the outlet's repeated lines took them: a bar of two dates ("Bids
    open: … | Bids close: …"), a label the outlet prints in every document with an
    amount of the document's own ("Grant amount: …"; the count of repeated lines folds
    the figures, so it does not tell the documents' amounts apart)."""
    taken = [index for index, rule in removed.items() if _figures_taken(lines[index], rule)]
    if not taken:
        return
    facts = fact_rows(lines)
    for index in taken:
        if index in facts:
            del removed[index]


def _figures_taken(row: str, rule: str) -> bool:
    if not is_row(row):
        return False
    if rule in ROW_RULES:
        return gives_amount(row) or bool(search_dates(row))
    return rule.startswith("learned") and gives_amount(row)
