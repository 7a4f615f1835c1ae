"""Judge whether an item is about relations between two sides, and say why.

"Bilateral" means both sides act in the same story. An item with no article
body left after cleaning (page furniture, a headline alone) is dropped before
scoring, as is one whose headline states a dealing over a body that names neither side
nor the two together (furniture under a headline that names both;
``aggregator.toolkit.headline_only``); and so is a document
that marks itself as a kind that is no report
(``not_reports``: three phrases of a job posting, of an invitation), whatever it
names. Otherwise the plugin reads the headline and the body (hard-wrapped
lines joined back into sentences) clause by clause and counts *dealings*, as
``aggregator.toolkit.dealings`` reads them: clauses where an actor of each side
(or "the two countries" once both are named, a place of one side where the other acts, or
a place next to an institution: "the Government of Gujarat") is linked by a word of
interaction (talks, agreement, exercise, loan...) and no third party stands before the
dealing is complete (an instrument signed "with" one side, its agent not given, in a
document the other side issues: ``aggregator.toolkit.lead_dealings``). A story needs a
dealing; one in the headline or the lead (the first sentences of prose; there a deal in a
sum of the other side's currency counts as one) weighs most, and phrases that pair the two
("India–Japan", "Tokyo and New Delhi"), the share of dealing sentences and whether the
headline and lead name both add to it. Two sides reported in parallel ("India's exports
rose; Japan's fell", "Indian and Japanese shares closed higher") are no dealing and count
against the story; a sentence that names both in one clause without a word of interaction
counts half. One that
links them by a word of interaction yet says they act apart ("both funding ports, but
separately"), names them only as alternatives ("none in India or Japan"), compares one
measure of each ("a seventh of Japan's") or names one only as
where the other's firm has a unit ("the Indian units of Japanese carmakers";
``aggregator.toolkit.apart``) is a parallel report too, not a dealing.
A clause in which one side's people, goods or firms move to or work in the other's
territory ("care workers from India arrived in Japan"; ``aggregator.toolkit.cross_border``)
is a cross-border link: no parallel report, and enough to lift the penalty for no dealing.
Weaker evidence counts less: a dealing whose other side is named in the next sentence of
the paragraph (``aggregator.toolkit.paragraph_dealings``; two of them lift the penalty for
no dealing in a text that names no third party), an actor of one side dealing in
a sum of the other side's currency (``currencies``; ``aggregator.toolkit.side_amounts``:
a deal too, so it lifts the penalty for no dealing as a cross-border link does),
and a side's company form (``markers``), read as a place of that side. A firm whose
name tells its side (``firms``; ``aggregator.toolkit.firm_names``: "Kotobuki Tanzo Co., Ltd."
reads as Japanese, "Vidarbha Resins Limited" as Indian, Toyota and Tata Motors are known)
acts for that side, and each mention counts as one of the side, when the text names a firm
of the other side too.
Against it too weigh a third party that dominates the story, a multilateral
setting in which the two are bystanders (not one named after a comma once a dealing is
complete, which frames it as a third party there would), one side mentioned only in passing
(not when a dealing of the lead binds it, by a signed instrument or a compound of both
names: an embassy's page on its grant names its country once),
and vocabulary of subjects that mention both without being about their
relations (markets, sport, entertainment, disasters, one company's results, crime, a
firm's insolvency), where ``off_topic_ignore`` phrases name no subject ("storm water").
Every term list lives in ``[plugins.judge_relevance]`` in feeds.toml, so
another pair of countries, or two companies, needs configuration and no code.

The score is a weighted sum of named components (``aggregator.toolkit.relevance_score``;
``weights`` replaces any default weight; docs/relevance_weights.md says why the defaults
are set by hand). The score and its reasons are stored in ``item.relevance``; the item is
dropped when the score is below ``threshold``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from aggregator import Config, ConfigError, Item, Option, Relevance, StashKey, hookimpl
from aggregator.toolkit import lead_dealings, relevance_model, relevance_score
from aggregator.toolkit.apart import apart
from aggregator.toolkit.article_words import body_words
from aggregator.toolkit.cross_border import crosses_border
from aggregator.toolkit.dealings import (
    Sentence,
    Vocabulary,
    in_parallel,
    names_both,
    read_sentences,
    states_dealing,
)
from aggregator.toolkit.firm_names import KINDS as FIRM_KINDS
from aggregator.toolkit.firm_names import FirmReader
from aggregator.toolkit.framed_settings import framed_setting
from aggregator.toolkit.headline_only import names_a_side, names_either
from aggregator.toolkit.lead_dealings import any_in_lead, binds_the_two
from aggregator.toolkit.paragraph_dealings import after_third_party, paragraph_dealings
from aggregator.toolkit.prose import unwrap
from aggregator.toolkit.relevance_clocks import without_clocks
from aggregator.toolkit.relevance_datelines import filed_from, without_datelines
from aggregator.toolkit.relevance_digests import first_story
from aggregator.toolkit.relevance_model import RescueModel
from aggregator.toolkit.relevance_score import COMPONENTS, Evidence, new_counter
from aggregator.toolkit.side_actors import IGNORED, actors
from aggregator.toolkit.side_amounts import (
    Currencies,
    amount_dealings,
    currency_presence,
    headline_amount,
)
from aggregator.toolkit.terms import Term, TermMatcher

NAME = "judge_relevance"

SCHEMA = {
    "topic": Option(str, "", help="what the feed is about, for drop reasons"),
    "threshold": Option(float, 4.0, help="items scoring below this are dropped"),
    "weights": Option(
        dict,
        {},
        help="component of the evidence vector = weight, replacing the default weight",
    ),
    "sides": Option(dict, {}, help="exactly two tables: side name = [actor terms]"),
    "relation_terms": Option(list, [], item_type=str, help="words of interaction"),
    "ignore_terms": Option(
        list, [], item_type=str, help="phrases that contain a side's term but are not an actor"
    ),
    "third_parties": Option(dict, {}, help="other actors: name = [terms]"),
    "multilateral_terms": Option(list, [], item_type=str, help="multilateral bodies, meetings"),
    "off_topic": Option(dict, {}, help="subject name = [terms] of stories that only mention both"),
    "off_topic_ignore": Option(
        list,
        [],
        item_type=str,
        help="phrases that contain an off-topic subject's term but are no such subject"
        " (storm water drains, flood control works)",
    ),
    "not_reports": Option(
        dict,
        {},
        help="kind of document = [phrases that mark it]: a document with three of one"
        " kind's phrases (a job posting, an invitation) is no report",
    ),
    "places": Option(
        dict, {}, help="side name = [place terms]: where that side is, for a dealing only"
    ),
    "markers": Option(
        dict,
        {},
        help="side name = [marks of that side: its currency, its company forms, its national"
        " schemes]; weak evidence, read as a place of the side",
    ),
    "currencies": Option(
        dict,
        {},
        help="side name = [currency words and symbols]: a sum in one side's currency beside"
        " an actor of the other and a word of interaction is a deal",
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
    "firms": Option(
        dict,
        {},
        help="side name = kind of firm (japanese, indian): a firm whose name has that"
        " kind's shape, or a well-known one, acts for the side",
    ),
    "private_persons": Option(
        list,
        [],
        item_type=str,
        help="people who act for themselves: a side's term before one is no actor (tourists)",
    ),
    "rescue_model": Option(
        bool,
        False,
        help="let the model fitted on the development halves keep an item scoring under the"
        " threshold (aggregator.toolkit.relevance_model)",
    ),
}

MIN_BODY_WORDS = 12
"""Words of prose an item needs to have an article body at all: about one sentence of
news (a headline alone, a menu, a subscription footer fall short)."""
MIN_DEALING_WORDS = 5
"""Words a body clause needs to state a dealing: "India-Japan Relations" in a menu is a
label, "Japan signed a loan with India" a statement."""

DEFAULT_WEIGHTS = dict(relevance_score.HAND_WEIGHTS)
"""The weight of each component of the evidence vector when ``weights`` does not set it."""
BILATERAL_SENTENCE_WEIGHT = DEFAULT_WEIGHTS["bilateral_sentences"]
PAIR_WEIGHT = DEFAULT_WEIGHTS["pairs"]
HEADLINE_WEIGHT = DEFAULT_WEIGHTS["headline_both"]
WEAKER_SIDE_MENTION_WEIGHT = DEFAULT_WEIGHTS["weaker_side_mentions"]
COVERAGE_WEIGHT = DEFAULT_WEIGHTS["coverage"]

TITLE_MENTION_WEIGHT = 2
"""How many mentions a side's term in the headline counts for (one in the text counts once)."""
CROWDED_SENTENCE_ACTORS = 4
"""Sides and third parties a sentence must name together to read as a multilateral setting."""
LEAD_SENTENCES = 3
"""Sentences of prose (``PROSE_LINE_WORDS`` words or more) that make the lead."""
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
    weights: dict[str, float]
    currencies: Currencies
    """The weight of each component of the evidence vector (``relevance_score.COMPONENTS``)."""
    not_reports: TermMatcher
    """The marks of kinds of documents that are no report, labelled with the kind."""
    rescue: RescueModel | None = None
    """The fitted model that may keep an item the score drops (``rescue_model``)."""


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
        weights=_weights(config, options["weights"]),
        currencies=Currencies(_side_table(config, options["currencies"], names, "currencies")),
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
            [
                *_table_terms(config, f"plugins.{NAME}.off_topic", options["off_topic"]),
                *(Term(text, IGNORED) for text in options["off_topic_ignore"]),
            ]
        ),
        places=TermMatcher(
            [
                *_places(config, options["places"], names, "places"),
                *_places(config, options["markers"], names, "markers"),
            ]
        ),
        institutions=TermMatcher(Term(t, "institution") for t in options["institutions"]),
        private=TermMatcher(Term(t, "private") for t in options["private_persons"]),
        missions=TermMatcher(Term(t, "mission") for t in options["missions"]),
        firms=_firm_reader(config, options["firms"], names, options["places"]),
        rescue=relevance_model.load() if options["rescue_model"] else None,
    )


