"""What a dealing of the lead says beyond that the two deal: whether it binds them, and
whether weaker evidence of a deal stands in the lead.

A side a report names once is mentioned in passing, unless the lead's dealing binds it: a
signed instrument ("the Consul-General of Japan in Mumbai signed a grant contract", on the
embassy's own page, which names its country once) or a phrase that binds the two by their
names ("under the India–Japan CEPA"). A deal in a sum of the other side's currency in the
lead ("Partnership with AOTS, Japan – Sanction of Rs. 6.40 crore") is what the story is
about, as a dealing there is.

An instrument signed "with" one side in the passive, with no agent ("A Memorandum of
Cooperation with Japan's Ministry of Land … was signed on 26 May", in an Indian ministry's
summary for its Cabinet; "under the protocol agreed with the Ministry of … of Japan", in a
trade notice), was signed by the writer: it binds the two as an active "signed" does only
when the writer is known to be the other side, from the document's own letterhead or
signature line ("Government of India", "Embassy of Japan": :func:`issuer_side`). A report
by anyone else ("The free trade agreement with India was signed on Thursday", in a British
story; "A wage agreement with Japan's largest carmaker was signed", by its union) names no
party on the other side, however often the text names that side elsewhere. No third party
may stand in that sentence or the one before (it may be the agent: "Sri Lanka's port
authority wants cranes. An agreement with JICA was signed"), and the sentence must name
the side only once, as the party, or the two together ("approved by both countries"):
another of its bodies or places may be the agent ("under the contract signed with the
Osaka city government, a Kobe builder began work").
"""

from __future__ import annotations

import re

from aggregator.toolkit.dealings import Sentence, Sentences
from aggregator.toolkit.lines import may_hold

SIGNING = re.compile(
    r"\b(?:sign(?:s|ed|ing)?|agreements?|memorand(?:um|a)|MoU|MoC|contracts?|pacts?)\b",
    re.IGNORECASE,
)
"""Words of a signed instrument: a dealing that holds one is a formal act of the two."""


def binds_the_two(sentence: Sentence) -> bool:
    """Whether a sentence that states a dealing binds the two: a signed instrument, or a
    phrase that names both as one ("the India–Japan CEPA", "a pact between Tokyo and New
    Delhi"), not a list ("Indian and Japanese")."""
    return SIGNING.search(sentence.text) is not None or not all(sentence.listed)


def any_in_lead(sentences: list[str], body: Sentences) -> bool:
    """Whether one of ``sentences`` (texts of the body's sentences) is a sentence of the
    lead."""
    lead = {body.named[index].text for index in body.lead if index in body.named}
    return any(sentence in lead for sentence in sentences)


PASSIVE_SIGNING = re.compile(
    r"\b(?:was|were|has\s+been|have\s+been|had\s+been|is|are)\s+(?:formally\s+)?signed\b"
    r"(?!\s+(?:by|between)\b)",
    re.IGNORECASE,
)
"""A signing in the passive whose agent is not given ("was signed on 26 May"), unlike "was
signed by the Secretary" or "was signed between the two"."""
_INSTRUMENT = (
    r"\b(?:agreements?|memorand(?:um|a)|MoU|MoC|contracts?|pacts?|treat(?:y|ies)|protocols?"
    r"|arrangements?|letters?\s+of\s+intent)\b"
)
_PARTY_NAME = r"(?:the\s+)?(?:(?-i:[A-Z])[\w,'’-]*\s+(?:(?:of|and|for)\s+)?){0,8}$"
"""Between "with" and a side's term, the rest of the party's name, each word capitalised
whatever the flags of the pattern it is part of: "with the Ministry of Agriculture, Forestry
and Fisheries of Japan", not "with a local builder to restore the old (Japanese garden)"."""
INSTRUMENT_WITH = re.compile(_INSTRUMENT + r"[^.;:]{0,60}?\bwith\s+" + _PARTY_NAME, re.IGNORECASE)
"""Before a side's term, an instrument made with it, whose signing follows: "A Memorandum of
Cooperation with Japan's Ministry … was signed"."""
INSTRUMENT_SIGNED_WITH = re.compile(
    _INSTRUMENT + r",?\s+(?:signed|agreed|concluded)\s+with\s+" + _PARTY_NAME, re.IGNORECASE
)
"""Before a side's term, an instrument signed with it, the participle's agent not given:
"the protocol agreed with the Ministry of … of Japan", "the Memorandum signed with the
prefecture"."""
INSTRUMENT_REACH = 120
"""Characters before a side's term searched for an instrument made with it."""


