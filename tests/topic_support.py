"""What the topic taggers' test modules share: a project whose only curation settings are
tag_topics' with a small taxonomy and an item tagged by it (test_topic_model.py,
test_topic_words.py), and the topics the shipped feeds.toml gives an invented article
(test_topic_vocabulary.py, test_topic_shared_terms.py)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from relevance_support import shipped

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


def topics(title: str, text: str) -> list[str]:
    """The topics the shipped feeds.toml gives an article of ``title`` and ``text``."""
    item = Item(id="x", source="test", uri="test", title=title, text=text)
    shipped().hooks.tag_item(item)
    return item.topics
