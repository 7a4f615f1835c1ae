"""The word model's scoring adds an article's word rows as packed integers (topics-words)."""

from __future__ import annotations

import math

import numpy as np
import pytest

from aggregator.toolkit.topic_words import SHIPPED, TopicWords, _packed_rows


def test_the_words_are_summed_exactly_whatever_their_order() -> None:
    """The tagger adds the words' rows as packed integers: the sums are the rows' float
    sums to well within a millionth, and the same to the bit in any order (no sort)."""
    model = TopicWords.load(SHIPPED)
    rows_table = model.word_rows()
    rng = np.random.default_rng(7)
    for _ in range(20):
        rows = rng.choice(len(rows_table), size=int(rng.integers(1, 400)), replace=False).tolist()
        sums, norm = model._word_sums(set(rows))
        floats = rows_table[rows].sum(axis=0)
        assert np.allclose(sums, floats[:-1], rtol=0, atol=1e-6)
        assert norm == pytest.approx(math.sqrt(floats[-1]), abs=1e-9)
        assert model._word_sums(set(reversed(rows))) == (sums, norm)


def test_weights_too_large_for_the_packed_sums_get_a_coarser_scale() -> None:
    rows = np.array([[3.0e6, -1.0e-3, 2.0], [-4.0, 5.0e-4, 0.5]])
    packed, scale = _packed_rows(rows)
    assert scale < 2.0**32 and 3.0e6 * scale < 2.0**39
    total = sum(packed)
    fields = [((total >> (64 * i)) & ((1 << 64) - 1)) - (len(packed) << 40) for i in range(3)]
    expected = [3.0e6 - 4.0, -5.0e-4, 2.5]
    assert [value / scale for value in fields] == pytest.approx(expected, abs=1e-5)
