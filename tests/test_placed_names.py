"""Names the text itself puts on a side act for it in a dealing.

Examples are made up for these tests with an invented pair of sides (Norway and Chile):
no firm below is in the vocabulary, and the text alone says where each belongs.
"""

from __future__ import annotations

import pytest
from relevance_support import judge_settings

from aggregator.plugins import judge_relevance
from aggregator.toolkit.dealings import read_sentences, states_dealing

SETTINGS = {
    "sides": {"Norway": ["Norway", "Norwegian", "Oslo"], "Chile": ["Chile", "Chilean"]},
    "relation_terms": ["signed", "agreement", "talks", "invest", "partner", "met"],
    "places": {"Chile": ["Valparaiso", "Biobio Province"], "Norway": ["Bergen"]},
    "institutions": ["province", "governor"],
    "third_parties": {"Peru": ["Peru", "Peruvian", "Lima"]},
}


@pytest.fixture(scope="module")
def settings(tmp_path_factory: pytest.TempPathFactory) -> judge_relevance.Settings:
    return judge_settings(tmp_path_factory.mktemp("placed"), SETTINGS)


def dealings(text: str, settings: judge_relevance.Settings) -> list[str]:
    body = read_sentences(text, settings)
    return [
        " ".join(sentence.text.split())
        for sentence in body.in_order()
        if states_dealing(sentence, both_named=False, min_words=5)
    ]


def test_a_firm_placed_by_its_home_deals_for_that_side(
    settings: judge_relevance.Settings,
) -> None:
    text = (
        "Fjordline Capital is an Oslo-based fund that backs food companies. "
        "Pampa Cold Rooms, the Valparaiso storage start-up, signed an agreement with "
        "Fjordline Capital on Monday."
    )
    assert read_sentences(text, settings).placed == {
        "Fjordline Capital": "Norway",
        "Pampa Cold Rooms": "Chile",
    }
    assert dealings(text, settings) == [
        "Pampa Cold Rooms, the Valparaiso storage start-up, signed an agreement with"
        " Fjordline Capital on Monday."
    ]


def test_the_first_word_of_a_placed_name_stands_for_it(
    settings: judge_relevance.Settings,
) -> None:
    text = (
        "The round was led by Kelp Harbour Ventures from Bergen. "
        "Kelp will invest in twelve Chilean fish farms this year."
    )
    assert dealings(text, settings) == ["Kelp will invest in twelve Chilean fish farms this year."]


def test_a_first_word_the_text_also_uses_as_a_word_stands_for_nothing(
    settings: judge_relevance.Settings,
) -> None:
    text = (
        "The round was led by Harbour Ventures from Bergen, near the old harbour. "
        "Harbour police met Chilean sailors at the quay."
    )
    assert dealings(text, settings) == []


def test_a_title_placed_by_one_side_is_not_that_side_after_the_other(
    settings: judge_relevance.Settings,
) -> None:
    text = (
        "The Deputy Governor of Chile spoke in the morning. "
        "The Norwegian Deputy Governor then signed a cooperation agreement on fisheries."
    )
    assert dealings(text, settings) == []


def test_a_name_placed_on_both_sides_is_on_neither(
    settings: judge_relevance.Settings,
) -> None:
    text = (
        "Andes Fjord Trading of Chile and Andes Fjord Trading of Norway are two firms. "
        "Andes Fjord Trading met Norwegian buyers on Monday in the capital."
    )
    assert read_sentences(text, settings).placed == {}


def test_a_place_known_with_its_institution_is_the_place_without_it(
    settings: judge_relevance.Settings,
) -> None:
    text = (
        "News from Biobio Province follows. "
        "The Governor of Biobio signed a friendship agreement with Norway on Tuesday."
    )
    assert dealings(text, settings) == [
        "The Governor of Biobio signed a friendship agreement with Norway on Tuesday."
    ]


def test_a_placed_name_carries_its_side_into_the_headline(
    settings: judge_relevance.Settings,
) -> None:
    body = read_sentences("Pampa Cold Rooms, a Valparaiso start-up, grew fast.", settings)
    title = read_sentences(
        "Norway's sovereign fund signs a partner deal with Pampa Cold Rooms",
        settings,
        placed=body.placed,
    )
    assert states_dealing(title.in_order()[0], both_named=False, min_words=0)


@pytest.mark.parametrize(
    ("text", "placed"),
    [
        (
            "The Bergen company Fjord Nets signed an agreement with a Chilean salmon farmer.",
            {"Fjord Nets": "Norway"},
        ),
        (
            "Norwegian net-pen maker Havbruk Systems opened an office in the port this week.",
            {"Havbruk Systems": "Norway"},
        ),
        (
            "Pampa Sensors (Providencia, Valparaiso) will test its buoys off the coast.",
            {"Pampa Sensors": "Chile"},
        ),
        (
            "It formed a venture with Kato Marine Co., Ltd., Norway, to build feed barges.",
            {"Kato Marine": "Norway"},
        ),
    ],
)
def test_a_name_is_placed_by_its_kind_its_parenthesis_or_its_company_form(
    settings: judge_relevance.Settings, text: str, placed: dict[str, str]
) -> None:
    assert read_sentences(text, settings).placed == placed


def test_a_country_in_a_list_after_a_company_form_places_nothing(
    settings: judge_relevance.Settings,
) -> None:
    text = "Offices of Kato Marine Co., Ltd., Norway and Chile were opened in March."
    assert read_sentences(text, settings).placed == {}
