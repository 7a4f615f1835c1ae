"""Dates an event page gives its event, and dates a page's foot gives the page, on invented
pages: a booking page's day and hours are the event's (a transcript's are its own), and a
footer sentence that opens with a labelled date ("Aired: …", "… Issued on …") dates the page."""

from __future__ import annotations

from datetime import UTC, date, datetime

from aggregator.toolkit.event_hours import offers_a_place
from aggregator.toolkit.header_dated import DAY_NAMED_RULE
from aggregator.toolkit.plaintext import extract_article

REFERENCE = datetime(2026, 12, 1, tzinfo=UTC)
LEAD = (
    "Potters from Mashiko and Khurja will throw pots side by side on a single wheel stage, "
    "and visitors may try the clay themselves under their guidance."
)
SECOND = "Stalls will sell bowls, tea cups and glazes from both towns at fixed prices."


def found(text: str) -> tuple[date | None, str | None]:
    article = extract_article(text, reference=REFERENCE)
    rule = article.date_from[1] if article.date_from else None
    return (article.published.date() if article.published else None), rule


def test_a_booking_page_s_day_and_hours_are_its_event_s() -> None:
    for when in ("Sat, 14 Nov 2026 · 11:00 – 18:00 IST", "Saturday 14 Nov 2026 ⋅ 11am – 6pm"):
        text = (
            f"EventDesk\nFind events | Log in\nClay Across Two Coasts\n{when}\n"
            f"Hosted by Friends of Mashiko\nBuy tickets\nAbout the event\n{LEAD}\n{SECOND}\n"
        )
        assert found(text) == (None, None), when


def test_an_invitation_to_join_a_call_is_not_dated_by_the_call() -> None:
    text = (
        "Invitation: Glaze review with the Khurja studio\nJoin with Video Link\n"
        "meet.example/abc-defg-hij\nWhen\nThursday 19 Nov 2026 ⋅ 4:30pm – 5:00pm (IST)\n"
        f"Guests\nAsha Verma\nKenji Ota\n{LEAD}\n"
    )
    assert found(text) == (None, None)


def test_a_transcript_keeps_the_day_and_hours_it_records() -> None:
    text = (
        "Clay Across Two Coasts: opening talk\nFriday, 13 November 2026 | 18:00–18:45 IST\n"
        f"HOST: Welcome, everyone.\n{LEAD}\n{SECOND}\n"
    )
    assert found(text)[0] == date(2026, 11, 13)


def test_a_labelled_broadcast_day_under_the_story_dates_the_page() -> None:
    text = (
        "CITY TV\nHome | Videos | Shows\nPotters from two coasts share one wheel\n"
        f"{LEAD}\n{SECOND}\nAired: 03.11.2026, 7.30 PM, on Evening Bulletin.\n#Pottery\n"
        "Up Next\nWeather 01:10\n"
        "© 2026 City TV Media Ltd. All rights reserved. Best viewed in a current browser.\n"
    )
    assert found(text) == (date(2026, 11, 3), "labelled date sentence near the end")


def test_a_colophon_closing_with_its_issue_day_dates_the_page() -> None:
    text = (
        "RIVER PORT NEWS  |  Vol. 3  No. 11  |  November 2026\nClay exports rise\n"
        f"{LEAD}\n{SECOND}\n"
        "Published by the Public Relations and Publicity Cell, River Port Trust, Pune, "
        "Maharashtra. Issued on 09.11.2026\n"
    )
    assert found(text) == (date(2026, 11, 9), "labelled date sentence in the footer")


def test_a_footer_sentence_that_goes_on_after_its_labelled_date_tells_a_story() -> None:
    text = (
        f"Clay exports rise\n{LEAD}\n{SECOND}\n"
        "Released on 2 March 2026, the earlier survey found that most potters sold abroad.\n"
    )
    assert found(text)[0] != date(2026, 3, 2)


def test_a_wire_schedule_named_for_its_yearless_day_is_dated_by_its_moving_stamp() -> None:
    text = (
        "CNS\nADVISORY / DAYBOOK\nHarbour Daybook for Friday, November 20\n"
        "Moved 2310 IST, November 19, 2026\n"
        "All times IST. Send additions to the harbour desk.\n"
        "0930 — Port trust board meets on the ferry landings.\n"
        "1100 — Potters' fair opens at the old customs house.\n"
    )
    article = extract_article(text, reference=REFERENCE)
    assert article.title == "Harbour Daybook for Friday, November 20"
    assert article.title_from is not None
    assert article.title_from[1] == DAY_NAMED_RULE
    assert article.published is not None
    assert article.published.date() == date(2026, 11, 19)


_FERRY_STORY = (
    "KOCHI: The ferry workers' union called off its strike on Thursday after talks with the "
    "minister for ports.\nServices will resume on Friday morning, the union said.\n"
)


def test_a_feature_for_a_yearless_day_is_not_the_headline() -> None:
    for above in ("Weather for Friday, March 13", "Horoscope for Friday, 13 March"):
        text = f"{above}\nFerry strike called off after talks with minister\n{_FERRY_STORY}"
        article = extract_article(text, reference=REFERENCE)
        assert article.title == "Ferry strike called off after talks with minister", above


def test_a_paper_for_a_yearless_day_under_the_headline_does_not_take_its_place() -> None:
    text = (
        "Ferry strike called off after talks with minister\n"
        f"Today's paper for Friday, March 13\n{_FERRY_STORY}"
    )
    article = extract_article(text, reference=REFERENCE)
    assert article.title == "Ferry strike called off after talks with minister"


def test_a_review_s_release_or_publication_day_at_the_foot_does_not_date_the_page() -> None:
    for foot in (
        "Released on 20 February 2026 in Malayalam.",
        "Published on 10 January 2026 by Penguin, Rs 499.",
    ):
        text = (
            "A ferryman's quiet year on the backwaters\n"
            "On November 5, 2026, the new film about a ferryman opened across Kerala.\n"
            "Its best scenes are shot at night on the Vypin crossing, with few words.\n"
            f"{foot}\n"
        )
        assert found(text)[0] == date(2026, 11, 5), foot


def test_a_bare_register_or_join_on_is_no_call_to_book() -> None:
    assert not offers_a_place(["Register"])
    assert not offers_a_place(["Join on the march to the port"])
    assert offers_a_place(["Register now"])
    assert offers_a_place(["Join with Google Meet"])


def test_a_blog_s_filing_note_under_the_post_dates_it() -> None:
    text = (
        "Clay and Coast\nA potter's notebook\nTwo wheels, one stage\n"
        f"{LEAD}\n{SECOND}\nShare this:\nLike Loading...\n"
        "This entry was posted in Workshops on November 3, 2026. Bookmark the permalink.\n"
        "← Previous post | Next post →\nLeave a comment\n"
    )
    assert found(text) == (date(2026, 11, 3), "publication note in the footer")


def test_a_line_that_names_a_venue_gives_the_event_s_day_not_the_page_s() -> None:
    text = (
        "Consulate of the Potters' Guild\nHome > Events > Registration\n"
        "Registration: Two-coast wheel workshop, Jaipur\n"
        "Date: Sunday, 22 November 2026 | Time: 10:00-13:00 IST | Venue: Kala Bhavan Hall 2\n"
        f"{LEAD}\n{SECOND}\nFull name*\nSubmit\nPosted: 02/11/2026\n"
    )
    assert found(text)[0] == date(2026, 11, 2)
