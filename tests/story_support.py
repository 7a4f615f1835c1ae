"""A report placed as the story clusterer places it, from a headline and a text: what
the clusterer's tests compare (tests/test_stories.py, test_story_digests.py,
test_story_fit.py)."""

from __future__ import annotations

from datetime import datetime

from aggregator import Item
from aggregator.plugins.cluster_stories import Placement, Report, build_report, text_words


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
