"""The clusterer's index table: one row per indexed report, as the store keeps it.

``cluster_stories`` loads the rows of the last ``index_days`` into its in-memory
index at the start of a run and writes one row for every report it indexes; columns
added later have defaults, so rows stored before them still load. A loaded row's words
and figures are :func:`interned`: 100k reports share a few hundred thousand strings.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable
from typing import NamedTuple

from aggregator.tables import Table

LEAD_MARK = "^"
"""Marks a stored figure as one of the headline and lead."""


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
    :data:`LEAD_MARK`."""
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


INDEX = Table("cluster_index", IndexRow, key=("item_id",), indexes=("seen",))


def interned(words: Iterable[str]) -> tuple[str, ...]:
    """Distinct strings, shared with every other report that has them."""
    return tuple({sys.intern(word) for word in words})
