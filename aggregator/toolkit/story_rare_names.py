"""Candidates from the rarest words of a report's names: two reworded reports of one
event may name it in different phrases and share too few name words for their MinHash
bands to meet, when the names they share are the few that matter (a plant's locality, a
company, a ship), and the rest of each report's names are a country's or a ministry's,
whose buckets every report fills.

Each report is an exact key under its :data:`RARE_KEYS` least used name words when it
is indexed (by the clusterer's count of the reports that carry each word), in a
exact-key index (:class:`RareNameIndex`); a new report asks with its
least used words that some indexed report carries. A word more than
:data:`CROWDED_RARE` reports are filed under says nothing of any of them. Verification
then weighs the pair as any other.
"""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

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
WORD_LIMIT = (1 << 32) - 1
"""Words below this have a next word in uint32 (see :meth:`RareNameIndex.query`)."""
MERGE_EVERY = 8192
"""Entries waiting in the dict before they are merged into the sorted arrays."""


def rarest_both(names: np.ndarray, counts: np.ndarray) -> tuple[list[int], list[int]]:
    """The :data:`RARE_KEYS` name words of ``names`` (uint32 hashes) with the lowest
    ``counts`` (their reports, in the same order), ties by hash: of those some report
    carries, and of all. One sort gives both: the words some report carries keep their
    order in the sort of all of them (a stable sort's order of a subset is its own sort)."""
    seen = counts > 0
    unseen = len(names) - int(np.count_nonzero(seen))
    if len(names) <= RARE_KEYS:
        every = sorted(names.tolist())
        if not unseen:
            return every, every.copy()
        return sorted(names[seen].tolist()), every
    order = np.lexsort((names, counts))
    every = names[order[:RARE_KEYS]].tolist()
    if not unseen:
        return every.copy(), every
    if len(names) - unseen <= RARE_KEYS:
        return sorted(names[seen].tolist()), every
    # The unseen words (count 0) come first in the order: the seen ones follow them.
    return names[order[unseen : unseen + RARE_KEYS]].tolist(), every


class RareNameIndex:
    """The reports filed under each of their rarest name words: the words and ordinals in
    two uint32 arrays sorted by word (8 bytes an entry), the newest entries in a dict
    until :data:`MERGE_EVERY` of them are merged in. One search of the arrays answers all
    of a report's words, where a :class:`~aggregator.toolkit.minhash.BandIndex` of one
    band is searched once a word."""

    def __init__(self) -> None:
        self._keys = np.empty(0, dtype=np.uint32)
        self._ordinals = np.empty(0, dtype=np.uint32)
        self._pending: dict[int, list[int]] = {}
        self._waiting = 0
        self._last: tuple[bytes | None, int, tuple[list[int], list[int]]] = (None, 0, ([], []))

    def keys(self, names: bytes, frequency: np.ndarray, size: int) -> tuple[list[int], list[int]]:
        """The keys a report (its name words, uint32 bytes) asks with and is filed under:
        its :func:`rarest` words, seen and all, counted in ``frequency`` (the clusterer's
        table of reports a hashed slot) when the index holds ``size`` reports. A report is
        asked with and then filed at one size: the last report's are kept."""
        last_names, last_size, last = self._last
        if names is last_names and size == last_size:
            return last
        words = np.frombuffer(names, dtype=np.uint32)
        counts = frequency[(words % len(frequency)).astype(np.intp)]
        both = rarest_both(words, counts)
        self._last = (names, size, both)
        return both

    def file(self, ordinal: int, names: bytes, frequency: np.ndarray) -> None:
        """File the report of ``ordinal`` (the index's size before it) under its keys."""
        self.add(ordinal, self.keys(names, frequency, ordinal)[1])

    def ask(
        self, names: bytes, frequency: np.ndarray, size: int, found: Counter[int]
    ) -> Counter[int]:
        """:meth:`query` with the keys a report asks with."""
        return self.query(self.keys(names, frequency, size)[0], found)

    def add(self, ordinal: int, keys: list[int]) -> None:
        for key in keys:
            self._pending.setdefault(key, []).append(ordinal)
        self._waiting += len(keys)
        if self._waiting >= MERGE_EVERY:
            self._merge()

    def _merge(self) -> None:
        keys = np.fromiter(
            (key for key, ordinals in self._pending.items() for _ in ordinals),
            dtype=np.uint32,
            count=self._waiting,
        )
        ordinals = np.fromiter(
            (o for ordinals in self._pending.values() for o in ordinals),
            dtype=np.uint32,
            count=self._waiting,
        )
        order = np.argsort(keys, kind="stable")
        keys, ordinals = keys[order], ordinals[order]
        # After the stored entries of their word: each word's ordinals stay in order.
        at = self._keys.searchsorted(keys, side="right")
        self._keys = np.insert(self._keys, at, keys)
        self._ordinals = np.insert(self._ordinals, at, ordinals)
        self._pending.clear()
        self._waiting = 0

    def query(self, keys: list[int], found: Counter[int]) -> Counter[int]:
        """Add to ``found`` the reports filed under :data:`MIN_SHARED_RARE` or more of
        ``keys`` that it does not hold, each with the number of them. A report the band
        indexes offered keeps their count: this index finds the candidates they miss, it
        does not rank theirs (a fair's closing report and a post from its second day share
        the fair's rare names, and pushed up among the verified they joined)."""
        keys = list(dict.fromkeys(keys))
        if keys and max(keys) < WORD_LIMIT:
            # A word's entries end where the next word's would start: one search, both ends.
            bounds = self._keys.searchsorted(
                np.array(keys + [key + 1 for key in keys], dtype=np.uint32)
            ).tolist()
            starts, stops = bounds[: len(keys)], bounds[len(keys) :]
        else:
            wanted = np.array(keys, dtype=np.uint32)
            starts = self._keys.searchsorted(wanted).tolist()
            stops = self._keys.searchsorted(wanted, side="right").tolist()
        gathered: list[int] = []
        for key, start, stop in zip(keys, starts, stops, strict=True):
            members: list[int] = self._ordinals[start:stop].tolist() if start < stop else []
            members += self._pending.get(key, ())
            if len(members) <= CROWDED_RARE:
                gathered += members
        # One count of every key's reports meets them in the order a count a key would.
        shared: Counter[int] = Counter(gathered)
        for ordinal, count in shared.items():
            if count >= MIN_SHARED_RARE and ordinal not in found:
                found[ordinal] = count
        return found
