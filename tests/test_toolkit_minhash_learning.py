"""The toolkit's MinHash index and boilerplate learning, used alone."""

from __future__ import annotations

import re

import numpy as np

from aggregator.toolkit.boilerplate_learning import Learner, Settings, SourceStats
from aggregator.toolkit.lines import words_key
from aggregator.toolkit.minhash import CROWDED_BUCKET, BandIndex, hash32, jaccard, packed


def _sig(values: list[int]) -> bytes:
    return packed(np.array(values, dtype=np.uint64))


def test_band_index_finds_reports_sharing_a_band() -> None:
    index = BandIndex(bands=4)
    index.add(0, _sig([1, 2, 3, 4, 5, 6, 7, 8]))
    index.add(1, _sig([9, 9, 9, 9, 9, 9, 9, 9]))
    assert index.query(_sig([1, 2, 0, 0, 0, 0, 7, 8])) == {0: 2}
    assert index.query(_sig([0, 0, 0, 0, 0, 0, 0, 0])) == {}


def test_band_index_passes_over_crowded_buckets() -> None:
    index = BandIndex(bands=2)
    for ordinal in range(CROWDED_BUCKET + 1):
        index.add(ordinal, _sig([7, ordinal]))
    found = index.query(_sig([7, 3]))
    assert found == {3: 1}  # the shared first band says nothing; the second finds one


def test_hashes_and_overlap() -> None:
    assert hash32(["a", "b"]).tolist() == hash32(["a", "b"]).tolist()
    assert jaccard({1, 2, 3}, {2, 3, 4}) == 0.5
    assert jaccard(set(), {1}) == 0.0


def test_learner_counts_a_line_once_per_distinct_document() -> None:
    learner = Learner(Settings())
    for number in range(3):
        body = f"Talks on the corridor, round {number}, went on late into the night in Tokyo"
        learner.observe_lines("ledger", ["The Tokyo Ledger", body])
    learner.observe_lines(
        "ledger",
        [
            "The Tokyo Ledger",
            "Talks on the corridor, round 2, went on late into the night in Tokyo",
        ],
    )
    assert learner.stats("ledger").count("the tokyo ledger") == 3


def test_learner_starts_a_source_from_what_load_returns() -> None:
    remembered = SourceStats("ledger", documents=5)
    learner = Learner(Settings(), load=lambda source: remembered)
    assert learner.stats("ledger") is remembered


def test_words_key_of_an_ascii_line_is_the_words_a_pattern_finds() -> None:
    every_ascii = "".join(map(chr, range(128)))
    for line in (every_ascii, every_ascii[::-1], "Hello, World_2 -- it's 10:30!", "  ", "x"):
        assert words_key(line) == " ".join(re.findall(r"\w+", line.casefold()))
    assert words_key("Ça va, ÉTÉ 2026") == "ça va été 2026"
