"""A delivery-failure notice ("bounce") that quotes the message it could not deliver.

A mail server returns an undeliverable message to its sender under a header block of its
own: a "Mail Delivery Subsystem", "MAILER-DAEMON" or "postmaster" sender, a subject that
says the delivery failed ("Undelivered Mail Returned to Sender", "Delivery Status
Notification (Failure)", "Mail delivery failed: …", "Undeliverable: …", "Returned mail:
…"), an explanation and a delivery-status block, then the original message below a
separator ("----- Original message -----", "------ This is a copy of the message …").
What a reader of the saved bounce wants is the original: its headers and its text rule
the headline and the date, and the bounce above it is how the message travelled.
"""

from __future__ import annotations

import re
from typing import Final, NamedTuple

__all__ = ["ReturnedMessage", "returned_message"]

HEADER_LINES: Final = 12
"""How far down the bounce's own header block ends."""
_FAILURE_SUBJECT = re.compile(
    r"subject:\s*(?:undelivered mail|undeliverable\b|delivery status notification"
    r"|delivery (?:has )?failed|mail delivery failed|returned mail\b|failure notice"
    r"|delivery failure|undelivered message|non[- ]?delivery)",
    re.IGNORECASE,
)
_DAEMON_SENDER = re.compile(
    r"from:.*\b(?:mailer-daemon|postmaster|mail delivery (?:subsystem|system))\b", re.IGNORECASE
)
_SEPARATOR = re.compile(
    r"-{2,}\s*(?:original message|returned message|forwarded message|undelivered message)"
    r"\s*-{2,}"
    r"|-{2,}\s*(?:this is a copy of|below this line is a copy of) the message\b.*"
    r"|(?:original|returned|undelivered) message(?: follows)?\s*:",
    re.IGNORECASE,
)


class ReturnedMessage(NamedTuple):
    text: str
    """The original message: its headers and its text."""
    dropped: list[str]
    """The bounce's lines above it."""


def returned_message(text: str) -> ReturnedMessage | None:
    """The message a bounce quotes, or None when ``text`` is not a delivery-failure notice
    (a failure subject or a mail system's sender in its opening header block) with the
    original message below a separator."""
    lines = text.split("\n")
    head = [line.strip() for line in lines[:HEADER_LINES]]
    if not any(_FAILURE_SUBJECT.match(line) or _DAEMON_SENDER.match(line) for line in head):
        return None
    below = next((i for i, line in enumerate(lines) if _SEPARATOR.fullmatch(line.strip())), None)
    if below is None or not "\n".join(lines[below + 1 :]).strip():
        return None
    dropped = [line.strip() for line in lines[: below + 1] if line.strip()]
    return ReturnedMessage("\n".join(lines[below + 1 :]).lstrip("\r\n"), dropped)
