"""Headlines and dates in odd places of a header, read by the shape around them.

Each case is an invented document: a live page whose headline carries the page's mark, a
saved article whose title line ends in its source and date, a monitoring transcript whose
story title sits in a "Segment:" field above speaker-labelled lines. ``title_from`` and
``date_from`` say which line gave the headline and the date and by which rule.
"""

from __future__ import annotations

from datetime import UTC, datetime

from header_support import LEAD, SECOND, read

from aggregator.toolkit.bounced_mail import returned_message
from aggregator.toolkit.header_lines import furniture_kind
from aggregator.toolkit.headline_tails import strip_headline_tail
from aggregator.toolkit.shaped_titles import capitals_over_dated_name, order_subject


def test_a_live_pages_mark_after_the_headline_is_not_part_of_it() -> None:
    article = read(
        "PortWatch\nShipping news and analysis\nNews | Ports | Live | Subscribe\n"
        "● LIVE | Rivermouth\n"
        "Rivermouth harbour board votes on second berth — Live updates\n"
        "Live coverage · 4 June 2026 · Board room\n\n11:02 AM\n"
        f"{LEAD}\n\n11:20 AM\n{SECOND}\n"
    )
    assert article.title == "Rivermouth harbour board votes on second berth"
    assert article.title_from is not None
    assert article.title_from[1].endswith("live page's mark removed")
    assert article.published == datetime(2026, 6, 4, tzinfo=UTC)


def test_a_saved_articles_source_and_date_in_brackets_give_its_date_not_its_headline() -> None:
    title_line = (
        "Second berth doubles Rivermouth's feeder capacity (The Coast Gazette, 2 June 2026)"
    )
    article = read(
        f"{title_line}\n"
        "- Your Highlight on Location 3-5 | Added on Thursday, 4 June 2026 08:12:40\n\n"
        f"{LEAD}\n==========\n{title_line}\n"
        "- Your Highlight on Location 9-10 | Added on Thursday, 4 June 2026 08:14:02\n\n"
        f"{SECOND}\n==========\n"
    )
    assert article.title == "Second berth doubles Rivermouth's feeder capacity"
    assert article.published == datetime(2026, 6, 2, tzinfo=UTC)
    assert article.date_from is not None
    assert article.date_from[0] == title_line


def test_a_brackets_tail_without_a_full_date_stays_in_the_headline() -> None:
    article = read(f"Rivermouth opens its second berth (Updated)\n\n{LEAD}\n{SECOND}\n")
    assert article.title == "Rivermouth opens its second berth (Updated)"


def test_a_segment_field_gives_a_transcripts_headline_not_its_speaker_lines() -> None:
    article = read(
        "HARBOUR MEDIA MONITORING — Broadcast Transcript\n"
        "Client: Rivermouth Port Board | Job No.: HM/26/06/118\n"
        "Channel: Coast TV\nProgramme: Evening Bulletin\nDate: 03/06/2026\n"
        "Time: 19:02:10–19:04:00 IST\nLanguage: English\n"
        "Segment: Second container berth opens at Rivermouth port\n"
        "Transcript:\n"
        f"ANCHOR: {LEAD}\nREPORTER (V/O): {SECOND}\n"
    )
    assert article.title == "Second container berth opens at Rivermouth port"
    assert article.published == datetime(2026, 6, 3, tzinfo=UTC)


BOUNCE = (
    "From: Mail Delivery System <MAILER-DAEMON@relay.coastport.example>\r\n"
    "To: Press Office <press@coastport.example>\r\n"
    "Date: Tue, 2 Jun 2026 23:50:41 +0000\r\n"
    "Subject: Mail delivery failed: returning message to sender\r\n\r\n"
    "This message was created automatically by mail delivery software.\r\n"
    "A message that you sent could not be delivered to one or more of its recipients.\r\n"
    "  desk@ferrynews.example\r\n    host mx.ferrynews.example: 550 5.1.1 user unknown\r\n\r\n"
    "------ This is a copy of the message, including all the headers. ------\r\n"
    "From: Press Office <press@coastport.example>\r\n"
    "Date: Wed, 3 Jun 2026 08:30:00 +0900\r\n"
    "Subject: {subject}\r\n\r\n"
    "Harbour board opens second container berth at Rivermouth\r\n\r\n"
    f"{LEAD}\r\n\r\n{SECOND}\r\n"
)


