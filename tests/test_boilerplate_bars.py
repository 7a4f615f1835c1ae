"""Bars of buttons or fields on one line, and a page's call to sign up: furniture whoever
publishes it; the article's own lines with bars or a "sign up" in them stay."""

from __future__ import annotations

import pytest
from boilerplate_support import cleaned, judge


@pytest.mark.parametrize(
    ("line", "rule"),
    [
        ("Share on Bluesky  Share on Mastodon  Email", "button bar"),
        ("Share  |  Comments (3)", "button bar"),
        ("Comments (27)  |  Post a comment", "button bar"),
        ("Mark as unread   Save for later   Open in browser", "button bar"),
        ("Drama | Tamil | UA | 48 min", "programme details"),
        ("Talk show | English, Malayalam | U | 2 hrs", "programme details"),
        (
            "Country: Peru | Year: 2024 | 96 min | Spanish with English subtitles",
            "programme details",
        ),
        ("Priya Rao | Head of Research | Harbour Capital Pvt. Ltd.", "title bar"),
        ("Anil Kumar | Chairman of the Port Trust", "title bar"),
        ("Joel Mathew | Senior Account Manager", "title bar"),
        ("Founder, Tidewater Foods | Seafood exporter since 2004 | Kochi", "title bar"),
        ("Coordinator (Outreach – Kerala Desk) | Coastal Ferries Board", "title bar"),
        ("Older posts »", "pager"),
        ("« Newer posts", "pager"),
        ("‹ 2.1 Roads and bridges | 2.3 Ports ›", "pager"),
        ("♥ 312 likes", "reaction tally"),
        ("👏 47", "reaction tally"),
        ("Enjoyed this? Sign up for the Harbour Weekly — one map every Monday.", "sign-up call"),
        ("Got this from a friend? Sign up here for the Port Brief.", "sign-up call"),
        (
            "Catch up on every ferry route each morning. Sign up for our Tide Daily newsletter.",
            "sign-up call",
        ),
    ],
)
def test_bars_and_sign_up_calls_go(line: str, rule: str) -> None:
    assert judge(line) == rule


@pytest.mark.parametrize(
    "line",
    [
        "Share prices fell 4% on Tuesday.",
        "Print edition",
        "Chief Minister opens the new ferry terminal | Coastal Post",
        "Letters to the Editor | Harbour Times",
        "Revenue | ₹12 crore | up 8%",
        "Ferry times | 45 min | every hour",
        "Kochi–Vypin | 20 min | hourly | ₹10",
        "Director of ports Anil Menon said the berth would open in June | Kochi",
        "Managing Director | 12 March 2026",
        "Chairman of port trust resigns | Kerala News | The Hindu",
        "Director of hit film arrested | Kochi | Crime",
        "Rail | English Channel | 135 min",
        "News at Nine | Malayalam | 60 min | 4.1 million",
        "Boatmen can sign up for the weekly training camp at the jetty.",
        "Sign up for the scheme closes on Friday, the board said.",
        "The race drew runners from 30 countries. Sign up for the next edition opens on 1 June, "
        "the organisers said.",
        "Sessions run from 6 am to 7 am. Sign up for the daily sessions is at the corporation "
        "office.",
        "Sign up for the weekly clinic of the port hospital is at the gate.",
        "The club has 40 members. Sign up for the newsletter of the club closes today.",
        "Next",
        "Previous owners",
        "₹ 500",
        "No. 7",
    ],
)
def test_lines_of_the_article_stay(line: str) -> None:
    assert judge(line) is None


def test_rows_of_names_and_posts_between_paragraphs_stay() -> None:
    text = (
        "The port trust named its new board on Monday after a year without one.\n\n"
        "Anil Kumar | Chairman, Port Trust\n\n"
        "Leela Thomas | Secretary, Port Trust\n\n"
        "The board meets for the first time next week to settle the dredging contract."
    )
    assert "Anil Kumar | Chairman, Port Trust" in cleaned(text)
    assert "Leela Thomas | Secretary, Port Trust" in cleaned(text)


def test_rows_of_a_ratings_table_between_paragraphs_stay() -> None:
    text = (
        "Evening news drew more viewers than the serials for the first time this year.\n\n"
        "News at Nine | Malayalam | 60 min | 4.1 million\n\n"
        "Harbour Hour | English | 30 min | 1.2 million\n\n"
        "The channel said the ferry strike coverage had drawn the new audience."
    )
    assert "News at Nine | Malayalam | 60 min | 4.1 million" in cleaned(text)
    assert "Harbour Hour | English | 30 min | 1.2 million" in cleaned(text)


def test_a_mail_signature_goes_with_its_title_bar() -> None:
    text = (
        "The ferry board approved two new night routes on Monday.\n\n"
        "Both will start in June, the board said.\n\n"
        "Meera Iyer | Chief Dealer, Treasury | Coastal Bank Ltd."
    )
    assert "Coastal Bank" not in cleaned(text)
    assert "night routes" in cleaned(text)


@pytest.mark.parametrize(
    "line",
    [
        "¹ Coastal Institute of Economics, Kochi   ² Harbour University, Osaka",
        "(a) Department of Ocean Studies, Kochi University; (b) Harbour Institute, Osaka",
    ],
)
def test_a_paper_s_marked_affiliations_go(line: str) -> None:
    assert judge(line) == "affiliations"


@pytest.mark.parametrize(
    "line",
    [
        "(a) the port will be dredged; (b) the berth will be widened.",
        "¹ Figures for 2025 are provisional.",
        "(1) Kochi University will host the talks; (2) the institute will pay.",
        "* University exams postponed in Kochi * School buses withdrawn in Idukki",
        "(a) the University shall refund the fees; (b) the College shall readmit the students",
        "(a) The University was closed; (b) The College is open",
        "(b) Department of Ocean Studies, Kochi University; (a) Harbour Institute, Osaka",
    ],
)
def test_marked_lines_of_the_article_stay(line: str) -> None:
    assert judge(line) is None


@pytest.mark.parametrize(
    "line",
    [
        "See open roles →",
        "Talk to our port experts → | Download PDF",
        "Monsoon offers: up to 30% off on rice cookers »",
    ],
)
def test_a_link_that_calls_the_reader_on_goes(line: str) -> None:
    assert judge(line) == "link prompt"


@pytest.mark.parametrize(
    "line",
    ["India and Japan → a new chapter for the two navies", "Exports rose 12% → Rs 40,000 crore."],
)
def test_an_arrow_inside_a_line_is_no_link(line: str) -> None:
    assert judge(line) is None


@pytest.mark.parametrize(
    "line",
    [
        "[Book now] [Ask us] ★ 4.4 (318)",
        "[Request a brochure] [Call us] | Registered travel agency No. 3-xxxx",
        "[Port logo] [University logo] Scan for the full report ▣",
    ],
)
def test_a_row_of_bracketed_buttons_goes(line: str) -> None:
    assert judge(line) == "button bar"


def test_bracketed_marks_before_a_sentence_are_no_buttons() -> None:
    assert judge("[1] [2] Rainfall over the basin rose by a tenth, the study found.") != (
        "button bar"
    )
