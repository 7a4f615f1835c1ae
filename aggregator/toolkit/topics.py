"""Topics as publishers show them: URL-safe slugs, and stories grouped by topic.

A topic's slug is lowercase ASCII with hyphens (``"maritime security"`` →
``maritime-security``, ``"AI"`` → ``ai``); two topics that would share a slug
get ``-2``, ``-3``… in the order of their names. The per-topic feeds name
their files with these slugs and the HTML page its topic filters, so a page
link and a feed file always agree.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from ..models import Story, stable_id


def topic_slug(topic: str) -> str:
    """Lowercase ASCII words joined by hyphens; a hash when nothing ASCII is left."""
    ascii_text = unicodedata.normalize("NFKD", topic).encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    return slug or "topic-" + stable_id(topic, length=8)


def topic_slugs(topics: Iterable[str]) -> dict[str, str]:
    """A unique slug for each topic, the same for the same set of topics."""
    slugs: dict[str, str] = {}
    taken: set[str] = set()
    for topic in sorted(set(topics), key=lambda name: (topic_slug(name), name)):
        base = slug = topic_slug(topic)
        number = 2
        while slug in taken:
            slug = f"{base}-{number}"
            number += 1
        taken.add(slug)
        slugs[topic] = slug
    return slugs


def stories_by_topic(stories: Iterable[Story]) -> dict[str, list[Story]]:
    """Each topic's stories, in the order given; topics in order of first appearance."""
    grouped: dict[str, list[Story]] = {}
    for story in stories:
        for topic in story.topics:
            grouped.setdefault(topic, []).append(story)
    return grouped
