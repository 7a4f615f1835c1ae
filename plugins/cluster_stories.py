"""Group reports of the same event into one story, cheapest evidence first.

1. Exact keys: the canonical URL (tracking parameters stripped) and a hash of
   the normalised text; a new report with a known key joins that story.
2. Candidates from two MinHash LSH indexes: one over word 3-shingles finds
   the same wire copy under a new headline; one over the report's salient
   terms (names, organisations, events, figures) finds the same facts in
   reworded prose. Candidates only ever come from the indexes, never from
   comparing all pairs. The signatures are computed with numpy over stable
   (crc32) hashes, so they can be stored and reused in later runs. The index
   holds 100k reports and more, so it is packed: each band of each report is
   12 bytes in sorted numpy arrays, and each report keeps its signature and
   term hashes as 32-bit bytes and its figures and headline words as tuples
   of interned strings: about 1.5 KB a report in all.
3. Verification of each candidate: publication dates within ``max_gap_days``,
   text overlap, shared salient terms, headline overlap, and figures that do
   not contradict each other, so that two different drills or two loans to
   the same city stay apart.

The index lives in the store (table ``cluster_index``), so a report arriving
in a later run joins a story from an earlier one.
"""

from __future__ import annotations

import functools
import hashlib
import re
import sys
import zlib
from collections.abc import Callable, Collection, Hashable, Iterable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from types import ModuleType
from typing import TYPE_CHECKING, Any, NamedTuple, TypeVar
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from aggregator import Config, Item, Option, Run, StashKey, hookimpl
from aggregator.schema import non_negative, positive
from aggregator.store import Store
from aggregator.stories import new_story_id
from aggregator.tables import Table

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

NAME = "cluster_stories"
TEXT_PERMS, TEXT_BANDS = 64, 16
TERM_PERMS, TERM_BANDS = 32, 16
SHINGLE = 3
MERSENNE = (1 << 61) - 1
MAX_HASH = (1 << 32) - 1
MAX_CANDIDATES = 8
CROWDED_BUCKET = 200
MERGE_EVERY = 2048
FREQUENCY_SLOTS = 1 << 20
MIN_TERMS = 0.1
MIN_TEXT = 0.2
MIN_SHARED_BANDS = 1
TRACKING = re.compile(r"^(utm_.*|fbclid|gclid|dclid|mc_cid|mc_eid|ref|ref_src|cmpid|ocid|smid)$")
WORD = re.compile(r"[a-z0-9]+(?:['’][a-z]+)?")
# A leading lookahead such as (?=\d) names the character every match starts with: the
# regular expression engine then skips other positions in C, which halves a scan of an
# article (it cannot tell that by itself past a lookbehind or an alternation).
FIGURE = re.compile(
    r"(?=\d)(?<![\w.,])(\d{1,3}(?:,\d{2,3})+|\d+(?:\.\d+)?)"
    r"\s*(%|per ?cent|crore|lakh|billion|million|trillion|km|mw|gw|tonnes?|yen|bn|m)?",
    re.IGNORECASE,
)
CAPITALISED = re.compile(
    r"(?=[A-Z])(?<![.!?]\s)(?<!^)\b([A-Z][a-zA-Z]+(?:[-\s][A-Z][a-zA-Z]+)*|[A-Z]{2,}(?:-\d+)?)"
)
STOPWORDS = frozenset(
    [
        "a",
        "an",
        "and",
        "are",
        "as",
        "at",
        "be",
        "by",
        "for",
        "from",
        "has",
        "have",
        "in",
        "is",
        "it",
        "its",
        "of",
        "on",
        "or",
        "that",
        "the",
        "their",
        "this",
        "to",
        "was",
        "were",
        "will",
        "with",
        "after",
        "over",
        "new",
        "says",
        "said",
        "two",
        "its",
        "into",
        "than",
        "more",
    ]
)

SCHEMA = {
    "max_gap_days": Option(
        float,
        4.0,
        help="reports dated further apart than this are different events",
        check=non_negative,
    ),
    "text_threshold": Option(float, 0.5, help="shingle overlap that alone makes the same copy"),
    "match_threshold": Option(float, 0.35, help="combined evidence needed to join a story"),
    "index_days": Option(
        int, 60, help="stories first seen this long ago still take new reports", check=positive
    ),
}


