"""Group reports of the same event into one story, cheapest evidence first.

1. Exact keys: the canonical URL (tracking parameters stripped) and a hash of
   the normalised text; a new report with a known key joins that story.
2. Candidates from three MinHash LSH indexes: one over word 3-shingles finds the same wire
   copy under a new headline; one over the report's salient terms (names, organisations,
   events, figures) finds the same facts in reworded prose; one over the words of its names,
   one value a band, finds a report that names the same people, bodies and places in other
   phrases ("Minister Yoji Muto", "MUTO Yoji"); indexes of the amounts each report leads
   with ("¥45 billion", "45 billion yen": :mod:`~aggregator.toolkit.story_figures`) and of
   its rarest name words (:mod:`~aggregator.toolkit.story_rare_names`) find reworded reports
   the bands miss; a multi-item document's first item is banded apart
   (:mod:`~aggregator.toolkit.story_first_item`). Candidates only ever come from the
   indexes, never from comparing all pairs. The signatures are computed with numpy over
   stable (crc32) hashes, so they can be stored and reused in later runs. The index holds
   100k reports and more, so it is packed: each band of each report is 12 bytes in sorted
   numpy arrays, each report keeps its hashes as 32-bit bytes and its figures and headline
   words as interned strings: about 1.5 KB a report, with a sketch of its rare words (32
   hashes, :mod:`aggregator.toolkit.rare_words`).
3. Verification of each candidate: publication dates within ``max_gap_days``,
   text overlap, shared salient terms or name words (with the initials of the bodies it
   names in full, :mod:`~aggregator.toolkit.story_initials`; each weighted by its rarity; the
   share of a brief's names a longer report holds, unless that report is a numbered
   list one item of which alone holds them, a digest, or both come from one source that
   names no outlet), the rare ordinary words they share, headline overlap, a figure both
   lead with, and figures that do not contradict each other, so that two different
   drills or two loans to the same city stay apart.

The index lives in the store (tables ``cluster_index`` and ``cluster_words``), so
a report arriving in a later run joins a story from an earlier one.
"""

from __future__ import annotations

import functools
import sys
from collections import Counter
from collections.abc import Callable, Iterable
from contextlib import suppress
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any, NamedTuple

from aggregator import Config, Item, Option, Run, StashKey, hookimpl
from aggregator.schema import non_negative, positive
from aggregator.stories import new_story_id
from aggregator.toolkit import minhash, piece_kind, story_days, story_evidence, story_rescue
from aggregator.toolkit.minhash import hash32, narrow, packed, signature, widen
from aggregator.toolkit.rare_words import (
    WORDS,
    ContentWords,
    FoldConflict,
    content_words,
    fold_frequency,
    load_frequency,
    store_added,
)
from aggregator.toolkit.story_evidence import (
    STOPWORDS,
    WORD,
    Weigh,
    capitalised_phrases,
    lead_figures,
    name_words,
    salient_terms,
    text_key,
)
from aggregator.toolkit.story_figures import stated_amounts
from aggregator.toolkit.story_first_item import first_item_fields, first_item_of
from aggregator.toolkit.story_index import (
    FREQUENCY_SLOTS,
    NAME_PERMS,
    Index,
    first_item_signature,
    name_permutations,
    permutations,
)
from aggregator.toolkit.story_initials import body_initials
from aggregator.toolkit.story_keys import (
    KEY_DAYS,
    KEYS,
    KeyRow,
    exact_keys,
    stored_stories,
    story_by_key,
)
from aggregator.toolkit.story_lists import name_items, name_word_hash
from aggregator.toolkit.story_match import RareMeasure, Report, event_gap, longest_gap, outlet_key
from aggregator.toolkit.story_match import similarity as match_similarity
from aggregator.toolkit.story_recaps import lead_days_behind
from aggregator.toolkit.story_rows import (
    INDEX,
    IndexRow,
    Wide,
    interned,
    loaded_report,
    stored_figures,
)
from aggregator.workers import PREPARERS, TRANSIENT

