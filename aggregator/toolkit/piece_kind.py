"""Whether a text says it is commentary rather than a report: its section, its label, its
writer's note.

An opinion column, an editorial, a letter, an explainer, a factbox, a timeline or a fact
check is written about an event, not a report of it; the clusterer keeps such pieces out of
the event's story (see ``cluster_stories``). Only what the text says of itself counts: a
section label or a breadcrumb that ends in one of those kinds, a label before the
headline ("OPINION | …", "Commentary: …", "EXPLAINER-…", "TIMELINE-…"), or a writer's
note at the foot ("The writer is …", "Views expressed are personal", a blogging
platform's card for the writer). An issue of headed sections, a digest of several
stories, is kept out the same way (:data:`DIGEST`), and so is a statement or a recap that
reacts to an event (:mod:`.piece_reaction`).
"""

from __future__ import annotations

import re
from typing import Final

from .lines import word_set
from .piece_reaction import reaction_kind
from .piece_sections import is_headed_issue

__all__ = ["COMMENTARY", "QUESTION", "commentary_label", "headline_kind"]

COMMENTARY: Final = word_set(
    """opinion opinions editorial editorials commentary commentaries comment column columns
    columnists op-ed oped viewpoint viewpoints perspective perspectives letters explainer
    explainers factbox fact-check factcheck timeline timelines chronology"""
)
"""Kinds of piece that are about an event rather than reports of it. A timeline (a
chronology) lists the earlier milestones of a subject beside the day's news, which its
intro names: background on the event, as a factbox is, and not a report of it."""
DIGEST: Final = "digest"
"""An issue of headed sections (:mod:`~aggregator.toolkit.piece_sections`): a story per
item, none of them the issue's, so it stays a story of its own as commentary does."""
HEADER_LINES: Final = 12
PROSE_SPACES: Final = 19
"""Spaces (twenty words) that make a line prose, a paragraph or a summary, where a
headline, a label, a breadcrumb or an entry of a list has fewer."""
CUT_MARKS: Final = ("...", "…")
"""What a summary cut short ends in: a card's snippet on a page of cards."""
CARD_SEPARATOR: Final = " · "
"""What separates a card's outlet, time and headline on one line ("Fjord Post · 2 hours
ago · Ferry pact: what changes"): another outlet's card between a cut snippet and a kind
line makes the page one of cards, whose "Timeline" is a box of the page."""
FOOT_LINES: Final = 10
PATH_PARTS: Final = 3
"""A breadcrumb has a few parts; a menu of a site's sections has more (and names
"Opinion" among them on every page)."""

_PATH_SEPARATOR = re.compile(r"\s+[|>›»/·]\s+")
_PATH_MARK = re.compile(r"[|>›»/·]")
"""The character every separator holds: a line without one is not split (``\\s+`` first
would be tried at every space)."""
_LABEL_BEFORE = re.compile(r"([a-z][a-z-]*)\s*(?:\([^()]{1,30}\)\s*)?(?:[:|]\s+|-(?=\S))")
"""A label before the headline or the section's other marks, with a gloss in brackets
after it at most ("Editorial (Sampadakiya) | Translated")."""
_WRITER_NOTE = re.compile(
    r"\(?(?:the )?(?:writer|author|columnist)s? (?:is|are|was|were)\b"
    r"|\(?(?:the )?views expressed (?:above |here |in this (?:article|column|piece) )?"
    r"(?:are|is) (?:personal|(?:the |his |her |their )?(?:author'?s?|writer'?s?) ?own"
    r"|(?:his|her|their) own|those of the (?:author|writer)s?)",
    re.IGNORECASE,
)
"""The writer's note at the foot of a column ("(The writer is …)", "Views expressed are
personal"); an outlet's disclaimer for all its contributors is not one."""
_WRITER_CARD = re.compile(r"written by\s+\w", re.IGNORECASE)
_FOLLOWING = re.compile(r"[\d.,]+\s?[KkMm]?\s+followers\b", re.IGNORECASE)
"""A blogging platform's card for the writer at the foot of a post, "Written by …" over
the writer's follower count and one-line bio ("1.2K followers · Engineer in Pune."): the
platform's form of the writer's note, which an outlet's byline ("Written by … | Edited
by …") or a company page's follower count alone is not."""
_EDGE = re.compile(r"^[\W_]+|[\W_]+$")
COMMENTARY_PHRASES: Final = frozenset({"letters to the editor", "fact check"})
"""Kinds named in more than one word; a fact check weighs a claim made about an event."""
_LONGEST = max(len(word) for word in (*COMMENTARY, *COMMENTARY_PHRASES))
_WORD_CHAR = re.compile(r"[^\W_]")


