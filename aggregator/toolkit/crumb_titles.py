"""A page's short title that repeats the last step of the breadcrumb over it.

A company's or an institution's page ("Heritage > Milestones" / "Milestones", "Corporate >
History" / "Our History") is titled by the name of its place in the site, too short to
read as a headline. It is the page's headline when the page under it is a timeline (dated
entries, "1948 - Founded in …", one a line) and the header gives no headline, or only the
timeline's first entry, which dates one event of many. A headline that opens on a year
("2026: What the budget means …") over a byline and prose is no timeline's entry, and an
article with no headline is titled from its lead, never by its section's name.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Final

from aggregator.toolkit.header_lines import furniture_kind
from aggregator.toolkit.header_zone import HeaderZone, Headline

__all__ = ["CRUMB_TITLE_RULE", "by_crumb"]

CRUMB_TITLE_RULE: Final = "title repeating the breadcrumb's last step"
_CRUMB_STEP = re.compile(r"\s[>›»]\s")
_TIMELINE_ENTRY = re.compile(r"(?:1[6-9]|20)\d\d\s*[-–—|:]\s+\S")
"""A timeline's entry: a year, a dash and what happened in it."""
TITLE_WORDS: Final = 4
TIMELINE_WITHIN: Final = 4
"""How many lines under the title a timeline's entries must stand in."""
LEAST_ENTRIES: Final = 2


def by_crumb(zone: HeaderZone, chosen: Headline | None) -> Headline | None:
    """``chosen`` (the zone's headline), unless it is none or a timeline's entry, a line
    under the breadcrumb repeats its last step and a timeline follows that line (see the
    module's docstring)."""
    if chosen is not None and not _TIMELINE_ENTRY.match(chosen.text):
        return chosen
    lines = zone.lines
    for index in range(zone.start + 1, min(zone.end + 1, len(lines))):
        crumbs = lines[index - 1]
        if ">" not in crumbs and "›" not in crumbs and "»" not in crumbs:
            continue
        if furniture_kind(crumbs) != "breadcrumb":
            continue
        last = _CRUMB_STEP.split(crumbs)[-1].lower().split()
        title = lines[index]
        words = title.lower().split()
        if (
            last
            and len(words) <= TITLE_WORDS
            and words[-len(last) :] == last
            and _heads_timeline(lines, index)
        ):
            return Headline(title, (index,), CRUMB_TITLE_RULE, ())
        return chosen
    return chosen


def _heads_timeline(lines: Sequence[str], title: int) -> bool:
    """Whether dated entries, at least two, stand in the few lines under ``title``."""
    below = lines[title + 1 : title + 1 + TIMELINE_WITHIN]
    return sum(1 for line in below if _TIMELINE_ENTRY.match(line)) >= LEAST_ENTRIES