ISSUER = re.compile(
    r"(?:[^\n]{0,80}?(?:/|\bto)\s+)?(?:the\s+)?(?:government|embassy|consulate(?:[- ]general)?"
    r"|high\s+commission)\s+of\s+(?:the\s+)?(?P<name>[^\W\d_][^\n,/()]{1,40}?)"
    r"\s*(?:(?:,|/|\s+in\b|\s+at\b)[^\n]{0,40})?",
    re.IGNORECASE,
)
"""A line that is a document's letterhead or signature, naming the state that issues it:
"Government of India", "भारत सरकार / Government of India", "Embassy of Japan, New Delhi",
"Under Secretary to the Government of India"."""
ISSUER_WORDS = re.compile(r"government|embassy|consulate|high\s+commission", re.IGNORECASE)
"""The words of :data:`ISSUER`'s institution, under its flags: a line without one is no
letterhead, and is spared the pattern's search of its first words for a "to" or "/"."""
ISSUER_PARTS = ("government", "embassy", "consulate", "commission")
"""What each of :data:`ISSUER_WORDS` holds: an ASCII line without one is not searched."""
ISSUER_HEAD_LINES = 3
"""Lines at the start of the text read for a letterhead the cleaning left in place."""


def issuer_side(lines: list[str], text: str, side_names: tuple[str, ...]) -> str | None:
    """The side that issues the document, when a letterhead or signature line names it as
    a state (:data:`ISSUER`) and names no other: ``lines`` are the lines the cleaning
    removed (where a letterhead goes), and the text's first lines are read too."""
    names = {name.casefold(): name for name in side_names}
    found = set()
    for line in [*lines, *head_lines(text, ISSUER_HEAD_LINES)]:
        if len(line) > 200 or not may_hold(line, ISSUER_PARTS) or ISSUER_WORDS.search(line) is None:
            continue
        issuer = ISSUER.fullmatch(line.strip())
        if issuer is not None and issuer.group("name").casefold() in names:
            found.add(names[issuer.group("name").casefold()])
    return found.pop() if len(found) == 1 else None


_NOT_SPACE = re.compile(r"\S")


def head_lines(text: str, count: int) -> list[str]:
    """``text.lstrip().split("\\n", count)[:count]``, without copying the whole text twice
    to keep its first lines: the first non-space character is found by search (``\\s`` is
    ``str.isspace``, as ``lstrip`` strips), and each line is cut out up to its break."""
    first = _NOT_SPACE.search(text)
    start = first.start() if first is not None else len(text)
    lines = []
    for _ in range(count):
        end = text.find("\n", start)
        if end < 0:
            lines.append(text[start:])
            break
        lines.append(text[start:end])
        start = end + 1
    return lines


def signed_with_one_side(body: Sentences, index: int, writer: str | None) -> bool:
    """Whether the body's sentence ``index`` says an instrument with one side's actor was
    signed, its agent not given, in a document that ``writer``, the other side, issued
    (:func:`issuer_side`): the writer signed it (see the module's docstring)."""
    if writer is None:
        return False
    sentence, previous = body.named[index], body.named.get(index - 1)
    if previous is not None and previous.third:
        return False
    if sentence.third or len(sentence.sides) != 1 or writer in sentence.sides:
        return False
    if len(sentence.side_offsets) + len(sentence.place_offsets) > 1 and not sentence.joint:
        return False  # another body or place of the side may be the agent: "a Kobe builder"
    text, origin = sentence.text, sentence.start
    signing = PASSIVE_SIGNING.search(text)
    for offset, _ in sentence.side_offsets:
        start = offset - origin
        first = max(0, start - INSTRUMENT_REACH)
        if INSTRUMENT_SIGNED_WITH.search(text, first, start) or (
            signing is not None
            and start < signing.start()
            and INSTRUMENT_WITH.search(text, first, start)
        ):
            return True
    return False
