"""A headline in title case set over two rows, the first stopped on a small word, on invented
pages: the second row belongs to it whatever its shape, short or full of capitals."""

from __future__ import annotations

from datetime import UTC, datetime

from aggregator.toolkit.plaintext import extract_article

REFERENCE = datetime(2026, 12, 1, tzinfo=UTC)
LEAD = (
    "The appellate tribunal held that fees paid by an Indian unit to its Japanese parent "
    "for software licences are taxed at the treaty's lower rate.\n"
    "The bench said the domestic rate could not override the treaty, which both countries "
    "had notified, and sent the assessment back for a fresh computation.\n"
)


def test_a_title_case_row_stopped_on_a_small_word_goes_on_in_a_short_row() -> None:
    text = (
        "CIVIC STUDY CIRCLE | www.civicstudy.example\n"
        "Software Fees and the Treaty Rate: Tribunal Ruling on\nIndia–Japan DTAA\n"
        f"Date: 20.04.2026 | Sources: newspapers\n{LEAD}"
    )
    article = extract_article(text, reference=REFERENCE)
    assert article.title == (
        "Software Fees and the Treaty Rate: Tribunal Ruling on India–Japan DTAA"
    )


def test_a_title_case_headline_that_ends_whole_keeps_its_row() -> None:
    text = (
        "CIVIC STUDY CIRCLE | www.civicstudy.example\n"
        "Software Fees and the Treaty Rate\nIndia–Japan DTAA\n"
        f"Date: 20.04.2026 | Sources: newspapers\n{LEAD}"
    )
    article = extract_article(text, reference=REFERENCE)
    assert article.title == "Software Fees and the Treaty Rate"
