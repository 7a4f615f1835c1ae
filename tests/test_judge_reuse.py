"""What the relevance judge keeps or cuts short to read an item once: each shortcut must
answer as the long way does (lead_dealings.head_lines, side_actors.actors_and_seats'
last answer)."""

from __future__ import annotations

import itertools

from relevance_support import shipped

from aggregator.plugins import judge_relevance
from aggregator.toolkit.lead_dealings import head_lines
from aggregator.toolkit.side_actors import actors_and_seats


def test_head_lines_are_the_stripped_texts_first_lines() -> None:
    pieces = ["", " ", "\n", "\t", "\u00a0", "\u2028", "\r\n", "\x85", "Embassy of Japan", "x"]
    for count in (1, 2, 3, 4):
        for parts in itertools.product(pieces, repeat=4):
            text = "".join(parts)
            assert head_lines(text, count) == text.lstrip().split("\n", count)[:count]


def test_actors_asked_again_are_new_lists_with_the_same_answer() -> None:
    settings = shipped().config.stash[judge_relevance.SETTINGS]
    assert settings is not None
    text = "The Embassy of India in Tokyo and Japan signed a deal with India on Monday."
    first, seats = actors_and_seats(text, settings)
    expected = (list(first), list(seats))
    first.clear()  # the judge extends the list it is given
    seats.append(first)  # type: ignore[arg-type]
    assert actors_and_seats(text, settings) == expected
    other = text[:1] + text[1:]  # the same words in another string: read again, same answer
    assert other is not text
    assert actors_and_seats(other, settings) == expected
    assert actors_and_seats(text, settings) == expected
    assert [match.term.label for match in expected[0]] == ["India", "Japan", "India"]