def test_a_bounce_is_read_as_the_message_it_returns() -> None:
    article = read(BOUNCE.format(subject="Second container berth opens at Rivermouth"))
    assert article.title == "Harbour board opens second container berth at Rivermouth"
    assert article.published == datetime(2026, 6, 2, 23, 30, tzinfo=UTC)
    assert article.date_from == ("Date: Wed, 3 Jun 2026 08:30:00 +0900", '"date:" field')
    assert not any("5.1.1" in line for line in article.body.splitlines())


def test_a_subject_naming_a_release_gives_way_to_the_releases_own_headline() -> None:
    article = read(
        "From: Press Office <press@coastport.example>\n"
        "Date: Wed, 3 Jun 2026 08:30:00 +0900\n"
        "Subject: Media Release: new berth for feeder ships\n\n"
        "Harbour board opens second container berth at Rivermouth\n\n"
        f"{LEAD}\n\n{SECOND}\n"
    )
    assert article.title == "Harbour board opens second container berth at Rivermouth"


def test_a_line_naming_the_companys_owner_is_not_the_headline() -> None:
    article = read(
        "PRODUCT SAFETY NOTICE\nRIVERMOUTH APPLIANCES PVT. LTD.\n"
        "A wholly owned subsidiary of Harbour Electric Holdings, Nagoya, Japan\n"
        "Notice No. RA/SN/2026/03\nDate: 02-06-2026\n"
        "Safety check offered for Model K7 kettles sold since March\n\n"
        f"{LEAD}\n{SECOND}\n"
    )
    assert article.title == "Safety check offered for Model K7 kettles sold since March"
    assert article.published == datetime(2026, 6, 2, tzinfo=UTC)


def test_a_series_banner_and_a_sponsors_credit_are_not_the_headline() -> None:
    article = read(
        "THE COAST GAZETTE\n"
        "PARTNER CONTENT | Presented by the Gazette Events Team\n"
        "PORT CITIES SUMMIT 2026 — Logistics Series\n"
        "Feeder ships and the future of river ports\n"
        "Summit held on May 20, 2026 at the Harbour Hall, Rivermouth\n"
        "Published: 2026.06.01\n\n"
        f"{LEAD}\n{SECOND}\n"
    )
    assert article.title == "Feeder ships and the future of river ports"


def test_a_release_line_with_its_full_date_is_no_headline() -> None:
    article = read(
        "HARBOUR WORKERS' PARTY\nPORT CHARTER 2030 — Our Pledge\n"
        "Chapter 4 › Ferries\nFerries: Cheaper Fares, Cleaner Boats\n"
        "Released at the party conference, Rivermouth, 2 June 2026\n\n"
        f"{LEAD}\n{SECOND}\n"
    )
    assert article.title != "Released at the party conference, Rivermouth, 2 June 2026"
    assert article.published == datetime(2026, 6, 2, tzinfo=UTC)
    assert furniture_kind("Issued in Rivermouth on 2 June 2026") == "date line"
    assert furniture_kind("Released hostages return to Rivermouth") is None


def test_an_orders_abstract_is_its_headline_and_its_dated_number_line_its_date() -> None:
    article = read(
        "GOVERNMENT OF THE COASTAL STATE\nABSTRACT\n"
        "Ports – Rivermouth harbour – Construction of a second container berth by the "
        "Harbour Board at an estimated cost of Rs. 310 crore – Administrative sanction "
        "accorded – Orders – Issued.\n"
        "PORTS AND INLAND WATERWAYS (P-3) DEPARTMENT\n"
        "G.O. (Ms) No. 18 Dated: 01.06.2026\n"
        "Read:\n1) From the Chairman, Harbour Board, Letter No. HB/2026/77, dated 14.04.2026.\n"
        f"ORDER:\n1. {LEAD}\n2. {SECOND}\n"
    )
    assert article.title == (
        "Ports – Rivermouth harbour – Construction of a second container berth by the "
        "Harbour Board at an estimated cost of Rs. 310 crore – Administrative sanction accorded"
    )
    assert article.published == datetime(2026, 6, 1, tzinfo=UTC)
    assert "GOVERNMENT OF THE COASTAL STATE" not in article.body


