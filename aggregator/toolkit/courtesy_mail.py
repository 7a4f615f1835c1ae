"""A mail whose subject thanks its reader or names what it delivers, and the heading its text
opens with.

A follow-up mail ("Thank you for attending: …", "Thanks for registering: …", "Your
recording is ready: …") carries its article below a greeting and a line or two of note:
"Hi Priya," / "Thank you for joining our webinar on Monday." / "Webinar recap: …". The
subject is the sender's courtesy to the reader; the heading under the greeting and its
note is the article's headline. So it is in a mail that delivers a document to its reader
("[Delivery] Job #41 EN translation - product launch release"): the subject names the
delivery, the heading under the greeting and the note is the document's own.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import Final

__all__ = ["COURTESY_RULE", "DELIVERY_RULE", "heading_under_greeting", "is_courtesy_subject"]

COURTESY_RULE: Final = "heading under the greeting of a mail whose subject thanks its reader"
DELIVERY_RULE: Final = "heading under the greeting of a mail whose subject names what it delivers"
NOTE_LINES: Final = 3
"""Lines of note a greeting may have above the heading."""
GREETING_LINES: Final = 6
"""How far below the header's end the greeting may stand (a banner line may come first);
it is looked for from two lines above that end, where a short header ran into it."""
NOTE_ZONE_LINES: Final = NOTE_LINES + 1
"""How many more lines above that end the greeting may stand: the header zone runs on through
a covering note read as furniture ("Please find below the translation …") and the lines
over the document's heading."""
_COURTESY = re.compile(
    r"(?:thank(?:s| you) for (?:attending|joining|registering|signing up|your interest"
    r"|coming|participating|taking part)|your (?:recording|slides|certificate)s? (?:is|are)"
    r" (?:ready|here|available)|sorry we missed you|we missed you)\b",
    re.IGNORECASE,
)
_DELIVERS = re.compile(r"\[deliver(?:y|ed)\]|\b(?:translation|release)\b", re.IGNORECASE)
"""A subject that names the document the mail delivers: a translation, a release."""
_GREETING = re.compile(
    r"(?:hi|hello|dear|greetings)\b(?:[^.!?]|(?:(?<=\bmr|\bms|\bdr)|(?<=\bmrs)|(?<=prof))\.){0,40}"
    r"[,!:]?$",
    re.IGNORECASE,
)
"""A greeting, a title's stop allowed ("Dear Ms. Kondo,")."""


def is_courtesy_subject(subject: str) -> bool:
    return _COURTESY.match(subject) is not None


def heading_under_greeting(
    lines: Sequence[str], subject: str, end: int, is_heading: Callable[[int], bool]
) -> tuple[int, str] | None:
    """The line of the heading under the greeting ("Hi Priya,") that opens the text of a
    mail whose ``subject`` thanks its reader or names what it delivers, at most
    :data:`NOTE_LINES` below it, and the rule; None when the subject is neither or no such
    heading stands there."""
    if is_courtesy_subject(subject):
        rule = COURTESY_RULE
    elif _DELIVERS.search(subject):
        rule = DELIVERY_RULE
    else:
        return None
    greetings = range(max(end - 2 - NOTE_ZONE_LINES, 0), min(end + GREETING_LINES, len(lines)))
    greeting = next((i for i in greetings if _GREETING.match(lines[i])), None)
    if greeting is None:
        return None
    below = range(greeting + 1, min(greeting + 1 + NOTE_LINES + 1, len(lines)))
    heading = next((i for i in below if is_heading(i)), None)
    return None if heading is None else (heading, rule)
