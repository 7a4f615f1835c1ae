"""The clusterer's index table: one row per indexed report, as the store keeps it.

``cluster_stories`` loads the rows of the last ``index_days`` into its in-memory
index at the start of a run and writes one row for every report it indexes; columns
added later have defaults, so rows stored before them still load. A loaded row's words
and figures are :func:`interned`: 100k reports share a few hundred thousand strings.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable
from datetime import datetime
from typing import NamedTuple

from aggregator.tables import Table

from .minhash import narrow
from .story_match import Report

LEAD_MARK = "^"
"""Marks a stored figure as one of the headline and lead."""
LEAD_ONLY_MARK = "*"
"""Marks a figure of the headline and lead that is none of the report's figures: the lead
is cut after a number of words, so it may end on "1500" where the whole text reads "1500
crore"; kept, the report loaded again leads with what it led with when it was built."""


class IndexRow(NamedTuple):
    """One report of the near-duplicate index, as stored (signatures as uint64 bytes)."""

    item_id: str
    story_id: str
    seen: str
    """When the report was indexed (ISO 8601): the index loads the last ``index_days``."""
    date: str | None
    text_sig: bytes
    term_sig: bytes
    terms: bytes
    figures: str
    """Identifying figures, one a line; those of the headline and lead marked with
    :data:`LEAD_MARK`, or with :data:`LEAD_ONLY_MARK` when they are the lead's alone."""
    title: str
    """Headline words without stopwords, space-separated."""
    year_inferred: int = 0
    names: bytes = b""
    """Hashes of the report's name words (uint64 bytes)."""
    name_sig: bytes = b""
    outlet: str = ""
    name_items: bytes = b""
    """For a list document, the item mask of each name word (uint32 bytes, in the order of
    ``names``): see :attr:`~aggregator.toolkit.story_match.Report.name_items`."""
    rare: bytes = b""
    """The report's sketch of rare words (uint32 bytes): see
    :attr:`~aggregator.toolkit.story_match.Report.rare`."""
    headline_days: str = ""
    """The days its headline names as its event's, space-separated: see
    :attr:`~aggregator.toolkit.story_match.Report.headline_days` (a row stored before
    them names none)."""
    headline_places: str = ""
    """The name words of the place its headline names, space-separated: see
    :attr:`~aggregator.toolkit.story_match.Report.headline_places`."""
    first_item: bytes = b""
    """For a multi-item document, its first item's name-word hashes (uint32 bytes): see
    :attr:`~aggregator.toolkit.story_match.Report.first_item`."""
    first_heading: str = ""
    """Its first item's heading words, space-separated (as ``title``)."""


INDEX = Table("cluster_index", IndexRow, key=("item_id",), indexes=("seen",))


class Wide(NamedTuple):
    """A report's signatures and hashes as its index row stores them (uint64 bytes),
    taken from the arrays they were computed in rather than widened again."""

    text_sig: bytes
    term_sig: bytes
    terms: bytes
    """Without repeats, sorted (``Report.distinct_terms``)."""
    names: bytes
    name_sig: bytes


def stored_figures(figures: Iterable[str], lead: Iterable[str]) -> str:
    """A report's figures and lead figures as :attr:`IndexRow.figures` stores them."""
    lead = set(lead)
    marked = {LEAD_MARK + f if f in lead else f for f in figures}
    marked |= {LEAD_ONLY_MARK + f for f in lead - set(figures)}
    return "\n".join(sorted(marked))


def loaded_figures(stored: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The figures and lead figures of :attr:`IndexRow.figures`, :func:`interned`."""
    lines = stored.split("\n") if stored else []
    figures = interned(f.removeprefix(LEAD_MARK) for f in lines if not f.startswith(LEAD_ONLY_MARK))
    lead = interned(f[1:] for f in lines if f.startswith((LEAD_MARK, LEAD_ONLY_MARK)))
    return figures, lead


def loaded_report(row: IndexRow) -> Report:
    """The :class:`~aggregator.toolkit.story_match.Report` an index row stores."""
    figures, lead = loaded_figures(row.figures)
    return Report(
        item_id=row.item_id,
        story_id=row.story_id,
        date=datetime.fromisoformat(row.date) if row.date else None,
        year_inferred=bool(row.year_inferred),
        text_sig=narrow(row.text_sig),
        terms=narrow(row.terms),
        figures=figures,
        lead_figures=lead,
        title=interned(filter(None, row.title.split(" "))),
        names=narrow(row.names),
        outlet=sys.intern(row.outlet),
        name_items=row.name_items,
        rare=row.rare,
        headline_days=interned(row.headline_days.split()),
        headline_places=interned(row.headline_places.split()),
        first_item=row.first_item,
        first_heading=interned(filter(None, row.first_heading.split(" "))),
    )


def interned(words: Iterable[str]) -> tuple[str, ...]:
    """Distinct strings, shared with every other report that has them."""
    return tuple({sys.intern(word) for word in words})
