"""Judge whether an item is about relations between two sides, and say why.

"Bilateral" means both sides act in the same story. An item with no article
body left after cleaning (page furniture, a headline alone) is dropped before
scoring, and so is a document that marks itself as a kind that is no report
(``not_reports``: three phrases of a job posting, of an invitation), whatever it
names. Otherwise the plugin reads the headline and the body (hard-wrapped
lines joined back into sentences) clause by clause and counts *dealings*, as
``aggregator.toolkit.dealings`` reads them: clauses where an actor of each side
(or "the two countries" once both are named, a place of one side where the
other acts, or a place next to an institution: "the Government of Gujarat")
is linked by a word of interaction (talks, agreement, exercise, loan...) and
no third party stands before the dealing is complete. A story needs at least one
dealing; a dealing in the headline or in the lead (the first sentences of prose)
weighs most, and phrases that pair the two ("India–Japan", "Tokyo and New Delhi"), the share of
dealing sentences and whether the headline and lead name both add to it. Two
sides reported in parallel ("India's exports rose; Japan's fell", "Indian and
Japanese shares closed higher") are no dealing and count against the story; a
sentence that names both in one clause without a word of interaction counts half.
Against it too weigh a third party that dominates the story, a multilateral
setting in which the two are bystanders, one side mentioned only in passing,
and vocabulary of subjects that mention both without being about their
relations (markets, sport, entertainment, disasters, one company's results).
Every term list lives in ``[plugins.judge_relevance]`` in feeds.toml, so
another pair of countries, or two companies, needs configuration and no code.

The score and its reasons are stored in ``item.relevance``; the item is
dropped when the score is below ``threshold``.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from aggregator import Config, ConfigError, Item, Option, Relevance, StashKey, hookimpl
from aggregator.toolkit.dealings import (
    IGNORED,
    PROSE_LINE_WORDS,
    Sentences,
    Vocabulary,
    actors,
    in_parallel,
    names_both,
    read_sentences,
    states_dealing,
)
from aggregator.toolkit.prose import unwrap
from aggregator.toolkit.terms import Term, TermMatcher, tokenize

NAME = "judge_relevance"

SCHEMA = {
    "topic": Option(str, "", help="what the feed is about, for drop reasons"),
    "threshold": Option(float, 4.0, help="items scoring below this are dropped"),
    "sides": Option(dict, {}, help="exactly two tables: side name = [actor terms]"),
    "relation_terms": Option(list, [], item_type=str, help="words of interaction"),
    "ignore_terms": Option(
        list, [], item_type=str, help="phrases that contain a side's term but are not an actor"
    ),
    "third_parties": Option(dict, {}, help="other actors: name = [terms]"),
    "multilateral_terms": Option(list, [], item_type=str, help="multilateral bodies, meetings"),
    "off_topic": Option(dict, {}, help="subject name = [terms] of stories that only mention both"),
    "not_reports": Option(
        dict,
        {},
        help="kind of document = [phrases that mark it]: a document with three of one"
        " kind's phrases (a job posting, an invitation) is no report",
    ),
    "places": Option(
        dict, {}, help="side name = [place terms]: where that side is, for a dealing only"
    ),
    "institutions": Option(
        list,
        [],
        item_type=str,
        help="words that make a place next to them an actor (Government of <place>)",
    ),
    "missions": Option(
        list,
        [],
        item_type=str,
        help="diplomatic missions: the seat in '<mission> of <side>, <seat>' is no actor",
    ),
    "private_persons": Option(
        list,
        [],
        item_type=str,
        help="people who act for themselves: a side's term before one is no actor (tourists)",
    ),
}

LINE_BREAK = re.compile("[\n\r\x0b\x0c\x1c-\x1e\x85\u2028\u2029]")
"""What ``str.splitlines`` breaks lines at ("\\r\\n" breaks twice, around an empty line)."""
SENTENCE_QUOTE = 140
MIN_BODY_WORDS = 12
"""Words of prose an item needs to have an article body at all: about one sentence of
news (a headline alone, a menu, a subscription footer fall short)."""
MIN_DEALING_WORDS = 5
"""Words a body clause needs to state a dealing: "India-Japan Relations" in a menu is a
label, "Japan signed a loan with India" a statement."""

TITLE_MENTION_WEIGHT = 2
"""How many mentions a side's term in the headline counts for (one in the text counts once)."""
CROWDED_SENTENCE_ACTORS = 4
"""Sides and third parties a sentence must name together to read as a multilateral setting."""

