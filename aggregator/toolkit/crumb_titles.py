"""A page's short title that repeats the last step of the breadcrumb over it.

A company's or an institution's page ("Heritage > Milestones" / "Milestones", "Corporate >
History" / "Our History") is titled by the name of its place in the site, too short to
read as a headline. It is the page's headline when the header gives none, or only the
first entry of a timeline ("1948 - Founded in …"), which dates one event of many.
"""

from __future__ import annotations

import re
from typing import Final

from aggregator.toolkit.header_lines import furniture_kind
from aggregator.toolkit.header_zone import HeaderZone, Headline

__all__ = ["CRUMB_TITLE_RULE", "by_crumb"]

CRUMB_TITLE_RULE: Final = "title repeating the breadcrumb's last step"
_CRUMB_STEP = re.compile(r"\s[>›»]\s")
_TIMELINE_ENTRY = re.compile(r"(?:1[6-9]|20)\d\d\s*[-–—|:]\s+\S")
"""A timeline's entry: a year, a dash and what happened in it."""
TITLE_WORDS: Final = 4


def by_crumb(zone: HeaderZone, chosen: Headline | None) -> Headline | None:
    """``chosen`` (the zone's headline), unless it is none or a timeline's entry and a
    line under the breadcrumb repeats its last step (see the module's docstring)."""
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
        if last and len(words) <= TITLE_WORDS and words[-len(last) :] == last:
            return Headline(title, (index,), CRUMB_TITLE_RULE, ())
        return chosen
    return chosen
