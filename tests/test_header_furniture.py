"""Header lines that are no headline and dates that are no publication date, on invented
pages: a trail ending on a year, a series number, a rank before a byline's name, an
edition line with its date, a headline in capitals, wrapped prose in a PDF's header."""

from __future__ import annotations

from datetime import UTC, date, datetime

from aggregator import Item
from aggregator.plugins import clean_boilerplate as cb
from aggregator.toolkit.bylines import parse_byline
from aggregator.toolkit.header_lines import header_field
from aggregator.toolkit.plaintext import extract_article

REFERENCE = datetime(2026, 6, 1, tzinfo=UTC)
LEAD = (
    "The river authority opened two new ferry landings on Monday, cutting the crossing "
    "for commuters from the eastern bank by almost twenty minutes."
)


def read(text: str) -> tuple[str, date | None]:
    article = extract_article(text, reference=REFERENCE)
    return article.title, article.published.date() if article.published else None


def test_a_trail_that_ends_on_a_year_is_no_headline() -> None:
    text = (
        "Ministry of Ferries\nHome > Press Room > Briefings > 2026\n\n"
        "Briefing by the Minister of Ferries (Excerpt)\nTuesday, May 5, 2026\n\n"
        f"{LEAD}\n"
    )
    assert read(text) == ("Briefing by the Minister of Ferries (Excerpt)", date(2026, 5, 5))


def test_a_headline_that_opens_with_first_is_no_stamp_label() -> None:
    assert header_field("First Crossing: ferry pilots cross the bay at night") is None
    stamp = header_field("Last updated on: 4 May 2026")
    assert stamp is not None and stamp.label == "last updated on"
    text = (
        "RIVER REVIEW | 1–15 MAY 2026 | 7\nROWING\n"
        "First Crossing: ferry pilots cross the bay at night\nBy Capt (Retd) Anil Rao\n\n"
        f"{LEAD}\n"
    )
    assert read(text)[0] == "First Crossing: ferry pilots cross the bay at night"


def test_ranks_and_titles_before_a_byline_s_name() -> None:
    assert parse_byline("By Wg Cdr (Retd) Meenal Rao") == (["Wg Cdr (Retd) Meenal Rao"], None)
    assert parse_byline("By Lt Gen (Dr) Arun Rao and Priya Nair") == (
        ["Lt Gen (Dr) Arun Rao", "Priya Nair"],
        None,
    )
    assert parse_byline("By Road and Rail") is None


def test_a_series_number_above_the_title_is_no_headline() -> None:
    text = (
        "Harbour Institute\nHI Commentary No. 2026-12\n"
        "Managing the bay after the storm\n2026/05/04\n\n"
        f"{LEAD}\n"
    )
    assert read(text) == ("Managing the bay after the storm", date(2026, 5, 4))


def test_an_edition_line_gives_its_date_and_a_headline_in_capitals_stays_so() -> None:
    text = (
        "THE RIVER POST\nEVENING EDITION · Friday, May 8, 2026\nCITY | PORT | SPORT\nCITY\n\n"
        "FERRY FARES TO FALL FOR 40 VILLAGES\nBy Asha Rao\n\n"
        f"{LEAD}\n"
    )
    assert read(text) == ("FERRY FARES TO FALL FOR 40 VILLAGES", date(2026, 5, 8))


def test_a_header_all_in_capitals_gives_its_headline_in_mixed_case() -> None:
    text = (
        "GOVERNMENT OF LOWLAND\nMINISTRY OF FERRIES\nQUESTION NO. 12\n"
        "FERRY LANDINGS ON THE EAST BANK\n12. SHRI A. RAO:\n"
        "Will the Minister of FERRIES be pleased to state the number of new landings?\n"
    )
    assert read(text)[0] == "Ferry Landings on the East Bank"


def test_a_date_in_wrapped_prose_under_the_headline_is_the_story_s() -> None:
    text = (
        "RIVER REVIEW | 1–15 MAY 2026 | 7\nROWING\nNight crossings return to the bay\n"
        "By Anil Rao\n\n"
        "Four ferries, two tugs and a pilot boat of the river\n"
        "authority left the old landing at dusk on Monday\n"
        "for the first night crossing since the floods.\n"
        "The two-week trial, which began on 15 April, pairs\n"
        "the new boats with the old crews on every run.\n"
    )
    assert read(text) == ("Night crossings return to the bay", date(2026, 5, 1))


