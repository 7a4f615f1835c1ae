"""A headline in capitals over its date, byline and a score's field rows, under a masthead
and its tagline, on an invented federation page: the rows are furniture between the
headline and the lead, not a reason to fall back on the tagline."""

from __future__ import annotations

from datetime import UTC, datetime

from aggregator.toolkit.plaintext import extract_article

REFERENCE = datetime(2026, 12, 1, tzinfo=UTC)


def test_a_capitals_headline_over_a_score_s_rows_is_the_headline() -> None:
    text = (
        "KABADDI FEDERATION OF LOWLAND\nMember of IKF & Asian Kabaddi Federation\n"
        "Home | Teams | Fixtures | Rankings | Media\nLatest News\n"
        "LOWLAND EDGE PAST HIGHLAND IN A TENSE FINAL\n14 November, 2026\nBy KFL Media\n"
        "Lowland 34 - 31 Highland\nLowland: Ravi Dhar (12 raids), Amit Sen (6 tackles)\n"
        "Highland: Kenji Ota (10 raids), Sota Mori (5 tackles)\n"
        "Osaka: Lowland won the final of the Asian club championship on Saturday, holding "
        "off a late surge from Highland in the last two minutes of play.\n"
        "The captain said the defence had kept its shape when it mattered most.\n"
    )
    article = extract_article(text, reference=REFERENCE)
    assert article.title == "LOWLAND EDGE PAST HIGHLAND IN A TENSE FINAL"
