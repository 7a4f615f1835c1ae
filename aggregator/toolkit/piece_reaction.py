"""Whether a text reacts to an event rather than reports it: an organisation's statement
about it, or a host's recap of it mailed to those who attended.

A party's or an association's press statement opens with its own act, in the present
tense: "The Workers' Front strongly condemns the closure of …", "We welcome the
agreement signed …"; the event sits in a subordinate clause. A news report of the same
reaction is written in the past tense ("… condemned on Tuesday"), and a report of the
event leads with the event. An invitation to the organisation's own talk or webinar
about an event ("The Centre invites students to a talk by one of the exhibition's
curators") is the same kind of lead; an invitation to bid or to apply is a notice, and
stays one. A mail that thanks its reader for attending a webinar or a meeting recaps
what was said there, days after the event it discussed. The clusterer keeps both out of
the event's story, as it keeps commentary (:mod:`.piece_kind`).
"""

from __future__ import annotations

import re
from typing import Final

from .lines import may_hold

__all__ = ["RECAP", "STATEMENT", "reaction_kind"]

STATEMENT: Final = "statement"
RECAP: Final = "recap"
LEAD_LINES: Final = 16
"""A statement's lead comes after its letterhead, menu, label, issuer and date lines."""
MIN_LEAD_CHARS: Final = 60
"""A lead is a sentence; a headline in the same present tense ("Party welcomes …") is
shorter, and a news headline is written the same way, so headlines are not read."""

_REACTION = (
    r"(?:congratulates?|welcomes?|condemns?|denounces?|deplores?|objects? to|demands?"
    r"|urges?|hails?|applauds?|lauds?|salutes?|mourns?|condoles?|opposes?"
    r"|critici[sz]es?|calls? (?:up)?on"
    r"|invites? [^.]{1,80}? to (?:a|an|its|our) (?:talk|lecture|webinar|seminar|panel discussion)\b"
    r"|express(?:es)? (?:its |our |their )?(?:deep |grave |serious |strong |sincere )?"
    r"(?:concern|shock|grief|anguish|solidarity|dismay|condolences|outrage))"
)
_NAME_WORD = r"(?:[A-Z][\w'’&.-]*|of|and|for|the|\(\w+\))"
_STATEMENT_LEAD = re.compile(
    rf"^(?:The [A-Z][\w'’&.-]*(?: {_NAME_WORD}){{0,9}}|We)"
    r"(?:,[^,]{3,80},)? "
    r"(?:(?:strongly|warmly|heartily|unequivocally|sharply|vehemently|also) )?"
    rf"{_REACTION}\b"
)
"""An organisation ("The …", a name in capitals) or "We", an optional apposition, then a
reaction verb in the present tense."""
_THANKS_FOR_ATTENDING = re.compile(
    r"\bthanks?(?: you)? (?:so much |again )?for (?:attending|joining|participating|taking part)\b",
    re.IGNORECASE,
)
THANKS: Final = ("thank",)
"""What :data:`_THANKS_FOR_ATTENDING` needs: a line without it (most of a text's first
lines, paragraphs among them) is spared the pattern, tried at every word boundary."""


def reaction_kind(lines: list[str]) -> str | None:
    """:data:`STATEMENT` or :data:`RECAP` for a text (its lines, stripped, blank ones left
    out) that reacts to an event, else None. A live report's "thanks for joining us for our
    live coverage" is no recap."""
    head = lines[:LEAD_LINES]
    if any(
        may_hold(line, THANKS) and _THANKS_FOR_ATTENDING.search(line) and "live" not in line.lower()
        for line in head
    ):
        return RECAP
    for line in head:
        if len(line) >= MIN_LEAD_CHARS and _STATEMENT_LEAD.match(line):
            return STATEMENT
    return None
