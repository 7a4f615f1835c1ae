"""Headlines and dates of header shapes the rules had not met, read by a line's role.

Each case is an invented page: a field block above the headline, a scoreboard's result
line, a picture desk's caption title in capitals, a link board's submission, a society's
bulletin with its emblem and the day's date, a video page, a Spanish agency's dateline and
an exchange's filing subject in title case. ``title_from`` and ``date_from`` say which line
gave the headline and the date and by which rule (what ``aggregator explain`` prints).
"""

from __future__ import annotations

from datetime import UTC, datetime

from aggregator.toolkit.extracted_article import ExtractedArticle
from aggregator.toolkit.plaintext import extract_article

REFERENCE = datetime(2026, 6, 30, tzinfo=UTC)
LEAD = (
    "The harbour board opened a second container berth at the river mouth on Monday, "
    "doubling the port's capacity for feeder ships from the south."
)
SECOND = "Two cranes will work the berth from July, the board said in a statement."


def read(text: str) -> ExtractedArticle:
    return extract_article(text, reference=REFERENCE)


def test_a_spanish_agencys_dateline_gives_the_date_and_place() -> None:
    article = read(f"Second berth opens at Rivermouth\n\nRivermouth, May 14 (AIB).- {LEAD}\n")
    assert article.published == datetime(2026, 5, 14, tzinfo=UTC)
    assert article.dateline == "Rivermouth"
    assert article.agency == "AIB"
