"""A learned chooser of a plain-text article's headline among the lines of its header,
used by the text parser only when ``[plugins.text_parser] headline = "learned"`` asks for
it (docs/headline_model.md says why it is off by default, and its figures).

The hand-written rules of :func:`aggregator.toolkit.header_zone.choose_headline` are
some of its features; the others describe each line by its structure (where it stands,
its length, its case, its punctuation, what stands above and below it, how many of its
words the lead repeats). A line's score is the sum of its features' weights (fitted by
``scripts/fit_headlines.py``); the best-scoring line becomes the headline, joined,
stripped of its kicker and given in mixed case as the rules would, and its rule says
why: the line's score and the features that weighed most.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Final, NamedTuple

from aggregator.toolkit.header_lines import (
    furniture_kind,
    header_field,
    is_name_like,
    strip_kicker,
    unmarked,
)
from aggregator.toolkit.header_zone import (
    HEADLINE_MAX,
    HeaderZone,
    Headline,
    candidate_ranks,
    choose_headline,
    headline_from,
    is_body_prose,
    rule_signals,
)
from aggregator.toolkit.lines import word_set

__all__ = [
    "SHIPPED",
    "PoolContext",
    "Weights",
    "candidate_pool",
    "choose_learned_headline",
    "line_features",
    "load_weights",
    "none_features",
    "pool_context",
    "score",
]

SHIPPED: Final = Path(__file__).with_name("headline_weights.json")
"""The weights fitted on every development half (``scripts/fit_headlines.py --write``)."""
LINES_BELOW_ZONE: Final = 3
"""Lines past the zone's end a headline may stand on (a zone ended by a long deck or a
notice above the headline)."""
LEAD_WORDS: Final = 80
"""Words of the body read as its lead."""
_CONTENT_WORD = re.compile(r"[^\W\d_][\w'’-]{3,}")
_COMMON_WORDS: Final = word_set(
    """this that with from have has will were been their they them there what when where
    which while about after before also into over more most such than then these those
    your yours ours said says would could should only other some very just like""",
)
_SLUG = re.compile(r"\b(?=[\w/.-]*\d)(?=[\w/.-]*[A-Za-z/-])[\w]+[/.-][\w/.-]+\b")
"""A token of figures and letters joined by slashes, dots or hyphens ("PR/014",
"CIR/45-2024"): a number line's or a slug's."""
_ENTRY = re.compile(r"(?:[A-Z]?\d{1,2}[.)]|\(?[a-z0-9]{1,3}\)|[ivx]{1,4}\.)\s")
"""A numbered entry of a list or of a document's paragraphs ("3. …", "Q1. …", "(b) …")."""
_SYMBOL = re.compile(r"[\U0001F000-\U0001FAFF\u2600-\u27BF]")
_FURNITURE: Final = ("kicker", "label", "boilerplate", "menu", "breadcrumb")
SHORT_WORDS: Final = 4
"""Words of a short line: a name, a section, a site's title rather than a headline."""
TOP_REASONS: Final = 3
"""Features named in a chosen headline's rule."""


class Weights(NamedTuple):
    """A fitted model: a weight per feature (features it lacks weigh nothing), what it was
    fitted on, and the margin by which its best option must outscore the rules' choice to
    replace it (None: the best option always wins)."""

    weights: Mapping[str, float]
    fitted_on: object
    margin: float | None = None


def candidate_pool(zone: HeaderZone) -> list[int]:
    """The lines the headline is chosen among: the zone's headline-shaped lines, and every
    other line of it or just below it that is no metadata (date line, byline, field), no
    body prose, and not too long for a headline."""
    stop = min(len(zone.lines), zone.end + LINES_BELOW_ZONE)
    pool = set(zone.candidates)
    for index in range(zone.start, stop):
        line = zone.lines[index]
        if index in zone.consumed or len(line) > HEADLINE_MAX or is_body_prose(line):
            continue
        if _CONTENT_WORD.search(line):
            pool.add(index)
    return sorted(pool)


class PoolContext(NamedTuple):
    """What the features of a pool's lines compare them with."""

    pool: Sequence[int]
    rules_first: int | None
    lead_words: frozenset[str]
    later_lines: frozenset[str]
    saying: Sequence[int]
    """The lines of the pool that say something (rank 0 by the rules)."""
    most_shared: int | None
    """The line that shares the most words with the lead."""
    signals: Mapping[int, Mapping[str, bool]]
    """:func:`rule_signals` of each line of the pool (read once: they weigh most of the
    chooser's cost)."""


