"""A project whose only curation settings are tag_topics' with a small taxonomy, and an
item tagged by it: what the topic taggers' test modules share (test_topic_model.py,
test_topic_words.py)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from aggregator.models import Item
from aggregator.plugins import tag_topics
from aggregator.testing import FeedProject


def topics_project(tmp_path: Path, taxonomy: dict[str, list[str]], **options: Any) -> FeedProject:
    """A project under ``tmp_path`` tagging by ``taxonomy``, one matching term enough."""
    project = FeedProject(tmp_path / "project")
    project.plugin_config(
        "tag_topics", taxonomy=taxonomy, min_score=1.0, first_min_score=1.0, **options
    )
    return project


def tag(project: FeedProject, title: str, text: str) -> Item:
    """An item of ``title`` and ``text`` tagged with ``project``'s settings."""
    config = project.load().config
    item = Item(id="x", source="s", uri="u", title=title, text=text)
    tag_topics.aggregator_tag_item(item=item, config=config)
    return item