if TYPE_CHECKING:
    import numpy as np

    from aggregator.store import Store
else:
    from aggregator.toolkit.minhash import np

NAME = "cluster_stories"
SHINGLE = 3
"""Words per shingle of the text signature."""
MAX_CANDIDATES = 16
"""Candidates verified per report, most bands first (docs/story_verification.md, "Crowded")."""
MIN_SHARED_BANDS = 1
"""Bands a candidate must share with a report to be verified."""
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
    "rescue_model": Option(
        bool, False, help="a fitted model looks again at candidates the rules refuse"
    ),
}


@dataclass(frozen=True)
class Settings:
    """``[plugins.cluster_stories]``, read once per project."""

    max_gap_days: float = 4.0
    text_threshold: float = 0.5
    match_threshold: float = 0.35
    index_days: int = 60
    rescue_model: bool = False

    @classmethod
    def from_options(cls, options: dict[str, Any]) -> Settings:
        return cls(**{name: options[name] for name in SCHEMA})


@dataclass
class RunState:
    """One run's clustering: its clock, and the index, loaded when first needed and again
    when the store's count of ``rollbacks`` moved (a rolled-back batch is not stored)."""

    now: datetime
    index: Index | None = None
    rollbacks: int = 0


SETTINGS = StashKey[Settings]()
RUN = StashKey[RunState]()

PREPARED = f"{TRANSIENT}{NAME}"
"""Where a worker process leaves an item's signatures (see :func:`prepare`)."""


@hookimpl
def aggregator_configure(config: Config) -> None:
    config.stash[SETTINGS] = Settings.from_options(config.plugin_options(NAME, SCHEMA))
    preparers: dict[str, Callable[[Item], None]] = config.stash.get(PREPARERS, {})
    config.stash[PREPARERS] = {**preparers, NAME: prepare}


class Prepared(NamedTuple):
    """What clustering needs of an item that depends on the item alone."""

    key: str
    """The hash of its normalised text (:func:`text_key`)."""
    report: Report
    placement: Placement
    row: IndexRow
    """Its index row, but for the story it joins and when (see :func:`_stored`)."""


def prepare(item: Item) -> None:
    """In a worker process: what :func:`prepared` gives, a pure function of the cleaned
    item, for :func:`aggregator_cluster` to use as it is."""
    item.extras[PREPARED] = _prepare(item)


def _prepare(item: Item) -> Prepared:
    words = text_words(item)
    report, placement, wide = _built(item, "", words)
    return Prepared(text_key(words), report, placement, _stored(report, placement, wide))


def prepared(item: Item) -> Prepared:
    """What :func:`prepare` left on the item, or the same computed now."""
    found: Prepared | None = item.extras.pop(PREPARED, None)
    if found is None:
        return _prepare(item)
    report = found.report
    report.figures = tuple(map(sys.intern, report.figures))
    report.lead_figures = tuple(map(sys.intern, report.lead_figures))
    report.title = tuple(map(sys.intern, report.title))
    report.outlet = sys.intern(report.outlet)
    report.headline_days = tuple(map(sys.intern, report.headline_days))
    report.headline_places = tuple(map(sys.intern, report.headline_places))
    return found


@hookimpl
def aggregator_run_start(run: Run) -> None:
    run.config.stash[RUN] = RunState(now=run.now)
    run.store.plugin_tables(NAME, INDEX, KEYS, WORDS)


@hookimpl
def aggregator_run_finish(run: Run) -> None:
    state = run.config.stash.get(RUN, None)
    if state is None:
        return
    if state.index is not None:
        run.state["cluster_pairs_examined"] = state.index.pairs_examined
        state.index = None  # its memory is free before the fold reads every stored row
        with suppress(FoldConflict), run.store.transaction():  # another fold took the rows
            fold_frequency(run.store.table(WORDS))
    del run.config.stash[RUN]


