"""Cross-border links (aggregator.toolkit.cross_border): one side's people, goods or firms
moving to, made for or working in the other side's territory, read by the relevance judge
as weaker evidence than a dealing and as no parallel report.

Examples are written for these tests with a made-up pair of sides (Norway and Chile).
"""

from __future__ import annotations

from typing import Any

import pytest
from relevance_support import gathered, judge, judge_app

from aggregator.app import App
from aggregator.plugins import judge_relevance

SETTINGS: dict[str, Any] = {
    "sides": {"Norway": ["Norway", "Norwegian", "Oslo"], "Chile": ["Chile", "Chilean"]},
    "relation_terms": ["signed", "memorandum", "loan"],
    "places": {"Chile": ["Antofagasta", "Valparaiso"], "Norway": ["Bergen"]},
    "third_parties": {"Peru": ["Peru", "Peruvian", "Lima"]},
}


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory) -> App:
    return judge_app(tmp_path_factory.mktemp("cross-border"), SETTINGS)


def evidence(app: App, text: str, title: str = "News") -> judge_relevance.Evidence:
    return gathered(app, title, text)


@pytest.mark.parametrize(
    "sentence",
    [
        "More than 200 fish farmers from Chile have arrived in Norway to work on salmon farms.",
        "A Norwegian-made ferry made its first test run in Chile on Wednesday morning.",
        "From June, Chilean nationals travelling to Norway may apply for a visa online.",
        "Chile shipped 41,000 tonnes of copper to Norway in 2025, customs data show.",
        "It will be the third Norwegian shipbuilder's production base in Valparaiso.",
        "The company will open a plant in Antofagasta to make nets for the Norwegian market.",
        "Until now, Chilean fishers have gone to Norway only as seasonal deckhands.",
        "Chilean applicants enter Norway's fishing fleet under a seasonal work permit.",
    ],
)
def test_a_side_moving_into_the_others_territory_is_a_cross_border_link(
    app: App, sentence: str
) -> None:
    found = evidence(app, sentence)
    assert found.cross_border_sentences == [sentence]
    assert found.unlinked_sentences == found.parallel_sentences == []


@pytest.mark.parametrize(
    "sentence",
    [
        "Chile came from a goal down to beat Norway 3-2 in the final on Sunday.",
        "Norwegian-style wooden houses were built in Chile in the nineteenth century.",
        "Norwegian and Chilean buyers travelled to Lima for the fair this week.",
        "Chile won the match in Bergen, and Norway's coach said the pitch was poor.",
        "The Chilean embassy in Oslo said no Chilean nationals had been reported hurt.",
    ],
)
def test_parallel_or_unmoving_sides_are_no_cross_border_link(app: App, sentence: str) -> None:
    assert evidence(app, sentence).cross_border_sentences == []


def test_a_cross_border_link_lifts_the_no_dealing_penalty_and_is_a_reason(app: App) -> None:
    text = (
        "More than 200 fish farmers from Chile have arrived in Norway to work on salmon farms."
        " They studied for a year before the journey. The first group will start on Monday."
    )
    _, item = judge(app, "Fish farmers arrive", text)
    assert item.relevance is not None
    reasons = "\n".join(item.relevance.reasons)
    assert "cross to the other's territory in 1 sentences" in reasons
    assert "no clause links" not in reasons
    assert "in parallel" not in reasons


@pytest.mark.parametrize(
    "sentence",
    [
        "Norwegian firms put $1.2 billion of equity into Chile last year, making Norway the"
        " third-largest investor behind Peru and Spain.",
        "Chilean salmon farmers have gone to Norway to train, after a season in Lima.",
    ],
)
def test_a_third_party_framed_after_the_link_leaves_it_a_cross_border_link(
    app: App, sentence: str
) -> None:
    assert evidence(app, sentence).cross_border_sentences == [sentence]


@pytest.mark.parametrize(
    "sentence",
    [
        "Peruvian and Norwegian firms put $1.2 billion of equity into Chile last year.",
        "Norwegian firms put $1.2 billion of equity into Chile through Peru last year.",
    ],
)
def test_a_third_party_within_the_link_may_be_part_of_it(app: App, sentence: str) -> None:
    assert evidence(app, sentence).cross_border_sentences == []


@pytest.mark.parametrize(
    "sentence",
    [
        "The Norwegian crime drama collected 4 million pesos in Chile over its opening weekend.",
        "The Chilean musical drew full houses on its opening night in Oslo, the promoter said.",
        "A Norwegian animated film took 2.1 million pesos on its opening day in Chile.",
    ],
)
def test_a_works_opening_weekend_is_no_cross_border_link(app: App, sentence: str) -> None:
    assert evidence(app, sentence).cross_border_sentences == []


def test_opening_a_site_across_the_border_stays_a_cross_border_link(app: App) -> None:
    sentence = "A Norwegian salmon firm is opening a hatchery in Chile this month."
    assert evidence(app, sentence).cross_border_sentences == [sentence]
