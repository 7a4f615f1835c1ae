"""What the story index keeps per report stays small without changing what it finds: equal
dates share one object, an unpickled report's outlet is interned, and the band index's
waiting entries answer as merged ones (what a change to how they wait must keep), a band
index of one-value bands keeps 4-byte keys, and the word counts keep no second table to
tell a batch's additions."""

from __future__ import annotations

import pickle
import sys
from datetime import UTC, datetime, timedelta, timezone

import numpy as np
import story_support

from aggregator import Item
from aggregator.plugins.cluster_stories import PREPARED, Index, _add, prepare, prepared
from aggregator.toolkit.minhash import MAX_HASH, BandIndex
from aggregator.toolkit.rare_words import SLOT_MASK, WORD_SLOTS, ContentWords, WordFrequency

TEXT = (
    "The city council approved a new bus depot on Tuesday after a long debate. "
    "Residents had asked for quieter streets, and the depot will open next spring "
    "with forty electric buses serving the northern suburbs."
)


def test_equal_dates_share_one_object_and_other_offsets_keep_theirs() -> None:
    index = Index()
    nine = datetime(2026, 3, 2, 9, tzinfo=UTC)
    first = story_support.placed("Council approves bus depot", TEXT, "a", nine)
    again = story_support.placed("Bus depot approved", TEXT, "b", nine.replace())
    tokyo = datetime(2026, 3, 2, 18, tzinfo=timezone(timedelta(hours=9)))
    elsewhere = story_support.placed("Depot approved", TEXT, "c", tokyo)
    assert first[0].date is not again[0].date
    for report, placement in (first, again, elsewhere):
        _add(index, report, placement)
    assert again[0].date is first[0].date
    # the same instant at another offset is not the same fields: it keeps its own
    assert elsewhere[0].date == first[0].date
    assert elsewhere[0].date is not first[0].date
    assert elsewhere[0].date.utcoffset() == timedelta(hours=9)


def test_undated_report_stays_undated() -> None:
    index = Index()
    report, placement = story_support.placed("Council approves bus depot", TEXT, "a", None)
    _add(index, report, placement)
    assert report.date is None
    assert index.reports["a"] is report


def test_a_report_sent_back_by_a_worker_has_its_outlet_interned() -> None:
    item = Item(
        id="x1",
        source="city",
        uri="x1",
        title="Council approves bus depot",
        text=TEXT,
        published=datetime(2026, 3, 2, tzinfo=UTC),
        outlet="The Northern " + "Courier",
    )
    prepare(item)
    sent = pickle.loads(pickle.dumps(item))  # as a worker's result arrives
    expected = sent.extras[PREPARED].report.outlet
    ready = prepared(sent)
    assert ready.report.outlet == expected
    assert ready.report.outlet is sys.intern("the northern courier")


def test_band_index_finds_the_same_candidates_before_and_after_a_merge() -> None:
    waiting, merged = BandIndex(4), BandIndex(4)
    signatures = [bytes([n % 3, 1, n % 5, 2] * 4) for n in range(40)]
    for ordinal, signature in enumerate(signatures):
        waiting.add(ordinal, signature)
        merged.add(ordinal, signature)
    merged._merge()
    for signature in signatures:
        assert waiting.query(signature) == merged.query(signature)
        assert list(waiting.query(signature)) == list(merged.query(signature))


def test_one_value_bands_keep_four_byte_keys_and_find_the_same_candidates() -> None:
    waiting, merged = BandIndex(4), BandIndex(4)
    # the last band of some is the value an empty set's signature is filled with
    values = [[n % 3, 7, n % 5, MAX_HASH if n % 4 else n] for n in range(40)]
    signatures = [np.array(v, dtype=np.uint32).tobytes() for v in values]
    for ordinal, signature in enumerate(signatures):
        waiting.add(ordinal, signature)
        merged.add(ordinal, signature)
    merged._merge()
    assert merged._keys.itemsize == 4
    for signature in signatures:
        assert list(waiting.query(signature).items()) == list(merged.query(signature).items())


def stored_row(row_counts: bytes) -> dict[int, int]:
    import zlib

    data = np.frombuffer(zlib.decompress(row_counts), dtype=np.uint32)
    half = data.size // 2
    return dict(zip(data[:half].tolist(), data[half:].tolist(), strict=True))


def test_a_batch_row_counts_each_report_once_a_slot_without_a_second_table() -> None:
    frequency = WordFrequency()
    shared = 5 + WORD_SLOTS  # the slot of 5: two words of one report in one slot
    frequency.add(ContentWords(np.array([5, shared, 9], dtype=np.uint32).tobytes(), 0))
    frequency.add(ContentWords(np.array([9], dtype=np.uint32).tobytes(), 0))
    first = frequency.added("first")
    assert first is not None and first.reports == 2
    assert stored_row(first.counts) == {5: 1, 9: 2}
    frequency.add(ContentWords(np.array([9 + 3 * WORD_SLOTS, 11], dtype=np.uint32).tobytes(), 1))
    second = frequency.added("second")
    assert second is not None and second.reports == 1
    assert stored_row(second.counts) == {9 & SLOT_MASK: 1, 11: 1}
    assert frequency.added("nothing new") is None
    assert frequency.counts[9] == 3
    tables = [v for v in vars(frequency).values() if isinstance(v, np.ndarray)]
    assert sum(table.nbytes for table in tables) == frequency.counts.nbytes


def test_a_batch_row_counts_as_the_table_grew_in_batches_of_any_size() -> None:
    rng = np.random.default_rng(7)
    for reports in (1, 3, 5000):  # 5,000 reports' keys no longer fit 32 bits
        frequency = WordFrequency()
        before = frequency.counts.copy()
        for _ in range(reports):
            hashes = rng.integers(0, 40, rng.integers(0, 6), dtype=np.uint32) * WORD_SLOTS // 8
            frequency.add(ContentWords(np.unique(hashes).tobytes(), 0))
        row = frequency.added("batch")
        assert row is not None and row.reports == reports
        grown = frequency.counts - before
        assert stored_row(row.counts) == {
            slot: int(grown[slot]) for slot in np.flatnonzero(grown).tolist()
        }