def test_a_reprints_old_date_gives_way_to_the_pages_own_date_at_its_foot() -> None:
    article = read(
        "THE COAST GAZETTE\nNews | Ports | Archives\nFrom the Archives\n"
        "SEVENTY YEARS AGO: JUNE 3, 1956\n"
        "Harbour board opens second wharf at Rivermouth\n\n"
        f"RIVERMOUTH, June 2: {LEAD}\n\n{SECOND}\n\n"
        "— From The Coast Gazette, June 3, 1956\n\n"
        "Published - June 3, 2026 06:00 am IST\n\nAlso from the archives\n"
    )
    assert article.published is not None
    assert article.published.date() == datetime(2026, 6, 3).date()


def test_the_day_a_factsheets_figures_stand_at_is_not_its_release_date() -> None:
    article = read(
        "HARBOUR MUTUAL FUND\nFACTSHEET | May 2026\nHarbour Ports Equity Fund\n"
        "Data as on May 31, 2026\n\nFund Manager Commentary\n"
        f"{LEAD}\n{SECOND}\n\nNet assets: ₹410.2 crore\n"
        "Past performance may or may not be sustained in future.\n"
        "Release date: 09/06/2026\nPage 3 of 12\n"
    )
    assert article.published == datetime(2026, 6, 9, tzinfo=UTC)


def test_a_document_named_with_its_date_is_dated_by_it_not_by_its_terms() -> None:
    article = read(
        "RIVERMOUTH PORT FINANCE LIMITED – OFFERING CIRCULAR\n"
        "Offering Circular dated 2 June 2026 to the Programme Memorandum dated 9 January 2026\n"
        "Issue date: 16 June 2026\nMaturity date: 16 June 2031\nCoupon: 7.10 per cent.\n\n"
        f"{LEAD}\n{SECOND}\n"
    )
    assert article.published == datetime(2026, 6, 2, tzinfo=UTC)
    assert article.date_from is not None
    assert article.date_from[0].startswith("Offering Circular dated 2 June 2026")


def test_a_follow_up_mails_heading_under_its_greeting_beats_its_thank_you_subject() -> None:
    article = read(
        "From: Harbour Logistics Forum <events@harbourforum.example>\n"
        "To: a.reader@mailbox.example\n"
        "Date: Thu, 4 Jun 2026 09:10:00 +0530\n"
        "Subject: Thanks for joining: River ports after the second berth\n\n"
        "HARBOUR LOGISTICS FORUM | Rivermouth\n\n"
        "Dear Asha,\n"
        "Thank you for joining our online session on Tuesday. Here is what we heard.\n\n"
        "Session notes: What a second berth means for feeder lines and river barges\n\n"
        f"{LEAD}\n\n{SECOND}\n"
    )
    assert article.title == (
        "Session notes: What a second berth means for feeder lines and river barges"
    )


def test_a_subject_that_is_no_courtesy_keeps_the_headline() -> None:
    article = read(
        "From: Harbour Logistics Forum <events@harbourforum.example>\n"
        "Date: Thu, 4 Jun 2026 09:10:00 +0530\n"
        "Subject: River ports after the second berth\n\n"
        "Dear Asha,\n"
        "Here is a note on the week at the port.\n\n"
        "Session notes: What a second berth means for feeder lines and river barges\n\n"
        f"{LEAD}\n\n{SECOND}\n"
    )
    assert article.title == "River ports after the second berth"


def test_a_draft_rules_long_name_over_the_notices_fields_is_its_headline() -> None:
    name = (
        "Draft Regulations partially amending the Regulations on Harbour Dues and Pilotage "
        "(reduced dues for feeder vessels calling at river ports with a second container "
        "berth, and the conditions under which pilots may board at the outer anchorage)"
    )
    article = read(
        "Harbour Board | Consultations (English page)\nHome | Consultations | Notices\n"
        f"Call for Comments\n{name}\nCase No.: 2026-118\nPosted: 2026/06/02\n"
        "Comment period: 2026/06/02 – 2026/07/01\n\n"
        f"Outline of the proposal\n1. {LEAD}\n2. {SECOND}\n"
    )
    assert len(name) >= 200
    assert article.title == name
    assert article.published == datetime(2026, 6, 2, tzinfo=UTC)


