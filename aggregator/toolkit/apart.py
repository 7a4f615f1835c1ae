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
- each side *owns* its own noun, the two coordinated, and the only words of interaction are
  in the first: "India's factory boom and Japan's slump" names two things, one of each;
- the two are only the *destinations* of someone's journey, named together after it: "the
  trade minister heads to Tokyo and New Delhi", "a nine-day trip to Japan and India". A
  third party travels to each; the two do nothing;
- one side's measure is *compared* with the other's, whose noun is left out: "India's use
  per head is a seventh of Japan's", "its share fell faster than India's". A possessive
  standing for the same noun as the other side's says the two are set side by side;

Such a sentence is no dealing; it reports the two in parallel. (A side named only as where
the other side's firm has a unit, "the Indian units of two Japanese carmakers", is no
actor at all: :mod:`aggregator.toolkit.side_actors`.)
"""

from __future__ import annotations

import itertools
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
COMPARED_BEFORE = re.compile(
    r"\b(?:of|than|as|like|to|behind|above|below|with)\s+(?:the\s+)?$", re.IGNORECASE
)
"""Before a side's possessive whose noun is left out, what compares it: "a seventh of",
"faster than", "as high as"."""
COMPARISON_BEFORE = re.compile(
    r"\b(?:compared\s+(?:with|to)|in\s+comparison\s+(?:with|to)|relative\s+to|unlike)\s+"
    r"(?:the\s+|an?\s+)?$",
    re.IGNORECASE,
)
"""Before a side's term, a phrase that sets it beside the other as a measure: "compared
with", "relative to", "unlike"."""
COMPARISON_REACH = 32
"""How far before a side's term its phrase of comparison may begin ("in comparison with
the " is 23 characters)."""
ELIDED_AFTER = re.compile(r"['’]s(?=\s*(?:[,.;:!?)]|$))")
"""After a side's term, a possessive with no noun after it: "of Japan's, and"."""
COMPARED_REACH = 20
"""Characters before a side's term searched for what compares it."""
COORDINATED = re.compile(r"['’]s\s+[^\W\d][^,;:.!?()]*?\s+(?:and|&|vs\.?|versus)\s+$")
"""Between a side's possessive and the other side's term, the noun it owns and a
coordinating word: "'s factory boom and "."""
JOURNEY_BEFORE = re.compile(
    r"\b(?:heads?|headed|heading|travel(?:s|led|ed|ling|ing)?|fl(?:y|ies|ew|ying)|trips?"
    r"|tours?|toured|touring|visits?|visited|visiting|(?:leaves|left|leaving|bound)\s+for)"
    r"\s+(?:(?:to|of)\s+)?(?:the\s+)?$",
    re.IGNORECASE,
)
"""Before the first of two sides' terms named together, a journey to them: "heads to",
"a trip to", "a tour of", "visits", "leaves for"."""
JOURNEY_REACH = 24
"""Characters before the first term searched for ``JOURNEY_BEFORE``."""
DESTINATIONS = re.compile(
    r"[^\W_]+(?:[\s\-–][A-Z][^\W_]*)*?\s*(,|(?i:and|&))\s*(?:(?i:to|then)\s+)?"
)
"""From the first of two sides' terms named as destinations to the second: "Tokyo and ",
"New Delhi, then " (the term's capitalised words taken as few as will do, so that a
headline's "Oslo And " is not read as one name; only the joining words in any case, so that
"India for summit, " is no name). Group 1 is the joining mark."""
LISTED_NAME = re.compile(
    r"[^\W_]+(?:[\s\-–](?!(?:To|For|At|In|On|Of|And|With|From)\b)[A-Z][^\W_]*){0,2}?"
    r"(?=\s*(?:$|[,.;:!?)–—]|(?i:and|or|on|in|for|from|this|next|with|over|during|until"
    r"|ahead|after|before)\b))"
)
"""The second of two destinations after a comma, a bare name that ends a list: "Tokyo,
Seoul and Manila", "Tokyo, New Delhi next week". A second term that begins a clause is no
destination: "Visiting Japan, India's minister signed", "heads to Tokyo, India to sign"."""
OWNED_NOUN_END = re.compile(
    r"[,;:.!?()]|\s(?:is|are|was|were|will|would|could|can|may|might|should|must|has|have"
    r"|had|do|does|did|due|to|with|in|into|for|from|at|on|by|between|after|before|and|or"
    r"|a|an|the|their|its|his|her|our|this|these|those)\b"
)
"""Where the noun a side's possessive owns ends: a mark, a verb after it ("India's May
trade figures are"), a preposition that may bring in the other side ("India's trade with"),
or a determiner, which follows a verb that ends it ("Japan's agency held their first
joint drill")."""
MODIFIER = re.compile(r"(?![^\W\d_]+ed\b)[^\W_]+['’]?\s+[^\W_]")
"""A word of interaction that modifies a noun after it, as a noun does ("trade figures",
"purchasing managers' indexes"), not in a past form: what a possessive's noun holds, where
a verb ("Japan's regulator signed", "Japan's Suzuki sign a pact") ends it."""
SHARED_NOUN = re.compile(r"\b(?:joint|common|combined|shared|mutual)\b", re.IGNORECASE)
"""A noun that both possessives own, not the second's alone: "India's Tata Steel and
Japan's Nippon Steel joint venture will build a mill" is one venture of the two."""
OWNED_AFTER = re.compile(r"[^\W_]+['’]s\b")
"""The second of two destinations joined by "and" that owns what follows ("heads to Tokyo
and India's envoy …"): the subject of a clause, no destination."""
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


