"""A Japanese official document dates itself in the Reiwa era ("令和7年"): read as the
Western year, on its own line, inside a label, or beside the same day in English."""

from __future__ import annotations

from datetime import UTC, datetime

from aggregator.toolkit.dates import parse_date_line, search_dates
from aggregator.toolkit.plaintext import extract_article

REFERENCE = datetime(2026, 3, 10, 12, 0, tzinfo=UTC)


def test_an_era_year_is_the_western_year() -> None:
    found = parse_date_line("令和7年3月2日", reference=REFERENCE)
    assert found is not None and found.value.date() == datetime(2025, 3, 2).date()


def test_the_era_s_first_year_is_written_gannen() -> None:
    found = parse_date_line("令和元年5月1日", reference=REFERENCE)
    assert found is not None and found.value.year == 2019


def test_an_era_date_is_found_inside_a_label_and_beside_its_english_form() -> None:
    inside = search_dates("報道発表（令和8年2月27日）", reference=REFERENCE)
    assert [date.value.date() for _, date in inside] == [datetime(2026, 2, 27).date()]
    beside = search_dates("令和8年2月27日 / 27 Febuary 2026", reference=REFERENCE)
    assert beside and beside[0][1].value.date() == datetime(2026, 2, 27).date()


def test_a_release_dated_in_the_era_has_its_publication_day() -> None:
    text = (
        "Press Release\n"
        "令和8年3月4日 / 4 Narch 2026\n"
        "Harbour Division, Example Prefecture\n\n"
        "Ferry trial between two island ports begins\n\n"
        "A trial ferry between the two island ports began on Wednesday, with three sailings"
        " a week until the end of May, the prefecture said.\n"
    )
    article = extract_article(text, reference=REFERENCE)
    assert article.published is not None
    assert article.published.date() == datetime(2026, 3, 4).date()
