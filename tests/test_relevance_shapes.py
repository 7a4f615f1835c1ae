"""Shapes of news text that state a dealing between two sides, or only set the two side by
side: a body of one side opening in the other's territory, a firm's name with a trade word
in the singular, a conversion of a sum, a side concerned by others' act, a joint reference
about another pair, two subjects of a headline, a subordinate clause of the other side, an
aside in parentheses, a colon before the other side, a compared or owned possessive.

Examples are written for these tests with a made-up pair of sides (Norway and Chile).
"""

from __future__ import annotations

from typing import Any

import pytest
from relevance_support import FILLER, gathered, judge_app, judge_settings

from aggregator.app import App
from aggregator.plugins import judge_relevance
from aggregator.toolkit.apart import apart
from aggregator.toolkit.clause_marks import clause_breaks
from aggregator.toolkit.dealings import read_sentences, states_dealing
from aggregator.toolkit.side_actors import actors
from aggregator.toolkit.side_amounts import Currencies

SETTINGS: dict[str, Any] = {
    "sides": {"Norway": ["Norway", "Norwegian", "Oslo"], "Chile": ["Chile", "Chilean"]},
    "relation_terms": [
        "signed", "agreement", "grant", "loan", "invest", "purchase", "factory", "contracts",
        "partnership", "announced",
    ],
    "places": {"Chile": ["Antofagasta", "Valparaiso"], "Norway": ["Bergen", "Tromso"]},
    "institutions": ["based", "company"],
    "third_parties": {"Peru": ["Peru", "Peruvian", "Lima"]},
    "currencies": {"Norway": ["kroner", "NOK"], "Chile": ["pesos", "CLP"]},
    "firms": {"Norway": "japanese", "Chile": "indian"},
    "off_topic": {"disaster": ["earthquake", "aftershocks"]},
}  # fmt: skip


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory) -> App:
    return judge_app(tmp_path_factory.mktemp("shapes"), SETTINGS)


@pytest.fixture(scope="module")
def settings(app: App) -> judge_relevance.Settings:
    found = app.config.stash[judge_relevance.SETTINGS]
    assert found is not None
    return found


def dealings(text: str, settings: judge_relevance.Settings) -> list[str]:
    body = read_sentences(text, settings)
    return [
        sentence.text
        for sentence in body.in_order()
        if states_dealing(sentence, both_named=True, min_words=0) and not apart(sentence)
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        "Bergen-based Fjordvik Marine has opened a repair yard in the Chilean port of Iquique.",
        "Fjordvik Marine of Bergen has set up a repair yard in Chile this spring.",
        "Forty welders from Antofagasta set off for jobs in Norway on Monday.",
        "The first group of nurses from Chile left for jobs in Norway on Monday.",
    ],
)
def test_a_body_or_people_of_one_side_going_to_the_other_cross_the_border(
    app: App, sentence: str
) -> None:
    found = gathered(app, "News", sentence + FILLER)
    assert found.cross_border_sentences == [sentence]


def test_a_trade_word_in_the_singular_leaves_a_firm_its_shape(tmp_path: Any) -> None:
    settings = judge_settings(tmp_path, SETTINGS)
    text = "Hanamura Valve Co., Ltd. signed an agreement with Vidarbha Pumps Limited."
    firms = {firm.name: firm.side for firm in read_sentences(text, settings).firms}
    assert firms.get("Hanamura Valve") == "Norway"


def test_a_sum_converted_in_parentheses_is_in_no_sides_currency() -> None:
    currencies = Currencies({"Norway": ["kroner"], "Chile": ["pesos"]})
    converted = "Oslo will give boats worth 90 million kroner (about 8 billion pesos) to Lima."
    assert currencies.sides_in(converted, 0, len(converted)) == {"Norway"}
    paid = "Oslo will pay 8 billion pesos for the boats, and 90 million kroner for radars."
    assert currencies.sides_in(paid, 0, len(paid)) == {"Norway", "Chile"}


