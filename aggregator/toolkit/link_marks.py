"""A text browser's link markers: what a page's line is without them.

A page saved with a text browser (``lynx -dump``, ``w3m``) numbers every link where it
stands ("[14]WhatsApp", "Posted on [11]October 23, 2026"), so a share button or a menu
item no longer reads as the bare word the boilerplate rules know. The line is judged
without its markers; the text kept is left as it is.

A page's link to another site carries a note for screen readers that the copied text
keeps ("X (Opens in new window)", "Share on LinkedIn (opens in a new tab)"); the link is
judged without it too.
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


_WINDOW_NOTE = re.compile(
    r"\s*\((?:opens|open|opening) in (?:a )?new (?:window|tab)\)$", re.IGNORECASE
)
"""A link's note that it opens elsewhere, at the end of the link's text."""


def without_window_note(line: str) -> str | None:
    """``line`` without a link's closing "(opens in new window)" note, or None when it has
    none or nothing stands before it."""
    if not line.endswith(")") or "new " not in line.lower():
        return None
    found = _WINDOW_NOTE.search(line)
    if found is None or found.start() == 0:
        return None
    return line[: found.start()]