def _firm_reader(
    config: Config, table: dict[str, Any], side_names: tuple[str, ...], places: dict[str, Any]
) -> FirmReader | None:
    """The reader of firms' sides, which takes a one-word place of one side in a firm's
    name ("Chennai Petroleum") as that side's mark."""
    if not table:
        return None
    key = f"plugins.{NAME}.firms"
    kinds: dict[str, str] = {}
    for side, kind in table.items():
        if side not in side_names:
            raise ConfigError(
                config.path,
                f"{key}.{side}",
                "not a side",
                f"the sides are {' and '.join(side_names)}",
            )
        if kind not in FIRM_KINDS:
            raise ConfigError(
                config.path,
                f"{key}.{side}",
                f"no kind of firm {kind!r}",
                f"the kinds are {', '.join(FIRM_KINDS)}",
            )
        kinds[kind] = side
    homes: dict[str, set[str]] = {}
    for term in _places(config, places, side_names, "places"):
        if " " not in term.text:
            homes.setdefault(term.text, set()).add(term.label)
    return FirmReader(
        kinds, {word: labels.pop() for word, labels in homes.items() if len(labels) == 1}
    )


def _weights(config: Config, table: dict[str, Any]) -> dict[str, float]:
    unknown = sorted(set(table) - set(COMPONENTS))
    if unknown:
        raise ConfigError(
            config.path,
            f"plugins.{NAME}.weights",
            f"no component named {', '.join(unknown)}",
            f"the components are {', '.join(COMPONENTS)}",
        )
    for name, value in table.items():
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise ConfigError(config.path, f"plugins.{NAME}.weights.{name}", "expected a number")
    return {**DEFAULT_WEIGHTS, **{name: float(value) for name, value in table.items()}}


