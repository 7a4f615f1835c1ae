"""A raw e-mail message saved as text (a mail client's "show original"), read as a mail.

Such a text opens with the message's header block, every field on a line of its own and
long fields folded onto lines that begin with a space: the transport's fields ("Received:",
"DKIM-Signature:", "Message-ID:") and the reader's ("From:", "Date:", "Subject:"). A
multipart body follows, its parts between boundary lines, each with headers of its own.
Only the reader's fields and the text of the plain-text part are the article's; the rest is
how the message travelled. :func:`unwrapped_mail` gives a text the plain-text reader reads
like a forwarded mail: the reader's fields, a blank line, the plain-text part.
"""

from __future__ import annotations

import email
import email.policy
import re
from datetime import timedelta
from typing import Final, NamedTuple

from aggregator.toolkit.article_dates import Found
from aggregator.toolkit.datelines import Dateline

__all__ = ["UnwrappedMail", "document_date", "unwrapped_mail"]

_FIELD = re.compile(r"(?P<name>[A-Za-z][A-Za-z0-9-]{0,40}):(?:[ \t]|$)")
READER_FIELDS: Final = ("from", "to", "cc", "date", "subject")
"""The fields a reader sees above a mail; the others are the transport's."""
TRANSPORT_FIELDS: Final = frozenset(
    {"received", "mime-version", "message-id", "content-type", "dkim-signature"}
    | {"return-path", "delivered-to", "arc-seal", "x-mailer", "authentication-results"}
)
"""Fields that only a message's raw source shows: one of them marks the text as a source."""
LEAST_FIELDS: Final = 4


class UnwrappedMail(NamedTuple):
    text: str
    """The reader's fields, a blank line, the plain-text part."""
    dropped: list[str]
    """The source's lines left out (transport fields, part boundaries and headers)."""


def unwrapped_mail(text: str) -> UnwrappedMail | None:
    """The mail a raw message source shows to its reader, or None when ``text`` does not
    open with a message's header block that names a transport field."""
    names = _header_names(text)
    if names is None or len(names) < LEAST_FIELDS or not TRANSPORT_FIELDS & set(names):
        return None
    if not {"subject", "from"} & set(names):
        return None
    message = email.message_from_bytes(text.encode("utf-8"), policy=email.policy.default)
    part = message.get_body(preferencelist=("plain",))
    try:
        body = part.get_content() if part is not None else ""
    except (LookupError, ValueError):
        return None
    if not isinstance(body, str) or not body.strip():
        return None
    fields = [
        f"{name.title()}: {' '.join(str(value).split())}"
        for name in READER_FIELDS
        if (value := message.get(name)) is not None
    ]
    kept = {" ".join(line.split()) for line in [*fields, *body.splitlines()]}
    dropped = [
        line.strip()
        for line in text.splitlines()
        if line.strip() and " ".join(line.split()) not in kept
    ]
    return UnwrappedMail("\n".join(fields) + "\n\n" + body.strip() + "\n", dropped)


def _header_names(text: str) -> list[str] | None:
    """The field names of the header block ``text`` opens with (folded lines skipped), or
    None when a line of it is neither a field nor a folded line."""
    text = text.lstrip("\ufeff")
    end = text.find("\n")
    first = (text if end < 0 else text[:end]).rstrip("\r")
    if first.strip() and _FIELD.match(first) is None:
        return None  # most texts: no need to split the whole of one into lines
    names: list[str] = []
    for line in text.split("\n"):
        line = line.rstrip("\r")
        if not line.strip():
            return names
        if line[0] in " \t" and names:
            continue
        found = _FIELD.match(line)
        if found is None:
            return None
        names.append(found["name"].lower())
    return names


MAILED_AFTER: Final = timedelta(days=3)
"""How long after its own date a document may be mailed and still be that document."""
MAIL_DATE_RULES: Final = ('"date:" field', '"sent:" field')


def document_date(found: Found, dateline: Dateline | None) -> Found:
    """A mail's date, or the date of the document it carries: a release that opens with
    its own dated dateline ("Rajkot, 6 May 2026: …") a day or more before the mail's
    "Date:" (sent after midnight, or the next morning) is dated by its dateline; the
    mail's date is when it was sent."""
    if found.rule not in MAIL_DATE_RULES or dateline is None or dateline.date is None:
        return found
    sent, own = found.date.value, dateline.date.value
    if own.date() < sent.date() and sent - own <= MAILED_AFTER:
        return Found(dateline.date, dateline.date.text, "dateline of the document the mail carries")
    return found