@functools.cache
def permutations() -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """The MinHash permutations (a, b) of the text and the term signatures, drawn in
    this order from one fixed seed: stored signatures depend on them never changing."""
    rng = np.random.RandomState(20260222)
    return (
        rng.randint(1, 1 << 61, TEXT_PERMS, dtype=np.uint64),
        rng.randint(0, 1 << 61, TEXT_PERMS, dtype=np.uint64),
        rng.randint(1, 1 << 61, TERM_PERMS, dtype=np.uint64),
        rng.randint(0, 1 << 61, TERM_PERMS, dtype=np.uint64),
    )


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
    """Identifying figures, one a line."""
    title: str
    """Headline words without stopwords, space-separated."""
    year_inferred: int = 0


class KeyRow(NamedTuple):
    """An exact key of a report (canonical URL or text hash) and the story it joined."""

    key: str
    story_id: str


INDEX = Table("cluster_index", IndexRow, key=("item_id",), indexes=("seen",))
KEYS = Table("cluster_keys", KeyRow, key=("key",))


@dataclass(slots=True)
class Report:
    """What verification needs to know about one report.

    The index keeps one per report of the last ``index_days``, so the fields
    are packed: the text signature and the term hashes are 32-bit values as
    bytes (every MinHash value and crc32 fits in 32 bits), figures and headline
    words are tuples of interned strings without repeats.
    """

    item_id: str
    story_id: str
    date: datetime | None
    year_inferred: bool
    text_sig: bytes
    terms: bytes
    figures: tuple[str, ...]
    title: tuple[str, ...]

    def term_set(self) -> frozenset[int]:
        """The term hashes as a set, inserted in the order ``terms`` holds them.

        A set's iteration order depends on the order of insertion, and
        :func:`weighted_jaccard` sums weights in iteration order: inserting in
        one fixed order keeps the floating-point sums, and so the scores,
        reproducible.
        """
        return frozenset(np.frombuffer(self.terms, dtype=np.uint32).tolist())

    def distinct_terms(self) -> np.ndarray:
        """The term hashes sorted, without repeats (two terms can share a crc32)."""
        return np.unique(np.frombuffer(self.terms, dtype=np.uint32))


