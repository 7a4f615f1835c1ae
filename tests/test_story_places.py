"""Stories: two reports of one event that name its place differently are one story.

A place is spelt several ways ("Kyiv", "Kiev"), named at several levels (a city, its
country; a hall, its parliament), and "held in" names a prison or a bank as often as a
meeting's city; a virtual summit is "held" in each government's capital. A rule that kept
apart two reports whose leads say "held in" different words (dev20-stories' venue veto,
taken out: docs/story_verification.md) split every pair here.
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from story_support import placed

from aggregator.plugins.cluster_stories import Index, _add, similarity

DAY = datetime(2026, 9, 8, 9, tzinfo=UTC)
MATCH = 0.35
"""The clusterer's default ``match_threshold``: a pair scoring this joins one story."""


def _pair(first: tuple[str, str], second: tuple[str, str]) -> tuple[float, str]:
    index = Index()
    old, old_placement = placed(*first, "old", DAY, outlet="Harbour Gazette")
    _add(index, old, old_placement)
    new, _ = placed(*second, "new", DAY, outlet="Fjord Post")
    return similarity(new, old, index)


CASES = {
    "spelling-kyiv": (
        (
            "Ukraine and Norway agree grain corridor escort",
            "Talks between the defence ministers of Ukraine and Norway held in Kyiv on Monday"
            " ended with an agreement on naval escorts for grain ships leaving Odesa, Defence"
            " Minister Olena Marchuk and her Norwegian counterpart Bjorn Arnesen said.\n\n"
            "Norway will send two frigates to the Black Sea convoy from October.",
        ),
        (
            "Norway to escort Ukrainian grain ships",
            "Defence Minister Olena Marchuk and Norwegian Defence Minister Bjorn Arnesen agreed"
            " at talks held in Kiev on Monday that Norway will escort grain ships from Odesa,"
            " sending two frigates to the Black Sea convoy from October.",
        ),
    ),
    "spelling-bengaluru": (
        (
            "India, Norway open space research centre",
            "The India-Norway working group on space research, held in Bengaluru on Tuesday,"
            " opened a joint centre for polar satellite data at the Indian Space Research"
            " Organisation, with Secretary Anil Kashyap and Director Ingrid Solberg.",
        ),
        (
            "Polar satellite centre opened by India and Norway",
            "A joint centre for polar satellite data at the Indian Space Research Organisation"
            " was opened at the India-Norway working group on space research held in Bangalore"
            " on Tuesday, Secretary Anil Kashyap and Director Ingrid Solberg said.",
        ),
    ),
    "spelling-hanoi": (
        (
            "Vietnam, Chile sign shrimp export deal",
            "The Vietnam-Chile trade council held in Ha Noi on Wednesday signed a deal that"
            " lets Vietnamese shrimp into Chile without tariffs from January, Trade Minister"
            " Nguyen Van Long and Chilean Undersecretary Camila Rojas said.",
        ),
        (
            "Shrimp to enter Chile tariff-free",
            "Vietnamese shrimp will enter Chile without tariffs from January under a deal"
            " signed at the Vietnam-Chile trade council held in Hanoi on Wednesday, Trade"
            " Minister Nguyen Van Long and Undersecretary Camila Rojas said.",
        ),
    ),
    "spelling-zurich": (
        (
            "Swiss, Japanese regulators agree on crypto custody",
            "A meeting of the Swiss and Japanese financial regulators held in Zürich on"
            " Thursday agreed common rules for crypto custody by banks, Finma chair Anna"
            " Keller and Financial Services Agency commissioner Kenji Mori said.",
        ),
        (
            "Crypto custody rules agreed by Finma and Japan's FSA",
            "Finma chair Anna Keller and Financial Services Agency commissioner Kenji Mori"
            " agreed common rules for crypto custody by banks at a meeting of the two"
            " regulators held in Zurich on Thursday, a joint statement said.",
        ),
    ),
    "level-hiroshima": (
        (
            "G7 leaders pledge 40 billion dollars for grid links",
            "The G7 summit held in Hiroshima on Saturday pledged 40 billion dollars for power"
            " grid links in Africa and Asia, Prime Minister Haruto Sato said as the leaders"
            " closed their two days of talks.",
        ),
        (
            "G7 pledges 40 billion dollars for power grids",
            "Leaders of the G7 pledged 40 billion dollars for power grid links in Africa and"
            " Asia at a summit that took place in Japan on Saturday, closing two days of talks"
            " hosted by Prime Minister Haruto Sato.",
        ),
    ),
    "level-jeddah": (
        (
            "Sudan truce talks agree aid corridors",
            "Truce talks held in Jeddah on Sunday between Sudan's army and the Rapid Support"
            " Forces agreed three aid corridors to Darfur, American and Gulf mediators said"
            " in a joint statement.",
        ),
        (
            "Three aid corridors to Darfur agreed",
            "Sudan's army and the Rapid Support Forces agreed three aid corridors to Darfur at"
            " truce talks that took place in Saudi Arabia on Sunday, American and Saudi"
            " mediators said.\n\n"
            "Jeddah has hosted the talks since May.",
        ),
    ),
    "level-westminster": (
        (
            "MPs debate Chile lithium partnership",
            "A debate held in Parliament on Tuesday on the lithium partnership with Chile"
            " heard Trade Minister Harriet Cole defend the 300 million pound investment fund"
            " against criticism from Labour MP Tom Briggs.",
        ),
        (
            "Minister defends Chile lithium fund",
            "Trade Minister Harriet Cole defended the 300 million pound lithium investment"
            " fund with Chile in a debate held in Westminster Hall on Tuesday, after Labour MP"
            " Tom Briggs criticised the partnership.",
        ),
    ),
    "detention": (
        (
            "Iran frees French aid worker",
            "Iran released the French aid worker Claire Dubois on Friday after two years held"
            " in Tehran on spying charges, the French foreign ministry said, thanking Oman for"
            " its mediation.",
        ),
        (
            "Claire Dubois flies home after release by Iran",
            "The French aid worker Claire Dubois, held in Evin prison for two years on spying"
            " charges, was released by Iran on Friday and flew home via Oman, the French"
            " foreign ministry said.",
        ),
    ),
    "assets": (
        (
            "EU agrees loan backed by frozen Russian assets",
            "European Union finance ministers agreed on Monday a loan of 45 billion euros to"
            " Ukraine backed by the profits of frozen Russian central bank assets held in"
            " Belgium, Commissioner Valdis Ozols said.",
        ),
        (
            "45 billion euro loan to Ukraine from frozen assets' profits",
            "Finance ministers of the European Union agreed a 45 billion euro loan to Ukraine"
            " on Monday, repaid from the profits of frozen Russian central bank assets held in"
            " Euroclear, Commissioner Valdis Ozols said.",
        ),
    ),
    "virtual-summit": (
        (
            "India, Australia upgrade partnership at virtual summit",
            "The India-Australia Virtual Summit was held in New Delhi on Thursday through"
            " video conferencing, with Prime Minister Rajesh Verma and Prime Minister Claire"
            " Hughes agreeing a critical minerals partnership worth 2 billion dollars.",
        ),
        (
            "Australia and India agree critical minerals partnership",
            "The virtual summit of Prime Minister Claire Hughes and Prime Minister Rajesh Verma"
            " took place in Canberra on Thursday by video link and agreed a critical minerals"
            " partnership worth 2 billion dollars, the Australian government said.",
        ),
    ),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_one_event_named_at_other_places_is_one_story(case: str) -> None:
    first, second = CASES[case]
    score, reason = _pair(first, second)
    assert score >= MATCH, reason
