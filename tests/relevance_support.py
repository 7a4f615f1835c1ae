"""A project whose only curation settings are the relevance judge's, and an item judged
by it or its evidence gathered; an item judged with the shipped feeds.toml: what the
judge's test modules share (test_relevance_*.py, test_cross_border.py, test_not_reports.py)."""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Any

from aggregator.app import App, load_app
from aggregator.models import Item
from aggregator.plugins import judge_relevance
from aggregator.testing import FeedProject

FILLER = (
    " Officials spent the week going through the details of the plans, which cover"
    " research, training and the sharing of data."
)
"""A sentence of neither side, to make a text long enough for the judge's body rules."""


def judge_app(root: Path, settings: dict[str, Any]) -> App:
    """A project at ``root`` with ``settings`` as its ``[plugins.judge_relevance]`` table."""
    project = FeedProject(root / "project")
    project.plugin_config("judge_relevance", **settings)
    return project.load()


def judge_settings(root: Path, settings: dict[str, Any]) -> judge_relevance.Settings:
    """The judge's settings as a project at ``root`` with ``settings`` reads them."""
    found = judge_app(root, settings).config.stash[judge_relevance.SETTINGS]
    assert found is not None
    return found


def judge(app: App, title: str, text: str) -> tuple[str | None, Item]:
    """The judge's verdict on an item of ``title`` and ``text``, and the item judged."""
    item = Item(id="x", source="test", uri="test", title=title, text=text)
    return judge_relevance.aggregator_judge_item(item=item, config=app.config), item


def gathered(app: App, title: str, text: str) -> judge_relevance.Evidence:
    """The evidence the judge of ``app`` gathers from an item of ``title`` and ``text``."""
    settings = app.config.stash[judge_relevance.SETTINGS]
    assert settings is not None
    item = Item(id="x", source="test", uri="test", title=title, text=text)
    return judge_relevance.gather(item, settings)


@functools.cache
def shipped() -> App:
    """The project as shipped: the repository's feeds.toml, loaded once."""
    return load_app(Path(__file__).resolve().parents[1] / "feeds.toml", entry_points=False)


def judged(title: str, text: str) -> Item:
    """An item of ``title`` and ``text`` judged with the shipped vocabulary."""
    item = Item(id="x", source="test", uri="test", title=title, text=text)
    shipped().hooks.judge_item(item)
    assert item.relevance is not None
    return item


def kept(title: str, text: str) -> bool:
    """Whether the shipped judge keeps an item of ``title`` and ``text``."""
    relevance = judged(title, text).relevance
    assert relevance is not None
    return relevance.kept
