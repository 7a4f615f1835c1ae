"""Headlines and dates of shapes first met in dev20, read by what a line is.

Each case is an invented page in its own words; beside each rule stands an ordinary story
the rule could misjudge, which must keep its headline.
"""

from __future__ import annotations

from header_support import LEAD, SECOND, read

from aggregator.toolkit.header_lines import furniture_kind, strip_kicker
from aggregator.toolkit.issue_lines import is_issue_line
from aggregator.toolkit.listed_pieces import listed_piece
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
    assert furniture_kind("Eds: updates toll, adds rescue details") in ("label", "boilerplate")


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


def test_a_mail_opening_on_its_contents_is_headlined_by_its_first_piece() -> None:
    article = read(
        "========================================\nHarbour Board Mail No. 31 | 2 June 2026\n"
        "Riverside Harbour Board\n========================================\nCONTENTS\n"
        "  1. Second container berth opens at the river mouth\n  2. Crane drivers wanted\n"
        "----------------------------------------\n"
        f"[1] Second container berth opens at the river mouth\n{LEAD}\n{SECOND}\n"
        "[2] Crane drivers wanted\nThe board is hiring six crane drivers.\n"
    )
    assert article.title == "Second container berth opens at the river mouth"
    assert article.body.startswith(LEAD)
    assert "Crane drivers wanted" not in article.body.split("\n")[0]


def test_a_reports_contents_repeated_as_its_headings_leave_its_title() -> None:
    article = read(
        "Riverside Harbour Board\nReview of berth charges: final report\n"
        "Published 2 June 2026\nContents\n1. What we found about charges\n"
        "2. How charges are set now\n3. What we recommend\n----------\n"
        f"1. What we found about charges\n{LEAD}\n2. How charges are set now\n{SECOND}\n"
        "3. What we recommend\nThe board should publish one charge for each berth.\n"
    )
    assert article.title == "Review of berth charges: final report"


def test_a_bulletin_opening_on_a_column_keeps_its_contents_whole() -> None:
    article = read(
        "Harbour Users' Bulletin - June 2026\nRiverside Harbour Users\nIn this issue\n"
        "1. A note from the chair\n2. Second container berth opens at the river mouth\n"
        "3. Dates for your diary\n----------\n1. A note from the chair\n"
        "Dear members, thank you to all who came to the spring meeting and the beach clean.\n"
        f"2. Second container berth opens at the river mouth\n{LEAD}\n"
        "3. Dates for your diary\nThe summer meeting is on 4 July at the harbour hall.\n"
    )
    assert article.title != "A note from the chair"
    assert not article.body.startswith("2. Second container berth")
    lines = [
        "Harbour Users' Bulletin No. 7 | 2 June 2026",
        "In this issue",
        "1. A note from the chair",
        "2. Second container berth opens at the river mouth",
        "1. A note from the chair",
        "Dear members, thank you to all who came to the spring meeting.",
        "2. Second container berth opens at the river mouth",
        LEAD,
    ]
    assert listed_piece(lines, 0, len(lines)) is None


def test_a_contents_list_not_repeated_below_is_no_headline() -> None:
    lines = [
        "Harbour board opens second container berth at river mouth",
        "Contents",
        "1. The berth and its cranes",
        "2. What the board said",
        LEAD,
        SECOND,
    ]
    assert listed_piece(lines, 0, len(lines)) is None


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


def test_an_aggregators_coverage_page_is_headlined_by_its_lead_story() -> None:
    article = read(
        "Newsreel\nHome > Full coverage\nRiver mouth berth\nTop coverage\nRiverside Herald\n"
        "3 hours ago · 2 Jun 2026, 09:10 IST\n"
        "Harbour board opens second container berth at river mouth\n"
        f"{LEAD}\nCoast Daily · 2 hours ago · Feeder ships gain a second berth\n"
        "Bay News · 1 hour ago · Cranes for the new berth arrive by sea\n"
    )
    assert article.title == "Harbour board opens second container berth at river mouth"
    assert article.outlet == "Riverside Herald"


BOX = (
    "Top stories\nCoast Daily\n2 hours ago\nGale closes the coast road north of the harbour\n"
    "Bay News · 3 hours ago · Ferries held in port as the gale strengthens\n"
    "Coast Radio · 1 hour ago · Schools on the coast shut for the day\n"
)
STORY = (
    "Riverside Herald\nHarbour board opens second container berth at river mouth\n"
    "By Asha Menon | 2 June 2026\n"
)


def test_a_top_stories_box_under_a_byline_leaves_the_articles_headline() -> None:
    article = read(f"{STORY}{BOX}{LEAD}\n{SECOND}\n")
    assert article.title == "Harbour board opens second container berth at river mouth"
    assert article.outlet == "Riverside Herald"


