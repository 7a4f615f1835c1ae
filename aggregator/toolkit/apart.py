"""Sentences that name both sides and a word of interaction, yet say the two act apart.

:func:`aggregator.toolkit.dealings.states_dealing` finds a dealing where one clause names
an actor of each side and a word of interaction. Two shapes of language meet that test
while denying that the two deal with each other:

- the sentence says they act *apart*: "Japan and India are both funding ports in the
  region, but separately", "two separate relationships with separate agendas",
  "each side funds its own projects". Both sides may do the same thing; "separately",
  "independently" and "its own" say they do not do it together;
- the sides are named only as *alternatives*: "none of the projects is in India or
  Japan", "neither India nor Japan has signed". Sides joined by "or" or "nor" are two
  possibilities, not two parties of one act;

Such a sentence is no dealing; it reports the two in parallel. (A side named only as where
the other side's firm has a unit, "the Indian units of two Japanese carmakers", is no
actor at all: :mod:`aggregator.toolkit.side_actors`.)
"""

from __future__ import annotations

import re

from aggregator.toolkit.dealings import Sentence

APART = re.compile(
    r"\b(?:separate(?:ly)?|independently|on\s+(?:its|their)\s+own|(?:its|their)\s+own\s+"
    r"(?:way|ways|terms|projects|programmes|programs|plans?))\b",
    re.IGNORECASE,
)
"""Words saying that those named act apart: "separately", "separate agendas",
"independently", "on its own", "funds its own projects"."""
TOGETHER = re.compile(r"\b(?:together|jointly|joint|with\s+each\s+other)\b", re.IGNORECASE)
"""Words saying that they act together, which a word of acting apart does not undo when
both are there ("agreed to work together, each funding its own share")."""
ALTERNATIVE_GAP = re.compile(r"^\s*,?\s*(?:or|nor)\s+(?:in\s+|to\s+|from\s+|the\s+)?$", re.I)
"""What lies between two sides' terms named as alternatives: "India or Japan", "in India
or in Japan", "Japan nor India"."""
TERM_END = re.compile(r"[^\W_]+(?:[\s\-–][A-Z][^\W_]*)*")
"""The rest of a side's term from where it starts: its word and capitalised words after
it ("New Delhi")."""


def acts_apart(sentence: Sentence) -> bool:
    """Whether the sentence says that those it names act apart ("both funding ports, but
    separately") and not together."""
    text = sentence.text
    lowered = text.lower()
    if "separat" not in lowered and "independent" not in lowered and "own" not in lowered:
        return False  # what every match of APART holds: most sentences hold none of them
    return APART.search(text) is not None and TOGETHER.search(text) is None


def alternatives_only(sentence: Sentence) -> bool:
    """Whether the sentence names each side once, the two joined by "or" or "nor" as
    alternatives ("none of them in India or Japan"), and names no other actor."""
    lowered = sentence.text.lower()
    if " or " not in lowered and " nor " not in lowered and ",or " not in lowered:
        return False  # what every gap ALTERNATIVE_GAP matches holds
    mentions = sorted({*sentence.side_offsets, *sentence.place_offsets})
    if len(mentions) != 2 or mentions[0][1] == mentions[1][1]:
        return False
    first, second = mentions[0][0], mentions[1][0]
    word = TERM_END.match(sentence.text, first - sentence.start)
    if word is None:
        return False
    gap = sentence.text[word.end() : second - sentence.start]
    return ALTERNATIVE_GAP.match(gap) is not None


def apart(sentence: Sentence) -> bool:
    """Whether a sentence that seems to state a dealing says the sides act apart or names
    them only as alternatives."""
    return acts_apart(sentence) or alternatives_only(sentence)
