"""Tag items with topics from a taxonomy in feeds.toml.

Each topic is a list of terms (``[plugins.tag_topics.taxonomy]``); a term is
a string, or a table ``{term = "...", weight = 0.5}`` for terms that say
less. A topic is given when its terms weigh enough: a match in the title
counts three times, one in the lead (the first paragraph of prose, read with
hard-wrapped lines joined, so that a label or byline line above it is not the
lead) twice, and a topic that only appears in a passing list ("trade,
defence, technology and energy") has to recur to count. A term may be listed
under several topics ("caregivers" is talent mobility and health): each match
counts for every topic that lists it. Evidence (which
terms, how often, the score) is kept in ``item.extras["topic_evidence"]`` for
``aggregator explain``.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from aggregator import Config, ConfigError, Item, Option, StashKey, hookimpl
from aggregator.schema import non_negative, positive
from aggregator.toolkit.prose import unwrap
from aggregator.toolkit.terms import Term, TermMatcher

NAME = "tag_topics"
TITLE_WEIGHT = 3.0
LEAD_WEIGHT = 2.0
LIST_DISCOUNT = 0.5
LEAD_MIN_WORDS = 12
"""Words a paragraph needs to be the lead: a sentence of news, not a label or a byline."""

SCHEMA = {
    "taxonomy": Option(dict, {}, help="topic = [terms]; see README 'Curation'"),
    "min_score": Option(float, 3.0, help="weight a topic needs to be given", check=positive),
    "first_min_score": Option(
        float, 1.5, help="weight the best topic needs (an item gets one topic more easily)"
    ),
    "relative_score": Option(
        float, 0.3, help="share of the best topic's score a topic needs", check=non_negative
    ),
    "max_topics": Option(int, 4, help="at most this many topics per item", check=positive),
}


@dataclass(frozen=True)
class Settings:
    options: dict[str, Any]
    matcher: TermMatcher | None
    shared: dict[str, tuple[Term, ...]] = field(default_factory=dict)
    """A term's other topics, by its case-folded text: the matcher finds each text once."""


SETTINGS = StashKey[Settings]()


def parse_terms(config: Config, key: str, topic: str, values: Any) -> list[Term]:
    """Terms of one topic from TOML: strings, or ``{term = ..., weight = ...}`` tables."""
    if not isinstance(values, list):
        raise ConfigError(config.path, f"{key}.{topic}", "expected a list of terms")
    terms = []
    for index, value in enumerate(values):
        if isinstance(value, str):
            terms.append(Term(value, topic))
        elif (
            isinstance(value, dict)
            and isinstance(value.get("term"), str)
            and isinstance(value.get("weight", 1.0), int | float)
            and set(value) <= {"term", "weight"}
        ):
            terms.append(Term(value["term"], topic, float(value.get("weight", 1.0))))
        else:
            raise ConfigError(
                config.path,
                f"{key}.{topic}[{index}]",
                f"expected a term string or {{term = ..., weight = ...}}, got {value!r}",
            )
    return terms


@hookimpl
def aggregator_configure(config: Config) -> None:
    options = config.plugin_options(NAME, SCHEMA)
    terms = [
        term
        for topic, values in options["taxonomy"].items()
        for term in parse_terms(config, f"plugins.{NAME}.taxonomy", topic, values)
    ]
    first: dict[str, Term] = {}
    shared: dict[str, list[Term]] = defaultdict(list)
    for term in terms:
        key = term.text.strip().casefold()
        found = first.setdefault(key, term)
        if found is not term and term.label != found.label:
            shared[key].append(term)
    matcher = TermMatcher(first.values()) if first else None
    config.stash[SETTINGS] = Settings(
        options, matcher, {key: tuple(others) for key, others in shared.items()}
    )


def _in_list(text: str, start: int, end: int) -> bool:
    """Whether a match sits in an enumeration such as "trade, defence, and technology"."""
    before = text[max(0, start - 3) : start]
    after = text[end : end + 6]
    return "," in before or after.startswith(",") or after.lstrip().startswith(("and ", "or "))


def lead_paragraph_end(text: str) -> int:
    """Where the lead ends: the first paragraph of prose, not a label or menu line above it."""
    start = 0
    while start < len(text):
        end = text.find("\n\n", start)
        end = len(text) if end < 0 else end
        if len(text[start:end].split()) >= LEAD_MIN_WORDS:
            return end
        start = end + 2
    return len(text)


def score_topics(
    item: Item, matcher: TermMatcher, shared: dict[str, tuple[Term, ...]] | None = None
) -> dict[str, dict[str, Any]]:
    """Each topic's score and the terms that gave it; ``shared`` holds the other topics of
    terms listed under several."""
    scores: dict[str, float] = defaultdict(float)
    terms: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    body = unwrap(item.text)
    lead_end = lead_paragraph_end(body)
    for text, is_title in ((item.title, True), (body, False)):
        for match in matcher.finditer(text):
            weight = TITLE_WEIGHT if is_title else LEAD_WEIGHT if match.start < lead_end else 1.0
            factor = LIST_DISCOUNT if _in_list(text, match.start, match.end) else 1.0
            others = shared.get(match.term.text.strip().casefold(), ()) if shared else ()
            for term in (match.term, *others):
                scores[term.label] += weight * factor * term.weight
                terms[term.label][term.text] += 1
    return {
        topic: {"score": round(score, 2), "terms": dict(terms[topic])}
        for topic, score in scores.items()
    }


@hookimpl
def aggregator_tag_item(item: Item, config: Config) -> None:
    settings = config.stash[SETTINGS]
    matcher = settings.matcher
    if matcher is None:
        return
    options = settings.options
    evidence = score_topics(item, matcher, settings.shared)
    if not evidence:
        return
    best = max(entry["score"] for entry in evidence.values())
    ranked = sorted(evidence, key=lambda topic: (-evidence[topic]["score"], topic))
    floors = [options["first_min_score"]] + [options["min_score"]] * len(ranked)
    chosen = [
        topic
        for topic, floor in zip(ranked, floors, strict=False)
        if evidence[topic]["score"] >= max(floor, options["relative_score"] * best)
    ][: options["max_topics"]]
    for topic in chosen:
        if topic not in item.topics:
            item.topics.append(topic)
    item.extras["topic_evidence"] = {topic: evidence[topic] for topic in ranked}
