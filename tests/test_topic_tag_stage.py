"""Topics are the tag stage's (DESIGN.md: tag hooks run in place, judges return a drop
reason): tag_topics gives what the thresholds give and has no judge, so a judge of any
order sees an item's topics as tagged and leaves them so; one passing word gives no topic
(a best-found topic given below the thresholds did not carry to development halves left
out once one weak word was not enough: docs/topic_model.md)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from aggregator.models import Item
from aggregator.plugins import tag_topics
from aggregator.testing import FeedProject

TAXONOMY = {
    "farming": ["orchard", "growers"],
    "shipping": ["harbour", "freighter"],
    "schools": ["students", "classroom"],
}
PASSING = (
    "The valley council met on Tuesday evening to hear residents on the new bus timetable"
    " and the closing hours of the library.\n\nOne speaker, a retired teacher, said the"
    " harbour road was too dark at night. The council promised an answer next month."
)
"""A report about none of the topics: one plain mention of one term, in the body."""

DROP_LAST = """
from aggregator import hookimpl

@hookimpl(trylast=True)
def aggregator_judge_item(item, config):
    return "off the subject"
"""
DROP_UNTAGGED = """
from aggregator import hookimpl

@hookimpl(trylast=True)
def aggregator_judge_item(item, config):
    return None if item.topics else "no topic"
"""


def project(tmp_path: Path, plugin: str = "", **options: Any) -> FeedProject:
    project = FeedProject(tmp_path / "project")
    project.plugin_config("tag_topics", taxonomy=TAXONOMY, min_score=2.5, **options)
    if plugin:
        project.add_plugin("user_judge.py", plugin)
    return project


def tag_and_judge(project: FeedProject, title: str, text: str) -> Item:
    """An item tagged and judged as the pipeline does."""
    app = project.load()
    item = Item(id="x", source="s", uri="u", title=title, text=text)
    app.hooks.tag_item(item)
    reason = app.hooks.judge_item(item)
    if reason is not None:
        item.dropped = reason
    return item


def test_tag_topics_has_no_judge() -> None:
    assert not hasattr(tag_topics, "aggregator_judge_item")


def test_one_passing_word_gives_a_kept_item_no_topic(tmp_path: Path) -> None:
    item = tag_and_judge(project(tmp_path), "Council hears residents", PASSING)
    assert item.dropped is None
    assert item.extras["topic_evidence"]["shipping"]["score"] == 1.0
    assert item.topics == []


def test_a_last_judge_dropping_an_item_leaves_it_no_topic(tmp_path: Path) -> None:
    item = tag_and_judge(project(tmp_path, DROP_LAST), "Council hears residents", PASSING)
    assert item.dropped == "off the subject"
    assert item.topics == []


def test_a_last_judge_sees_the_tag_stage_topics(tmp_path: Path) -> None:
    item = tag_and_judge(project(tmp_path, DROP_UNTAGGED), "Council hears residents", PASSING)
    assert item.dropped == "no topic"
    assert item.topics == []


def test_topics_the_thresholds_give_reach_every_judge(tmp_path: Path) -> None:
    text = (
        "The orchard growers of the valley opened their first shared cold store on Monday,"
        " so that their apples can wait for a better price.\n\nA freighter will call at the"
        " harbour in March. The orchard cooperative said the growers had paid for the store"
        " themselves."
    )
    item = tag_and_judge(
        project(tmp_path, DROP_UNTAGGED), "Orchard growers open a cold store", text
    )
    assert item.dropped is None
    assert item.topics == ["farming"]


def test_an_item_no_term_matched_gets_no_topic(tmp_path: Path) -> None:
    text = "The council met on Tuesday to hear residents on the bus timetable and the library."
    item = tag_and_judge(project(tmp_path), "Council hears residents", text)
    assert item.topics == []
