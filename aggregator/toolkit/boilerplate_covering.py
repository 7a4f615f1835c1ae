"""A mail's covering note: the line that points its reader to the document it carries below.

A press agency's pitch, a translator's delivery, a spokesperson's reply or a circulated set
of minutes opens on a line of its own to the reader ("Please find below the release …",
"Our responses are below.", "Minutes below. Shout if I got anything wrong."); the document
under it is the article. The note asks the reader, please, to find or see what is below, or
names a document that is below; an article's "below" measures ("rainfall 31 per cent below
normal") or points at its own table, and a lead-in that ends on a colon ("The point-wise
information is furnished below:") opens the article's own list, so both stay.
"""

from __future__ import annotations

import re
from typing import Final

__all__ = ["COVERING_RULE", "COVERING_WORDS", "is_covering_note"]

COVERING_RULE: Final = "covering note"
COVERING_WORDS: Final = 60
"""A covering note is a line or two of courtesy, never a paragraph of the article."""
_COVERING: Final = re.compile(
    r"\b(?:please|kindly) (?:find|see)\b[^.:;()\"“”]{0,90}?\bbelow\b"
    r"|\battached and below\b"
    r"|\b(?:minutes|release|statement|answers|responses|translation)\b"
    r"[^.:;()\"“”]{0,60}?\b(?:(?:is|are) )?(?:given |reproduced |pasted )?below(?= ?[.,]| for )",
    re.IGNORECASE,
)
_REPORTED: Final = re.compile(r"[\"“”]|\b(?:said|says|told)\b")
"""Someone quoted in the article, who may point at something below too."""


def is_covering_note(line: str) -> bool:
    """Whether ``line`` points its reader to the document the mail carries below it."""
    if line.endswith(":") or _REPORTED.search(line) is not None:
        return False
    return _COVERING.search(line) is not None
