"""Headlines, datelines and dates that dev19's header rules misjudged, read as before.

Each case is an invented ordinary story in its own words, met by a rule first written for
another shape: a desk's slug, a section's number, a week's programme, a title after
"WORD - ", a newsletter's greeting, a letter's "Sub:" field, a dated tail in brackets.
"""

from __future__ import annotations

import signal
from types import FrameType

import pytest
from header_support import LEAD, SECOND, read

from aggregator.toolkit.header_lines import furniture_kind, strip_kicker
from aggregator.toolkit.header_shapes import is_salutation


def _titled(headline: str) -> str:
    return read(f"{headline}\n\n{LEAD}\n\n{SECOND}\n").title


def test_a_name_in_capitals_before_a_hyphen_is_the_headlines_own() -> None:
    for headline in (
        "HARBOURTRUST-Backed Ferry Scheme Reaches the Islands",
        "COASTGUARD-Led Search Finds Missing Trawler Crew",
        "PORT LOUIS-Mombasa Sailings To Double From July",
        "COASTGUARD-Led search finds missing trawler crew",
    ):
        assert strip_kicker(headline) == headline
        assert _titled(headline) == headline


def test_a_market_desks_stack_and_a_wires_kind_of_piece_are_still_slugs() -> None:
    assert strip_kicker("GLOBAL MARKETS-Harbour shares slip as freight rates ease") == (
        "Harbour shares slip as freight rates ease"
    )
    assert strip_kicker("NEWSMAKER-From deckhand to harbour master in twenty years") == (
        "From deckhand to harbour master in twenty years"
    )


def test_a_figure_measured_by_the_word_after_it_opens_the_headline() -> None:
    for headline in (
        "6.8 Magnitude tremor shakes the coast, ferries halted",
        "3.5 Lakh households to get piped water by March",
        "4.2 Billion Dollar Port Deal Signed By Two Shipping Groups for new berth",
    ):
        assert _titled(headline) == headline


def test_a_sections_article_or_rank_number_before_a_dash_is_kept() -> None:
    for headline in (
        "Sec. 144 - Gatherings barred near the harbour after clashes",
        "Art. 21 - High court to hear the fishermen's petition in July",
        "No. 1 - Harbour club regains the top of the rowing table",
    ):
        assert _titled(headline) == headline
    episode = read(f"Ep. 41 - Why the second berth matters\n\n{LEAD}\n\n{SECOND}\n")
    assert episode.title == "Why the second berth matters"


def test_a_pages_posted_and_updated_stamps_date_it_by_the_first() -> None:
    for stamps in (
        "Posted June 8 | 10:30 AM IST\nUpdated June 9 | 11:00 AM IST",
        "June 8 | 10:30 AM IST\nJune 9 | 11:00 AM IST",
    ):
        article = read(f"Harbour board opens second berth\n{stamps}\n\n{LEAD}\n\n{SECOND}\n")
        assert article.published is not None
        assert (article.published.month, article.published.day) == (6, 8)
        assert "June 9" not in article.body


def test_a_lead_wrapped_at_a_width_keeps_its_dateline() -> None:
    article = read(
        "MANGALURU - Trawlers returned to the harbour on Tuesday after the\n"
        "annual fishing ban ended, the fisheries office said in a statement.\n\n"
        f"{SECOND}\n"
    )
    assert article.dateline == "Mangaluru"
    assert not article.title.startswith("MANGALURU")


def test_a_cheer_or_thanks_over_a_story_is_its_headline() -> None:
    for headline in ("Well rowed, girls!", "Thank you, captain!"):
        assert not is_salutation(headline)
        assert _titled(headline) == headline
    assert is_salutation("Konnichiwa and namaste, members!")
    assert is_salutation("Hello again, founders!")


def test_a_sub_field_naming_a_person_gives_no_headline() -> None:
    article = read(f"Sub: Meera Anand Kulkarni\n\n{LEAD}\n\n{SECOND}\n")
    assert "Kulkarni" not in article.title


def _out_of_time(signum: int, frame: FrameType | None) -> None:
    raise TimeoutError


def test_a_long_run_of_spaces_in_a_header_line_costs_little() -> None:
    """A budget of a few seconds: the work is linear in the line (quadratic, 100,000
    spaces took half a minute)."""
    if not hasattr(signal, "SIGALRM"):
        pytest.skip("no alarm signal here")
    previous = signal.signal(signal.SIGALRM, _out_of_time)
    signal.alarm(BUDGET_SECONDS)
    try:
        assert furniture_kind("Harbour" + " " * 100_000 + "board (June 2026)") is None
        assert furniture_kind("Harbour" + " " * 100_000 + "board") is None
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)
    assert furniture_kind("Minister's Schedule (June 15 - June 19, 2026)") is None


BUDGET_SECONDS = 5
