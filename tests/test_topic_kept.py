"""A kept item has a topic: when the thresholds give none, the judges' last word gives the
one its terms found most (every one tied at that score); a dropped item, or one the
thresholds gave a topic, is left as it was."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from aggregator.models import Item
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
"""A report no threshold gives a topic: one plain mention of one term, in the body."""


def project(tmp_path: Path, **options: Any) -> FeedProject:
    project = FeedProject(tmp_path / "project")
    project.plugin_config("tag_topics", taxonomy=TAXONOMY, min_score=2.5, **options)
    return project


DROP_ALL = """
from aggregator import hookimpl

@hookimpl
def aggregator_judge_item(item, config):
    return "off the subject"
"""


def tag_and_judge(project: FeedProject, title: str, text: str) -> Item:
    """An item tagged and judged as the pipeline does."""
    app = project.load()
    item = Item(id="x", source="s", uri="u", title=title, text=text)
    app.hooks.tag_item(item)
    reason = app.hooks.judge_item(item)
    if reason is not None:
        item.dropped = reason
    return item


def test_a_kept_item_gets_the_topic_its_terms_found_most(tmp_path: Path) -> None:
    item = tag_and_judge(project(tmp_path), "Council hears residents", PASSING)
    assert item.dropped is None
    assert item.topics == ["shipping"]


def test_the_topic_found_most_is_chosen_among_weak_ones(tmp_path: Path) -> None:
    text = PASSING + "\n\nThe growers of the hill farms asked for a later bus. The growers"
    text += " said they would write again."
    item = tag_and_judge(project(tmp_path), "Council hears residents", text)
    assert item.topics == ["farming"]


def test_topics_tied_at_the_best_score_are_all_given(tmp_path: Path) -> None:
    text = PASSING + "\n\nA parent asked whether the students could ride the bus for free."
    item = tag_and_judge(project(tmp_path), "Council hears residents", text)
    evidence = item.extras["topic_evidence"]
    assert evidence["schools"]["score"] == evidence["shipping"]["score"] == 1.0
    assert item.topics == ["schools", "shipping"]


def test_topics_the_thresholds_give_are_not_added_to(tmp_path: Path) -> None:
    text = (
        "The orchard growers of the valley opened their first shared cold store on Monday,"
        " so that their apples can wait for a better price.\n\nA freighter will call at the"
        " harbour in March. The orchard cooperative said the growers had paid for the store"
        " themselves."
    )
    item = tag_and_judge(project(tmp_path), "Orchard growers open a cold store", text)
    assert item.topics == ["farming"]


def test_an_item_no_term_matched_gets_no_topic(tmp_path: Path) -> None:
    text = "The council met on Tuesday to hear residents on the bus timetable and the library."
    item = tag_and_judge(project(tmp_path), "Council hears residents", text)
    assert item.topics == []


def test_a_dropped_item_gets_no_topic_the_thresholds_did_not_give(tmp_path: Path) -> None:
    dropping = project(tmp_path)
    dropping.add_plugin("drop_all.py", DROP_ALL)
    item = tag_and_judge(dropping, "Council hears residents", PASSING)
    assert item.dropped is not None
    assert item.topics == []


def test_the_option_turns_it_off(tmp_path: Path) -> None:
    item = tag_and_judge(project(tmp_path, kept_topic=False), "Council hears residents", PASSING)
    assert item.topics == []