def test_a_top_stories_box_between_paragraphs_leaves_the_article_whole() -> None:
    article = read(f"{STORY}{LEAD}\n{SECOND}\n{BOX}The board meets again in July.\n")
    assert article.title == "Harbour board opens second container berth at river mouth"
    assert article.outlet == "Riverside Herald"
    assert article.body.startswith(LEAD)


def test_a_top_stories_box_over_an_article_is_no_coverage_page() -> None:
    article = read(f"{BOX}{STORY}{LEAD}\n{SECOND}\n")
    assert article.title != "Gale closes the coast road north of the harbour"
    lines = [line for line in f"{BOX}{STORY}{LEAD}".split("\n") if line]
    assert listed_piece(lines, 0, len(lines)) is None


def test_a_top_stories_label_over_a_story_is_no_coverage_page() -> None:
    lines = [
        "Riverside Herald",
        "Top stories",
        "Harbour board opens second container berth at river mouth",
        "By Asha Menon | 2 June 2026",
        LEAD,
        SECOND,
    ]
    assert listed_piece(lines, 0, len(lines)) is None


def test_a_short_title_repeating_the_last_crumb_heads_a_history_page() -> None:
    article = read(
        "RIVERSIDE HARBOUR BOARD\nHome | About | Ports | Contact\nAbout > History\n"
        "Our History\n1921 - First wharf built at the river mouth\n"
        "1968 - Container cranes arrive from Japan\n2026 - Second container berth opens\n"
    )
    assert article.title == "Our History"


def test_a_section_name_repeating_the_crumb_does_not_replace_a_headline() -> None:
    article = read(
        "Riverside Herald\nHome > News > Business\nBusiness\n"
        "Harbour board opens second container berth at river mouth\n"
        f"By Asha Menon | 2 June 2026\n{LEAD}\n{SECOND}\n"
    )
    assert article.title == "Harbour board opens second container berth at river mouth"


def test_a_headline_opening_on_a_year_keeps_its_words_under_a_crumb() -> None:
    for headline in (
        "2026: What the second berth means for feeder ships",
        "2025 - a record year for the river mouth",
    ):
        article = read(
            f"Home > News > Business\nBusiness\n{headline}\n"
            f"By Asha Menon | 2 June 2026\n{LEAD}\n{SECOND}\n"
        )
        assert article.title == headline


def test_a_section_name_does_not_title_an_article_with_no_headline() -> None:
    article = read(
        f"Home > News > Business\nBusiness\nBy Asha Menon | 2 June 2026\n{LEAD}\n{SECOND}\n"
    )
    assert article.title != "Business"
    assert article.title is not None and article.title.startswith("The harbour board opened")


def test_a_capitals_headline_goes_on_in_a_row_opening_on_a_preposition() -> None:
    article = read(
        "KOCHI | TUESDAY | JUNE 2, 2026 | PAGE 5\nTHE RIVERSIDE HERALD\nCITY\n"
        "SECOND BERTH OPENS\nAT THE RIVER MOUTH\nIN KOCHI\nSTAFF REPORTER\nKOCHI, JUNE 1\n"
        f"{LEAD}\n{SECOND}\n"
    )
    assert article.title == "SECOND BERTH OPENS AT THE RIVER MOUTH IN KOCHI"


def test_a_capitals_headline_does_not_take_in_its_byline() -> None:
    article = read(
        "THE RIVERSIDE HERALD\nCITY\nSECOND BERTH OPENS AT THE RIVER MOUTH\nSTAFF REPORTER\n"
        f"KOCHI, JUNE 1\n{LEAD}\n{SECOND}\n"
    )
    assert article.title == "SECOND BERTH OPENS AT THE RIVER MOUTH"


def test_a_capitals_credit_line_is_no_row_of_the_headline() -> None:
    for credit in ("WITH INPUTS FROM AGENCIES", "FROM OUR STAFF REPORTER", "BY ASHA MENON"):
        article = read(
            f"THE RIVERSIDE HERALD\nCITY\nSECOND BERTH OPENS\n{credit}\nKOCHI, JUNE 1\n"
            f"{LEAD}\n{SECOND}\n"
        )
        assert article.title == "SECOND BERTH OPENS"


def test_a_title_case_headline_with_a_number_is_no_issue_line() -> None:
    headline = "Harbour on Course for Record No. 3"
    assert not is_issue_line(headline)
    article = read(
        f"{headline}\nSecond berth doubles room for feeder ships from the south\n"
        f"By Asha Menon | 2 June 2026\n{LEAD}\n{SECOND}\n"
    )
    assert article.title == headline


def test_a_subject_on_the_pitch_keeps_its_label() -> None:
    subject = "Pitch: groundsman expects seam on the first morning at the harbour ground"
    assert subject_headline(subject) == subject
