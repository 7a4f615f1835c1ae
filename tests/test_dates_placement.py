"""Where a publication date is printed, on invented pages: in Hindi, at the foot only,
below an update stamp, beside a byline that says where it was filed; and where a date is
not the publication's (a highlight telling of the event)."""

from __future__ import annotations

from datetime import UTC, date, datetime

from aggregator.toolkit.bylines import parse_byline
from aggregator.toolkit.dates import parse_date_line
from aggregator.toolkit.plaintext import extract_article

REFERENCE = datetime(2026, 6, 1, tzinfo=UTC)
HEADLINE = "River authority opens two ferry landings for eastern commuters"
LEAD = (
    "The river authority opened two new ferry landings on Monday, cutting the crossing "
    "for commuters from the eastern bank by almost twenty minutes."
)
SECOND = "Boats will run every quarter of an hour at peak times, the authority said."


def published(text: str) -> date | None:
    found = extract_article(text, reference=REFERENCE).published
    return found.date() if found else None


def test_hindi_month_names_and_labels() -> None:
    found = parse_date_line("प्रकाशित: 18 फ़रवरी 2026, 09:40 AM")
    assert found is not None and found.value.date() == date(2026, 2, 18)
    assert found.label == "published"
    updated = parse_date_line("अपडेटेड: 19 फरवरी 2026")
    assert updated is not None and updated.label == "updated"
    assert updated.value.date() == date(2026, 2, 19)
    assert parse_date_line("Marching 4 abreast") is None


def test_a_published_date_at_the_foot_wins_over_an_update_at_the_top() -> None:
    text = (
        f"{HEADLINE}\nUpdated 2 February 2026\n\n{LEAD}\n\n{SECOND}\n\nPublished 23 January 2026\n"
    )
    assert published(text) == date(2026, 1, 23)


def test_a_posted_line_above_the_outlets_paragraph_at_the_end() -> None:
    about = (
        "Ferry Trade Review is the independent magazine of the river transport business, "
        "published monthly since 1998."
    )
    text = (
        f"{HEADLINE}\n\n{LEAD}\n\n{SECOND}\n\nPosted 17/02/2026 in Ferries\n"
        "Related companies\nLowland Boats Ltd\nApply now | Ferry jobs\n"
        f"{about}\n© Ferry Trade 2026\n"
    )
    assert published(text) == date(2026, 2, 17)


def test_a_date_in_a_highlight_is_the_events_not_the_pages() -> None:
    text = (
        f"Ferry Weekly\nHome | Ferries | Ports\nRivers\nImage: FW file\n{HEADLINE}\nKey points\n"
        "- A contract signed on 6 March adds two landings on the eastern bank\n"
        "- The first landing opens in late 2026\n"
        "by Mara Quellington in New Lowland | 8th March 2026 - 09:05\n\n"
        f"{LEAD}\n\n{SECOND}\n"
    )
    assert published(text) == date(2026, 3, 8)


def test_a_byline_with_the_place_it_was_filed_from() -> None:
    assert parse_byline("by Mara Quell in New Lowland") == (["Mara Quell"], None)


def test_a_date_of_issue_and_a_papers_version_are_publication_dates() -> None:
    text = f"Ferry Safety Office\nDate of issue: April 8, 2026\n{HEADLINE}\n\n{LEAD}\n"
    assert published(text) == date(2026, 4, 8)
    paper = (
        "VALLEY INSTITUTE WORKING PAPER No. 12\nFerries and Bridges Compared\n"
        f"Mara Quell\nThis version: February 12, 2026\nFirst draft: September 2025\n\n{LEAD}\n"
    )
    assert published(paper) == date(2026, 2, 12)


