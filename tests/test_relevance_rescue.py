"""The relevance judge's ``rescue_model`` option: a logistic model fitted on the development
halves (aggregator.toolkit.relevance_model) that may keep an item the weighted score drops,
off by default.

Examples are written for these tests with a made-up pair of sides (Norway and Chile).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import pytest
from realworld_eval import UNREAD_HALVES
from relevance_support import FILLER, judge, judge_app

from aggregator.app import App
from aggregator.plugins import judge_relevance
from aggregator.toolkit import relevance_model
from aggregator.toolkit.relevance_model import RescueModel
from aggregator.toolkit.relevance_score import COMPONENTS

ROOT = Path(__file__).resolve().parents[1]

SETTINGS: dict[str, Any] = {
    "sides": {"Norway": ["Norway", "Norwegian", "Oslo"], "Chile": ["Chile", "Chilean"]},
    "relation_terms": ["signed", "agreement", "invest", "loan"],
    "places": {"Chile": ["Antofagasta", "Valparaiso"], "Norway": ["Bergen"]},
    "third_parties": {"Peru": ["Peru", "Peruvian", "Lima"]},
    "threshold": 3.0,
}

ONE_MENTION = (
    "Pension fund plans",
    "Norwegian pension funds will invest in Chile's lithium mines, Oslo said on Monday."
    + FILLER * 6,
)
"""A dealing in the lead that names Chile once: the hand weights' penalty for a passing
mention takes it under the threshold (2.32), the fitted model reads it as relevant."""
PARALLEL = (
    "Salmon prices",
    "Norwegian salmon prices rose as Chilean farms cut output this week." + FILLER * 4,
)
"""Two sides reported side by side: a clear drop, under the model's floor."""
DEALING = (
    "Port upgrade moves ahead",
    "Norwegian engineers signed an agreement with Chile on a port upgrade at the harbour."
    + FILLER * 6,
)


def load(tmp_path: Path, **options: Any) -> App:
    return judge_app(tmp_path, {**SETTINGS, **options})


def test_off_by_default_and_the_score_decides(tmp_path: Path) -> None:
    app = load(tmp_path)
    settings = app.config.stash[judge_relevance.SETTINGS]
    assert settings is not None and settings.rescue is None
    reason, item = judge(app, *ONE_MENTION)
    assert reason is not None and item.relevance is not None
    assert item.relevance.score == pytest.approx(2.32)
    assert item.relevance.threshold == 3.0
    assert not any("fitted model" in line for line in item.relevance.reasons)


def test_the_shipped_model_keeps_a_dealing_the_score_drops_and_says_so(tmp_path: Path) -> None:
    reason, item = judge(load(tmp_path, rescue_model=True), *ONE_MENTION)
    assert reason is None
    assert item.relevance is not None and item.relevance.kept
    assert item.relevance.score == pytest.approx(2.32)
    assert item.relevance.reasons[-1].startswith("kept by the fitted model: score 2.32 <")


def test_the_model_never_drops_nor_reads_a_clear_drop(tmp_path: Path) -> None:
    off, on = load(tmp_path / "off"), load(tmp_path / "on", rescue_model=True)
    for title, text in (DEALING, PARALLEL):
        before, kept_off = judge(off, title, text)
        after, kept_on = judge(on, title, text)
        assert before == after
        assert kept_off.relevance == kept_on.relevance


def test_a_model_decides_only_from_its_floor_up_to_the_threshold() -> None:
    model = RescueModel({"bilateral_sentences": 1.0}, bias=-0.5, floor=0.0)
    vector = {"bilateral_sentences": 1.0}
    assert model.log_odds(vector) == pytest.approx(0.5)
    assert model.rescues(vector, score=1.0, threshold=3.0) == pytest.approx(0.5)
    assert model.rescues(vector, score=-0.1, threshold=3.0) is None
    assert model.rescues(vector, score=3.0, threshold=3.0) is None
    assert model.rescues({"bilateral_sentences": 0.0}, score=1.0, threshold=3.0) is None


def test_a_model_with_a_high_bias_rescues_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    never = RescueModel(dict.fromkeys(COMPONENTS, 0.0), bias=-1.0, floor=0.0)
    monkeypatch.setattr(relevance_model, "load", lambda: never)
    reason, item = judge(load(tmp_path, rescue_model=True), *ONE_MENTION)
    assert reason is not None and item.relevance is not None
    assert item.relevance.threshold == 3.0


def test_the_shipped_model_says_what_it_was_fitted_on() -> None:
    sys.path.insert(0, str(ROOT / "scripts"))
    from relevance_halves import CORPORA, FORBIDDEN

    data = json.loads(relevance_model.MODEL_FILE.read_text(encoding="utf-8"))
    model = relevance_model.from_dict(data)
    assert set(model.weights) == set(COMPONENTS)
    fitted_on = model.fitted_on
    assert set(fitted_on["halves"]) <= set(CORPORA)
    assert not set(fitted_on["halves"]) & {*FORBIDDEN, *UNREAD_HALVES}
    assert {"items", "relevant", "settings", "date", "leave_one_half_out"} <= set(fitted_on)
    assert fitted_on["settings"]["floor"] == model.floor


def test_the_fitting_script_measures_the_rescue_as_the_judge_decides() -> None:
    sys.path.insert(0, str(ROOT / "scripts"))
    import numpy as np
    from fit_relevance import Row, decide

    names = ["bilateral_sentences", "passing_mention"]
    hand = np.array([1.5, -3.0])
    found = [
        Row("a", "kept by the score", True, {"bilateral_sentences": 3, "passing_mention": 0}),
        Row("a", "rescued", True, {"bilateral_sentences": 2, "passing_mention": 1}),
        Row("a", "under the floor", False, {"bilateral_sentences": 1, "passing_mention": 1}),
        Row("a", "dropped before scoring", True, None),
    ]
    model = np.array([1.0, -0.1])
    assert decide(found, names, model, -1.5, (hand, 3.0, 0.0)) == [True, True, False, False]
    assert decide(found, names, model, -1.5) == [True, True, False, False]
    assert decide(found, names, model, -2.5, (hand, 3.0, 0.0)) == [True, False, False, False]