BILATERAL_SENTENCE_WEIGHT = 1.5
"""Points for each sentence in which the two sides act together."""
BILATERAL_SENTENCE_CAP = 6
"""Bilateral sentences counted at most, so that length alone does not make relevance."""
HEADLINE_DEALING_WEIGHT = 3.0
"""Points when the headline itself states a dealing ("Japan signs loan for Indian rail")."""
LEAD_DEALING_WEIGHT = 2.0
"""Points when one of the first sentences of prose states a dealing: a report says what
it is about first, whatever its headline (which may be a label, or name one side only)."""
LEAD_SENTENCES = 3
"""Sentences of prose (``PROSE_LINE_WORDS`` words or more) that make the lead."""
PAIR_WEIGHT = 0.75
"""Points for each phrase that pairs the two sides in a dealing ("India–Japan talks")."""
PAIR_CAP = 4
"""Pairing phrases counted at most."""
HEADLINE_WEIGHT = 2.0
"""Points when the headline names both sides."""
LEAD_WEIGHT = 1.0
"""Points when the lead (summary or first paragraph) names both sides."""
WEAKER_SIDE_MENTION_WEIGHT = 0.25
"""Points for each mention of the less mentioned side: both must be present throughout."""
WEAKER_SIDE_MENTION_CAP = 8
"""Mentions of the weaker side counted at most."""
COVERAGE_WEIGHT = 4.0
"""Points for the share of sentences that name both sides (scaled from 0 to 1); parallel
reports among them are taken off again by ``PARALLEL_WEIGHT`` when they outnumber dealings."""

NO_DEALING_PENALTY = 4.0
"""Taken off when neither the headline nor any clause of the body states a dealing:
naming both sides is not enough (a notice of one embassy, one company's recall). Taken
off too when only the headline does and the body names both sides without linking them
anywhere: the headline's link is a figure of speech ("What Indian offices can borrow from
Japanese factories"), while a short body that names one side only leaves the headline to
say it."""
PARALLEL_WEIGHT = 1.0
"""Taken off per sentence that reports the two sides in parallel, beyond the dealings."""
UNLINKED_SHARE = 0.5
"""How much of a parallel report a sentence counts for that names both sides in one clause
with no word of interaction ("care workers from India arrived in Japan"): weaker evidence
against the story than two subjects reported side by side."""
PARALLEL_PENALTY_CAP = 3.0
"""The most parallel reports can take off."""
PASSING_MENTION_PENALTY = 3.0
"""Taken off when one side is named at most once: it is there only in passing."""
PASSING_MENTION_LIMIT = 1
"""Mentions of the weaker side at or below which it counts as a passing mention."""
THIRD_PARTY_WEIGHT = 1.5
"""Taken off per time the leading third party outnumbers the weaker side's mentions."""
THIRD_PARTY_PENALTY_CAP = 4.0
"""The most a dominating third party can take off."""
MULTILATERAL_PENALTY = 2.0
"""Taken off when multilateral sentences outnumber bilateral ones in a thinly bilateral story."""
MULTILATERAL_BILATERAL_FLOOR = 3
"""Bilateral sentences from which a story is bilateral whatever its multilateral setting."""
OFF_TOPIC_SHARE = 0.25
"""Share of sentences an off-topic subject must reach to count against the story."""
OFF_TOPIC_MIN_TERMS = 3
"""Mentions of an off-topic subject's terms it needs to count against the story."""
OFF_TOPIC_WEIGHT = 10.0
"""Taken off per share of sentences (0 to 1) in which an off-topic subject appears."""
OFF_TOPIC_PENALTY_CAP = 6.0
"""The most one off-topic subject can take off."""
OFF_TOPIC_DAMPING = 0.5
"""Factor on the off-topic penalty of a story with many bilateral sentences."""
OFF_TOPIC_DAMPED_FROM = 4
"""Bilateral sentences from which the off-topic penalty is damped."""
NOT_REPORT_MARKERS = 3
"""Distinct phrases of one kind of document that is no report (``not_reports``) which mark
a document as that kind: a job posting's "Responsibilities", "Qualifications" and "Apply
now"; one phrase alone is what a report may quote."""


