"""Who published an article, as its text says: a clipping's source, a news app's "via …",
the office credited beside the date, the masthead or issuer line, else the agency."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import NamedTuple

from aggregator.toolkit.boilerplate import classify
from aggregator.toolkit.header_lines import (
    CONTACT_MARK,
    as_written,
    furniture_kind,
    header_field,
    is_name_like,
    without_emblem,
)
from aggregator.toolkit.listed_pieces import lead_story_outlet

__all__ = ["Credits", "choose_outlet", "credited_outlet", "masthead_name", "spelled_out"]

_VIA = re.compile(r"via\s+(?P<name>[^·|•—–]+?)\s*(?:[·|•—–].*)?", re.IGNORECASE)
_MASTHEAD_PARTS = re.compile(r"\s{2,}|\s[|·•—–]\s")
_NAME_RUN = re.compile(
    r"(?:[A-Z][\w'’.&-]*|of|and|for|the|&)(?:[ \t]+(?:[A-Z][\w'’.&-]*|of|and|for|the|&))+"
)
_ABBREVIATION = re.compile(r"[A-Z]{2,6}")


class Credits(NamedTuple):
    """What the reader found that names a publisher."""

    source: str | None
    """A clipping's "Source:" field."""
    credit: str | None
    """The office credited beside the date ("Posted On: … by the Press Office")."""
    agency: str | None
    """The agency of the dateline, byline or trailer."""


def choose_outlet(
    credits: Credits, header: Sequence[str], headline: str | None, text: str
) -> str | None:
    """Who published an article, as its text says: a clipping's source, a news app's "via
    …", the office credited beside the date, the outlet an aggregator's page credits its
    lead story to, the masthead or issuer line (under the tool
    lines over it), else the agency (spelled out when the text spells it out, as a
    copyright line does)."""
    if credits.source:
        return credits.source
    for line in header:
        if via := credited_outlet(line):
            return via
    if credits.credit:
        return credits.credit
    if outlet := lead_story_outlet(header):
        return outlet
    if (name := _masthead(header)) and name != headline:
        return as_written(name, text)
    if credits.agency and "," not in credits.agency:
        return spelled_out(credits.agency, text) or credits.agency
    return credits.agency


TOP_FURNITURE = 3


def _masthead(header: Sequence[str]) -> str | None:
    """The name the first line gives, else the first line under the links, menus and
    addresses (up to :data:`TOP_FURNITURE` lines: a language switch, an e-paper strip, a
    reader view's address and reading time) a page or an app prints over its masthead."""
    for line in header[:TOP_FURNITURE]:
        if name := masthead_name(line):
            return name
        if furniture_kind(line) not in ("menu", "boilerplate", "contact"):
            return None
    return None


def credited_outlet(line: str) -> str | None:
    """The outlet a news app's card credits ("via Harbour Ledger · 2 hrs ago")."""
    if line[:1] not in ("v", "V"):  # no other character matches _VIA's first letter
        return None
    match = _VIA.fullmatch(line)
    return match["name"] if match and is_name_like(match["name"]) else None


def masthead_name(line: str) -> str | None:
    """The name a masthead or an issuer's first line gives ("THE HARBOUR LEDGER",
    "Ministry of Ports", "Northwind Power | Company | Investors" → "Northwind Power")."""
    name = _MASTHEAD_PARTS.split(without_emblem(line.strip().lstrip("\ufeff")), maxsplit=1)[0]
    name = name.strip()
    if not name or "/" in name or classify(name) is not None or header_field(name):
        return None
    if CONTACT_MARK.search(name):
        return None
    words = [word for word in name.split() if not word[0].isdigit()]
    core = " ".join(words)
    if not words or len(words) > 7 or not is_name_like(core.title() if core.isupper() else core):
        return None
    return name


def spelled_out(abbreviation: str, text: str) -> str | None:
    """The name an abbreviation stands for when the text spells it out ("© Kestrel News
    Agency 2025" for "KNA"): capitalised words whose initials make the abbreviation."""
    if not _ABBREVIATION.fullmatch(abbreviation):
        return None
    for run in _NAME_RUN.finditer(text):
        words = run.group().split()
        for first in range(len(words)):
            if words[first][0] != abbreviation[0]:
                continue
            initials = ""
            for last in range(first, len(words)):
                if words[last][0].isupper():
                    initials += words[last][0]
                    if initials == abbreviation and last > first:
                        return " ".join(words[first : last + 1]).rstrip(".,")
                if len(initials) >= len(abbreviation):
                    break
    return None
