"""Header lines that name who publishes rather than say anything: a tagline, a motto, an
office named by its units. The header zone (:mod:`aggregator.toolkit.header_zone`) ranks
them below the lines that say something."""

from __future__ import annotations

import re

from aggregator.toolkit.header_lines import ORGANISATION_WORDS, is_name_like
from aggregator.toolkit.header_shapes import is_title_case

__all__ = ["is_issuer_units", "is_motto", "is_tagline"]

_TAGLINE = re.compile(r"(?P<name>[^—–|·:]+?)\s+[—–|·]\s+\S")
_FOUNDED = re.compile(
    r"\b(?:since|est\.?|estd\.?|established|founded)(?: in)? (?:1[6-9]|20)\d\d$", re.I
)
MOTTO_WORDS = 8


def is_tagline(line: str) -> bool:
    """A "Name — what it is" banner ("World Brief — the world in five minutes"), or a
    motto."""
    match = _TAGLINE.match(line)
    return (match is not None and is_name_like(match["name"])) or is_motto(line)


def is_issuer_units(line: str) -> bool:
    """An office named by its units, largest first ("Kagami City Hall, International
    Exchange Section, Planning Department"): names between commas, two of them a unit's
    (a hall, a section, a department, a ministry…), no figure."""
    parts = [part.strip() for part in line.split(",")]
    return (
        len(parts) >= 2
        and not any(char.isdigit() for char in line)
        and all(is_title_case(part) and len(part.split()) <= 5 for part in parts)
        and sum(any(w.lower() in _UNIT_WORDS for w in part.split()) for part in parts) >= 2
    )


_UNIT_WORDS = ORGANISATION_WORDS | {"section", "division", "unit", "hall", "cell", "wing", "desk"}


def is_motto(line: str) -> bool:
    """A motto that dates the house ("Independent research on Asia since 1998", "“Serving
    Business Since 1921”"): a masthead's, wherever it stands in the header."""
    return len(line.split()) <= MOTTO_WORDS and _FOUNDED.search(line.strip("\"'“”‘’")) is not None
