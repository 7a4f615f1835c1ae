"""The shipped taxonomy's vocabulary: the words each topic is named by in news, and the
common words that say less (a mission that hosts an event, an idiom of "track", a place
where something happens), read with the shipped feeds.toml's settings."""

from __future__ import annotations

import functools
from pathlib import Path

from aggregator.app import App, load_app
from aggregator.models import Item

ROOT = Path(__file__).resolve().parents[1]


@functools.cache
def shipped() -> App:
    return load_app(ROOT / "feeds.toml", entry_points=False)


def topics(title: str, text: str) -> list[str]:
    item = Item(id="x", source="test", uri="test", title=title, text=text)
    shipped().hooks.tag_item(item)
    return item.topics


def test_a_takeover_with_a_fresh_infusion_is_investment() -> None:
    got = topics(
        "Kyushu lender completes takeover of Chennai finance house",
        "The Fukuoka-based group said the takeover closed on Friday. It will follow it with an"
        " infusion of 4,000 crore rupees into the Chennai company over three years, which"
        " keeps its name and its 212 branches.",
    )
    assert got == ["investment"]


def test_new_flights_by_an_airline_are_connectivity() -> None:
    got = topics(
        "Airline to fly Fukuoka to Kolkata daily from July",
        "A Japanese airline will start daily flights between Fukuoka and Kolkata in July, the"
        " first scheduled link between the two cities. The flights will use a mid-size jet with"
        " 180 seats, and the airline expects business travellers to fill most of them.",
    )
    assert "connectivity" in got


def test_drinking_water_and_wastewater_works_are_infrastructure() -> None:
    got = topics(
        "Jodhpur to get new drinking water network and wastewater plant",
        "The city will lay 400 km of pipes to bring drinking water to every home in the old"
        " quarter, and build a wastewater treatment works beside the river that will clean"
        " what the homes send back, the municipal commissioner said on Tuesday.",
    )
    assert "infrastructure" in got


def test_grid_equipment_is_energy() -> None:
    got = topics(
        "Osaka maker to build power transformers in Vadodara",
        "The new works will make transformers for the power grid, and the company expects"
        " orders from the state utilities that are adding transmission lines across the"
        " western districts.",
    )
    assert "energy" in got


def test_patents_are_technology() -> None:
    got = topics(
        "Patent offices of India and Japan agree to share examination results",
        "Applicants whose patent has been granted by one office will be able to ask the other"
        " to examine theirs first. The two offices said intellectual property rules would"
        " otherwise stay as they are.",
    )
    assert "technology" in got


def test_an_embassy_hosting_a_festival_is_not_diplomacy() -> None:
    got = topics(
        "Hanami picnic in Lodhi Garden draws 5,000",
        "About 5,000 people came to the cherry blossom festival in Lodhi Garden on Sunday,"
        " organised by the embassy with the city's art school. The embassy said the festival"
        " would return next year with more music and more food stalls.",
    )
    assert got == ["culture"]


def test_an_idiom_of_track_is_no_railway() -> None:
    got = topics(
        "Talks on the investment pact are on track, minister says",
        "Negotiators will meet again next month, and both sides want to fast-track the"
        " remaining chapters of the investment agreement before the summit in the autumn.",
    )
    assert "infrastructure" not in got


def test_interns_are_talent_mobility() -> None:
    got = topics(
        "Nagano hotels to take 60 interns from Kerala",
        "Sixty interns from hotel schools in Kerala will spend a year working in Nagano's"
        " hotels from April, the prefecture said; the interns will live in company housing.",
    )
    assert "talent mobility" in got


def test_a_high_speed_line_and_its_trains_are_connectivity() -> None:
    got = topics(
        "Maker wins order for trains on the Pune high speed line",
        "A Japanese maker will build twelve high-speed trains for the new line between Pune"
        " and Hyderabad, which the operator says will cut the trip to three hours. The first"
        " train is due in 2030, and the high-speed railway will open a year later.",
    )
    assert "connectivity" in got


def test_a_visa_portal_is_no_port() -> None:
    got = topics(
        "Work visa portal opens to applicants",
        "Applicants for work visas can now upload their papers on the consulate's new portal,"
        " which replaces the paper forms. Interns and engineers hired by Japanese firms"
        " apply the same way.",
    )
    assert "connectivity" not in got


def test_a_two_plus_two_meeting_is_diplomacy() -> None:
    got = topics(
        "Ministers open third 2+2 round in Canberra",
        "The foreign and defence ministers of both countries sat down for their 2+2 meeting"
        " on Monday. Officials said the ministers would review joint exercises and a new"
        " logistics pact for their armed forces.",
    )
    assert "diplomacy" in got
