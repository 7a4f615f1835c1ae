"""Header lines that name who publishes rather than say anything: a tagline, a motto, an
office named by its units. The header zone (:mod:`aggregator.toolkit.header_zone`) ranks
them below the lines that say something."""

from __future__ import annotations

import re

from aggregator.toolkit.header_lines import ORGANISATION_WORDS, is_name_like
from aggregator.toolkit.header_shapes import is_title_case

__all__ = [
    "is_affiliation",
    "is_issuer_units",
    "is_masthead_line",
    "is_motto",
    "is_series_banner",
    "is_street_address",
    "is_tagline",
    "window_title_head",
]

_TAGLINE = re.compile(r"(?P<name>[^—–|·:]+?)\s+[—–|·]\s+\S")
_TAGLINE_MARKS = "—–|·"
"""What :data:`_TAGLINE` needs between a name and what it is."""
_FOUNDED = re.compile(
    r"\b(?:since|est\.?|estd\.?|established|founded)(?: in)? (?:1[6-9]|20)\d\d$", re.I
)
MOTTO_WORDS = 8
_STREET_ADDRESS = re.compile(
    r"\d[\w/-]*,?\s+(?:[\w.'’-]+\s+){0,4}(?:Road|Rd\.|Street|St\.|Avenue|Lane|Marg|Sarani"
    r"|Highway|Boulevard|Square|Chome|Dori|Dōri)\b,?\s+(?:[\w.'’-]+,?\s+){0,4}"
    r"(?:\d{3}\s?\d{3}|\d{3}-\d{4}|\d{5}(?:-\d{4})?)"
)
"""A building's number, its street and the place with its postcode ("14 Harbour Road,
Rivermouth 700001"): where the publisher sits, never a headline."""
_PRINT_STAMP = re.compile(r"\d{1,2}/\d{1,2}/\d{2,4},\s+\d{1,2}:\d{2}\s*(?:[AP]M)?\s{2,}")
"""The date and time a browser prints at the top of each page it prints."""


def is_tagline(line: str) -> bool:
    """A "Name — what it is" banner ("World Brief — the world in five minutes", "ASIA
    FORUM 2026 — Energy Series"), or a motto."""
    match = _TAGLINE.match(line) if any(mark in line for mark in _TAGLINE_MARKS) else None
    if match is not None and is_series_banner(line):
        return True
    return (match is not None and is_name_like(match["name"])) or is_motto(line)


def is_masthead_line(line: str) -> bool:
    """A motto, an owner's line or a series' banner: a line of the masthead wherever it
    stands in the header, ranked with the lines that name something."""
    return is_motto(line) or is_series_banner(line)


def is_series_banner(line: str) -> bool:
    """A series', a programme's or a document's name in capitals, a year or a number in it,
    and in a few words what it is ("ASIA FORUM 2026 — Energy Series", "PLAN 2030 — Our
    Promise"): a banner over the page's own headline, wherever it stands in the header."""
    if not any(mark in line for mark in _TAGLINE_MARKS):
        return False  # no dash, bar or dot to part the name from what it is
    match = _TAGLINE.match(line)
    return (
        match is not None
        and _is_capitals_name(match["name"])
        and len(line[match.end(1) :].split()) <= BANNER_TAIL_WORDS + 1
    )


BANNER_TAIL_WORDS = 6
NAME_WORDS = 5


def _is_capitals_name(part: str) -> bool:
    """A name in capitals, a year or a number in it ("VISION 2029", "ASIA FORUM 2026"): a
    programme's, a series' or a document's name on a banner, before what it is."""
    words = part.split()
    return (
        len(words) <= NAME_WORDS
        and any(c.isalpha() for c in part)
        and part.upper() == part
        and any(w.isalpha() for w in words)
        and any(c.isdigit() for c in part)
    )


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
    Business Since 1921”") or a line that names its owner (see :func:`is_affiliation`): a
    masthead's, wherever it stands in the header."""
    if is_affiliation(line):
        return True
    text = line.strip("\"'“”‘’")
    if not text.rstrip("\n")[-1:].isdigit():
        return False  # a motto ends on its year: most lines are spared the pattern
    return len(line.split()) <= MOTTO_WORDS and _FOUNDED.search(text) is not None


def is_affiliation(line: str) -> bool:
    """A line under a company's name that names the group it belongs to ("A subsidiary of
    … Corporation, Osaka", "Group company of …", "A unit of …") or the body it is
    affiliated to ("Affiliated to the … Federation of India"): who owns or governs the
    publisher, never what it says."""
    return len(line) <= AFFILIATION_MAX and _AFFILIATION.match(line) is not None


AFFILIATION_MAX = 120
_AFFILIATION = re.compile(
    r"(?i:(?:(?:an?\s+)?(?:wholly[- ]owned\s+|100%\s+)?(?:subsidiary|group company"
    r"|member company|affiliate)|an?\s+(?:unit|division))\s+of\s+(?:the\s+)?"
    r"|affiliated\s+(?:to|with)\s+(?:the\s+)?)"
    r"[A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*)*,?\s+(?:[A-Z]|\()"
)
"""The owner's name in capitals after "subsidiary of", "group company of": two words or
more in capitals, so "Member of Parliament resigns" is no such line."""


_PRINT_STAMP = re.compile(r"\d{1,2}/\d{1,2}/\d{2,4},\s+\d{1,2}:\d{2}\s*(?:[AP]M)?\s{2,}")
"""The date and time a browser prints at the top of each page it prints."""


def window_title_head(line: str) -> str | None:
    """The headline of a saved page's window title, "Headline - Site Name", above the page
    itself, or of a printed page's header, "1/22/26, 10:15 AM   Headline : Site Name"; None
    when ``line`` is no such title. Where the page's own headline follows, it repeats that
    head, which is why the title names the site rather than the story."""
    if stamp := _PRINT_STAMP.match(line):
        line = line[stamp.end() :]
    head, bar, site = line.rpartition(" - ")
    if not bar:
        head, bar, site = line.rpartition(" | ")
    if not bar:
        head, bar, site = line.rpartition(" : ")
    titled = bool(bar) and len(head.split()) >= 3 and is_name_like(site) and site != site.lower()
    return head if titled else None


def is_street_address(line: str) -> bool:
    """A street address with its postcode on a line of its own (see :data:`_STREET_ADDRESS`)."""
    return line[:1].isdigit() and _STREET_ADDRESS.fullmatch(line) is not None