@pytest.mark.parametrize(
    ("text", "acting"),
    [
        ("Peru's grant of boats to Norway and what it means for Chile", ["Norway"]),
        ("The implications for Chile of the Norwegian loan to Peru", ["Norway"]),
        ("Norway signed a grant for Chile", ["Norway", "Chile"]),
    ],
)
def test_the_side_concerned_by_others_act_is_no_actor(
    settings: judge_relevance.Settings, text: str, acting: list[str]
) -> None:
    assert [match.term.label for match in actors(text, settings)] == acting


def test_a_joint_reference_about_another_pair_is_no_dealing(
    settings: judge_relevance.Settings,
) -> None:
    text = (
        "Norway signed a grant with Samoa. Chile was not told. "
        "It is a bilateral grant between Oslo and Apia, officials said."
    )
    assert dealings(text, settings) == []
    text = "Norway and Chile talked. It is a bilateral grant, officials said."
    assert dealings(text, settings) == ["It is a bilateral grant, officials said."]


@pytest.mark.parametrize(
    "text",
    [
        "Factory output: Norway at a record high, Chile contracts for a third month",
        "Prices for Chilean salmon farmers will rise, after a large feed purchase by Norway"
        " lifted world prices.",
        "The contrast is less about the two economies' ties than their cycles: Chilean"
        " factories run on local demand.",
        "Norway's factory boom and Chile's slump: what the surveys say",
        "Chile's use of power per head is about a third of Norway's, and it plans a grant.",
    ],
)
def test_two_sides_set_side_by_side_are_no_dealing(
    settings: judge_relevance.Settings, text: str
) -> None:
    assert dealings(text, settings) == []


@pytest.mark.parametrize(
    "text",
    [
        "Norway, Chile sign a loan agreement for the port",
        "Norway's minister and Chile's minister signed the agreement on Monday.",
        "Chile signed the agreement, after Norway offered a loan for the port.",
        "The agreement is clear: Chile will invest in Norway's yards.",
    ],
)
def test_dealings_across_a_comma_or_colon_stay(
    settings: judge_relevance.Settings, text: str
) -> None:
    assert dealings(text, settings) == [text]


def test_a_semicolon_in_parentheses_is_no_clause_break(
    settings: judge_relevance.Settings,
) -> None:
    text = (
        "Valparaiso-based Andes Cobre (SSE: ANDES; BCS: 5321) announced a partnership with a"
        " Norwegian yard."
    )
    assert clause_breaks(text) == []
    assert clause_breaks("Chile's exports rose; Norway's fell.") == [(20, 21)]
    assert dealings(text, settings) == [text]


def test_a_dealing_over_an_off_topic_subject_counts_half_toward_it(app: App) -> None:
    found = gathered(
        app,
        "Relief",
        "Norway signed a grant of relief for Chile after the earthquake. The earthquake"
        " damaged roads. Aftershocks continued.",
    )
    assert found.off_topic_dealings == {"disaster": 1}
    assert found.off_topic_sentences == {"disaster": 2}


def test_goods_grown_in_one_side_sold_to_the_other_cross_the_border(app: App) -> None:
    sentence = "Cherries grown in Chile are shipped to Norway by air every winter."
    assert gathered(app, "News", sentence + FILLER).cross_border_sentences == [sentence]


def test_a_joint_reference_links_only_a_word_of_interaction_near_it(
    settings: judge_relevance.Settings,
) -> None:
    far = (
        "Both countries are betting on wind farms, storage and new grids to cut the number"
        " of their oldest fuel oil factory sites."
    )
    assert dealings(far, settings) == []
    near = "The two countries on Monday signed an agreement on fisheries."
    assert dealings(near, settings) == [near]
    before = "The agreement lets laboratories in the two countries test the same valves."
    assert dealings(before, settings) == [before]
