"""The frame of an official letter that no line rule knows alone: its bare salutation, the
office under its signature mark, and the message it answers, quoted under it.

- A reply to a citizen (an RTI reply, a memo to a superior) opens with "Sir," or
  "Madam," once the header reading has taken its addresses and subject; a letters page
  prints "Sir," too, but under each letter's own heading, with the article's text above
  it. So a bare salutation is the letter's frame when nothing above it was kept.
- A signed copy closes with its signature mark ("Sd/-"), the signer's name in brackets,
  the office ("Public Relations Officer", "Traffic Manager") and the body ("Paradip Port
  Authority"), each a short line that closes no sentence. The mark and the name have
  their rules; the office and the body, in the words of every kind of office, have
  none. Under the mark, a few such lines (and those a rule took) are the signature
  block; a long line, a sentence or a line over the article's prose (the headline of
  the release an exchange filing carries under its covering letter) ends it.
- A reply by mail (an MP's to a constituent, a spokesperson's to a reporter, a colleague's)
  quotes the message it answers under its headers ("----- Original message -----",
  "From: …", "Sent: …"): a line or two of a question, under the reply's own prose. That
  is the thread's history; a statement forwarded whole under a one-line note is longer and
  stays.
- A mail's note signs off with the sender's name under its sign-off ("Kind regards," /
  "Haruka Tsuji"), though the release it carries goes on below: the name is the note's
  signature, whatever follows it; so is the line that signs off and names the sender at
  once ("Regards, Alok Rao, Secretary to the Council").
"""

from __future__ import annotations

import re
from collections.abc import Callable

from .lines import PROSE_END, word_count

SALUTATION_RULE = "salutation"
SIGNATURE_RULE = "signature block"
_SALUTATION = re.compile(r"(?:(?:Dear|Respected) )?(?:Sir|Madam|Sirs|Sir ?/ ?Madam|Madam ?/ ?Sir),")
_SIGNATURE_MARK = re.compile(r"Sd/?-?", re.IGNORECASE)
SIGNER_RULE = "signer under a sign-off"
SIGN_OFF_RULE = "sign-off"
_SIGNER = re.compile(r"(?:[A-Z][a-z'’-]+|[A-Z]\.)(?: (?:[A-Z][a-z'’-]+|[A-Z]\.)){0,3}")
"""A name as a mail is signed with ("Shruti", "Haruka Tsuji", "Team Saptarishi"); a
heading in capitals ("PRESS RELEASE") or a line that goes on with punctuation is none."""
_SIGNED_OFF = re.compile(
    r"(?:(?:With )?(?:Best|Kind|Warm|Warmest|Many|Sincere) )?(?:[Rr]egards|[Ww]ishes|[Tt]hanks)"
    rf", (?P<name>{_SIGNER.pattern})(?:, (?:[A-Z][\w'’()-]*)(?: [\w'’()&-]+){{0,7}})?"
)
"""A sign-off and its sender's name on one line, the sender's office after it."""
SIGNED_OFF_WORDS = 14
BLOCK_LINES = 4
"""The most lines of a signature block under its mark: a name, an office, a body, a place."""
BLOCK_WORDS = 8
"""The most words of a line of a signature block."""


def opening_salutation(lines: list[str], removed: dict[int, str]) -> int | None:
    """Mark as removed a bare salutation over which no line was kept; its index."""
    for index, line in enumerate(lines):
        if not line or index in removed:
            continue
        if _SALUTATION.fullmatch(line) is None:
            return None
        removed[index] = SALUTATION_RULE
        return index
    return None


def signature_blocks(
    lines: list[str], removed: dict[int, str], heads_prose: Callable[[int], bool]
) -> list[int]:
    """Mark as removed the short lines under a signature mark ("Sd/-") that no rule took:
    the signer's office and body. ``heads_prose(index)``: whether the line below
    ``lines[index]`` is a paragraph of prose, which makes the line a headline. The
    lines' indexes."""
    taken: list[int] = []
    written = [index for index, line in enumerate(lines) if line]
    for position, index in enumerate(written):
        if _SIGNATURE_MARK.fullmatch(lines[index]) is None:
            continue
        for below in written[position + 1 : position + 1 + BLOCK_LINES]:
            line = lines[below]
            if below in removed:
                continue
            if (
                word_count(line) > BLOCK_WORDS
                or PROSE_END.search(line) is not None
                or not line[:1].isupper()
                or heads_prose(below)
            ):
                break
            taken.append(below)
    for index in taken:
        removed[index] = SIGNATURE_RULE
    return taken


QUOTE_RULE = "quoted message"
HEADER_RULE = "e-mail header"
QUOTE_LINES = 2
"""The most kept lines of a short message quoted under a reply: a citizen's question, a
colleague's request, not a statement forwarded whole."""
QUOTE_WORDS = 60
_HEADER_FIELD = re.compile(r"(?:From|To|Cc|Sent|Date|Subject)\s*:\s*\S.*")


def quoted_original(
    lines: list[str], removed: dict[int, str], is_prose: Callable[[int], bool]
) -> list[int]:
    """Mark as removed the short message a reply quotes under its mail headers at the text's
    foot ("----- Original message -----" / "From: …" / "Sent: …" / "Sir, my son is …"),
    when the reply's prose stands above the headers: the thread's history, which the
    reply answers. A header field no rule took ("From: Nandita Rao") goes with it. The
    lines' indexes."""
    written = [index for index, line in enumerate(lines) if line]
    headers = [i for i in written if removed.get(i) == HEADER_RULE]
    if not headers:
        return []
    position = written.index(headers[-1])
    tail = [i for i in written[position + 1 :] if i not in removed]
    words = sum(word_count(lines[i]) for i in tail)
    if not 0 < len(tail) <= QUOTE_LINES or words > QUOTE_WORDS:
        return []
    block = [headers[-1]]
    for index in reversed(written[:position]):
        if removed.get(index) != HEADER_RULE and not _HEADER_FIELD.fullmatch(lines[index]):
            break
        block.append(index)
    top = min(block)
    fields = [i for i in block if removed.get(i) != HEADER_RULE]
    if len(block) < 2 or not any(is_prose(i) for i in written if i < top and i not in removed):
        return []
    taken = [*fields, *tail]
    for index in taken:
        removed[index] = QUOTE_RULE
    return taken


def signers(lines: list[str], removed: dict[int, str]) -> None:
    """Mark as removed the name right under each sign-off a rule took."""
    for index, rule in list(removed.items()):
        if rule != SIGN_OFF_RULE:
            continue
        below = next((i for i in range(index + 1, len(lines)) if lines[i]), None)
        if below is not None and below not in removed and _SIGNER.fullmatch(lines[below]):
            removed[below] = SIGNER_RULE


def is_signed_off(line: str) -> bool:
    """Whether ``line`` signs a mail off with its sender's name ("Regards, Alok Rao")."""
    return _SIGNED_OFF.fullmatch(line) is not None
