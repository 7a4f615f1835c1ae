"""Topics chosen by weights learned from labelled articles, in place of fixed thresholds.

A taxonomy's rules give each topic a score (a headline match 3, the lead 2, the body 1,
a passing list half) and keep the topics over ``min_score`` and a share of the best one.
Which topics a person would give an article also depends on how the evidence is spread:
met in the headline or only deep in the body, through one term or many, the best topic or
a distant third. A :class:`TopicModel` weighs a dozen such features of each topic's
evidence (:data:`FEATURES`, computed by :func:`topic_features`) in a logistic regression,
and gives a topic when its probability reaches ``threshold``.

The weights are fitted by ``scripts/fit_topic_model.py`` from a project's own labelled
articles (docs/topic_model.md) and stored as JSON, one named weight per feature, so
that they can be read and compared; scoring is plain Python.
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

FEATURES = (
    "log_score",
    "share_of_best",
    "share_of_all",
    "is_best",
    "rank",
    "in_title",
    "log_lead",
    "log_body",
    "log_distinct_terms",
    "log_density",
    "rules_give",
    "listed_share",
)
"""The features of one topic's evidence, in the order a model's weights are fitted:

- ``log_score``: log(1 + the rules' score);
- ``share_of_best``, ``share_of_all``: the score over the best topic's, and over the sum
  of every topic's;
- ``is_best``: 1 for the topic with the highest score; ``rank``: its place, 0 for the
  best, 1 for a fourth or later;
- ``in_title``: 1 when a term is in the headline; ``log_lead``, ``log_body``: log(1 +
  the weight of matches in the lead, in the rest);
- ``log_distinct_terms``: log(1 + how many different terms matched);
- ``log_density``: log(1 + matches per hundred words of text);
- ``rules_give``: 1 when the rules alone would give the topic;
- ``listed_share``: the share of matches that sit in a passing list.
"""
RANK_CAP = 3
FORMAT = 1
"""Version of the JSON layout; a file of another version is refused."""


def topic_features(
    evidence: Mapping[str, Mapping[str, Any]], rules_give: set[str], words: int
) -> dict[str, dict[str, float]]:
    """Each topic's features (:data:`FEATURES`) from ``tag_topics``' evidence, by name.

    ``evidence`` holds, per topic, ``score`` and the parts ``title``, ``lead``, ``body``
    (weighted matches by place), ``matches``, ``listed`` and ``terms``; ``words`` is the
    length of the text.
    """
    return {
        topic: dict(zip(FEATURES, values, strict=True))
        for topic, values in feature_values(evidence, rules_give, words).items()
    }


def feature_values(
    evidence: Mapping[str, Mapping[str, Any]], rules_give: set[str], words: int
) -> dict[str, tuple[float, ...]]:
    """:func:`topic_features` as tuples in the order of :data:`FEATURES` (what a word
    model reads for every tagged item, without a dictionary per topic)."""
    scores = {topic: float(entry["score"]) for topic, entry in evidence.items()}
    scored = {topic: score for topic, score in scores.items() if score > 0}
    if not scored:
        return {}
    best = max(scored.values())
    total = sum(scored.values())
    ranked = sorted(scored, key=lambda topic: (-scored[topic], topic))
    per_hundred = 100.0 / max(1, words)
    log1p = math.log1p
    features: dict[str, tuple[float, ...]] = {}
    for rank, topic in enumerate(ranked):
        entry = evidence[topic]
        score = scored[topic]
        matches = int(entry.get("matches", 0))
        features[topic] = (
            log1p(score),
            score / best,
            score / total,
            float(rank == 0),
            min(rank, RANK_CAP) / RANK_CAP,
            float(entry.get("title", 0.0) > 0),
            log1p(float(entry.get("lead", 0.0))),
            log1p(float(entry.get("body", 0.0))),
            log1p(len(entry.get("terms", {}))),
            log1p(matches * per_hundred),
            float(topic in rules_give),
            int(entry.get("listed", 0)) / max(1, matches),
        )
    return features


@dataclass(frozen=True)
class TopicModel:
    """A logistic regression over :data:`FEATURES`, with an optional intercept per topic.

    ``weights`` apply to the raw feature values; a topic missing from
    ``topic_intercepts`` (one added to the taxonomy after the fit) has none of its own.
    """

    weights: dict[str, float]
    intercept: float
    threshold: float
    topic_intercepts: dict[str, float] = field(default_factory=dict)
    fitted_on: dict[str, Any] = field(default_factory=dict)
    """What the fit saw (label files, articles, figures): for people, not for scoring."""

    def probability(self, topic: str, features: Mapping[str, float]) -> float:
        """How likely a person gives ``topic`` an article with these features."""
        logit = self.intercept + self.topic_intercepts.get(topic, 0.0)
        logit += sum(weight * features[name] for name, weight in self.weights.items())
        if logit < -60:
            return 0.0
        return 1.0 / (1.0 + math.exp(-logit))

    def choose(
        self, features: Mapping[str, Mapping[str, float]], max_topics: int
    ) -> tuple[list[str], dict[str, float]]:
        """The topics to give, most probable first, and every topic's probability."""
        probabilities = {
            topic: self.probability(topic, topic_features)
            for topic, topic_features in features.items()
        }
        ranked = sorted(probabilities, key=lambda topic: (-probabilities[topic], topic))
        chosen = [topic for topic in ranked if probabilities[topic] >= self.threshold]
        return chosen[:max_topics], probabilities

    def to_json(self) -> dict[str, Any]:
        return {
            "format": FORMAT,
            "features": list(FEATURES),
            "intercept": self.intercept,
            "weights": self.weights,
            "topic_intercepts": self.topic_intercepts,
            "threshold": self.threshold,
            "fitted_on": self.fitted_on,
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> TopicModel:
        """A model from its JSON form; ValueError names what is wrong."""
        if data.get("format") != FORMAT:
            raise ValueError(f"format {data.get('format')!r}, expected {FORMAT}")
        weights = data.get("weights")
        if not isinstance(weights, dict) or set(weights) - set(FEATURES):
            unknown = sorted(set(weights) - set(FEATURES)) if isinstance(weights, dict) else []
            raise ValueError(f"weights must name features of {FEATURES}; unknown: {unknown}")
        intercepts = data.get("topic_intercepts", {})
        numbers = [data.get("intercept"), data.get("threshold"), *weights.values()]
        if not isinstance(intercepts, dict):
            raise ValueError("topic_intercepts must be a table of topic = number")
        numbers += list(intercepts.values())
        if not all(
            isinstance(number, int | float)
            and not isinstance(number, bool)
            and math.isfinite(number)
            for number in numbers
        ):
            raise ValueError("intercept, threshold and every weight must be finite numbers")
        threshold = float(data["threshold"])
        if not 0.0 < threshold < 1.0:
            raise ValueError(f"threshold {threshold} is not between 0 and 1")
        return cls(
            weights={name: float(value) for name, value in weights.items()},
            intercept=float(data["intercept"]),
            threshold=threshold,
            topic_intercepts={str(topic): float(value) for topic, value in intercepts.items()},
            fitted_on=dict(data.get("fitted_on", {})),
        )

    @classmethod
    def load(cls, path: Path) -> TopicModel:
        """Read a model file (OSError, ValueError when it cannot be used)."""
        data = json.loads(path.read_text(encoding="utf-8"))
        if not isinstance(data, dict):
            raise ValueError("expected a JSON object")
        return cls.from_json(data)

    def dump(self, path: Path) -> None:
        path.write_text(json.dumps(self.to_json(), indent=2, sort_keys=False) + "\n", "utf-8")
