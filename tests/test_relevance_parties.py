"""Who is a party to a dealing: a mission joined by another party where it sits, the other
side's own unit, two sides said to act apart, a deal in the other side's currency, and the
shipped vocabulary's office holders and words of dealing.

The rules are tested with a made-up pair of sides (Norway and Chile); the shipped
vocabulary with made-up India–Japan reports.
"""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Any

import pytest
from relevance_support import gathered as evidence
from relevance_support import judge, judge_app

from aggregator.app import App, load_app
from aggregator.models import Item
from aggregator.plugins import judge_relevance

ROOT = Path(__file__).resolve().parents[1]

SETTINGS: dict[str, Any] = {
    "sides": {"Norway": ["Norway", "Norwegian", "Oslo"], "Chile": ["Chile", "Chilean"]},
    "relation_terms": ["signed", "agreement", "fund", "together", "invest"],
    "places": {"Chile": ["Antofagasta", "Valparaiso"], "Norway": ["Bergen"]},
    "third_parties": {"Peru": ["Peru", "Peruvian", "Lima"]},
    "missions": ["Embassy", "Consulate"],
    "currencies": {"Norway": ["krone", "NOK"], "Chile": ["pesos", "CLP"]},
}
FILLER = (
    "Officials spent the week going through the details of the plan, which covers research,"
    " training and the sharing of data between the two offices."
)


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory) -> App:
    return judge_app(tmp_path_factory.mktemp("parties"), SETTINGS)


def dealings(app: App, text: str) -> list[str]:
    return evidence(app, "A report", text).bilateral_sentences


def test_a_mission_joined_by_another_party_deals_where_it_sits(app: App) -> None:
    joined_before = (
        "Tromsdal Municipality and the Embassy of Chile in Oslo signed an agreement on a"
        " summer festival."
    )
    joined_after = (
        "The Embassy of Chile in Oslo and the Tromsdal music school signed an agreement on a"
        " summer festival."
    )
    alone = "The Embassy of Chile in Oslo signed a lease for a larger building on Friday."
    assert dealings(app, joined_before + " " + FILLER) == [joined_before]
    assert dealings(app, joined_after + " " + FILLER) == [joined_after]
    assert dealings(app, alone + " " + FILLER) == []


def test_a_missions_call_for_offers_where_it_sits_is_no_dealing(app: App) -> None:
    """A mission buying for itself calls on suppliers of the place it sits in; that place,
    named again for them, is its seat, not the other side it deals with."""
    text = (
        "The Embassy of Norway in Valparaiso invites sealed quotations from registered"
        " dealers in Valparaiso for the supply of two vans for official use, together with"
        " three years of servicing. " + FILLER
    )
    assert not evidence(app, "Notice inviting quotations: two vans", text).bilateral_sentences
    funded = text.replace(
        "invites sealed quotations from registered dealers in Valparaiso for the supply of",
        "will fund a cooperative of fishermen in Valparaiso that buys",
    )
    assert evidence(app, "Vans for a cooperative", funded).bilateral_sentences


def test_a_sides_name_in_a_quoted_title_is_no_actor(app: App) -> None:
    """The title of a series or a campaign in quotation marks names no side acting; quoted
    speech still does."""
    titled = (
        "The studio signed a deal to stream “Oslo Nights”, a comedy about a cook from"
        " Valparaiso who opens a lunch counter by the harbour. " + FILLER
    )
    assert not evidence(app, "New comedy series", titled).bilateral_sentences
    spoken = (
        "“Oslo will fund the harbour at Valparaiso,” the minister said after the"
        " agreement was signed on Monday. " + FILLER
    )
    assert evidence(app, "Harbour money", spoken).bilateral_sentences
    both = (
        "The ministers opened the “Norway-Chile Friendship Year” in Valparaiso and signed"
        " a fund agreement for student exchanges. " + FILLER
    )
    assert evidence(app, "Friendship year", both).pairs


