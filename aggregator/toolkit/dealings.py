"""Dealings between two sides, read clause by clause: the vocabulary-free reading behind
a relevance judge.

A text is read once per vocabulary (sides, their places and institutions, words of
interaction, third parties, multilateral settings, off-topic subjects; each a
:class:`~aggregator.toolkit.terms.TermMatcher`) into :class:`Sentences`, each with where
it names what. :func:`states_dealing` then says whether one clause of a sentence links an
actor of each side by a word of interaction: an actor is a side's term, "the two
countries" once both sides are named, a place of one side opposite an actor of the other
("Japan funds the Mumbai line"), or a place next to an institution ("the Government of
Gujarat", "Toyama Prefecture"), which acts for its side. A compound of the two sides'
names ("the India–Japan CEPA") links them as "between" does. A clause that also names a third
party before its dealing is complete states no dealing between the two: its word of
interaction may link either to the third ("India signed a deal with the US, and Japan is
watching"); one named after a comma, once the two and their link are named, is what the
dealing is about ("India and Japan agreed on radars, amid China's rise"). Receiving an
actor ("the Governor received the minister") links the two as a word of interaction does;
two sides listed together and said to act "separately" deal nowhere in the sentence.
Which side terms are actors at all is :mod:`aggregator.toolkit.side_actors`' to say.
:func:`opens_route`, which it asks too, says whether a sentence opens a transport link
from a place of one side to a place of the other, a dealing though no actor is named.
"""

from __future__ import annotations

import itertools
import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from aggregator.toolkit.clause_marks import NEGATION_REACH, denied
from aggregator.toolkit.clause_subjects import clauses
from aggregator.toolkit.firm_names import Firm, FirmReader, firm_mentions
from aggregator.toolkit.joint_references import joint_references
from aggregator.toolkit.placed_names import mentions, place_short_names, placed_names
from aggregator.toolkit.routes import opens_route
from aggregator.toolkit.side_actors import IGNORED, actors_and_seats, seated_places
from aggregator.toolkit.terms import Match, Term, TermMatcher, sentence_spans, tokenize
from aggregator.toolkit.world_events import world_events
from aggregator.toolkit.yardsticks import unlike

