"""The story clusterer's index of the reports it has seen: three MinHash band indexes (text
shingles, salient terms, name words), the amounts and rare name words reports lead with, the
reports by ordinal, and the frequencies that weigh a shared term or word by its rarity.

Kept apart from the plugin (``plugins/cluster_stories.py``) so that the plugin holds the
decisions and this module the memory layout, which the 100k run's budget depends on
(benchmarks/README.md, "Where each process's memory goes")."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from aggregator.toolkit import minhash
from aggregator.toolkit.minhash import BandIndex
from aggregator.toolkit.rare_words import WordFrequency
from aggregator.toolkit.story_figures import AmountIndex
from aggregator.toolkit.story_match import Report
from aggregator.toolkit.story_rare_names import RareNameIndex

if TYPE_CHECKING:
    import numpy as np
else:
    from aggregator.toolkit.minhash import np

TEXT_PERMS, TEXT_BANDS = 64, 16
"""Permutations of the text signature, and the bands the text index cuts it into."""
TERM_PERMS, TERM_BANDS = 32, 16
"""Permutations of the term signature, and the bands the term index cuts it into."""
NAME_PERMS = NAME_BANDS = 16
"""Permutations of the name-word signature, one a band: reports sharing any one least
name word are candidates, as reworded reports share few of their name words. 24 bands
found more pairs but took the 100k run's peak memory over its 500 MB (520 MB)."""
CROWDED_NAME = 24
"""A name word the least of more reports than this (a country, a ministry every report
names) is passed over as a candidate band: only rarer names find candidates."""
FREQUENCY_SLOTS = 1 << 20
"""Slots of the term frequency table the rarity weights come from."""


def permutations() -> tuple[np.ndarray, ...]:
    """The MinHash permutations (a, b) of the text and the term signatures."""
    return minhash.seeded_permutations(20260222, TEXT_PERMS, TERM_PERMS)


def name_permutations() -> tuple[np.ndarray, ...]:
    """The MinHash permutations (a, b) of the name-word signature, from their own seed."""
    return minhash.seeded_permutations(20260517, NAME_PERMS)


@dataclass
class Index:
    text: BandIndex = field(default_factory=lambda: BandIndex(TEXT_BANDS))
    terms: BandIndex = field(default_factory=lambda: BandIndex(TERM_BANDS))
    names: BandIndex = field(default_factory=lambda: BandIndex(NAME_BANDS, CROWDED_NAME))
    first_items: BandIndex = field(default_factory=lambda: BandIndex(NAME_BANDS, CROWDED_NAME))
    """The name bands of multi-item documents' first items (:func:`first_item_signature`)."""
    amounts: AmountIndex = field(default_factory=AmountIndex)
    rare_names: RareNameIndex = field(default_factory=RareNameIndex)
    reports: dict[str, Report] = field(default_factory=dict)
    ordered: list[Report] = field(default_factory=list)
    """The report of each ordinal in the band indexes."""
    pairs_examined: int = 0
    frequency: np.ndarray = field(default_factory=lambda: np.zeros(FREQUENCY_SLOTS, np.uint32))
    """How many indexed reports carry each term (hashed into slots): rare names weigh more."""
    words: WordFrequency = field(default_factory=WordFrequency)
    """How many indexed reports use each content word: what a report's sketch keeps."""
    dates: dict[tuple[datetime, timedelta | None], datetime] = field(default_factory=dict)
    """One datetime object for each date the indexed reports give (with its UTC offset,
    so that only equal fields are shared): most reports of a day share a few dates, and
    an unpickled or loaded report brings its own 48-byte copy."""

    def shared_date(self, date: datetime | None) -> datetime | None:
        """``date``, or the equal one (same fields and offset) an indexed report holds."""
        if date is None:
            return None
        return self.dates.setdefault((date, date.utcoffset()), date)

    def weight(self, terms: frozenset[int]) -> dict[int, float]:
        """Inverse document frequency of each term: a name every story shares weighs little."""
        size = len(self.reports) + 1
        # intp indices: numpy casts others one at a time (every hash is below 2**32)
        slots = np.fromiter(terms, dtype=np.intp, count=len(terms)) % FREQUENCY_SLOTS
        weights = np.log1p(size / (1.0 + self.frequency[slots]))
        return dict(zip(terms, weights.tolist(), strict=True))


def first_item_signature(report: Report) -> bytes:
    """The name signature of a multi-item document's first item (empty for any other
    report): banded apart from the whole document's, whose other items' names move its
    minima away from the first item's, so that a report of the first item's event meets
    the document among its candidates (and the document meets that report)."""
    if not report.first_item:
        return b""
    hashes = np.frombuffer(report.first_item, dtype=np.uint32).astype(np.uint64)
    return minhash.packed(minhash.signature(hashes, *name_permutations()))
