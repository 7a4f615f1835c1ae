"""Whether a text is an issue of headed sections: a digest of several stories.

A newsletter issue in plain text (a mail's text alternative, a Markdown export) numbers
its items as marked headings, a short title line each ("** 1. A new cable", "## 2. Port
news") over the item's paragraph. Each item is a story of its own, so the issue is a
report of none of them: it shares one item's names, figures and words with a report of
that item's event, and the clusterer would join them (see ``cluster_stories``). A joint
statement, a set of minutes or a release numbers paragraphs or unmarked sub-heads
instead ("1. The two sides agreed …", "2. Schedule"), and stays a report.
"""

from __future__ import annotations

import re
from typing import Final

_NUMBERED_HEADING = re.compile(r"(?:\*\*|#{1,4})[ \t]*\d{1,2}[.)][ \t]+(?P<title>.+)")
MAX_HEADING_WORDS: Final = 10
"""Words a heading's title has at most: a longer line is a numbered paragraph."""
MIN_HEADINGS: Final = 2
"""Marked, numbered headings a text needs to be an issue of headed sections."""


def is_section_heading(line: str) -> bool:
    """Whether ``line`` (stripped) is a marked, numbered heading: a short title, not a
    sentence."""
    found = _NUMBERED_HEADING.fullmatch(line)
    if found is None:
        return False
    title = found.group("title").strip()
    return len(title.split()) <= MAX_HEADING_WORDS and not title.endswith((".", ";", ","))


def is_headed_issue(lines: list[str]) -> bool:
    """Whether ``lines`` (stripped) hold :data:`MIN_HEADINGS` marked, numbered headings
    or more."""
    headings = 0
    for line in lines:
        if line[:1] in "*#" and is_section_heading(line):
            headings += 1
            if headings >= MIN_HEADINGS:
                return True
    return False
