"""A text browser's link markers: what a page's line is without them.

A page saved with a text browser (``lynx -dump``, ``w3m``) numbers every link where it
stands ("[14]WhatsApp", "Posted on [11]October 23, 2026"), so a share button or a menu
item no longer reads as the bare word the boilerplate rules know. The line is judged
without its markers; the text kept is left as it is.
"""

from __future__ import annotations

import re

_MARKER = re.compile(r"\[\d{1,4}\](?=\S)")
"""A link's number glued to the link's text."""


def without_link_marks(line: str) -> str | None:
    """``line`` without its link markers, or None when it has none."""
    if "]" not in line:
        return None
    bare, count = _MARKER.subn("", line)
    return bare if count else None
