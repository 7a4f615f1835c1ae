"""Among the days a header line labels, the one it says the text was posted or released on
dates the page, on invented pages: a transcript's broadcast and its posting, a weekly's cover
date and its release."""

from __future__ import annotations

from datetime import UTC, date, datetime

from aggregator.toolkit.plaintext import POSTED_AMONG_DAYS, extract_article

REFERENCE = datetime(2026, 12, 1, tzinfo=UTC)
BODY = (
    "HOST: You trained glass blowers in Firozabad for ten years. What brought you to Otaru?\n"
    "GUEST: A workshop there wanted someone who could teach thin bangles. I stayed.\n"
    "HOST: What do your apprentices find hardest?\n"
    "GUEST: Patience with the furnace. They want to hurry the glass, and it will not be hurried.\n"
)


def found(text: str) -> tuple[date | None, str | None]:
    article = extract_article(text, reference=REFERENCE)
    rule = article.date_from[1] if article.date_from else None
    return (article.published.date() if article.published else None), rule


def test_a_transcript_is_dated_by_its_posting_not_its_broadcast() -> None:
    text = (
        "CITY RADIO\nShows > Craft Hour\nFULL TRANSCRIPT\n"
        '"The furnace will not be hurried"\n'
        "Broadcast: Monday, November 9, 2026, 8 PM | Transcript posted: Wednesday, "
        f"November 11, 2026\n{BODY}"
    )
    assert found(text) == (date(2026, 11, 11), POSTED_AMONG_DAYS)


def test_a_weekly_is_dated_by_its_release_not_its_cover_date() -> None:
    text = (
        "Glass & Kiln Weekly | Issue dated November 16, 2026 | Released 12 Nov 2026\n"
        f"The furnace will not be hurried\n{BODY}"
    )
    assert found(text) == (date(2026, 11, 12), POSTED_AMONG_DAYS)


def test_a_posted_day_before_an_update_stays_the_page_s() -> None:
    text = (
        "Posted: 10 November 2026 | Updated: 11 November 2026\n"
        f"The furnace will not be hurried\n{BODY}"
    )
    assert found(text)[0] == date(2026, 11, 10)


def test_a_dashboard_s_refresh_stamp_is_an_update_not_a_headline() -> None:
    text = (
        "KILN TRADE MONITOR\nGlass Exports Tracker\nOverview | Exports | Method\n"
        "Last refreshed: 12 Nov 2026, 06:00 IST\nAnalyst's note\n"
        f"The furnace will not be hurried\nby Mira Sen · 11 Nov 2026\n{BODY}"
    )
    article = extract_article(text, reference=REFERENCE)
    assert article.title == "The furnace will not be hurried"
    assert article.published is not None and article.published.date() == date(2026, 11, 11)
