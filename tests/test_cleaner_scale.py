"""The cleaner's work on a long page of learned headings grows with the page, not its square.

An invented page of a river-port desk: thousands of headings every report of the desk
repeats, each over a short sentence of its own. Whether each heading stands inside the
article is asked of the lines around it (is a line a paragraph, is it prose); what is
learned of the page once is kept.
"""

from __future__ import annotations

import pytest
from boilerplate_support import learned

from aggregator.toolkit import lines as linetext
from aggregator.toolkit.boilerplate_cleaner import Cleaner
from aggregator.toolkit.boilerplate_learning import Settings

HEADINGS = ("The ruling", "In the diary", "Next steps", "What we found")
SENTENCES = ("The board met again.", "Fares rose.", "Nobody objected.", "Work starts soon.")


def line_tests(pairs: int, monkeypatch: pytest.MonkeyPatch) -> int:
    """How many lines the cleaner measures or asks to be prose while cleaning ``pairs``
    heading/sentence pairs."""
    stats = learned(*HEADINGS, documents=4)
    lines = [
        line
        for pair in range(pairs)
        for line in (HEADINGS[pair % len(HEADINGS)], SENTENCES[pair % len(SENTENCES)])
    ]
    calls = 0
    is_prose = Cleaner._is_prose
    word_count = linetext.word_count

    def counted_prose(cleaner: Cleaner, lines: list[str], index: int, least: int) -> bool:
        nonlocal calls
        calls += 1
        return is_prose(cleaner, lines, index, least)

    def counted_words(line: str) -> int:
        nonlocal calls
        calls += 1
        return word_count(line)

    monkeypatch.setattr(Cleaner, "_is_prose", counted_prose)
    monkeypatch.setattr(linetext, "word_count", counted_words)
    Cleaner(Settings(), stats).clean("\n\n".join(lines))
    monkeypatch.undo()
    return calls


def test_the_lines_asked_of_a_page_of_learned_headings_grow_linearly(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    small = line_tests(500, monkeypatch)
    large = line_tests(2000, monkeypatch)
    assert large <= 4.5 * small  # four times the page; its square would be sixteen
