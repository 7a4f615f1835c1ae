"""Commentary says what it is, and stays out of the story of the event it is about.

Invented pages: a column, an editorial, an explainer, and the reports of one event.
"""

from __future__ import annotations

import pytest
from story_support import stored_by_file

from aggregator.testing import FeedProject
from aggregator.toolkit.piece_kind import commentary_label

REPORT = (
    "{headline}\nMarch 3, 2026\n\n"
    "Norway and Chile signed a ferry agreement in Oslo on Tuesday, the two foreign"
    " ministries said, opening a weekly service between Bergen and Valparaiso from June.\n\n"
    "The ferry will carry 400 passengers and 60 trucks, and Chile will build a new"
    " terminal at Valparaiso with a loan of 210 million kroner from Norway.\n"
)


@pytest.mark.parametrize(
    "header",
    [
        "Opinion\nA ferry is not a foreign policy",
        "Home > Opinion\nA ferry is not a foreign policy",
        "OPINION | A ferry is not a foreign policy",
        "Commentary: A ferry is not a foreign policy",
        "EXPLAINER-What the ferry agreement means",
        "Editorial\nFERRIES AND FRIENDS",
        "Editorial (Leder) | Translated\nA ferry is a start",
        "Opinion (guest column): A ferry is not a foreign policy",
        "News | Fact Check\nNo, the ferry will not be free for students",
        "FACT CHECK\nVERDICT: FALSE\nNo, the ferry will not be free for students",
        "TIMELINE-Ferries between Norway and Chile",
        "Timeline: a century of ferries to Valparaiso",
        "World > Chronology\nFerries between Norway and Chile",
    ],
)
def test_a_label_in_the_header_says_commentary(header: str) -> None:
    lines = [*header.split("\n"), "", "The agreement is a start, not a policy."]
    assert commentary_label(lines) is not None


@pytest.mark.parametrize(
    "note",
    ["(The writer is a former ambassador to Chile.)", "Views expressed are personal."],
)
def test_a_writer_s_note_at_the_foot_says_commentary(note: str) -> None:
    lines = ["A ferry is not a foreign policy", "", "The agreement is a start.", "", note]
    assert commentary_label(lines) == "opinion"


def test_a_platform_s_card_for_the_writer_says_commentary() -> None:
    lines = [
        "Open in app",
        "Riding the new ferry to Valparaiso",
        "Published in Harbour Notes · 4 min read · Mar 7, 2026",
        "The ferry from Bergen left on time, and I had a cabin to myself.",
        "Written by Ines Larraín",
        "3.4K followers · Teacher in Santiago. Writing about boats and borders.",
        "More from Ines Larraín",
        "Help | Status | About | Privacy | Terms",
    ]
    assert commentary_label(lines) == "opinion"


@pytest.mark.parametrize(
    "lines",
    [
        ["Ferry deal signed", "", "Text.", "Written by Ola Berg | Edited by Kari Dahl"],
        ["Ferry deal signed", "", "Text.", "Ferry Lines ASA", "Shipping · 48,210 followers"],
        ["News | Opinion | Sport | Culture | Travel", "Ferry deal signed", "", "Text."],
        ["Ferry deal signed", "", "Text.", "Views expressed by contributors are their own."],
        ["Ferry deal signed", "", "Officials gave their opinion: the ferry will pay."],
        ["Comment on this story", "Ferry deal signed", "", "Text."],
        ["Shipping (Norway) | Translated", "Ferry deal signed", "", "Text."],
    ],
)
def test_a_report_is_no_commentary(lines: list[str]) -> None:
    assert commentary_label(lines) is None


def test_commentary_stays_out_of_the_event_s_story(feed_project: FeedProject) -> None:
    feed_project.add_article("a.txt", REPORT.format(headline="Norway and Chile sign ferry pact"))
    feed_project.add_article("b.txt", REPORT.format(headline="Oslo, Santiago agree on ferry"))
    column = (
        "OPINION | Why the Norway-Chile ferry pact matters\nMarch 3, 2026\n\n"
        "Norway and Chile signed a ferry agreement in Oslo on Tuesday, and the weekly service"
        " between Bergen and Valparaiso from June is welcome, but a ferry is not a policy.\n\n"
        "The loan of 210 million kroner for the Valparaiso terminal will matter only if the"
        " 400 passengers and 60 trucks a week find reasons to travel.\n"
    )
    feed_project.add_article("c.txt", column)
    feed_project.plugin_config("judge_relevance", threshold=-100)
    assert feed_project.run().ok
    items = stored_by_file(feed_project)
    assert items["a.txt"].story_id == items["b.txt"].story_id
    assert items["c.txt"].story_id != items["a.txt"].story_id
    assert items["c.txt"].extras["commentary"] == "opinion"
    assert items["c.txt"].extras["cluster"].startswith("commentary")


