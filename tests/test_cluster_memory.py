"""What the story index keeps per report stays small without changing what it finds: equal
dates share one object, an unpickled report's outlet is interned, and the band index's
waiting entries answer as merged ones (what a change to how they wait must keep)."""

from __future__ import annotations

import pickle
import sys
from datetime import UTC, datetime, timedelta, timezone

import story_support

from aggregator import Item
from aggregator.plugins.cluster_stories import PREPARED, Index, _add, prepare, prepared
from aggregator.toolkit.minhash import BandIndex

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
