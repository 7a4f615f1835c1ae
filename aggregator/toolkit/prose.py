"""Sentences of hard-wrapped text: lines broken at a width, as PDFs, print scans and e-mail
break them, joined back into the sentences they cut.

A reader that takes every line break for the end of a sentence reads "The state signed a
memorandum with" and "a company of the other country" as two statements, so a dealing
stated across a wrap is never seen. :func:`unwrap` joins a line to the next one when the
line does not end a sentence and the break is a wrap: the next line starts in lower case
("…the foun-" / "dation stone…"), or the text is wrapped at a width and the line is about
that wide. A short line without a full stop (a heading, a label, a byline) stays a line of
its own, and so does a list item.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator, Sequence

MAX_WRAP_WIDTH = 130
"""Widest line that text wrapped at a width has: beyond it, lines are paragraphs."""
MIN_WRAP_WIDTH = 24
"""Narrowest wrap width: a print column; narrower lines are labels and menus."""
FULL_LINE_SHARE = 0.75
"""Length, as a share of the wrap width, from which a line reaches the wrap."""
MIN_FULL_LINES = 3
"""Lines that must reach the wrap width without ending a sentence for a text to be wrapped."""
WIDTH_PERCENTILE = 0.9
"""Which line length, from the shortest, is taken for the width the text is wrapped at."""

_SENTENCE_END_MARKS = frozenset('.!?:;…"”’)]|')
_HYPHENATED = re.compile(r"[^\W\d_]-$")
_LIST_ITEM = re.compile(r"^(?:[-–—•*·▪►›»■]\s|\(?[0-9]{1,3}[.)]\s|\([a-z]{1,4}\)\s|[a-z][.)]\s)")
_STARTS_LOWER = re.compile(r"^[a-z]")
_LOWER_AFTER_BREAK = re.compile(r"\n[ \t]*\n?[ \t]*[a-z]")


def wrap_width(lines: list[str]) -> int | None:
    """The width the lines are wrapped at, or None when they are not wrapped at a width."""
    lengths = sorted(map(len, filter(None, lines)))
    if len(lengths) < MIN_FULL_LINES:
        return None
    width = lengths[min(len(lengths) - 1, int(WIDTH_PERCENTILE * len(lengths)))]
    if not MIN_WRAP_WIDTH <= width <= MAX_WRAP_WIDTH:
        return None
    reach = FULL_LINE_SHARE * width
    full = sum(1 for line in lines if len(line) >= reach and not _ends(line))
    return width if full >= MIN_FULL_LINES else None


def _ends(line: str) -> bool:
    """Whether the line ends a sentence: its last character, or the one before a final
    newline, is an end mark (what ``[…]$`` would find, without a regular expression)."""
    last = line[-1:]
    if last == "\n":
        last = line[-2:-1]
    return last in _SENTENCE_END_MARKS


def continues(line: str, following: str, width: int | None) -> bool:
    """Whether the break between two lines is a wrap inside one sentence."""
    if _ends(line) or _LIST_ITEM.match(following):
        return False
    if _STARTS_LOWER.match(following):
        return len(line.split()) >= 2
    return width is not None and len(line) >= FULL_LINE_SHARE * width


def _joined(text: str, line: str) -> str:
    """``text`` run on into the ``line`` that wraps it: by nothing inside a word hyphenated
    at the end of a line, else by a space. The hyphen is looked for in the last three
    characters only (a match ends at the end, or before a final line break): searched from
    the start, a paragraph joined line by line was read again at every line."""
    if _HYPHENATED.search(text, max(0, len(text) - 3)) and _STARTS_LOWER.match(line):
        return text[:-1] + line
    return f"{text} {line}"


@functools.lru_cache(maxsize=8)
def unwrap(text: str) -> str:
    """The text with the line breaks that wrap a sentence joined (by a space, or by nothing
    inside a word hyphenated at the end of a line); one blank line between wrapped lines,
    as some conversions leave, is taken for a wrap too.

    Remembered for the last few texts: the topic tagger and the relevance judge both
    read an item's text unwrapped."""
    rows = text.split("\n")
    stripped = [row.strip() for row in rows]
    width = wrap_width(stripped)
    if width is None and not _LOWER_AFTER_BREAK.search(text):
        return text
    out: list[str] = []
    index = 0
    while index < len(rows):
        current = rows[index].rstrip()
        line = stripped[index]
        following = index + 1
        if following < len(rows) and not stripped[following]:
            following += 1
        while (
            line
            and following < len(rows)
            and stripped[following]
            and continues(line, stripped[following], width)
        ):
            nxt = stripped[following]
            current = _joined(current, nxt)
            line = nxt
            index = following
            following = index + 1
            if following < len(rows) and not stripped[following]:
                following += 1
        out.append(current)
        index += 1
    return "\n".join(out)


def joined_paragraphs(lines: Sequence[tuple[int, str]]) -> list[tuple[int, str]]:
    """Numbered lines with those that wrap one sentence joined (as :func:`unwrap` joins
    them), each under the number of its first line."""
    return list(iter_joined_paragraphs(lines))


def iter_joined_paragraphs(lines: Sequence[tuple[int, str]]) -> Iterator[tuple[int, str]]:
    """:func:`joined_paragraphs` one at a time, each once the line after it is read: a
    reader that wants the first paragraph of prose joins no more of the text than that."""
    width = wrap_width([line for _, line in lines])
    paragraph: tuple[int, str] | None = None
    previous = ""
    for number, line in lines:
        if paragraph is not None and previous and continues(previous, line, width):
            paragraph = (paragraph[0], _joined(paragraph[1], line))
        else:
            if paragraph is not None:
                yield paragraph
            paragraph = (number, line)
        previous = line
    if paragraph is not None:
        yield paragraph
