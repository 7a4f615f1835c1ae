"""Headlines and dates of header shapes the rules had not met, read by a line's role.

Each case is an invented page: a field block above the headline, a scoreboard's result
line, a picture desk's caption title in capitals, a link board's submission, a society's
bulletin with its emblem and the day's date, a video page, a Spanish agency's dateline and
an exchange's filing subject in title case. ``title_from`` and ``date_from`` say which line
gave the headline and the date and by which rule (what ``aggregator explain`` prints).
"""

from __future__ import annotations

from datetime import UTC, datetime

from header_support import LEAD, SECOND, read


def test_a_label_value_line_under_a_date_field_is_a_field_not_the_headline() -> None:
    article = read(
        "RIVERMOUTH SHIPPING\nCustomer Notice\nRef: CN/2026/044\nDate: 14/05/2026\n"
        "Route: Coastal loop – Southern feeders\n"
        "Second container berth opens at Rivermouth\n"
        f"Dear Customer,\n{LEAD}\n{SECOND}\n"
    )
    assert article.title == "Second container berth opens at Rivermouth"
    assert article.published == datetime(2026, 5, 14, tzinfo=UTC)
    assert article.title_from is not None
    assert article.title_from[1] == "first line that reads as a headline"


def test_a_kicker_under_a_date_field_with_no_headline_below_stays_the_headline() -> None:
    article = read(f"Date: 14/05/2026\nAnalysis: Why the port needed a second berth\n{LEAD}\n")
    assert article.title == "Why the port needed a second berth"


def test_a_kicker_under_a_date_field_stays_the_headline_over_a_deck() -> None:
    article = read(
        "Harbour Times\nDate: 14/05/2026\nAnalysis: Why the port needed a second berth\n"
        f"A second berth doubles the feeder capacity\n{LEAD}\n"
    )
    assert article.title == "Why the port needed a second berth"


def test_a_result_line_under_a_score_row_is_not_the_headline() -> None:
    article = read(
        "Fixtures | Results | Tables\nHarbour XI 211/4 (20) | River XI 150 (19.1)\n"
        "Result: Harbour XI won by 61 runs\nHarbour XI rout River XI in the derby\n"
        f"{LEAD}\n"
    )
    assert article.title == "Harbour XI rout River XI in the derby"


def test_a_caption_title_in_capitals_right_above_the_lead_is_the_headline() -> None:
    article = read(
        "HARBOUR PICTURES | Picture Desk\nSearch | Lightbox | Sign out\n"
        "Image ID: PD-0418\nDate created: 14/05/2026\n"
        "Credit: Picture Desk / A. Rahman\nRestrictions: Editorial use only before 20/05/2026\n"
        f"NEW BERTH OPENS AT RIVERMOUTH PORT\n{LEAD}\n"
    )
    assert article.title == "NEW BERTH OPENS AT RIVERMOUTH PORT"
    assert article.title_from == (
        "NEW BERTH OPENS AT RIVERMOUTH PORT",
        "line in capitals right above the lead",
    )
    assert article.published == datetime(2026, 5, 14, tzinfo=UTC)
    assert article.date_from == ("Date created: 14/05/2026", '"date created:" field')


def test_a_link_boards_site_after_the_title_is_not_part_of_it() -> None:
    article = read(
        "B  Board  new | past | comments | ask | submit\n"
        "A ferry timetable that works offline (ferrytimes.example)\n"
        "120 points by harbour_dev 3 hours ago | hide | past | 41 comments\n"
        f"Submitter here. {LEAD}\n{SECOND}\n"
    )
    assert article.title == "A ferry timetable that works offline"
    assert article.title_from is not None
    assert article.title_from[1].endswith("link's site removed")


def test_an_emblem_before_a_societys_name_and_the_days_date_are_not_headlines() -> None:
    article = read(
        "☸ Rivermouth Buddhist Society\nWeekly Letter\n"
        "Sunday, 10th May 2026 (Full moon of Vesak)\nWelcome, friends!\n"
        f"Lanterns on the river for Vesak\n{LEAD}\n{SECOND}\n"
    )
    assert article.title == "Lanterns on the river for Vesak"
    assert article.published == datetime(2026, 5, 10, tzinfo=UTC)


def test_a_videos_title_above_its_channel_and_subscribers_is_kept_whole() -> None:
    article = read(
        "LIVE | Harbour board opens second berth | Rivermouth | 14 May 2026\n"
        "Port City TV\n82K subscribers\nSubscribe\n"
        f"3,021 views  Streamed live on 14 May 2026\n{LEAD}\n{SECOND}\n"
    )
    assert article.title == "LIVE | Harbour board opens second berth | Rivermouth | 14 May 2026"
    assert article.title_from is not None
    assert article.title_from[1] == "title above a channel and its subscribers"
    assert article.published == datetime(2026, 5, 14, tzinfo=UTC)


def test_a_profiles_name_above_its_tagline_and_followers_is_not_a_title() -> None:
    article = read(
        "Asha Verma\nPort economist, Rivermouth\n12K followers\n"
        f"Why the second berth matters for feeder lines\n{LEAD}\n"
    )
    assert article.title == "Why the second berth matters for feeder lines"


def test_a_spanish_agencys_dateline_gives_the_date_and_place() -> None:
    article = read(f"Second berth opens at Rivermouth\n\nRivermouth, May 14 (AIB).- {LEAD}\n")
    assert article.published == datetime(2026, 5, 14, tzinfo=UTC)
    assert article.dateline == "Rivermouth"
    assert article.agency == "AIB"


def test_a_filing_subject_in_title_case_ending_on_ltd_is_the_headline() -> None:
    subject = (
        "Rivermouth Cranes Ltd - Intimation Of Order Received From Harbour Board For Supply "
        "Of Cranes By Kaiyo Machinery Co., Ltd."
    )
    article = read(
        "Home > Corporates > Announcements\nCategory: Company Update\n"
        f"{subject}\nExchange Received Time: 14-05-2026 10:05:47\n{LEAD}\n{SECOND}\n"
    )
    assert article.title == subject
    assert not article.title_derived
    assert article.published is not None
    assert article.published.date() == datetime(2026, 5, 14).date()


def test_a_sentence_ending_on_a_town_is_still_prose() -> None:
    article = read(
        "Harbour news\nSecond berth opens at Rivermouth\n"
        "The harbour board opened a second container berth at the mouth of the Bay.\n"
        f"{SECOND}\n"
    )
    assert article.title == "Second berth opens at Rivermouth"


def test_a_sites_last_updated_stamp_among_its_links_is_no_publication_date() -> None:
    body = f"Lanterns on the river for Vesak\n{LEAD}\n{SECOND}\n"
    footer = "Screen Reader Access | Sitemap | Last updated: 02-03-2026\n"
    assert read(body + footer).published is None
    alone = read(body + "Last updated: 02-03-2026\n")
    assert alone.published == datetime(2026, 3, 2, tzinfo=UTC)


def test_an_emblem_before_the_masthead_is_not_part_of_the_outlets_name() -> None:
    article = read(
        "☸ Rivermouth Buddhist Society\nWeekly Letter\n"
        f"Lanterns on the river for Vesak\n{LEAD}\n{SECOND}\n"
    )
    assert article.outlet == "Rivermouth Buddhist Society"