def _side_table(
    config: Config, table: dict[str, Any], side_names: tuple[str, ...], key: str
) -> dict[str, list[str]]:
    terms = _places(config, table, side_names, key)
    return {name: [term.text for term in terms if term.label == name] for name in side_names}


def _places(
    config: Config, places: dict[str, Any], side_names: tuple[str, ...], key: str
) -> list[Term]:
    """The terms of a table of side name = [terms] (``places``, ``markers``, ``currencies``)."""
    unknown = sorted(set(places) - set(side_names))
    if unknown:
        raise ConfigError(
            config.path,
            f"plugins.{NAME}.{key}",
            f"{key} of {', '.join(unknown)}, which is not a side",
            f"the sides are {' and '.join(side_names)}",
        )
    return _table_terms(config, f"plugins.{NAME}.{key}", places)


def sides_seen_before(evidence: Evidence, writer: str | None = None) -> bool:
    """Whether both sides are named so far (``writer``'s by its letterhead: "our two"), so
    "the two countries" can refer to them. A side named only by its places counts when the
    other is named as an actor: two places alone ("floods in Assam, a typhoon in Okinawa …
    the two countries have asked for aid") are scenes, not two parties."""
    actors = [n for n in evidence.side_terms if evidence.side_terms[n] or n == writer]
    seen = evidence.place_mentions
    return bool(actors) and all(n in actors or seen.get(n) for n in evidence.side_terms)


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


