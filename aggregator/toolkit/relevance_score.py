"""A relevance score as a weighted sum of named pieces of evidence, with its reasons.

What a judge saw in an item (:class:`Evidence`) is turned into an *evidence vector*
(:func:`evidence_vector`): one number per named component, each already capped, so that
the score is exactly the sum of ``weight × value`` over the components and a weight can be
set by hand or fitted (``scripts/fit_relevance.py``) without touching the reading. Each
component has a reason in words (:func:`score`), written only when it counts.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from operator import itemgetter

BILATERAL_SENTENCE_CAP = 6
"""Bilateral sentences counted at most, so that length alone does not make relevance."""
PARAGRAPH_DEALING_CAP = 3
"""Dealings across the sentences of a paragraph counted at most."""
PARAGRAPH_LINK = 2
"""Dealings across the sentences of a paragraph that, in a text naming no third party, link
the two sides as one clause's dealing does and lift the penalty for no dealing: a loan
from one side in one sentence, the other side's taxpayers repaying it in the next. With a
third party named, the side beside a sentence may not be the one dealt with."""
CROSS_BORDER_CAP = 3
"""Cross-border links counted at most."""
PAIR_CAP = 4
"""Pairing phrases counted at most."""
WEAKER_SIDE_MENTION_CAP = 8
"""Mentions of the weaker side counted at most."""
UNLINKED_SHARE = 0.5
"""How much of a parallel report a sentence counts for that names both sides in one clause
with no word of interaction ("care workers from India arrived in Japan"): weaker evidence
against the story than two subjects reported side by side."""
PARALLEL_CAP = 3.0
"""Parallel reports beyond the dealings counted at most."""
PASSING_MENTION_LIMIT = 1
"""Mentions of the weaker side at or below which it counts as a passing mention."""
THIRD_PARTY_CAP = 8 / 3
"""The most times a dominating third party's lead over the weaker side counts."""
MULTILATERAL_BILATERAL_FLOOR = 3
"""Bilateral sentences from which a story is bilateral whatever its multilateral setting."""
OFF_TOPIC_SHARE = 0.25
"""Share of sentences an off-topic subject must reach to count against the story."""
OFF_TOPIC_MIN_TERMS = 3
"""Mentions of an off-topic subject's terms it needs to count against the story."""
OFF_TOPIC_CAP = 0.6
"""The most share of sentences one off-topic subject counts for."""
OFF_TOPIC_DEALING_SHARE = 0.5
"""How much of an off-topic sentence one that states a dealing counts for: its subject may
be what the two deal over ("Japan sent relief for the cyclone's victims")."""
OFF_TOPIC_DAMPING = 0.5
"""Factor on the off-topic share of a story with many bilateral sentences."""
OFF_TOPIC_DAMPED_FROM = 4
"""Bilateral sentences from which the off-topic share is damped."""

HAND_WEIGHTS: dict[str, float] = {
    "bilateral_sentences": 1.5,
    "headline_dealing": 3.0,
    "lead_dealing": 2.0,
    "pairs": 0.75,
    "headline_both": 2.0,
    "lead_both": 1.0,
    "weaker_side_mentions": 0.25,
    "coverage": 4.0,
    "no_dealing": -4.0,
    "parallel": -1.0,
    "passing_mention": -3.0,
    "third_party": -1.5,
    "multilateral": -2.0,
    "off_topic": -10.0,
    "paragraph_dealings": 1.0,
    "amount_dealings": 1.5,
    "cross_border": 0.5,
}
"""The weights set by hand, per component of the evidence vector (see :data:`COMPONENTS`)."""

COMPONENTS: dict[str, str] = {
    "bilateral_sentences": "sentences in which the two sides act together (a dealing)",
    "headline_dealing": "1 when the headline states a dealing",
    "lead_dealing": "1 when one of the first sentences of prose states a dealing, or a deal in"
    " a sum of the other side's currency",
    "pairs": "phrases that pair the two sides in a dealing",
    "headline_both": "1 when the headline names both sides",
    "lead_both": "1 when the lead names both sides",
    "weaker_side_mentions": "mentions of the less mentioned side (actors and places)",
    "coverage": "share of sentences that name both sides, 0 to 1",
    "no_dealing": "1 when no clause states a dealing, a cross-border link or a deal in a sum"
    " of the other side's currency, nor do two sentences of a paragraph with the other side"
    " beside them in a text that names no third party, or only the headline does while the"
    " body names both and links them nowhere",
    "parallel": "sentences reporting the sides in parallel (and half of those naming both"
    " without a link) beyond the dealings",
    "passing_mention": "1 when one side is named at most once, and no dealing of the lead binds"
    " the two (a signed instrument, a compound of both names)",
    "third_party": "how many times the leading third party outnumbers the weaker side",
    "multilateral": "1 when multilateral sentences outnumber dealings in a thinly bilateral story",
    "off_topic": "share of sentences of each off-topic subject that counts",
    "paragraph_dealings": "sentences of one side's dealing with the other side named in the"
    " sentence beside it, in one paragraph",
    "amount_dealings": "sentences of one side's dealing in a sum of the other side's currency",
    "cross_border": "sentences in which one side's people, goods or firms move to, work in or"
    " are sold in the other side's territory",
}
"""What each component of the evidence vector measures."""


