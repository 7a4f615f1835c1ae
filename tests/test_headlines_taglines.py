"""A masthead's tagline right under it is no headline, on invented pages, even when the
masthead is printed in capitals and so reads like a label over the line below it."""

from __future__ import annotations

from datetime import UTC, datetime

from aggregator.toolkit.plaintext import extract_article

REFERENCE = datetime(2026, 12, 1, tzinfo=UTC)
BODY = (
    "About 9,000 visitors came through the gates of the old mill on the first day, and the "
    "glass blowers from Otaru ran out of beads by four in the afternoon.\n"
    "The second day opens at ten with a demonstration of bangle making from Firozabad.\n"
)


def test_a_tagline_under_a_masthead_in_capitals_is_not_the_headline() -> None:
    text = (
        "KILN AND CRAFT FORUM\nFairs & Workshops\n"
        "Home | Fairs | Programme | Tickets | Contact\n"
        "Glass Mela 2026 · 7–8 November · Old Mill Grounds\nNews\n"
        "Day 1 at the Glass Mela: 9,000 visitors and a bead shortage\n"
        f"Posted: 07.11.2026, 10:45 pm\n{BODY}"
    )
    article = extract_article(text, reference=REFERENCE)
    assert article.title == "Day 1 at the Glass Mela: 9,000 visitors and a bead shortage"


def test_a_name_under_a_label_below_the_masthead_is_still_the_headline() -> None:
    text = (
        "KILN AND CRAFT FORUM\nHome | Fairs | Programme | Tickets | Contact\n"
        "PRESS NOTE\nGlass Mela Returns\nPosted: 07.11.2026\n" + BODY
    )
    article = extract_article(text, reference=REFERENCE)
    assert article.title == "Glass Mela Returns"
