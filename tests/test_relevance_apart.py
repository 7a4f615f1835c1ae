"""Sentences that name both sides and a word of interaction but say the two act apart
(aggregator.toolkit.apart): acting separately, named only as alternatives or as the
destinations of someone's journey, or one named only as where the other's firm has a unit.
Such a sentence is no dealing; one that says they act together still is.

Examples are written for these tests with a made-up pair of sides (Norway and Chile).
"""

from __future__ import annotations

from typing import Any

import pytest
from relevance_support import FILLER, gathered, judge, judge_app

from aggregator.app import App
from aggregator.plugins import judge_relevance

SETTINGS: dict[str, Any] = {
    "sides": {"Norway": ["Norway", "Norwegian", "Oslo"], "Chile": ["Chile", "Chilean"]},
    "relation_terms": ["signed", "agreement", "fund", "funding", "invest", "projects"],
    "places": {"Chile": ["Antofagasta", "Valparaiso"], "Norway": ["Bergen"]},
    "third_parties": {"Peru": ["Peru", "Peruvian", "Lima"]},
}


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory) -> App:
    return judge_app(tmp_path_factory.mktemp("apart"), SETTINGS)


def evidence(app: App, text: str, title: str = "News") -> judge_relevance.Evidence:
    return gathered(app, title, text)


@pytest.mark.parametrize(
    "sentence",
    [
        "Norway and Chile are both funding harbours along the coast, but separately.",
        "Norway and Chile keep two separate fisheries agreements with separate agendas.",
        "Norway and Chile will each invest independently in the salmon research stations.",
        "The members will fund port projects, with none of them in Chile or Norway.",
        "Neither Norway nor Chile has signed the agreement on deep-sea mining.",
        "Compared with Chilean miners, Norwegian salmon farmers invest twice as much in robots.",
        "Relative to Norway, Chile will fund fewer research berths on its survey ships.",
        "The energy minister heads to Oslo and Chile to sign gas agreements for her country.",
        "The envoy begins a week-long trip to Chile and Norway to fund projects back home.",
    ],
)
def test_sides_acting_apart_or_as_alternatives_are_no_dealing(app: App, sentence: str) -> None:
    found = evidence(app, sentence + FILLER)
    assert not found.bilateral_sentences
    assert found.parallel_sentences == [sentence]


@pytest.mark.parametrize(
    "sentence",
    [
        "The Chilean units of two Norwegian fish farmers signed supply agreements last year.",
        "Our client, the Chile development centre of a Norwegian insurer, will fund the course.",
    ],
)
def test_a_side_named_only_as_where_the_others_unit_is_is_no_party(app: App, sentence: str) -> None:
    found = evidence(app, sentence + FILLER)
    assert not found.bilateral_sentences and not found.both_sentences


@pytest.mark.parametrize(
    "sentence",
    [
        "Norway and Chile signed an agreement to fund the harbour at Valparaiso together.",
        "Norway and Chile agreed to fund the survey jointly, each paying its own staff.",
        "Norway will fund a new harbour at Antofagasta or Valparaiso, Chile said on Monday.",
        "Norway signed an agreement with Chile on salmon farming in Antofagasta.",
        "The Chilean arm of a Norwegian fish farmer signed an agreement with Chile's navy.",
        "Chile's minister heads to Oslo to sign a salmon research agreement with Norway.",
        "Norway's fisheries minister visits Chile and signed an agreement on krill quotas.",
        "Visiting Chile, Norway's foreign minister signed an agreement on krill with her host.",
        "On a trip to Oslo, Chile's defence minister signed an agreement on repairing ships.",
        "During his visit to Oslo, Chile's navy chief signed an agreement on training.",
        "After a visit to Chile, Norway signed an agreement on funding a polar station.",
    ],
)
def test_sides_acting_together_still_deal(app: App, sentence: str) -> None:
    assert evidence(app, sentence + FILLER).bilateral_sentences == [sentence]


def test_a_headline_of_two_sides_signing_separately_states_no_dealing(app: App) -> None:
    found = evidence(
        app,
        "The minister leaves for Oslo on Monday." + FILLER,
        "Norway and Chile signed their fisheries agreements separately",
    )
    assert not found.headline_dealing


def test_a_headline_of_a_third_partys_trip_to_both_states_no_dealing(app: App) -> None:
    found = evidence(
        app,
        "The minister leaves on Monday and returns on Friday." + FILLER,
        "Trade Minister Heads To Oslo And Chile With Two Funding Asks",
    )
    assert not found.headline_dealing


@pytest.mark.parametrize(
    "title",
    [
        "Defence minister heads to Oslo, Chile to fund ship repair yards",
        "Defence Minister Heads To Oslo, Chile To Fund Ship Repair Yards",
        "Prime minister heads to Chile for summit, Norway to fund ports",
    ],
)
def test_a_headline_of_a_trip_then_a_clause_of_the_other_side_still_deals(
    app: App, title: str
) -> None:
    found = evidence(app, "The minister leaves on Monday and returns on Friday." + FILLER, title)
    assert found.headline_dealing


def test_a_bare_list_of_destinations_after_a_comma_is_no_dealing(app: App) -> None:
    sentence = "The trade minister leaves for Oslo, Chile and Lisbon to seek funding for projects."
    assert evidence(app, sentence + FILLER).bilateral_sentences == []


def test_a_report_of_two_sides_funding_apart_is_dropped(app: App) -> None:
    reason, item = judge(
        app,
        "Harbour money for the coast",
        "Norway and Chile are both funding harbours along the coast, but separately."
        + FILLER
        + " Nobody coordinates the work, the port authority said.",
    )
    assert reason is not None and reason.startswith("not about")
    assert item.relevance is not None
    assert any("in parallel" in line for line in item.relevance.reasons)