def new_counter() -> Counter[str]:
    """An empty Counter, made without ``Counter.__init__``, whose two calls in Python (it
    updates the new counter from nothing) cost five times what the counter does: an item's
    evidence makes seven."""
    return Counter.__new__(Counter)


@dataclass
class Evidence:
    """What the judge saw in one item."""

    side_terms: dict[str, Counter[str]] = field(default_factory=dict)
    sentences: int = 0
    both_sentences: int = 0
    bilateral_sentences: list[str] = field(default_factory=list)
    parallel_sentences: list[str] = field(default_factory=list)
    """Sentences that report the two sides side by side, with no dealing between them."""
    unlinked_sentences: list[str] = field(default_factory=list)
    """Other sentences that name both sides with no dealing between them."""
    headline_dealing: bool = False
    lead_dealing: bool = False
    """Whether one of the first sentences of prose states a dealing: what the story is about."""
    lead_binding: bool = False
    """Whether a dealing of the lead binds the two: a signed instrument
    (``aggregator.toolkit.lead_dealings``) or one named by a compound of both ("under the
    India–Japan CEPA"). The side it names, even once, is a party to it, not mentioned in
    passing."""
    multilateral_sentences: int = 0
    pairs: Counter[str] = field(default_factory=new_counter)
    title_both: bool = False
    lead_both: bool = False
    body_both: bool = False
    """Whether the body names both sides (an actor of each, or an actor and a place)."""
    body_names_side: bool = False
    """Whether the body names either side, or the two together
    (:func:`aggregator.toolkit.headline_only.names_either`)."""
    third: Counter[str] = field(default_factory=new_counter)
    multilateral: Counter[str] = field(default_factory=new_counter)
    off_topic: dict[str, Counter[str]] = field(default_factory=dict)
    off_topic_sentences: Counter[str] = field(default_factory=new_counter)
    off_topic_dealings: Counter[str] = field(default_factory=new_counter)
    """Sentences of each off-topic subject that state a dealing: what the dealing is about
    ("relief for the cyclone's victims"), counted for ``OFF_TOPIC_DEALING_SHARE`` of one."""
    place_mentions: Counter[str] = field(default_factory=new_counter)
    """Mentions of each side's places: where a side is present without being named."""
    paragraph_dealings: list[str] = field(default_factory=list)
    """Sentences of one side's dealing with the other side named next to them
    (:mod:`aggregator.toolkit.paragraph_dealings`)."""
    amount_dealings: list[str] = field(default_factory=list)
    """Sentences of one side's dealing in a sum of the other's currency
    (:mod:`aggregator.toolkit.side_amounts`)."""
    amount_sides: Counter[str] = field(default_factory=new_counter)
    """For each side, the sentences that name the other side and hold a sum in its currency
    (:func:`aggregator.toolkit.side_amounts.currency_presence`; those of ``amount_dealings``
    among them): the side is present where the other spends its money, as at one of its
    places."""
    cross_border_sentences: list[str] = field(default_factory=list)
    """Sentences that link the sides across the border, with no dealing
    (:mod:`aggregator.toolkit.cross_border`)."""

    def side_count(self, side: str) -> int:
        terms = self.side_terms.get(side)
        return sum(terms.values()) if terms else 0

    def presence(self, side: str) -> int:
        """Mentions of a side's actors and places: a report on a loan for the Mumbai line
        that names India once is no passing mention of India, nor is an order of ₹96 crore
        that Japanese buyers place."""
        return (
            self.side_count(side)
            + self.place_mentions.get(side, 0)
            + self.amount_sides.get(side, 0)
        )


