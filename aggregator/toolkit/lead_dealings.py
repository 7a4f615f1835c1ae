"""What a dealing of the lead says beyond that the two deal: whether it binds them, and
whether weaker evidence of a deal stands in the lead.

A side a report names once is mentioned in passing, unless the lead's dealing binds it: a
signed instrument ("the Consul-General of Japan in Mumbai signed a grant contract", on the
embassy's own page, which names its country once) or a phrase that binds the two by their
names ("under the India–Japan CEPA"). A deal in a sum of the other side's currency in the
lead ("Partnership with AOTS, Japan – Sanction of Rs. 6.40 crore") is what the story is
about, as a dealing there is.
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
