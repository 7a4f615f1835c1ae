"""Tag items with topics from a taxonomy in feeds.toml.

Each topic is a list of terms (``[plugins.tag_topics.taxonomy]``); a term is
a string, or a table ``{term = "...", weight = 0.5}`` for terms that say
less. A topic is given when its terms weigh enough: a match in the title
counts three times, one in the lead (the first paragraph of prose, read with
hard-wrapped lines joined, so that a label or byline line above it is not the
lead) twice, and a topic that only appears in a passing list ("trade,
defence, technology and energy") has to recur to count. A term may be listed
under several topics ("caregivers" is talent mobility and health): each match
counts for every topic that lists it. A topic the article returns to (three
matches, of two distinct terms or of full-weight ones) needs only the best topic's bar, but
none is given below a topic left out. Topics are given here, in the tag stage, and nowhere
else: no judge adds one. Evidence (which terms, how often, how many by weak terms, the
score, and the score's parts by place) is kept in ``item.extras["topic_evidence"]`` for
``aggregator explain``.

With ``words`` set (``"shipped"``: the one fitted on the shipped taxonomy), a word model
fitted on labelled articles (:mod:`aggregator.toolkit.topic_words`) gives each topic a
probability from the article's words and its terms' evidence, and adds to the rules' the
topics as likely as the fit asks of each (``words_add = false``: chooses in their place); a
topic it gives holds its ``probability`` and the ``words`` that weighed most for it, and an
item the judge drops gives back the topics it added. With
``model`` set to a file fitted from labelled articles
(:mod:`aggregator.toolkit.topic_model`, docs/topic_model.md), the learned weights
choose among the topics the terms found, in place of the score thresholds; each topic's
evidence then holds its ``probability``. Without it, topics are chosen as described above.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from aggregator import Config, ConfigError, Item, Option, StashKey, hookimpl
from aggregator.schema import non_negative, positive
from aggregator.toolkit.fitted_files import load_fitted
from aggregator.toolkit.prose import unwrap
from aggregator.toolkit.terms import Term, TermMatcher
from aggregator.toolkit.topic_model import TopicModel, feature_values, topic_features

if TYPE_CHECKING:
    from aggregator.toolkit.topic_words import TopicWords

NAME = "tag_topics"
TITLE_WEIGHT = 3.0
LEAD_WEIGHT = 2.0
LIST_DISCOUNT = 0.5
TITLE, LEAD, BODY, MATCHES, LISTED, WEAK, TERMS = range(7)
"""Places in a topic's tally: its weight in the title, lead and body, its matches, how
many of them in a list, how many by terms weighing less than 1, and its terms' counts (a
list, not a dict: it is made per topic and updated per match)."""
_Tally = list[Any]
RECUR_MATCHES = 3
RECUR_TERMS = 2
RECUR_SHARE = 0.4
"""A topic matched this often, with this share of the best topic's score, is given from the
best topic's bar (``first_min_score``) rather than ``min_score`` when its matches are of
this many distinct terms or all of full-weight terms: a subject the article returns to, whose
terms count little each (in lists, or weak ones), is no passing mention, but one weak word
repeated ("the road" three times) is no subject."""
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
    "model": Option(
        str,
        "",
        help="JSON file of learned topic weights (scripts/fit_topic_model.py); empty: rules",
    ),
    "words": Option(
        str,
        "",
        help='word model file (scripts/fit_topic_words.py), "shipped" for the one fitted on'
        " the shipped taxonomy; empty: rules",
    ),
    "words_add": Option(
        bool,
        True,
        help="true: the word model adds to the rules' the topics it finds as likely as its"
        " fit asks of each; false: it chooses in their place",
    ),
}
WORDS_SHOWN = 4
"""Words of the article named in a topic's evidence when the word model gave it."""
FROM_WORDS = "topics_from_words"
"""``item.extras`` key: the topics the word model gave beyond the rules' (until a drop)."""


