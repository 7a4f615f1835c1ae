"""Menus and breadcrumbs: a page's navigation copied with its text.

"Home | News | World", "Home > Asia > India", "For You · Top · India", a run of section
names without separators ("Politics Society Business World Culture"), and a menu a site
writes in lower case ("new | past | comments | ask | show | jobs"). Used by
:func:`aggregator.toolkit.boilerplate_shapes.shape_rule`.
"""

from __future__ import annotations

import re

_MENU_SPLIT = re.compile(r"\s+[|·•›»>/]\s+|\s*[|·•›»]\s*")
_MENU_MARK = re.compile(r"[|·•›»>/]")
"""A character every separator of ``_MENU_SPLIT`` holds."""
_SECTION_WORDS = frozenset(
    [
        "home",
        "news",
        "world",
        "business",
        "sport",
        "sports",
        "opinion",
        "politics",
        "culture",
        "society",
        "science",
        "nature",
        "editorial",
        "editorials",
        "lifestyle",
        "entertainment",
        "events",
        "jobs",
        "deals",
        "reviews",
        "about",
        "contact",
        "video",
        "videos",
        "photos",
        "markets",
        "economy",
        "companies",
        "industry",
        "health",
        "tech",
        "technology",
        "travel",
        "food",
        "education",
        "search",
        "cabinet",
        "policies",
        "careers",
        "newsletter",
        "newsletters",
        "podcasts",
        "e-paper",
        "epaper",
        "columns",
        "letters",
        "cartoon",
        "national",
        "international",
        "local",
        "city",
        "auto",
        "autos",
        "mobiles",
        "laptops",
        "appliances",
        "destinations",
        "guides",
        "investors",
        "newsroom",
        "sustainability",
        "company",
        "ir",
        "finance",
        "portfolio",
        "sections",
        "topics",
        "more",
        "menu",
        "mining",
        "metals",
        "energy",
        "transition",
        "media",
        "centre",
        "center",
        "services",
        "relations",
        "commerce",
        "weather",
    ]
)


def is_menu(line: str) -> bool:
    """Menus and breadcrumbs: three or more short segments, none a sentence or a number.

    "Home | News | World", "Home > Asia > India", "For You · Top · India", "new | past |
    comments | ask | show | jobs";
    also a run of section names without separators ("Politics Society
    Business World Culture"), where most words name a site section.
    """
    ascii_marks = "|" in line or ">" in line or "/" in line  # the others are not ASCII
    if (ascii_marks or not line.isascii()) and _MENU_MARK.search(line) is not None:
        segments = [segment for segment in _MENU_SPLIT.split(line) if segment]
        if len(segments) >= 3:
            odd = sum(not _menu_segment(segment) for segment in segments)
            return odd == 0 or (odd == 1 and len(segments) >= 5) or _lower_menu(segments)
    words = line.split()
    if len(words) < 4:
        return False
    for word in words:  # a loop, not any(): a sentence fails at its second word
        if not (word[0].isupper() or word in "&▾"):
            return False
    named = sum(word.casefold().strip("▾") in _SECTION_WORDS for word in words)
    return named * 3 >= len(words) and named >= 3


LOWER_MENU_WORDS = 5


def _lower_menu(segments: list[str]) -> bool:
    """A menu a site writes in lower case ("new | past | comments | ask | show | jobs"):
    five one-word segments or more after the first (which may carry the site's name), each
    a lower-case word."""
    rest = segments[1:]
    return len(rest) >= LOWER_MENU_WORDS and all(
        segment.isalpha() and segment.islower() for segment in rest
    )


def _menu_segment(segment: str) -> bool:
    words = segment.split()
    if not 1 <= len(words) <= 4 or any(char.isdigit() for char in segment):
        return False
    if segment.endswith((".", "!", "?", ",", ";", ":")) and not segment.endswith(("...", "…")):
        return False
    first = words[0]
    return (
        first[0].isupper() or not first[0].isalpha() or (first[0].isalpha() and not first.isascii())
    )
