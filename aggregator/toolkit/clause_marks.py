"""Marks inside a sentence that end a clause or deny what follows: the patterns behind the
clauses and denials of :mod:`aggregator.toolkit.dealings`.

None of these patterns begins with a character the regular expression engine can look for
in C, so each is tried at every position of the text it searches; each is searched only in
text that holds something every match of it holds (a semicolon, an apostrophe, a "no"),
which most sentences do not.
"""

from __future__ import annotations

import re

CLAUSE_BREAK = re.compile(r";|(?:^|\s)[|·•](?=\s|$)|,\s+(?:while|whereas)\b|\bwhereas\b")
"""Where one clause ends and another begins inside a sentence: a semicolon ("India's
exports rose; Japan's fell"; not inside parentheses), a contrast (", while", "whereas":
"Japan's minister promoted ammonia, while India's argued for coal") or a separator of
menu items ("Home | India-Japan Relations"); ", and" or ", but" before a subject of the
other side ends one too (see ``dealings.clauses``)."""
CLAUSE_BREAK_MARKS = (";", "|", "·", "•", "while", "whereas")
"""One is in every match of ``CLAUSE_BREAK``, which is case-sensitive."""
POSSESSIVE_PARALLEL = re.compile(
    r"(?:^|[:;]\s+)[A-Z][\w-]*['’]s\s[^,;:]+(,\s+)(?=[A-Z][\w-]*['’]s\s)", re.MULTILINE
)
"""Two clauses that each begin with a possessive, joined by a comma: "India's PMI slips,
Japan's factories shrink" reports two subjects side by side, while a possessive after a
comma alone is often an apposition ("Akazawa, Japan's trade minister, opened ...")."""
POSSESSIVE_MARKS = ("'", "’")
"""One is in every match of ``POSSESSIVE_PARALLEL``, as is a comma."""

NEGATION_REACH = 24
"""Characters before a word of interaction searched for a denial."""
NEGATION = re.compile(
    r"\b(?:no|not|never|neither|nor|without|none)\b(?!\s+(?:only|just|merely|least)\b)"
    r"(?:\s+\S+){0,3}\s*$|n't\s+(?:\S+\s+){0,2}$",
    re.IGNORECASE,
)
"""A denial a few words before a word of interaction; "not only" is none."""


def clause_breaks(text: str) -> list[tuple[int, int]]:
    """Spans of the breaks between clauses that ``CLAUSE_BREAK`` and ``POSSESSIVE_PARALLEL``
    find in a sentence, in that order."""
    breaks = (
        [
            found.span()
            for found in CLAUSE_BREAK.finditer(text)
            if not _in_parentheses(text, found.start())
        ]
        if any(mark in text for mark in CLAUSE_BREAK_MARKS)
        else []
    )
    if "," in text and any(mark in text for mark in POSSESSIVE_MARKS):
        breaks += [found.span(1) for found in POSSESSIVE_PARALLEL.finditer(text)]
    return breaks


def _in_parentheses(text: str, position: int) -> bool:
    """Whether ``position`` is inside a parenthesis of ``text``: a semicolon there separates
    the items of an aside ("(NSE: ABC; BSE: 5321)"), not two clauses of the sentence."""
    opened = text.rfind("(", 0, position)
    return opened >= 0 and text.rfind(")", opened, position) < 0 and text.find(")", position) >= 0


def denied(before: str) -> bool:
    """Whether the text before a word of interaction ends in a denial (``NEGATION``)."""
    if before.isascii():  # then only these can match the pattern's words, in any case
        lowered = before.lower()
        if "no" not in lowered and "ne" not in lowered and "n't" not in lowered:
            return "without" in lowered and NEGATION.search(before) is not None
    return NEGATION.search(before) is not None
