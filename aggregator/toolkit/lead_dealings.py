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
trade notice), was signed by the writer's side: in a text that names the other
side too, and no third party in that sentence or the one before (which may be the
agent: "Sri Lanka's port authority wants cranes. An agreement with JICA was signed"), it
binds the two as an active "signed" does. The sentence must name that side only once, as
the party, or name the two together ("approved by both countries"): another of its bodies
or places may be the agent ("under the contract signed with the Osaka city government, a
Kobe builder began work").
"""

from __future__ import annotations

import re

from aggregator.toolkit.dealings import Sentence, Sentences

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
_PARTY_NAME = r"(?:the\s+)?(?:[A-Z][\w,'’-]*\s+(?:(?:of|and|for)\s+)?){0,8}$"
"""Between "with" and a side's term, the rest of the party's name: "with the Ministry of
Agriculture, Forestry and Fisheries of Japan"."""
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


def signed_with_one_side(body: Sentences, index: int, present: set[str]) -> bool:
    """Whether the body's sentence ``index`` says an instrument with one side's actor was
    signed, its agent not given, and the text names the other side (``present``: the sides
    the text names): the writer's side, the other, signed it (see the module's docstring)."""
    sentence, previous = body.named[index], body.named.get(index - 1)
    if previous is not None and previous.third:
        return False
    if sentence.third or len(sentence.sides) != 1 or not (present - sentence.sides):
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