def test_a_timeline_beside_the_day_s_news_stays_out_of_its_story(
    feed_project: FeedProject,
) -> None:
    """A chronology's intro names the day's event and its entries the subject's milestones:
    it shares the report's names, but is background to it, as a factbox is."""
    feed_project.add_article("a.txt", REPORT.format(headline="Norway and Chile sign ferry pact"))
    feed_project.add_article("b.txt", REPORT.format(headline="Oslo, Santiago agree on ferry"))
    timeline = (
        "TIMELINE-Key dates in the Norway-Chile ferry talks\nMarch 3, 2026\n\n"
        "Norway and Chile signed a ferry agreement in Oslo on Tuesday. Key dates:\n"
        "1998 - Bergen and Valparaiso become sister ports.\n"
        "Jun 2011 - A first study of a ferry between Norway and Chile is published.\n"
        "2019 - Chile asks Norway for a loan for the Valparaiso terminal.\n"
        "March 3, 2026 - The ferry agreement is signed in Oslo; a weekly service of 400"
        " passengers and 60 trucks starts in June, with a loan of 210 million kroner.\n"
    )
    feed_project.add_article("c.txt", timeline)
    feed_project.plugin_config("judge_relevance", threshold=-100)
    assert feed_project.run().ok
    items = stored_by_file(feed_project)
    assert items["a.txt"].story_id == items["b.txt"].story_id
    assert items["c.txt"].story_id != items["a.txt"].story_id
    assert items["c.txt"].extras["commentary"] == "timeline"


def test_an_opinion_label_below_a_one_paragraph_deck_still_labels_the_piece() -> None:
    """A column's page: headline, date, a one-paragraph deck that reads as a lead, then the
    "OPINION" label and the byline: the label names the piece."""
    lines = [
        "Chile's ferry deal asks too little of Norway",
        "March 4, 2026",
        "The agreement signed in Oslo is generous to shipowners and silent on the fjords.",
        "OPINION",
        "By Marta Soto",
        "Norway gets a route; Chile gets a terminal bill of 210 million kroner.",
    ]
    assert commentary_label(lines) == "opinion"


def test_a_timeline_box_below_the_story_s_summary_is_no_label() -> None:
    """A news app's page of one story: its lead card (outlet, time, headline, a summary
    paragraph), other outlets' cards, then a "Timeline" box of dated entries. The label
    heads a box of the page, below the text, not the piece."""
    lines = [
        "Newsreel",
        "Home > Full coverage",
        "Norway-Chile ferry",
        "Top coverage",
        "Harbour Gazette",
        "3 hours ago · 3 Mar 2026, 10:10 CET",
        "Norway and Chile sign ferry pact",
        "The weekly service between Bergen and Valparaiso starts in June, with a new"
        " terminal paid for by a loan of 210 million kroner from Norway...",
        "Fjord Post · 2 hours ago · Ferry pact: what changes for exporters",
        "Timeline",
        "12 Jan · Talks on a ferry open in Santiago",
        "Follow this story",
    ]
    assert commentary_label(lines) is None


@pytest.mark.parametrize(
    "label",
    ["OPINION", "Timeline", "Editorial"],
)
def test_a_label_between_a_long_deck_and_the_text_still_labels_the_piece(label: str) -> None:
    """A piece's deck can run to a paragraph; a label under it, over the piece's own text,
    is the piece's."""
    lines = [
        "Chile's ferry deal asks too little of Norway",
        "March 4, 2026",
        "The agreement signed in Oslo on Tuesday is generous to the shipowners of Bergen,"
        " silent on the fjords and costly for the port of Valparaiso, which must borrow.",
        label,
        "By Marta Soto",
        "Norway gets a weekly route to the Pacific, and Chile gets a terminal bill of 210"
        " million kroner that its port authority will be paying off for twenty years.",
    ]
    assert commentary_label(lines) == label.casefold()


def test_a_factbox_below_a_profile_s_paragraphs_still_labels_the_piece() -> None:
    """A profile written out in full, its subject's career in a "FACTBOX" below: the box
    is the piece's own, not a box of a page of cards."""
    lines = [
        "PROFILE-The harbour engineer who now runs Chile's ferry office in Oslo",
        "OSLO, March 9 - Marta Soto first came to Norway in 1999 as a young engineer with a"
        " borrowed coat, to help design the new quays of the port of Bergen.",
        "On Monday she took charge of the ferry office that Chile opened in Oslo to run the"
        " weekly service to Valparaiso, with a staff of twelve and a budget of her own.",
        "FACTBOX",
        "Born: 1972, Puerto Montt, Chile",
        "Career: port of Valparaiso since 1996; Bergen quays (1999-2004)",
    ]
    assert commentary_label(lines) == "factbox"


def test_a_timeline_whose_intro_is_cut_short_keeps_its_label() -> None:
    """An explainer's intro may end in "..." itself; with no other outlet's card between it
    and the kind line, the "Timeline" is the piece's own."""
    lines = [
        "How the Norway-Chile ferry row grew",
        "March 12, 2026",
        "The ferry pact signed in Oslo in March was meant to open a weekly route to the"
        " Pacific, but a dispute over who pays for the terminal soon followed. Here is how"
        " the row unfolded...",
        "Timeline",
        "3 Mar · Pact signed in Oslo",
        "7 Mar · Valparaiso port asks for a loan",
        "11 Mar · Talks on the terminal stall",
    ]
    assert commentary_label(lines) == "timeline"


def test_a_factbox_whose_deck_is_cut_short_keeps_its_label() -> None:
    lines = [
        "Who runs Chile's new ferry office in Oslo?",
        "March 9, 2026",
        "A harbour engineer who first came to Norway in 1999 to design the quays of Bergen,"
        " went home to run the port of Valparaiso, and then…",
        "FACTBOX",
        "Name: Marta Soto",
        "Born: 1972, Puerto Montt",
        "Career: port of Valparaiso since 1996",
    ]
    assert commentary_label(lines) == "factbox"