@dataclass(frozen=True)
class Settings:
    options: dict[str, Any]
    matcher: TermMatcher | None
    shared: dict[str, tuple[Term, ...]] = field(default_factory=dict)
    """A term's other topics, by its case-folded text: the matcher finds each text once."""
    model: TopicModel | None = None
    words: TopicWords | None = None


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
    if options["model"] and options["words"]:
        raise ConfigError(config.path, f"plugins.{NAME}.words", "set either model or words")
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
        options,
        matcher,
        {key: tuple(others) for key, others in shared.items()},
        load_model(config, options["model"]),
        load_words(config, options, options["taxonomy"]),
    )


def load_model(config: Config, name: str) -> TopicModel | None:
    """The learned weights named by ``model``, relative to feeds.toml; None when unset."""
    if not name:
        return None
    return load_fitted(
        config,
        f"plugins.{NAME}.model",
        config.resolve(name),
        TopicModel.load,
        "fit one with scripts/fit_topic_model.py, or remove the key to use the rules",
    )


def load_words(
    config: Config, options: dict[str, Any], taxonomy: dict[str, Any]
) -> TopicWords | None:
    """The word model named by ``words`` ("shipped": the package's), relative to
    feeds.toml; None when unset. It must have been fitted on this taxonomy's topics."""
    name = options["words"]
    if not name:
        return None
    # numpy is imported only by a project that uses the model (not at every start)
    from aggregator.toolkit.topic_words import SHIPPED, SHIPPED_NAME, TopicWords

    key = f"plugins.{NAME}.words"
    path = SHIPPED if name == SHIPPED_NAME else config.resolve(name)
    words = load_fitted(
        config,
        key,
        path,
        TopicWords.load,
        "fit one with scripts/fit_topic_words.py, or remove the key to use the rules",
    )
    mismatch = words.check_topics(taxonomy)
    if mismatch:
        raise ConfigError(
            config.path,
            key,
            f"{path} was fitted on another taxonomy ({mismatch})",
            "refit it on this taxonomy with scripts/fit_topic_words.py, or remove the key",
        )
    return words


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
    return _scored(item, matcher, shared, unwrap(item.text))


def _scored(
    item: Item,
    matcher: TermMatcher,
    shared: dict[str, tuple[Term, ...]] | None,
    body: str,
) -> dict[str, dict[str, Any]]:
    """:func:`score_topics` with the unwrapped text (``body``) made by the caller, who
    reads it again."""
    found: dict[str, _Tally] = {}
    lead_end = -1
    for text, is_title in ((item.title, True), (body, False)):
        for match in matcher.finditer(text):
            if is_title:
                place = TITLE
            else:
                if lead_end < 0:
                    lead_end = lead_paragraph_end(body)
                place = LEAD if match.start < lead_end else BODY
            listed = _in_list(text, match.start, match.end)
            factor = LIST_DISCOUNT if listed else 1.0
            others = shared.get(match.term.text.strip().casefold()) if shared else None
            for term in (match.term, *others) if others else (match.term,):
                tally = found.get(term.label)
                if tally is None:
                    tally = found[term.label] = [0.0, 0.0, 0.0, 0, 0, 0, {}]
                tally[place] += factor * term.weight
                tally[MATCHES] += 1
                tally[LISTED] += listed
                tally[WEAK] += term.weight < 1.0
                terms = tally[TERMS]
                terms[term.text] = terms.get(term.text, 0) + 1
    return {
        topic: {
            "score": round(TITLE_WEIGHT * title + LEAD_WEIGHT * lead + body_part, 2),
            "terms": terms,
            "title": round(title, 2),
            "lead": round(lead, 2),
            "body": round(body_part, 2),
            "matches": matches,
            "listed": listed_count,
            "weak": weak,
        }
        for topic, (title, lead, body_part, matches, listed_count, weak, terms) in found.items()
    }


