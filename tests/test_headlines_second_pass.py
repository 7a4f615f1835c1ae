"""Headlines and dates of plain-text articles, second pass over dev21 (read21-headlines2),
on invented pages: an official order's place and day, a register line in columns."""

from __future__ import annotations

from datetime import UTC, datetime

from aggregator.toolkit.article_dates import DateReader
from aggregator.toolkit.datelines import match_dateline
from aggregator.toolkit.header_dated import gives_a_period
from aggregator.toolkit.header_runs import continues
from aggregator.toolkit.plaintext import extract_article

REFERENCE = datetime(2026, 12, 1, tzinfo=UTC)

ORDER = (
    "Seeks to extend the remission of duty on imported solar glass by another two years\n"
    "REGD. No. X-1111/22                               रजि. सं. एक्स-1111/22\n"
    "EXTRAORDINARY\n"
    "PART I—Section 2\n"
    "MINISTRY OF COMMERCE\n"
    "ORDER\n"
    "Lucknow, the 3rd March, 2026\n"
    "In exercise of the powers conferred by the relevant act, the State Government hereby\n"
    "extends the remission of duty on imported solar glass until the end of March 2028.\n"
)


def test_an_orders_place_and_day_is_its_date_line_and_closes_its_letterhead() -> None:
    article = extract_article(ORDER, reference=REFERENCE)
    assert article.title == (
        "Seeks to extend the remission of duty on imported solar glass by another two years"
    )
    assert article.published == datetime(2026, 3, 3, tzinfo=UTC)
    assert article.date_from == ("Lucknow, the 3rd March, 2026", "date line")
    assert "EXTRAORDINARY" not in article.body
    assert "PART I—Section 2" not in article.body


def test_a_line_laid_out_in_columns_does_not_go_on_with_a_headline() -> None:
    headline = "Seeks to extend the remission of duty on imported solar glass by another two"
    register = "REGD. No. X-1111/22                               रजि. सं. एक्स-1111/22"
    assert not continues(headline, register, len(headline), candidate=True)
    assert continues(headline, "years", len(headline), candidate=True)


def test_a_wires_dateline_of_two_places_gives_its_date() -> None:
    text = (
        "PRIORITY: ROUTINE  /  MARKETS  /  0410 GMT\n"
        "ANALYSIS-Rice importers weigh two harvests at once\n"
        "By Meera Kulkarni\n"
        "CHENNAI/OSAKA, March 12 (XYZ) - Rice buyers on both sides of the Bay of Bengal are\n"
        "hedging against two weak harvests at once, traders said on Thursday.\n"
    )
    article = extract_article(text, reference=REFERENCE)
    assert article.published == datetime(2026, 3, 12, tzinfo=UTC)
    assert article.dateline == "Chennai"


def test_two_places_without_a_date_are_no_dateline() -> None:
    reader = DateReader("", REFERENCE)
    assert match_dateline("Chennai/Osaka, the two ports we compared, differ", reader) is None
    assert match_dateline("CHENNAI/OSAKA, March 12 (XYZ) - Rice buyers", reader) is not None


def test_a_written_question_is_dated_by_the_day_its_answer_was_received() -> None:
    text = (
        "Provincial Assembly — written questions and answers\n"
        "Question No. 77\n"
        "Lodged: April 2, 2026   Answer received: April 14, 2026\n"
        "Written question on the upkeep of the river ferries in the eastern districts\n"
        "Lodged by: Asha Pillai, Member of the Assembly\n"
        "Question\n"
        "The ferries that cross the river in the eastern districts are old, and two of them\n"
        "broke down during the spring floods, leaving villages cut off for a week.\n"
    )
    article = extract_article(text, reference=REFERENCE)
    assert article.published == datetime(2026, 4, 14, tzinfo=UTC)


def test_an_exhibitions_period_is_not_the_day_its_page_was_posted() -> None:
    text = (
        "HARBOUR ART MUSEUM, KOBE\n"
        "Home > Exhibitions > Special Exhibitions\n"
        "Lacquer of the Deccan: Boxes and Screens from Hyderabad Collections\n"
        "April 4 (Sat) – June 21 (Sun), 2026\n"
        "Venue: East Wing Galleries\n"
        "Some eighty lacquered boxes and screens made in the Deccan travel to Kobe for this\n"
        "exhibition, most of them shown outside India for the first time, with new research.\n"
        "Plan your visit | Access\n"
        "Posted: 2026.03.20\n"
    )
    article = extract_article(text, reference=REFERENCE)
    assert article.title == "Lacquer of the Deccan: Boxes and Screens from Hyderabad Collections"
    assert article.published == datetime(2026, 3, 20, tzinfo=UTC)


def test_a_last_day_alone_does_not_date_a_page_but_an_issues_span_does() -> None:
    reader = DateReader("", REFERENCE)
    assert gives_a_period("Until May 3", reader.search("Until May 3"))
    issue = "Issue dated May 4, 2026 - May 10, 2026"
    assert not gives_a_period(issue, reader.search(issue))


def test_a_flyer_that_ends_on_its_issue_day_is_not_dated_by_its_events_hours() -> None:
    text = (
        "HARBOUR TRADE BUREAU, KOCHI\n"
        "SPICE BUYERS' MEET 2026\n"
        "Friday, 14 August 2026 | 09:30 - 16:00 | Marine Drive Convention Hall, Kochi\n"
        "Fifteen spice exporters from Kerala will meet buyers from Osaka and Yokohama in\n"
        "pre-booked meetings of thirty minutes each, with tastings in the afternoon.\n"
        "Places are limited; ask the bureau's trade desk for a slot.\n"
        "Issued 20 July 2026 | Harbour Trade Bureau\n"
    )
    article = extract_article(text, reference=REFERENCE)
    assert article.published == datetime(2026, 7, 20, tzinfo=UTC)
