"""Learned headings given back once a text is cleaned, when they stand inside the article.

Invented texts of an invented river-port desk. A heading every report of the desk repeats
("The ruling", "In the diary", "[Next steps]") is learned like a masthead; once the text is
cleaned, it stays when the article's prose stands above it and the text under it is the
article's own (a sentence, a wrapped paragraph); it goes over a list of tags, after a
line of furniture, or under a single paragraph.
"""

from __future__ import annotations

from boilerplate_support import learned

from aggregator.toolkit.boilerplate_cleaner import Cleaner
from aggregator.toolkit.boilerplate_kept_sections import LEARNED as LEARNED_RULE
from aggregator.toolkit.boilerplate_kept_sections import kept_sections, sentence_tails
from aggregator.toolkit.boilerplate_learning import Settings, SourceStats

FIRST = "The river-port board met on Tuesday to decide who pays for dredging the inner basin."
SECOND = "Barge owners argued that the city, not the port, should carry the cost of the work."
THIRD = "The board will publish its full reasons in a report to the council next month."
FOOTER = "River Port Notes is written by volunteers and published every week by the Boat Club."


def clean(lines: list[str], stats: SourceStats) -> list[str]:
    _, removed = Cleaner(Settings(), stats).clean("\n\n".join(lines))
    return [line for line, _ in removed]


def test_a_repeated_heading_over_a_one_word_finding_under_the_article_stays() -> None:
    stats = learned("The ruling", FOOTER, documents=3)
    assert clean([FIRST, SECOND, "The ruling", "Upheld.", FOOTER], stats) == [FOOTER]


def test_a_repeated_heading_over_a_dated_entry_inside_the_article_stays() -> None:
    stats = learned("In the diary", FOOTER, documents=3)
    entry = "19 June: council debate, Town Hall."
    assert clean([FIRST, SECOND, "In the diary", entry, FOOTER], stats) == [FOOTER]


def test_a_repeated_bracketed_heading_over_a_wrapped_sentence_stays_with_its_tail() -> None:
    stats = learned("[Next steps]", "2027.", FOOTER, documents=3)
    lines = [
        FIRST,
        SECOND,
        "[Next steps]",
        "The board will ask a dredging firm from Kollam for a first estimate in",
        "2027.",
        FOOTER,
    ]
    assert clean(lines, stats) == [FOOTER]


def test_a_repeated_heading_over_a_list_of_tags_goes() -> None:
    stats = learned("More on", FOOTER, documents=3)
    removed = clean([FIRST, SECOND, "More on", "Dredging", "Barge owners", FOOTER], stats)
    assert "More on" in removed


def test_a_repeated_heading_under_a_line_of_furniture_goes() -> None:
    stats = learned("Phrase of the day", FOOTER, documents=3)
    lines = [FIRST, SECOND, "* * *", "Phrase of the day", "Dredge: to clear a channel.", FOOTER]
    assert "Phrase of the day" in clean(lines, stats)


def test_a_repeated_heading_under_one_paragraph_goes() -> None:
    stats = learned("The ruling", FOOTER, documents=3)
    assert "The ruling" in clean([FIRST, "The ruling", "Upheld.", FOOTER], stats)


def test_only_learned_headings_are_given_back() -> None:
    lines = [FIRST, SECOND, "Share this", "Upheld.", THIRD]
    removed = {2: "share prompt"}
    assert (
        kept_sections(lines, removed, lambda index, least: len(lines[index].split()) >= least) == []
    )
    assert removed == {2: "share prompt"}


def test_a_repeated_short_line_closing_an_open_sentence_is_given_back() -> None:
    lines = [FIRST, "", "The dredging of the inner basin will start in", "", "2027.", "", "- 2 -"]
    removed = {4: "learned: repeats", 6: "learned: repeats"}
    assert sentence_tails(lines, removed) == [4]
    assert removed == {6: "learned: repeats"}


def test_many_learned_headings_ask_about_each_line_a_bounded_number_of_times() -> None:
    """Each heading once rescanned every line above it for prose: quadratic in a long page
    of headings over short findings (8,000 lines took seconds)."""
    lines = [line for n in range(2_000) for line in ("The ruling", "", "Upheld.", "")]
    removed = {index: f"{LEARNED_RULE}Ruling" for index in range(0, len(lines), 4)}
    asked = 0

    def is_prose(index: int, least: int) -> bool:
        nonlocal asked
        asked += 1
        return len(lines[index].split()) >= least

    kept_sections(lines, removed, is_prose)
    assert asked <= 4 * len(lines)


def test_a_repeated_heading_over_a_closing_list_written_as_the_article_s_headings_stays() -> None:
    stats = learned("WHY IT MATTERS", "WHAT TO WATCH", FOOTER, documents=4)
    watch = ["- The council's vote on the dredging budget", "- A tender, expected by August"]
    lines = [FIRST, "WHY IT MATTERS", SECOND, "WHAT TO WATCH", *watch, FOOTER]
    assert clean(lines, stats) == [FOOTER]


def test_a_standing_list_under_a_heading_written_otherwise_still_goes() -> None:
    stats = learned("WHY IT MATTERS", "Upcoming dates", FOOTER, documents=4)
    dates = ["- Boat Club regatta on the river", "- Harbour open day for families"]
    lines = [FIRST, "WHY IT MATTERS", SECOND, "Upcoming dates", *dates, FOOTER]
    assert clean(lines, stats) == ["Upcoming dates", *dates, FOOTER]