def _off_topic_shares(evidence: Evidence) -> dict[str, float]:
    """Each off-topic subject that counts against the story, with its share of sentences."""
    shares = {}
    for subject, terms in sorted(evidence.off_topic.items()):
        counted = (
            evidence.off_topic_sentences[subject]
            + OFF_TOPIC_DEALING_SHARE * evidence.off_topic_dealings[subject]
        )
        share = counted / max(1, evidence.sentences)
        if sum(terms.values()) >= OFF_TOPIC_MIN_TERMS and share >= OFF_TOPIC_SHARE:
            shares[subject] = share
    return shares


def evidence_vector(evidence: Evidence, side_names: tuple[str, str]) -> dict[str, float]:
    """The components the score sums, each capped, by name (see :data:`COMPONENTS`)."""
    return _vector(evidence, min(evidence.presence(name) for name in side_names))


def _vector(evidence: Evidence, weaker: int) -> dict[str, float]:
    """:func:`evidence_vector`, given the presence of the weaker side."""
    bilateral = len(evidence.bilateral_sentences)
    pairs = sum(evidence.pairs.values())
    no_dealing = (
        not bilateral
        and not evidence.cross_border_sentences
        and not evidence.amount_dealings
        and (len(evidence.paragraph_dealings) < PARAGRAPH_LINK or bool(evidence.third))
        and (not evidence.headline_dealing or evidence.body_both)
    )
    weighted = len(evidence.parallel_sentences) + UNLINKED_SHARE * len(evidence.unlinked_sentences)
    leader = evidence.third.most_common(1)[0][1] if evidence.third else 0
    damping = OFF_TOPIC_DAMPING if bilateral >= OFF_TOPIC_DAMPED_FROM else 1.0
    return {
        "bilateral_sentences": float(min(bilateral, BILATERAL_SENTENCE_CAP)),
        "headline_dealing": float(evidence.headline_dealing),
        "lead_dealing": float(evidence.lead_dealing),
        "pairs": float(min(pairs, PAIR_CAP)),
        "headline_both": float(evidence.title_both),
        "lead_both": float(evidence.lead_both),
        "weaker_side_mentions": float(min(weaker, WEAKER_SIDE_MENTION_CAP)),
        "coverage": evidence.both_sentences / max(1, evidence.sentences),
        "no_dealing": float(no_dealing),
        "parallel": min(PARALLEL_CAP, max(0.0, weighted - bilateral)),
        "passing_mention": float(weaker <= PASSING_MENTION_LIMIT and not evidence.lead_binding),
        "third_party": min(THIRD_PARTY_CAP, leader / max(1, weaker)) if leader > weaker else 0.0,
        "multilateral": float(
            evidence.multilateral_sentences > bilateral and bilateral < MULTILATERAL_BILATERAL_FLOOR
        ),
        "off_topic": sum(
            damping * min(OFF_TOPIC_CAP, share) for share in _off_topic_shares(evidence).values()
        )
        if evidence.off_topic
        else 0,
        "paragraph_dealings": float(min(len(evidence.paragraph_dealings), PARAGRAPH_DEALING_CAP)),
        "amount_dealings": float(min(len(evidence.amount_dealings), PARAGRAPH_DEALING_CAP)),
        "cross_border": float(min(len(evidence.cross_border_sentences), CROSS_BORDER_CAP)),
    }


def weighted_points(vector: Mapping[str, float], weights: Mapping[str, float]) -> dict[str, float]:
    """Each component's value times its weight: what it adds to the score or takes off."""
    return {name: weights.get(name, 0.0) * value for name, value in vector.items()}


def weighted_sum(vector: Mapping[str, float], weights: Mapping[str, float]) -> float:
    """The score: each component's value times its weight, summed."""
    return sum(weighted_points(vector, weights).values())


def score(
    evidence: Evidence, side_names: tuple[str, str], weights: Mapping[str, float]
) -> tuple[float, list[str], list[str]]:
    """The relevance score with the reasons for it and the reasons against: a component
    whose weighted value adds to the score is a reason for, one that takes off a reason
    against."""
    presence = {name: evidence.presence(name) for name in side_names}
    vector = _vector(evidence, min(presence.values()))
    points = weighted_points(vector, weights)
    total = sum(points.values())  # weighted_sum of the vector, its products made once
    texts = _reason_texts(evidence, presence, {name for name, value in points.items() if value})
    pro = [_side_reason(name, evidence) for name in side_names]
    con: list[str] = []
    for name, value in points.items():
        if name in texts and value:
            (pro if value > 0 else con).append(texts[name])
    return total, pro, con


