"""A mail's covering note, which points its reader to the document it carries below.

Invented texts: an agency's pitch, a press office's answers to a reporter, a secretary's
circulated minutes, a translator's delivery. Their look-alikes stay: an article's "below"
that measures or points at its own table or list, a lead-in that ends on a colon, a
speaker quoted asking to see something below.
"""

from __future__ import annotations

from datetime import UTC, datetime

from header_support import LEAD, SECOND, read

from aggregator.toolkit.boilerplate_covering import is_covering_note
from tests.boilerplate_support import removed

BODY = [
    "The harbour board approved a second container berth at Rivermouth on Monday, with a loan",
    "of 21 billion yen from a Japanese development bank that will pay for most of the dredging.",
    "The berth is expected to open in 2029 and to double the port's feeder traffic by 2032.",
]


def test_a_pitch_mails_note_over_the_release_goes() -> None:
    note = (
        "Please find below a press release from Rivermouth Port on its second berth. "
        "The chairman is available for short interviews until Friday."
    )
    gone = removed("\n".join(["Hi team,", note, "Best,", "Kavya", "PRESS RELEASE", *BODY]))
    assert note in gone
    assert not any(line in gone for line in BODY)


def test_a_press_offices_and_a_secretarys_notes_go() -> None:
    for note in (
        "Thank you for your enquiry. Our responses are below.",
        "The minutes of Tuesday's meeting are given below for your information and record.",
        "Minutes below. Tell me if I got anything wrong.",
        "On behalf of our client, please see the statement on the berth below.",
        "Attached and below is the English version of your release dated June 2.",
    ):
        assert is_covering_note(note), note


def test_an_articles_below_stays() -> None:
    for line in (
        "Rainfall in the district has been 31 per cent below normal since June 1.",
        "The point-wise information is furnished below:",
        "Read the full table of projects below.",
        "5. Inform the office of your location using the registration link below.",
        'The minister said: "Please see the figures below, they speak for themselves."',
        "The bid was about 4% below the board's estimate (see the table below).",
    ):
        assert not is_covering_note(line), line


def test_a_delivery_mails_heading_is_read_under_its_covering_note() -> None:
    article = read(
        "From: Harbour Translations <delivery@harbourtrans.example>\n"
        "To: PR Team <pr@rivermouth.example>\n"
        "Date: Wed, 3 Jun 2026 10:14:52 +0900\n"
        "Subject: [Delivery] Job #HT-0815 EN translation - second berth press release\n"
        "Dear Ms. Kondo,\n"
        "Please find below the final English translation of your press release. "
        "A Word file is attached.\n"
        "Source: Japanese | Target: English | Translator: M. Iwasaki | Status: Final\n"
        "Press Release / June 2, 2026 / Rivermouth Port Authority\n"
        "Rivermouth Port Opens Tender for a Second Container Berth\n"
        f"{LEAD}\n{SECOND}\n"
    )
    assert article.title == "Rivermouth Port Opens Tender for a Second Container Berth"
    assert article.published == datetime(2026, 6, 2, tzinfo=UTC)
