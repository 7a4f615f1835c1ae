"""Where the article begins, read from the structure of a document, on invented texts.

Reports, minutes and PDFs wrap their prose at a width and number their sections; those
lines are the article's, never its header or its dateline.
"""

from __future__ import annotations

from datetime import UTC, datetime

from aggregator.toolkit.plaintext import extract_article

REFERENCE = datetime(2026, 3, 1, tzinfo=UTC)


def read(text: str) -> tuple[str, list[str]]:
    article = extract_article(text, reference=REFERENCE)
    return article.title, article.body.split("\n\n")


def test_a_hard_wrapped_first_paragraph_ends_the_header() -> None:
    title, body = read(
        "Riverside Ferry Board\n"
        "Annual Review of Crossings\n"
        "Members of the board are pleased to place before you the twelfth review of the\n"
        "crossings, together with the accounts for the year that ended in December 2025.\n"
        "Traffic rose by a tenth over the year, most of it on the two new eastern routes.\n"
    )
    assert title == "Annual Review of Crossings"
    assert "Members of the board are pleased to place before you the twelfth review of the" in body


def test_a_title_case_headline_split_before_a_lower_case_word_is_joined() -> None:
    title, _ = read(
        "Memorandum on Cooperation in Flood Forecasting and River Gauging Networks\n"
        "between the Lowland River Authority and the Upland Water Board (ULWB)\n"
        "1. The two authorities will share gauge readings from forty stations every hour, "
        "and publish a joint forecast for the lower valley each morning.\n"
    )
    assert title == (
        "Memorandum on Cooperation in Flood Forecasting and River Gauging Networks "
        "between the Lowland River Authority and the Upland Water Board (ULWB)"
    )


def test_a_numbered_section_heading_is_no_place_line() -> None:
    lead = (
        "1. [Valley Courier, p. 3] The river authority says it will open two new ferry "
        "landings before the monsoon, cutting the eastern crossing by twenty minutes."
    )
    _, body = read(f"Ferry Press Digest\nMonday, 02.03.2026\nII. Transport\n{lead}\n")
    assert "II. Transport" in body


def test_a_heading_under_a_bulleted_list_is_no_place_line() -> None:
    paragraph = (
        "Two long reports and four short notes went out this quarter, and the notes on "
        "ferry fares were read more than any others."
    )
    _, body = read(
        "Quarterly Update of the Ferry Research Unit\n"
        "• A seminar on river tolls\n"
        "• A workshop on pontoon design\n"
        f"Reports\n{paragraph}\n"
    )
    assert "Reports" in body


def test_the_day_heading_of_a_programme_is_no_publication_date() -> None:
    article = extract_article(
        "Lowland Ferry Conference\n"
        "9–11 April 2026, River Hall, Lowland\n"
        "Provisional programme\n"
        "Thursday, 9 April\n"
        "10.00   Opening session\n"
        "11.30   Session I: Pontoons and tides\n",
        reference=REFERENCE,
    )
    assert article.published is None
    assert "Thursday, 9 April" in article.body.split("\n\n")


def test_a_label_over_a_long_sentence_is_text_not_a_header_field() -> None:
    reference = (
        "Ref: Notice inviting bids dated 12.01.2026 for the supply, installation and "
        "commissioning of four floating pontoons at the eastern and northern ferry landings."
    )
    _, body = read(
        "LOWLAND RIVER AUTHORITY\nCORRIGENDUM\nDate: 02.02.2026\n"
        "Corrigendum No. 1: Extension of the bid due date for floating pontoons\n"
        f"{reference}\n"
        "Following requests from bidders at the pre-bid meeting, the due date is extended.\n"
    )
    assert reference in body


def test_a_letterhead_above_a_subject_field_is_metadata() -> None:
    article = extract_article(
        "No. RB/2026/0042\nLowland River Board\nRiver House, Lowland – 400001\n"
        "Dated: 02.03.2026\nTo,\nShri Mara Quell,\n"
        "Subject: Information sought on the ferry landings – reg.\n"
        "Please refer to your application of 27 January 2026 about the two new ferry "
        "landings on the eastern bank.\n",
        reference=REFERENCE,
    )
    assert article.title == "Information sought on the ferry landings – reg."
    assert article.body.startswith("Please refer to your application")
