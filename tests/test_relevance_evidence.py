"""The judge's weaker evidence (dealings across a paragraph, sums in a side's currency, a
side's company forms) and its score as a weighted sum of a named evidence vector.

Examples are written for these tests with a made-up pair of sides (Norway and Chile).
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from relevance_support import gathered as evidence
from relevance_support import judge, judge_app

from aggregator import ConfigError
from aggregator.app import App
from aggregator.plugins import judge_relevance
from aggregator.toolkit.relevance_score import (
    COMPONENTS,
    counts,
    evidence_vector,
    new_counter,
    weighted_sum,
)
from aggregator.toolkit.side_amounts import Currencies

SETTINGS: dict[str, Any] = {
    "sides": {"Norway": ["Norway", "Norwegian", "Oslo"], "Chile": ["Chile", "Chilean"]},
    "relation_terms": ["signed", "memorandum", "joint venture", "invest", "loan"],
    "places": {"Chile": ["Antofagasta", "Valparaiso"], "Norway": ["Bergen"]},
    "third_parties": {"Peru": ["Peru", "Peruvian", "Lima"]},
    "markers": {"Norway": ["AS"], "Chile": ["SpA"]},
    "currencies": {"Norway": ["krone", "NOK"], "Chile": ["pesos", "peso", "CLP"]},
}


def load(tmp_path: Path, **options: Any) -> App:
    return judge_app(tmp_path, {**SETTINGS, **options})


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory) -> App:
    return load(tmp_path_factory.mktemp("evidence"))


def judged(app: App, title: str, text: str) -> tuple[str | None, str]:
    reason, item = judge(app, title, text)
    assert item.relevance is not None
    return reason, "\n".join(item.relevance.reasons)


PARAGRAPH = (
    "The Oslo fisheries institute signed a memorandum on salmon research on Monday."
    " Its partner is the marine laboratory of Antofagasta, on the coast of Chile."
)


def test_a_dealing_with_the_other_side_named_in_the_next_sentence_counts(app: App) -> None:
    found = evidence(app, "Salmon research memorandum", PARAGRAPH)
    assert found.bilateral_sentences == []
    assert found.paragraph_dealings == [PARAGRAPH.split(" Its")[0]]


def test_the_other_side_named_in_another_paragraph_is_no_paragraph_dealing(app: App) -> None:
    split = PARAGRAPH.replace(" Its partner", "\n\nIts partner")
    assert evidence(app, "Salmon research memorandum", split).paragraph_dealings == []


def test_a_place_of_the_lead_dealt_for_by_the_headlines_actor_counts(app: App) -> None:
    lead = (
        "The audit office says the loan for the Antofagasta harbour now costs twice the estimate."
    )
    text = lead + "\n\nThe opposition wants the terms published before the next payment."
    found = evidence(app, "A Norwegian loan under fire", text)
    assert found.bilateral_sentences == []
    assert found.paragraph_dealings == [lead]
    assert evidence(app, "A harbour under fire", text).paragraph_dealings == []


def test_a_third_party_beside_it_makes_no_paragraph_dealing(app: App) -> None:
    crowded = PARAGRAPH.replace("Its partner is", "Its partner, like one in Peru, is")
    assert evidence(app, "Salmon research memorandum", crowded).paragraph_dealings == []


LOAN_PARAGRAPH = (
    "The ministry told parliament that the loan from Norway runs for forty years."
    " But the loan is repaid in krone, so Chilean taxpayers carry the currency risk."
    " The opposition also asks who chose the Norwegian loan over bonds at home."
)


def test_two_dealings_across_a_paragraph_lift_the_penalty_for_no_dealing(app: App) -> None:
    found = evidence(app, "Port loan questioned", LOAN_PARAGRAPH)
    assert found.bilateral_sentences == [] and len(found.paragraph_dealings) >= 2
    _, reasons = judged(app, "Port loan questioned", LOAN_PARAGRAPH)
    assert "no clause links an actor of each side" not in reasons


def test_with_a_third_party_named_dealings_across_a_paragraph_leave_the_penalty(
    app: App,
) -> None:
    crowded = LOAN_PARAGRAPH + "\n\nA loan from Peru was turned down last year."
    _, reasons = judged(app, "Port loan questioned", crowded)
    assert "no clause links an actor of each side" in reasons


def test_a_sum_in_the_other_sides_currency_makes_a_dealing(app: App) -> None:
    text = (
        "A fund run from Oslo will invest 40 billion pesos in a copper smelter, its managers"
        " said on Tuesday. The smelter will be the largest of its kind."
    )
    found = evidence(app, "Fund backs smelter", text)
    assert found.bilateral_sentences == []
    assert found.amount_dealings == [text.split(" The smelter")[0]]
    _, reasons = judged(app, "Fund backs smelter", text)
    assert "deals in a sum of the other's currency in 1 sentences" in reasons


def test_a_sum_in_the_other_sides_currency_in_the_lead_is_the_leads_dealing(app: App) -> None:
    text = (
        "The regional council approved a course with a Norwegian training institute and"
        " will invest 900 million pesos over three years, the order says.\n\n"
        "Each year 400 trainees will learn the language and the rules of fish farming."
    )
    found = evidence(app, "Order on the fish-farming course", text)
    assert found.amount_dealings and not found.bilateral_sentences
    assert found.lead_dealing
    _, reasons = judged(app, "Order on the fish-farming course", text)
    assert "the lead states a dealing between the sides" in reasons


def test_a_currency_named_without_a_sum_is_no_dealing(app: App) -> None:
    text = (
        "Traders in Oslo said they would invest in the peso again once the central bank"
        " stops cutting rates. Most expect the krone to hold steady."
    )
    assert evidence(app, "Currency outlook", text).amount_dealings == []


def test_currency_sums_are_found_only_next_to_a_number() -> None:
    currencies = Currencies({"Chile": ["pesos", "CLP"], "Norway": ["NOK"]})
    text = "CLP 900 million, 12 billion pesos and NOK 4.5bn, but the pesos fell."
    assert currencies.sides_in(text, 0, len(text)) == {"Chile", "Norway"}
    assert currencies.sides_in(text, text.index("12 billion"), text.index(" and")) == {"Chile"}
    assert currencies.sides_in(text, text.index("NOK"), len(text)) == {"Norway"}
    assert currencies.sides_in(text, text.index("but"), len(text)) == set()
    assert currencies.sides_in(text, text.index("900"), text.index("12 billion")) == set()


def test_a_sum_whose_number_lies_past_the_span_still_starts_in_it() -> None:
    """A span holding no digit is skipped unsearched, but a sum starting at its end with
    the number just after ("… paid Rs." then "1,200") still counts, and one starting just
    after the span does not."""
    currencies = Currencies({"India": ["Rs", "rupees"], "Norway": ["NOK"]})
    text = "The council paid Rs. 1,200 for it. Oslo later paid NOK 80."
    cut = text.index(" 1,200")
    assert currencies.sides_in(text, 0, cut) == {"India"}
    assert currencies.sides_in(text, 0, text.index("Rs")) == set()
    second = text.index("Oslo")
    assert currencies.sides_in(text, second, text.index("NOK")) == set()
    assert currencies.sides_in(text, second, len(text)) == {"Norway"}
    assert currencies.sides_in(text, text.index("for it"), second) == set()


def test_a_scale_word_counts_money_unless_things_follow_it() -> None:
    currencies = Currencies({"India": ["rupees", "crore", "lakh"], "Japan": ["yen"]})
    for sum_of_money in (
        "will invest 4,000 crore in a plant",
        "a 1,850 crore chip plant",
        "worth 2,340 crore rupees",
        "a 6.5 lakh crore budget",
        "paid 2.1 lakh yen",
    ):
        assert currencies.sides_in(sum_of_money, 0, len(sum_of_money)), sum_of_money
    for count in (
        "drew 3.1 lakh visitors",
        "moves 5.9 crore tonnes of cargo",
        "homes for 8.1 lakh people",
        "an 85 lakh sq ft campus",
        "1 lakh jobs by 2030",
    ):
        assert currencies.sides_in(count, 0, len(count)) == set(), count


def test_a_company_form_of_one_side_completes_a_dealing(tmp_path: Path) -> None:
    text = (
        "Nordlys Havbruk AS formed a joint venture with a Chilean feed maker on Friday to"
        " build a hatchery near the coast."
    )
    with_forms = evidence(load(tmp_path / "with"), "Hatchery venture", text)
    without = evidence(load(tmp_path / "without", markers={}), "Hatchery venture", text)
    assert len(with_forms.bilateral_sentences) == 1
    assert without.bilateral_sentences == []


def test_the_score_is_the_weighted_sum_of_the_evidence_vector(app: App) -> None:
    settings = app.config.stash[judge_relevance.SETTINGS]
    assert settings is not None
    found = evidence(app, "Salmon research memorandum", PARAGRAPH)
    vector = evidence_vector(found, settings.side_names)
    assert set(vector) == set(COMPONENTS) == set(settings.weights)
    total, _, _ = judge_relevance.score(found, settings)
    assert total == weighted_sum(vector, settings.weights)
    assert vector["paragraph_dealings"] == 1.0


def test_a_configured_weight_replaces_the_default(tmp_path: Path) -> None:
    default = load(tmp_path / "default")
    heavier = load(tmp_path / "heavier", weights={"paragraph_dealings": 5.0})
    title = "Salmon research memorandum"
    settings = default.config.stash[judge_relevance.SETTINGS]
    assert settings is not None
    before, _, _ = judge_relevance.score(evidence(default, title, PARAGRAPH), settings)
    heavy_settings = heavier.config.stash[judge_relevance.SETTINGS]
    assert heavy_settings is not None
    after, pro, _ = judge_relevance.score(evidence(heavier, title, PARAGRAPH), heavy_settings)
    assert after - before == pytest.approx(5.0 - settings.weights["paragraph_dealings"])
    assert any("named beside it in 1 sentences" in reason for reason in pro)


def test_an_unknown_component_is_a_configuration_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match=r"plugins\.judge_relevance\.weights"):
        load(tmp_path, weights={"length": 1.0})


def test_a_weight_must_be_a_number(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match=r"plugins\.judge_relevance\.weights\.coverage"):
        load(tmp_path, weights={"coverage": "high"})


def test_currencies_of_no_side_are_a_configuration_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match=r"plugins\.judge_relevance\.currencies"):
        load(tmp_path, currencies={"Peru": ["sol"]})


def test_the_reasons_name_the_most_common_terms_first() -> None:
    counter = new_counter()
    for term in ["Oslo", "Chile", "Norway", "Chile", "Oslo", "Bergen", "Lima", "Peru", "Arica"]:
        counter[term] = counter.get(term, 0) + 1
    assert type(counter) is Counter
    assert counts(counter) == "Oslo ×2, Chile ×2, Norway ×1, Bergen ×1, Lima ×1"
    assert counts(counter) == ", ".join(f"{t} ×{n}" for t, n in counter.most_common(5))


def test_an_ascii_body_counts_its_words_as_any_body() -> None:
    text = (
        "Home | News\nNorway's Equinor signed a memorandum with Chile's ENAP on hydrogen.\n"
        "By staff\r\nThe two companies will study a plant near Antofagasta, officials said."
    )
    assert text.isascii()
    assert judge_relevance.body_words(text) == 12 + 11
    assert judge_relevance.body_words(text + "\nÅ") == judge_relevance.body_words(text)


def test_a_sum_in_a_sides_currency_makes_it_present(app: App) -> None:
    text = (
        "Buyers from Norway will invest 90 million pesos in mussel farms this year, their"
        " association said. Norwegian importers want small lots of frozen mussels."
    )
    found = evidence(app, "Mussel farms", text)
    assert found.amount_sides == {"Chile": 1}
    assert found.presence("Chile") == 1


def test_a_sum_in_a_sides_currency_beside_the_other_side_makes_it_present(app: App) -> None:
    text = (
        "Twelve Norwegian buyers placed orders worth 800 million pesos at the fair on Friday."
        " Most of the orders are for frozen mussels and smoked hake. Delivery starts in May,"
        " and the Norwegian buyers paid 300 million pesos in advance."
    )
    found = evidence(app, "Mussel orders", text)
    assert found.amount_sides == {"Chile": 2}
    assert found.presence("Chile") == 2


def test_a_sum_in_a_sentence_of_its_own_side_alone_adds_no_presence(app: App) -> None:
    text = (
        "The Chilean ministry raised the ceiling on guaranteed loans to 900 million pesos."
        " Small fishing firms can borrow up to 90 million pesos without collateral, bankers"
        " said. Some economists want Chile to follow Norway, whose guarantee funds are larger."
    )
    found = evidence(app, "Loan guarantees", text)
    assert found.amount_sides == {}
    assert found.presence("Norway") == 1
