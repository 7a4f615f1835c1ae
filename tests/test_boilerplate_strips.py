"""Strips a page or a bulletin prints beside every story, and a package's terms.

Invented lines: a paper's and a radio bulletin's weather strips, labelled and followed by
places and temperatures; a tour's labelled price, what it includes and excludes, its
departures. Their look-alikes stay: a report's sentence about the weather, with or
without a figure, and a reported one; a sentence behind a terms label.
"""

from __future__ import annotations

import pytest

from tests.boilerplate_support import judge


@pytest.mark.parametrize(
    "line",
    [
        "WEATHER: Ranchi Max 31°C Min 24°C | Showers | Sunrise 5:21 am",
        "Weather ▸ Madurai 37/27 ▸ Salem 33/24 ▸ Hosur 29/20",
        "Weather: Pune 29/22, drizzle; Nagpur 34/27, humid",
        "Today's weather: Sendai 24° Cloudy",
        "WEATHER  Agra 38/29  Mathura 37/28  Humidity 60%",
    ],
)
def test_a_weather_strip_goes(line: str) -> None:
    assert judge(line) == "weather strip"


@pytest.mark.parametrize(
    "line",
    [
        "Weather: heavy rain is forecast across coastal Karnataka until Sunday.",
        "Weather in the foothills stays cold at 6°C through the week.",
        "Weather in Jaipur touched 46°C on Monday, the forecaster said.",
        "Weather delays moved the launch to 14 September.",
    ],
)
def test_a_sentence_about_the_weather_stays(line: str) -> None:
    assert judge(line) is None


@pytest.mark.parametrize(
    "line",
    [
        "Package cost: Rs 1,90,000 + GST (limited to 20 participants)",
        "Price includes: flights, 5 nights hotel, temple entry fees, English-speaking guide.",
        "Inclusions: economy airfare, 4 nights 3-star hotels, daily breakfast, rail pass.",
        "Not included: visa fees, travel insurance.",
        "Exclusions: GST 5%, lunches, optional tours.",
        "Departures: every Friday from October to March",
        "Departures from Kansai: 12 and 26 October 2026",
    ],
)
def test_a_packages_terms_go(line: str) -> None:
    assert judge(line) == "package terms"


@pytest.mark.parametrize(
    "line",
    [
        "Includes: the state's first metro line is planned for 2028",
        "Departures: the airline said flights to Osaka would resume in May.",
        "From Rs 2,000 per person, the fee will rise to Rs 3,000 next year.",
    ],
)
def test_a_sentence_with_a_terms_label_stays(line: str) -> None:
    assert judge(line) != "package terms"


@pytest.mark.parametrize(
    "line",
    [
        "Unit: 100 million yen. Figures in brackets are last year's initial budget.",
        "Figures in parentheses: FY2025 revised estimates.",
        "Unit: crore rupees",
    ],
)
def test_a_tables_reading_note_goes(line: str) -> None:
    assert judge(line) == "table note"


def test_a_sentence_about_units_stays() -> None:
    assert judge("Units sold in Japan rose 12% in June, the company said.") is None
