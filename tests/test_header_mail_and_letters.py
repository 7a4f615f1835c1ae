"""Headlines and dates of mails, official letters, bulletins and app exports, read by shape.

Each case is an invented text: a raw message source with its transport fields and parts,
a mail whose subject numbers an issue or says less than the body's heading, a subject in
two scripts, an official letter "dated the 3rd June, 2026", a radio bulletin's "2330 UTC"
and a read-later export's "Source: outlet · date".
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

from header_support import LEAD, SECOND, read

from aggregator.toolkit.mail_source import unwrapped_mail
from aggregator.toolkit.subject_lines import latin_side, subject_headline

RAW_MAIL = (
    "Delivered-To: desk@paper.example\n"
    "Received: from relay.port.example (relay.port.example [198.51.100.7])\n"
    "        by mx.paper.example with ESMTPS id 91x; Tue, 02 Jun 2026 04:10:02 +0000\n"
    "DKIM-Signature: v=1; a=rsa-sha256; d=port.example; s=k1;\n"
    "        h=from:to:subject:date;\n"
    "From: Harbour Board Media <media@port.example>\n"
    "To: desk@paper.example\n"
    "Date: Tue, 2 Jun 2026 09:40:00 +0530\n"
    "Subject: Harbour board opens second berth\n"
    "MIME-Version: 1.0\n"
    'Content-Type: multipart/alternative; boundary="b0undary"\n'
    "\n"
    "--b0undary\n"
    'Content-Type: text/plain; charset="UTF-8"\n'
    "Content-Transfer-Encoding: 8bit\n"
    "\n"
    "Harbour board opens second berth at the river mouth – feeder capacity doubles\n"
    "\n"
    f"{LEAD}\n{SECOND}\n"
    "\n"
    "--b0undary\n"
    'Content-Type: text/html; charset="UTF-8"\n'
    "\n"
    "<p>html part</p>\n"
    "--b0undary--\n"
)


def test_a_raw_message_source_is_read_as_the_mail_its_reader_sees() -> None:
    mail = unwrapped_mail(RAW_MAIL)
    assert mail is not None
    assert mail.text.startswith("From: Harbour Board Media <media@port.example>\nTo: ")
    assert "Received:" not in mail.text and "<p>html part</p>" not in mail.text
    assert "Content-Transfer-Encoding: 8bit" in mail.dropped
    article = read(RAW_MAIL)
    assert article.title == (
        "Harbour board opens second berth at the river mouth – feeder capacity doubles"
    )
    assert article.published == datetime(2026, 6, 2, 9, 40, tzinfo=timezone(timedelta(hours=5.5)))
    assert ("Delivered-To: desk@paper.example", "mail transport") in article.metadata
    assert "Received" not in article.body and LEAD in article.body


def test_a_mail_without_transport_fields_is_no_raw_source() -> None:
    text = (
        "From: A <a@b.example>\nTo: c@d.example\nDate: 2 Jun 2026\n"
        f"Subject: Hi there all\n\n{LEAD}\n"
    )
    assert unwrapped_mail(text) is None
    assert unwrapped_mail(f"Harbour news\nFrom: a\n\n{LEAD}\n") is None


def test_a_subject_that_numbers_an_issue_gives_way_to_the_heading_of_the_body() -> None:
    article = read(
        "From: Riverside Residents <news@riverside.example>\nTo: members@riverside.example\n"
        "Date: Wed, 3 Jun 2026 08:00:00 +0900\n"
        "Subject: Newsletter No. 88: berth opening + summer picnic\n\n"
        "RIVERSIDE RESIDENTS — Newsletter\nNewsletter No. 88\n\n"
        "Second berth opens at the river mouth\n\n"
        f"{LEAD}\n{SECOND}\n"
    )
    assert article.title == "Second berth opens at the river mouth"
    assert article.title_from is not None
    assert article.title_from[1].endswith("under a subject that numbers an issue")


def test_a_subject_the_body_heading_says_more_than_gives_way_to_it() -> None:
    article = read(
        "From: Board <media@port.example>\nTo: desk@paper.example\n"
        "Date: Tue, 2 Jun 2026 09:40:00 +0530\n"
        "Subject: Press Release: Board opens second berth\n\n"
        "Rivermouth Harbour Board opens second berth for feeder ships\n\n"
        f"{LEAD}\n{SECOND}\n"
    )
    assert article.title == "Rivermouth Harbour Board opens second berth for feeder ships"


def test_a_subject_the_body_repeats_stays_the_headline() -> None:
    article = read(
        "From: Board <media@port.example>\nTo: desk@paper.example\n"
        "Date: Tue, 2 Jun 2026 09:40:00 +0530\n"
        "Subject: [Board News] Second berth opens at the river mouth\n\n"
        "Company name: Rivermouth Harbour Board\n\n"
        "Second berth opens at the river mouth\n\n"
        f"{LEAD}\n{SECOND}\n"
    )
    assert article.title == "Second berth opens at the river mouth"
    assert article.title_from is not None and article.title_from[1] == '"subject:" field'


def test_a_subject_in_two_scripts_is_read_by_its_latin_side_without_its_tag() -> None:
    article = read(
        "From: Consulate <info@consulate.example>\nTo: list@consulate.example\n"
        "Date: Thu, 4 Jun 2026 10:00:00 +0530\n"
        "Subject: 【お知らせ】港の新しい岸壁について / "
        "[Notice] Second berth opens at the river mouth\n\n"
        f"{LEAD}\n{SECOND}\n"
    )
    assert article.title == "Second berth opens at the river mouth"
    assert latin_side("港の新しい岸壁 / 岸壁") == "港の新しい岸壁 / 岸壁"
    assert latin_side("Tokyo / Osaka fares cut") == "Tokyo / Osaka fares cut"
    assert (
        subject_headline("✈ Summer fares from Tokyo to Delhi") == "Summer fares from Tokyo to Delhi"
    )
    assert subject_headline("5 ways to save") == "5 ways to save"


def test_an_official_letter_dated_the_nth_month_is_dated_and_no_headline() -> None:
    article = read(
        "Government of Rivermouth\nDepartment of Ports\n"
        "Notice No. 12/2026\nRivermouth, dated the 3rd June, 2026\n"
        f"{LEAD}\n{SECOND}\n"
    )
    assert article.published == datetime(2026, 6, 3, tzinfo=UTC)
    assert article.title != "Rivermouth, dated the 3rd June, 2026"


def test_a_bulletin_time_in_four_figures_before_its_zone_is_read_with_its_zone() -> None:
    article = read(
        f"RIVER RADIO — World Service\nBulletin: 2330 UTC, 07 June 2026\n\n"
        f"SECOND BERTH OPENS AT THE RIVER MOUTH\n\n{LEAD}\n{SECOND}\n"
    )
    assert article.published == datetime(2026, 6, 7, 23, 30, tzinfo=UTC)


def test_the_date_beside_a_source_field_is_the_originals_publication_date() -> None:
    article = read(
        "ReadLater — export\nSaved 2026-06-09 22:05\nSource: Harbour Courier · 8 June 2026\n\n"
        f"Second berth opens at the river mouth\n\n{LEAD}\n{SECOND}\n"
    )
    assert article.published == datetime(2026, 6, 8, tzinfo=UTC)
    assert article.date_from is not None and article.date_from[1] == "source's date"


def test_a_notices_number_line_names_it_and_the_line_under_it_is_the_headline() -> None:
    article = read(
        "Port Office | Rivermouth\nNotices | Tenders | Contact\n"
        "Harbour Customer Notice No. 2026/14\n\n"
        "Second berth opens at the river mouth\nIssued: 3 June 2026\n\n"
        f"{LEAD}\n{SECOND}\n"
    )
    assert article.title == "Second berth opens at the river mouth"
    assert article.published == datetime(2026, 6, 3, tzinfo=UTC)


def test_a_bulletins_reader_is_a_byline_and_the_capitals_under_it_the_headline() -> None:
    article = read(
        "RIVER RADIO — World Service\nBulletin: 0330 UTC, 07 June 2026\n"
        "Read by Mira Salonen\n\n"
        f"SECOND BERTH OPENS AT THE RIVER MOUTH\n\n{LEAD}\n{SECOND}\n"
    )
    assert article.title == "SECOND BERTH OPENS AT THE RIVER MOUTH"
    assert article.byline == ["Mira Salonen"]


def test_a_letterheads_headline_in_capitals_under_its_label_runs_on_over_two_lines() -> None:
    article = read(
        "रिवरमाउथ सरकार / Government of Rivermouth\n"
        "बंदरगाह विभाग / Department of Ports\n"
        "Ministry of Ports, Shipping & Inland Waterways\n"
        "Harbour Road, Rivermouth - 100001 | Tel: 011-2222 0000\n"
        "F. No. PORT/2026/07                                   Dated: 03.06.2026\n"
        "PRESS RELEASE\n\n"
        "SECOND CONTAINER BERTH OPENS AT THE MOUTH OF\n"
        "THE RIVER FOR FEEDER SHIPS\n\n"
        "The harbour board opened a second container berth at the river mouth on\n"
        "Monday. Two cranes will work the berth from July, the board said.\n"
    )
    assert article.title == (
        "SECOND CONTAINER BERTH OPENS AT THE MOUTH OF THE RIVER FOR FEEDER SHIPS"
    )
    assert article.published == datetime(2026, 6, 3, tzinfo=UTC)


def test_a_slide_storys_headline_is_the_line_under_its_counter_over_its_date() -> None:
    article = read(
        "The day in slides from Harbour TV\n◀ ▶  ⋮\nSlide 1 of 4\n"
        "Second berth opens at the river mouth, feeder capacity doubles\n"
        "Harbour TV Digital · 03 Jun 2026, 18:20 IST\n\n"
        f"Slide 2 of 4\n{LEAD}\nTap to continue ›\nSlide 3 of 4\n{SECOND}\n"
    )
    assert article.title == "Second berth opens at the river mouth, feeder capacity doubles"
    assert article.title_from is not None
    assert article.title_from[1].startswith("line over its byline")


def test_a_bulletins_piece_is_the_line_over_its_attribution_dash() -> None:
    article = read(
        "RIVERMOUTH ROWING CLUB\nTHE OAR — Weekly Bulletin\nIssue 212 | Saturday, 6 June 2026\n"
        "Captain: Ana Ruiz | Secretary: Tom Lee | Editor: Kai Berg\n"
        "This week: club night, Tuesday 7:00 pm, boathouse — talk on the new berth\n\n"
        "Our crews row past the new berth at the river mouth\n"
        "— Tom Lee, Secretary\n\n"
        f"{LEAD}\n{SECOND}\n"
    )
    assert article.title == "Our crews row past the new berth at the river mouth"
    assert article.byline == ["Tom Lee"]
    assert article.published == datetime(2026, 6, 6, tzinfo=UTC)


def test_a_mailed_release_is_dated_by_its_own_dateline_a_day_before_the_mail() -> None:
    article = read(
        "From: Board <media@port.example>\nTo: desk@paper.example\n"
        "Date: Wed, 3 Jun 2026 01:20:00 +0530\n"
        "Subject: Board opens second berth\n\n"
        "Rivermouth Harbour Board opens second berth for feeder ships\n\n"
        f"Rivermouth, 2 June 2026: {LEAD}\n{SECOND}\n"
    )
    assert article.published == datetime(2026, 6, 2, tzinfo=UTC)
    assert article.date_from is not None
    assert article.date_from[1] == "dateline of the document the mail carries"


def test_a_mail_sent_on_its_releases_day_keeps_its_date_and_time() -> None:
    article = read(
        "From: Board <media@port.example>\nTo: desk@paper.example\n"
        "Date: Tue, 2 Jun 2026 17:20:00 +0530\n"
        "Subject: Board opens second berth\n\n"
        f"Rivermouth, 2 June 2026: {LEAD}\n{SECOND}\n"
    )
    assert article.published == datetime(2026, 6, 2, 17, 20, tzinfo=timezone(timedelta(hours=5.5)))