@dataclass
class Settings(Vocabulary):
    """The judge's settings for one project, read from ``[plugins.judge_relevance]``."""

    topic: str
    threshold: float
    side_names: tuple[str, str]
    not_reports: TermMatcher
    """The marks of kinds of documents that are no report, labelled with the kind."""


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
    multilateral_sentences: int = 0
    pairs: Counter[str] = field(default_factory=Counter)
    title_both: bool = False
    lead_both: bool = False
    body_both: bool = False
    """Whether the body names both sides (an actor of each, or an actor and a place)."""
    third: Counter[str] = field(default_factory=Counter)
    multilateral: Counter[str] = field(default_factory=Counter)
    off_topic: dict[str, Counter[str]] = field(default_factory=dict)
    off_topic_sentences: Counter[str] = field(default_factory=Counter)
    place_mentions: Counter[str] = field(default_factory=Counter)
    """Mentions of each side's places: where a side is present without being named."""

    def side_count(self, side: str) -> int:
        terms = self.side_terms.get(side)
        return sum(terms.values()) if terms else 0

    def presence(self, side: str) -> int:
        """Mentions of a side's actors and places: a report on a loan for the Mumbai line
        that names India once is no passing mention of India."""
        return self.side_count(side) + self.place_mentions[side]


SETTINGS = StashKey[Settings | None]()
"""This plugin's settings in ``config.stash``; None when no sides are configured."""


def _table_terms(config: Config, key: str, table: dict[str, Any]) -> list[Term]:
    terms: list[Term] = []
    for label, values in table.items():
        if not isinstance(values, list) or not all(isinstance(v, str) for v in values):
            raise ConfigError(config.path, f"{key}.{label}", "expected a list of strings")
        terms.extend(Term(value, label) for value in values)
    return terms


@hookimpl
def aggregator_configure(config: Config) -> None:
    options = config.plugin_options(NAME, SCHEMA)
    sides = options["sides"]
    if not sides:
        config.stash[SETTINGS] = None
        return
    if len(sides) != 2:
        raise ConfigError(
            config.path,
            f"plugins.{NAME}.sides",
            f"expected exactly two sides, got {len(sides)}",
            'e.g. sides = { India = ["India", ...], Japan = ["Japan", ...] }',
        )
    names = tuple(sides)
    config.stash[SETTINGS] = Settings(
        topic=options["topic"] or f"{names[0]}–{names[1]} relations",
        threshold=options["threshold"],
        side_names=(names[0], names[1]),
        not_reports=TermMatcher(
            _table_terms(config, f"plugins.{NAME}.not_reports", options["not_reports"])
        ),
        sides=TermMatcher(
            [
                *_table_terms(config, f"plugins.{NAME}.sides", sides),
                *(Term(text, IGNORED) for text in options["ignore_terms"]),
            ]
        ),
        relation=TermMatcher(Term(t, "relation") for t in options["relation_terms"]),
        third=TermMatcher(
            _table_terms(config, f"plugins.{NAME}.third_parties", options["third_parties"])
        ),
        multilateral=TermMatcher(Term(t, "multilateral") for t in options["multilateral_terms"]),
        off_topic=TermMatcher(
            _table_terms(config, f"plugins.{NAME}.off_topic", options["off_topic"])
        ),
        places=TermMatcher(_places(config, options["places"], names)),
        institutions=TermMatcher(Term(t, "institution") for t in options["institutions"]),
        private=TermMatcher(Term(t, "private") for t in options["private_persons"]),
        missions=TermMatcher(Term(t, "mission") for t in options["missions"]),
    )


def _places(config: Config, places: dict[str, Any], side_names: tuple[str, ...]) -> list[Term]:
    unknown = sorted(set(places) - set(side_names))
    if unknown:
        raise ConfigError(
            config.path,
            f"plugins.{NAME}.places",
            f"places of {', '.join(unknown)}, which is not a side",
            f"the sides are {' and '.join(side_names)}",
        )
    return _table_terms(config, f"plugins.{NAME}.places", places)


def sides_seen_before(evidence: Evidence) -> bool:
    """Whether both sides have been named so far, so "the two countries" can refer to them."""
    return all(evidence.side_terms[name] for name in evidence.side_terms)


def _side_labels(text: str, settings: Settings) -> set[str]:
    return {match.term.label for match in actors(text, settings)}


