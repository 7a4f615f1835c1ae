"""Labels, series lines, issue lines and name lines around a headline, on invented pages.

None of them is the headline: a section or series path between bars, a journal's
volume and issue, an obituary's name and years, a label naming the kind of piece or
in brackets before the headline.
"""

from __future__ import annotations

from datetime import UTC, datetime

from aggregator.toolkit.bylines import parse_byline
from aggregator.toolkit.header_lines import strip_kicker
from aggregator.toolkit.plaintext import extract_article

REFERENCE = datetime(2026, 3, 1, tzinfo=UTC)
LEAD = (
    "The river authority opened two new ferry landings on Monday, cutting the crossing "
    "for commuters from the eastern bank by almost twenty minutes."
)
HEADLINE = "River authority opens two ferry landings for eastern commuters"


def title_of(header: str) -> str:
    return extract_article(f"{header}\n\n{LEAD}\n", reference=REFERENCE).title


def test_a_section_path_between_bars_is_not_the_headline() -> None:
    assert title_of(f"Valley Weekly\nTransport | Ferries\n{HEADLINE}\n2026.02.11") == HEADLINE


def test_a_series_label_with_its_part_is_not_the_headline() -> None:
    header = f"Feature: The River Years | Part 2 of 5\n{HEADLINE}\nA deck that says more\n"
    assert title_of(header) == HEADLINE


def test_a_feed_counter_is_not_the_headline() -> None:
    header = (
        f"VALLEY NEWS SERVICE\nMember terminal | Item 0211 of 0340\nFiled: 11-02-2026\n{HEADLINE}"
    )
    assert title_of(header) == HEADLINE


def test_a_journal_issue_line_is_not_the_headline() -> None:
    header = f"River Studies Quarterly, Vol. 4, No. 2 (Summer 2026)\nBook Review\n{HEADLINE}"
    assert title_of(header) == HEADLINE


def test_an_obituary_name_and_years_is_not_the_headline() -> None:
    header = "OBITUARY\nMara Quell, 1938–2026\nThe ferrywoman of the eastern bank\n12 Feb 2026"
    assert title_of(header) == "The ferrywoman of the eastern bank"


def test_labels_before_a_headline_are_removed() -> None:
    assert strip_kicker(f"[Transport] {HEADLINE}") == HEADLINE
    assert strip_kicker(f"Commentary: {HEADLINE}") == HEADLINE
    assert strip_kicker(f"Media advisory | {HEADLINE}") == HEADLINE
    assert strip_kicker(f"Review: {HEADLINE}") == f"Review: {HEADLINE}"
    assert strip_kicker(f"Lowland: {HEADLINE}") == f"Lowland: {HEADLINE}"


def test_an_agency_version_tag_before_a_headline_is_removed() -> None:
    for tag in ("(LEAD)", "(2nd LD)", "(UPDATE 2)", "(URGENT)", "(REFILE)"):
        assert strip_kicker(f"{tag} {HEADLINE}") == HEADLINE
    assert strip_kicker(f"(Video) {HEADLINE}") == f"(Video) {HEADLINE}"
    assert title_of(f"Valley Agency\n(2nd LD) {HEADLINE}\nPosted: 2026-02-11 10:20") == HEADLINE


def test_a_bracketed_label_and_an_advisory_subject_lose_their_label() -> None:
    assert title_of(f"Valley Daily\n[Transport] {HEADLINE}\n2026-02-11 10:20") == HEADLINE
    subject = f"Subject: MEDIA ADVISORY: {HEADLINE}\nDate: 11 February 2026"
    assert title_of(subject) == HEADLINE


def test_a_reviewer_line_with_an_affiliation_is_a_byline() -> None:
    line = "Reviewed by Mara Quell, Visiting Fellow, Institute of River Studies"
    assert parse_byline(line) == (["Mara Quell"], None)
    assert parse_byline("By the Institute of River Studies") is None


def test_a_chat_channels_bold_headline_with_an_emoji() -> None:
    header = f"Ferry Channel\nChannel · 12K followers\n12 February 2026\n*⛴️ {HEADLINE}*"
    assert title_of(header) == HEADLINE


def test_a_printed_pages_header_gives_way_to_the_headline() -> None:
    header = (
        f"2/12/26, 10:15 AM     {HEADLINE} : Valley Online\nVALLEY ONLINE\n"
        f"Economy  >  Transport\n{HEADLINE}\n18:30 JST, February 11, 2026"
    )
    assert title_of(header) == HEADLINE


def test_a_subject_under_an_address_block_is_the_headline() -> None:
    header = (
        "No. RB/2026/0042\nLowland River Board\nRiver House, Lowland – 400001\n"
        "Dated: 02.03.2026\nTo,\nShri Mara Quell,\n14, Ferry Road,\n"
        "Subject: Information sought on the ferry landings under the records rules – reg.\n"
        "Madam,"
    )
    assert (
        title_of(header)
        == "Information sought on the ferry landings under the records rules – reg."
    )


