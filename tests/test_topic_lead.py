"""The lead that topics weigh twice is the first paragraph of prose, wrapped lines joined."""

from __future__ import annotations

from aggregator.models import Item
from aggregator.plugins.tag_topics import lead_paragraph_end, score_topics
from aggregator.toolkit.terms import Term, TermMatcher

MATCHER = TermMatcher([Term("orchard", "farming"), Term("harbour", "shipping")])


def test_label_lines_above_the_lead_do_not_end_it() -> None:
    text = (
        "Notice 12\n\nBy the regional desk\n\nThe growers' union opened a new orchard school"
        " in the valley on Monday, the first of its kind.\n\nThe harbour was quiet."
    )
    end = lead_paragraph_end(text)
    assert text[:end].endswith("the first of its kind.")


def test_a_term_on_a_wrapped_line_of_the_lead_counts_as_lead() -> None:
    wrapped = (
        "The growers' union said on Monday that the valley's farmers would open a\n"
        "new school for apprentices next spring, and that its first course would\n"
        "teach the care of an orchard through the four seasons of the year.\n\n"
        "Later paragraphs talk of other things entirely, such as the weather."
    )
    item = Item(id="x", source="s", uri="u", title="Valley news", text=wrapped)
    assert score_topics(item, MATCHER)["farming"]["score"] == 2.0