def _summary_names(summary: str, text: str, settings: Settings) -> tuple[set[str], set[str]]:
    """The sides acting and the places the summary names.

    Most summaries are the text's first paragraph, and then they are taken from the matches
    in the text, which the body's reading has just found, instead of a second reading.
    That is exact when no match of the matchers :func:`actors` and the places use crosses
    the paragraph break: the paragraph's words are the text's first words, a term found
    across the break would have taken the place of any found in the paragraph, and no
    match in the paragraph depends on a match after it."""
    cut = len(summary)
    if not text.startswith(summary) or not (cut == len(text) or text.startswith("\n\n", cut)):
        return _side_labels(summary, settings), settings.places.labels(summary)
    matchers = (settings.sides, settings.private, settings.missions, settings.places)
    if any(match.start < cut < match.end for each in matchers for match in each.finditer(text)):
        return _side_labels(summary, settings), settings.places.labels(summary)
    return (
        {match.term.label for match in actors(text, settings) if match.end <= cut},
        {match.term.label for match in settings.places.finditer(text) if match.end <= cut},
    )


def body_words(text: str) -> int:
    """Words of the text's prose lines: what is left of an article once short lines (labels,
    menus, bylines, buttons) are set aside.

    The words are the text's tokens (``WORD_RUN`` is the tokens' pattern, and the judge
    tokenises the text anyway); no word holds a line break, so a line's words are those
    that start between its breaks, counted by bisection instead of a scan of each line."""
    tokens = tokenize(text)
    starts = tokens.bounds()[0 : 2 * len(tokens.words) : 2]
    total = first = 0
    for line_break in LINE_BREAK.finditer(text):
        end = bisect_left(starts, line_break.start(), first)
        if end - first >= PROSE_LINE_WORDS:
            total += end - first
        first = end
    if len(starts) - first >= PROSE_LINE_WORDS:
        total += len(starts) - first
    return total


def gather(item: Item, settings: Settings, text: str | None = None) -> Evidence:
    """What the headline, the lead and the body say, read in sentences with hard-wrapped
    lines joined back (a dealing stated across a line break is still one clause)."""
    text = unwrap(item.text) if text is None else text
    evidence = Evidence(side_terms={name: Counter() for name in settings.side_names})
    body = read_sentences(text, settings, LEAD_SENTENCES)
    if item.summary:  # read before the title, while the matchers still hold the body's matches
        evidence.lead_both = names_both(*_summary_names(item.summary, text, settings))
    title = read_sentences(item.title, settings, lead_sentences=0, placed=body.placed)
    evidence.title_both = names_both(
        _side_labels(item.title, settings), settings.places.labels(item.title)
    )
    if not item.summary:  # the first paragraph: the body's matches that end in it
        lead_end = len(text.split("\n\n", 1)[0])
        lead_sides = {match.term.label for match in body.actors if match.end <= lead_end}
        lead_places = {match.term.label for match in body.places if match.end <= lead_end}
        evidence.lead_both = names_both(lead_sides, lead_places)
    evidence.body_both = names_both(
        {match.term.label for match in body.actors}, {match.term.label for match in body.places}
    )
    evidence.sentences = body.count
    first_title = title.named.get(0) if title.count else None
    read = [(-1, first_title), *((index, body.named[index]) for index in sorted(body.named))]
    dealt: set[int] = set()
    for index, sentence in read:
        if sentence is None:
            continue
        in_title = index < 0
        for label, term in sentence.side_terms:
            evidence.side_terms[label][term] += TITLE_MENTION_WEIGHT if in_title else 1
        for _, label in sentence.place_offsets:
            evidence.place_mentions[label] += TITLE_MENTION_WEIGHT if in_title else 1
        if sentence.third:  # Counter.update is slow to do nothing, and most sentences name none
            evidence.third.update(sentence.third)
        if sentence.multilateral:
            evidence.multilateral.update(sentence.multilateral)
        if sentence.off_topic:
            subjects = set()
            for subject, term in sentence.off_topic:
                evidence.off_topic.setdefault(subject, Counter())[term] += 1
                subjects.add(subject)
            if not in_title:
                evidence.off_topic_sentences.update(subjects)
        named_actors = len(sentence.sides) + len(sentence.third)
        crowded = named_actors >= CROWDED_SENTENCE_ACTORS or bool(sentence.multilateral)
        if crowded:
            evidence.multilateral_sentences += 1
        both_named = sides_seen_before(evidence) and not _after_third_party(body, index, dealt)
        if in_title:
            evidence.headline_dealing = not crowded and states_dealing(
                sentence, both_named, min_words=0
            )
            continue
        dealing = (
            len(sentence.third) <= 1
            and not crowded
            and states_dealing(sentence, both_named, min_words=MIN_DEALING_WORDS)
        )
        if len(sentence.sides) == 2:
            evidence.both_sentences += 1
            if not dealing and in_parallel(sentence):
                evidence.parallel_sentences.append(sentence.text)
            elif not dealing:
                evidence.unlinked_sentences.append(sentence.text)
        if dealing:
            dealt.add(index)
            evidence.bilateral_sentences.append(sentence.text)
            evidence.pairs.update(sentence.pairs)
            evidence.lead_dealing |= index in body.lead
    return evidence


