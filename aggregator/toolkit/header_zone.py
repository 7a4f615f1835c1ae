"""The header zone of a plain-text article, and the choice of its headline there.

The header zone runs from the top to the first line of body prose. Every
headline-shaped line in it is a candidate; the furniture around a headline
(see :mod:`aggregator.toolkit.header_lines`) is ranked below it, so that the
headline is found by the structure of the header whatever the outlet.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from typing import Final, NamedTuple

from aggregator.toolkit.header_lines import furniture_kind, is_name_like, strip_kicker
from aggregator.toolkit.titles import DANGLING_WORDS

__all__ = ["HEADER_ZONE_LINES", "Headline", "body_start", "choose_headline"]

HEADER_ZONE_LINES: Final = 20
"""The header zone never runs longer: past it, lines are the article's."""
_SENTENCE_END = re.compile(r"[.!?][\"'”’)]*$")
_BULLET = re.compile(r"[-–•*·▪●]\s+(?=\S)")
_WRAPPED_PROSE = re.compile(r"[a-z]{3}\. [A-Z]|,$")
"""A sentence ending inside a line, or a line ending mid-sentence: prose wrapped at a width
(a word of three letters or more before the stop, so "p.m. IST" or "Dr. Rao" are not)."""
_ISSUE = re.compile(r"(?:[A-Z][a-z]{1,8}\.?\s+)?(?:No\.?\s*)?#?\d[\d./-]*", re.IGNORECASE)
"""An issue, volume or release number ("Issue 112", "Vol. 3", "No. 07/2025")."""
_TAGLINE = re.compile(r"(?P<name>[^—–|·:]+?)\s+[—–|·]\s+\S")


class Headline(NamedTuple):
    text: str
    lines: tuple[int, ...]
    """The lines the headline was read from (two when a PDF split it)."""
    rule: str
    """How it was chosen, as `aggregator explain` prints it."""
    above: tuple[int, ...]
    """Name lines above it (masthead, banner, issuer), metadata rather than body."""


def body_start(lines: Sequence[str], start: int) -> int:
    """The index of the first line of body prose at or after ``start`` (the zone's end)."""
    limit = min(len(lines), start + HEADER_ZONE_LINES)
    for index in range(start, limit):
        if _is_body_prose(lines[index]):
            return index
    return limit


def choose_headline(
    lines: Sequence[str], candidates: Sequence[int], anchors: Collection[int] = ()
) -> Headline | None:
    """The headline among headline-shaped lines of the header zone.

    The first line that says something wins over lines that name something
    (issuer, masthead, programme, section), which win over lines in capitals.
    Among lines that name something, the one right above an ``anchor`` (a date
    line or byline) wins, else the last: mastheads come first, headlines last.
    """
    ranks = {index: _rank(lines, index, candidates) for index in candidates}
    if not ranks or (rank := min(ranks.values())) > 2:
        return None
    tied = [index for index in candidates if ranks[index] == rank]
    first = tied[0]
    if rank == 1:
        first = next((i for i in tied if i + 1 in anchors), tied[-1])
    rule = ("first line that reads as a headline", "name-like line", "line in capitals")[rank]
    text, used = lines[first], [first]
    following = first + 1
    if following in candidates and _is_split(text, lines[following]):
        text = f"{text} {lines[following]}"
        used.append(following)
        rule += ", joined with the next line"
    above = tuple(i for i in candidates if i < first and rank == 0)
    kicked = strip_kicker(text)
    if kicked != text:
        rule += ", kicker removed"
    return Headline(kicked, tuple(used), rule, above)


def _rank(lines: Sequence[str], index: int, candidates: Sequence[int]) -> int:
    line = lines[index]
    kind = furniture_kind(line)
    if kind == "kicker":
        return 2 if len(line.split()) >= 4 else 3
    if kind is not None:
        return 3
    if _is_masthead(line) or (index == candidates[0] and len(candidates) > 1 and _is_tagline(line)):
        return 1
    return 0


def _is_masthead(line: str) -> bool:
    """A name, or names and numbers between bars ("The Ledger | Issue 112 | Weekly")."""
    parts = [part.strip() for part in line.split(" | ")]
    return all(is_name_like(part) or _ISSUE.fullmatch(part) for part in parts)


def _is_tagline(line: str) -> bool:
    """A "Name — what it is" banner ("World Brief — the world in five minutes")."""
    match = _TAGLINE.match(line)
    return match is not None and is_name_like(match["name"])


def _is_split(first: str, second: str) -> bool:
    """A headline that PDF text broke in two: the first part cannot end there."""
    last = first.split()[-1].lower()
    if not (last in DANGLING_WORDS or first.endswith(":")) or is_name_like(second):
        return False
    return second[0].islower() or first.endswith(":") or _is_title_case(first)


def _is_title_case(line: str) -> bool:
    """Every word but the minor ones capitalised: a second line in capitals can go on
    such a headline, but not a sentence-case one (there it starts a deck)."""
    words = [word for word in line.split() if word.lower() not in DANGLING_WORDS]
    return len(words) >= 2 and all(word[0].isupper() or not word[0].isalpha() for word in words)


def _is_body_prose(line: str) -> bool:
    words = len(line.split())
    if _BULLET.match(line):
        return False
    if len(line) >= 200 or (words >= 10 and _WRAPPED_PROSE.search(line)):
        return furniture_kind(line) is None
    return (
        words >= 8
        and _SENTENCE_END.search(line[-4:]) is not None
        and (line.rstrip("\"'”’)").endswith(".") or words >= 14)
    )
