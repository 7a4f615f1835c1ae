"""How topics weigh their terms: the lead (the first paragraph of prose, wrapped lines
joined) twice, and a term listed under several topics for each of them."""

from __future__ import annotations

from pathlib import Path

from aggregator.models import Item
from aggregator.plugins import tag_topics
from aggregator.plugins.tag_topics import lead_paragraph_end, score_topics
from aggregator.testing import FeedProject
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


def test_a_term_listed_under_two_topics_counts_for_both(tmp_path: Path) -> None:
    project = FeedProject(tmp_path / "project")
    project.plugin_config(
        "tag_topics",
        taxonomy={"farming": ["orchard", "cider"], "trade": ["cider", "exports"]},
        min_score=1.0,
        first_min_score=1.0,
    )
    config = project.load().config
    item = Item(
        id="x",
        source="s",
        uri="u",
        title="Valley news",
        text="Later paragraphs are about the cider presses of the valley and nothing more.",
    )
    tag_topics.aggregator_tag_item(item=item, config=config)
    assert sorted(item.topics) == ["farming", "trade"]
    evidence = item.extras["topic_evidence"]
    assert evidence["farming"]["terms"] == {"cider": 1} == evidence["trade"]["terms"]
