"""How many words of article prose a text has: what is left of an article once short lines
(labels, menus, bylines, buttons) are set aside. The relevance judge drops an item with
too few (``plugins/judge_relevance.py``, ``MIN_BODY_WORDS``)."""

from __future__ import annotations

import re
from bisect import bisect_left

from aggregator.toolkit.dealings import PROSE_LINE_WORDS
from aggregator.toolkit.terms import tokenize

LINE_BREAK = re.compile("[\n\r\x0b\x0c\x1c-\x1e\x85\u2028\u2029]")
"""What ``str.splitlines`` breaks lines at ("\\r\\n" breaks twice, around an empty line)."""
_ASCII_WORD_LINES = bytes(
    byte if chr(byte).isalnum() else 10 if LINE_BREAK.match(chr(byte)) else 32
    for byte in range(128)
).ljust(256, b" ")
"""For an ASCII text: a word's characters (``[0-9A-Za-z]``, the tokens' own) kept, every
line break made ``\\n`` and everything else a space; a line's words are then what
``bytes.split`` makes of it, all in C."""


def body_words(text: str) -> int:
    """Words of the text's prose lines: what is left of an article once short lines (labels,
    menus, bylines, buttons) are set aside.

    The words are the text's tokens (``WORD_RUN`` is the tokens' pattern, and the judge
    tokenises the text anyway); no word holds a line break, so a line's words are those
    that start between its breaks, counted by bisection instead of a scan of each line;
    in an ASCII text, by splitting its lines with ``_ASCII_WORD_LINES``."""
    if text.isascii():
        lines = text.encode("ascii").translate(_ASCII_WORD_LINES).split(b"\n")
        return sum(filter(PROSE_LINE_WORDS.__le__, map(len, map(bytes.split, lines))))
    tokens = tokenize(text)
    starts = tokens.bounds()[0 : 2 * len(tokens.words) : 2]
    total = first = 0
    for line_break in LINE_BREAK.finditer(text):
        end = bisect_left(starts, line_break.start(), first)
        if end - first >= PROSE_LINE_WORDS:
            total += end - first
        first = end
    if len(starts) - first >= PROSE_LINE_WORDS:
        total += len(starts) - first
    return total
