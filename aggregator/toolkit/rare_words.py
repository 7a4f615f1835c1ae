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
in the store (table ``cluster_words``), with every report ever indexed counted: each
batch stores what it added as a row of its own, in the transaction that stores its
index rows, and the end of a run folds those rows into one (:func:`fold_frequency`).
A run that dies, or a second clusterer on a shared database, so never loses counts.
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from itertools import filterfalse, repeat
from string import ascii_lowercase
from typing import TYPE_CHECKING, NamedTuple
from uuid import uuid4
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
SLOT_BITS = 20
WORD_SLOTS = 1 << SLOT_BITS
"""Slots of the word frequency table (hashes modulo this share a count)."""
SLOT_MASK = WORD_SLOTS - 1
MAX_COUNT = (1 << 30) - 1
"""The greatest count a sketch's sort key holds (more are as common)."""
MAX_WORDS = 250
"""A report's content words are those of its first this many words (headline first):
a long report's later paragraphs are background another report of the event need not
give. On the development halves 250 joined as many right pairs as every word and two
false pairs fewer (dev7), and 200 lost six right pairs (dev2, dev3); fewer words cost
less to count and hash."""
MIN_WORD = 3
"""Letters of the shortest content word."""
SPLIT = re.compile("['’]").split
SKIPPED = STOPWORDS | {a + b for a in ascii_lowercase for b in ["", *ascii_lowercase]}
"""Stopwords and words shorter than :data:`MIN_WORD`."""
WORD_SEED = crc32(b"r:")
"""A content word's hash is the crc32 of ``"r:" + word``: the CRC of ``word`` continued
from this one."""


class ContentWords(NamedTuple):
    """A report's distinct content words, hashed: what its sketch is chosen from."""

    hashes: bytes
    """uint32 bytes: first the words used twice or more, then the others, each sorted."""
    repeated: int
    """How many of ``hashes`` are words used twice or more."""


def content_words(words: list[str]) -> ContentWords:
    """The :class:`ContentWords` of the first :data:`MAX_WORDS` of ``words`` (casefolded,
    as :data:`~aggregator.toolkit.story_evidence.WORD` finds them): words of letters
    only, three or more, no stopwords ("india" of "india’s"; no figures, no "covid19").
    Hashed and counted from the words as found by iterators and numpy, with no Python
    loop over the words: a second scan of the text and a loop cost three times as much."""
    tokens = words[:MAX_WORDS]
    # "india’s" is no content word, but its parts are ("india", and "s", too short)
    tokens += [part for token in filterfalse(str.isalnum, tokens) for part in SPLIT(token)]
    content = list(filterfalse(SKIPPED.__contains__, filter(str.isalpha, tokens)))
    hashes = np.fromiter(
        map(crc32, map(str.encode, content), repeat(WORD_SEED)), dtype=np.uint32, count=len(content)
    )
    distinct, counts = np.unique(hashes, return_counts=True)
    repeated = distinct[counts > 1]
    return ContentWords(np.concatenate((repeated, distinct[counts == 1])).tobytes(), repeated.size)


class RareOverlap(NamedTuple):
    """How far two reports share their rarest words, each weighted by its rarity."""

    held: float
    """The share of the earlier report's sketch the new report's words hold."""
    shared: float
    """The weighted Jaccard overlap of the two sketches."""


def slots(hashes: np.ndarray) -> np.ndarray:
    """The table's slot of each hash, as intp: numpy indexes with intp at once, where it
    casts uint32 or uint64 indices one at a time (half the cost of a sketch)."""
    return (hashes & SLOT_MASK).astype(np.intp)


