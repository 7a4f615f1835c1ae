"""The evidence of a candidate pair, and the scripts that measure the story verification
and fit a model of it (scripts/story_pairs.py, scripts/fit_story_match.py)."""

from __future__ import annotations

import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import numpy as np
import story_support

from aggregator.plugins.cluster_stories import (
    Index,
    Placement,
    Report,
    Settings,
    _add,
    similarity,
)
from aggregator.toolkit.story_match import evidence

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))

import fit_story_match  # noqa: E402
import story_pairs  # noqa: E402

DAY = datetime(2026, 7, 1, 9, tzinfo=UTC)

HARBOUR = (
    "Minister Tarun Velankar and Governor Aiko Shimazu signed a harbour agreement in"
    " Ratnagiri on Monday. Under it Hokuyo Marine will dredge the Jaigad channel for"
    " 3,400 crore rupees, and Konkan Shipyards will build two tugs."
)
HARBOUR_AGAIN = (
    "Hokuyo Marine is to dredge the Jaigad channel near Ratnagiri: the 3,400-crore"
    " contract was signed by Tarun Velankar and Aiko Shimazu, with Konkan Shipyards"
    " building tugs for the port."
)
ORCHARD = (
    "Growers in Shimla met buyers from Aomori at an apple fair, where Deepa Thakur of the"
    " Himachal Orchard Board spoke of cold chains and 140 tonnes of fruit."
)


def placed(title: str, text: str, item_id: str, hours: int = 0) -> tuple[Report, Placement]:
    return story_support.placed(title, text, item_id, DAY + timedelta(hours=hours))


def filled(*reports: tuple[Report, Placement]) -> Index:
    index = Index()
    for number, town in enumerate(["Madurai", "Sendai", "Ranchi", "Kochi"]):
        _add(index, *placed(f"{town} news", f"A fair opened in {town} on Monday.", f"f{number}"))
    for report in reports:
        _add(index, *report)
    return index


def test_evidence_of_two_reports_of_one_event_and_of_two_events() -> None:
    first = placed("Ratnagiri harbour deal signed with Hokuyo Marine", HARBOUR, "a")
    second = placed("Hokuyo Marine to dredge Jaigad channel", HARBOUR_AGAIN, "b", hours=5)
    other = placed("Aomori buyers at Shimla apple fair", ORCHARD, "c", hours=2)
    index = filled(first, second, other)
    same = evidence(second[0], first[0], index.weight)
    apart = evidence(other[0], first[0], index.weight)
    assert same.dated and same.gap == 5 / 24
    assert same.shared_names >= 6 > apart.shared_names
    assert same.names > apart.names and same.shared_weight > apart.shared_weight
    assert same.headline_names > 0.5 and apart.headline_names == 0.0
    # "3,400 crore" and "3,400-crore": one value, though only one of them has a unit
    assert same.values == 1 and same.figures == 0
    assert not same.conflict and not same.same_outlet and not same.digest
    score, _ = similarity(second[0], first[0], index, Settings())
    assert score >= Settings().match_threshold


def test_evidence_flags_figures_that_contradict() -> None:
    first = placed("Loan of 71.2 billion yen for Ratnagiri harbour", HARBOUR, "a")
    second = placed("Loan of 41.2 billion yen for Ratnagiri harbour", HARBOUR, "b")
    index = filled(first, second)
    assert evidence(second[0], first[0], index.weight).conflict
    assert not evidence(first[0], first[0], index.weight).conflict


def candidate(old: str, score: float, **evidence: Any) -> dict[str, Any]:
    facts = {"conflict": False, "terms": score, "names": 0.0} | evidence
    return {
        "old": old,
        "text_bands": 0,
        "term_bands": 1,
        "name_bands": 1,
        "near": True,
        "verified": True,
        "evidence": facts,
        "rule_score": score,
        "reason": f"terms {score:.2f}",
    }


def record() -> dict[str, Any]:
    """Four reports: a, b and c of one event, d of another; b matches a well, c matches
    b weakly and d a little more strongly, d matches a weakly."""
    return {
        "half": "toy",
        "labels": {"a": "s1", "b": "s1", "c": "s1", "d": "s2"},
        "stories": {"a": "a", "b": "a", "c": "c", "d": "d"},
        "how": {},
        "searches": [
            {"new": "a", "order": 0, "candidates": [], "joined": None},
            {"new": "b", "order": 1, "candidates": [candidate("a", 0.9)], "joined": "a"},
            {"new": "d", "order": 2, "candidates": [candidate("a", 0.3)], "joined": None},
            {
                "new": "c",
                "order": 3,
                "candidates": [candidate("b", 0.2), candidate("d", 0.25)],
                "joined": None,
            },
        ],
    }


def test_replay_joins_each_report_to_its_best_candidate_at_the_threshold() -> None:
    toy = record()
    assert fit_story_match.replay(toy, fit_story_match.rules, 0.35) == (3, 1, 1)
    assert fit_story_match.pair_counts(toy["labels"], toy["stories"]) == (3, 1, 1)
    # lower, c joins d (its best candidate), which has joined a: every pair is joined
    assert fit_story_match.replay(toy, fit_story_match.rules, 0.2) == (3, 6, 3)
    without_d = {**toy, "searches": [s for s in toy["searches"] if s["new"] != "d"]}
    without_d["searches"][2]["candidates"].pop()
    assert fit_story_match.replay(without_d, fit_story_match.rules, 0.2) == (3, 3, 3)


def test_threshold_is_the_one_joining_most_right_pairs_within_the_false_ones_allowed() -> None:
    toy = record()
    assert fit_story_match.choose_threshold([toy], fit_story_match.rules, 0) == 0.9
    assert fit_story_match.choose_threshold([toy], fit_story_match.rules, 3) == 0.2


def test_logistic_regression_weighs_the_feature_that_tells_the_labels() -> None:
    rng = np.random.default_rng(7)
    telling = np.r_[rng.normal(1.0, 0.5, 200), rng.normal(-1.0, 0.5, 200)]
    noise = rng.normal(0.0, 1.0, 400)
    labels = np.r_[np.ones(200), np.zeros(200)]
    coef, bias = fit_story_match.fit(np.c_[telling, noise], labels, l2=1.0)
    assert coef[0] > 2.0 and abs(coef[1]) < 0.5 and abs(bias) < 0.5
    strong, _ = fit_story_match.fit(np.c_[telling, noise], labels, l2=100.0)
    assert 0 < strong[0] < coef[0]


def test_where_a_labelled_pair_was_lost() -> None:
    toy = record()
    assert story_pairs.where_lost(toy, "b", "c")[0] == "rejected: evidence below the threshold"
    toy["searches"][3]["candidates"][0]["verified"] = False
    assert story_pairs.where_lost(toy, "b", "c")[0] == "candidate not among those verified"
    toy["searches"][3]["candidates"].pop(0)
    assert story_pairs.where_lost(toy, "b", "c")[0] == "never a candidate"
    assert story_pairs.where_lost(toy, "a", "e")[0].startswith("not both searched")