def _after_third_party(body: Sentences, index: int, dealt: set[int]) -> bool:
    """Whether the sentence before links a third party to a side (names both and a word of
    interaction) and states no dealing of the two sides: then "the two countries" may be
    that third party and the side ("Singapore signed a pact with India. It links the two
    countries' payment systems")."""
    previous = body.named.get(index - 1) if index > 0 else None
    return (
        previous is not None
        and bool(previous.third)
        and bool(previous.sides)
        and previous.relation
        and index - 1 not in dealt
    )


def score(evidence: Evidence, settings: Settings) -> tuple[float, list[str], list[str]]:
    """The relevance score with the reasons for it and the reasons against."""
    first, second = settings.side_names
    presence = {name: evidence.presence(name) for name in settings.side_names}
    weaker = min(presence.values())
    bilateral = len(evidence.bilateral_sentences)
    pairs = sum(evidence.pairs.values())
    coverage = evidence.both_sentences / max(1, evidence.sentences)
    total = (
        BILATERAL_SENTENCE_WEIGHT * min(bilateral, BILATERAL_SENTENCE_CAP)
        + (HEADLINE_DEALING_WEIGHT if evidence.headline_dealing else 0.0)
        + (LEAD_DEALING_WEIGHT if evidence.lead_dealing else 0.0)
        + PAIR_WEIGHT * min(pairs, PAIR_CAP)
        + (HEADLINE_WEIGHT if evidence.title_both else 0.0)
        + (LEAD_WEIGHT if evidence.lead_both else 0.0)
        + WEAKER_SIDE_MENTION_WEIGHT * min(weaker, WEAKER_SIDE_MENTION_CAP)
        + COVERAGE_WEIGHT * coverage
    )
    pro = [_side_reason(name, evidence) for name in settings.side_names]
    if bilateral:
        quote = _quote(evidence.bilateral_sentences[0])
        pro.append(
            f"both act together in {bilateral} of {evidence.sentences} sentences, e.g. “{quote}”"
        )
    if evidence.headline_dealing:
        pro.append("the headline states a dealing between the sides")
    if evidence.lead_dealing:
        pro.append("the lead states a dealing between the sides")
    if pairs:
        pro.append("pairing phrases: " + _counts(evidence.pairs))
    if evidence.title_both:
        pro.append("the headline names both sides")
    if evidence.lead_both:
        pro.append("the lead names both sides")
    con: list[str] = []
    if not bilateral and not evidence.headline_dealing:
        total -= NO_DEALING_PENALTY
        con.append("no clause links an actor of each side by a dealing")
    elif not bilateral and evidence.body_both:
        total -= NO_DEALING_PENALTY
        con.append("only the headline links the sides; the body names both and links them nowhere")
    parallel = len(evidence.parallel_sentences)
    unlinked = len(evidence.unlinked_sentences)
    weighted = parallel + UNLINKED_SHARE * unlinked
    if weighted > bilateral:
        total -= min(PARALLEL_PENALTY_CAP, PARALLEL_WEIGHT * (weighted - bilateral))
        example = (evidence.parallel_sentences or evidence.unlinked_sentences)[0]
        con.append(
            f"the sides are reported in parallel in {parallel} sentences and named without"
            f" a link in {unlinked}, e.g. “{_quote(example)}”"
        )
    if weaker <= PASSING_MENTION_LIMIT:
        weak_side = first if presence[first] <= presence[second] else second
        total -= PASSING_MENTION_PENALTY
        con.append(f"{weak_side} appears {'only once' if presence[weak_side] else 'nowhere'}")
    if evidence.third:
        (leader, leader_count), *_ = evidence.third.most_common(1)
        if leader_count > weaker:
            total -= min(
                THIRD_PARTY_PENALTY_CAP, THIRD_PARTY_WEIGHT * leader_count / max(1, weaker)
            )
            con.append(
                f"a third party dominates: {leader} ×{leader_count}, more than the weaker side"
                f" ({weaker})"
            )
    if evidence.multilateral_sentences > bilateral and bilateral < MULTILATERAL_BILATERAL_FLOOR:
        total -= MULTILATERAL_PENALTY
        named = _counts(evidence.multilateral) or "several countries together"
        con.append(
            f"multilateral setting ({named}) in {evidence.multilateral_sentences} sentences,"
            f" bilateral in {bilateral}"
        )
    for subject, terms in sorted(evidence.off_topic.items()):
        share = evidence.off_topic_sentences[subject] / max(1, evidence.sentences)
        if sum(terms.values()) >= OFF_TOPIC_MIN_TERMS and share >= OFF_TOPIC_SHARE:
            damping = OFF_TOPIC_DAMPING if bilateral >= OFF_TOPIC_DAMPED_FROM else 1.0
            total -= damping * min(OFF_TOPIC_PENALTY_CAP, OFF_TOPIC_WEIGHT * share)
            con.append(
                f"{subject} story: {subject} terms in {share:.0%} of sentences ({_counts(terms)})"
            )
    return total, pro, con


