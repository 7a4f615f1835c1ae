"""A multi-item document's first item, compared alone with a report of its event
(story_first_item)."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

import story_support

from aggregator.plugins.cluster_stories import (
    Index,
    Placement,
    Report,
    Settings,
    _add,
    _stored,
    similarity,
)
from aggregator.toolkit.story_first_item import first_item, first_item_of
from aggregator.toolkit.story_rows import loaded_report

DAY = datetime(2026, 9, 14, 7, tzinfo=UTC)
THRESHOLD = Settings().match_threshold

MAIL = """1. Finland and Chile open a copper smelting research centre in Oulu
Finland's trade minister and Chile's mining minister opened the Nordic-Andean Smelting
Centre in Oulu on Sunday, where engineers from Codelco and Outokumpu will test furnaces
that burn hydrogen instead of coke. The centre will cost 40 million euros over five years.
2. Parliament returns from its summer break
The speaker said the autumn session would open with the budget debate.
3. Football: Helsinki club wins the cup
A late goal settled the final in Tampere before 9,000 fans.
Weather in Helsinki: rain, 14C.
"""

REPORT = (
    "OULU, Sept 13 - Chile and Finland opened the Nordic-Andean Smelting Centre in Oulu on"
    " Sunday. Engineers of Codelco and Outokumpu will try furnaces fired by hydrogen rather"
    " than coke, the Finnish trade minister said, beside the Chilean mining minister Rosa"
    " Aravena. Codelco's Santiago laboratory and Outokumpu's Tornio works will send staff,"
    " and the Oulu University of Applied Sciences will train technicians for the Centre."
)

OTHER_EVENT = (
    "TORNIO, Sept 14 - Chile's mining minister Rosa Aravena toured the Outokumpu works at"
    " Tornio on Monday with Codelco executives, a day after she and Finland's trade minister"
    " opened the Nordic-Andean Smelting Centre in Oulu. Outokumpu showed its ferrochrome"
    " furnaces, and the Santiago laboratory of Codelco will send two engineers to Tornio"
    " next year, the company said. Outokumpu's works manager Jari Nieminen showed the"
    " delegation the Kemi chromite mine, and Lapland's governor Aino Rautio hosted a dinner"
    " in Rovaniemi for Boliden and Sandvik executives."
)


def placed(title: str, text: str, item_id: str, hours: int = 0) -> tuple[Report, Placement]:
    return story_support.placed(title, text, item_id, DAY + timedelta(hours=hours))


def index_of(*reports: tuple[Report, Placement]) -> Index:
    index = Index()
    for number, (town, body) in enumerate(
        [("Madurai", "Pandya Textiles"), ("Sendai", "Tohoku Fisheries"), ("Ranchi", "Jharia Coal")]
    ):
        _add(index, *placed(f"{town} news", f"{body} opened an office in {town}.", f"f{number}"))
    for report in reports:
        _add(index, *report)
    return index


def test_the_first_item_is_its_heading_and_the_prose_under_it() -> None:
    item = first_item(MAIL)
    assert item.startswith("1. Finland and Chile")
    assert "40 million euros" in item and "Parliament" not in item
    found = first_item_of("Good morning from the Nordic Desk", MAIL, ["oulu", "tampere", "chile"])
    assert found is not None
    assert found.names == ["chile", "oulu"]
    assert "1" not in found.heading and "oulu" in found.heading


def test_headings_in_capitals_and_a_table_of_contents() -> None:
    column = (
        "TOWN IN BRIEF\n"
        "Compiled by the city desk\n"
        "TRAMS TO RUN ALL NIGHT ON FRIDAYS\n"
        "The transport board said trams on the harbour line will run all night on Fridays from"
        " October, after a trial in August carried twice the passengers it expected.\n"
        "LIBRARY CLOSED FOR REPAIRS\n"
        "The main library closes for two weeks.\n"
        "MARKET MOVES TO THE SQUARE\n"
        "The Saturday market moves to the square.\n"
    )
    assert first_item(column).startswith("TRAMS TO RUN ALL NIGHT")
    contents = "1. Smelting centre opens\n2. Parliament returns\n3. Cup final\n" + MAIL
    assert first_item(contents).startswith("1. Finland and Chile")


def test_a_day_pages_first_item_is_its_first_credited_line() -> None:
    page = (
        "September 13, 2026 (Sunday)\n"
        "Chile and Finland open a smelting research centre in Oulu to test hydrogen furnaces."
        " (Nordic Wire) (Andes Daily)\n"
        "A ferry runs aground off Turku; no one is hurt. (Baltic Post)\n"
        "Tampere wins the cup final. (Sports Today)\n"
    )
    assert first_item(page).startswith("Chile and Finland open")
    assert "Turku" not in first_item(page)


def test_numbered_paragraphs_and_a_short_list_are_no_items() -> None:
    statement = (
        "1. The Ministers of Finland and Chile met in Oulu on 13 September 2026 and reviewed\n"
        "their cooperation in mining, smelting and the training of engineers for both.\n"
        "2. They welcomed the opening of the Nordic-Andean Smelting Centre and its plan to\n"
        "test furnaces that burn hydrogen, and asked Codelco and Outokumpu to report.\n"
        "3. They agreed to meet again in Santiago next year, at a date to be set later.\n"
    )
    assert first_item(statement) == ""
    points = "Key points\n1. A centre\n2. Two firms\n3. Forty million euros\n" + REPORT
    assert first_item(points) == ""
    assert first_item(REPORT) == ""


def test_a_mail_joins_the_report_of_its_first_items_event() -> None:
    report = placed("Chile, Finland open hydrogen smelting centre in Oulu", REPORT, "r")
    mail = placed("Good morning from the Nordic Desk", MAIL, "m", hours=2)
    assert mail[0].first_item
    index = index_of(report)
    score, reason = similarity(mail[0], report[0], index)
    assert score >= THRESHOLD, reason
    alone = replace(mail[0], first_item=b"", first_heading=())
    assert similarity(alone, report[0], index)[0] < THRESHOLD


def test_a_first_item_does_not_join_the_same_trips_next_event() -> None:
    other = placed("Aravena tours Outokumpu's Tornio ferrochrome works", OTHER_EVENT, "o")
    mail = placed("Good morning from the Nordic Desk", MAIL, "m", hours=2)
    index = index_of(other)
    assert similarity(mail[0], other[0], index)[0] < THRESHOLD


def test_the_first_item_is_stored_and_loaded() -> None:
    mail = placed("Good morning from the Nordic Desk", MAIL, "m")
    loaded = loaded_report(_stored(*mail))
    assert loaded.first_item == mail[0].first_item
    assert set(loaded.first_heading) == set(mail[0].first_heading)
