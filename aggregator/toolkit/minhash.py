"""MinHash signatures and a banded LSH index: candidates for near-duplicates, never all pairs.

A document is a set of 32-bit hashes (shingles, terms). Its MinHash
signature keeps, for each permutation ``h -> (a·h + b) mod p``, the least
value over the set; two signatures agree at a position with the probability
that the sets' Jaccard overlap gives. :class:`BandIndex` cuts signatures into
bands and returns as candidates the documents sharing any band, so a query
costs the size of a few buckets however large the index grows.

Values below 2**32 are held packed as ``uint32`` bytes (:func:`packed`), and
stored as ``uint64`` bytes (:func:`widen`, :func:`narrow`).
"""

from __future__ import annotations

import functools
import zlib
from collections import Counter
from collections.abc import Collection, Hashable
from types import ModuleType
from typing import TYPE_CHECKING, Any, Literal, TypeVar

if TYPE_CHECKING:
    import numpy as np
else:

    class _Numpy(ModuleType):
        """numpy, imported on first use: a run that clusters nothing (a rerun where
        nothing changed, ``--help``) does not pay the ~50 ms its import costs."""

        def __getattr__(self, name: str) -> Any:
            import numpy

            value = getattr(numpy, name)
            setattr(self, name, value)
            return value

    np = _Numpy("numpy (deferred)")

MERSENNE = (1 << 61) - 1
"""The prime the permutations are taken modulo (2**61 - 1)."""
MAX_HASH = (1 << 32) - 1
"""Every hash and MinHash value is kept to its low 32 bits."""
CROWDED_BUCKET = 200
"""A band bucket holding more reports than this says nothing about any of them."""
LARGEST_KEY = (1 << 63) - 1
"""The largest band key the sorted arrays can hold (int64; :data:`MAX_HASH` when they
hold bands of one value as uint32)."""
MERGE_EVERY = 2048
"""Reports that wait in a dict per band before they are merged into the sorted arrays."""
EXACT_KEYS: dict[int, Literal["I", "q"]] = {4: "I", 8: "q"}
"""Bands of one or two 32-bit values are their own keys (read as this memoryview format,
which fits an int64): cheaper than hashing their bytes."""


def hash32(values: list[str]) -> np.ndarray:
    return np.fromiter(map(zlib.crc32, map(str.encode, values)), dtype=np.uint64, count=len(values))


@functools.cache
def seeded_permutations(seed: int, *counts: int) -> tuple[np.ndarray, ...]:
    """MinHash permutations ``(a, b)`` of each length in ``counts``, drawn in that order
    from one fixed seed: signatures stored with them stay valid only while they never
    change, so a caller keeps its seed and counts for good."""
    rng = np.random.RandomState(seed)
    drawn: list[np.ndarray] = []
    for count in counts:
        drawn.append(rng.randint(1, 1 << 61, count, dtype=np.uint64))
        drawn.append(rng.randint(0, 1 << 61, count, dtype=np.uint64))
    return tuple(drawn)


