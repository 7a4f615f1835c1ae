"""The marks of signed official copies, slide decks and page controls, on invented lines."""

from __future__ import annotations

import pytest

from aggregator.toolkit.boilerplate import classify


@pytest.mark.parametrize(
    "line",
    [
        "Sd/-",
        "Signature Not Verified",
        "Digitally Signed By:MARA QUELL",
        "Signing Date:11.02.2026 17:04:22",
        "Certified True Copy",
        "Slide 7",
        "Larger text size",
        "Loading...",
        "Like this:",
        "Save",
        "Visitors: 88,412",
        "Enditem",
        "12 | VALLEY FERRY REVIEW | 6 MARCH 2026",
        "6 MARCH 2026 | VALLEY FERRY REVIEW | 13",
        "INTRODUCTION .................................. (v)",
        "CHAPTER II    Ferries and Fares ................. 21",
        "[05/03/26, 9:44:58 AM] Mara Quell: \u200edocument omitted",
        "12/03/2026, 10:15 - Tom Ridley: <Media omitted>",
        "[05/03/26, 11:02:40 AM] Mara: \u200e<attached: 00000014-PHOTO-2026-03-05.jpg>",
        "Sent: Friday, January 23, 2026 11:02 AM",
        "Subject: Ferry landing lunch – headcount",
    ],
)
def test_furniture_of_copies_decks_and_pages(line: str) -> None:
    assert classify(line) is not None


@pytest.mark.parametrize(
    "line",
    [
        "Save the river landings, the petition says.",
        "Slide 7 shows the new pontoons at the eastern landing.",
        "Loading of the ferries begins at six each morning.",
        "Visitors to the landing rose by a tenth in January.",
        "[05/03/26, 9:44:58 AM] Mara Quell: the document is on the ferry board's site",
    ],
)
def test_sentences_that_open_with_the_same_words_stay(line: str) -> None:
    assert classify(line) is None


def test_a_wiki_heading_is_read_without_its_edit_mark() -> None:
    rule = classify("References[edit]")
    assert rule is not None and rule.name == "source list"
    assert classify("History[edit]") is None


@pytest.mark.parametrize(
    "heading", ["Related topic:", "Related organisations", "Companies in this article"]
)
def test_headings_of_related_lists(heading: str) -> None:
    rule = classify(heading)
    assert rule is not None and rule.name == "related stories"
