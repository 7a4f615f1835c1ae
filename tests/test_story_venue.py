"""Stories: two meetings whose leads say they were held in different cities are two events,
however many office names their records share (aggregator/toolkit/story_venue.py)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from story_support import placed

from aggregator.plugins.cluster_stories import Index, _add, similarity
from aggregator.toolkit.story_venue import lead_venue

DAY = datetime(2026, 9, 8, 9, tzinfo=UTC)

ROSTER = (
    "Annex: Delegations\n\n"
    "For the Government of Norway: State Secretary; Deputy Director General, Section for"
    " Trade Policy; Senior Adviser, Ministry of Trade, Industry and Fisheries\n\n"
    "For the Government of Chile: Undersecretary for International Economic Relations;"
    " Director General, Directorate of Multilateral Affairs; Head of Division, Ministry"
    " of Foreign Affairs"
)
FISHERIES = (
    "Minutes of the Third Norway-Chile Working Group on Aquaculture",
    "1. The third meeting of the Norway-Chile Working Group on Aquaculture was held in"
    " Bergen on 7 September 2026, chaired by the State Secretary of the Ministry of Trade,"
    " Industry and Fisheries and the Undersecretary for International Economic Relations."
    "\n\n2. The two sides agreed to share data on sea lice in salmon farms in Los Lagos and"
    f" Vestland, and to meet again in 2027.\n\n{ROSTER}",
)
SHIPPING = (
    "Minutes of the First Norway-Chile Consultation on Green Shipping",
    "1. The first Norway-Chile Consultation on Green Shipping was held in Valparaiso on 8"
    " September 2026, chaired by the State Secretary and the Undersecretary for"
    " International Economic Relations, with the Directorate of Multilateral Affairs."
    "\n\n2. The two sides agreed to study a green corridor for ammonia-fuelled container"
    f" ships between Oslo and San Antonio, and to meet again in 2027.\n\n{ROSTER}",
)


@pytest.mark.parametrize(
    ("text", "venue"),
    [
        (FISHERIES[1], ("bergen",)),
        (SHIPPING[1], ("valparaiso",)),
        (
            "The annual summit between Norway and Chile took place in Punta Arenas on Monday,"
            " the two governments said in a joint statement issued after the talks.",
            ("arenas", "punta"),
        ),
        # no meeting held in a place: none
        (
            "Norway and Chile signed a ferry agreement in Oslo on Tuesday, the two foreign"
            " ministries said, opening a weekly service between Bergen and Valparaiso.",
            (),
        ),
        # a tour of two cities: none
        (
            "Talks were held in Santiago on Monday and a second round was held in Valparaiso"
            " on Tuesday, the ministry of foreign affairs of Chile said in a statement.",
            (),
        ),
        # a heading alone, with no paragraph under it: none
        ("Meeting held in Oslo", ()),
    ],
)
def test_the_lead_names_where_its_meeting_was_held(text: str, venue: tuple[str, ...]) -> None:
    assert lead_venue(text) == venue


def pair(first: tuple[str, str], second: tuple[str, str], gap: int = 1) -> tuple[float, str]:
    index = Index()
    old, old_placement = placed(*first, "old", DAY - timedelta(days=gap), outlet="Ministry A")
    _add(index, old, old_placement)
    new, _ = placed(*second, "new", DAY, outlet="Ministry B")
    return similarity(new, old, index)


def test_two_meetings_held_in_other_cities_stay_apart() -> None:
    """Two ministries' minutes of two meetings of one week, the same delegations' offices in
    their annexes: their leads say Bergen and Valparaiso."""
    score, reason = pair(FISHERIES, SHIPPING)
    assert score == 0.0
    assert reason.startswith("held in other places")


REPORT = (
    "Norway, Chile to study ammonia shipping corridor",
    "Norway and Chile agreed on Tuesday to study a green corridor for ammonia-fuelled"
    " container ships between Oslo and San Antonio, after talks in Valparaiso between the"
    " State Secretary and the Undersecretary for International Economic Relations.\n\n"
    "Officials said the study would be ready in 2027.",
)
REPORT_NO_VENUE = (
    "Norway, Chile to study ammonia shipping corridor",
    "Norway and Chile agreed to study a green corridor for ammonia-fuelled container ships"
    " between Oslo and San Antonio, the Undersecretary for International Economic"
    " Relations said on Tuesday after the first consultation on green shipping.",
)
REPORT_OTHER_WORDING = (
    "Green shipping talks in Valparaiso",
    "The first consultation of Norway and Chile on green shipping, held in the port city on"
    " Tuesday, agreed to study a corridor for ammonia-fuelled container ships between Oslo"
    " and San Antonio, officials in Valparaiso said.",
)


@pytest.mark.parametrize("report", [REPORT, REPORT_NO_VENUE, REPORT_OTHER_WORDING])
def test_a_report_of_the_meeting_is_not_held_apart_from_its_minutes(
    report: tuple[str, str],
) -> None:
    """A report that names the minutes' city anywhere, or names no venue in its lead, is
    weighed as before."""
    score, reason = pair(SHIPPING, report, gap=0)
    assert not reason.startswith("held in other places")
    assert score > 0.0
