"""Clocks named after a country, read out of a relevance judge's text: "6 pm Japan time".

An hour is given in a country's time ("The officer spoke to him at 6 pm Japan time", "the
Commission approved it on March 9 (Indian time)", a calendar's "5:30pm – 6:15pm (India
Standard Time - Kolkata)"): the country names the clock, not a party to what happened at
that hour. Read as an actor, it stands opposite the other side in the sentence and makes a
dealing of a call between one side's people. :func:`without_clocks` blanks such a name,
keeping every offset, as :mod:`aggregator.toolkit.relevance_datelines` blanks a dateline.

A clock's name is a capitalised word (a second one allowed, "New Delhi"), "Standard"
perhaps, then "time", right after an hour ("6 pm", "18:30", "0900 hrs") or an opening
parenthesis; "the Japan Times", a newspaper, and "Japan's time has come" are no clock.
"""

from __future__ import annotations

import re
from typing import Final

__all__ = ["without_clocks"]

CLOCK: Final = re.compile(
    r"(?:\d[ \t]*(?:[ap]\.?m\.?|hrs)?[ \t]*|\()"
    r"(?P<name>[A-Z][a-z]+(?:[ \t][A-Z][a-z]+)?)(?:[ \t]+Standard)?[ \t]+$"
)
"""A country's or a city's name as the clock an hour is told by, after an hour or "(", up to
the word "time" that follows it (:data:`TIME`)."""
TIME: Final = re.compile(r"\b[Tt]ime\b")
CLOCK_REACH: Final = 40
"""Characters before "time" searched for a clock's name and the hour before it."""


def without_clocks(text: str) -> str:
    """The text with the names of its clocks (:data:`CLOCK`) blanked out, each character by
    a space, so that offsets into the text stay right."""
    if "ime" not in text:
        return text
    spans = []
    for word in TIME.finditer(text):
        clock = CLOCK.search(text, max(0, word.start() - CLOCK_REACH), word.start())
        if clock is not None:
            spans.append((clock.start("name"), clock.end("name")))
    return blanked(text, spans)


def blanked(text: str, spans: list[tuple[int, int]]) -> str:
    """``text`` with each of ``spans`` (in order, apart) overwritten by spaces: what the
    judge reads no longer names it, and every other offset stays where it was."""
    if not spans:
        return text
    out = []
    last = 0
    for start, end in spans:
        out += [text[last:start], " " * (end - start)]
        last = end
    out.append(text[last:])
    return "".join(out)