def signature(hashes: np.ndarray, a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """MinHash signature: for each permutation, the least (a·h + b) mod p over the hashes
    (repeats change no minimum, so they need not be removed first).

    a·h + b wraps at 2**64 as it always has (stored signatures depend on it). The
    remainder by the Mersenne prime p = 2**61 - 1 is taken with shifts and masks
    (2**61 ≡ 1 mod p), in place: numpy's integer ``%`` divides, and was most of the
    cost of a signature.
    """
    return signatures((hashes, a, b))[0]


def signatures(*sets: tuple[np.ndarray, np.ndarray, np.ndarray]) -> list[np.ndarray]:
    """The :func:`signature` of each ``(hashes, a, b)``, their products in one buffer
    whose remainders are taken together: numpy's cost per call is most of the cost of a
    signature over a few dozen hashes (a report's terms, its name words), so three
    signatures cost about what two did one at a time."""
    sizes = [a.size * hashes.size for hashes, a, _ in sets]
    products = np.empty(sum(sizes), dtype=np.uint64)
    blocks: list[np.ndarray | None] = []
    start = 0
    for (hashes, a, b), size in zip(sets, sizes, strict=True):
        if not size:
            blocks.append(None)
            continue
        block = products[start : start + size].reshape(a.size, hashes.size)
        np.multiply.outer(a, hashes, out=block)
        block += b[:, None]
        blocks.append(block)
        start += size
    high = products >> np.uint64(61)
    products &= np.uint64(MERSENNE)
    products += high
    # A sum reaches p only when a·h + b is within 7 of a multiple of p: next to never.
    if products.size and products.max() >= MERSENNE:
        np.subtract(products, np.uint64(MERSENNE), out=products, where=products >= MERSENNE)
    products &= np.uint64(MAX_HASH)
    return [
        np.full(a.size, np.uint64(MAX_HASH), dtype=np.uint64) if block is None else block.min(1)
        for block, (_, a, _) in zip(blocks, sets, strict=True)
    ]


def packed(values: np.ndarray) -> bytes:
    """Hashes or MinHash values, all below 2**32, as uint32 bytes."""
    return values.astype(np.uint32).tobytes()


def narrow(values: bytes) -> bytes:
    """uint64 values (as signatures and terms are stored) as uint32 (as they are held)."""
    return packed(np.frombuffer(values, dtype=np.uint64))


def widen(values: bytes) -> bytes:
    """uint32 values (as they are held) as uint64 (as they are stored)."""
    return np.frombuffer(values, dtype=np.uint32).astype(np.uint64).tobytes()


_T = TypeVar("_T", bound=Hashable)


def jaccard(first: Collection[_T], second: Collection[_T]) -> float:
    """Jaccard overlap of two collections, each without repeats."""
    if not first or not second:
        return 0.0
    shared = len(set(first).intersection(second))
    return shared / (len(first) + len(second) - shared)


class BandIndex:
    """Locality-sensitive hashing by banding: signatures sharing any band are candidates.

    Reports are numbered (ordinals) in the order they are added. Each band of
    each report is one entry: the band's key (Python's hash of its bytes, or a
    band of one or two values itself, :data:`EXACT_KEYS`; the index lives in
    memory for one run only, so the per-process hash is fine) in ``_keys`` and
    ``ordinal << band_bits | band`` in ``_entries``, both sorted by key, then
    entry: 12 bytes an entry (8 when every band is one value, whose key fits a
    uint32), where a dict entry with its int key and a list for the bucket takes
    over 150. Within a bucket the reports come out in the order
    they were added.

    Inserting into sorted arrays copies them, so the newest reports wait in a
    dict per band and are merged into the arrays :data:`MERGE_EVERY` reports
    at a time. A bucket there is a bare ordinal until a second report joins
    it: a list per bucket would be a container the garbage collector tracks,
    tens of thousands of them outliving each young collection.
    """

    def __init__(self, bands: int, crowded: int = CROWDED_BUCKET) -> None:
        self.bands = bands
        self.crowded = crowded
        """A bucket holding more reports than this is passed over by :meth:`query`."""
        self.band_bits = max(1, (bands - 1).bit_length())
        self._band_mask = (1 << self.band_bits) - 1
        self._keys = np.empty(0, dtype=np.int64)
        self._key_type: type[np.integer[Any]] = np.int64
        """The sorted keys' type: uint32 once the signatures are seen to have bands of one
        value (the name index: 4 bytes an entry fewer than int64 over its 16 bands)."""
        self._largest_key = LARGEST_KEY
        self._entries = np.empty(0, dtype=np.uint32)
        self._view = self._entries.data
        """``_entries`` as a memoryview: slicing one costs less than slicing the array."""
        self._crowded: set[tuple[int, int]] = set()
        """``(band, key)`` of the buckets of the sorted arrays found crowded. Entries are
        only ever added, so a crowded bucket stays crowded, and is not read again (one
        shared by most reports, as a common name's, would cost a filter over all of
        them at every query)."""
        self._pending: list[dict[int, int | list[int]]] = [{} for _ in range(bands)]
        self._pending_keys: list[int] = []
        self._pending_ordinals: list[int] = []
        """The waiting reports' ordinals, one a report: their entries are made at the merge
        (16 ints a report, about 40 bytes each, would wait in a list until then)."""
        self._last: tuple[bytes | None, list[int]] = (None, [])

    @property
    def capacity(self) -> int:
        """How many reports fit: an entry packs ordinal and band into 32 bits."""
        return 1 << (32 - self.band_bits)

    def _band_keys(self, sig: bytes) -> list[int]:
        """The key of each band; the last signature's are kept, as a report is queried
        and then added with the same signature."""
        last_sig, last_keys = self._last
        if sig is last_sig:
            return last_keys
        step = len(sig) // self.bands
        keys: list[int]
        if step in EXACT_KEYS:  # the band's own value: no hashing, and no collision either
            keys = memoryview(sig).cast(EXACT_KEYS[step]).tolist()
            if EXACT_KEYS[step] == "I" and not self._keys.size and not self._pending_keys:
                self._key_type, self._largest_key = np.uint32, MAX_HASH
        else:
            keys = [hash(sig[start : start + step]) for start in range(0, len(sig), step)]
        self._last = (sig, keys)
        return keys

    def add(self, ordinal: int, sig: bytes) -> None:
        if ordinal >= self.capacity:
            raise OverflowError(f"more than {self.capacity} reports in one band index")
        keys = self._band_keys(sig)
        for bucket, key in zip(self._pending, keys, strict=True):
            members = bucket.setdefault(key, ordinal)
            if members is ordinal:  # a new bucket (another int is another object)
                continue
            if isinstance(members, int):
                bucket[key] = [members, ordinal]
            else:
                members.append(ordinal)
        self._pending_keys += keys
        self._pending_ordinals.append(ordinal)
        if len(self._pending_keys) >= MERGE_EVERY * self.bands:
            self._merge()

    def _merge(self) -> None:
        """Move the pending entries into the sorted arrays, after any equal keys."""
        keys = np.array(self._pending_keys, dtype=self._key_type)
        ordinals = np.array(self._pending_ordinals, dtype=np.uint32)
        bands = np.arange(self.bands, dtype=np.uint32)
        entries = (ordinals[:, None] << np.uint32(self.band_bits) | bands).ravel()
        order = np.lexsort((entries, keys))
        keys, entries = keys[order], entries[order]
        at = self._keys.searchsorted(keys, side="right")
        self._keys = np.insert(self._keys.astype(self._key_type, copy=False), at, keys)
        self._entries = np.insert(self._entries, at, entries)
        self._view = self._entries.data
        for bucket in self._pending:
            bucket.clear()
        self._pending_keys.clear()
        self._pending_ordinals.clear()

    def _stored(self, band: int, start: int, stop: int) -> list[int] | None:
        """The ordinals in the sorted arrays between ``start`` and ``stop`` (one key's
        entries) that are in ``band`` (None: crowded)."""
        entries = self._entries[start:stop]
        if stop - start > self.crowded:
            entries = entries[(entries & self._band_mask) == band]
            if entries.size > self.crowded:
                return None
        mask, bits = self._band_mask, self.band_bits
        return [entry >> bits for entry in entries.tolist() if (entry & mask) == band]

    def query(self, sig: bytes, found: Counter[int] | None = None) -> Counter[int]:
        """Ordinals of the candidates with the number of bands they share, counted into
        ``found`` when given (ordinals new to it are added in the order they are met).

        A bucket holding more than ``crowded`` reports (by default
        :data:`CROWDED_BUCKET`) is passed
        over: a band that many unrelated reports share says nothing, and
        reading it would make every query cost more as the index grows.
        """
        keys = self._band_keys(sig)
        if found is None:
            found = Counter()
        starts: list[int]
        stops: list[int]
        if self._keys.size:
            # A key's entries end where the next integer's would start: one search finds
            # both ends (keys are Python hashes, never the largest int64 but by accident).
            if max(keys) < self._largest_key:
                bounds = self._keys.searchsorted(
                    np.array(keys + [key + 1 for key in keys], dtype=self._key_type)
                ).tolist()
                starts, stops = bounds[: self.bands], bounds[self.bands :]
            else:
                wanted = np.array(keys, dtype=self._key_type)
                starts = self._keys.searchsorted(wanted).tolist()
                stops = self._keys.searchsorted(wanted, side="right").tolist()
        else:
            starts = stops = [0] * self.bands
        crowded, mask, bits, view = self.crowded, self._band_mask, self.band_bits, self._view
        gathered: list[int] = []
        for band, (key, bucket, start, stop) in enumerate(
            zip(keys, self._pending, starts, stops, strict=True)
        ):
            waiting = bucket.get(key)
            members: list[int] | None
            if start < stop:
                if stop - start > crowded:
                    if (band, key) in self._crowded:
                        continue
                    members = self._stored(band, start, stop)
                    if members is None:
                        self._crowded.add((band, key))
                        continue
                else:  # the common bucket, read without numpy's cost per call
                    members = [e >> bits for e in view[start:stop].tolist() if (e & mask) == band]
                if isinstance(waiting, int):
                    members.append(waiting)
                elif waiting:
                    members += waiting
            elif waiting is None:
                continue
            elif isinstance(waiting, int):
                members = [waiting]
            else:
                members = waiting
            if len(members) > crowded:
                continue
            gathered += members
        # Counter.update counts a list in C, each ordinal as found.get(o, 0) + 1, in the
        # order given: one call for all bands counts as one a band did, for less.
        found.update(gathered)
        return found
