"""Stories: the fitted second look at candidates the rules refuse
(aggregator/toolkit/story_rescue.py, ``cluster_stories``' ``rescue_model``, off by default;
scripts/fit_story_match.py ``--rescue``)."""

from __future__ import annotations

import argparse
import math
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from story_support import placed

from aggregator.plugins import cluster_stories
from aggregator.plugins.cluster_stories import Index, Settings, _add, _best_match
from aggregator.toolkit import story_rescue
from aggregator.toolkit.story_match import Evidence
from aggregator.toolkit.story_rescue import Model, rescued

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))

import fit_story_match  # noqa: E402

DAY = datetime(2026, 4, 14, 9, tzinfo=UTC)

BEARINGS = (
    "Kurobe Seiki to build bearing plant at Sanand",
    "Kurobe Seiki, a maker of precision bearings from Toyama, will build its first Indian"
    " plant at Sanand in Gujarat. Production of wheel bearings for two-wheelers starts in"
    " 2028, the company said on Tuesday.",
)
BEARINGS_AGAIN = (
    "Toyama firm picks Gujarat for factory",
    "A company from Toyama has chosen a site in Gujarat for a factory, its president told"
    " reporters on Tuesday. The plant, the firm's first abroad, will supply scooter makers.",
)
ORCHARD = (
    "Aomori buyers at Shimla apple fair",
    "Growers in Shimla met buyers from Aomori at an apple fair, where Deepa Thakur of the"
    " Himachal Orchard Board spoke of cold chains and 140 tonnes of fruit.",
)


def facts(**given: Any) -> Evidence:
    """An :class:`Evidence` with nothing in common but what is ``given``."""
    blank: dict[str, Any] = {name: 0 for name in Evidence._fields}
    blank |= {"dated": True, "conflict": False, "same_outlet": False, "digest": False}
    blank |= {"listed": False}
    return Evidence(**(blank | given))


LOOSE = Model({"rare_shared": 10.0}, bias=-1.0, threshold=0.0, min_rule=0.1)
"""A model that passes a refused candidate sharing a tenth of its rare words."""


def test_the_candidate_the_rules_score_highest_among_those_passed_is_taken() -> None:
    refused = [(0.30, "a"), (0.20, "b"), (0.25, "c"), (0.05, "d")]
    shared = {"a": 0.0, "b": 0.5, "c": 0.5, "d": 0.9}
    found = rescued(LOOSE, refused, lambda old: facts(rare_shared=shared[old]))
    assert found == ("c", 0.25, 4.0)


def test_the_later_of_equal_scores_is_taken_and_contradicting_figures_veto() -> None:
    refused = [(0.2, "a"), (0.2, "b")]
    assert rescued(LOOSE, refused, lambda old: facts(rare_shared=0.5)) == ("b", 0.2, 4.0)
    vetoed = rescued(LOOSE, refused, lambda old: facts(rare_shared=0.5, conflict=old == "b"))
    assert vetoed == ("a", 0.2, 4.0)


def test_nothing_under_the_least_rules_score_or_the_threshold_is_rescued() -> None:
    assert rescued(LOOSE, [(0.05, "a")], lambda old: facts(rare_shared=1.0)) is None
    assert rescued(LOOSE, [(0.3, "a")], lambda old: facts(rare_shared=0.05)) is None


def _bearings_index() -> tuple[Index, Any]:
    index = Index()
    for number, town in enumerate(["Madurai", "Sendai", "Ranchi", "Kochi"]):
        _add(
            index, *placed(f"{town} news", f"A fair opened in {town} on Monday.", f"f{number}", DAY)
        )
    first, placement = placed(*BEARINGS, "first", DAY)
    first.story_id = "story-of-the-plant"
    _add(index, first, placement)
    return index, placed(*BEARINGS_AGAIN, "second", DAY + timedelta(hours=5))