def gather(item: Item, settings: Settings, text: str | None = None) -> Evidence:
    """What the headline, the lead and the body say, read in sentences with hard-wrapped
    lines joined back (a dealing stated across a line break is still one clause)."""
    text, datelines = without_datelines(without_clocks(unwrap(item.text) if text is None else text))
    text = first_story(text)
    evidence = Evidence(side_terms={name: new_counter() for name in settings.side_names})
    body = read_sentences(text, settings, LEAD_SENTENCES)
    evidence.body_names_side = names_either(body)
    if item.summary:  # read before the title, while the matchers still hold the body's matches
        summary = without_datelines(without_clocks(item.summary))[0]
        evidence.lead_both = names_both(*_summary_names(summary, text, settings))
    title = read_sentences(
        item.title, settings, lead_sentences=0, placed=body.placed, firms=body.firms
    )
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
    removed = [line.text for line in item.removed]
    writer = lead_dealings.issuer_side(removed, text, settings.side_names)
    for index, sentence in read:
        if sentence is None:
            continue
        in_title = index < 0
        weight = TITLE_MENTION_WEIGHT if in_title else 1
        for label, term in sentence.side_terms:  # get, not a Counter's __missing__ in Python
            counted = evidence.side_terms[label]
            counted[term] = counted.get(term, 0) + weight
        for _, label in sentence.place_offsets:
            evidence.place_mentions[label] = evidence.place_mentions.get(label, 0) + weight
        if sentence.third:  # Counter.update is slow to do nothing, and most sentences name none
            evidence.third.update(sentence.third)
        if sentence.multilateral:
            evidence.multilateral.update(sentence.multilateral)
        subjects: set[str] = set()
        if sentence.off_topic:
            for subject, term in sentence.off_topic:
                subject_terms = evidence.off_topic.get(subject)
                if subject_terms is None:
                    subject_terms = evidence.off_topic[subject] = new_counter()
                subject_terms[term] = subject_terms.get(term, 0) + 1
                subjects.add(subject)
        named_actors = len(sentence.sides) + len(sentence.third)
        both = sides_seen_before(evidence, writer) and not after_third_party(body, index, dealt)
        crowded = named_actors >= CROWDED_SENTENCE_ACTORS or (
            bool(sentence.multilateral)
            and not framed_setting(sentence, both, min_words=0 if in_title else MIN_DEALING_WORDS)
        )
        if crowded:
            evidence.multilateral_sentences += 1
        if in_title:
            evidence.headline_dealing = (
                not crowded and states_dealing(sentence, both, min_words=0) and not apart(sentence)
            )
            continue
        dealing = (
            len(sentence.third) <= 1
            and not crowded
            and states_dealing(sentence, both, min_words=MIN_DEALING_WORDS)
        )
        if not dealing and not crowded:
            dealing = lead_dealings.signed_with_one_side(body, index, writer)
        acting_apart = dealing and apart(sentence)
        if acting_apart:
            dealing = False
        if subjects:
            (evidence.off_topic_dealings if dealing else evidence.off_topic_sentences).update(
                subjects
            )
        if not dealing and _names_both(sentence) and crosses_border(sentence):
            evidence.cross_border_sentences.append(sentence.text)
            if len(sentence.sides) == 2:
                evidence.both_sentences += 1
            continue
        if len(sentence.sides) == 2:
            evidence.both_sentences += 1
            if not dealing and (acting_apart or in_parallel(sentence)):
                evidence.parallel_sentences.append(sentence.text)
            elif not dealing:
                evidence.unlinked_sentences.append(sentence.text)
        if dealing:
            dealt.add(index)
            evidence.bilateral_sentences.append(sentence.text)
            for pair in sentence.pairs:  # what Counter.update does, without its calls
                evidence.pairs[pair] = evidence.pairs.get(pair, 0) + 1
            evidence.lead_dealing |= index in body.lead
            if index in body.lead and binds_the_two(sentence):
                evidence.lead_binding = True
    evidence.place_mentions.update(filed_from(datelines, settings))
    evidence.paragraph_dealings = paragraph_dealings(text, body, first_title, dealt)
    evidence.amount_dealings = amount_dealings(text, body, settings.currencies, dealt)
    evidence.amount_sides.update(currency_presence(text, body, settings.currencies))
    evidence.headline_dealing |= headline_amount(item.title, title, settings.currencies)
    if evidence.amount_dealings and not evidence.lead_dealing:
        evidence.lead_dealing = any_in_lead(evidence.amount_dealings, body)
    return evidence


