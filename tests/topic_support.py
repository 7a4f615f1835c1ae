"""What the topic taggers' test modules share: a project whose only curation settings are
tag_topics' with a small taxonomy and an item tagged by it (test_topic_model.py,
test_topic_words.py), and the topics the shipped feeds.toml gives an invented article
(test_topic_vocabulary.py, test_topic_shared_terms.py)."""

from __future__ import annotations

import tomllib
from functools import cache
from pathlib import Path
from tempfile import mkdtemp
from typing import Any

from aggregator import Config
from aggregator.models import Item
from aggregator.plugins import tag_topics
from aggregator.testing import FeedProject

ROOT = Path(__file__).resolve().parents[1]


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


@cache
def _shipped_rules() -> Config:
    """The shipped feeds.toml's tag_topics settings without its word model: the terms' and
    the thresholds' reading, which the vocabulary tests are about."""
    table = tomllib.loads((ROOT / "feeds.toml").read_text(encoding="utf-8"))
    settings = {
        key: value for key, value in table["plugins"]["tag_topics"].items() if key != "words"
    }
    project = FeedProject(Path(mkdtemp(prefix="topic-rules-")) / "project")
    project.plugin_config("tag_topics", **settings)
    return project.load().config


def topics(title: str, text: str) -> list[str]:
    """The topics the shipped feeds.toml's terms and thresholds give an article of ``title``
    and ``text`` (its word model, which adds to them, left out)."""
    item = Item(id="x", source="test", uri="test", title=title, text=text)
    tag_topics.aggregator_tag_item(item=item, config=_shipped_rules())
    return item.topics
