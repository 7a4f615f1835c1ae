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

from .mail_source import unwrapped_mail

__all__ = ["ReturnedMessage", "as_read", "returned_message"]

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
    r"-{2,}\s*(?:original message|returned message|undelivered message)"
    r"\s*-{2,}"
    r"|-{2,}\s*(?:this is a copy of|below this line is a copy of) the message\b.*"
    r"|(?:original|returned|undelivered) message(?: follows)?\s*:",
    re.IGNORECASE,
)


_STATUS = re.compile(
    r"^\s*(?:final-recipient|action|status|diagnostic-code|reporting-mta)\s*:"
    r"|\b[45]\.\d{1,3}\.\d{1,3}\b|\b(?:wasn't|was not|could not be|couldn't be) delivered\b",
    re.IGNORECASE | re.MULTILINE,
)
"""A delivery report's mark: a status field, an SMTP status code, "wasn't delivered"."""


class ReturnedMessage(NamedTuple):
    text: str
    """The original message: its headers and its text."""
    dropped: list[str]
    """The bounce's lines above it."""


def returned_message(text: str) -> ReturnedMessage | None:
    """The message a bounce quotes, or None when ``text`` is not a delivery-failure notice
    (a mail system's sender in its opening header block, or a failure subject over a
    delivery report's mark: a news mail may be headed "Delivery failure hits ports") with
    the original message below a separator (a forwarded message is no bounce)."""
    head = [line.strip() for line in text.split("\n", HEADER_LINES)[:HEADER_LINES]]
    if not any(":" in line for line in head):
        return None  # both marks are fields: most texts are spared the patterns and the split
    daemon = any(_DAEMON_SENDER.match(line) for line in head)
    if not daemon and not any(_FAILURE_SUBJECT.match(line) for line in head):
        return None
    lines = text.split("\n")
    below = next((i for i, line in enumerate(lines) if _SEPARATOR.fullmatch(line.strip())), None)
    if below is None or not "\n".join(lines[below + 1 :]).strip():
        return None
    if not daemon and _STATUS.search("\n".join(lines[:below])) is None:
        return None
    dropped = [line.strip() for line in lines[: below + 1] if line.strip()]
    return ReturnedMessage("\n".join(lines[below + 1 :]).lstrip("\r\n"), dropped)


def as_read(text: str) -> tuple[str, list[str]]:
    """The text a reader sees (a raw mail's body, a bounce's returned message) and the
    transport lines taken off to get it."""
    transport: list[str] = []
    if (mail := unwrapped_mail(text)) is not None:
        text, transport = mail.text, mail.dropped
    if (bounce := returned_message(text)) is not None:
        text, transport = bounce.text, [*transport, *bounce.dropped]
    return text, transport
