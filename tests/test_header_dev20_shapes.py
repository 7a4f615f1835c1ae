"""Headlines and dates of shapes first met in dev20, read by what a line is.

Each case is an invented page in its own words; beside each rule stands an ordinary story
the rule could misjudge, which must keep its headline.
"""

from __future__ import annotations

from header_support import LEAD, SECOND, read

from aggregator.toolkit.header_lines import furniture_kind, strip_kicker
from aggregator.toolkit.issue_lines import is_issue_line
from aggregator.toolkit.subject_lines import subject_headline


def test_a_wire_weekahead_slug_is_no_part_of_the_headline() -> None:
    assert strip_kicker("WEEKAHEAD-RBI meeting and a bond auction test the rupee") == (
        "RBI meeting and a bond auction test the rupee"
    )
    assert strip_kicker("WEEKAHEAD-Port stocks wait on the monsoon") == (
        "Port stocks wait on the monsoon"
    )


def test_a_wires_note_to_editors_is_no_headline() -> None:
    article = read(
        "HARBOUR WIRE SERVICE\n2nd LEAD\n02/06/2026 09:40 IST\n"
        "Eds: adds crane numbers, quote from board chairman, para 3\n"
        "Harbour board opens second container berth at river mouth\n"
        f"By Asha Menon\n{LEAD}\n{SECOND}\n"
    )
    assert article.title == "Harbour board opens second container berth at river mouth"
    assert furniture_kind("Eds: updates toll, adds rescue details") == "label"


def test_a_mails_request_label_is_no_part_of_its_subject() -> None:
    article = read(
        "From: Desk Editor <desk@harbourtimes.example>\nTo: A. Writer <aw@mail.example>\n"
        "Date: Tue, 2 Jun 2026 10:15:00 +0530\n"
        "Subject: Commission: 900 words on the new container berth\n"
        f"Hi Asha,\n{LEAD}\n{SECOND}\nThanks,\nRavi\n"
    )
    assert article.title == "900 words on the new container berth"
    assert subject_headline("Invitation to speak: Harbour Logistics Forum, Kochi, 4 May") == (
        "Harbour Logistics Forum, Kochi, 4 May"
    )
    assert subject_headline("Request for comment: berth tariffs for feeder ships") == (
        "berth tariffs for feeder ships"
    )


def test_a_subject_opening_on_other_words_keeps_them() -> None:
    for subject in (
        "Invitation: Berth opening @ Tue 2 Jun 2026 10am (IST)",
        "Commission approves second berth at river mouth",
        "Kochi: berth opens for feeder ships",
        "Commission: berth fees",
    ):
        assert subject_headline(subject) == subject


def test_a_series_name_with_minor_words_and_its_number_is_an_issue_line() -> None:
    assert is_issue_line("Map of the Month #12")
    assert is_issue_line("Notes on the Harbour No. 31")
    article = read(
        "RIVERSIDE POLICY CENTRE\nResearch > Map of the Month\nMap of the Month #12\n"
        "Feeder ships now call at the river mouth twice as often\n"
        f"Asha Menon | 2 June 2026\n{LEAD}\n{SECOND}\n"
    )
    assert article.title == "Feeder ships now call at the river mouth twice as often"


def test_an_ordinary_headline_with_a_number_is_no_issue_line() -> None:
    for headline in (
        "Harbour board opens berth No. 2 at the river mouth",
        "Port of Kochi handles 1,000 ships",
        "Queen of the Harbour wins race No. 3 at Kochi",
    ):
        assert not is_issue_line(headline)


def test_a_newspapers_folio_dates_the_issue_before_the_datelines_day() -> None:
    article = read(
        "KOCHI | TUESDAY | JUNE 2, 2026 | PAGE 5\nTHE RIVERSIDE HERALD\nCITY\n"
        "BERTH OPENS AT RIVER MOUTH\nSTAFF REPORTER\nKOCHI, JUNE 1\n"
        f"{LEAD}\n{SECOND}\n"
    )
    assert article.published is not None
    assert article.published.date().isoformat() == "2026-06-02"


def test_a_dateline_alone_still_dates_the_report() -> None:
    article = read(
        "Harbour board opens second container berth at river mouth\nKOCHI, JUNE 1\n"
        f"{LEAD}\n{SECOND}\n"
    )
    assert article.published is not None
    assert article.published.date().isoformat() == "2026-06-01"

