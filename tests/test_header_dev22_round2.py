"""Header shapes of dev22's second reading, on invented texts (docs/headline_repairs.md)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from aggregator.toolkit.plaintext import extract_article

REFERENCE = datetime(2026, 9, 1, tzinfo=UTC)


def test_a_bulletins_first_piece_opening_on_a_figure_loses_its_number() -> None:
    text = (
        "HILL RADIO · Evening news\n"
        "Bulletin · 1900 hrs · 14.08.2026\n"
        "1. 48 nurses leave Shillong for jobs in Osaka\n"
        "A group of 48 trained nurses left Shillong for Osaka this evening to work in care "
        "homes under a skilled worker programme, the state labour department said.\n"
        "2. 12 roads shut after landslides\n"
        "Twelve roads in the hills were shut after heavy rain caused landslides on Friday.\n"
    )
    assert extract_article(text, reference=REFERENCE).title == (
        "48 nurses leave Shillong for jobs in Osaka"
    )


def test_a_list_of_figures_keeps_its_numbers() -> None:
    text = (
        "RIVER BOARD\nTrain services for the festival\n"
        "1. 01403/01404 Hilltown–Riverton weekly special (10 services)\n"
        "2. 01127/01128 Lakeside–Riverton special (16 services)\n"
        "The board said the special trains would run from October to November to clear "
        "the festival rush on the busiest routes of the zone.\n"
    )
    assert not extract_article(text, reference=REFERENCE).title.startswith(("01403", "01127"))


_CASE = (
    "HARBOUR SENSORS\n"
    "Case studies / Ports / Asia\n"
    "Cutting crane downtime at a river port\n"
    "Customer: Riverton Port Trust | Site: Riverton | Published: 2026.07.14\n"
    "{heading}\n"
    "Crane breakdowns were stopping the container berth of the river port two or three "
    "times a year, each time for a day or more, and the trust wanted warning of them.\n"
    "Solution\n"
    "The company fitted 120 vibration sensors to the cranes and trained a failure model on "
    "three years of repair records.\n"
)


def test_a_case_studys_first_section_heading_is_no_dateline() -> None:
    article = extract_article(_CASE.format(heading="Challenge"), reference=REFERENCE)
    assert "Challenge" in article.body.splitlines()
    assert article.dateline is None


def test_a_place_line_alone_over_the_lead_is_still_a_dateline() -> None:
    text = (
        "Riverton Daily\n"
        "Ferry fares fall as the second bridge opens\n"
        "Riverton\n"
        "Ferry operators on the river cut their fares by a third on Monday, a week after the "
        "second bridge opened to traffic and took away half of their passengers.\n"
        "The operators said they would run fewer boats in the evening.\n"
    )
    article = extract_article(text, reference=REFERENCE)
    assert article.dateline == "Riverton"
    assert "Riverton" not in article.body.splitlines()


FERRY_STORY = (
    "Ferry fares fall as the second bridge opens\n"
    "By Our Staff Reporter\n"
    "HILLTOWN, August 14\n"
    "Ferry operators on the river cut their fares by a third on Friday, a week after the "
    "second bridge opened to traffic and took away half of their passengers.\n"
)


@pytest.mark.parametrize(
    "masthead",
    [
        "The Riverton Courier\n"
        "Riverton | Saturday, 15 August 2026 | Pages 14 + 4 (City) | Price Rs 7\n",
        "THE HILL TIMES\nCITY EDITION | SATURDAY, AUGUST 15, 2026 | 12 PAGES | Rs 4.00\n",
    ],
)
def test_a_front_pages_folio_with_its_pages_and_price_dates_the_issue(masthead: str) -> None:
    published = extract_article(masthead + FERRY_STORY, reference=REFERENCE).published
    assert published is not None
    assert published.date().isoformat() == "2026-08-15"


def test_a_diarys_period_over_its_dated_entries_is_its_title() -> None:
    text = (
        "Consulate of Riverland in Hilltown\n"
        "Consul's Diary\n"
        "August 2026\n"
        "August 4: The Consul visited the Hilltown Institute of Technology and spoke about "
        "study in Riverland.\n"
        "August 12: Attended the opening of a food festival at the river front.\n"
        "Previous months\n"
    )
    assert extract_article(text, reference=REFERENCE).title == "August 2026"


def test_a_schedules_named_week_over_its_days_is_its_title() -> None:
    text = (
        "Ministry of Rivers\n"
        "Home > Minister > Schedule\n"
        "Minister's Schedule, 10-14 August 2026\n"
        "Mon. 10 August | 09:00 | Cabinet meeting\n"
        "Wed. 12 August | 14:00 | Video meeting with the river board\n"
    )
    assert extract_article(text, reference=REFERENCE).title == (
        "Minister's Schedule, 10-14 August 2026"
    )


def test_a_single_day_over_an_entry_is_no_period() -> None:
    text = (
        "Riverton Daily\n"
        "Ferry fares fall as the second bridge opens\n"
        "14 August 2026\n"
        "August 13: Operators cut fares by a third, a week after the bridge opened.\n"
    )
    assert extract_article(text, reference=REFERENCE).title == (
        "Ferry fares fall as the second bridge opens"
    )
