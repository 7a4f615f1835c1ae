"""Roles a header line takes from its neighbours, whatever its own words.

A line may be shaped like a headline and still be furniture by where it stands: a
"Label: value" line inside a block of fields is a field ("Date: 09/03/2026" / "Trade: India
Subcontinent – Far East" / headline), whatever its label; and a line may be the headline
by where it stands whatever its shape: a video's title, above its channel's name and count
of subscribers. The header zone (:mod:`aggregator.toolkit.header_zone`) ranks the first
below every headline and takes the second first.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from typing import Final

from aggregator.toolkit.date_labels import LABEL
from aggregator.toolkit.header_lines import (
    FIELD_LABELS,
    GENRE_WORDS,
    KICKER_WORDS,
    ORGANISATION_WORDS,
    furniture_kind,
    header_field,
    is_name_like,
)

__all__ = [
    "ATTRIBUTION_RULE",
    "CHANNEL_RULE",
    "field_block_lines",
    "is_navigation",
    "masthead_tagline",
    "names_menu_section",
    "title_above_channel",
    "title_by_place",
    "titles_section",
]

CHANNEL_RULE: Final = "title above a channel and its subscribers"
ATTRIBUTION_RULE: Final = "title over a reference site's attribution"
_ATTRIBUTION = re.compile(
    r"From [A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,3}, the (?:free )?[a-z]+(?: [a-z]+)?"
)
"""A reference site's line under each page's title ("From Openpedia, the free
encyclopedia"): the line right above it is the page's title, whatever its shape
("Portal:Current events/2026 May 26")."""

_LABELLED = re.compile(r"(?P<label>[A-Z][a-z]+(?:[ /&-]+[A-Za-z][a-z]*){0,2})\s?:\s+\S")
"""A "Label: value" line with a label of one to three words in mixed case ("Trade:",
"Restrictions:", "Date of issue:"); a kicker in capitals ("EXCLUSIVE: …") is no field."""
_KICKERS: Final = KICKER_WORDS | GENRE_WORDS
"""Labels that name a kind of piece ("Analysis: …", "Exclusive: …"): a headline's kicker,
not a field, wherever it stands."""
_SUBSCRIBERS = re.compile(r"[\d.,]+\s?[KkMm]? subscribers")
"""A channel's count of subscribers, under its name, under the video's title."""
FIELD_RUN: Final = 3
"""Fields in a row from which, right under a headline-shaped line, they are a block: two may
be a headline with a colon over a dated line ("Tokyo Round: What to expect" / "Recorded:
…")."""
CHANNEL_WORDS: Final = 6
"""A channel's name is short."""


def field_block_lines(
    lines: Sequence[str],
    candidates: Sequence[int],
    anchors: Collection[int],
    dated: Collection[int],
) -> set[int]:
    """The headline-shaped "Label: value" lines right under a "Label: value" field read as
    metadata ("Date: …", "Credit: …"), another such line or a row of figures that holds no
    date (a score), with a headline-shaped line still below them that is no field, or in a
    run of such lines right under a headline-shaped line that is none (:func:`_field_run`):
    the block's fields, never the headline."""
    found: set[int] = set()
    for index in candidates:
        above = index - 1
        labelled = _LABELLED.match(lines[index])
        if above < 0 or labelled is None or labelled["label"].lower() in _KICKERS:
            continue
        field = (above in anchors or above in found) and _LABELLED.match(lines[above])
        figures = above not in anchors and above not in dated
        if field or (figures and furniture_kind(lines[above]) == "figures"):
            found.add(index)
    last = max((i for i in candidates if i not in found), default=-1)
    return {index for index in found if index < last} | _field_run(lines, candidates)


def _field_run(lines: Sequence[str], candidates: Sequence[int]) -> set[int]:
    """The headline-shaped lines of a run of :data:`FIELD_RUN` "Label: value" lines or more
    right under a headline-shaped line that is none (a ruling's headline over "Citation:" /
    "Assessee:" / "Bench:" / "Date of order:"): the fields under a headline."""
    shaped = set(candidates)
    found: set[int] = set()
    run: list[int] = []
    last = max(candidates, default=-1)
    for index in range(min(candidates, default=0), len(lines) + 1):
        labelled = index < len(lines) and _LABELLED.match(lines[index])
        if labelled and labelled["label"].lower() not in _KICKERS:
            run.append(index)
            continue
        if len(run) >= FIELD_RUN and run[0] - 1 in shaped:
            found.update(shaped.intersection(run))
        if index > last:
            break
        run = []
    return found


def title_above_channel(lines: Sequence[str], candidates: Sequence[int]) -> int | None:
    """The headline-shaped line right above a channel's name and its count of subscribers
    (a video page: title, channel, "904K subscribers"), whatever its shape (a label path,
    a date at its end): the video's title. A name there is a profile's, not a title."""
    for index in candidates:
        if index + 2 >= len(lines) or not _SUBSCRIBERS.fullmatch(lines[index + 2]):
            continue
        channel = lines[index + 1]
        if len(channel.split()) <= CHANNEL_WORDS and not is_name_like(lines[index]):
            return index
    return None


def title_by_place(lines: Sequence[str], candidates: Sequence[int]) -> tuple[int, str] | None:
    """A title known by where it stands, whatever its shape, and the rule: a video's (see
    :func:`title_above_channel`), or a reference page's, right over its site's attribution."""
    if (titled := title_above_channel(lines, candidates)) is not None:
        return titled, CHANNEL_RULE
    limit = min(len(lines), (candidates[-1] + 2) if candidates else 0)
    for index in range(1, limit):
        if _ATTRIBUTION.fullmatch(lines[index]) and lines[index - 1]:
            return index - 1, ATTRIBUTION_RULE
    return None


def titles_section(lines: Sequence[str], index: int) -> bool:
    """Whether a "Topic: Subtitle" line opens with the topic the line above ends on (a
    breadcrumb "Chapter 9 › Foreign Trade" over "Foreign Trade: Open Markets, Fair Rules"):
    the title of the section the page is, not a "Label: value" field, whatever its value's
    shape. The topic is a label :func:`header_field` reads (one of two words or more, not
    one of :data:`FIELD_LABELS`); a one-word topic is left to the other rules. So is a
    topic of two words or more, written as a name, under any breadcrumb ("Home > Schedule >
    Lifestyle" over "Asia Insight: The Bullet Train Bet"): a programme's name over its
    episode's title."""
    found = header_field(lines[index])
    if index == 0 or found is None or found.label in FIELD_LABELS:
        return False
    if furniture_kind(lines[index - 1]) == "breadcrumb" and _names_programme(lines[index]):
        return True
    above = " ".join(lines[index - 1].lower().split())
    head = above.removesuffix(found.label)
    return head != above and (not head or not head[-1].isalnum())


def _names_programme(line: str) -> bool:
    """A "Name: Title" line whose name of two words or more is written as a name, and is no
    credit ("Posted by", "Filed By"), office ("Port Office": a field naming who issues the
    page) nor a date's label ("Last Updated")."""
    name = line.partition(":")[0]
    words = name.split()
    return (
        len(words) > 1
        and is_name_like(name)
        and words[-1].lower() != "by"
        and not any(word.lower() in ORGANISATION_WORDS for word in words)
        and LABEL.fullmatch(name) is None
        and furniture_kind(line) == "label"
    )


_MENU_PARTS = re.compile(r"\s[|·•›»]\s")
SECTION_NAME_WORDS: Final = 3


def names_menu_section(lines: Sequence[str], index: int) -> bool:
    """A "Topic: Name" line whose topic is an entry of the menu right above it ("Contents |
    Environment | Social | …" over "Social: Human capital"): the section of the document
    the page is, a name of a few words, not the headline under it."""
    topic, colon, name = lines[index].partition(": ")
    if not colon or index == 0 or len(name.split()) > SECTION_NAME_WORDS:
        return False
    parts = {part.strip().casefold() for part in _MENU_PARTS.split(lines[index - 1])}
    return len(parts) > 2 and topic.strip().casefold() in parts


def is_navigation(line: str) -> bool:
    """Links under a site's name: a menu, "Subscribe", "Sign in"."""
    return furniture_kind(line) in ("menu", "link", "boilerplate")


def masthead_tagline(lines: Sequence[str], index: int, candidates: Sequence[int]) -> bool:
    """The first headline-shaped line, or a name line right under it with the site's
    navigation right below ("RANG MANCH JAIPUR" / "Festivals & Live Events" / "Home |
    Festivals | …"): the masthead and its tagline, though a masthead in capitals reads as
    a label over the line below it. A series' label over a title is no masthead: no
    navigation follows the title ("… WORKING PAPER No. 12" / "Ferries and Bridges
    Compared:")."""
    if not candidates or index == candidates[0]:
        return bool(candidates)
    below = lines[index + 1] if index + 1 < len(lines) else ""
    return index - 1 == candidates[0] and is_navigation(below)