def destinations_only(sentence: Sentence) -> bool:
    """Whether the sentence names each side once, the two together as where a journey goes
    ("heads to Tokyo and New Delhi", "a trip to Japan and India"): whoever travels deals
    with each, and the two with no one."""
    mentions = sorted({*sentence.side_offsets, *sentence.place_offsets})
    if len(mentions) != 2 or mentions[0][1] == mentions[1][1]:
        return False
    first, second = mentions[0][0] - sentence.start, mentions[1][0] - sentence.start
    joined = DESTINATIONS.fullmatch(sentence.text, first, second)
    if joined is None:
        return False
    if joined.group(1) == ",":
        if not LISTED_NAME.match(sentence.text, second):
            return False
    elif OWNED_AFTER.match(sentence.text, second):
        return False
    return JOURNEY_BEFORE.search(sentence.text, max(0, first - JOURNEY_REACH), first) is not None


def compared(sentence: Sentence) -> bool:
    """Whether a side's possessive with its noun left out is compared with the other side's
    ("a seventh of Japan's", "than India's."), or a side's term follows a phrase of
    comparison ("Compared with Indian large caps, Japanese stocks …"): the sentence sets
    one measure of the two side by side."""
    text = sentence.text
    lowered = text.lower()
    if "ompar" in lowered or "elative" in lowered or "nlike" in lowered:
        for offset, _ in sentence.side_offsets:
            start = offset - sentence.start
            if COMPARISON_BEFORE.search(text, max(0, start - COMPARISON_REACH), start):
                return True
    if "'s" not in text and "’s" not in text:
        return False
    for offset, _ in sentence.side_offsets:
        start = offset - sentence.start
        word = TERM_END.match(text, start)
        if word is None or not ELIDED_AFTER.match(text, word.end()):
            continue
        if COMPARED_BEFORE.search(text, max(0, start - COMPARED_REACH), start):
            return True
    return False


def owned_apart(sentence: Sentence) -> bool:
    """Whether two sides' possessives are coordinated, each owning its own noun, with every
    word of interaction inside those nouns ("India's factory boom and Japan's slump", "the
    Bank of Japan's June meeting and India's May trade figures are the week's tests")."""
    text = sentence.text
    if not sentence.relation_offsets or ("'s" not in text and "’s" not in text):
        return False
    mentions = sorted(sentence.side_offsets)
    for (first, label), (second, other) in itertools.pairwise(mentions):
        if label == other:
            continue
        word = TERM_END.match(text, first - sentence.start)
        following = TERM_END.match(text, second - sentence.start)
        if word is None or following is None:
            continue
        if not text.startswith(("'s", "’s"), following.end()):
            continue
        if not COORDINATED.fullmatch(text, word.end(), second - sentence.start):
            continue
        end = OWNED_NOUN_END.search(text, following.end() + 2)
        last = end.start() if end is not None else len(text)
        if SHARED_NOUN.search(text, following.end() + 2, last):
            continue
        if all(
            first < offset < second
            or (second < offset and _modifies(text, offset - sentence.start, last))
            for offset in sentence.relation_offsets
        ):
            return True
    return False


def _modifies(text: str, start: int, end: int) -> bool:
    """Whether the word at ``start`` modifies a word after it before ``end``."""
    found = MODIFIER.match(text, start)
    return found is not None and found.end() <= end


def apart(sentence: Sentence) -> bool:
    """Whether a sentence that seems to state a dealing says the sides act apart, names
    them only as alternatives or as a journey's destinations, compares one measure of each
    or names one thing of each."""
    return (
        acts_apart(sentence)
        or alternatives_only(sentence)
        or destinations_only(sentence)
        or compared(sentence)
        or owned_apart(sentence)
    )
