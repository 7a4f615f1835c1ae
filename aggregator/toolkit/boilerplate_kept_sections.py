"""Learned lines given back once a text is cleaned: those that stand inside the article.

A section heading every document of a kind carries ("The verdict", "ON THE CALENDAR",
"[Future plans]") is counted by the learner like a masthead and removed as one. While a
text is cleaned line by line, what will stand around such a heading is not known yet;
once every rule and count has had its say, it is. A masthead or a page's label stands
among other furniture; a section of the article stands among the article's own lines. So
a learned heading is given back when the line right above it was kept, two lines of the
article's prose stand above it (not a byline's one, nor a one-paragraph notice's), and
the line right below it was kept and opens a section's text: prose, or a paragraph that
closes a sentence ("False."), not a list of links, tags or fields (titles, outlets,
dates, "Deadline: 30 June", no full stop), which a related-links or tag heading stands
over. A label of two words or more and its colon ("Pool notes:") heads a section as a
heading does; a word and its colon ("Transmission:") labels a field.

Asked after the closing lines are taken (see
:meth:`~aggregator.toolkit.boilerplate_cleaner.Cleaner.clean`): a standing calendar or
glossary at the foot ("Upcoming dates" over its entries) has gone with its entries by
then, and a heading over nothing kept is not given back. A heading over the article's
first lines (a summary box's "Key points") has no prose above it and still goes.

A wrapped sentence's last words can repeat too: a line of a year alone ("2027.") is keyed
like a page's number. A short line that closes the sentence the kept line above it leaves
open is given back as well.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable

from .boilerplate_sections import is_heading
from .lines import PROSE_END, word_count

LEARNED = "learned:"
"""How the rule that removes a line for repeating in a source's documents is named."""
PARAGRAPH_WORDS = 10
"""The least a line of the article's prose above a section's heading holds."""
PROSE_ABOVE = 2
"""Lines of the article's prose above a section's heading: more than a byline's note or a
one-paragraph notice over its standing feature."""
SECTION_WORDS = 6
"""The least a line of prose under a heading holds, and a wrapped line of a paragraph."""
PARAGRAPH_LINES = 12
"""The most lines a paragraph under a heading is followed through to its first full stop."""

ProseTest = Callable[[int, int], bool]
"""Whether ``lines[index]`` is the article's prose of ``least`` words or more."""


def kept_sections(lines: list[str], removed: dict[int, str], is_prose: ProseTest) -> list[int]:
    """Give back the learned headings in ``removed`` that stand inside the article, from the
    last up (a heading given back is kept text for the one above it); their indexes."""
    written = [index for index, line in enumerate(lines) if line]
    prose_before: list[int] | None = None
    given: list[int] = []
    for position in range(len(written) - 1, 0, -1):
        index = written[position]
        if not removed.get(index, "").startswith(LEARNED) or not _is_section_heading(lines[index]):
            continue
        if written[position - 1] in removed:
            continue
        if not _opens_section(lines, written, position + 1, removed, is_prose):
            continue
        if prose_before is None:
            prose_before = _prose_counts(written, removed, is_prose)
        if prose_before[position] >= PROSE_ABOVE:
            given.append(index)
            del removed[index]
    return given


def _is_section_heading(line: str) -> bool:
    """A heading, or a label of two words or more that leads into its section with a colon
    ("Pool notes:", "Models affected:"); a single word and its colon ("Transmission:")
    labels a field."""
    if line.endswith(":") and " " in line:
        return is_heading(line[:-1])
    return is_heading(line)


def _prose_counts(written: list[int], removed: dict[int, str], is_prose: ProseTest) -> list[int]:
    """How many kept lines of the article's prose stand before each written line, counted
    once: a heading given back lies below every heading still to be asked about, so what
    stands above those does not change while they are."""
    counts = [0]
    for index in written:
        kept_prose = index not in removed and is_prose(index, PARAGRAPH_WORDS)
        counts.append(counts[-1] + kept_prose)
    return counts


def _opens_section(
    lines: list[str], written: list[int], start: int, removed: dict[int, str], is_prose: ProseTest
) -> bool:
    """Whether the written lines from position ``start`` on (those after a heading) begin
    with kept text a section opens with: prose, or a paragraph that closes a sentence
    ("False.", "12 March: Joint Committee, Delhi.", a sentence wrapped over long lines)."""
    if start >= len(written) or written[start] in removed:
        return False
    if is_prose(written[start], SECTION_WORDS):
        return True
    for index in itertools.islice(written, start, start + PARAGRAPH_LINES):
        if index in removed:
            return False
        if PROSE_END.search(lines[index]) is not None:
            return True
        if word_count(lines[index]) < SECTION_WORDS:
            return False  # a short line that closes nothing: a tag, a date, a field
    return False


def sentence_tails(lines: list[str], removed: dict[int, str]) -> list[int]:
    """Give back the short lines removed for repeating that close a sentence the kept line
    above them leaves open ("… on a prototype cell in" / "2027."); their indexes."""
    written = [index for index, line in enumerate(lines) if line]
    given: list[int] = []
    for above, index in itertools.pairwise(written):
        if not removed.get(index, "").startswith(LEARNED) or above in removed:
            continue
        open_line = lines[above]
        if not open_line[-1:].isalpha() or word_count(open_line) < SECTION_WORDS:
            continue
        if PROSE_END.search(lines[index]) is not None and word_count(lines[index]) < SECTION_WORDS:
            given.append(index)
            del removed[index]
    return given
