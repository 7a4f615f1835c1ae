"""Stories: the rarest words of two reports' names find the pair as a candidate when
their MinHash bands do not meet (aggregator/toolkit/story_rare_names.py)."""

from __future__ import annotations

from collections import Counter
from datetime import UTC, datetime, timedelta

import numpy as np
from story_support import placed

from aggregator.plugins.cluster_stories import Index, Settings, _add, _best_match, candidates
from aggregator.toolkit.story_rare_names import (
    CROWDED_RARE,
    MERGE_EVERY,
    MIN_SHARED_RARE,
    RARE_KEYS,
    RareNameIndex,
    rarest_both,
)

DAY = datetime(2026, 3, 16, 9, tzinfo=UTC)

COMMON = (
    "Officials of India and Japan, the Ministry of External Affairs in New Delhi, the"
    " Embassy of Japan and the Japan External Trade Organization in Tokyo attended."
)


def filler(n: int) -> tuple[str, str]:
    return (
        f"Trade desk note number {n}",
        f"{COMMON}\n\nThe note lists shipping schedules for the week and the harbour dues"
        f" that apply to cargo of every size, item {n}.",
    )


ORDER = (
    "Competition regulator clears Hoshino purchase of Tamura Karawang unit",
    f"The Competition Commission of India approved the acquisition by Hoshino Kogyo of"
    f" the Karawang plant of Tamura Electric, its order dated Monday said. {COMMON}\n\n"
    "The plant makes transformer cores for Bajaj Auto, Sundaram Clayton and Lucas TVS.",
)
REPORT = (
    "Japanese parts maker buys West Java factory",
    f"Hoshino, the Nagoya maker of motor parts, is buying the Tamura factory at Karawang"
    f" in West Java, Bisnis Indonesia reported, quoting Suryadi Wibowo of the Cikarang"
    f" estate. {COMMON}\n\nPT Astra Otoparts and Gajah Tunggal buy from the plant.",
)


def busy_index() -> Index:
    index = Index()
    for n in range(30):
        report, placement = placed(*filler(n), f"filler-{n}", DAY - timedelta(days=1))
        report.story_id = f"filler-story-{n}"
        _add(index, report, placement)
    return index


def test_the_rarest_name_words_are_keys() -> None:
    names = np.array([5, 9, 2, 7, 1, 3, 8, 6, 4, 10], dtype=np.uint32)
    counts = np.array([0, 4, 1, 9, 9, 2, 0, 3, 5, 6])
    seen, every = rarest_both(names, counts)
    assert sorted(every) == [2, 3, 4, 5, 6, 8, 9, 10]
    assert len(every) == RARE_KEYS
    assert sorted(seen) == [1, 2, 3, 4, 6, 7, 9, 10]


def test_two_rare_names_in_common_make_a_candidate_and_one_does_not() -> None:
    index = RareNameIndex()
    index.add(0, [11, 12, 13])
    index.add(1, [11, 14, 15])
    assert index.query([11, 12, 99], Counter()) == Counter({0: MIN_SHARED_RARE})
    assert index.query([14, 13], Counter()) == Counter()


def test_a_candidate_of_the_bands_keeps_their_count() -> None:
    index = RareNameIndex()
    index.add(0, [11, 12])
    index.add(1, [11, 12])
    assert index.query([11, 12], Counter({0: 1})) == Counter({0: 1, 1: 2})


def test_a_rare_name_many_reports_carry_finds_none_of_them() -> None:
    index = RareNameIndex()
    for ordinal in range(CROWDED_RARE + 1):
        index.add(ordinal, [21, 22])
    assert index.query([21, 22], Counter()) == Counter()


def test_reworded_reports_sharing_rare_names_are_candidates_and_join() -> None:
    """A regulator's order and a foreign daily's report of one purchase share only the
    feed's crowded names and the buyer's, the seller's and the town's: their name bands
    meet in no bucket the index reads, their rare name words do."""
    index = busy_index()
    order = placed(*ORDER, "order", DAY)
    _add(index, *order)
    report, placement = placed(*REPORT, "report", DAY + timedelta(days=1))
    by_bands = index.text.query(report.text_sig)
    index.terms.query(placement.terms, by_bands)
    index.names.query(placement.names, by_bands)
    ordinal = len(index.ordered) - 1
    assert ordinal not in by_bands
    assert candidates(index, report, placement)[ordinal] >= MIN_SHARED_RARE
    story, reason = _best_match(index, report, placement, Settings())
    assert story == order[0].story_id and reason.startswith("joined order")


AWARD = (
    "Hoshino Karawang plant named safest factory in West Java",
    f"The Karawang factory of Hoshino Kogyo received the provincial safety award for a"
    f" third year, the West Java manpower office said. {COMMON}\n\nThe plant has had no"
    " lost-time injury since it opened, its manager Suryadi Wibowo said.",
)
RECALL = (
    "Hoshino recalls starter motors made in Karawang",
    f"Hoshino Kogyo is recalling starter motors built at its Karawang plant after"
    f" complaints from Astra Otoparts of overheating, the Nagoya company said. {COMMON}"
    "\n\nDealers will replace the motors free of charge from next month.",
)


def test_two_events_of_one_plant_in_one_week_stay_apart() -> None:
    """A factory's safety award and, three days on, a recall of parts it made: the same
    company, town and manager, found by their rare names, and two stories."""
    index = busy_index()
    award = placed(*AWARD, "award", DAY)
    _add(index, *award)
    report, placement = placed(*RECALL, "recall", DAY + timedelta(days=3))
    assert candidates(index, report, placement)[len(index.ordered) - 1] >= MIN_SHARED_RARE
    story, reason = _best_match(index, report, placement, Settings())
    assert story != award[0].story_id, reason


def test_words_merged_into_the_arrays_and_waiting_are_found_alike() -> None:
    """Four words a report, past :data:`MERGE_EVERY` entries: the first reports are
    searched in the sorted arrays, the last in the dict."""
    index = RareNameIndex()
    reports = MERGE_EVERY // 4 + 10
    for ordinal in range(reports):
        index.add(ordinal, [ordinal % 500, 1000 + ordinal % 700, 5000 + ordinal, 9000])
    last = reports - 1
    assert index.query([3, 1003], Counter()) == Counter({3: 2})
    assert index.query([last % 500, 1000 + last % 700], Counter()) == Counter({last: 2})
    assert index.query([7, 5000 + last], Counter()) == Counter()
    assert index.query([last % 500, 5000 + last, 99_999], Counter()) == Counter({last: 2})
    assert index.query([9000, 5000], Counter()) == Counter()


def rarest(names: np.ndarray, counts: np.ndarray, *, seen: bool) -> list[int]:
    """What rarest_both gives, one list at a time, the plain way: filter, then sort."""
    if seen:
        keep = counts > 0
        names, counts = names[keep], counts[keep]
    if len(names) <= RARE_KEYS:
        return sorted(names.tolist())
    keys: list[int] = names[np.lexsort((names, counts))[:RARE_KEYS]].tolist()
    return keys


def test_rarest_both_is_rarest_seen_and_all() -> None:
    """One sort gives what two calls of rarest give, in their order: few and many words,
    none, some and all of them unseen, ties of counts and repeated words."""
    rng = np.random.default_rng(7)
    for _ in range(2000):
        size = int(rng.integers(0, 24))
        names = rng.integers(0, 40, size).astype(np.uint32)
        counts = rng.integers(0, 4, size).astype(np.uint32) * rng.integers(0, 2)
        expected = (rarest(names, counts, seen=True), rarest(names, counts, seen=False))
        assert rarest_both(names, counts) == expected
