"""The shipped topic tagger on one invented article: what the topic vocabulary tests share."""

from __future__ import annotations

from relevance_support import shipped

from aggregator.models import Item


def topics(title: str, text: str) -> list[str]:
    """The topics the shipped feeds.toml gives an article of ``title`` and ``text``."""
    item = Item(id="x", source="test", uri="test", title=title, text=text)
    shipped().hooks.tag_item(item)
    return item.topics
