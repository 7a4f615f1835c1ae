"""A logistic model over the evidence vector that may keep what the weighted score drops.

The relevance judge keeps an item whose weighted score (``relevance_score``) reaches the
threshold. With ``rescue_model = true`` in ``[plugins.judge_relevance]``, an item scoring
under the threshold but at or above the model's ``floor`` is read once more by a
logistic regression fitted on the labelled development halves (``scripts/fit_relevance.py
--rescue --write-model``): when its log-odds of relevance is at least 0, the item is kept,
and its reasons say that the model decided. The model never drops what the score keeps:
the hand weights' precision was the better half of their figures, their recall the
weaker, and refitting every weight moved precision down more than recall up
(docs/relevance_weights.md).

The weights live in ``relevance_model.json`` beside this module, with ``fitted_on``: the
halves, the counts, the settings and the date they were fitted with, and the
leave-one-half-out figures that chose them.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

MODEL_FILE = Path(__file__).with_name("relevance_model.json")
"""The shipped model's weights, fitted on every development half."""


@dataclass(frozen=True)
class RescueModel:
    """Weights over the evidence vector's components, a bias, and the lowest weighted score
    the model may rescue from."""

    weights: dict[str, float]
    bias: float
    floor: float
    """Items scoring under this (a clear drop by the weighted score) stay dropped."""
    fitted_on: dict[str, Any] = field(default_factory=dict)

    def log_odds(self, vector: Mapping[str, float]) -> float:
        """The model's log-odds that the item is relevant."""
        weights = self.weights
        return self.bias + sum(weights.get(name, 0.0) * value for name, value in vector.items())

    def rescues(self, vector: Mapping[str, float], score: float, threshold: float) -> float | None:
        """The log-odds when the model keeps an item the score drops, else None."""
        if not self.floor <= score < threshold:
            return None
        odds = self.log_odds(vector)
        return odds if odds >= 0 else None

    def to_dict(self) -> dict[str, Any]:
        return {
            "weights": self.weights,
            "bias": self.bias,
            "floor": self.floor,
            "fitted_on": self.fitted_on,
        }


def from_dict(data: Mapping[str, Any]) -> RescueModel:
    return RescueModel(
        weights={str(name): float(value) for name, value in data["weights"].items()},
        bias=float(data["bias"]),
        floor=float(data["floor"]),
        fitted_on=dict(data.get("fitted_on", {})),
    )


@functools.cache
def load(path: Path = MODEL_FILE) -> RescueModel:
    """The model in ``path`` (by default the shipped one), read once."""
    return from_dict(json.loads(path.read_text(encoding="utf-8")))
