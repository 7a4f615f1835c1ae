"""Judge whether an item is about relations between two sides, and say why.

"Bilateral" means both sides act in the same story: the plugin reads the
item sentence by sentence and counts sentences where an actor of each side
appears together with a word of interaction (talks, agreement, exercise,
loan...), phrases that pair the two ("India–Japan", "Tokyo and New Delhi"),
and whether the headline and lead name both. Against that it weighs a third
party that dominates the story, a multilateral setting in which the two are
bystanders, one side mentioned only in passing, and vocabulary of subjects
that mention both without being about their relations (markets, sport,
entertainment, disasters, one company's results). Every term list lives in
``[plugins.judge_relevance]`` in feeds.toml, so another pair of countries,
or two companies, needs configuration and no code.

The score and its reasons are stored in ``item.relevance``; the item is
dropped when the score is below ``threshold``.
"""

from __future__ import annotations

import itertools
import re
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from aggregator import Config, ConfigError, Item, Option, Relevance, hookimpl
from aggregator.toolkit.terms import Match, Term, TermMatcher, sentence_spans

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
}

SENTENCE_QUOTE = 140
JOINT_REFERENCE = re.compile(  # (?=[bcet]): the engine skips other positions in C
    r"(?=[bcet])(?:\b(?:(?:the|both|these|those)\s+two|both)\s+(?:[A-Za-z-]+\s+){0,2}?"
    r"(?:countries|nations|sides|leaders|ministers|governments|navies|armies|forces|guards|"
    r"militaries|services|agencies|delegations|partners|premiers|prime\s+ministers|democracies|"
    r"economies|capitals|teams|parliaments|companies|institutions|space\s+agencies)\b"
    r"|\bbilateral(?:ly)?\b|\beach\s+other\b|\bcounterparts?\b)",
    re.IGNORECASE,
)
OFF_TOPIC_SHARE = 0.25
IGNORED = ""
PAIR_GAP = re.compile(r"^\s*(?:[-–—/&,]|,?\s*and)\s*$", re.IGNORECASE)


@dataclass
class Settings:
    topic: str
    threshold: float
    side_names: tuple[str, str]
    sides: TermMatcher
    relation: TermMatcher
    third: TermMatcher
    multilateral: TermMatcher
    off_topic: TermMatcher


@dataclass
class Evidence:
    """What the judge saw in one item."""

    side_terms: dict[str, Counter[str]] = field(default_factory=dict)
    sentences: int = 0
    both_sentences: int = 0
    bilateral_sentences: list[str] = field(default_factory=list)
    multilateral_sentences: int = 0
    pairs: Counter[str] = field(default_factory=Counter)
    title_both: bool = False
    lead_both: bool = False
    third: Counter[str] = field(default_factory=Counter)
    multilateral: Counter[str] = field(default_factory=Counter)
    off_topic: dict[str, Counter[str]] = field(default_factory=dict)
    off_topic_sentences: Counter[str] = field(default_factory=Counter)

    def side_count(self, side: str) -> int:
        return sum(self.side_terms.get(side, Counter()).values())


_settings: dict[str, Settings | None] = {"current": None}


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
        _settings["current"] = None
        return
    if len(sides) != 2:
        raise ConfigError(
            config.path,
            f"plugins.{NAME}.sides",
            f"expected exactly two sides, got {len(sides)}",
            'e.g. sides = { India = ["India", ...], Japan = ["Japan", ...] }',
        )
    names = tuple(sides)
    _settings["current"] = Settings(
        topic=options["topic"] or f"{names[0]}–{names[1]} relations",
        threshold=options["threshold"],
        side_names=(names[0], names[1]),
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
    )


def _pairs(text: str, matches: list[Match]) -> list[tuple[int, str]]:
    """Phrases that put the two sides side by side: "India-Japan", "Japanese and Indian"."""
    found = []
    for first, second in itertools.pairwise(matches):
        if first.term.label != second.term.label and PAIR_GAP.match(text[first.end : second.start]):
            found.append((first.start, text[first.start : second.end]))
    return found


