"""Candidates from the rarest words of a report's names: two reworded reports of one
event may name it in different phrases and share too few name words for their MinHash
bands to meet, when the names they share are the few that matter (a plant's locality, a
company, a ship), and the rest of each report's names are a country's or a ministry's,
whose buckets every report fills.

Each report is an exact key under its :data:`RARE_KEYS` least used name words when it
is indexed (by the clusterer's count of the reports that carry each word), in a
:class:`~aggregator.toolkit.minhash.BandIndex` of one band; a new report asks with its
least used words that some indexed report carries. A word more than
:data:`CROWDED_RARE` reports are filed under says nothing of any of them. Verification
then weighs the pair as any other.
"""

from __future__ import annotations

import sys
from collections import Counter
from typing import TYPE_CHECKING

from .minhash import BandIndex

if TYPE_CHECKING:
    import numpy as np
else:
    from .minhash import np

RARE_KEYS = 8
"""Name words of one report used as keys, and asked with."""
MIN_SHARED_RARE = 2
"""Rare name words a pair must share to be a candidate by them: one is what two reports of
a ward's notices or a company's posts share with every report naming the ward or the
company; two are its place and its party."""
CROWDED_RARE = 24
"""A name word more reports than this are filed under is no longer rare."""


def rarest(names: np.ndarray, counts: np.ndarray, *, seen: bool) -> list[int]:
    """The :data:`RARE_KEYS` name words of ``names`` (uint32 hashes) with the lowest
    ``counts`` (their reports, in the same order), ties by hash; with ``seen`` only
    those some report carries."""
    if seen:
        keep = counts > 0
        names, counts = names[keep], counts[keep]
    if len(names) <= RARE_KEYS:
        return sorted(names.tolist())
    order = np.lexsort((names, counts))[:RARE_KEYS]
    keys: list[int] = names[order].tolist()
    return keys


class RareNameIndex:
    """The reports filed under each of their rarest name words."""

    def __init__(self) -> None:
        self._index = BandIndex(1, CROWDED_RARE)

    def add(self, ordinal: int, keys: list[int]) -> None:
        for key in keys:
            self._index.add(ordinal, key.to_bytes(4, sys.byteorder))

    def query(self, keys: list[int], found: Counter[int]) -> Counter[int]:
        """Add to ``found`` the reports filed under :data:`MIN_SHARED_RARE` or more of
        ``keys`` that it does not hold, each with the number of them. A report the band
        indexes offered keeps their count: this index finds the candidates they miss, it
        does not rank theirs (a fair's closing report and a post from its second day share
        the fair's rare names, and pushed up among the verified they joined)."""
        shared: Counter[int] = Counter()
        for key in keys:
            self._index.query(key.to_bytes(4, sys.byteorder), shared)
        for ordinal, count in shared.items():
            if count >= MIN_SHARED_RARE and ordinal not in found:
                found[ordinal] = count
        return found


def name_keys(names: bytes, frequency: np.ndarray, *, seen: bool) -> list[int]:
    """:func:`rarest` of a report's name words (uint32 bytes), counted in ``frequency``
    (the clusterer's table of reports a hashed slot)."""
    words = np.frombuffer(names, dtype=np.uint32)
    slots = (words % len(frequency)).astype(np.intp)
    return rarest(words, frequency[slots], seen=seen)
