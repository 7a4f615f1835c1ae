"""Headlines of shapes first met in dev21, read by what a line is.

Each case is an invented page in its own words; beside each rule stands an ordinary page
the rule could misjudge, which must keep its headline.
"""

from __future__ import annotations

from header_support import LEAD, REFERENCE, SECOND, read

from aggregator.toolkit.date_labels import only_labelled_days
from aggregator.toolkit.dates import search_dates
from aggregator.toolkit.header_lines import strip_kicker
from aggregator.toolkit.header_runs import opens_deck

HEADING = "Harbour board opens second container berth at river mouth"


def test_a_bulletins_signed_note_is_no_headline() -> None:
    article = read(
        "RIVERSIDE-KOCHI TWIN TOWNS CLUB\nNewsletter No. 12 — Spring 2026 — 20 June 2026\n"
        "From the Chair\n"
        "Dear friends, spring has been busy for the club, and at last there is good news from\n"
        "the harbour to share with you. Read on below. — Meera Pillai, Chair\n"
        f"{HEADING}\n{LEAD}\n{SECOND}\n"
    )
    assert article.title == HEADING
    assert "Dear friends" not in article.body


def test_a_notes_signature_may_stand_on_its_own_line() -> None:
    article = read(
        "RIVERSIDE-KOCHI TWIN TOWNS CLUB\nNewsletter — Spring 2026 — 20 June 2026\n"
        "From the Chair\n"
        "Dear friends, thank you all for coming to the harbour walk on Sunday morning.\n"
        f"— Meera Pillai, Chair\n{HEADING}\n{LEAD}\n{SECOND}\n"
    )
    assert article.title == HEADING


def test_a_readers_signed_letter_answered_in_prose_keeps_the_columns_headline() -> None:
    article = read(
        "THE HARBOUR LETTER — with Ravi Menon\nIssue #31 · Tuesday, 30 June 2026\n"
        "Mailbag: Should a port clerk learn Japanese or Korean?\nHello readers,\n"
        '"My daughter works at the container berth and wants a second language. Which pays?"\n'
        "— R.K., Kochi\n"
        "Dear R.K., the honest answer is the one she will keep at for five years or more.\n"
        f"{SECOND}\n"
    )
    assert article.title == "Mailbag: Should a port clerk learn Japanese or Korean?"


def test_a_pieces_byline_dash_under_its_heading_is_no_note() -> None:
    article = read(
        "PORT CITY ROTARY\nIssue 88 | Saturday, 27 June 2026\n\n"
        f"{HEADING}\n— Rtn. A. Varghese, Secretary\n\n{LEAD}\n{SECOND}\n"
    )
    assert article.title == HEADING


def test_a_line_of_labelled_days_is_no_headline() -> None:
    article = read(
        "State Assembly — English renderings of written questions and replies\n"
        "Question No. 512\n"
        "Tabled: June 3, 2026   Reply given: June 10, 2026\n"
        "Written question on berth fees for feeder ships at the river mouth\n"
        f"Tabled by: Anil Kurup, Member of the Assembly\n{LEAD}\n{SECOND}\n"
    )
    assert article.title == "Written question on berth fees for feeder ships at the river mouth"


def _days(line: str) -> list:  # type: ignore[type-arg]
    return [date for _, date in search_dates(line, reference=REFERENCE)]


def test_only_labelled_days_reads_labels_and_separators_alone() -> None:
    for line in (
        "Repeats: Wed 1 Jul 14:00 IST",
        "Repeats: Wed 1 Jul 14:00 IST; Sat 4 Jul 09:30 IST",
        "Tabled: June 3, 2026   Reply given: June 10, 2026",
    ):
        assert only_labelled_days(line, _days(line)), line
    for line in (
        "Berth opens on June 3, 2026",
        "Harbour news: berth opens June 3, 2026",
        "Special issue: June 3, 2026 berth opening",
    ):
        assert not only_labelled_days(line, _days(line)), line


def test_a_programmes_name_over_its_episode_under_a_breadcrumb_is_the_title() -> None:
    article = read(
        "HARBOUR TV\nHome > Schedule > Documentary\nCoastlines East: The River Mouth Berth\n"
        f"Tuesday 30 June 2026, 20:00 IST\nRepeats: Wed 1 Jul 14:00 IST\n{LEAD}\n{SECOND}\n"
    )
    assert article.title == "Coastlines East: The River Mouth Berth"


def test_a_field_under_a_breadcrumb_is_still_a_field() -> None:
    article = read(f"Home > News > Ports\nPosted by: Harbour Desk\n{HEADING}\n{LEAD}\n{SECOND}\n")
    assert article.title == HEADING