class BandIndex:
    """Locality-sensitive hashing by banding: signatures sharing any band are candidates.

    Reports are numbered (ordinals) in the order they are added. Each band of
    each report is one entry: the band's key (Python's hash of its bytes; the
    index lives in memory for one run only, so the per-process hash is fine)
    in ``_keys`` and ``ordinal << band_bits | band`` in ``_entries``, both
    sorted by key, then entry: 12 bytes an entry, where a dict entry with its
    int key and a list for the bucket takes over 150. Within a bucket the
    reports come out in the order they were added.

    Inserting into sorted arrays copies them, so the newest reports wait in a
    dict per band and are merged into the arrays :data:`MERGE_EVERY` reports
    at a time. A bucket there is a bare ordinal until a second report joins
    it: a list per bucket would be a container the garbage collector tracks,
    tens of thousands of them outliving each young collection.
    """

    def __init__(self, bands: int) -> None:
        self.bands = bands
        self.band_bits = max(1, (bands - 1).bit_length())
        self._band_mask = (1 << self.band_bits) - 1
        self._keys = np.empty(0, dtype=np.int64)
        self._entries = np.empty(0, dtype=np.uint32)
        self._pending: list[dict[int, int | list[int]]] = [{} for _ in range(bands)]
        self._pending_keys: list[int] = []
        self._pending_entries: list[int] = []

    @property
    def capacity(self) -> int:
        """How many reports fit: an entry packs ordinal and band into 32 bits."""
        return 1 << (32 - self.band_bits)

    def _band_keys(self, sig: bytes) -> list[int]:
        step = len(sig) // self.bands
        return [hash(sig[start : start + step]) for start in range(0, len(sig), step)]

    def add(self, ordinal: int, sig: bytes) -> None:
        if ordinal >= self.capacity:
            raise OverflowError(f"more than {self.capacity} reports in one band index")
        keys = self._band_keys(sig)
        for bucket, key in zip(self._pending, keys, strict=True):
            members = bucket.get(key)
            if members is None:
                bucket[key] = ordinal
            elif isinstance(members, int):
                bucket[key] = [members, ordinal]
            else:
                members.append(ordinal)
        first = ordinal << self.band_bits
        self._pending_keys += keys
        self._pending_entries += range(first, first + self.bands)
        if len(self._pending_keys) >= MERGE_EVERY * self.bands:
            self._merge()

    def _merge(self) -> None:
        """Move the pending entries into the sorted arrays, after any equal keys."""
        keys = np.array(self._pending_keys, dtype=np.int64)
        entries = np.array(self._pending_entries, dtype=np.uint32)
        order = np.lexsort((entries, keys))
        keys, entries = keys[order], entries[order]
        at = self._keys.searchsorted(keys, side="right")
        self._keys = np.insert(self._keys, at, keys)
        self._entries = np.insert(self._entries, at, entries)
        for bucket in self._pending:
            bucket.clear()
        self._pending_keys.clear()
        self._pending_entries.clear()

    def _stored(self, band: int, key: int, start: int) -> list[int] | None:
        """The ordinals in the sorted arrays under ``key`` in ``band`` (None: crowded),
        given where the key's entries start."""
        stop = start + 1
        if stop < self._keys.size and self._keys[stop] == key:
            stop = int(self._keys.searchsorted(key, side="right"))
        entries = self._entries[start:stop]
        if stop - start > CROWDED_BUCKET:
            entries = entries[(entries & self._band_mask) == band]
            if entries.size > CROWDED_BUCKET:
                return None
        return [
            entry >> self.band_bits
            for entry in entries.tolist()
            if (entry & self._band_mask) == band
        ]

    def query(self, sig: bytes) -> dict[int, int]:
        """Ordinals of the candidates with the number of bands they share.

        A bucket holding more than :data:`CROWDED_BUCKET` reports is passed
        over: a band that many unrelated reports share says nothing, and
        reading it would make every query cost more as the index grows.
        """
        keys = self._band_keys(sig)
        starts: list[int]
        firsts: list[int | None]
        if self._keys.size:
            at = self._keys.searchsorted(np.array(keys, dtype=np.int64))
            starts, firsts = at.tolist(), self._keys.take(at, mode="clip").tolist()
        else:
            starts, firsts = [0] * self.bands, [None] * self.bands
        found: dict[int, int] = {}
        for band, (key, bucket) in enumerate(zip(keys, self._pending, strict=True)):
            waiting = bucket.get(key)
            if isinstance(waiting, int):
                waiting = [waiting]
            if firsts[band] == key:
                members = self._stored(band, key, starts[band])
                if members is None:
                    continue
                if waiting:
                    members += waiting
            elif waiting is None:
                continue
            else:
                members = waiting
            if len(members) > CROWDED_BUCKET:
                continue
            for ordinal in members:
                found[ordinal] = found.get(ordinal, 0) + 1
        return found


@dataclass
class Index:
    text: BandIndex = field(default_factory=lambda: BandIndex(TEXT_BANDS))
    terms: BandIndex = field(default_factory=lambda: BandIndex(TERM_BANDS))
    reports: dict[str, Report] = field(default_factory=dict)
    item_ids: list[str] = field(default_factory=list)
    """The item id of each ordinal in the band indexes."""
    pairs_examined: int = 0
    frequency: np.ndarray = field(
        default_factory=lambda: np.zeros(FREQUENCY_SLOTS, dtype=np.uint32)
    )
    """How many indexed reports carry each term (hashed into slots): rare names weigh more."""

    def weight(self, terms: frozenset[int]) -> dict[int, float]:
        """Inverse document frequency of each term: a name every story shares weighs little."""
        size = len(self.reports) + 1
        slots = np.fromiter(terms, dtype=np.uint64, count=len(terms)) % FREQUENCY_SLOTS
        weights = np.log1p(size / (1.0 + self.frequency[slots]))
        return dict(zip(terms, weights.tolist(), strict=True))


@dataclass(frozen=True)
class Settings:
    """``[plugins.cluster_stories]``, read once per project."""

    max_gap_days: float = 4.0
    text_threshold: float = 0.5
    match_threshold: float = 0.35
    index_days: int = 60

    @classmethod
    def from_options(cls, options: dict[str, Any]) -> Settings:
        return cls(**{name: options[name] for name in SCHEMA})


@dataclass
class RunState:
    """One run's clustering: its clock, and the index, loaded when first needed."""

    now: datetime
    index: Index | None = None


SETTINGS = StashKey[Settings]()
RUN = StashKey[RunState]()


@hookimpl
def aggregator_configure(config: Config) -> None:
    config.stash[SETTINGS] = Settings.from_options(config.plugin_options(NAME, SCHEMA))


@hookimpl
def aggregator_run_start(run: Run) -> None:
    run.config.stash[RUN] = RunState(now=run.now)
    run.store.plugin_tables(NAME, INDEX, KEYS)


