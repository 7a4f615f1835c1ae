"""Headlines and dates of shapes first met in dev18, read by a line's role.

Each case is an invented page in its own words: a bulletin of numbered pieces, a mail that
delivers a translated release, a journal page's line of dates. ``title_from`` and
``date_from`` say which line gave the headline and the date and by which rule (what
``aggregator explain`` prints).
"""

from __future__ import annotations

from datetime import UTC, datetime

from header_support import LEAD, SECOND, read

from aggregator.toolkit.document_parts import PART_RULE
from aggregator.toolkit.filing_exhibits import EXHIBIT_RULE
from aggregator.toolkit.header_dated import DAY_NAMED_RULE
from aggregator.toolkit.header_roles import ATTRIBUTION_RULE
from aggregator.toolkit.numbered_pieces import PIECE_NUMBER_REMOVED
from aggregator.toolkit.plaintext import DATE_OVER_HEADING, PUBLISHED_AMONG_DAYS

_BULLETIN = (
    "RIVERSIDE RESIDENTS' ASSOCIATION\nNewsletter | June 2026 | Issued 3 June 2026\n"
    "Dear neighbours,\n1. Second container berth opens at the river mouth\n{lead}\n"
    "2. Garden clean-up on Sunday\nBring gloves; tea will be served.\n"
)


def test_the_first_numbered_piece_of_a_bulletin_is_read_without_its_number() -> None:
    article = read(_BULLETIN.format(lead=LEAD))
    assert article.title == "Second container berth opens at the river mouth"
    assert article.title_from is not None
    assert article.title_from[0] == "1. Second container berth opens at the river mouth"
    assert article.title_from[1].endswith(PIECE_NUMBER_REMOVED)


def test_a_numbered_list_with_no_paragraph_under_its_entries_keeps_its_numbers() -> None:
    article = read(
        "HARBOUR BOARD\nBerth allocation\n1. Second container berth opens to feeder ships\n"
        f"2. First berth closes for dredging in July\n{LEAD}\n"
    )
    assert article.title.startswith("1. ")


def test_a_delivery_mail_is_headlined_by_the_document_it_carries_and_dated_by_it() -> None:
    article = read(
        "From: Wordbridge Language Services <jobs@wordbridge.example>\n"
        "To: Press Office <press@harbour.example>\n"
        "Date: Thu, 4 Jun 2026 09:12:00 +0530\n"
        "Subject: [Delivery] Job #2291 EN translation - berth opening release\n"
        "Dear Ms. Rao,\n"
        "Please find below the English translation of your release, as agreed last week.\n"
        "Source: Marathi | Target: English | Translator: P. Kulkarni | Status: Final\n"
        "Press Release / June 2, 2026 / Harbour Board, Communications Cell\n"
        f"Harbour Board Opens Second Container Berth\n{LEAD}\n{SECOND}\n"
    )
    assert article.title == "Harbour Board Opens Second Container Berth"
    assert article.title_from is not None
    assert "subject names what it delivers" in article.title_from[1]
    assert article.published == datetime(2026, 6, 2, tzinfo=UTC)
    assert article.date_from == (
        "Press Release / June 2, 2026 / Harbour Board, Communications Cell",
        DATE_OVER_HEADING,
    )


def test_a_journal_pages_line_of_dates_gives_its_published_day() -> None:
    article = read(
        "Coastal Studies Review | Volume 8, Issue 1\n"
        "Feeder ships and the second berth: capacity at a river port\n"
        "Received 3 Jan 2026, Accepted 2 Apr 2026, Published online: 21 May 2026\n"
        f"{LEAD}\n"
    )
    assert article.published == datetime(2026, 5, 21, tzinfo=UTC)
    assert article.date_from is not None
    assert article.date_from[1] == PUBLISHED_AMONG_DAYS


def test_a_reports_chapter_heading_under_the_reports_name_is_the_headline() -> None:
    article = read(
        "Report No. 2 of 2026 - Audit of the Harbour Board's Capital Works\n"
        "Tabled in the Assembly on 12 May 2026\n"
        "Chapter 4: Second Container Berth at the River Mouth\n"
        f"{LEAD}\n{SECOND}\n"
    )
    assert article.title == "Chapter 4: Second Container Berth at the River Mouth"
    assert article.title_from is not None
    assert article.title_from[1] == PART_RULE
    assert article.published == datetime(2026, 5, 12, tzinfo=UTC)