def test_the_day_a_rule_takes_effect_is_not_the_publication_date() -> None:
    text = (
        f"Embassy of Lowland\nNOTICE\nRevision of ferry permit fees\nw.e.f. 1 April 2026\n\n"
        f"{LEAD}\n\n{SECOND}\n\nPosted: 03.03.2026\n"
    )
    article = extract_article(text, reference=REFERENCE)
    assert article.title == "Revision of ferry permit fees"
    assert article.published is not None and article.published.date() == date(2026, 3, 3)


def test_a_reference_number_beside_its_date_is_not_the_headline() -> None:
    text = (
        "LOWLAND RIVER BOARD\nNo. LRB/EVT/2026/07            Dated: 03/03/2026\n"
        f"NOTICE INVITING TENDER\n{HEADLINE}\n\n{LEAD}\n"
    )
    article = extract_article(text, reference=REFERENCE)
    assert article.title == HEADLINE
    assert article.published is not None and article.published.date() == date(2026, 3, 3)


def test_a_weekday_settles_which_number_is_the_month() -> None:
    tuesday = parse_date_line(
        "Tue, 05/12/2026 - 11:05", reference=datetime(2026, 12, 6, tzinfo=UTC)
    )
    assert tuesday is not None and tuesday.value.date() == date(2026, 5, 12)
    saturday = parse_date_line("Sat, 05/12/2026", reference=datetime(2026, 12, 6, tzinfo=UTC))
    assert saturday is not None and saturday.value.date() == date(2026, 12, 5)


def test_release_date_and_telecast_are_publication_labels() -> None:
    for line in (
        "Release date: 11.05.2026",
        "Telecast: 11.05.2026, 6.30 PM",
        "Premiered May 11, 2026",
        "Streamed live on May 11, 2026",
        "Uploaded 11 May 2026",
        "Sent: 11.05.2026 | 18:42 IST",
        "Published online: 11 May 2026",
    ):
        found = parse_date_line(line)
        assert found is not None and found.label == "published"
        assert found.value.date() == date(2026, 5, 11)
    text = (
        f"{HEADLINE}\n\n{LEAD}\n\n{SECOND}\n\nRelease date: 11.05.2026\nLast Updated On: 12/05/2026"
    )
    assert published(text) == date(2026, 5, 11)


def test_a_date_among_the_words_of_another_field_is_the_document_s() -> None:
    strip = "Edition: Valley City · Date: 13/05/2026 · Page: 12"
    assert published(f"The Valley e-Paper\n{strip}\n\n{HEADLINE}\n\n{LEAD}\n") == date(2026, 5, 13)
    reference = f"Ref: VA/PR/2026-27/014 | 12-05-2026\n{HEADLINE}\n\n{LEAD}\n"
    assert published(reference) == date(2026, 5, 12)
    meeting = f"Resolution No. 4\nDate of Meeting: 16/01/2026\n\n{LEAD}\n\nDt. 21/01/2026\n"
    assert published(meeting) != date(2026, 1, 16)


def test_a_month_and_day_with_their_weekday_find_their_year() -> None:
    reference = datetime(2026, 12, 6, tzinfo=UTC)
    found = parse_date_line("5/14 (Thu) 12:10", reference=reference)
    assert found is not None and found.value == datetime(2026, 5, 14, 12, 10, tzinfo=UTC)
    last_year = parse_date_line("12/25 (Thu)", reference=reference)
    assert last_year is not None and last_year.value.date() == date(2025, 12, 25)
    assert parse_date_line("5/14 (Fri)", reference=reference) is None  # only years back
    assert parse_date_line("5/14 12:10", reference=reference) is None


def test_an_event_s_date_beside_the_posting_date_is_not_the_publication_date() -> None:
    for header in (
        "Date of event: 4 May 2026 | Posted: 8 May 2026",
        "Posted: 8 May 2026 | Webinar 4 May 2026",
        "Lecture date - 4 May 2026 · 8 May 2026",
    ):
        text = f"Event Report\n\n{HEADLINE}\n{header}\n\n{LEAD}\n\n{SECOND}\n"
        assert published(text) == date(2026, 5, 8), header
