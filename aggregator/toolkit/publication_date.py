"""The publication date of a plain-text article, among the dates its reading found.

:mod:`aggregator.toolkit.plaintext` gathers the header's dates (fields, date lines, dates
among a header line's words) and the dateline; this module chooses among them and, where
the header gave none, looks at the top of the body, the footer and the lead.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from aggregator.toolkit.article_dates import DateReader, Found
from aggregator.toolkit.datelines import Dateline
from aggregator.toolkit.header_dated import DOCUMENT_DATED, FIGURES_DATED
from aggregator.toolkit.mail_source import document_date
from aggregator.toolkit.titles import first_sentence

__all__ = ["publication_date"]

_OTHER_DAY = re.compile(
    r"\b(?:years?|decades?|centur(?:y|ies))\s+ago\b|\bon this day\b", re.IGNORECASE
)
"""A line that dates something other than the page: a past day it recalls ("Sixty years
ago:", "On this day in 1976"); the day figures stand at ("Data as on 30 April") is
:data:`~aggregator.toolkit.header_dated.FIGURES_DATED`'s."""


def publication_date(
    header: Sequence[Found],
    dateline: Dateline | None,
    read: DateReader,
    body: Sequence[str],
    lead: str,
) -> Found | None:
    """The header's date (published before updated, and a published date at the foot before
    an updated one at the top), else the dateline's, else a labelled date line at the top
    of the body, else the footer zone's, else a date with its year in the lead's first
    sentence. A date the header gives to something else (a reprint's "FIFTY YEARS AGO: MAY
    16, 1976", a factsheet's "Data as on April 30, 2026") is not the page's, nor is the
    dateline under a reprint's kicker: the footer's date, when there is one, is. A document
    named with its own date ("Pricing Supplement dated …") is dated by it before the
    terms its header lists ("Issue date: …", the bonds')."""
    other = [
        found
        for found in header
        if _OTHER_DAY.search(found.line) or FIGURES_DATED.search(found.line)
    ]
    if other and (footer := read.footer(body)) is not None:
        return footer
    header = [found for found in header if found not in other]
    own = [found for found in header if DOCUMENT_DATED.match(found.line)]
    header = [*own[:1], *header]
    if header:
        best = min(header, key=lambda found: found.date.label == "updated")
        if best.date.label == "updated" and (
            (footer := read.footer(body)) and footer.date.label == "published"
        ):
            return footer
        return document_date(best, dateline)
    if dateline and dateline.date:
        return Found(dateline.date, dateline.date.text, "dateline")
    sentence = first_sentence(" ".join(lead.split()))
    return (
        read.top_of_body(body)
        or read.footer(body)
        or read.in_first_sentence(sentence)
        or read.in_opening(body)
    )
