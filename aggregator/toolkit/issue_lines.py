"""Lines that name an issue of a periodical or a numbered notice, never a piece of it.

A header's number line ("No. 07/2025"), a journal's volume and issue ("Vol. 9, No. 1"), a
newsletter's issue named by its date ("Reiwa 8 (2026) April Issue") or its number and month
("Founders' Letter #18 - June 2026") stands above the headline: the header zone ranks it
with names (:mod:`aggregator.toolkit.header_zone`).
"""

from __future__ import annotations

import re

__all__ = ["ISSUE", "NAMED_ISSUE", "VOLUME", "is_issue_line"]

ISSUE = re.compile(
    r"(?:[A-Z][a-z]{1,8}\.?\s+)?(?:No\.?\s*)?#?\d[\d./-]*"
    r"|(?:[A-Z][a-z]{1,12}\s+){1,3}No\.\s*\d[\d./-]*",
    re.IGNORECASE,
)
"""An issue, volume or release number ("Issue 112", "Vol. 3", "No. 07/2025"), or a
numbered notice's ("Business Alert No. 2026/08"): the number line above a notice's
subject, which is the headline."""
VOLUME = re.compile(r"\b(?:Vol\.|Volume)\s*\d+\b.*\b(?:No\.|Issue)\s*#?\d+\b", re.IGNORECASE)
"""A journal's or paper's volume and issue ("Vol. 9, No. 1", "Volume 14, Issue 6")."""
NAMED_ISSUE = re.compile(r"(?=.*\d)\S.{0,40}\b[A-Z]\w*\s+(?:Issue|Edition)(?:\s+No\.?\s*\d+)?")
"""A newsletter's issue named by its date ("Reiwa 8 (2026) April Issue", "2026 Special
Edition No. 3")."""
NUMBERED_ISSUE = re.compile(
    r"(?:(?:[A-Z][\w'’&.-]*\s+){1,4}"
    r"|[A-Z][\w'’&.-]*\s+(?:(?:of|the|and|for|in|on)\s+){1,2}(?:[A-Z][\w'’&.-]*\s+){1,2})"
    r"(?:#|No\.\s*)\d{1,4}"
    r"(?:\s*[-–—|·,]\s*(?:[A-Z][a-z]{2,8}\.?\s+)?(?:19|20)\d\d)?(?:\s*\([^()]{1,30}\))?"
)
"""A periodical's name and the issue's number, with its month or year ("Founders'
Dispatch #18 - June 2026 (special edition)"); one run of minor words may stand after its
first word ("Map of the Month #12"): a headline in title case has them in more places
("Lakers on Track for Title No. 18")."""
_DIGIT = re.compile(r"\d")


def is_issue_line(line: str) -> bool:
    """A number line ("No. 07/2025") or an issue's ("Newsletter - Vol. 9, Issue 6",
    "Founders' Letter #18 - June 2026"): it names the issue, never a piece of it."""
    if _DIGIT.search(line) is None:
        return False
    return bool(
        ISSUE.fullmatch(line)
        or VOLUME.search(line)
        or NAMED_ISSUE.fullmatch(line)
        or NUMBERED_ISSUE.fullmatch(line)
    )