def pool_context(
    zone: HeaderZone,
    pool: Sequence[int],
    rules: Headline | None,
    ranks: Mapping[int, int] | None = None,
) -> PoolContext:
    """What the features of the pool's lines compare them with; ``ranks``, the candidates'
    :func:`.header_zone.candidate_ranks`, where the caller has them (read once)."""
    body = zone.lines[zone.end :]
    lead = next((i for i, line in enumerate(body) if is_body_prose(line)), 0)
    lead_words = frozenset(
        _content_words(" ".join(" ".join(body[lead : lead + 4]).split()[:LEAD_WORDS]))
    )
    shared = {i: _shared(zone.lines[i], lead_words) for i in pool}
    best = max(shared.values(), default=0.0)
    ranks = ranks or {}
    signals = {i: rule_signals(zone, i, ranks.get(i)) for i in pool}
    return PoolContext(
        pool,
        rules.lines[0] if rules is not None else None,
        lead_words,
        frozenset(body[lead + 1 :]),
        [i for i in pool if signals[i]["says something (rank 0)"]],
        min((i for i, value in shared.items() if value == best), default=None) if best else None,
        signals,
    )


def _shared(line: str, lead_words: frozenset[str]) -> float:
    content = _content_words(line)
    return sum(word in lead_words for word in content) / len(content) if content else 0.0


def _content_words(text: str) -> list[str]:
    words = (word.casefold().strip("'’-") for word in _CONTENT_WORD.findall(text))
    return [word for word in words if word not in _COMMON_WORDS]


def line_features(zone: HeaderZone, index: int, context: PoolContext) -> dict[str, float]:
    """The features of line ``index`` of the zone as a headline, each in [0, 1]."""
    lines, pool = zone.lines, context.pool
    line = lines[index]
    words = line.split()
    place = pool.index(index)
    content = _content_words(line)
    shared = sum(word in context.lead_words for word in content)
    kind = furniture_kind(line)
    letters = [char for char in line if char.isalpha()]
    stripped = strip_kicker(unmarked(line))
    features: dict[str, float] = {
        "bias": 1.0,
        "the rules' choice": index == context.rules_first,
        "headline-shaped (a rules' candidate)": index in zone.candidates,
        "first of the lines": place == 0,
        "second of the lines": place == 1,
        "last of the lines": place == len(pool) - 1,
        "place among the lines": place / max(1, len(pool) - 1),
        "lines from the top": min(index - zone.start, 10) / 10,
        "eight lines or more from the top": index - zone.start >= 8,
        "first line that says something": context.saying[:1] == [index],
        "last line that says something": context.saying[-1:] == [index],
        "shares the most words with the lead": index == context.most_shared,
        "opens like a list entry": _ENTRY.match(line) is not None,
        "a colon among its first words": ":" in " ".join(words[:5])[:-1],
        "below the body's start": index >= zone.end,
        "right above the body": index + 1 == zone.end,
        "date or byline right below": index + 1 in zone.anchors or index + 1 in zone.dated,
        "date or byline right above": index - 1 in zone.anchors or index - 1 in zone.dated,
        "holds a date": index in zone.dated,
        "words": min(len(words), 30) / 30,
        "at most three words": len(words) <= 3,
        "sixteen words or more": len(words) >= 16,
        "characters": min(len(line), HEADLINE_MAX) / HEADLINE_MAX,
        "sentence case": _sentence_case(words),
        "ends with a full stop": line.endswith("."),
        "ends with a question or exclamation": line.endswith(("?", "!")),
        "ends with a colon": line.endswith(":"),
        "a label before it": stripped != unmarked(line),
        "a field (Label: value)": header_field(line) is not None,
        "bars or bullets": any(mark in line for mark in ("|", "·", "•")),
        "marks or emoji": unmarked(line) != line or _SYMBOL.search(line) is not None,
        "share of figures": sum(char.isdigit() for char in line) / max(1, len(line)),
        "a slug or number": _SLUG.search(line) is not None,
        "few letters": len(letters) < len(line) / 2,
        "name-like": is_name_like(line),
        "shares words with the lead": shared / len(content) if content else 0.0,
        "shares no word with the lead": bool(content) and shared == 0,
        "repeated further down": line in context.later_lines,
    }
    for furniture in _FURNITURE:
        features[f"furniture: {furniture}"] = kind == furniture
    features["furniture: other"] = kind not in (None, *_FURNITURE)
    features.update(context.signals.get(index) or rule_signals(zone, index))
    features.update(_beside_the_rules(zone, index, context))
    return {name: float(value) for name, value in features.items()}


