"""A statement about an event and a recap of it mailed to attendees are reactions, not
reports: they stay out of the event's story as commentary does.

Invented pages: a union's statement, a chamber's statement, a webinar host's follow-up
mail, and reports that lead with the event or with a reaction in the past tense.
"""

from __future__ import annotations

import re

import pytest
from story_support import stored_by_file

from aggregator.testing import FeedProject
from aggregator.toolkit.piece_kind import commentary_label
from aggregator.toolkit.piece_reaction import RECAP, STATEMENT, reaction_kind

REPORT = (
    "{headline}\nMarch 3, 2026\n\n"
    "Norway and Chile signed a ferry agreement in Oslo on Tuesday, the two foreign"
    " ministries said, opening a weekly service between Bergen and Valparaiso from June.\n\n"
    "The ferry will carry 400 passengers and 60 trucks, and Chile will build a new"
    " terminal at Valparaiso with a loan of 210 million kroner from Norway.\n"
)
STATEMENT_PAGE = (
    "NORDIC SEAFARERS' UNION\nHome | About | Statements | Join\nSTATEMENT\n"
    "Issued on 4 March 2026\nUnion demands Norwegian crews on the new ferry\n\n"
    "The Nordic Seafarers' Union strongly demands that the weekly ferry between Bergen and"
    " Valparaiso, agreed by Norway and Chile in Oslo on Tuesday, sail with Norwegian crews"
    " under Norwegian pay rules.\n\n"
    "The ferry will carry 400 passengers and 60 trucks and the 210 million kroner loan for"
    " the Valparaiso terminal must not pay for cheaper crews.\n"
)


@pytest.mark.parametrize(
    "lead",
    [
        "The Chamber of Shipping, which represents 120 owners, welcomes the ferry agreement"
        " signed by Norway and Chile in Oslo on Tuesday.",
        "The Workers' Front condemns the decision to hand the Valparaiso terminal to a"
        " foreign operator at half the market rent.",
        "We warmly congratulate the crew of the Bergen lifeboat who rescued eleven fishermen"
        " off the coast yesterday.",
        "The Green Coast Alliance expresses deep concern over the dredging planned for the"
        " new terminal at Valparaiso.",
        "The Maritime History Society invites members and guests to a talk by the captain"
        " who will sail the first ferry from Bergen to Valparaiso in June.",
    ],
)
def test_an_organisation_s_present_tense_reaction_is_a_statement(lead: str) -> None:
    lines = ["PRESS STATEMENT", "4 March 2026", "Alliance reacts to ferry deal", lead]
    assert reaction_kind(lines) == STATEMENT
    assert commentary_label(lines) == STATEMENT


@pytest.mark.parametrize(
    "lead",
    [
        "The Chamber of Shipping on Tuesday welcomed the ferry agreement signed by Norway"
        " and Chile in Oslo, saying it would open a new route.",
        "Norway and Chile signed a ferry agreement in Oslo on Tuesday that the Chamber of"
        " Shipping welcomes as a new route for exporters.",
        "The Ministry of Transport announces a weekly ferry between Bergen and Valparaiso"
        " from June, signed with Chile on Tuesday.",
        "The Valparaiso Port Authority invites sealed bids from shipyards for the new ferry"
        " terminal that Norway's loan will pay for.",
    ],
)
def test_a_report_of_the_event_or_of_a_past_reaction_is_no_statement(lead: str) -> None:
    lines = ["Ferry deal signed", "March 3, 2026", lead, "The ferry will carry 400 passengers."]
    assert reaction_kind(lines) is None


def test_a_short_present_tense_headline_alone_is_no_statement() -> None:
    lines = ["Chamber welcomes ferry pact", "March 3, 2026", "Norway and Chile signed a pact."]
    assert reaction_kind(lines) is None


def test_a_mail_thanking_its_reader_for_attending_is_a_recap() -> None:
    lines = [
        "From: Ferry Forum <events@ferryforum.example>",
        "Subject: Thanks for joining us: what the Bergen-Valparaiso ferry means",
        "Hello Ana,",
        "Here are the highlights of Thursday's session on the ferry agreement that Norway"
        " and Chile signed in Oslo.",
    ]
    assert reaction_kind(lines) == RECAP
    assert commentary_label(lines) == RECAP


def test_a_statement_stays_out_of_the_event_s_story(feed_project: FeedProject) -> None:
    feed_project.add_article("a.txt", REPORT.format(headline="Norway and Chile sign ferry pact"))
    feed_project.add_article("b.txt", REPORT.format(headline="Oslo, Santiago agree on ferry"))
    feed_project.add_article("c.txt", STATEMENT_PAGE)
    feed_project.plugin_config("judge_relevance", threshold=-100)
    assert feed_project.run().ok
    items = stored_by_file(feed_project)
    assert items["a.txt"].story_id == items["b.txt"].story_id
    assert items["c.txt"].story_id != items["a.txt"].story_id
    assert items["c.txt"].extras["commentary"] == STATEMENT


def test_a_live_reports_thanks_for_joining_is_no_recap() -> None:
    lines = [
        "Harbour summit: live",
        "Thanks for joining us for our live coverage of the ferry summit in Oslo.",
        "Norway and Chile signed the ferry pact at 11:02, officials said.",
    ]
    assert reaction_kind(lines) is None


@pytest.mark.parametrize(
    "thanks",
    [
        "THANK YOU FOR ATTENDING our ferry webinar on Thursday.",
        "Thanks again for taking part in the Oslo ferry forum — here is what was said.",
        "Many thanks for participating in the Bergen meeting on the ferry pact.",
    ],
)
def test_thanks_in_any_case_or_script_still_make_a_recap(thanks: str) -> None:
    lines = ["Ferry Forum", thanks, "Norway and Chile signed the ferry pact in Oslo."]
    assert reaction_kind(lines) == RECAP
    assert reaction_kind(["Ferry Forum", re.sub("(?i)hank", "ally", thanks)]) is None