def rules_choose(
    evidence: dict[str, dict[str, Any]],
    options: dict[str, Any],
    ranked: list[str] | None = None,
) -> list[str]:
    """The topics the thresholds give: ``min_score`` (the best ``first_min_score``) and
    ``relative_score`` of the best, at most ``max_topics``, highest score first; a topic
    matched ``RECUR_MATCHES`` times (by ``RECUR_TERMS`` distinct terms, or by full-weight
    ones) with ``RECUR_SHARE`` of the best needs only ``first_min_score``; no topic is given
    below one left out. ``ranked``: the topics in that order, when the caller has them
    already."""
    if not evidence:
        return []
    if ranked is None:
        ranked = _ranked(evidence)
    best = evidence[ranked[0]]["score"]
    floor = options["relative_score"] * best
    first_min, min_score = options["first_min_score"], options["min_score"]
    recurring = max(first_min, RECUR_SHARE * best, floor)
    chosen = []
    for index, topic in enumerate(ranked[: options["max_topics"]]):
        entry = evidence[topic]
        bar = max(first_min if index == 0 else min_score, floor)
        if not (entry["score"] >= bar or (entry["score"] >= recurring and _recurs(entry))):
            break
        chosen.append(topic)
    return chosen


def _recurs(entry: dict[str, Any]) -> bool:
    """Whether a topic's evidence is a subject the article returns to: ``RECUR_MATCHES``
    matches, of ``RECUR_TERMS`` distinct terms or of full-weight ones."""
    matches = entry.get("matches", 0)
    return matches >= RECUR_MATCHES and (
        len(entry.get("terms", ())) >= RECUR_TERMS
        or matches - entry.get("weak", 0) >= RECUR_MATCHES
    )


def _words_choose(
    item: Item,
    words: TopicWords,
    evidence: dict[str, dict[str, Any]],
    rules: list[str],
    max_topics: int,
    adding: bool,
    body: str | None = None,
) -> list[str]:
    """The topics the word model gives (``adding``: the rules' and those it adds); each
    topic it gives holds its ``probability`` and the article's words that weighed most
    for it in its evidence (a topic no term matched gets an entry of its own). ``body``:
    the unwrapped text, when the caller has it."""
    features = feature_values(evidence, set(rules), len(item.text.split()))
    chosen = list(rules) if adding else []
    for given in words.give(
        item.title,
        item.text,
        features,
        max_topics,
        WORDS_SHOWN,
        adding=adding,
        known=set(chosen),
        body=body,
    ):
        entry = evidence.setdefault(given.topic, {"score": 0.0, "terms": {}})
        entry["probability"] = round(given.probability, 3)
        entry["words"] = given.words
        chosen.append(given.topic)
    return chosen[:max_topics]


def _ranked(evidence: dict[str, dict[str, Any]]) -> list[str]:
    """The topics by score, highest first; ties by name."""
    return sorted(evidence, key=lambda topic: (-evidence[topic]["score"], topic))


@hookimpl
def aggregator_tag_item(item: Item, config: Config) -> None:
    settings = config.stash[SETTINGS]
    matcher = settings.matcher
    if matcher is None:
        return
    options = settings.options
    body = unwrap(item.text)
    evidence = _scored(item, matcher, settings.shared, body)
    if not evidence:
        return
    ranked = _ranked(evidence)
    chosen = rules_choose(evidence, options, ranked)
    if settings.words is not None:
        by_rules = chosen
        chosen = _words_choose(
            item,
            settings.words,
            evidence,
            chosen,
            options["max_topics"],
            options["words_add"],
            body,
        )
        ranked = [*ranked, *(topic for topic in chosen if topic not in ranked)]
        from_words = [topic for topic in chosen if topic not in by_rules]
        if from_words:
            item.extras[FROM_WORDS] = from_words
    elif settings.model is not None:
        features = topic_features(evidence, set(chosen), len(item.text.split()))
        chosen, probabilities = settings.model.choose(features, options["max_topics"])
        for topic, probability in probabilities.items():
            evidence[topic]["probability"] = round(probability, 3)
    for topic in chosen:
        if topic not in item.topics:
            item.topics.append(topic)
    item.extras["topic_evidence"] = {topic: evidence[topic] for topic in ranked}


@hookimpl
def aggregator_item_dropped(item: Item, reason: str, config: Config) -> None:
    """A dropped item keeps only the topics its terms gave: the word model was fitted on the
    topics people give to articles about the feed's subject, so on any other article its
    probabilities say nothing (it gave investment to off-topic business news)."""
    for topic in item.extras.pop(FROM_WORDS, ()):
        if topic in item.topics:
            item.topics.remove(topic)