PAIR_GAP = re.compile(r"^\s*(?:[-–—/&,]|,?\s*and)\s*$", re.IGNORECASE)
BETWEEN = re.compile(
    r"(?<!gap )(?<!gaps )(?<!difference )(?<!differences )(?<!contrast )(?<!comparison )"
    r"(?<!match )(?<!game )(?<!final )(?<!rivalry )\b(?:between|among)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
"""Before a pairing phrase, a link of the pair itself ("a pact between India and Japan"), but
not after a word of comparison or contest ("the gap between India and Japan")."""
COMPOUND_GAP = re.compile(r"^\s*[-–—/]\s*$")
"""Between the two sides of a compound ("India–Japan", "Japan/India"): a name for what
binds them (the India–Japan CEPA, Japan–India talks), unlike a list ("Indian and Japanese")."""
INSTITUTION_BEFORE = re.compile(r"\s+(?:of\s+)?(?:the\s+)?$", re.IGNORECASE)
"""Between an institution and the place it belongs to: "Government of X", "Mayor of X"."""
INSTITUTION_AFTER = re.compile(r"(?:['’]s)?(?:\s+|\s*[-–]\s*)$")
"""Between a place and its institution: "X Prefecture", "X's governor", "X-based"."""
INSTITUTION_REACH = 9
"""Characters at most between a place and its institution."""
BETWEEN_REACH = 16
"""Characters before a pairing phrase searched for "between"."""
SENTENCE_END = re.compile(r"(?:[.!?;]|:[-–—]?)[\"'”’)\]]*$")
"""How a sentence of prose ends, unlike a headline, a label line or a menu; the colon and
dash of a legal text ("namely:—", "as follows:-") end one too."""
APPOSITION = re.compile(
    r"(?:^|\b(?:in|at|from|near|of|to)\s+(?:the\s+)?)"
    r"(?P<name>[A-Z][\w'-]+(?:[ -][A-Z][\w'-]+){0,2}),\s*$",
    re.MULTILINE,
)
"""A name set in apposition before a country: "KOCHI, Japan", "in Jagiroad, India"."""
APPOSITION_END = re.compile(r"\s*(?:[,.;:()\n]|[-–—]\s|$)")
"""What follows a country in apposition: punctuation, a dash, the line's end; not a
possessive ("JOGMEC, India's KABIL") or more words ("Country Manager, India at …")."""
APPOSITION_REACH = 48
"""Characters before a country's name searched for a name in apposition."""
ANSWERS_RECEIVED = r"(?:applications|bids|proposals|nominations)\s+(?:\w+\s+){0,2}"
"""What a side's call is answered with, received from the other side: "412 applications
were received from India" (not patients or visitors, whom a place receives for themselves;
not entries or offers, which private people send: a race's runners, a player's clubs)."""
RECEIVED = re.compile(
    rf"\breceiv(?:e|es|ed|ing)\s+(?:by\s+)?(?:the\s+)?$|\b{ANSWERS_RECEIVED}received\s+from\s+$",
    re.IGNORECASE,
)
"""Before an actor, a verb of receiving that makes it a guest ("receive the minister", "was
received by the Governor") or the one who answers a call (``ANSWERS_RECEIVED``); what is
received otherwise (a sum, rain) is no guest."""
RECEIVED_REACH = 48
"""Characters before an actor searched for a verb of receiving."""
OTHER_PAIR = re.compile(
    r"\b(?:between|among)\s+(?:the\s+)?[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)*\s+(?:and|&)\s+"
    r"(?:the\s+)?[A-Z]"
)
"""A pair of names after "between": in a clause that names one side at most, the pair a
joint reference there is about ("a bilateral grant between Tokyo and Male")."""
WORD_RUN = re.compile(r"[^\W_]+")
APART = re.compile(
    r"\b(?:separately|independently|individually|respectively|on\s+(?:their|its)\s+own)\b",
    re.IGNORECASE,
)
"""Words that make each of two sides listed together act apart from the other."""
FRAMING = re.compile(r",|\b(?:before|after|until|when|while|once)\b")
"""Between a complete dealing and a third party, what makes the third party's phrase the
dealing's frame rather than a party to it: a comma ("…, amid China's rise") or a
subordinating conjunction ("… an exercise before the ships leave for Sri Lanka")."""
JOINT_REACH = 10
"""Words at most between a joint reference and a word of interaction it is a party to."""
PROSE_LINE_WORDS = 6
"""Words a line needs to count as article prose rather than a label, menu or byline."""


@dataclass
class Vocabulary:
    """What a reading looks for; a side's terms carry the side's name as label, and terms
    labelled ``side_actors.IGNORED`` are phrases that contain a side's (or an off-topic
    subject's) term but are not the side (nor the subject: "storm water drains")."""

    sides: TermMatcher
    relation: TermMatcher
    third: TermMatcher
    multilateral: TermMatcher
    off_topic: TermMatcher
    places: TermMatcher
    institutions: TermMatcher
    private: TermMatcher
    """People who act for themselves, not for their side: "Indian tourists" are no actor."""
    missions: TermMatcher
    """Diplomatic missions: where one sits ("the Embassy of India, Tokyo") is no actor."""
    firms: FirmReader | None = field(default=None, kw_only=True)
    """Reads a firm's side from its name ("Kotobuki Tanzo Co., Ltd."); None: no firms."""


def pairs(text: str, matches: list[Match]) -> list[tuple[int, str, bool]]:
    """Phrases that put the two sides side by side: "India-Japan", "Japanese and Indian";
    and whether each is a compound of the sides' own names ("India–Japan", "Japan/India"),
    which names what binds them (the India–Japan CEPA) rather than listing the two."""
    found = []
    for first, second in itertools.pairwise(matches):
        gap = text[first.end : second.start]
        if first.term.label != second.term.label and PAIR_GAP.match(gap):
            compound = (
                bool(COMPOUND_GAP.match(gap))
                and first.term.text == first.term.label
                and second.term.text == second.term.label
            )
            found.append((first.start, text[first.start : second.end], compound))
    return found


def names_both(actors: set[str], places: set[str]) -> bool:
    """Both sides are there: an actor of each, or an actor of one and a place of the other
    ("Japan funds the Mumbai line")."""
    return len(actors) == 2 or (bool(actors) and len(actors | places) == 2)


@dataclass(slots=True)
class Sentence:
    """What one sentence says: which sides, third parties and subjects it names, and
    where (offsets in the text read), so that a dealing can be found clause by clause."""

    text: str
    start: int = 0
    sides: set[str] = field(default_factory=set)
    side_terms: list[tuple[str, str]] = field(default_factory=list)
    side_offsets: list[tuple[int, str]] = field(default_factory=list)
    body_offsets: list[int] = field(default_factory=list)
    """Where a body acting for a side starts: a firm, a name the text places on a side or a
    place next to an institution ("Pune-based Lumen Farms"), not the side's own term."""
    place_offsets: list[tuple[int, str]] = field(default_factory=list)
    relation_offsets: list[int] = field(default_factory=list)
    relation_words: list[str] = field(default_factory=list)
    """The word of interaction found at each of ``relation_offsets``, as configured."""
    joint_offsets: list[tuple[int, bool]] = field(default_factory=list)
    """Where a joint reference starts, and whether it is reciprocal ("each other")."""
    third: dict[str, int] = field(default_factory=dict)
    """Mentions of each third party; a plain dict, since a Counter is slow to create."""
    third_offsets: list[int] = field(default_factory=list)
    multilateral: list[str] = field(default_factory=list)
    multilateral_offsets: list[int] = field(default_factory=list)
    off_topic: list[tuple[str, str]] = field(default_factory=list)
    pairs: list[str] = field(default_factory=list)
    listed: list[bool] = field(default_factory=list)
    """For each of ``pairs``, whether it only lists the two ("Indian and Japanese shares"),
    rather than naming what binds them (a compound, or a pair after "between")."""
    relation: bool = False
    joint: bool = False


@dataclass(slots=True)
class Sentences:
    """The sentences of a text; only those that name something are made into objects,
    since most sentences of a long article name nothing the judge looks for."""

    count: int
    named: dict[int, Sentence]
    lead: frozenset[int] = frozenset()
    """Which sentences make the lead: the first sentences of prose."""
    actors: list[Match] = field(default_factory=list)
    """The side terms that name a side acting, institutional places among them, in order."""
    places: list[Match] = field(default_factory=list)
    """The places named, acting or not."""
    placed: dict[str, str] = field(default_factory=dict)
    """Names the text puts on a side ("Tokyo-based Harbor Capital"), with the side."""
    firms: list[Firm] = field(default_factory=list)
    """Firms whose side their name tells (:mod:`aggregator.toolkit.firm_names`)."""

    def in_order(self) -> list[Sentence]:
        return [self.named[index] for index in sorted(self.named)]


def read_sentences(
    text: str,
    settings: Vocabulary,
    lead_sentences: int = 3,
    placed: dict[str, str] | None = None,
    firms: list[Firm] | None = None,
) -> Sentences:
    """Every sentence with its matches: each matcher reads the whole text once. The first
    ``lead_sentences`` sentences of prose (words enough, and a full stop: not a headline,
    a "Subject: …" line or a menu) make the lead. Names the text puts on a side act for
    it, as do ``placed`` names and ``firms`` (those of the body, when reading its headline),
    and firms whose side their name tells, each mention of which counts as one of its side."""
    spans = sentence_spans(text)
    named: dict[int, Sentence] = {}
    if not spans:
        return Sentences(0, named)
    starts = [start for start, _ in spans]
    lead = frozenset(itertools.islice(_prose_sentences(text, spans), lead_sentences))

    def at(offset: int) -> Sentence:
        index = max(0, bisect_right(starts, offset) - 1)
        sentence = named.get(index)
        if sentence is None:
            start, end = spans[index]
            sentence = named[index] = Sentence(text[start:end], start)
        return sentence

    side_matches, seats = actors_and_seats(text, settings)
    for match in side_matches:
        sentence = at(match.start)
        sentence.sides.add(match.term.label)
        sentence.side_terms.append((match.term.label, match.term.text))
        sentence.side_offsets.append((match.start, match.term.label))
    places = [
        *unlike(text, settings.places.finditer(text)),
        *placed_by_apposition(text, side_matches, settings),
        *seats,
    ]
    places += place_short_names(text, places, settings.institutions)
    places.sort(key=lambda match: match.start)
    seated = seated_places(text, side_matches, places, settings)
    if seated:
        places = [place for place in places if place.start not in seated]
    institutional = institutional_places(text, settings, places)
    names = placed_names(text, [*side_matches, *places], lambda name: _known(name, settings)) | (
        placed or {}
    )
    thirds = list(settings.third.finditer(text))
    taken = [*side_matches, *places, *thirds]
    placed_mentions = mentions(text, names, taken) if names else []
    known_firms = (
        settings.firms.firms(text, lambda name: _known(name, settings), firms or [], names)
        if settings.firms
        else firms or []
    )
    firm_matches = (
        firm_mentions(text, known_firms, [*taken, *placed_mentions]) if known_firms else []
    )
    counted = {match.start for match in [*institutional, *firm_matches]}
    for match in [*institutional, *placed_mentions, *firm_matches]:
        side_matches.append(match)
        sentence = at(match.start)
        sentence.sides.add(match.term.label)
        sentence.side_offsets.append((match.start, match.term.label))
        sentence.body_offsets.append(match.start)
        if match.start in counted:  # a placed name acts, but is no mention of the side
            sentence.side_terms.append((match.term.label, match.term.text))
    side_matches.sort(key=lambda match: match.start)
    acting = {match.start for match in institutional}
    for match in places:
        if match.start not in acting:
            at(match.start).place_offsets.append((match.start, match.term.label))
    for match in thirds:
        sentence = at(match.start)
        sentence.third[match.term.label] = sentence.third.get(match.term.label, 0) + 1
        sentence.third_offsets.append(match.start)
    for match in settings.multilateral.finditer(text):
        sentence = at(match.start)
        sentence.multilateral.append(match.term.text)
        sentence.multilateral_offsets.append(match.start)
    for start, name in world_events(text):
        sentence = at(start)
        sentence.multilateral.append(name)
        sentence.multilateral_offsets.append(start)
    for match in settings.off_topic.finditer(text):
        if match.term.label != IGNORED:
            at(match.start).off_topic.append((match.term.label, match.term.text))
    for match in settings.relation.finditer(text):
        sentence = at(match.start)
        sentence.relation = True
        sentence.relation_offsets.append(match.start)
        sentence.relation_words.append(match.term.text)
    for offset in _receptions(text, side_matches):
        sentence = at(offset)
        position = bisect_left(sentence.relation_offsets, offset)
        sentence.relation = True
        sentence.relation_offsets.insert(position, offset)
        sentence.relation_words.insert(position, "receive")
    for offset, reciprocal in joint_references(text):
        sentence = at(offset)
        sentence.joint = True
        sentence.joint_offsets.append((offset, reciprocal))
    for start, phrase, compound in pairs(text, side_matches):
        sentence = at(start)
        sentence.pairs.append(phrase)
        binds = compound or bool(BETWEEN.search(text, max(0, start - BETWEEN_REACH), start))
        sentence.listed.append(not binds)
        if binds:
            sentence.joint_offsets.append((start, True))
    return Sentences(len(spans), named, lead, side_matches, places, names, known_firms)


def _receptions(text: str, actors: list[Match]) -> list[int]:
    """Where a verb of receiving has an actor for its object (``RECEIVED``): a word of
    interaction there, as "hosted" or "welcomed" is, though "received" alone is not one
    ("received ₹1,050 crore")."""
    if "eceiv" not in text:
        return []
    found = []
    for match in actors:
        verb = RECEIVED.search(text, max(0, match.start - RECEIVED_REACH), match.start)
        if verb is not None:
            found.append(verb.start())
    return found


def _prose_sentences(text: str, spans: list[tuple[int, int]]) -> Iterator[int]:
    """The sentences of prose: ``PROSE_LINE_WORDS`` words or more, and an end. No word
    crosses a sentence's bounds: its words are the tokens that start in it (bisection)."""
    word_starts = tokenize(text).bounds()[0::2][:-1]
    for index, (start, end) in enumerate(spans):
        words = bisect_left(word_starts, end) - bisect_left(word_starts, start)
        if words >= PROSE_LINE_WORDS and SENTENCE_END.search(text, start, end):
            yield index


def placed_by_apposition(text: str, actors: list[Match], settings: Vocabulary) -> list[Match]:
    """Places the text itself puts in a side's country: "KOCHI, Japan", "a plant in
    Jagiroad, India" make every mention of Kochi or Jagiroad in the text a place of that
    side. Only a side's own name (the country), followed by punctuation, places a name, only
    after a line start or a preposition, and never a name the vocabulary knows (a listed
    place, actor or third party), so that "China, Japan, India" places nothing."""
    found: list[Match] = []
    named: dict[str, str] = {}
    for actor in actors:
        if actor.term.text != actor.term.label or not APPOSITION_END.match(text, actor.end):
            continue
        before = APPOSITION.search(text, max(0, actor.start - APPOSITION_REACH), actor.start)
        if before is None:
            continue
        name = before.group("name")
        if name.casefold() not in named and not _known(name, settings):
            named[name.casefold()] = actor.term.label
    for key, label in named.items():
        term = Term(key, label)
        for mention in re.finditer(rf"\b{re.escape(key)}\b", text, re.IGNORECASE):
            if mention.group(0)[:1].isupper():
                found.append(Match(term, mention.group(0), mention.start(), mention.end()))
    return found


def _known(name: str, settings: Vocabulary) -> bool:
    return any(
        matcher.spans_whole(name) for matcher in (settings.sides, settings.places, settings.third)
    )


def institutional_places(
    text: str, settings: Vocabulary, places: list[Match] | None = None
) -> list[Match]:
    """Places that stand for an institution of their side, and so act as its actors: "the
    Government of X", "the Mayor of X", "X Prefecture", "an X-based company"; ``places``
    are the text's place matches when already found."""
    if places is None:
        places = list(settings.places.finditer(text))
    if not places:
        return []
    institutions = list(settings.institutions.finditer(text))
    if not institutions:
        return []
    ends = [institution.end for institution in institutions]
    found = []
    for place in places:
        index = bisect_right(ends, place.start)
        before = institutions[index - 1] if index else None
        after = next((i for i in institutions[index:] if i.start >= place.end), None)
        if (
            before is not None
            and place.start - before.end <= INSTITUTION_REACH
            and INSTITUTION_BEFORE.match(text, before.end, place.start)
        ) or (
            after is not None
            and after.start - place.end <= INSTITUTION_REACH
            and INSTITUTION_AFTER.match(text, place.end, after.start)
        ):
            found.append(place)
    return found


def states_dealing(sentence: Sentence, both_named: bool, *, min_words: int) -> bool:
    """Whether one clause of the sentence links an actor of each side by a word of
    interaction, or the sentence opens a transport link between the two
    (:func:`opens_route`). An actor is a side's term, "the two countries" once both sides
    are named, or, opposite an actor of the other side, a place of one side ("Japan funds
    the Mumbai line"). Two sides listed together and said to act apart ("Japan and India
    both fund ports, but separately") deal with each other nowhere in the sentence."""
    return dealing_clause(sentence, both_named, min_words=min_words) is not None or (
        opens_route(sentence)
    )


def dealing_clause(
    sentence: Sentence, both_named: bool, *, min_words: int
) -> tuple[int, int] | None:
    """The first clause of the sentence that links an actor of each side by a word of
    interaction (:func:`states_dealing`, less its routes), as offsets in the text read."""
    if not _may_name_both(sentence, both_named) or _apart(sentence):
        return None
    for start, end in clauses(sentence):

        def inside(offset: int, start: int = start, end: int = end) -> bool:
            return start <= offset < end

        actors = {label for offset, label in sentence.side_offsets if inside(offset)}
        places = {label for offset, label in sentence.place_offsets if inside(offset)}
        joint = [
            reciprocal
            for offset, reciprocal in sentence.joint_offsets
            if inside(offset) and not _negated(sentence, offset, start)
        ]
        both = names_both(actors, places)
        if not both and (
            not (joint and both_named)
            or OTHER_PAIR.search(sentence.text, start - sentence.start, end - sentence.start)
        ):
            continue  # no dealing without both sides: the words of interaction are not read
        relations = [
            (offset, word)
            for offset, word in zip(sentence.relation_offsets, sentence.relation_words, strict=True)
            if inside(offset) and not _negated(sentence, offset, start)
        ]
        if not both and not any(joint):
            relations = _near_joint(sentence, relations, start, end)
        linked = any(joint) or (bool(relations) and not _each_its_own(sentence, relations, inside))
        if linked and not _third_party_in_it(sentence, start, end, relations):
            words = len(
                WORD_RUN.findall(sentence.text, start - sentence.start, end - sentence.start)
            )
            if words >= min_words:
                return start, end
    return None


def _near_joint(
    sentence: Sentence, relations: list[tuple[int, str]], start: int, end: int
) -> list[tuple[int, str]]:
    """The words of interaction of a clause whose only pair is a joint reference ("the two
    countries") within ``JOINT_REACH`` words of it, as its verb, object or subject is ("the
    two countries signed", "both sides on Monday agreed", "the memorandum lets laboratories
    in the two countries ..."); one far from it is what each does on its own ("both
    countries are betting on ammonia co-firing and carbon capture to prolong the life of
    newer coal plants")."""
    joints = [offset for offset, _ in sentence.joint_offsets if start <= offset < end]
    near = []
    for offset, word in relations:
        for joint in joints:
            first, last = sorted((joint - sentence.start, offset - sentence.start))
            if len(WORD_RUN.findall(sentence.text, first, last)) <= JOINT_REACH:
                near.append((offset, word))
                break
    return near


def _apart(sentence: Sentence) -> bool:
    """Whether the sentence lists the two sides together and says they act apart: each its
    own instance of the same act ("separately", "independently", "respectively")."""
    return any(sentence.listed) and APART.search(sentence.text) is not None


def _may_name_both(sentence: Sentence, both_named: bool) -> bool:
    """Whether some clause of the sentence may name both sides: the sentence names an
    actor and two sides among its actors and places, or has a joint reference once both
    are named. Checked once for the sentence, it spares most sentences the reading of
    their clauses."""
    labels = {label for _, label in sentence.side_offsets}
    if labels:
        labels.update(label for _, label in sentence.place_offsets)
    return len(labels) >= 2 or (bool(sentence.joint_offsets) and both_named)


def _negated(sentence: Sentence, offset: int, start: int) -> bool:
    """Whether a word of interaction is denied by the few words before it in its clause
    ("there would be no joint events", "did not sign", "without any agreement"). A word
    the reach cuts is left out: "Governor" ends in "nor", no denial."""
    text, end = sentence.text, offset - sentence.start
    first = max(start, offset - NEGATION_REACH) - sentence.start
    if first > start - sentence.start and text[first - 1].isalnum():
        cut = WORD_RUN.match(text, first, end)
        if cut is not None:
            first = cut.end()
    return denied(text[first:end])


def _third_party_in_it(
    sentence: Sentence, start: int, end: int, relations: list[tuple[int, str]]
) -> bool:
    """Whether a third party of the clause may be a party to its dealing: named before the
    dealing is complete ("Singapore signed pacts with India and Japan", "India signed a
    deal with the US, and Japan is watching"), in the same phrase as its end ("Japan sought
    lower tariffs in its talks with Washington"), or listed with a side ("in Tokyo and
    Canberra"). One named after a comma once both sides and their link have been named is
    what the dealing is about ("India and Japan agreed to build radars, amid China's
    rise")."""
    thirds = [offset for offset in sentence.third_offsets if start <= offset < end]
    if not thirds:
        return False
    firsts: dict[str, int] = {}
    for offset, label in sorted([*sentence.side_offsets, *sentence.place_offsets]):
        if start <= offset < end:
            firsts.setdefault(label, offset)
    joint = [(offset, reciprocal) for offset, reciprocal in sentence.joint_offsets]
    joint = [(offset, reciprocal) for offset, reciprocal in joint if start <= offset < end]
    parties = sorted(firsts.values()) if len(firsts) == 2 else [offset for offset, _ in joint][:1]
    links = [offset for offset, reciprocal in joint if reciprocal] or [o for o, _ in relations]
    complete = max([*parties, *links[:1]])
    sides = sorted(offset for offset, _ in sentence.side_offsets)
    return any(
        offset < complete
        or not FRAMING.search(sentence.text, complete - sentence.start, offset - sentence.start)
        or _listed_after_a_side(sentence, offset, sides)
        for offset in thirds
    )


def _listed_after_a_side(sentence: Sentence, offset: int, sides: list[int]) -> bool:
    """Whether the term at ``offset`` follows a side's term in a list: "Tokyo and Canberra"."""
    index = bisect_right(sides, offset) - 1
    if index < 0:
        return False
    gap = sentence.text[sides[index] - sentence.start : offset - sentence.start]
    word = WORD_RUN.match(gap)
    return word is not None and PAIR_GAP.match(gap[word.end() :]) is not None


def in_parallel(sentence: Sentence) -> bool:
    """Whether a sentence that names both sides and no dealing reports them side by side:
    each in a clause of its own ("India's exports rose; Japan's fell"), each with its own
    instance of one word of interaction ("India is buying volume, Japan is buying
    security"), or listed together ("Indian and Japanese shares closed higher"), rather
    than naming both in one clause with no word of interaction ("workers from India
    arrived in Japan")."""
    if any(sentence.listed):
        return True
    alone: set[str] = set()
    for start, end in clauses(sentence):

        def inside(offset: int, start: int = start, end: int = end) -> bool:
            return start <= offset < end

        named = {label for offset, label in sentence.side_offsets if inside(offset)}
        if len(named) == 1:
            alone |= named
        relations = [
            (offset, word)
            for offset, word in zip(sentence.relation_offsets, sentence.relation_words, strict=True)
            if inside(offset)
        ]
        if len(named) == 2 and relations and _each_its_own(sentence, relations, inside):
            return True
    return len(alone) == 2


def _each_its_own(
    sentence: Sentence, relations: list[tuple[int, str]], inside: Callable[[int], bool]
) -> bool:
    """Whether each side of a clause has its own instance of one word of interaction, in
    turn: "India is buying volume, Japan is buying security" reports the two in parallel,
    while "India will supply rice to Japan, and Japan will supply …" links them."""
    events = sorted(
        [(offset, label) for offset, label in sentence.side_offsets if inside(offset)]
        + [(offset, "") for offset, _ in relations]
    )
    labels = [label for _, label in events]
    return (
        len(relations) == 2
        and relations[0][1] == relations[1][1]
        and len(labels) == 4
        and labels[1] == labels[3] == ""
        and labels[0] != labels[2]
        and "" not in (labels[0], labels[2])
    )
