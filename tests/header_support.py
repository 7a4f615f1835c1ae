"""The lead, the reference day and the reader the header-reading tests share.

Each test wraps the same two sentences of body in the header or footer shape it is about,
so that only the shape differs between tests.
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
