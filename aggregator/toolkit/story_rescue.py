"""A second look, by a fitted model, at the candidates the story rules refuse.

The rules of :func:`~aggregator.toolkit.story_match.similarity` join a report to its
best candidate scoring ``match_threshold`` or more. When none does, a logistic
regression fitted on the development halves' verified candidate pairs
(scripts/fit_story_match.py ``--rescue``, weights in ``story_rescue.json`` beside this
module) looks again at the candidates the rules scored from ``min_rule`` up: the one
the rules score highest among those the model gives ``threshold`` or more log-odds
joins. The model only adds joins where the rules refused; it never undoes one, so on
a half its precision can only be the rules' or lower, and its threshold was chosen so
that it added no false pair on any development half (docs/story_verification.md,
"Twenty halves"). Off by default (``cluster_stories``' ``rescue_model``).
"""

from __future__ import annotations

import functools
import json
import math
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, NamedTuple, TypeVar

from .story_evidence import Weigh
from .story_match import Evidence, RareMeasure, Report, evidence

WEIGHTS = Path(__file__).with_name("story_rescue.json")
T = TypeVar("T")

FEATURES: dict[str, Callable[[Evidence, float], float]] = {
    "rules": lambda e, rule: rule,
    "rare_held": lambda e, rule: e.rare_held,
    "rare_shared": lambda e, rule: e.rare_shared,
    "names": lambda e, rule: e.names,
    "headline_names": lambda e, rule: e.headline_names,
    "log_shared_weight": lambda e, rule: math.log1p(e.shared_weight),
    "gap": lambda e, rule: e.gap,
    "same_outlet": lambda e, rule: float(e.same_outlet),
    "headline": lambda e, rule: e.title,
    "lead_figures": lambda e, rule: min(e.lead_figures, 3),
    "values": lambda e, rule: min(e.values, 4),
}
"""Each measure the model weighs, of a pair's evidence and the rules' score; the fitting
script computes the same of its recorded evidence (a test checks they agree)."""


class Model(NamedTuple):
    weights: dict[str, float]
    bias: float
    threshold: float
    """Log-odds a refused candidate needs to join."""
    min_rule: float
    """The least rules' score the model looks at: below it a candidate is never rescued."""

    def log_odds(self, found: Evidence, rule: float) -> float:
        return self.bias + sum(w * FEATURES[name](found, rule) for name, w in self.weights.items())


@functools.cache
def load(path: Path = WEIGHTS) -> Model:
    """The fitted model (read once a process)."""
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    unknown = set(data["weights"]) - set(FEATURES)
    if unknown:
        raise ValueError(f"{path}: measures this version does not know: {sorted(unknown)}")
    return Model(
        {name: float(w) for name, w in data["weights"].items()},
        float(data["bias"]),
        float(data["threshold"]),
        float(data["min_rule"]),
    )


def rescued(
    model: Model,
    refused: Iterable[tuple[float, T]],
    evidence_of: Callable[[T], Evidence],
) -> tuple[T, float, float] | None:
    """Of the candidates the rules refused (each with the rules' score), the one the rules
    score highest (the later of equal scores, as the clusterer takes) among those the model
    passes: the candidate, its rules' score and the model's log-odds; None if none passes.
    A candidate with contradicting figures is never rescued (they veto, as in the rules).
    The candidates are weighed highest rules' score first, so that the evidence is worked
    out only until one passes."""
    ordered = sorted(enumerate(refused), key=lambda found: (-found[1][0], -found[0]))
    for _, (rule, old) in ordered:
        if rule < model.min_rule:
            break
        found = evidence_of(old)
        if found.conflict:
            continue
        odds = model.log_odds(found, rule)
        if odds >= model.threshold:
            return old, rule, odds
    return None


def second_look(
    report: Report,
    refused: Iterable[tuple[float, Report]],
    weigh: Weigh,
    new_sets: tuple[frozenset[int], frozenset[int]],
    rare: RareMeasure,
) -> tuple[str, str] | None:
    """The story ``report`` joins by the shipped model's second look at the candidates the
    rules refused (each with the rules' score), and why; None if it joins none."""
    found = rescued(load(), refused, lambda old: evidence(report, old, weigh, new_sets, rare))
    if found is None:
        return None
    old, rule, odds = found
    return old.story_id, (
        f"joined {old.item_id}: the fitted model's second look (log-odds {odds:.2f},"
        f" rules {rule:.2f} under the threshold)"
    )
