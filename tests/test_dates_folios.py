"""A periodical's folio dates its issue, on invented pages: the page number may stand bare in
the folio's last cell, and a fortnightly's folio gives the days its issue covers, of which
the first is the day it came out."""

from __future__ import annotations

from datetime import UTC, date, datetime

from aggregator.toolkit.plaintext import extract_article

REFERENCE = datetime(2026, 12, 1, tzinfo=UTC)
BODY = (
    "Kite makers in Ahmedabad and Hamamatsu will swap designs for a season, each flying "
    "the other's patterns at their winter festivals.\n"
    "The exchange began when a retired engineer from Hamamatsu visited the Uttarayan "
    "festival and stayed on for a month to learn the glass-coated string.\n"
)


def found(text: str) -> tuple[date | None, str | None]:
    article = extract_article(text, reference=REFERENCE)
    rule = article.date_from[1] if article.date_from else None
    return (article.published.date() if article.published else None), rule


def test_a_fortnightly_folio_dates_the_issue_by_its_first_day() -> None:
    text = f"SKY CRAFT REVIEW | 1–15 NOVEMBER 2026 | 14\nKites that cross the sea\n{BODY}"
    assert found(text) == (date(2026, 11, 1), "date line")


def test_a_folio_with_a_bare_page_number_gives_its_day() -> None:
    text = f"SKY CRAFT REVIEW | NOVEMBER 9, 2026 | 7\nKites that cross the sea\n{BODY}"
    assert found(text) == (date(2026, 11, 9), "date line")


def test_a_span_without_a_page_number_is_an_event_s_days_not_an_issue_s() -> None:
    folio = "Kite week | 1–15 November 2026 | Sabarmati riverfront"
    text = f"{folio}\nKites that cross the sea\n{BODY}"
    assert found(text)[0] != date(2026, 11, 1)