def text_words(item: Item) -> list[str]:
    return WORD.findall(item.text.casefold())


class Placement(NamedTuple):
    """The term and name-word signatures, which only place a report in the indexes (it does
    not keep them), and its content words, counted and compared while it is clustered."""

    terms: bytes
    names: bytes
    words: ContentWords = ContentWords(b"", 0)


def build_report(item: Item, story_id: str, body: list[str]) -> tuple[Report, Placement]:
    """The report of ``item`` (``body``: its :func:`text_words`), and its placement."""
    report, placement, _ = _built(item, story_id, body)
    return report, placement


def _built(item: Item, story_id: str, body: list[str]) -> tuple[Report, Placement, Wide]:
    """:func:`build_report`, and what its index row stores."""
    title = WORD.findall(item.title.casefold())
    # The words of f"{title} {text}": casefolding maps each character alone
    # and no word spans the space between them.
    words = title + body
    shingles = (
        list(map(" ".join, zip(*(words[i:] for i in range(SHINGLE)), strict=False)))
        if len(words) >= SHINGLE
        else [" ".join(words)]
    )
    capitalised = capitalised_phrases(item)
    terms = salient_terms(item, capitalised)
    term_hashes = hash32(terms)
    text_a, text_b, term_a, term_b = permutations()
    name_a, name_b = name_permutations()
    # sorted(set()) is np.unique's result at a fraction of its cost on a few dozen values
    words_of_names = name_words(item, capitalised)
    given = set(map(name_word_hash, words_of_names))
    # Its bodies' initials are compared with other reports' names, not banded: a word the
    # report does not give would move its name bands and so its candidates.
    names = sorted(given.union(map(name_word_hash, body_initials(f"{item.title}\n{item.text}"))))
    name_hashes = np.array(names, dtype=np.uint64)
    banded = np.array(sorted(given), dtype=np.uint64)
    items = name_items(item.text, words_of_names)
    text_sig, term_sig, name_sig = minhash.signatures(
        (hash32(shingles), text_a, text_b),
        (term_hashes, term_a, term_b),
        (banded, name_a, name_b),
    )
    figures = interned(story_evidence.figures_of_terms(terms, item.published))
    first = first_item_fields(first_item_of(item.title, item.text, words_of_names), STOPWORDS)
    report = Report(
        item_id=item.id,
        story_id=story_id,
        date=item.published,
        year_inferred=bool(item.extras.get("year_inferred")),
        text_sig=packed(text_sig),
        terms=packed(term_hashes),
        figures=figures,
        title=interned(w for w in title if w not in STOPWORDS),
        names=packed(name_hashes),
        lead_figures=interned(lead_figures(item)),
        outlet=sys.intern(outlet_key(item.outlet, item.source)),
        name_items=np.array([items.get(name, 0) for name in names], dtype=np.uint32).tobytes()
        if items
        else b"",
        headline_days=interned(
            story_days.headline_days(figures, item.title)
            + story_days.particulars_days(item.text)
            + lead_days_behind(item.text, item.published)
        ),
        headline_places=interned(story_days.headline_places(item.title)),
        first_item=first[0],
        first_heading=first[1],
    )
    # Every value is below 2**32: its uint64 bytes are what widen() gives of its uint32 bytes.
    wide = Wide(
        text_sig.tobytes(),
        term_sig.tobytes(),
        np.array(sorted(set(term_hashes.tolist())), dtype=np.uint64).tobytes(),
        name_hashes.tobytes(),
        name_sig.tobytes() if banded.size else b"",
    )
    placement = Placement(
        packed(term_sig),
        packed(name_sig) if banded.size else b"",
        content_words(words),
    )
    return report, placement, wide


