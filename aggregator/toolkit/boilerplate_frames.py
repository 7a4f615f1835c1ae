"""A paper's affiliations under its authors, marked for the names they belong to ("¹
Coastal Institute, Kochi ² Harbour University, Osaka", "(a) Department of Ocean Studies,
Kochi University; (b) Harbour Institute, Osaka"): who wrote the paper, not what it says.

Two labels that frame a piece were tried beside it and left alone, since the development
halves label them article text as often as furniture: a summary box's label ("Key points",
"Key takeaways", "Summary", over a think tank's or a broker's summary) and a programme's
"Speakers: …" (a conference programme's speakers are what it announces).
"""

from __future__ import annotations

import re
from typing import Final

LINE: Final = "line"

_AFFILIATION_MARK = r"(?:[¹²³⁴⁵⁶⁷⁸⁹]|\([a-h1-9]\)|\*)"
_MARKED = re.compile(rf"\s*{_AFFILIATION_MARK}\s*")
_INSTITUTION = re.compile(
    r"\b(?:University|Institute|School|Department|Centre|Center|College|Foundation|Council"
    r"|Academy|Laboratory|Faculty)\b"
)


def frame_shape(line: str, words: int) -> tuple[str, str] | None:
    """``(name, "line")`` of a line of marked affiliations, else ``None``."""
    if words <= 50 and _is_affiliations(line):
        return "affiliations", LINE
    return None


def _is_affiliations(line: str) -> bool:
    """Two entries at least, each after its mark and naming an institution."""
    if not _MARKED.match(line):
        return False
    entries = [entry.strip(" ;,") for entry in _MARKED.split(line) if entry.strip(" ;,")]
    return len(entries) >= 2 and all(_INSTITUTION.search(entry) for entry in entries)