def test_a_title_in_capitals_over_two_lines_above_the_documents_dated_name() -> None:
    article = read(
        "RIVERMOUTH PORT FINANCE LIMITED – OFFERING CIRCULAR\n"
        "(incorporated with limited liability under the laws of the Coastal State)\n"
        "RIVERMOUTH PORT FINANCE LIMITED ₹5,000,000,000 7.10 PER CENT.\n"
        "SECURED BONDS DUE 2031 (HARBOUR BONDS)\n"
        "Offering Circular dated 2 June 2026 to the Programme Memorandum dated 9 January 2026\n"
        "Issue date: 16 June 2026\nMaturity date: 16 June 2031\nCoupon: 7.10 per cent.\n\n"
        f"{LEAD}\n{SECOND}\n"
    )
    assert article.title == (
        "RIVERMOUTH PORT FINANCE LIMITED ₹5,000,000,000 7.10 PER CENT. "
        "SECURED BONDS DUE 2031 (HARBOUR BONDS)"
    )
    assert article.published == datetime(2026, 6, 2, tzinfo=UTC)


def test_a_catalogue_entrys_showings_at_its_foot_do_not_date_it() -> None:
    article = read(
        "RIVERMOUTH FILM WEEK 2026 | 5–12 June\nProgramme | Tickets | Venues\n"
        "Harbour Stories\nHarbour Lights at Dusk\n"
        "Director: Mira Castell\n\nSynopsis\n\n"
        f"{LEAD}\n\n{SECOND}\n\nScreenings\n"
        "7 June (Sun) 18:30 — Harbour Hall\n9 June (Tue) 11:00 — Old Customs House, Room 2\n"
        "Buy tickets ›\n"
    )
    assert article.published is None


def test_a_works_short_title_over_its_original_title_is_the_headline() -> None:
    article = read(
        "RIVERMOUTH FILM WEEK 2026 | 5–12 June\nProgramme | Tickets | Venues\n"
        "Harbour Stories\nLow Tide\nOriginal title: Marée basse\n"
        "Country: France | Year: 2025 | 88 min\nDirector: Mira Castell\n\nSynopsis\n\n"
        f"{LEAD}\n\n{SECOND}\n"
    )
    assert article.title == "Low Tide"


def test_a_news_posts_headline_above_its_date_over_the_works_fields() -> None:
    article = read(
        "RIVERMOUTH FILM WEEK 2026 | 5–12 June\nProgramme | Tickets | Venues\nNews\n"
        "On the quay: director Mira Castell on 'Low Tide'\nPosted 2026.06.01\n"
        "Original title: Marée basse\nDirector: Mira Castell\n\n"
        f"{LEAD}\n\n{SECOND}\n"
    )
    assert article.title == "On the quay: director Mira Castell on 'Low Tide'"
    assert article.published == datetime(2026, 6, 1, tzinfo=UTC)


def test_a_segment_field_of_a_word_or_two_names_a_section_not_the_headline() -> None:
    article = read(
        "QUARTERLY RESULTS\nSegment: Ports\nHarbour board profit rises on feeder traffic\n"
        f"Date: 02/06/2026\n\n{LEAD}\n{SECOND}\n"
    )
    assert article.title == "Harbour board profit rises on feeder traffic"


def test_a_bracketed_aside_with_a_date_in_lower_case_stays_in_the_headline() -> None:
    line = "Harbour board delays the vote (see below, 14 May 2026)"
    assert strip_headline_tail(line) == (line, None)
    assert strip_headline_tail("Harbour board votes (The Coast Ledger, 14 MAY 2026)")[0] == (
        "Harbour board votes"
    )


def test_an_orders_abstract_in_capitals_and_a_title_on_the_first_line_read() -> None:
    abstract = "PORTS – LAND AT RIVERMOUTH – ALLOTMENT TO THE BOARD – ORDERS – ISSUED."
    assert order_subject([abstract], 0) == (
        0,
        "PORTS – LAND AT RIVERMOUTH – ALLOTMENT TO THE BOARD",
    )
    lines = [
        "Blurb",
        "HARBOUR 5% NOTES",
        "HARBOUR BONDS DUE 2031",
        "Offering Circular dated 3 May 2026",
    ]
    assert capitals_over_dated_name(lines, 1) == [1, 2]


def test_a_forwarded_news_mail_headed_with_a_delivery_failure_is_no_bounce() -> None:
    text = (
        "From: Desk <desk@paper.example>\nSubject: Delivery failure hits the ports\n\n"
        "For the morning list.\n---------- Forwarded message ---------\n"
        "From: wire@agency.example\nSubject: Ports\n\n" + LEAD
    )
    assert returned_message(text) is None