def test_the_line_under_a_parts_locator_is_the_headline_the_locator_is_not() -> None:
    article = read(
        "Annual Review of the Ports 2026\nContents | Chapter 1 | Chapter 2 | Data\n"
        "Part II, Chapter 4, Section 1\nFeeder traffic at river ports: a second berth\n"
        f"Published: May 20, 2026\n{LEAD}\n"
    )
    assert article.title == "Feeder traffic at river ports: a second berth"
    assert article.title_from is not None
    assert article.title_from[1] == PART_RULE


def test_a_scripts_cue_before_the_headline_is_not_part_of_it() -> None:
    article = read(
        "RIVER CITY TV - NEWSDESK\nRUNDOWN: EVENING 7 | Mon 01-06-2026 | Anchor: R. Das\n"
        "04  PORT-BERTH\nSUPER: Second container berth opens at the river mouth\n"
        f'ANCHOR: {LEAD}\nVO: {SECOND}\nSOT: (Port chairman) "A good day for the river."\n'
        "SUPER: River mouth port\n"
    )
    assert article.title == "Second container berth opens at the river mouth"
    assert article.title_from is not None
    assert article.title_from[1].endswith("script's cue removed")


def test_a_kicker_in_capitals_stays_outside_a_script() -> None:
    article = read(f"TASTE TEST: THE NEW NOODLE BAR ON HARBOUR ROAD\n{LEAD}\n")
    assert article.title.upper() == "TASTE TEST: THE NEW NOODLE BAR ON HARBOUR ROAD"


def test_a_street_address_under_the_masthead_is_never_the_headline() -> None:
    article = read(
        "RIVERMOUTH GRAIN BROKERS PVT. LTD. | Established 1931\n"
        "22 Strand Road, Rivermouth 700001\nMARKET REPORT\n"
        "Sale No. 14 | Rivermouth | 2nd & 3rd June 2026\n"
        f"Sale No. 14: Second berth lifts export sentiment\n{LEAD}\n"
    )
    assert article.title == "Sale No. 14: Second berth lifts export sentiment"


def test_a_kicker_over_a_name_and_its_number_stays() -> None:
    article = read(
        "RIVERMOUTH GRAIN BROKERS PVT. LTD. | Established 1931\n"
        "22 Strand Road, Rivermouth 700001\nMARKET REPORT: Sale No. 13\n"
        f"Rivermouth | 26th & 27th May 2026\n{LEAD}\n"
    )
    assert article.title == "MARKET REPORT: Sale No. 13"


def test_a_filings_exhibit_heading_is_the_headline_not_its_cover() -> None:
    article = read(
        "UNITED STATES\nSECURITIES AND EXCHANGE COMMISSION\nWashington, D.C. 20549\nFORM 6-K\n"
        "REPORT OF FOREIGN PRIVATE ISSUER PURSUANT TO RULE 13a-16 OR 15d-16\n"
        "For the month of June 2026\nCommission File Number: 001-40001\n"
        "Indicate by check mark whether the registrant files annual reports under cover of "
        "Form 20-F.\n"
        "RIVERMOUTH PORTS CORPORATION\nForm 20-F ☒ Form 40-F ☐\nEXHIBIT INDEX\n"
        "Exhibit 99.1 Press release dated June 2, 2026\n"
        "Rivermouth Ports Opens Second Container Berth\n"
        f"RIVERMOUTH, June 2, 2026 -- {LEAD}\n{SECOND}\n"
    )
    assert article.title == "Rivermouth Ports Opens Second Container Berth"
    assert article.title_from is not None
    assert article.title_from[1] == EXHIBIT_RULE
    assert article.published == datetime(2026, 6, 2, tzinfo=UTC)