def test_a_title_that_ends_on_a_colon_goes_on_in_its_next_line() -> None:
    header = (
        "VALLEY INSTITUTE WORKING PAPER No. 12\nFerries and Bridges Compared:\n"
        "The Eastern Bank Crossing since 1990\nMara Quell and Tom Ridley"
    )
    assert title_of(header) == (
        "Ferries and Bridges Compared: The Eastern Bank Crossing since 1990"
    )


def test_a_reply_prefix_is_never_part_of_the_headline() -> None:
    assert title_of(f"[ferry-list] Re: {HEADLINE}\nMara Quell\n") != f"Re: {HEADLINE}"


def test_a_tagline_boxed_in_the_banner_and_a_contents_entry_are_not_the_headline() -> None:
    rule = "=" * 60
    header = (
        f"{rule}\nFERRY NOTES WEEKLY\nRiver transport news for the people who run it\n{rule}\n"
        f"Issue #41 — 11 February 2026\n{HEADLINE}\nIN THIS ISSUE\n1. Pontoons: what changed\n"
        "2. Fares for the summer"
    )
    assert title_of(header) == HEADLINE


def test_the_name_a_reference_page_defines_is_its_headline() -> None:
    article = extract_article(
        "Riverpedia\nMain page | Contents | Random article\nFerries of Lowland\n"
        "From Riverpedia, the free river encyclopedia\n\n"
        "Ferries of Lowland are the boats that cross the Lowland river between its two banks, "
        "carrying about 40,000 passengers a day.\n",
        reference=REFERENCE,
    )
    assert article.title == "Ferries of Lowland"


def test_an_outlets_notice_about_itself_does_not_make_the_masthead_a_headline() -> None:
    article = extract_article(
        "The Valley Courier\nHome | News | Opinion\nCorrections and clarifications\n"
        "March 6, 2026\nThe Valley Courier is committed to accuracy and to correcting its "
        "errors promptly in this column every week.\n",
        reference=REFERENCE,
    )
    assert article.title == "Corrections and clarifications"


def test_the_line_under_a_theme_label_is_the_headline() -> None:
    header = (
        "Valley Currents\nMonthly | February 2026\n"
        "Theme: People Who Keep the River Crossings Running\n"
        f"{HEADLINE}\nReleased: 2026.02.01"
    )
    assert title_of(header) == HEADLINE


def test_a_papers_series_number_is_not_its_headline() -> None:
    header = "Valley Institute Working Paper No. 26-04\nFerries and Bridges Compared\nMara Quell"
    assert title_of(header) == "Ferries and Bridges Compared"


def test_a_title_case_name_in_curly_quotes_loses_them_a_quotation_keeps_them() -> None:
    name = "“Lowland Ferries Limited Q3 Results Conference Call”"
    assert title_of(f"{name}\nFebruary 20, 2026") == name[1:-1]
    quote = "“The river is busier than it has ever been”"
    assert title_of(f"{quote}\nFebruary 20, 2026") == quote


def test_a_headline_split_after_a_possessive_is_joined() -> None:
    header = "Ferries and Bridges: Evidence from Lowland's\nTwo Crossings\nMara Quell"
    assert title_of(header) == "Ferries and Bridges: Evidence from Lowland's Two Crossings"


def test_a_reviewed_books_author_is_not_the_reviews_byline() -> None:
    article = extract_article(
        "Review Quarterly, Vol. 2, No. 1\nBook Review\nA crossing told in small steps\n"
        "Ferries of the Lowland: A History, 1900–2025\nBy Tom Ridley\n412 pages\n"
        "Reviewed by Mara Quell, Visiting Fellow, Institute of River Studies\n\n"
        f"{LEAD}\n",
        reference=REFERENCE,
    )
    assert article.byline == ["Mara Quell"]
    assert "By Tom Ridley" in article.body.split("\n\n")


def test_an_agency_slug_and_a_press_release_label_go() -> None:
    for prefix in ("FACTBOX-", "EXPLAINER-", "UPDATE 1-", "Press release: "):
        assert strip_kicker(f"{prefix}{HEADLINE}") == HEADLINE
    embargo = "[EMBARGOED till 10:00 IST, 12 February]"
    assert title_of(f"{embargo} {HEADLINE}\nValley PR") == HEADLINE


def test_an_acronym_before_a_colon_is_who_speaks_not_a_kicker() -> None:
    assert strip_kicker(f"RBI: {HEADLINE}") == f"RBI: {HEADLINE}"
    assert strip_kicker(f"ESCAP: {HEADLINE}") == f"ESCAP: {HEADLINE}"
    assert strip_kicker(f"EXCLUSIVE: {HEADLINE}") == HEADLINE
    assert strip_kicker(f"MEDIA ADVISORY: {HEADLINE}") == HEADLINE


def test_a_newsletter_issue_named_by_its_date_is_not_the_headline() -> None:
    header = f"Valley Prefecture Newsletter\nReiwa 8 (2026) April Issue\n{HEADLINE}"
    assert title_of(header) == HEADLINE


def test_a_reading_time_and_a_posted_by_line_are_not_the_headline() -> None:
    assert title_of(f"Valley Notes\nRead time: 4 min\n{HEADLINE}") == HEADLINE
    assert parse_byline("Posted by Mara Quell") == (["Mara Quell"], None)