def _add(
    index: Index, report: Report, placement: Placement, distinct: np.ndarray | None = None
) -> None:
    """Index ``report`` (``distinct``: its :meth:`Report.distinct_terms`, when known)."""
    report.date = index.shared_date(report.date)
    if report.item_id not in index.reports:
        ordinal = len(index.ordered)
        index.ordered.append(report)
        index.text.add(ordinal, report.text_sig)
        counted = []
        if report.terms:
            index.terms.add(ordinal, placement.terms)
            counted.append(report.distinct_terms() if distinct is None else distinct)
        if first := first_item_signature(report):
            index.first_items.add(ordinal, first)
        if placement.names:
            index.names.add(ordinal, placement.names)
            index.rare_names.file(ordinal, report.names, index.frequency)
            counted.append(np.frombuffer(report.names, dtype=np.uint32))
        index.amounts.add(ordinal, lead_amounts(report.lead_figures))
        if counted:
            # One unbuffered add for terms and names alike; uint32 with intp indices is its
            # fast path (uint32 indices are cast one at a time, at twice the cost).
            slots = (np.concatenate(counted) % FREQUENCY_SLOTS).astype(np.intp)
            np.add.at(index.frequency, slots, np.uint32(1))
        if placement.words.hashes:
            index.words.add(placement.words)
    else:  # indexed again under its id (rare): its ordinal now stands for this report
        old = index.reports[report.item_id]
        index.ordered[next(o for o, kept in enumerate(index.ordered) if kept is old)] = report
    index.reports[report.item_id] = report


def _load(store: Store, now: datetime, index_days: int) -> Index:
    index = Index(words=load_frequency(store.table(WORDS)))
    since = (now - timedelta(days=index_days)).isoformat()
    store.table(INDEX).delete_where(("seen", "<", since))  # never loaded again
    keys_since = (now - timedelta(days=max(KEY_DAYS, index_days))).isoformat()
    keys = store.table(KEYS)
    keys.delete_where(("seen", "<", keys_since), ("seen", "!=", ""))
    # Keys stored before the column existed are stamped now, so that they expire too.
    keys.upsert([row._replace(seen=now.isoformat()) for row in keys.select(("seen", "=", ""))])
    for row in store.table(INDEX).select(("seen", ">=", since)):
        report = loaded_report(row)
        _add(index, report, Placement(narrow(row.term_sig), _name_signature(row, report)))
    return index


def _name_signature(row: IndexRow, report: Report) -> bytes:
    """The stored name signature, or one made again of the name words if of other
    permutations: the bands :func:`_built` made, of the words the report gives.

    ``report.names`` also holds its bodies' initials, which are not banded, so they are not
    the banded words: an empty signature is a report that gave no name word (its names are
    initials alone) and stays empty, and a signature of other permutations is of a row
    stored before initials were kept, whose names are the given words.
    """
    stored = narrow(row.name_sig)
    if len(stored) in (0, 4 * NAME_PERMS) or not report.names:
        return stored
    hashes = np.frombuffer(report.names, dtype=np.uint32).astype(np.uint64)
    return packed(signature(hashes, *name_permutations()))


def _stored(report: Report, placement: Placement, wide: Wide | None = None) -> IndexRow:
    """The report's index row, its story and the time it is indexed left empty: the
    run's process fills them in when the report joins a story. ``wide``: the stored
    forms of its hashes and signatures, when already at hand."""
    if wide is None:
        wide = Wide(
            widen(report.text_sig),
            widen(placement.terms),
            report.distinct_terms().astype(np.uint64).tobytes(),
            widen(report.names),
            widen(placement.names),
        )
    return IndexRow(
        item_id=report.item_id,
        story_id="",
        seen="",
        date=report.date.isoformat() if report.date else None,
        text_sig=wide.text_sig,
        term_sig=wide.term_sig,
        terms=wide.terms,
        figures=stored_figures(report.figures, report.lead_figures),
        title=" ".join(sorted(report.title)),
        year_inferred=int(report.year_inferred),
        names=wide.names,
        name_sig=wide.name_sig,
        outlet=report.outlet,
        name_items=report.name_items,
        rare=report.rare,
        headline_days=" ".join(sorted(report.headline_days)),
        headline_places=" ".join(sorted(report.headline_places)),
        first_item=report.first_item,
        first_heading=" ".join(sorted(report.first_heading)),
    )


