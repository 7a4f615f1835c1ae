"""Words of the shipped taxonomy that name two topics, or that one topic lacked while it
listed their synonyms: Japan's development finance (JICA, a yen or ODA loan) pays for public
works as well as being a loan, a high-speed line is infrastructure as high-speed rail is,
nurses are health as caregivers are, an industrial township is built ground as an industrial
zone is, and aerospace is technology. Read with the shipped feeds.toml's settings."""

from __future__ import annotations

from topic_support import topics


def test_a_yen_loan_for_storm_drains_is_infrastructure_and_investment() -> None:
    got = topics(
        "JICA signs yen loan for Kanpur's storm drains",
        "The Japan International Cooperation Agency (JICA) signed a yen loan of 31 billion yen"
        " with the state government on Monday to rebuild the city's storm drains, which"
        " overflow every monsoon, the state's urban affairs secretary said.",
    )
    assert "infrastructure" in got
    assert "investment" in got


def test_a_high_speed_line_is_infrastructure_beside_connectivity() -> None:
    got = topics(
        "Chennai-Mysuru high-speed line to open in 2031",
        "The high-speed line between Chennai and Mysuru will open in 2031, two years late, the"
        " board said on Thursday. Its high-speed trains, of a Japanese design, will cut the"
        " journey to under three hours.",
    )
    assert {"infrastructure", "connectivity"} <= set(got)


def test_nurses_going_abroad_are_health_beside_talent_mobility() -> None:
    got = topics(
        "Kerala nurses sit first Japanese nursing exam in Kochi",
        "Sixty nurses from Kerala sat the Japanese nursing licence exam in Kochi on Sunday,"
        " the first time it has been held outside Japan. Those who pass can work in Japan for"
        " five years.",
    )
    assert {"health", "talent mobility"} <= set(got)


def test_an_industrial_township_is_infrastructure() -> None:
    got = topics(
        "Land for five more Japanese firms at Neemrana industrial township",
        "The state has allotted 120 acres at the Japanese industrial township near Neemrana to"
        " five more companies, which will make auto parts and packaging there from 2028.",
    )
    assert "infrastructure" in got


def test_an_aerospace_maker_is_technology() -> None:
    got = topics(
        "Nagoya aerospace firm picks Hyderabad for engine parts",
        "A Nagoya aerospace company will make turbine blades and engine casings in Hyderabad,"
        " its first plant outside Japan, to supply Indian and European aircraft makers.",
    )
    assert "technology" in got
