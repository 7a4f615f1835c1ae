"""A paper's affiliations under its authors, marked for the names they belong to ("¹
Coastal Institute, Kochi ² Harbour University, Osaka", "(a) Department of Ocean Studies,
Kochi University; (b) Harbour Institute, Osaka"): who wrote the paper, not what it says.

Two labels that frame a piece were tried beside it and left alone, since the development
halves label them article text as often as furniture: a summary box's label ("Key points",
"Key takeaways", "Summary", over a think tank's or a broker's summary) and a programme's
"Speakers: …" (a conference programme's speakers are what it announces).
"""

from __future__ import annotations

import itertools
import re
from typing import Final

LINE: Final = "line"

_SUPERSCRIPTS = "¹²³⁴⁵⁶⁷⁸⁹"
_AFFILIATION_MARK = rf"(?:[{_SUPERSCRIPTS}]|\([a-h1-9]\))"
_MARKED = re.compile(rf"\s*({_AFFILIATION_MARK})\s*")
_INSTITUTION = re.compile(
    r"\b(?:University|Institute|School|Department|Centre|Center|College|Foundation|Council"
    r"|Academy|Laboratory|Faculty)\b"
)
_NAME_LINKS = frozenset({"of", "and", "for", "the", "in", "on", "at", "&", "de", "la", "du"})
"""Lower-case words an institution's name and its place hold between capitalised ones."""


def frame_shape(line: str, words: int) -> tuple[str, str] | None:
    """``(name, "line")`` of a line of marked affiliations, else ``None``."""
    if words <= 50 and _is_affiliations(line):
        return "affiliations", LINE
    return None


def _is_affiliations(line: str) -> bool:
    """Two entries at least, each after its mark, the marks in order ("¹ … ²", "(a) …
    (b)"), each entry an institution's name and place: capitalised, no clause ("(a) the
    University shall refund the fees" is an order's, "* University exams postponed" a
    list of headlines)."""
    if not _MARKED.match(line):
        return False
    parts = _MARKED.split(line)[1:]
    marks, entries = parts[0::2], [entry.strip(" ;,.") for entry in parts[1::2]]
    if len(entries) < 2 or not _in_order(marks):
        return False
    return all(_names_an_institution(entry) for entry in entries)


def _in_order(marks: list[str]) -> bool:
    """Whether marks count up from their first: "¹ ²", "(a) (b) (c)", "(1) (2)"."""
    keys = [mark.strip("()") for mark in marks]
    codes = [_SUPERSCRIPTS.index(key) if key in _SUPERSCRIPTS else ord(key) for key in keys]
    return all(later == earlier + 1 for earlier, later in itertools.pairwise(codes))


def _names_an_institution(entry: str) -> bool:
    if not entry[:1].isupper() or _INSTITUTION.search(entry) is None:
        return False
    words = entry.replace(",", " ").split()
    return all(word[:1].isupper() or word in _NAME_LINKS for word in words)