def sides_seen_before(evidence: Evidence) -> bool:
    """Whether both sides have been named so far, so "the two countries" can refer to them."""
    return all(evidence.side_terms[name] for name in evidence.side_terms)


def _side_labels(text: str, settings: Settings) -> set[str]:
    return settings.sides.labels(text) - {IGNORED}


@dataclass(slots=True)
class Sentence:
    """What one sentence says: which sides, third parties and subjects it names."""

    text: str
    sides: set[str] = field(default_factory=set)
    side_terms: list[tuple[str, str]] = field(default_factory=list)
    third: dict[str, int] = field(default_factory=dict)
    """Mentions of each third party; a plain dict, since a Counter is slow to create."""
    multilateral: list[str] = field(default_factory=list)
    off_topic: list[tuple[str, str]] = field(default_factory=list)
    pairs: list[str] = field(default_factory=list)
    relation: bool = False
    joint: bool = False


@dataclass(slots=True)
class Sentences:
    """The sentences of a text; only those that name something are made into objects,
    since most sentences of a long article name nothing the judge looks for."""

    count: int
    named: dict[int, Sentence]

    def in_order(self) -> list[Sentence]:
        return [self.named[index] for index in sorted(self.named)]


def read_sentences(text: str, settings: Settings) -> Sentences:
    """Every sentence with its matches: each matcher reads the whole text once."""
    spans = sentence_spans(text)
    named: dict[int, Sentence] = {}
    if not spans:
        return Sentences(0, named)
    starts = [start for start, _ in spans]

    def at(offset: int) -> Sentence:
        index = max(0, bisect_right(starts, offset) - 1)
        sentence = named.get(index)
        if sentence is None:
            start, end = spans[index]
            sentence = named[index] = Sentence(text[start:end])
        return sentence

    side_matches = [m for m in settings.sides.finditer(text) if m.term.label != IGNORED]
    for match in side_matches:
        sentence = at(match.start)
        sentence.sides.add(match.term.label)
        sentence.side_terms.append((match.term.label, match.term.text))
    for match in settings.third.finditer(text):
        third = at(match.start).third
        third[match.term.label] = third.get(match.term.label, 0) + 1
    for match in settings.multilateral.finditer(text):
        at(match.start).multilateral.append(match.term.text)
    for match in settings.off_topic.finditer(text):
        at(match.start).off_topic.append((match.term.label, match.term.text))
    for match in settings.relation.finditer(text):
        at(match.start).relation = True
    for found in JOINT_REFERENCE.finditer(text):
        at(found.start()).joint = True
    for start, phrase in _pairs(text, side_matches):
        at(start).pairs.append(phrase)
    return Sentences(len(spans), named)


def gather(item: Item, settings: Settings) -> Evidence:
    evidence = Evidence(side_terms={name: Counter() for name in settings.side_names})
    evidence.title_both = len(_side_labels(item.title, settings)) == 2
    title = read_sentences(item.title, settings)
    body = read_sentences(item.text, settings)
    if item.summary:
        evidence.lead_both = len(_side_labels(item.summary, settings)) == 2
    else:  # the first paragraph: the body's matches that end in it, not a second reading
        lead_end = len(item.text.split("\n\n", 1)[0])
        lead_sides = {
            match.term.label
            for match in settings.sides.finditer(item.text)
            if match.end <= lead_end and match.term.label != IGNORED
        }
        evidence.lead_both = len(lead_sides) == 2
    evidence.sentences = body.count
    first_title = title.named.get(0) if title.count else None
    for index, sentence in enumerate([first_title, *body.in_order()]):
        if sentence is None:
            continue
        in_title = index == 0
        for label, term in sentence.side_terms:
            evidence.side_terms[label][term] += 2 if in_title else 1
        evidence.third.update(sentence.third)
        evidence.multilateral.update(sentence.multilateral)
        subjects = set()
        for subject, term in sentence.off_topic:
            evidence.off_topic.setdefault(subject, Counter())[term] += 1
            subjects.add(subject)
        if not in_title:
            evidence.off_topic_sentences.update(subjects)
        evidence.pairs.update(sentence.pairs)
        crowded = len(sentence.sides) + len(sentence.third) >= 4 or bool(sentence.multilateral)
        if crowded:
            evidence.multilateral_sentences += 1
        if in_title:
            continue
        if len(sentence.sides) == 2:
            evidence.both_sentences += 1
        if len(sentence.third) > 1 or crowded:
            continue
        names_both = len(sentence.sides) == 2 or (sentence.joint and sides_seen_before(evidence))
        if names_both and (sentence.joint or sentence.relation):
            evidence.bilateral_sentences.append(sentence.text)
    return evidence