def test_a_title_repair_never_takes_a_line_that_opens_with_a_date() -> None:
    text = f"Tuesday, May 5, 2026 / 10:02 a.m. / Briefing Room\n\n{LEAD}"
    item = Item(id="x", source="s", uri="u", title="Skip to main content", text=text)
    cb.clean_item(item, cb.Learner(cb.Settings(learn=False)))
    assert not item.title.startswith("Tuesday") and item.extras.get("title_derived")


def test_a_title_led_by_emoji_or_in_two_scripts_is_a_headline() -> None:
    for title in (
        "🇮🇳🤝🇯🇵 3rd ferry partnership meeting held in Kochi",
        "【旅】川の夜明け｜Dawn on the river: walking the old landing",
        "成田から高知へ 初の定期便｜First Narita–Kochi ferry flight departs",
    ):
        text = f"{title}\nThe River Channel\n1.2K views\nPremiered May 5, 2026\n\n{LEAD}\n"
        assert read(text) == (title, date(2026, 5, 5)), title


def test_a_masthead_in_one_script_and_a_live_ticker_are_no_headlines() -> None:
    text = (
        "भारत का दूतावास, टोक्यो\nEmbassy of India, Tokyo\n\n"
        "Ferry day celebrated at India House, Tokyo\n5 May 2026\n\n"
        f"{LEAD}\n"
    )
    assert read(text)[0] == "Ferry day celebrated at India House, Tokyo"
    ticker = f"🔴 LIVE: Budget session day 7\n\nFerry fares to fall\nMay 5, 2026\n\n{LEAD}\n"
    assert read(ticker)[0] == "Ferry fares to fall"


def test_an_english_headline_loses_its_section_tag_in_brackets() -> None:
    headline = "【Overseas】Ferry firms sign 11 pacts in Kochi"
    text = f"THE FERRY DAILY | English Digest\n{headline}\n2026.05.04\n\n{LEAD}\n"
    assert read(text) == ("Ferry firms sign 11 pacts in Kochi", date(2026, 5, 4))


def test_a_repaired_title_loses_its_markdown_marks() -> None:
    text = f"**Ferry fares to fall for 40 villages**\n\n{LEAD}"
    item = Item(id="x", source="s", uri="u", title="Skip to main content", text=text)
    cb.clean_item(item, cb.Learner(cb.Settings(learn=False)))
    assert item.title == "Ferry fares to fall for 40 villages"


def test_a_motto_that_dates_the_house_is_no_headline() -> None:
    for motto in ("Independent research on rivers since 1998", "“Serving Ferrymen Since 1921”"):
        text = (
            f"LOWLAND CENTRE FOR RIVER STUDIES\n{motto}\nResearch | Events | People\n"
            "Event Report | 16 October 2025\nBook discussion: 'The Ferry Engineers'\n\n"
            f"{LEAD}\n"
        )
        assert read(text) == ("Book discussion: 'The Ferry Engineers'", date(2025, 10, 16))


def test_a_note_under_the_text_says_when_it_was_published() -> None:
    text = (
        f"THE RIVER TIMES\nEditorial: Night ferries are worth the cost\n\n{LEAD}\n\n"
        "(The original Lowlandic-language editorial was published on Oct. 17, 2025.)\n"
        "This is a translation of the editorial by the English desk.\n"
        "Past editorials\nFerry fares must fall\n© The River Times\n"
    )
    assert read(text)[1] == date(2025, 10, 17)
    sentence = f"Night ferries return\n\n{LEAD}\n\nThe plan was published on 3 May 2025, he said.\n"
    assert read(sentence)[1] is None


def test_a_notice_number_before_the_headline_is_dropped() -> None:
    text = (
        f"FERRY LINES — Trade Notices\nTN-41/2026 | Launch of the night ferry to Kochi\n\n{LEAD}\n"
    )
    assert read(text)[0] == "Launch of the night ferry to Kochi"


def test_an_office_named_by_its_units_is_no_headline() -> None:
    text = (
        "Press Material\nDate of issue: 19 October 2025\n"
        "Kagami City Hall, International Exchange Section, Planning Department\n"
        "Contact: Sato / Tel: 0761-00-1234\nFerry exchange with Kochi agreed\n\n"
        f"{LEAD}\n"
    )
    assert read(text) == ("Ferry exchange with Kochi agreed", date(2025, 10, 19))