@dataclass
class WordFrequency:
    """How many indexed reports use each content word (hashed into slots)."""

    counts: np.ndarray = field(default_factory=lambda: np.zeros(WORD_SLOTS, dtype=np.uint32))
    reports: int = 0
    saved_reports: int = 0
    """The reports counted when the counts were last stored (or loaded)."""
    touched: list[np.ndarray] = field(default_factory=list)
    """The slots (uint32) each report counted since then, from which :meth:`added` tells
    what this process counted: a batch's reports hold far less than a second copy of the
    4 MB table would (the run's process is what issue 18's memory budget is about)."""

    def add(self, words: ContentWords) -> None:
        """Count one report's content words."""
        at = np.frombuffer(words.hashes, dtype=np.uint32) & np.uint32(SLOT_MASK)
        # Buffered: a report counts once in a slot, however many of its words share it.
        self.counts[at.astype(np.intp)] += np.uint32(1)
        self.touched.append(at)
        self.reports += 1

    def added(self, key: str) -> WordsRow | None:
        """What was counted since the last call (or the load), as a row to store under
        ``key``; None when nothing was."""
        if self.reports == self.saved_reports:
            return None
        touched, self.touched = self.touched, []
        changed, grown = _counted(touched)
        row = WordsRow(
            key,
            self.reports - self.saved_reports,
            zlib.compress(changed.tobytes() + grown.tobytes(), 1),
        )
        self.saved_reports = self.reports
        return row

    def sketch(self, words: ContentWords) -> bytes:
        """The report's sketch (uint32 bytes): the :data:`SKETCH_WORDS` rarest of the
        words it repeats, then as many more of the rarest of its others as there is room
        for (of words equally rare, those of the lesser hash)."""
        hashes = np.frombuffer(words.hashes, dtype=np.uint32)
        # One sort key: used once (bit 62), the count (bits 32-61), the hash.
        counts = np.minimum(self.counts[slots(hashes)], MAX_COUNT).astype(np.uint64)
        keys = (counts << 32) | hashes
        keys[words.repeated :] |= np.uint64(1 << 62)
        keys.sort()
        sketch: bytes = keys[:SKETCH_WORDS].astype(np.uint32).tobytes()
        return sketch

    def weights(self, hashes: np.ndarray) -> np.ndarray:
        """The inverse document frequency of each hash."""
        weights: np.ndarray = np.log1p((self.reports + 1) / (1.0 + self.counts[slots(hashes)]))
        return weights

    def measure(
        self, sketch: bytes, words: ContentWords, earlier: Sequence[bytes] = ()
    ) -> Callable[[bytes], RareOverlap | None]:
        """The :class:`RareOverlap` of a new report (its sketch and its words) with an
        earlier one (its sketch), as a function of the earlier sketch: the new report's
        side is worked out once for all its candidates. None before the table has counted
        :data:`MIN_REPORTS`, or when either report has no content words.

        ``earlier``: the sketches it is about to be asked about. Their weights are
        worked out with the new report's in one numpy call instead of one a candidate
        (each weight is what :meth:`weights` gives of it alone: the steps are
        elementwise)."""
        if self.reports < MIN_REPORTS or not words.hashes:
            return lambda old_sketch: None
        hashes = np.frombuffer(b"".join([sketch, *earlier]), dtype=np.uint32)
        weighed = self.weights(hashes).tolist()
        size = len(sketch) // 4
        new_weights = dict(zip(hashes[:size].tolist(), weighed[:size], strict=True))
        new_total = sum(new_weights.values())
        new_words = frozenset(memoryview(words.hashes).cast("I").tolist())
        known: dict[bytes, list[float]] = {}
        for old_sketch in earlier:
            known[old_sketch] = weighed[size : size + len(old_sketch) // 4]
            size += len(old_sketch) // 4

        def overlap(old_sketch: bytes) -> RareOverlap | None:
            if not old_sketch:
                return None
            weights = known.get(old_sketch)
            if weights is None:
                weights = self.weights(np.frombuffer(old_sketch, dtype=np.uint32)).tolist()
            old_total = sum(weights)
            pairs = list(zip(memoryview(old_sketch).cast("I").tolist(), weights, strict=True))
            held = sum(weight for word, weight in pairs if word in new_words)
            shared = sum(weight for word, weight in pairs if word in new_weights)
            return RareOverlap(held / old_total, shared / (old_total + new_total - shared))

        return overlap


def _counted(touched: list[np.ndarray]) -> tuple[np.ndarray, np.ndarray]:
    """The slots (uint32, ascending) the reports of ``touched`` (each its slots) counted,
    and how many of them counted each: a report once a slot, as :meth:`WordFrequency.add`
    counts it. One sort of (slot, report) keys, 32 bits wide when they fit."""
    every = np.concatenate(touched) if touched else np.empty(0, dtype=np.uint32)
    if not every.size:
        return every, every
    bits = len(touched).bit_length()
    wide = np.dtype(np.uint32 if SLOT_BITS + bits <= 32 else np.uint64)
    report = np.repeat(np.arange(len(touched), dtype=wide), [slots.size for slots in touched])
    shift = np.array(bits, dtype=wide)
    keys = np.sort(np.left_shift(every.astype(wide), shift) | report)
    # a key repeated is one report's two words in one slot; a slot is where its keys start
    slots = np.right_shift(keys, shift).astype(np.uint32)
    firsts = np.flatnonzero(np.concatenate(([True], slots[1:] != slots[:-1])))
    distinct = np.concatenate(([True], keys[1:] != keys[:-1]))
    grown = np.add.reduceat(distinct.astype(np.uint32), firsts)
    return slots[firsts], grown.astype(np.uint32)


class WordsRow(NamedTuple):
    """The word frequency table as stored: a run that loads the index goes on counting
    where the last one stopped (the index rows keep only the sketches, not the words)."""

    key: str
    reports: int
    counts: bytes
    """zlib-compressed uint32 bytes: every slot's count in the folded row, the slots and
    their counts in a batch's (see :data:`WORDS_KEY`)."""


WORDS = Table("cluster_words", WordsRow, key=("key",))
WORDS_KEY = "content words"
"""The key of the folded table: every slot's count. Other rows hold what one batch
added: the slots it counted, then their counts (two uint32 arrays of one length)."""


class FoldConflict(Exception):
    """Another clusterer folded the rows first: leave the fold to it."""


def load_frequency(table: TableAccess[WordsRow]) -> WordFrequency:
    """The stored word frequency table, every batch's row added (a folded row of another
    size, from a version with other slots, is left out)."""
    counts, reports, _ = _stored(table)
    return WordFrequency(counts, reports, reports)


def store_added(table: TableAccess[WordsRow], frequency: WordFrequency) -> None:
    """Store what was counted since the last call as a row of its own, under a key no
    other clusterer's row has (:func:`fold_frequency` folds them)."""
    row = frequency.added(f"added {uuid4().hex}")
    if row is not None:
        table.upsert([row])


def fold_frequency(table: TableAccess[WordsRow]) -> None:
    """Fold every stored row into the one under :data:`WORDS_KEY`. Read from the store,
    not from a run's memory, so that rows another clusterer stored since this one loaded
    are kept; the rows read are deleted by key, and :class:`FoldConflict` is raised (for
    the caller to roll back) when fewer were there: another fold took them first."""
    counts, reports, keys = _stored(table)
    if not keys or keys == [WORDS_KEY]:
        return
    if table.delete_where(("key", "in", keys)) != len(keys):
        raise FoldConflict
    table.upsert([WordsRow(WORDS_KEY, reports, zlib.compress(counts.data, 1))])


def _stored(table: TableAccess[WordsRow]) -> tuple[np.ndarray, int, list[str]]:
    """The counts and reports of every stored row together, and the rows' keys."""
    counts = np.zeros(WORD_SLOTS, dtype=np.uint32)
    reports = 0
    keys = []
    for row in table.select():
        keys.append(row.key)
        data = np.frombuffer(zlib.decompress(row.counts), dtype=np.uint32)
        if row.key == WORDS_KEY:
            if data.size != WORD_SLOTS:
                continue
            counts += data
        else:
            half = data.size // 2
            np.add.at(counts, data[:half].astype(np.intp), data[half:])
        reports += row.reports
    return counts, reports, keys