def test_the_other_sides_own_unit_is_no_party(app: App) -> None:
    units = (
        "The Chilean units of two Norwegian salmon farmers together bought most of the"
        " feed the mill made last year."
    )
    assert dealings(app, units + " " + FILLER) == []
    arm = "The Chilean arm of a Norwegian insurer signed a lease on new offices this week."
    assert dealings(app, arm + " " + FILLER) == []
    firms = (
        "Chilean growers and two Norwegian salmon farmers together set up a feed mill last year."
    )
    assert dealings(app, firms + " " + FILLER) == [firms]


def test_two_sides_said_to_act_apart_deal_nowhere_in_the_sentence(app: App) -> None:
    apart = "Norway and Chile both fund research stations in the far south, but separately."
    assert dealings(app, apart + " " + FILLER) == []
    each = "Norway and Chile fund their research stations independently of one another."
    assert dealings(app, each + " " + FILLER) == []
    together = "Norway and Chile fund research stations in the far south together."
    assert dealings(app, together + " " + FILLER) == [together]


def test_receiving_an_actor_of_the_other_side_is_a_dealing(app: App) -> None:
    guest = "The Mayor of Bergen received the Chilean trade minister at the town hall on Monday."
    host = "The Chilean trade minister was received by the Mayor of Bergen on Monday evening."
    mail = "The Mayor of Bergen received forty letters from Chile about the festival."
    assert dealings(app, guest + " " + FILLER) == [guest]
    assert dealings(app, host + " " + FILLER) == [host]
    assert dealings(app, mail + " " + FILLER) == []


def test_a_word_cut_by_the_reach_of_a_denial_denies_nothing(app: App) -> None:
    governor = "Norway's envoy and the Governor of Valparaiso Coast signed a pact on ports."
    denial = "Norway's envoy has still not signed a pact with the port of Valparaiso."
    assert dealings(app, governor + " " + FILLER) == [governor]
    assert dealings(app, denial + " " + FILLER) == []


def test_a_deal_in_the_other_sides_currency_lifts_the_penalty_for_no_dealing(
    app: App,
) -> None:
    text = (
        "A pension fund run from Oslo will invest 90 billion pesos in toll roads, its"
        " managers said on Tuesday. The roads will link three ports. " + FILLER
    )
    found = evidence(app, "Fund backs roads", text)
    assert found.bilateral_sentences == [] and found.amount_dealings
    _, item = judge(app, "Fund backs roads", text)
    assert item.relevance is not None
    reasons = "\n".join(item.relevance.reasons)
    assert "deals in a sum of the other's currency" in reasons
    assert "no clause links an actor of each side" not in reasons
    no_sum = "Traders in Oslo expect the peso to weaken before they invest again. " + FILLER
    _, outlook = judge(app, "Currency outlook", no_sum)
    assert outlook.relevance is not None
    assert "no clause links an actor of each side" in "\n".join(outlook.relevance.reasons)


@functools.cache
def shipped() -> App:
    return load_app(ROOT / "feeds.toml", entry_points=False)


def shipped_evidence(text: str, title: str = "A report") -> judge_relevance.Evidence:
    settings = shipped().config.stash[judge_relevance.SETTINGS]
    assert settings is not None
    item = Item(id="x", source="test", uri="test", title=title, text=text)
    return judge_relevance.gather(item, settings)


@pytest.mark.parametrize(
    ("sentence", "at_home"),
    [
        (
            "The External Affairs Minister toured a shipyard in Nagasaki and signed a"
            " memorandum with the yard.",
            "The External Affairs Minister toured a shipyard in Kerala and signed a"
            " memorandum with the yard.",
        ),
        (
            "The EAM called on the Governor of Aichi Prefecture after the plant visit on Friday.",
            "The EAM called on the Governor of Kerala after the plant visit on Friday.",
        ),
        (
            "The District Collector thanked the volunteers from Japan at the school on Saturday.",
            "The District Collector thanked the volunteers from Jaipur at the school on Saturday.",
        ),
        (
            "The Embassy of Japan opened a scholarship round for Indian engineers this week.",
            "The Embassy of Japan opened a scholarship round for engineers this week.",
        ),
    ],
)
def test_the_shipped_vocabulary_knows_office_holders_and_words_of_dealing(
    sentence: str, at_home: str
) -> None:
    assert shipped_evidence(sentence).bilateral_sentences == [sentence]
    assert shipped_evidence(at_home).bilateral_sentences == []