def _names_both(sentence: Sentence) -> bool:
    """Whether the sentence names an actor of one side and an actor or a place of the other."""
    return names_both(sentence.sides, {label for _, label in sentence.place_offsets})


def score(evidence: Evidence, settings: Settings) -> tuple[float, list[str], list[str]]:
    """The relevance score with the reasons for it and the reasons against."""
    return relevance_score.score(evidence, settings.side_names, settings.weights)


def _rescue(
    relevance: Relevance, evidence: Evidence, settings: Settings, model: RescueModel
) -> None:
    """Keep an item the score drops when the fitted model says it is relevant: its
    threshold becomes the model's floor, and its verdict says that the model decided."""
    vector = relevance_score.evidence_vector(evidence, settings.side_names)
    odds = model.rescues(vector, relevance.score, settings.threshold)
    if odds is None:
        return
    relevance.threshold = model.floor
    relevance.reasons[-1] = (
        f"kept by the fitted model: score {relevance.score:g} < threshold"
        f" {settings.threshold:g}, but from {model.floor:g} the model decides, and its"
        f" log-odds of relevance are {odds:+.2f} ≥ 0 (rescue_model)"
    )


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
    evidence = gather(item, settings, text)
    if (
        evidence.headline_dealing
        and not evidence.bilateral_sentences
        and not evidence.body_names_side
        and not names_a_side(item.summary, settings)
    ):
        why = "only the headline names the sides; the article body names neither"
        item.relevance = _unscored(why, settings)
        return "no article body about the sides"
    total, pro, con = score(evidence, settings)
    reasons = pro + [f"against: {reason}" for reason in con]
    relevance = Relevance(score=round(total, 2), threshold=settings.threshold, reasons=reasons)
    verdict = "kept" if relevance.kept else "dropped"
    relevance.reasons.append(
        f"{verdict}: score {relevance.score:g} {'≥' if relevance.kept else '<'}"
        f" threshold {settings.threshold:g}"
    )
    if settings.rescue is not None and not relevance.kept:
        _rescue(relevance, evidence, settings, settings.rescue)
    item.relevance = relevance
    if relevance.kept:
        return None
    return f"not about {settings.topic} (score {relevance.score:g} < {settings.threshold:g})"
