"""A "Source:" field that gives the outlet and the article's own date, as a reading app's
export or a clipping service prints it: the outlet is the name alone, and the date is
the article's, not the day it was saved."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from aggregator.toolkit.plaintext import extract_article

REFERENCE = datetime(2026, 3, 10, 12, 0, tzinfo=UTC)
BODY = (
    "A ferry link between Kochi and Kobe will start in June, the port trust said on Friday, "
    "after two years of talks with the shipping line.\n\n"
    "The weekly service will carry containers and a small number of passengers."
)


def export(source_line: str) -> str:
    return (
        "PocketVoice - export\n"
        "Voice: Mira (English) · Speed 1.1x · 2 min listen\n"
        "Saved 2026-03-03 21:40\n"
        f"{source_line}\n\n"
        "Kochi and Kobe to get a weekly ferry\n\n"
        f"{BODY}\n"
    )


@pytest.mark.parametrize(
    "source_line",
    [
        "Source: Harbour Gazette · 27 February 2026",
        "Source: Harbour Gazette | Feb 27, 2026",
        "Source: Harbour Gazette — 27.02.2026",
    ],
)
def test_outlet_and_date_of_the_source_field(source_line: str) -> None:
    article = extract_article(export(source_line), reference=REFERENCE)
    assert article.outlet == "Harbour Gazette"
    assert article.published is not None
    assert article.published.date().isoformat() == "2026-02-27"
    assert article.title == "Kochi and Kobe to get a weekly ferry"


@pytest.mark.parametrize(
    ("source_line", "outlet"),
    [
        ("Source: Harbour Gazette, Kochi", "Harbour Gazette, Kochi"),
        ("Source: Harbour Gazette · Business desk", "Harbour Gazette · Business desk"),
    ],
)
def test_a_source_field_without_a_date_stays_whole(source_line: str, outlet: str) -> None:
    article = extract_article(export(source_line), reference=REFERENCE)
    assert article.outlet == outlet
