"""A report's rarest ordinary words, kept as a small sketch for story verification.

Two reworded reports of one event share few names but many unusual ordinary words
("dredging", "orchard", "tugs"); the rarity-weighted overlap of their words separates
same-story candidates better than any other measure (docs/story_verification.md).
Keeping every report's words would cost too much memory at 100k reports, so a report
keeps only a sketch of :data:`SKETCH_WORDS` of its content words
(:meth:`WordFrequency.sketch`): the rarest of the words it uses twice or more, then the
rarest of the others, by the document frequencies of the words of the reports indexed
before it. The rarest words alone are mostly a report's one-off words (a typo, an
aside) that no other report gives: among the candidates the rules score 0.15 or more,
their overlap separated same-story pairs with an AUC of 0.71, the repeated ones first
0.84 (all words: 0.90). A pair is then weighed by how much of the earlier report's
sketch the new report's full words hold (the new report's words are at hand while it
is clustered), and by the overlap of the two sketches. The frequency table is kept
in the store (table ``cluster_words``), with every report ever indexed counted.
"""

from __future__ import annotations

import re
import zlib
from collections import Counter
from collections.abc import Collection
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, NamedTuple
from zlib import crc32

from aggregator.tables import Table, TableAccess

from .story_evidence import STOPWORDS

if TYPE_CHECKING:
    import numpy as np
else:
    from .minhash import np

SKETCH_WORDS = 32
"""Words a report's sketch keeps (128 bytes): 16 separated same-story pairs less well
(AUC 0.82 against 0.84 among the candidates the rules score 0.15 or more) and joined
fewer of them at the same false pairs."""
MIN_REPORTS = 10
"""Reports the frequency table must have counted before rare words are compared: in a
younger index every word looks rare, and five reports of one feed's beat (the seeds)
shared enough of their words to join as one story."""
WORD_SLOTS = 1 << 20
"""Slots of the word frequency table (hashes modulo this share a count)."""
CONTENT_WORD = re.compile(r"(?<![a-z0-9])[a-z]{3,}(?![a-z0-9])")
"""A content word of the space-joined casefolded words: letters only, three or more
("india" of "india’s"; no figures, no "covid19")."""


class ContentWords(NamedTuple):
    """A report's distinct content words, hashed: what its sketch is chosen from."""

    hashes: bytes
    """uint32 bytes: first the words used twice or more, then the others, each sorted."""
    repeated: int
    """How many of ``hashes`` are words used twice or more."""


def content_words(words: list[str]) -> ContentWords:
    """The :class:`ContentWords` of ``words`` (casefolded, as :data:`WORD` finds them)."""
    counts = Counter(CONTENT_WORD.findall(" ".join(words)))
    for word in STOPWORDS.intersection(counts):
        del counts[word]
    repeated = {crc32(f"r:{word}".encode()) for word, n in counts.items() if n > 1}
    once = {crc32(f"r:{word}".encode()) for word, n in counts.items() if n == 1} - repeated
    hashes = np.array(sorted(repeated) + sorted(once), dtype=np.uint32)
    return ContentWords(hashes.tobytes(), len(repeated))


class RareOverlap(NamedTuple):
    """How far two reports share their rarest words, each weighted by its rarity."""

    held: float
    """The share of the earlier report's sketch the new report's words hold."""
    shared: float
    """The weighted Jaccard overlap of the two sketches."""


@dataclass
class WordFrequency:
    """How many indexed reports use each content word (hashed into slots)."""

    counts: np.ndarray = field(default_factory=lambda: np.zeros(WORD_SLOTS, dtype=np.uint32))
    reports: int = 0

    def add(self, words: ContentWords) -> None:
        """Count one report's content words."""
        hashes = np.frombuffer(words.hashes, dtype=np.uint32)
        slots = (hashes % WORD_SLOTS).astype(np.intp)
        np.add.at(self.counts, slots, np.uint32(1))
        self.reports += 1

    def sketch(self, words: ContentWords) -> bytes:
        """The report's sketch (uint32 bytes): the :data:`SKETCH_WORDS` rarest of the
        words it repeats, then as many more of the rarest of its others as there is room
        for (of words equally rare, those of the lesser hash)."""
        hashes = np.frombuffer(words.hashes, dtype=np.uint32)
        counts = self.counts[(hashes % WORD_SLOTS).astype(np.intp)]
        once = np.arange(hashes.size) >= words.repeated
        return hashes[np.lexsort((hashes, counts, once))[:SKETCH_WORDS]].tobytes()

    def weights(self, hashes: np.ndarray) -> np.ndarray:
        """The inverse document frequency of each hash."""
        counts = self.counts[(hashes % WORD_SLOTS).astype(np.intp)]
        return np.log1p((self.reports + 1) / (1.0 + counts))

    def overlap(
        self, new_sketch: bytes, new_words: Collection[int], old_sketch: bytes
    ) -> RareOverlap | None:
        """The :class:`RareOverlap` of a new report (its sketch and all its content word
        hashes) and an earlier one (its sketch)."""
        if not old_sketch or not new_words or self.reports < MIN_REPORTS:
            return None
        old = memoryview(old_sketch).cast("I").tolist()
        new = memoryview(new_sketch).cast("I").tolist()
        both = old + new
        weights = self.weights(np.array(both, dtype=np.uint32)).tolist()
        weight = dict(zip(both, weights, strict=True)).__getitem__
        old_total = sum(map(weight, old))
        old_set = set(old)
        held = sum(weight(h) for h in old if h in new_words)
        shared = sum(weight(h) for h in new if h in old_set)
        union = old_total + sum(weight(h) for h in new if h not in old_set)
        return RareOverlap(held / old_total, shared / union)


class WordsRow(NamedTuple):
    """The word frequency table as stored: a run that loads the index goes on counting
    where the last one stopped (the index rows keep only the sketches, not the words)."""

    key: str
    reports: int
    counts: bytes
    """The counts as uint32 bytes, zlib-compressed (most slots are empty)."""


WORDS = Table("cluster_words", WordsRow, key=("key",))
WORDS_KEY = "content words"


def load_frequency(table: TableAccess[WordsRow]) -> WordFrequency:
    """The stored word frequency table, or an empty one."""
    row = table.get(WORDS_KEY)
    if row is None:
        return WordFrequency()
    counts = np.frombuffer(zlib.decompress(row.counts), dtype=np.uint32)
    if counts.size != WORD_SLOTS:
        return WordFrequency()
    return WordFrequency(counts.copy(), row.reports)


def save_frequency(table: TableAccess[WordsRow], frequency: WordFrequency) -> None:
    counts = zlib.compress(frequency.counts.tobytes(), 1)
    table.upsert([WordsRow(WORDS_KEY, frequency.reports, counts)])