def similarity(
    new: Report,
    old: Report,
    index: Index | None = None,
    settings: Settings = Settings(),
    new_sets: tuple[frozenset[int], frozenset[int]] | None = None,
    rare: RareMeasure | None = None,
    weigh: Weigh | None = None,
) -> tuple[float, str]:
    """:func:`aggregator.toolkit.story_match.similarity` with this plugin's settings and
    the index's rarity weights (none without an index; ``weigh``: those, worked out)."""
    return match_similarity(
        new,
        old,
        weigh or (None if index is None else index.weight),
        max_gap_days=settings.max_gap_days,
        text_threshold=settings.text_threshold,
        new_sets=new_sets,
        rare=rare,
    )


@hookimpl
def aggregator_cluster(items: list[Item], store: Store, config: Config) -> None:
    """Give each new item a story; the batch's index rows and keys are saved together."""
    state = config.stash.get(RUN, None)
    if state is None:
        return
    settings = config.stash[SETTINGS]
    if state.index is None or state.rollbacks != store.rollbacks:
        examined = 0 if state.index is None else state.index.pairs_examined
        state.index = None  # the stale copy's memory is free before the load
        state.index = _load(store, state.now, settings.index_days)
        state.index.pairs_examined, state.rollbacks = examined, store.rollbacks
    index = state.index
    stored_keys = store.table(KEYS)
    new_keys: dict[str, str] = {}
    rows: dict[str, IndexRow] = {}
    fresh = [(item, prepared(item)) for item in items if not item.story_id]
    keys_of = [exact_keys(item.link, ready.key) for item, ready in fresh]
    stored = stored_stories(stored_keys, {key for keys in keys_of for key in keys})
    seen = state.now.isoformat()
    for (item, (_, report, placement, row)), keys in zip(fresh, keys_of, strict=True):
        story_id = story_by_key(stored.get, new_keys, keys)
        report.story_id = story_id or ""
        commentary = item.extras.get("commentary") or piece_kind.headline_kind(item.title)
        if not commentary:
            report.rare = index.words.sketch(placement.words)
        if story_id is not None:
            item.extras["cluster"] = "same URL or text as an earlier report"
        elif commentary:
            item.extras["cluster"] = f"commentary ({commentary}): a story of its own"
        else:
            story_id, reason = _best_match(index, report, placement, settings)
            if story_id:
                item.extras["cluster"] = reason
        item.story_id = story_id or new_story_id(item)
        report.story_id = item.story_id
        if not commentary:
            distinct = np.frombuffer(row.terms, dtype=np.uint64).astype(np.uint32)
            _add(index, report, placement, distinct)
            rows[report.item_id] = row._replace(story_id=item.story_id, seen=seen, rare=report.rare)
        for key in keys:
            new_keys.setdefault(key, item.story_id)
    store.table(INDEX).upsert(rows.values())
    stored_keys.insert_new(KeyRow(key, story, seen) for key, story in new_keys.items())
    store_added(store.table(WORDS), index.words)


def candidates(index: Index, report: Report, placement: Placement) -> Counter[int]:
    """The earlier reports ``report`` shares bands with, and how many: one count over the
    text, term and name indexes, its rarest name words and the amounts it leads with, so
    that ordinals are met in that order, as when each query's counts were added in turn."""
    found = index.text.query(report.text_sig)
    if report.terms:
        index.terms.query(placement.terms, found)
    if placement.names:
        index.names.query(placement.names, found)
        index.first_items.query(placement.names, found)
        index.rare_names.ask(report.names, index.frequency, len(index.ordered), found)
    if first := first_item_signature(report):
        index.names.query(first, found)
    return index.amounts.query(lead_amounts(report.lead_figures), found)


