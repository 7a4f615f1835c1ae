"""Bylines of plain-text articles: "By A, B and C, Reuters" read as names and an agency."""

from __future__ import annotations

import re
from typing import Final

from aggregator.toolkit.header_lines import agency_name, is_organisation
from aggregator.toolkit.lines import word_set

__all__ = ["BYLINE", "parse_byline"]


_ROLE_WORDS: Final = word_set(
    """staff writer writers correspondent reporter reporters editor editors
    bureau desk team contributor special senior chief news service online
    digital web fellow visiting professor researcher analyst associate secretary"""
)
_NAME_PARTICLES: Final = word_set("de da del der van von bin al la le di du")
_RANKS: Final = word_set(
    """dr prof mr mrs ms shri smt sri capt cdr col lt gen maj brig adm wg gp sqn ldr cmde
    cdre air vice rear marshal commodore colonel general major captain commander lieutenant
    brigadier admiral retd rtd retired amb hon"""
)
"""Titles and ranks before a name ("Wg Cdr (Retd) Meenal Rao", "Lt Gen (Dr) A. Rao"):
not counted among the name's words."""

BYLINE = re.compile(
    r"(?:(?:(?:written|reported|words|story|reviewed|compiled|translated|posted|read|narrated)"
    r"\s+)?by\s+|[—–]\s?)(?P<names>\S.*)",
    re.I,
)
"""A byline: "By …", "Written by …", a bulletin's "Read by …", or an attribution dash
under a title ("— Rtn. K. Arul, Secretary")."""
_NAME_SEPARATOR = re.compile(r"\s*[,;]\s*|\s+(?:and|&)\s+")
_FILED_FROM = re.compile(r"\s+in\s+[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,2}$")
"""Where the writer filed from, after the names ("by Jane Roe in Tokyo")."""
_NAME_TOKEN = re.compile(r"(?:[A-Z]\.)+|[A-Z][A-Za-z'’\-]*\.?")


def parse_byline(line: str) -> tuple[list[str], str | None] | None:
    """Parse "By A, B and C, Reuters" into (names, agency), or None if not a byline; a
    role ("Staff Writer") or, after a name, an affiliation ("Centre for …") is passed over."""
    if len(line) > 100 or (match := BYLINE.fullmatch(line)) is None:
        return None
    names: list[str] = []
    agency = None
    written = _FILED_FROM.sub("", match["names"].rstrip("."))
    for part in _NAME_SEPARATOR.split(written):
        if found := agency_name(part):
            agency = agency or found
        elif _is_role(part) or (names and is_organisation(part)):
            continue
        elif _is_person(part):
            names.append(part.title() if part.isupper() else part)
        else:
            return None
    return names, agency


def _is_role(part: str) -> bool:
    return any(word.lower() in _ROLE_WORDS for word in part.split())


def _is_person(part: str) -> bool:
    words = part.split()
    while len(words) > 2 and words[0].strip("().").lower() in _RANKS:
        words = words[1:]
    if not 2 <= len(words) <= 4 or words[-1].lower() in _NAME_PARTICLES:
        return False
    return all(
        _NAME_TOKEN.fullmatch(word) or (i > 0 and word in _NAME_PARTICLES)
        for i, word in enumerate(words)
    )