def _unscored(why: str, settings: Settings) -> Relevance:
    """The verdict on an item dropped before scoring, with why."""
    return Relevance(score=0.0, threshold=settings.threshold, reasons=[f"dropped: {why}"])


def not_a_report(title: str, text: str, settings: Settings) -> tuple[str, str] | None:
    """The kind of document that is no report (``not_reports``) the headline and text
    mark with :data:`NOT_REPORT_MARKERS` of its phrases or more, and those phrases."""
    marks: dict[str, dict[str, None]] = {}
    for part in (title, text):
        for match in settings.not_reports.finditer(part):
            marks.setdefault(match.term.label, {})[match.term.text.casefold()] = None
    for name, found in marks.items():
        if len(found) >= NOT_REPORT_MARKERS:
            return name, ", ".join(f"“{mark}”" for mark in found)
    return None


def _side_reason(name: str, evidence: Evidence) -> str:
    terms = evidence.side_terms.get(name)
    return f"{name} side: {(_counts(terms) if terms else '') or 'none'}"


def _counts(counter: Counter[str], limit: int = 5) -> str:
    return ", ".join(f"{term} ×{count}" for term, count in counter.most_common(limit))


def _quote(sentence: str) -> str:
    flat = " ".join(sentence.split())
    if len(flat) <= SENTENCE_QUOTE:
        return flat
    return flat[:SENTENCE_QUOTE].rsplit(" ", 1)[0] + "…"


@hookimpl
def aggregator_judge_item(item: Item, config: Config) -> str | None:
    settings = config.stash[SETTINGS]
    if settings is None:
        return None
    text = unwrap(item.text)
    words = body_words(text)
    if words < MIN_BODY_WORDS:  # the summary's count matters only when the body's falls short
        words = max(words, body_words(item.summary))
    if words < MIN_BODY_WORDS:
        why = f"{words} words of article prose, fewer than {MIN_BODY_WORDS}"
        item.relevance = _unscored(why, settings)
        return "no article body"
    kind = not_a_report(item.title, text, settings)
    if kind is not None:
        name, marks = kind
        item.relevance = _unscored(f"a {name}, not a report ({marks})", settings)
        return f"not a report ({name})"
    total, pro, con = score(gather(item, settings, text), settings)
    reasons = pro + [f"against: {reason}" for reason in con]
    relevance = Relevance(score=round(total, 2), threshold=settings.threshold, reasons=reasons)
    verdict = "kept" if relevance.kept else "dropped"
    relevance.reasons.append(
        f"{verdict}: score {relevance.score:g} {'≥' if relevance.kept else '<'}"
        f" threshold {settings.threshold:g}"
    )
    item.relevance = relevance
    if relevance.kept:
        return None
    return f"not about {settings.topic} (score {relevance.score:g} < {settings.threshold:g})"
