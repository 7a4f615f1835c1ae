"""Joint references: words that name the two parties of a dealing together ("the two
countries", "both sides", "bilateral", "each other", "counterpart") without naming either.

A reciprocal one ("bilateral", "each other") is itself a dealing; "the two countries" only
names both sides, once the text has named them, as "the two cities", "the two ports" or "the
two prefectures" name partner places of the two sides (a sister-city council's minutes).
"Each other" after a distance or nearness ("within 300 metres of each other", "next to each
other") sets things of one side near one another and is no joint reference at all.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

JOINT_REFERENCE = re.compile(  # (?=[bcet]): the engine skips other positions in C
    r"(?=[bcet])(?:\b(?:(?:the|both|these|those)\s+two|(?<=\bour\s)two|both)\s+"
    r"(?:[A-Za-z-]+\s+){0,2}?"
    r"(?:countries|nations|sides|leaders|ministers|governments|navies|armies|forces|guards|"
    r"militaries|services|agencies|delegations|partners|premiers|prime\s+ministers|democracies|"
    r"economies|capitals|teams|parliaments|companies|institutions|space\s+agencies|cities|ports"
    r"|regions|prefectures|municipalities|towns)\b"
    r"|\bbilateral(?:ly)?\b|\beach\s+other\b|\bcounterparts?\b)",
    re.IGNORECASE,
)
JOINT_WORDS = ("two", "both", "lateral", "each", "counterpart")
"""One is in every joint reference, lower-cased (no other letter folds to theirs): a text
holding none is not searched, which spares the case-insensitive scan of most texts."""
SPATIAL_BEFORE = re.compile(
    r"(?:\b(?:metres|meters|kilometres|kilometers|km|miles|yards|feet|steps|blocks|doors"
    r"|minutes|walk)\s+(?:of|from)|\b(?:next|near|adjacent|opposite)(?:\s+to)?"
    r"|\bapart\s+from|\bbeside)\s+$",
    re.IGNORECASE,
)
"""Before "each other", a distance or nearness ("within 300 metres of each other", "next to
each other"): things of one side set near one another, no two parties dealing ("five Indian
restaurants stand within 300 metres of each other near Tsukuba Station"). Not "close to
each other": two countries grow close to each other."""
SPATIAL_REACH = 24
"""Characters before "each other" searched for a distance or nearness."""
RECIPROCAL = re.compile(r"\b(?:bilateral(?:ly)?|each\s+other|counterparts?)\b", re.IGNORECASE)
"""Joint references that are themselves a dealing ("bilateral", "each other"), unlike
"the two countries", which only names both sides."""


def _may_refer_jointly(lowered: str) -> bool:
    """Whether a lower-cased text holds one of ``JOINT_WORDS``: tested one by one, as a
    generator over them costs more than the tests."""
    return (
        "two" in lowered
        or "both" in lowered
        or "lateral" in lowered
        or "each" in lowered
        or "counterpart" in lowered
    )


def joint_references(text: str) -> Iterator[tuple[int, bool]]:
    """Where each joint reference of ``text`` starts, and whether it is reciprocal."""
    if not _may_refer_jointly(text.lower()):
        return
    for found in JOINT_REFERENCE.finditer(text):
        start = found.start()
        if found.group(0)[:1] in "eE" and SPATIAL_BEFORE.search(
            text, max(0, start - SPATIAL_REACH), start
        ):
            continue
        yield start, RECIPROCAL.match(found.group(0)) is not None
