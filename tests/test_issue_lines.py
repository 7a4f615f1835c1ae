"""An issue line dated in words and a bracketed section label stand over a headline."""

from __future__ import annotations

import pytest

from aggregator import Item
from aggregator.plugins import clean_boilerplate as cb

MASTHEAD = "HARBOUR TRADE GAZETTE"


@pytest.mark.parametrize(
    "issue",
    [
        "Issue of Thursday, March 5, 2026 (No. 1204)",
        "Edition for 5 March 2026",
        "Issue dated 05.03.2026",
    ],
)
def test_a_dated_issue_line_and_a_section_in_brackets_are_skipped(issue: str) -> None:
    learner = cb.Learner(cb.Settings(learn=False))
    item = Item(id="x", source="s", uri="u", title=MASTHEAD, text="", summary="")
    item.text = f"{issue}\n\n[Shipbuilders]\nDockyard orders two ferries\n\nThe yard said so."
    cleaner = cb.Cleaner(learner.settings, None)
    cleaner.judge = lambda line, words: ("masthead", "line") if line == MASTHEAD else None  # type: ignore[method-assign]
    cb._repair_title(item, cleaner)
    assert item.title == "Dockyard orders two ferries"


def test_an_issue_of_words_without_a_date_is_no_issue_line() -> None:
    assert cb._ISSUE_LINE.fullmatch("Issue of trust between neighbours") is None
    assert cb._above_headline("[Shipbuilders]") == "section label"
    assert cb._above_headline("[see the note below, which explains it]") is None


def test_a_chart_caption_that_gives_its_figures_is_text_but_a_photo_caption_is_not() -> None:
    chart = "[Chart 2] Ferries per day, 2025: Pier A 14, Pier B 9, Pier C 3."
    assert cb.Cleaner(cb.Settings(), None).judge(chart, len(chart.split())) is None
    photo = "[Photo 2] The mayor at Pier A with 14 captains on 9 March 2025."
    assert cb.Cleaner(cb.Settings(), None).judge(photo, len(photo.split())) is not None
    bare = "[Chart 1] Ferries per day"
    assert cb.Cleaner(cb.Settings(), None).judge(bare, len(bare.split())) is not None