@hookimpl
def aggregator_run_finish(run: Run) -> None:
    state = run.config.stash.get(RUN, None)
    if state is None:
        return
    if state.index is not None:
        run.state["cluster_pairs_examined"] = state.index.pairs_examined
    del run.config.stash[RUN]


def canonical_url(url: str) -> str:
    """The URL without tracking parameters, fragment, default port or trailing slash."""
    parts = urlsplit(url.strip())
    query = [
        (k, v)
        for k, v in parse_qsl(parts.query, keep_blank_values=True)
        if not TRACKING.match(k.lower())
    ]
    host = (parts.hostname or "").lower()
    if parts.port and (parts.scheme, parts.port) not in (("http", 80), ("https", 443)):
        host = f"{host}:{parts.port}"
    path = parts.path.rstrip("/") or "/"
    return urlunsplit((parts.scheme.lower(), host, path, urlencode(sorted(query)), ""))


def text_words(item: Item) -> list[str]:
    return WORD.findall(item.text.casefold())


def text_key(words: list[str]) -> str:
    """A hash of the text's words (from :func:`text_words`): the same text in other markup."""
    return hashlib.sha1(" ".join(words).encode()).hexdigest()


def _hash32(values: list[str]) -> np.ndarray:
    return np.fromiter(map(zlib.crc32, map(str.encode, values)), dtype=np.uint64, count=len(values))


