"""A project whose only curation settings are the relevance judge's, and an item judged
by it or its evidence gathered: what the judge's test modules share (test_relevance_*.py,
test_cross_border.py, test_not_reports.py)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from aggregator.app import App
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