def _reason_texts(evidence: Evidence, presence: dict[str, int], wanted: set[str]) -> dict[str, str]:
    """The reason of each ``wanted`` component that has one: only those that move the
    score are written, since most items' components are zero. ``presence``: each side's
    (:meth:`Evidence.presence`), in the order of the sides."""
    first, second = presence
    bilateral = len(evidence.bilateral_sentences)
    texts = {name: text for name, text in _FIXED_REASONS.items() if name in wanted}
    if "pairs" in wanted:
        texts["pairs"] = "pairing phrases: " + counts(evidence.pairs)
    if "no_dealing" in wanted:
        texts["no_dealing"] = (
            "no clause links an actor of each side by a dealing"
            if not evidence.headline_dealing
            else "only the headline links the sides; the body names both and links them nowhere"
        )
    if bilateral and "bilateral_sentences" in wanted:
        quote = sentence_quote(evidence.bilateral_sentences[0])
        texts["bilateral_sentences"] = (
            f"both act together in {bilateral} of {evidence.sentences} sentences, e.g. “{quote}”"
        )
    if evidence.paragraph_dealings and "paragraph_dealings" in wanted:
        texts["paragraph_dealings"] = (
            f"one side deals with the other named beside it in {len(evidence.paragraph_dealings)}"
            f" sentences, e.g. “{sentence_quote(evidence.paragraph_dealings[0])}”"
        )
    if evidence.amount_dealings and "amount_dealings" in wanted:
        texts["amount_dealings"] = (
            f"one side deals in a sum of the other's currency in {len(evidence.amount_dealings)}"
            f" sentences, e.g. “{sentence_quote(evidence.amount_dealings[0])}”"
        )
    if evidence.cross_border_sentences and "cross_border" in wanted:
        texts["cross_border"] = (
            f"one side's people, goods or firms cross to the other's territory in"
            f" {len(evidence.cross_border_sentences)} sentences, e.g."
            f" “{sentence_quote(evidence.cross_border_sentences[0])}”"
        )
    parallel, unlinked = len(evidence.parallel_sentences), len(evidence.unlinked_sentences)
    if (parallel or unlinked) and "parallel" in wanted:
        example = (evidence.parallel_sentences or evidence.unlinked_sentences)[0]
        texts["parallel"] = (
            f"the sides are reported in parallel in {parallel} sentences and named without"
            f" a link in {unlinked}, e.g. “{sentence_quote(example)}”"
        )
    if "passing_mention" in wanted:
        weak_side = first if presence[first] <= presence[second] else second
        texts["passing_mention"] = (
            f"{weak_side} appears {'only once' if presence[weak_side] else 'nowhere'}"
        )
    if evidence.third and "third_party" in wanted:
        (leader, leader_count), *_ = evidence.third.most_common(1)
        texts["third_party"] = (
            f"a third party dominates: {leader} ×{leader_count}, more than the weaker side"
            f" ({min(presence.values())})"
        )
    if "multilateral" in wanted:
        named = counts(evidence.multilateral) or "several countries together"
        texts["multilateral"] = (
            f"multilateral setting ({named}) in {evidence.multilateral_sentences} sentences,"
            f" bilateral in {bilateral}"
        )
    if "off_topic" in wanted:
        texts["off_topic"] = "; ".join(
            f"{subject} story: {subject} terms in {share:.0%} of sentences"
            f" ({counts(evidence.off_topic[subject])})"
            for subject, share in _off_topic_shares(evidence).items()
        )
    return texts


_FIXED_REASONS = {
    "headline_dealing": "the headline states a dealing between the sides",
    "lead_dealing": "the lead states a dealing between the sides",
    "headline_both": "the headline names both sides",
    "lead_both": "the lead names both sides",
}


def _side_reason(name: str, evidence: Evidence) -> str:
    terms = evidence.side_terms.get(name)
    return f"{name} side: {(counts(terms) if terms else '') or 'none'}"


def counts(counter: Counter[str], limit: int = 5) -> str:
    """The most common terms of a counter with their counts: "Japan ×3, Tokyo ×1". Sorted
    as ``most_common(limit)`` documents it, without its call to ``heapq``."""
    ranked = sorted(counter.items(), key=itemgetter(1), reverse=True)[:limit]
    return ", ".join(f"{term} ×{count}" for term, count in ranked)


SENTENCE_QUOTE = 140
"""Characters of a sentence quoted in a reason."""


def sentence_quote(sentence: str) -> str:
    """A sentence flattened to one line and cut at a word to quote in a reason."""
    flat = " ".join(sentence.split())
    if len(flat) <= SENTENCE_QUOTE:
        return flat
    return flat[:SENTENCE_QUOTE].rsplit(" ", 1)[0] + "…"
