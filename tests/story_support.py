"""A report placed as the story clusterer places it, from a headline and a text: what
the clusterer's tests compare (tests/test_stories.py, test_story_digests.py,
test_story_fit.py); and the items a test project stored, by file name."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from aggregator import Item
from aggregator.plugins.cluster_stories import Placement, Report, build_report, text_words
from aggregator.store import Store
from aggregator.testing import FeedProject


def placed(
    title: str,
    text: str,
    item_id: str,
    published: datetime | None,
    outlet: str | None = None,
    source: str | None = None,
) -> tuple[Report, Placement]:
    """``source``: the source's name, by default one of the report's own (reports of one
    source that names no outlet are weighed as such: ``story_match.one_source``)."""
    item = Item(
        id=item_id,
        source=item_id if source is None else source,
        uri=item_id,
        title=title,
        text=text,
        published=published,
        outlet=outlet,
    )
    return build_report(item, "story", text_words(item))


def stored_by_file(project: FeedProject) -> dict[str, Item]:
    """The items a project's runs stored, by the name of the file each was read from."""
    store = Store.open(project.root / "state" / "state.db")
    try:
        return {Path(item.uri).name: item for item in store.iter_items()}
    finally:
        store.close()