def signature(hashes: np.ndarray, a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """MinHash signature: for each permutation, the least (a·h + b) mod p over the hashes
    (repeats change no minimum, so they need not be removed first).

    a·h + b wraps at 2**64 as it always has (stored signatures depend on it). The
    remainder by the Mersenne prime p = 2**61 - 1 is taken with shifts and masks
    (2**61 ≡ 1 mod p), in place: numpy's integer ``%`` divides, and was most of the
    cost of a signature.
    """
    if hashes.size == 0:
        return np.full(a.size, np.uint64(MAX_HASH), dtype=np.uint64)
    products = np.multiply.outer(a, hashes)
    products += b[:, None]
    high = products >> np.uint64(61)
    products &= np.uint64(MERSENNE)
    products += high
    np.subtract(products, np.uint64(MERSENNE), out=products, where=products >= MERSENNE)
    products &= np.uint64(MAX_HASH)
    minimum: np.ndarray = products.min(axis=1)
    return minimum


def salient_terms(item: Item) -> list[str]:
    """Names, organisations, events and figures: what a reworded report keeps.

    Countries and single capitalised words (India, Tokyo, JICA) are left out:
    nearly every report of a feed shares them, so they say nothing about the
    event and would make every report a candidate for every other.
    """
    terms = {
        f"e:{entity.name.casefold()}"
        for entity in item.entities
        if entity.kind != "place" and " " in entity.name
    }
    text = f"{item.title}\n{item.text}"
    terms.update(f"c:{match.casefold()}" for match in CAPITALISED.findall(text) if " " in match)
    terms.update(f"n:{figure}" for figure in figures_of(text) if _is_identifying(figure))
    return sorted(terms)


def figures_of(text: str) -> set[str]:
    """Figures that identify an event (amounts, counts, percentages), not years or days."""
    found = set()
    for number, unit in FIGURE.findall(text):
        value = number.replace(",", "")
        if "." not in value and (len(value) < 2 or (len(value) == 4 and value[:2] in ("19", "20"))):
            continue
        found.add(f"{value}{(unit or '').lower().replace(' ', '')}")
    return found


def _interned(words: Iterable[str]) -> tuple[str, ...]:
    """Distinct strings, shared with every other report that has them."""
    return tuple({sys.intern(word) for word in words})


def _packed(values: np.ndarray) -> bytes:
    """Hashes or MinHash values, all below 2**32, as uint32 bytes."""
    return values.astype(np.uint32).tobytes()


def _narrow(values: bytes) -> bytes:
    """uint64 values (as signatures and terms are stored) as uint32 (as they are held)."""
    return _packed(np.frombuffer(values, dtype=np.uint64))


def _widen(values: bytes) -> bytes:
    """uint32 values (as they are held) as uint64 (as they are stored)."""
    return np.frombuffer(values, dtype=np.uint32).astype(np.uint64).tobytes()


def build_report(item: Item, story_id: str, body: list[str]) -> tuple[Report, bytes]:
    """The report of ``item`` (``body``: its :func:`text_words`), and its term signature.

    The term signature only places the report in the term index, so the
    report does not keep it.
    """
    title = WORD.findall(item.title.casefold())
    # The words of f"{title} {text}": casefolding maps each character alone
    # and no word spans the space between them.
    words = title + body
    shingles = (
        list(map(" ".join, zip(*(words[i:] for i in range(SHINGLE)), strict=False)))
        if len(words) >= SHINGLE
        else [" ".join(words)]
    )
    terms = salient_terms(item)
    term_hashes = _hash32(terms)
    text_a, text_b, term_a, term_b = permutations()
    report = Report(
        item_id=item.id,
        story_id=story_id,
        date=item.published,
        year_inferred=bool(item.extras.get("year_inferred")),
        text_sig=_packed(signature(_hash32(shingles), text_a, text_b)),
        terms=_packed(term_hashes),
        figures=_interned(t[2:] for t in terms if t.startswith("n:")),
        title=_interned(w for w in title if w not in STOPWORDS),
    )
    return report, _packed(signature(term_hashes, term_a, term_b))


def _add(index: Index, report: Report, term_sig: bytes) -> None:
    if report.item_id not in index.reports:
        ordinal = len(index.item_ids)
        index.item_ids.append(report.item_id)
        index.text.add(ordinal, report.text_sig)
        if report.terms:
            index.terms.add(ordinal, term_sig)
            np.add.at(index.frequency, report.distinct_terms() % FREQUENCY_SLOTS, 1)
    index.reports[report.item_id] = report


def _load(store: Store, now: datetime, index_days: int) -> Index:
    index = Index()
    since = (now - timedelta(days=index_days)).isoformat()
    for row in store.table(INDEX).select(("seen", ">=", since)):
        report = Report(
            item_id=row.item_id,
            story_id=row.story_id,
            date=datetime.fromisoformat(row.date) if row.date else None,
            year_inferred=bool(row.year_inferred),
            text_sig=_narrow(row.text_sig),
            terms=_narrow(row.terms),
            figures=_interned(filter(None, row.figures.split("\n"))),
            title=_interned(filter(None, row.title.split(" "))),
        )
        _add(index, report, _narrow(row.term_sig))
    return index


def _stored(report: Report, term_sig: bytes, now: datetime) -> IndexRow:
    return IndexRow(
        item_id=report.item_id,
        story_id=report.story_id,
        seen=now.isoformat(),
        date=report.date.isoformat() if report.date else None,
        text_sig=_widen(report.text_sig),
        term_sig=_widen(term_sig),
        terms=report.distinct_terms().astype(np.uint64).tobytes(),
        figures="\n".join(sorted(report.figures)),
        title=" ".join(sorted(report.title)),
        year_inferred=int(report.year_inferred),
    )


_T = TypeVar("_T", bound=Hashable)


def _jaccard(first: Collection[_T], second: Collection[_T]) -> float:
    """Jaccard overlap of two collections, each without repeats."""
    if not first or not second:
        return 0.0
    shared = len(set(first).intersection(second))
    return shared / (len(first) + len(second) - shared)


def _unit(figure: str) -> str:
    return figure.lstrip("0123456789.")


def _is_identifying(figure: str) -> bool:
    """An amount with a unit, a decimal or three or more digits: not "10 years"."""
    number = figure[: len(figure) - len(_unit(figure))]
    return bool(_unit(figure)) or "." in number or len(number) >= 3


def contradicting_unit(first: Collection[str], second: Collection[str]) -> str | None:
    """A unit (crore, billion, km, %) both reports give figures in, none of them shared:
    two loans of 71.2 and 41.2 billion yen are two loans."""
    units = {_unit(f) for f in first if _unit(f)} & {_unit(f) for f in second if _unit(f)}
    for unit in sorted(units):
        if not {f for f in first if _unit(f) == unit} & {f for f in second if _unit(f) == unit}:
            return unit
    return None


def date_gap(new: Report, old: Report) -> float:
    """Days between two reports' dates; when either year was guessed, the years are ignored."""
    assert new.date is not None and old.date is not None
    gap = abs((new.date - old.date).total_seconds()) / 86400
    if new.year_inferred or old.year_inferred:
        gap %= 365.25
        gap = min(gap, 365.25 - gap)
    return gap


def weighted_jaccard(first: frozenset[int], second: frozenset[int], index: Index) -> float:
    """Jaccard overlap of two term sets, each term weighted by its rarity in the index."""
    if not first or not second:
        return 0.0
    weights = index.weight(first | second)
    union = sum(weights.values())
    return sum(weights[term] for term in first & second) / union if union else 0.0


def similarity(
    new: Report, old: Report, index: Index | None = None, settings: Settings = Settings()
) -> tuple[float, str]:
    """How strongly two reports look like the same event (0 = different), and why."""
    if new.date and old.date:
        gap = date_gap(new, old)
        if gap > settings.max_gap_days:
            return 0.0, f"dated {gap:.0f} days apart"
    conflict = contradicting_unit(new.figures, old.figures)
    if conflict:
        return 0.0, f"different {conflict} figures"
    same = np.frombuffer(new.text_sig, dtype=np.uint32) == np.frombuffer(
        old.text_sig, dtype=np.uint32
    )
    text = np.count_nonzero(same) / same.size
    if text >= settings.text_threshold:
        return 1.0 + text, f"same copy ({text:.0%} of shingles)"
    if index is None:
        terms = _jaccard(new.term_set(), old.term_set())
    else:
        terms = weighted_jaccard(new.term_set(), old.term_set(), index)
    if terms < MIN_TERMS and text < MIN_TEXT:
        return 0.0, f"no names or text in common (terms {terms:.2f}, text {text:.2f})"
    shared_figures = [f for f in set(new.figures).intersection(old.figures) if _is_identifying(f)]
    title = _jaccard(new.title, old.title)
    score = terms + 0.5 * title + 0.5 * text + 0.1 * min(3, len(shared_figures))
    if new.date is None or old.date is None:
        score -= 0.15
    return score, f"terms {terms:.2f}, headline {title:.2f}, text {text:.2f}"


@hookimpl
def aggregator_cluster(items: list[Item], store: Store, config: Config) -> None:
    """Give each new item a story; the batch's index rows and keys are saved together."""
    state = config.stash.get(RUN, None)
    if state is None:
        return
    settings = config.stash[SETTINGS]
    index = state.index
    if index is None:
        index = state.index = _load(store, state.now, settings.index_days)
    stored_keys = store.table(KEYS)
    new_keys: dict[str, str] = {}
    rows: dict[str, IndexRow] = {}
    for item in items:
        if item.story_id:
            continue
        words = text_words(item)
        keys = [f"text:{text_key(words)}"]
        if item.link:
            keys.append(f"url:{canonical_url(item.link)}")
        story_id = _story_by_key(stored_keys.get, new_keys, keys)
        report, term_sig = build_report(item, story_id or "", words)
        if story_id is None:
            story_id, reason = _best_match(index, report, term_sig, settings)
            if story_id:
                item.extras["cluster"] = reason
        else:
            item.extras["cluster"] = "same URL or text as an earlier report"
        item.story_id = story_id or new_story_id(item)
        report.story_id = item.story_id
        _add(index, report, term_sig)
        rows[report.item_id] = _stored(report, term_sig, state.now)
        for key in keys:
            new_keys.setdefault(key, item.story_id)
    store.table(INDEX).upsert(rows.values())
    stored_keys.insert_new(KeyRow(key, story_id) for key, story_id in new_keys.items())


def _story_by_key(
    stored: Callable[[str], KeyRow | None], new: dict[str, str], keys: list[str]
) -> str | None:
    """The story of the first key known, stored before this batch or new in it."""
    for key in keys:
        row = stored(key)
        if row is not None:
            return row.story_id
        if key in new:
            return new[key]
    return None


def _best_match(
    index: Index, report: Report, term_sig: bytes, settings: Settings
) -> tuple[str | None, str]:
    candidates = index.text.query(report.text_sig)
    if report.terms:
        for ordinal, bands in index.terms.query(term_sig).items():
            candidates[ordinal] = candidates.get(ordinal, 0) + bands
    ranked = sorted(
        (ordinal for ordinal, bands in candidates.items() if bands >= MIN_SHARED_BANDS),
        key=lambda ordinal: -candidates[ordinal],
    )[:MAX_CANDIDATES]
    best: tuple[float, str | None, str] = (settings.match_threshold, None, "")
    for candidate in ranked:
        old = index.reports.get(index.item_ids[candidate])
        if old is None or old.item_id == report.item_id:
            continue
        index.pairs_examined += 1
        score, reason = similarity(report, old, index, settings)
        if score >= best[0]:
            best = (score, old.story_id, f"joined {old.item_id}: {reason}")
    return best[1], best[2]
