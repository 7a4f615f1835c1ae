"""A firm's side from its name: romanised Japanese or Indian name words under a company
form, and well-known firms, act for their side when the text names the other side's firm.

The sentences are made up for these tests; the firm names are invented except the
well-known ones the gazetteer ships (Toyota, Tata Motors, Maruti Suzuki, Honda).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from aggregator.app import App
from aggregator.config import ConfigError
from aggregator.plugins import judge_relevance
from aggregator.testing import FeedProject
from aggregator.toolkit.dealings import read_sentences, states_dealing
from aggregator.toolkit.firm_names import (
    FirmReader,
    firm_mentions,
    indic_shaped,
    japanese_shaped,
    morae,
)

SETTINGS = {
    "sides": {"India": ["India", "Indian"], "Japan": ["Japan", "Japanese", "Tokyo"]},
    "relation_terms": ["acquire", "joint venture", "agreement", "supply", "stake"],
    "places": {"India": ["Pune", "Chennai"], "Japan": ["Osaka"]},
    "firms": {"India": "indian", "Japan": "japanese"},
}


@pytest.fixture(scope="module")
def settings(tmp_path_factory: pytest.TempPathFactory) -> judge_relevance.Settings:
    project = FeedProject(tmp_path_factory.mktemp("firms") / "project")
    project.plugin_config("judge_relevance", **SETTINGS)
    app: App = project.load()
    found = app.config.stash[judge_relevance.SETTINGS]
    assert found is not None
    return found


def sides(text: str, settings: judge_relevance.Settings) -> dict[str, str]:
    return {firm.name: firm.side for firm in read_sentences(text, settings).firms}


def dealing(text: str, settings: judge_relevance.Settings) -> bool:
    body = read_sentences(text, settings)
    return any(states_dealing(s, both_named=False, min_words=5) for s in body.in_order())


@pytest.mark.parametrize(
    ("word", "count"),
    [("Kotobuki", 4), ("Tsubaki", 3), ("Hanshin", 4), ("Hokkaido", 5), ("Shimbun", 4)],
)
def test_japanese_romanisation_is_read_in_morae(word: str, count: int) -> None:
    assert morae(word) == count
    assert japanese_shaped(word)


@pytest.mark.parametrize(
    "word",
    ["Sarvesh", "Deccan", "Vidarbha", "Kirloskar", "Electric", "Zhejiang", "Samsung", "Lenovo"],
)
def test_words_of_other_languages_are_not_japanese(word: str) -> None:
    assert not japanese_shaped(word)


@pytest.mark.parametrize("word", ["Sarvesh", "Vidarbha", "Kanpur", "Mahendra", "Ahmednagar"])
def test_indic_shapes(word: str) -> None:
    assert indic_shaped(word)


def test_a_japanese_and_an_indian_firm_deal_though_no_side_is_named(
    settings: judge_relevance.Settings,
) -> None:
    text = "Kotobuki Tanzo Co., Ltd. will acquire 26% of Sarvesh Switchgear Private Limited."
    assert sides(text, settings) == {"Kotobuki Tanzo": "Japan", "Sarvesh Switchgear": "India"}
    assert dealing(text, settings)


def test_a_firm_is_named_again_by_its_first_word(settings: judge_relevance.Settings) -> None:
    text = (
        "Tsubaki Coatings Co., Ltd. and Vidarbha Resins Limited signed an agreement.\n\n"
        "Tsubaki will supply resins to Vidarbha for five years."
    )
    body = read_sentences(text, settings)
    second = body.in_order()[-1]
    assert second.sides == {"India", "Japan"}


def test_an_indian_word_that_fits_japanese_syllables_is_not_japanese(
    settings: judge_relevance.Settings,
) -> None:
    # "Chennai" and "Konkan" fit Japanese syllables; a place of India makes the firm Indian
    text = (
        "Chennai Marine Limited signed a joint venture agreement with Hanamura Electric"
        " Corporation."
    )
    assert sides(text, settings) == {"Chennai Marine": "India", "Hanamura Electric": "Japan"}


def test_two_morae_are_too_few_for_a_japanese_name(settings: judge_relevance.Settings) -> None:
    text = "Supa Holdings signed a joint venture agreement with Deccan Forgings Limited."
    assert "Supa" not in sides(text, settings)


def test_a_firm_without_a_counterpart_of_the_other_side_acts_for_nobody(
    settings: judge_relevance.Settings,
) -> None:
    # one company's own business in the other country is no dealing between the two
    text = "Toyota will supply hybrid cars to dealers in India from its plant near Pune."
    assert sides(text, settings) == {}


def test_well_known_firms_of_both_sides_deal(settings: judge_relevance.Settings) -> None:
    text = "Toyota agreed to supply hybrid systems to Tata Motors from next year."
    assert sides(text, settings) == {"Toyota": "Japan", "Tata Motors": "India"}
    assert dealing(text, settings)


def test_a_joint_name_counts_for_where_the_firm_is_incorporated(
    settings: judge_relevance.Settings,
) -> None:
    text = "Maruti Suzuki signed a supply agreement with Hanamura Electric Corporation."
    assert sides(text, settings) == {"Maruti Suzuki": "India", "Hanamura Electric": "Japan"}


def test_a_subsidiary_named_after_its_country_is_left_to_that_term(
    settings: judge_relevance.Settings,
) -> None:
    text = "Honda Motorcycle and Scooter India will supply scooters to Vidarbha Resins Limited."
    assert "Honda" not in sides(text, settings)


def test_a_public_body_is_no_counterpart_of_a_firm(settings: judge_relevance.Settings) -> None:
    text = (
        "The Competition Commission of India approved the merger of Hoshino Fibre Co., Ltd."
        " and Tamura Textile Corporation."
    )
    assert sides(text, settings) == {}


def test_firms_of_both_sides_sharing_a_first_word_have_no_alias() -> None:
    reader = FirmReader({"japanese": "Japan", "indian": "India"})
    found = reader.firms(
        "Sakura Kaigo Co., Ltd. and Sakura Bharat Private Limited signed a pact.",
        known=lambda name: False,
    )
    assert {firm.name: firm.side for firm in found} == {
        "Sakura Kaigo": "Japan",
        "Sakura Bharat": "India",
    }
    mentions = firm_mentions("Sakura will train nurses.", found, [])
    assert mentions == []


def test_a_firm_kind_must_be_known(tmp_path: Path) -> None:
    project = FeedProject(tmp_path / "project")
    project.plugin_config("judge_relevance", **{**SETTINGS, "firms": {"Japan": "korean"}})
    with pytest.raises(ConfigError, match="kind of firm"):
        project.load()


def test_the_shipped_gazetteer_names_no_firm_on_both_sides() -> None:
    reader = FirmReader({"japanese": "Japan", "indian": "India"})
    by_name: dict[str, set[str]] = {}
    for term in reader.known.terms:
        by_name.setdefault(term.text.casefold(), set()).add(term.label)
    assert all(len(labels) == 1 for labels in by_name.values())
    assert len(by_name) >= 400


def test_a_short_name_the_text_defines_stands_for_the_firm(
    settings: judge_relevance.Settings,
) -> None:
    text = (
        'Tsubaki Coatings Co., Ltd. (the "Company") has agreed to acquire 60% of Vidarbha'
        " Resins Limited.\n\n"
        "The Company expects the Competition Commission of India to approve the acquisition."
    )
    body = read_sentences(text, settings)
    firm = next(firm for firm in body.firms if firm.side == "Japan")
    assert firm.defined == ("Company",)
    second = body.in_order()[-1]
    assert second.sides == {"India", "Japan"}
    assert sorted(label for label, _ in second.side_terms) == ["India", "Japan"]


def test_a_well_known_firm_is_matched_as_written(settings: judge_relevance.Settings) -> None:
    # "ReNew" is an Indian power company; "renewed" is a verb
    text = "ReNew and Toyota renewed their supply agreement; the renewal runs to 2030."
    found = sides(text, settings)
    assert found == {"ReNew": "India", "Toyota": "Japan"}


def test_a_japanese_name_with_a_word_of_trade_needs_no_form(
    settings: judge_relevance.Settings,
) -> None:
    text = "Kamogawa Ventures led a round in Sarvesh Sensors Private Limited."
    assert sides(text, settings) == {"Kamogawa Ventures": "Japan", "Sarvesh Sensors": "India"}


def test_an_indian_name_needs_a_form(settings: judge_relevance.Settings) -> None:
    # without "Limited" or "Pvt. Ltd." an Indian name is not told from an English one
    text = "Kamogawa Ventures led a round in Sarvesh Sensors."
    assert sides(text, settings) == {}