@functools.lru_cache(maxsize=256)
def lead_amounts(lead: tuple[str, ...]) -> tuple[int, ...]:
    """:func:`stated_amounts` of a report's lead figures, worked out once for its query and
    its indexing (and once for the many reports that lead with none or the same)."""
    return tuple(stated_amounts(lead))


def _ranked(
    report: Report, index: Index, candidates: Counter[int], settings: Settings
) -> list[int]:
    """Of the candidates not dated further than ``max_gap_days`` from ``report``
    (:func:`event_gap`; undated ones stay), the :data:`MAX_CANDIDATES` sharing the most
    bands (ties in the order met). A stable sort and a filter commute: ranked first, only
    the best-banded of a report's dozens of candidates have their dates tested."""
    near = _near_test(report, index, settings)
    ranked: list[int] = []
    for ordinal, bands in candidates.most_common():  # a stable sort: ties as met
        if bands < MIN_SHARED_BANDS:
            break
        if near(ordinal):
            ranked.append(ordinal)
            if len(ranked) == MAX_CANDIDATES:
                break
    return ranked


def _near_test(report: Report, index: Index, settings: Settings) -> Callable[[int], bool]:
    """Whether the report of an ordinal is not dated further than ``max_gap_days`` from
    ``report`` (undated ones are), their headlines' days ahead counted (:func:`event_gap`).
    The gap of two known years is worked out here, as :func:`date_gap` does, rather than
    in three calls per candidate."""
    date = report.date
    if date is None:
        return lambda ordinal: True
    ordered, days = index.ordered, settings.max_gap_days
    limit = longest_gap(days)
    inferred, ahead = report.year_inferred, bool(report.headline_days)

    def near(ordinal: int) -> bool:
        old = ordered[ordinal]
        if old.date is None:
            return True
        if inferred or old.year_inferred:
            return event_gap(report, old) <= days
        if abs(date - old.date) <= limit:
            return True
        return (ahead or bool(old.headline_days)) and event_gap(report, old) <= days

    return near


def rare_measure(
    index: Index, report: Report, placement: Placement, candidates: Iterable[Report] = ()
) -> RareMeasure:
    """The overlap of rare words of ``report`` (whose sketch is set) with an earlier one
    (``candidates``: those it will be compared with, weighed together)."""
    overlap = index.words.measure(report.rare, placement.words, [old.rare for old in candidates])
    return lambda old: overlap(old.rare)


def _best_match(
    index: Index, report: Report, placement: Placement, settings: Settings
) -> tuple[str | None, str]:
    # Candidates dated beyond max_gap_days can never match: passed over before the
    # best-banded few are taken, so that they do not crowd out the report's real match.
    ranked = _ranked(report, index, candidates(index, report, placement), settings)
    olds = [old for old in map(index.ordered.__getitem__, ranked) if old.item_id != report.item_id]
    best: tuple[float, str | None, str] = (settings.match_threshold, None, "")
    if not olds:
        return best[1], best[2]
    new_sets = (report.term_set(), report.name_set())
    # The rarity weights of the terms and name words of the report and its candidates,
    # and of their rare words, each in one numpy call (the index is as it was).
    weights = index.weight(
        new_sets[0].union(new_sets[1], *(old.term_set() | old.name_set() for old in olds))
    )
    rare = rare_measure(index, report, placement, olds)
    refused: list[tuple[float, Report]] = []
    for old in olds:
        index.pairs_examined += 1
        score, reason = similarity(report, old, index, settings, new_sets, rare, lambda _: weights)
        if score >= best[0]:
            best = (score, old.story_id, f"joined {old.item_id}: {reason}")
        refused.append((score, old))
    if best[1] is None and settings.rescue_model:
        found = story_rescue.second_look(report, refused, lambda _: weights, new_sets, rare)
        if found:
            return found
    return best[1], best[2]