RELEASE_BODY = (
    "Kochi, 30 June 2026 — The institute today opened a joint laboratory with a university\n"
    "in Osaka to study silt at the river mouth, its second laboratory away from home and the\n"
    "first with a partner in Japan. Ten researchers will work there from August this year.\n"
    "The laboratory will share its data with the harbour board, which dredges the channel\n"
    "twice a year, and with the fishermen's groups that work the coast north of the port.\n"
)


def test_a_deck_under_a_sentence_case_headline_is_no_part_of_it() -> None:
    headline = "Kochi institute and Osaka university open joint laboratory for harbour silt"
    article = read(
        "KOCHI INSTITUTE OF MARINE SCIENCE\nNews > Press releases\n30 June 2026\n"
        f"{headline}\nSecond such laboratory outside the home campus\n{RELEASE_BODY}"
    )
    assert article.title == headline


def test_a_line_opening_on_a_name_or_under_a_title_case_headline_is_no_deck() -> None:
    lines = RELEASE_BODY.splitlines()
    headline = "Kochi institute and a university open joint laboratory for harbour silt"
    assert opens_deck(headline, "Second such laboratory outside the home campus", lines)
    assert not opens_deck(headline, "Osaka partners to send ten researchers", lines)
    assert not opens_deck(headline, "second such laboratory outside the home campus", lines)
    titled = "Kochi Institute and a University Open Joint Laboratory for Harbour Silt"
    assert not opens_deck(titled, "Second Such Laboratory Outside the Home Campus", lines)


def test_a_reposts_courtesy_line_gives_the_papers_day_and_name() -> None:
    article = read(
        "Harbour Board of Kochi\nHome > Media > Interviews\n"
        "Chairman: 'The second berth will pay for itself in six years'\n"
        "Courtesy: The Coastal Herald, 28 June 2026\nPosted on 29 June 2026\n"
        f"{LEAD}\n{SECOND}\n"
    )
    assert article.published is not None
    assert article.published.date().isoformat() == "2026-06-28"
    assert article.outlet == "The Coastal Herald"


def test_a_reports_letter_title_over_its_salutation_is_the_headline() -> None:
    article = read(
        "KOCHI HARBOUR SERVICES LIMITED | 12th ANNUAL REPORT 2025-26\nChairman's Letter\n"
        f"Dear Shareholders,\n{LEAD}\n{SECOND}\n"
    )
    assert article.title == "Chairman's Letter"


def test_an_open_letters_headline_stays_over_the_letters_title() -> None:
    article = read(
        f"{HEADING}\nBy Asha Menon\nChairman's Letter\nDear Shareholders,\n{LEAD}\n{SECOND}\n"
    )
    assert article.title == HEADING


def test_an_agreements_signing_line_dates_it_over_the_day_its_preamble_recalls() -> None:
    article = read(
        "AGREEMENT ON THE RENEWAL OF THE SISTER PORT ARRANGEMENT\n"
        "BETWEEN THE HARBOUR BOARD OF KOCHI AND THE PORT OF SAKAIMINATO\n"
        "The Harbour Board of Kochi and the Port of Sakaiminato,\n"
        "Recalling the Sister Port Arrangement signed on 12 March 2016 in the presence of the\n"
        "two mayors, have agreed as follows:\n"
        "1. The arrangement is renewed for ten years, and the two ports will exchange staff.\n"
        "2. A joint committee will meet once a year, in Kochi and Sakaiminato in turn.\n"
        "Signed at Kochi on 24 June 2026 in duplicate in the English and Japanese languages.\n"
        "For the Harbour Board of Kochi\nChairman\nFor the Port of Sakaiminato\nDirector\n"
    )
    assert article.published is not None
    assert article.published.date().isoformat() == "2026-06-24"


def test_a_mails_subject_opening_on_the_kind_of_document_after_a_dash_loses_it() -> None:
    article = read(
        "From: Protocol Desk <protocol@harbour.example>\nTo: Delegation <team@harbour.example>\n"
        "Date: Tue, 30 Jun 2026 10:15:00 +0530\n"
        "Subject: Itinerary - Harbour board delegation to Sakaiminato, 6-9 July 2026\n"
        f"Dear all,\n{LEAD}\n{SECOND}\n"
    )
    assert article.title == "Harbour board delegation to Sakaiminato, 6-9 July 2026"
    assert strip_kicker("Analysis - Feeder ships split on the second berth") == (
        "Feeder ships split on the second berth"
    )
    for headline in ("Kochi - berth opens for feeder ships", "Tokyo - Osaka line reopens today"):
        assert strip_kicker(headline) == headline