def test_off_the_rules_decide_and_on_the_model_joins_what_they_refused(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Two reports of one plant, the second reworded without the firm's name: the rules
    refuse the pair; the second look (a loose model here) joins it, and says so."""
    index, (report, placement) = _bearings_index()
    story, reason = _best_match(index, report, placement, Settings())
    assert story is None, reason
    monkeypatch.setattr(story_rescue, "load", lambda: Model({"rules": 1.0}, 0.0, 0.0, -1.0))
    story, reason = _best_match(index, report, placement, Settings(rescue_model=True))
    assert story == "story-of-the-plant"
    assert "the fitted model's second look" in reason
    story, _ = _best_match(index, report, placement, Settings())
    assert story is None


def test_the_shipped_model_joins_no_report_of_another_event() -> None:
    index, _ = _bearings_index()
    report, placement = placed(*ORCHARD, "orchard", DAY + timedelta(hours=3))
    assert _best_match(index, report, placement, Settings(rescue_model=True))[0] is None


def test_the_option_is_off_by_default() -> None:
    assert cluster_stories.SCHEMA["rescue_model"].default is False
    assert Settings().rescue_model is False


def test_the_shipped_weights_say_what_they_were_fitted_on() -> None:
    model = story_rescue.load()
    assert set(model.weights) == set(story_rescue.FEATURES)
    assert model.min_rule < Settings().match_threshold and math.isfinite(model.threshold)
    data = fit_story_match.json.loads(story_rescue.WEIGHTS.read_text(encoding="utf-8"))
    fitted_on = data["fitted_on"]
    assert "dev10" not in fitted_on["halves"] and "test" not in fitted_on["halves"]
    assert fitted_on["settings"]["rescue"] is True and fitted_on["date"]


def test_the_script_and_the_module_compute_the_same_measures() -> None:
    found = facts(
        rare_held=0.4,
        rare_shared=0.2,
        names=0.3,
        headline_names=0.5,
        shared_weight=6.0,
        gap=1.5,
        same_outlet=True,
        title=0.25,
        lead_figures=5,
        values=2,
    )
    recorded = found._asdict()
    candidate = {"rule_score": 0.27, "evidence": recorded}
    for name, measure in story_rescue.FEATURES.items():
        assert measure(found, 0.27) == fit_story_match.FEATURES[name](recorded, candidate), name


def _candidate(old: str, rule: float, rare: float) -> dict[str, Any]:
    evidence = facts(rare_shared=rare)._asdict()
    return {"old": old, "verified": True, "near": True, "rule_score": rule, "evidence": evidence}


def _toy() -> dict[str, Any]:
    """a, b and c of one event, d of another: b is refused against a but shares its rare
    words; d is refused against c and shares few."""
    return {
        "half": "toy",
        "labels": {"a": "s1", "b": "s1", "c": "s2", "d": "s3"},
        "stories": {name: name for name in "abcd"},
        "searches": [
            {"new": "a", "candidates": []},
            {"new": "b", "candidates": [_candidate("a", 0.3, 0.6)]},
            {"new": "c", "candidates": []},
            {"new": "d", "candidates": [_candidate("c", 0.3, 0.3)]},
        ],
    }


def test_the_rescue_threshold_adds_no_false_pair_to_any_half() -> None:
    toy = _toy()
    names = ["rare_shared"]
    odds = fit_story_match.model_odds([toy], names, fit_story_match.np.array([10.0]), -4.0, 0.15)
    assert sorted(odds.values()) == [-1.0, 2.0]
    threshold = fit_story_match.rescue_threshold([toy], odds, 0.15)
    assert -1.0 < threshold <= 2.0
    score = fit_story_match.rescue_scorer(odds, threshold, 0.15)
    assert fit_story_match.replay(toy, score, fit_story_match.JOINED) == (1, 1, 1)
    assert fit_story_match.replay(toy, fit_story_match.rules, 0.35) == (1, 0, 0)


def test_the_weights_file_records_what_it_was_fitted_on() -> None:
    records = [_toy(), {**_toy(), "half": "toy2"}]
    args = argparse.Namespace(rescue=True, l2=1.0, min_rule=0.15, margin=0.0, false_share=1.0)
    written = fit_story_match.weights_file(records, ["rare_shared"], args)
    assert written["fitted_on"]["halves"] == ["toy", "toy2"]
    assert written["fitted_on"]["in_sample_pairs"] == {"toy": [1, 1, 1], "toy2": [1, 1, 1]}
    assert written["weights"]["rare_shared"] > 0 and written["min_rule"] == 0.15


DRILL = (
    "Coast guards drill off Chennai",
    "The patrol vessel Shoryu and the cutter Vajra practised towing, firefighting, boarding"
    " and a search for sailors adrift off Chennai on Monday. Hoses sprayed seawater over a"
    " burning dinghy while divers towed a drifting raft to the stern.",
)
DRILL_UNDATED = (
    "Shoryu and Vajra drill off Chennai",
    "Sailors towed a raft with an Indian ship, the visiting crew said on Monday.",
)
RECRUITMENT = (
    "Coast Guard opens recruitment in Chennai",
    "The Indian Coast Guard invites applications for navigator and engineer posts at its"
    " Chennai region. Candidates sit a written test and a swimming test; the last date is"
    " printed on the notice.",
)


def _drill_index() -> Index:
    from test_story_rare_names import busy_index

    index = busy_index()
    first, placement = placed(*DRILL, "drill", DAY)
    first.story_id = "story-of-the-drill"
    first.rare = index.words.sketch(placement.words)
    _add(index, first, placement)
    return index


def _second(title_text: tuple[str, str], item_id: str) -> Any:
    report, placement = placed(*title_text, item_id, None)
    return report, placement


def test_the_shipped_model_joins_an_undated_page_sharing_the_events_rare_words() -> None:
    """An undated page of the drill, under a headline of its ships and with the drill's
    unusual words (towed, raft): the rules' undated penalty refuses it (0.31), the shipped
    second look joins it, as it did the three undated pairs of the development halves."""
    index = _drill_index()
    report, placement = _second(DRILL_UNDATED, "page")
    report.rare = index.words.sketch(placement.words)
    story, reason = _best_match(index, report, placement, Settings())
    assert story is None, reason
    story, reason = _best_match(index, report, placement, Settings(rescue_model=True))
    assert story == "story-of-the-drill", reason
    assert "second look" in reason


def test_the_shipped_model_leaves_an_undated_notice_of_the_same_body_apart() -> None:
    index = _drill_index()
    report, placement = _second(RECRUITMENT, "notice")
    report.rare = index.words.sketch(placement.words)
    assert _best_match(index, report, placement, Settings(rescue_model=True))[0] is None
