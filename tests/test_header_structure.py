"""The headline and date read from the structure of a header, on invented articles.

Each case is a shape of header the reader knows by structure (a label above the
headline, a site's name above its navigation, a headline wrapped over lines, a block
of lines in capitals, "Label: value" fields, a notice above the header), never by
naming an outlet.
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from aggregator.toolkit.lines import wrap_width
from aggregator.toolkit.plaintext import extract_article

REFERENCE = datetime(2026, 3, 1, tzinfo=UTC)
LEAD = (
    "The river authority opened two new ferry landings on Monday, cutting the crossing "
    "for commuters from the eastern bank by almost twenty minutes."
)
SECOND = "Boats will run every quarter of an hour at peak times, the authority said."
HEADLINE = "River authority opens two ferry landings for eastern commuters"


def read(header: str, body: str = f"{LEAD}\n{SECOND}\n") -> tuple[str, datetime | None, str]:
    article = extract_article(header + body, reference=REFERENCE)
    return article.title, article.published, article.body


def test_a_line_under_a_section_label_wins_over_a_tagline_above_it() -> None:
    title, published, body = read(
        "Lowland Boatmen's Guild\nKeeping the river moving since 1921\nPRESS NOTE\n"
        f"{HEADLINE}\n12 February 2026\n"
    )
    assert title == HEADLINE
    assert published == datetime(2026, 2, 12, tzinfo=UTC)
    assert "since 1921" not in body


def test_a_label_in_mixed_case_is_not_a_section_label() -> None:
    title, _, _ = read(f"Listen · 3 min\n{HEADLINE}\nBy Tova Lind\n")
    assert title == HEADLINE


def test_a_site_name_above_its_navigation_is_not_the_headline() -> None:
    title, _, _ = read(f"Notes from the Delta\nSubscribe\nSign in\n{HEADLINE}\nFeb 12, 2026\n")
    assert title == HEADLINE


def test_a_saved_window_title_above_the_page_is_not_the_headline() -> None:
    title, _, _ = read(
        "Ferry landings open on the eastern bank - River Courier\n"
        "RIVER COURIER\nHome | City | Region | Sport\n"
        f"{HEADLINE}\n12 February 2026\n"
    )
    assert title == HEADLINE


@pytest.mark.parametrize(
    ("lines", "headline"),
    [
        (
            ["Ferry landings open for commuters from the", "eastern bank of the river"],
            "Ferry landings open for commuters from the eastern bank of the river",
        ),
        (
            ["Ferry Landings Open for Commuters From the", "Eastern Bank"],
            "Ferry Landings Open for Commuters From the Eastern Bank",
        ),
        (
            ["Two ferry landings open", "on the eastern bank"],
            "Two ferry landings open on the eastern bank",
        ),
    ],
)
def test_a_headline_wrapped_over_lines_is_joined(lines: list[str], headline: str) -> None:
    title, _, _ = read("\n".join(lines) + "\n12 February 2026\n")
    assert title == headline


def test_a_headline_wrapped_at_the_width_of_hard_wrapped_text_is_joined() -> None:
    wrapped = (
        "The river authority opened two new ferry landings on Monday, cutting the crossing for\n"
        "commuters from the eastern bank by almost twenty minutes, and said more would follow.\n"
        "Boats will run every quarter of an hour at peak times and every half hour otherwise, it\n"
        "said, and the fare will stay the same as on the old crossing for at least another year.\n"
        "The landings were built on floating pontoons so that they rise and fall with the river.\n"
    )
    title, _, _ = read(
        "River authority opens two ferry landings and a pontoon at Eastern Bank and Mill\n"
        "Street Quay in Lowland\n",
        wrapped,
    )
    assert title == (
        "River authority opens two ferry landings and a pontoon at Eastern Bank and Mill "
        "Street Quay in Lowland"
    )


def test_a_credit_or_a_date_does_not_go_on_with_the_headline() -> None:
    title, published, _ = read(f"{HEADLINE} for the\nvia Delta Wire · 12 Feb 2026, 6:30 PM\n")
    assert title == f"{HEADLINE} for the"
    assert published is not None and published.date() == datetime(2026, 2, 12).date()


def test_in_a_header_all_in_capitals_the_headline_is_the_last_line_that_names_nothing() -> None:
    title, published, _ = read(
        "RIVERS DEPARTMENT\nLOWER HOUSE\nWRITTEN QUESTION NO. 512\nANSWERED ON 12.02.2026\n"
        "FERRY LANDINGS ON THE EASTERN BANK\n512. A MEMBER ASKS:\n"
    )
    assert title == "Ferry Landings on the Eastern Bank"
    assert published == datetime(2026, 2, 12, tzinfo=UTC)


def test_a_headline_given_in_mixed_case_keeps_its_apostrophes_lower() -> None:
    title, _, _ = read(
        "RIVERS DEPARTMENT\nLOWER HOUSE\nWRITTEN QUESTION NO. 513\nANSWERED ON 12.02.2026\n"
        "THE DELTA’S FERRIES AND O'BRIEN'S LANDING\n513. A MEMBER ASKS:\n"
    )
    assert title == "The Delta’s Ferries and O'Brien's Landing"


@pytest.mark.parametrize(
    "field",
    [
        "Registry Code: 48213",
        "Ticker: RVRA",
        "Feed: Delta Courier — City News",
        "Text and photos: Ilse Marr",
        "Company name: Lowland Ferries Limited",
        "SERIES ONE: Rivers of the Plain",
    ],
)
def test_label_fields_are_never_the_headline(field: str) -> None:
    title, _, _ = read(f"{field}\n{HEADLINE}\n12 February 2026\n")
    assert title == HEADLINE


def test_a_headline_with_a_colon_is_not_a_label_field() -> None:
    headline = "Trip report: riding the first ferry from the new landing"
    title, _, _ = read(f"{headline}\n12 February 2026\n")
    assert title == headline


def test_quotes_around_a_front_matter_title_are_not_the_headline() -> None:
    title, published, _ = read(f'---\ntitle: "{HEADLINE}"\ndate: 2026-02-12\n---\n')
    assert title == HEADLINE
    assert published == datetime(2026, 2, 12, tzinfo=UTC)


def test_a_notice_above_the_header_does_not_end_it() -> None:
    title, published, body = read(
        "Note: This is a courtesy translation of a notice filed in another language, and the "
        "original text prevails in case of any difference between the two versions of it.\n"
        "February 12, 2026\nCompany name: Lowland Ferries Limited\n"
        "Notice Regarding the Opening of Two Ferry Landings\n"
    )
    assert title == "Notice Regarding the Opening of Two Ferry Landings"
    assert published == datetime(2026, 2, 12, tzinfo=UTC)
    assert LEAD in body


def test_a_display_name_over_a_handle_is_a_byline() -> None:
    article = extract_article(
        "Ilse Marr 🌊\n@ilse_on_rivers\n"
        "Took the first boat from the new eastern landing this morning. Some notes on the way\n"
        f"{LEAD}\n",
        reference=REFERENCE,
    )
    assert article.byline == ["Ilse Marr"]
    assert "@ilse_on_rivers" not in article.body


def test_a_date_on_the_masthead_line_above_the_headline_is_the_date() -> None:
    title, published, _ = read(
        "THE DELTA COURIER PORT MARA THURSDAY 12 FEBRUARY 2026 | 7\nCITY\n"
        "Two ferry landings open\non the eastern bank\n"
    )
    assert title == "Two ferry landings open on the eastern bank"
    assert published == datetime(2026, 2, 12, tzinfo=UTC)


def test_a_category_path_is_not_the_headline() -> None:
    title, _, _ = read("Transport · River Services\nWhy do the ferries stop at nine?\n")
    assert title == "Why do the ferries stop at nine?"


def test_the_footer_date_is_the_place_and_date_line_not_the_page_update() -> None:
    _, published, _ = read(
        f"{HEADLINE}\n",
        f"{LEAD}\n{SECOND}\nPort Mara, 12 February 2026\nRelated Information\n"
        "Ferries of the Delta\nVisitor Counter : 1482\nLast Updated: 13 Feb 2026\nBack to top\n",
    )
    assert published == datetime(2026, 2, 12, tzinfo=UTC)


def test_a_date_among_the_words_of_a_footer_line_is_the_date() -> None:
    _, published, _ = read(
        f"{HEADLINE}\n", f"{LEAD}\n{SECOND}\n7:52 PM · Feb 12, 2026 · 58.2K Views\nShow more\n"
    )
    assert published is not None and published.date() == datetime(2026, 2, 12).date()


def test_a_date_in_a_sentence_of_the_footer_is_not_the_date() -> None:
    _, published, _ = read(
        f"{HEADLINE}\n", f"{LEAD}\n{SECOND}\nThe next landing opens on 4 May 2026.\n"
    )
    assert published is None


def test_a_date_line_under_a_standfirst_and_a_byline_is_the_header_date() -> None:
    title, published, _ = read(
        f"{HEADLINE}\nThe new landings matter more than the new boats, and here is why.\n"
        "By Tova Lind\n12/2/2026\n"
    )
    assert title == HEADLINE
    assert published == datetime(2026, 2, 12, tzinfo=UTC)


def test_every_header_line_above_the_headline_leaves_the_body() -> None:
    _, _, body = read(
        "REGIONAL GOVERNMENT OF LOWLAND\nRIVERS AND PORTS DEPARTMENT\nPort Mara\nPRESS NOTE\n"
        f"{HEADLINE}\n"
    )
    assert body.split("\n\n") == [LEAD, SECOND]


def test_label_fields_under_the_headline_are_metadata() -> None:
    title, published, body = read(
        f"BRIEFING NOTE\n{HEADLINE}\nPrepared by: Ports Office (T. Lind)\n"
        "Distribution: Board; Harbour Master\nClassification: Internal\nDate: 12 February 2026\n"
    )
    assert title == HEADLINE
    assert published == datetime(2026, 2, 12, tzinfo=UTC)
    assert body.split("\n\n") == [LEAD, SECOND]


def test_a_question_is_the_headline_not_the_start_of_the_body() -> None:
    question = "Why do the ferries from the eastern landing stop running at nine in the evening?"
    title, _, _ = read(f"AskTown\nTransport · River Services\n{question}\n")
    assert title == question


def test_a_line_under_a_breadcrumb_is_the_headline() -> None:
    title, _, _ = read(
        "Rivers Department\nHome > News > Press Notes > Notes of the Rivers Department on Ferries\n"
        f"{HEADLINE}\nTuesday, February 10, 2026, 10:35 a.m.\n"
    )
    assert title == HEADLINE


def test_a_counter_is_not_a_breadcrumb() -> None:
    title, _, _ = read(f"{HEADLINE}\n12 February 2026\n1 / 6\n")
    assert title == HEADLINE


@pytest.mark.parametrize(
    ("line", "day"),
    [
        ("Answered February 12, 2026", 12),
        ("Updated Feb 11, 2026", 11),
        ("9:12 PM · Feb 10, 2026", 10),
    ],
)
def test_a_date_line_at_the_top_of_the_body_is_the_date(line: str, day: int) -> None:
    _, published, _ = read(
        f"{HEADLINE}\n",
        f"Asked by a commuter on the eastern bank\nMira Holm · ferry pilot\n{line}\n{LEAD}\n",
    )
    assert published is not None and published.date() == datetime(2026, 2, day).date()


def test_an_unlabelled_date_line_after_paragraphs_is_not_the_date() -> None:
    _, published, _ = read(
        f"{HEADLINE}\n",
        f"{LEAD}\n{SECOND}\nFebruary 12, 2026\n" + f"{LEAD}\n{SECOND}\n" * 3,
    )
    assert published is None


def test_a_rating_field_is_not_the_headline() -> None:
    title, _, _ = read(f"River Equities | Sector Notes\nSector view: POSITIVE (kept)\n{HEADLINE}\n")
    assert title == HEADLINE


def test_a_profile_over_a_follower_count_is_not_the_headline() -> None:
    title, _, _ = read(
        "Ilse Marr\nFerry pilot | Rivers, boats and timetables\n1,204 followers\n2d •\n"
        f"{HEADLINE}\n"
    )
    assert title == HEADLINE


def test_a_translated_page_notice_does_not_end_the_header() -> None:
    title, published, _ = read(
        "This page has been translated from Lowlandic. Show original | Options\n"
        "Delta Courier WEB\nNews | Economy | Sports | Life\n"
        f"{HEADLINE}\n2026年2月12日 6時00分\n"
    )
    assert title == HEADLINE
    assert published is not None and published.date() == datetime(2026, 2, 12).date()


def test_every_line_of_a_front_matter_block_is_metadata() -> None:
    title, published, body = read(
        f'---\ntitle: "{HEADLINE}"\ndate: 2026-02-12\ntags:\n- ferries\n- rivers\n'
        "layout: post\ndraft: false\n---\n"
    )
    assert title == HEADLINE
    assert published == datetime(2026, 2, 12, tzinfo=UTC)
    assert body.split("\n\n") == [LEAD, SECOND]


def test_a_headline_ending_on_an_adverb_is_not_joined_with_its_author() -> None:
    headline = "Ferry Landings on the Eastern Bank: Two Years On"
    title, _, _ = read(f"{headline}\nTova Lind\nAbstract\n")
    assert title == headline


@pytest.mark.parametrize("line", ["Background", "Eastern Wire"])
def test_a_section_heading_or_a_paper_s_name_is_no_place_line(line: str) -> None:
    article = extract_article(
        f"{HEADLINE}\n12 February 2026\n{line}\n{LEAD}\n", reference=REFERENCE
    )
    assert article.dateline is None
    assert line in article.body.split("\n\n")


def test_the_wrap_width_allows_a_few_longer_lines() -> None:
    lines = ["x" * length for length in (88, 90, 91, 92, 89, 90, 92, 91, 87, 90, 147)]
    assert wrap_width(lines) == 92


def test_a_byline_under_a_standfirst_is_read_as_the_byline() -> None:
    article = extract_article(
        f"{HEADLINE}\nThe crossing is twenty minutes shorter, and the boats run later.\n"
        f"By Tova Lind\nFrom the print edition\n{LEAD}\n",
        reference=REFERENCE,
    )
    assert article.byline == ["Tova Lind"]
    assert "By Tova Lind" not in article.body


@pytest.mark.parametrize(
    "between",
    ["PRESS RELEASE\n", ""],
)
def test_a_document_below_a_covering_note_has_its_own_headline(between: str) -> None:
    title, _, body = read(
        "To,\nThe Registrar of Companies,\nDear Sir/Madam,\n"
        "Please find attached the release issued by the company today for your records.\n"
        f"Yours faithfully,\nFor Lowland Ferries Limited\nCompany Secretary\n{between}"
        f"{HEADLINE}\n",
        f"Port Mara, February 12, 2026: {LEAD}\n{SECOND}\n",
    )
    assert title == HEADLINE
    assert body.split("\n\n")[-1] == SECOND
    assert "Please find attached" not in body and "Yours faithfully" not in body


def test_paragraphs_above_a_labelled_line_stay_when_they_are_no_letter() -> None:
    first = "The river authority met on Monday to review the first week of the new ferries."
    _, _, body = read(
        "",
        f"{first}\n{LEAD}\nUPDATE\nPilots ask for a second boat at peak times\n{SECOND}\n",
    )
    assert first in body and LEAD in body


def test_a_thread_is_titled_by_its_first_post() -> None:
    article = extract_article(
        "Ilse Marr 🌊\n@ilse_on_rivers\n"
        "Rode every ferry in the delta this week. What changed with the new landings\n"
        "and what did not #ferries 🧵 1/4\n"
        "The eastern landing is the big one: twenty minutes saved on the crossing. (2/4)\n",
        reference=REFERENCE,
    )
    assert article.title == (
        "Rode every ferry in the delta this week. What changed with the new landings "
        "and what did not"
    )
    assert article.title_from is not None and article.title_from[1] == "first post of a thread"


def test_a_fraction_in_a_lead_is_no_thread() -> None:
    article = extract_article(
        f"{LEAD} About 3/4 of riders were commuters 2/3\n", reference=REFERENCE
    )
    assert article.title_from is None


def test_a_date_in_a_first_sentence_wrapped_over_lines_is_the_date() -> None:
    _, published, _ = read(
        f"{HEADLINE}\n",
        "The river authority opened two new ferry landings on the eastern bank\n"
        "of the delta on 12 February 2026. Boats will run every quarter of an\n"
        "hour at peak times, the authority said in a statement on its website.\n",
    )
    assert published == datetime(2026, 2, 12, tzinfo=UTC)


def test_a_header_line_repeating_the_subject_leaves_the_body() -> None:
    _, _, body = read(
        "Subject: Ferry alert — eastern landing\nFrom: Alerts <alerts@example.org>\n"
        "Ferry alert: eastern landing\n"
    )
    assert body.split("\n\n") == [LEAD, SECOND]