def _kind(text: str) -> str | None:
    """The kind ``text`` names, past any marks around it ("— OPINION —").

    A line of prose is none, known before its edges are stripped (``_EDGE`` is tried at
    every position): a letter farther than the longest kind from its first letter makes
    the stripped text longer than any kind, and casefolding never shortens a text.
    """
    first = _WORD_CHAR.search(text)
    if first is None or _WORD_CHAR.search(text, first.start() + _LONGEST) is not None:
        return None
    word = _EDGE.sub("", text).casefold()
    if word in COMMENTARY or word in COMMENTARY_PHRASES:
        return word
    return None


def _holds_label_mark(line: str) -> bool:
    """Whether ``line`` holds a mark ``_LABEL_BEFORE`` ends on (":", "|", "-"): else it is
    not casefolded for it. No other character casefolds to one of them."""
    return ":" in line or "|" in line or "-" in line


def _header_kind(line: str) -> str | None:
    """The kind a line of a piece's header names: alone, as a breadcrumb's last part, or as
    a label before the headline."""
    if found := _kind(line):
        return found
    ascii_marks = "|" in line or ">" in line or "/" in line  # the others are not ASCII
    if (ascii_marks or not line.isascii()) and _PATH_MARK.search(line) is not None:
        parts = _PATH_SEPARATOR.split(line)
        if 1 < len(parts) <= PATH_PARTS and (found := _kind(parts[-1])):
            return found
    label = _LABEL_BEFORE.match(line.casefold()) if _holds_label_mark(line) else None
    if label and label.end() < len(line):
        return _kind(label.group(1))
    return None


def _is_prose(line: str) -> bool:
    return line.count(" ") >= PROSE_SPACES


def _prose_in(lines: list[str]) -> bool:
    """Whether any of ``lines`` is prose. Below a summary cut short (:data:`CUT_MARKS`), the
    snippet of a card on a page of cards (a news app's page of one story: its lead card,
    then other outlets' cards, :data:`CARD_SEPARATOR`), a label heads the piece only if
    prose follows it; one under which only short lines follow heads a box of the page (a
    "Timeline" of dated entries, an "Opinion" group of cards). A paragraph written out in
    full is the piece's own text, and a label under it still names the piece (a profile's
    "FACTBOX" of its subject's career, a column's deck over its "OPINION" label)."""
    return any(map(_is_prose, lines))


def commentary_label(lines: list[str]) -> str | None:
    """The kind of piece a text (its lines, stripped) says it is that is no report of an
    event — an opinion, an analysis, an editorial, a fact check, an organisation's statement
    or a recap (:mod:`.piece_reaction`) — or None for a report."""
    written = [line for line in lines if line]
    snippet_above = cards_above = False
    for at, line in enumerate(written[:HEADER_LINES]):
        found = _header_kind(line)
        if found and (not cards_above or _prose_in(written[at + 1 :])):
            return found
        cards_above = cards_above or (snippet_above and line.count(CARD_SEPARATOR) >= 2)
        snippet_above = snippet_above or (_is_prose(line) and line.endswith(CUT_MARKS))
    foot = written[-FOOT_LINES:]
    for index, line in enumerate(foot):
        if _WRITER_NOTE.match(line):
            return "opinion"
        if _WRITER_CARD.match(line) and _FOLLOWING.match(next(iter(foot[index + 1 :]), "")):
            return "opinion"
    if is_headed_issue(written):
        return DIGEST
    return reaction_kind(written)


QUESTION: Final = "question"
"""The kind of a piece whose headline asks a question: a debate, an explainer, a column,
a reader's query ("Should India buy more bullet trains?", "Can the Quad secure minerals?").
A report of an event states what happened; a piece that asks is about the event."""


def headline_kind(title: str) -> str | None:
    """:data:`QUESTION` when the headline ends in a question mark, else None."""
    return QUESTION if title.rstrip().endswith("?") else None
