"""Headlines and dates of shapes first met in dev19, read by a line's role.

Each case is an invented page in its own words; beside each rule stands an ordinary story
the rule could misjudge, which must keep its headline.
"""

from __future__ import annotations

from header_support import LEAD, SECOND, read

from aggregator.toolkit.header_lines import strip_kicker
from aggregator.toolkit.subject_lines import LETTER_SUBJECT_RULE


def test_a_wire_desk_slug_joined_to_the_headline_is_removed() -> None:
    article = read(
        "HARBOUR WIRE SERVICE\nPORTS\nSHIPPING STOCKS-Port operators rally as berth doubles"
        f" capacity\n09:40 IST, Tuesday 2 June 2026\n{LEAD}\n{SECOND}\n"
    )
    assert article.title == "Port operators rally as berth doubles capacity"
    assert strip_kicker("PROFILE-Harbour master who rebuilt the river berth retires") == (
        "Harbour master who rebuilt the river berth retires"
    )


def test_two_parties_joined_by_a_hyphen_open_a_headline_whole() -> None:
    for headline in (
        "ASEAN-India summit opens with a port deal",
        "UK-Japan trade pact signed in London",
        "INDIA-JAPAN TIES DEEPEN AFTER PORT TALKS",
        "COVID-19 cases climb in the harbour district",
    ):
        assert strip_kicker(headline) == headline


def test_a_circulars_sub_field_heads_numbered_paragraphs_under_no_headline() -> None:
    article = read(
        "RIVERSIDE HARBOUR BOARD\nCIRCULAR\nRef: RHB/OPS/2026/12 | Date: 02-Jun-2026\n"
        "To: All Shipping Agents\nSub: Opening of the second container berth\n"
        f"1. {LEAD}\n2. {SECOND}\nKindly acknowledge receipt.\n"
    )
    assert article.title == "Opening of the second container berth"
    assert article.title_from is not None
    assert article.title_from[1] == LETTER_SUBJECT_RULE


def test_a_stories_headline_stays_over_a_sub_editors_credit() -> None:
    article = read(
        f"Harbour board opens second container berth\nSub: Priya Nair, night desk\n{LEAD}\n"
    )
    assert article.title == "Harbour board opens second container berth"