def _beside_the_rules(zone: HeaderZone, index: int, context: PoolContext) -> dict[str, bool]:
    """How a line other than the rules' choice stands to it: what the rules chose is short
    or a name (a site's or an issuer's), the line stands below it and is longer, or the
    line's text is held in a longer line above (a printed page's window title)."""
    lines, chosen = zone.lines, context.rules_first
    line = lines[index]
    held = len(line.split()) >= SHORT_WORDS and any(
        len(above) > len(line) and line.casefold() in above.casefold()
        for above in lines[zone.start : index]
    )
    features = {"held in a longer line above": held, "no choice by the rules": chosen is None}
    if chosen is None or chosen == index:
        return features
    short = len(lines[chosen].split()) <= SHORT_WORDS
    below, longer = index > chosen, len(line.split()) > len(lines[chosen].split())
    features.update(
        {
            "the rules chose a short line": short,
            "the rules chose a name": is_name_like(lines[chosen]),
            "below the rules' choice": below,
            "longer than the rules' choice": longer,
            "below and longer than a short rules' choice": short and below and longer,
        }
    )
    return features


def _sentence_case(words: Sequence[str]) -> bool:
    """A capital first, then mostly lower case: a sentence's or a modern headline's."""
    rest = [word for word in words[1:] if word[:1].isalpha()]
    return (
        bool(words)
        and words[0][:1].isupper()
        and len(rest) >= 2
        and sum(word[0].islower() for word in rest) * 2 > len(rest)
    )


def none_features(rules: Headline | None) -> dict[str, float]:
    """The features of the choice of no line at all (the article's title is then found
    below the header or made from its lead)."""
    return {"no headline": 1.0, "no headline, nor by the rules": float(rules is None)}


def score(weights: Mapping[str, float], features: Mapping[str, float]) -> float:
    return sum(weights.get(name, 0.0) * value for name, value in features.items())


def choose_learned_headline(zone: HeaderZone, weights: Weights) -> Headline | None:
    """The best-scoring line of the zone as its headline, or None where the choice of no
    line scores higher (the parser then looks below the header or makes a title from the
    lead). The rules' headline stands, as they give it, unless the best option outscores
    the rules' own by more than the weights' margin; with no margin (the default), where
    the best line is the rules' choice, the rules' headline is given with the score."""
    pool = candidate_pool(zone)
    ranks = candidate_ranks(zone.lines, zone.candidates)
    rules = choose_headline(zone.lines, zone.candidates, zone.anchors, zone.dated, ranks)
    if not pool:
        return rules
    context = pool_context(zone, pool, rules, ranks)
    scored = []
    for index in pool:
        features = line_features(zone, index, context)
        scored.append((score(weights.weights, features), -index, features))
    best, minus_index, features = max(scored, key=lambda row: row[:2])
    nothing = score(weights.weights, none_features(rules))
    if weights.margin is not None:
        held = _rules_score(scored, nothing, rules)
        if held is None or max(best, nothing) - held <= weights.margin:
            return rules
    if nothing >= best:
        return None
    first = -minus_index
    weighed = ((weights.weights.get(name, 0.0) * value, name) for name, value in features.items())
    reasons = sorted((pair for pair in weighed if pair[0]), key=lambda pair: -abs(pair[0]))
    said = ", ".join(f"{name} {weight:+.1f}" for weight, name in reasons[:TOP_REASONS])
    why = f"learned ranking: line {first + 1} scored {best:.1f} ({said})"
    if weights.margin is not None:
        why += f", over the rules' choice by more than {weights.margin:g}"
    if rules is not None and rules.lines[0] == first:
        return rules._replace(rule=f"{rules.rule}; {why}")
    return headline_from(zone, first, why)


def _rules_score(
    scored: Sequence[tuple[float, int, Mapping[str, float]]], nothing: float, rules: Headline | None
) -> float | None:
    """The score of the rules' choice among ``scored`` (of the choice of no line when the
    rules choose none); None when the rules chose a line outside the pool."""
    if rules is None:
        return nothing
    return next((row[0] for row in scored if -row[1] == rules.lines[0]), None)


def load_weights(path: Path) -> Weights:
    """A weights file written by ``scripts/fit_headlines.py --write`` (OSError, ValueError
    when it cannot be used)."""
    data = json.loads(path.read_text(encoding="utf-8"))
    if not isinstance(data, dict) or not isinstance(data.get("weights"), dict):
        raise ValueError("expected a JSON object with a 'weights' object")
    weights = {str(name): float(value) for name, value in data["weights"].items()}
    margin = data.get("margin")
    return Weights(weights, data.get("fitted_on", ""), None if margin is None else float(margin))