def score(evidence: Evidence, settings: Settings) -> tuple[float, list[str], list[str]]:
    """The relevance score with the reasons for it and the reasons against."""
    first, second = settings.side_names
    counts = {name: evidence.side_count(name) for name in settings.side_names}
    weaker = min(counts.values())
    bilateral = len(evidence.bilateral_sentences)
    pairs = sum(evidence.pairs.values())
    coverage = evidence.both_sentences / max(1, evidence.sentences)
    total = (
        1.5 * min(bilateral, 6)
        + 0.75 * min(pairs, 4)
        + (2.0 if evidence.title_both else 0.0)
        + (1.0 if evidence.lead_both else 0.0)
        + 0.25 * min(weaker, 8)
        + 4.0 * coverage
    )
    pro = [_side_reason(name, evidence) for name in settings.side_names]
    if bilateral:
        quote = _quote(evidence.bilateral_sentences[0])
        pro.append(
            f"both act together in {bilateral} of {evidence.sentences} sentences, e.g. “{quote}”"
        )
    if pairs:
        pro.append("pairing phrases: " + _counts(evidence.pairs))
    if evidence.title_both:
        pro.append("the headline names both sides")
    if evidence.lead_both:
        pro.append("the lead names both sides")
    con: list[str] = []
    if weaker <= 1:
        weak_side = first if counts[first] <= counts[second] else second
        total -= 3.0
        con.append(f"{weak_side} appears {'only once' if weaker else 'nowhere'}")
    if evidence.third:
        (leader, leader_count), *_ = evidence.third.most_common(1)
        if leader_count > weaker:
            total -= min(4.0, 1.5 * leader_count / max(1, weaker))
            con.append(
                f"a third party dominates: {leader} ×{leader_count}, more than the weaker side"
                f" ({weaker})"
            )
    if evidence.multilateral_sentences > bilateral and bilateral < 3:
        total -= 2.0
        named = _counts(evidence.multilateral) or "several countries together"
        con.append(
            f"multilateral setting ({named}) in {evidence.multilateral_sentences} sentences,"
            f" bilateral in {bilateral}"
        )
    for subject, terms in sorted(evidence.off_topic.items()):
        share = evidence.off_topic_sentences[subject] / max(1, evidence.sentences)
        if sum(terms.values()) >= 3 and share >= OFF_TOPIC_SHARE:
            damping = 0.5 if bilateral >= 4 else 1.0
            total -= damping * min(4.0, 8.0 * share)
            con.append(
                f"{subject} story: {subject} terms in {share:.0%} of sentences ({_counts(terms)})"
            )
    return total, pro, con


def _side_reason(name: str, evidence: Evidence) -> str:
    terms = evidence.side_terms.get(name, Counter())
    return f"{name} side: {_counts(terms) or 'none'}"


def _counts(counter: Counter[str], limit: int = 5) -> str:
    return ", ".join(f"{term} ×{count}" for term, count in counter.most_common(limit))


def _quote(sentence: str) -> str:
    flat = " ".join(sentence.split())
    if len(flat) <= SENTENCE_QUOTE:
        return flat
    return flat[:SENTENCE_QUOTE].rsplit(" ", 1)[0] + "…"


@hookimpl
def aggregator_judge_item(item: Item) -> str | None:
    settings = _settings["current"]
    if settings is None:
        return None
    total, pro, con = score(gather(item, settings), settings)
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
