"""The cleaner's work on a long page grows with the page, not its square.

Invented pages: thousands of headings every report of a river-port desk repeats, each
over a short sentence of its own; a ferry board's table of thousands of rows of figures.
Whether a heading or a row stands inside the article is asked of the lines around it (is
a line a paragraph, is it prose, what shape of row is it); what is learned of the page
once is kept.
"""

from __future__ import annotations

import pytest
from boilerplate_support import learned

from aggregator.toolkit import boilerplate_article_context as context
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


def row_shapes(rows: int, monkeypatch: pytest.MonkeyPatch) -> int:
    """How many times the shape of a row is asked while cleaning a table of ``rows`` rows
    between a lead-in and a paragraph."""
    paragraph = "The ferry board published its quarterly figures on Monday, and fares rose."
    table = [f"Route {route} (north): 12,400, +3.1%" for route in range(rows)]
    calls = 0
    row_shape = context.row_shape

    def counted(line: str) -> tuple[str, int] | None:
        nonlocal calls
        calls += 1
        return row_shape(line)

    monkeypatch.setattr(context, "row_shape", counted)
    _, removed = Cleaner(Settings(), None).clean(
        "\n\n".join([paragraph, "Trips by crossing:", *table, paragraph])
    )
    monkeypatch.undo()
    assert removed == []
    return calls


def test_the_rows_asked_of_a_long_table_grow_linearly(monkeypatch: pytest.MonkeyPatch) -> None:
    small = row_shapes(250, monkeypatch)
    large = row_shapes(1000, monkeypatch)
    assert large <= 4.5 * small
