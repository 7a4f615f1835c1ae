"""Headings an outlet repeats in every document: the article's own sections, or furniture.

Invented texts of an invented ferry desk. A heading every report repeats ("Our verdict")
is learned like a masthead; it stays when it heads the report's own prose with prose
above it, and goes when it stands over the first lines (a label of the page) or over a
one-line feature above the footer. At the foot, a repeated heading over a list of short
entries is the outlet's standing calendar: heading and entries go.
"""

from __future__ import annotations

from boilerplate_support import learned

from aggregator.toolkit.boilerplate_cleaner import Cleaner
from aggregator.toolkit.boilerplate_learning import Settings, SourceStats
from aggregator.toolkit.boilerplate_sections import heading_words, is_heading, learnable

FIRST = "The ferry board published its quarterly figures on Monday, and fares rose slightly."
SECOND = "Traffic on the eastern crossing grew fastest, the board said in its statement."
THIRD = "The board expects the new pontoons to carry more passengers by the summer season."
SHORT = "Mostly true. Fares did rise, but by less than claimed."
FOOTER = "The Ferry Desk is a project of the Harbour Trust, funded by its readers and members."


def clean(lines: list[str], stats: SourceStats | None = None) -> list[str]:
    _, removed = Cleaner(Settings(), stats).clean("\n\n".join(lines))
    return [line for line, _ in removed]


def test_a_repeated_heading_after_one_paragraph_heads_a_section() -> None:
    stats = learned("Our verdict")
    assert clean([FIRST, "Our verdict", SHORT, SECOND], stats) == []


def test_a_heading_behind_a_mark_or_in_brackets_is_a_heading() -> None:
    assert is_heading("🚢 Harbour")
    assert is_heading("** In brief")
    assert is_heading("[Next steps]")
    assert heading_words("[Next steps]") == "Next steps"
    stats = learned("🚢 Harbour")
    assert clean([FIRST, SECOND, "🚢 Harbour", THIRD, SECOND], stats) == []


def test_controls_and_running_heads_are_no_headings() -> None:
    assert not is_heading("Most relevant ▾")
    assert not is_heading("HARBOUR TRUST | RESEARCH UNIT")
    assert not is_heading("Route 7")
    assert not is_heading("What we found.")


def test_the_first_of_several_repeated_sections_stays() -> None:
    stats = learned("What we checked", "Our verdict")
    lines = ["What we checked", FIRST, SECOND, "Our verdict", SHORT, THIRD]
    assert clean(lines, stats) == []


def test_a_digests_repeated_sections_over_items_that_cite_their_sources_stay() -> None:
    stats = learned("Harbour and shipping")
    lines = [
        "Harbour and shipping",
        "The ferry board orders two electric boats from a yard in Kobe. (Coast Gazette)",
        "Night crossings resume after the storm repairs are done. (Harbour Radio) (Tide)",
        "Weather",
        "Fog closes the eastern crossing for most of the morning. (Harbour Radio)",
    ]
    assert clean(lines, stats) == []


def test_a_repeated_line_over_the_first_paragraph_still_goes() -> None:
    stats = learned("Story summary")
    assert clean(["Story summary", FIRST, SECOND], stats) == ["Story summary"]


def test_a_standing_feature_above_the_footer_goes() -> None:
    stats = learned("Word of the week", FOOTER, documents=3)
    feature = "Pontoon: a floating platform where the ferries tie up for the night."
    lines = [FIRST, "Word of the week", feature, FOOTER]
    assert clean(lines, stats) == ["Word of the week", FOOTER]


def test_a_writers_bio_above_a_heading_is_not_the_articles_prose() -> None:
    stats = learned("Pass this story on")
    bio = "Mira Sen is our harbour correspondent, based in Kochi."
    lines = [bio, "Pass this story on", FIRST, SECOND, THIRD, SECOND]
    assert clean(lines, stats) == ["Pass this story on"]


def test_a_numbered_heading_behind_a_mark_is_not_learned() -> None:
    assert not learnable("** 3. In brief")
    assert learnable("** SPONSOR")
    stats = learned("** 3. In brief")
    entry = "- New pontoons open in May on the eastern crossing."
    assert clean([FIRST, "** 3. In brief", entry, SECOND], stats) == []


def test_a_masthead_in_a_script_without_spaces_is_a_phrase_not_a_word() -> None:
    assert learnable("港湾フェリー協会")
    assert not learnable("ANSWER")
    assert not learnable("港湾")
    stats = learned("港湾フェリー協会")
    assert clean(["港湾フェリー協会", FIRST, SECOND], stats) == ["港湾フェリー協会"]


def test_a_repeated_heading_over_a_list_at_the_foot_goes_with_its_entries() -> None:
    stats = learned("Coming up", FOOTER, documents=3)
    entries = ["4 May – Pontoon opening", "11 May – Board meeting", "1 June – Summer timetable"]
    lines = [FIRST, SECOND, "Coming up", *entries, FOOTER]
    assert clean(lines, stats) == ["Coming up", *entries, FOOTER]


def test_one_entry_under_a_repeated_heading_at_the_foot_stays() -> None:
    stats = learned("Quick links", FOOTER, documents=3)
    entry = "Fares explained · The eastern crossing"
    lines = [FIRST, SECOND, "Quick links", entry, FOOTER]
    assert entry not in clean(lines, stats)


def test_caption_timings_head_no_list() -> None:
    timing = "00:00:04.315 --> 00:00:07.110"
    stats = learned(timing, "WEBVTT")
    lines = ["WEBVTT", timing, "The ferry board met on Monday", timing, "and raised the fares."]
    removed = clean(lines, stats)
    assert "The ferry board met on Monday" not in removed
    assert "and raised the fares." not in removed