def test_a_list_named_for_its_day_is_headlined_by_its_name_and_dated_by_its_stamp() -> None:
    article = read(
        "HARBOUR TRIBUNAL\nRIVERMOUTH BENCH\nDAILY CAUSE LIST FOR TUESDAY, 2ND JUNE, 2026\n"
        "COURT - I\nFOR ADMISSION\n"
        "1. CP 12/2026 Rivermouth Ports Ltd. v. Delta Dredging Ltd. (Adv. K. Sen)\n"
        "2. CP 19/2026 Estuary Shipping Ltd. v. Harbour Board\nRegistrar\n"
        "Uploaded on 01-06-2026 at 18:00\n"
    )
    assert article.title == "DAILY CAUSE LIST FOR TUESDAY, 2ND JUNE, 2026"
    assert article.title_from is not None
    assert article.title_from[1] == DAY_NAMED_RULE
    assert article.published is not None
    assert article.published.date() == datetime(2026, 6, 1).date()


def test_a_reference_pages_title_over_its_attribution_is_the_headline() -> None:
    article = read(
        "Portal:Harbour news/2026 June 2\nFrom Riverpedia, the free encyclopedia\n"
        "< June 1 | June 3 >\nJune 2, 2026 (Tuesday)\nedit | history | watch\n"
        f"Business and economy\n{LEAD}\n{SECOND}\n"
    )
    assert article.title == "Portal:Harbour news/2026 June 2"
    assert article.title_from is not None
    assert article.title_from[1] == ATTRIBUTION_RULE
    assert article.published == datetime(2026, 6, 2, tzinfo=UTC)
    assert "< June 1 | June 3 >" not in article.body


def test_an_office_named_with_a_hyphenated_word_is_a_name_not_the_headline() -> None:
    article = read(
        "Consulate-General of Rivermouth in Harbour City\nPort > Notices\n"
        f"Notice No. P-2026-04 | June 2, 2026\nSecond container berth opens to feeder ships\n"
        f"{LEAD}\n"
    )
    assert article.title == "Second container berth opens to feeder ships"


def test_a_post_at_a_commissionerate_is_a_name_over_the_first_piece() -> None:
    article = read(
        "RIVERMOUTH POLICE\nDaily Press Bulletin No. 61/2026\nDated: 02.06.2026\n"
        "Public Relations Officer, Police Commissionerate Rivermouth\n"
        f"1. Traffic diverted near the second container berth\n{LEAD}\n"
        "2. Lost child found in the market\nThe boy was home within the hour.\n"
    )
    assert article.title == "Traffic diverted near the second container berth"


def test_a_forms_numbered_date_field_does_not_date_the_form() -> None:
    article = read(
        "FORM B\nPUBLIC NOTICE\nFOR THE ATTENTION OF THE CREDITORS OF DELTA DREDGING LIMITED\n"
        "1. Name of the company: Delta Dredging Limited\n2. Date of incorporation: 04.07.1996\n"
        f"{LEAD}\n{SECOND}\nDate: 01.06.2026 | Place: Rivermouth\n"
    )
    assert article.published == datetime(2026, 6, 1, tzinfo=UTC)


def test_an_exhibit_named_in_a_court_story_leaves_its_headline_and_lead() -> None:
    lead = (
        "Jurors in the harbour crane case were shown photographs of the crash scene on "
        "Tuesday, as the prosecution began its third week of evidence."
    )
    article = read(
        f"Jury sees photographs of crash scene\nBy Mira Sol\n{lead}\n{SECOND}\n"
        "Exhibit 12\nSkid marks on the road\n"
        "The defence said the marks were left by another lorry weeks before the crash.\n"
    )
    assert article.title == "Jury sees photographs of crash scene"
    assert lead in article.body


def test_an_organisation_word_inside_a_hyphenated_word_leaves_a_headline_a_headline() -> None:
    for headline in (
        "Co-Pilot Lands Plane After Captain Falls Ill",
        "Rivermouth Reach Group-Stage Final After Late Goal",
        "Harbour Towns Begin Trust-Building Talks With Traders",
    ):
        article = read(
            f"{headline}\nPassengers cheered as the aircraft touched down safely\n"
            f"By Mira Sol\n{LEAD}\n{SECOND}\n"
        )
        assert article.title == headline


def test_a_deck_that_cites_a_laws_section_stays_under_its_headline() -> None:
    for headline, deck in (
        (
            "Curbs imposed in old city after clashes",
            "Section 144: Gatherings of more than four people banned",
        ),
        ("Coastal airline files for bankruptcy protection", "Chapter 11: What it means for you"),
    ):
        article = read(f"{headline}\n{deck}\n{LEAD}\n{SECOND}\n")
        assert article.title == headline
