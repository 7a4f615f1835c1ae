"""Furniture that says who stands behind a text or how it reached the reader, not what it says.

- a signatory's block under an official letter or notice: the name or the office in
  brackets ("(Asha Verma)", "(Head, Planning Department)") and an officer's designation
  "to the Government of …" ("Joint Secretary to the Government of Kerala");
- a blogging platform's profile card at a post's foot: "Written by <Name>" over the
  writer's count of followers with their one-line bio ("2.1K followers · Teacher in
  Kobe."), and the "Follow" button under the writer's name at the top
  (:func:`card_buttons`);
- a feed-to-mail service's wrapper round the entry it forwards: its notice "<Service> ·
  new item in <Feed>" and its link "[Read more at example.org]";
- a local paper's tip line: "Got a story? WhatsApp us on …";
- a debate page's side labels, "YES" / "NO" (or "FOR" / "AGAINST") alone over the name
  of the writer who argues that side (:func:`card_buttons`).
"""

from __future__ import annotations

import re

_CAPITALISED = r"(?:[A-Z][\w.'’-]*|of|and|the|for|&)"
_BRACKETED_SIGNATORY = re.compile(rf"\((?:[A-Z][\w.'’-]*)(?:,? {_CAPITALISED}){{1,7}}\)")
"""A name or an office alone in brackets, every word capitalised: "(Anil K. Rao)",
"(Director, Plant Health Division)"; not "(Rs in crore)" nor "(Laughter)"."""
_DESIGNATION = re.compile(
    r"(?:[A-Z][\w-]* ){0,3}(?:Secretary|Director|Officer|Commissioner|Registrar|Controller)"
    r"(?: [A-Z][\w-]*){0,2} to the Government of [A-Z][\w ]{1,30}\.?"
)
_NAME = r"[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){1,3}"
_WRITTEN_BY = re.compile(rf"Written by {_NAME}")
_AUDIENCE_BIO = re.compile(r"\d[\d.,]*\s?[KkMm]? (?:followers|subscribers) [·•|] \S.{2,200}")
_FEED_NOTICE = re.compile(
    r"[\w .&'’-]{1,40} [·•|:–—-] new (?:item|post|story|article|entry|episode)s? "
    r"(?:in|from|on) \S.{0,60}",
    re.IGNORECASE,
)
_READ_AT = re.compile(
    r"\[?(?:read (?:more|on|the (?:full|whole) (?:story|article|post))|continue reading)"
    r" (?:at|on) (?:https?://)?[\w-]+(?:\.[\w-]+)+(?:/\S*)?\]?",
    re.IGNORECASE,
)
_TIP_LINE = re.compile(
    r"(?:got|have) (?:a|any) (?:news )?(?:story|tip|lead)\b[^?]{0,40}\? "
    r"(?:whatsapp|e-?mail|write to|call|message|text|tell|contact|send)\b.{0,80}",
    re.IGNORECASE,
)


def card_shape(line: str, words: int) -> tuple[str, str] | None:
    """``(name, "line")`` of a line of a signatory's block, a profile card, a mailer's
    wrapper or a tip line, else ``None``."""
    if words <= 8 and line.startswith("(") and _BRACKETED_SIGNATORY.fullmatch(line):
        return "signatory", "line"
    if words <= 12 and " to the Government of " in line and _DESIGNATION.fullmatch(line):
        return "signatory", "line"
    if words <= 6 and line.startswith("Written by ") and _WRITTEN_BY.fullmatch(line):
        return "profile card", "line"
    if words <= 40 and line[:1].isdigit() and _AUDIENCE_BIO.fullmatch(line):
        return "profile card", "line"
    if words <= 16 and " new " in line and _FEED_NOTICE.fullmatch(line):
        return "mailer notice", "line"
    if words <= 8 and _READ_AT.fullmatch(line):
        return "related link", "line"
    if words <= 25 and line[:1] in "GgHh" and _TIP_LINE.fullmatch(line):
        return "tip line", "line"
    return None


_NAME_LINE = re.compile(rf"(?:[A-Z][a-z]{{1,4}}\.? )?(?:\([A-Za-z.]{{2,8}}\) )?{_NAME}")
_FOLLOW = frozenset({"Follow", "+ Follow", "Follow +"})
_SIDES = frozenset({"YES", "NO", "FOR", "AGAINST"})


def card_buttons(lines: list[str]) -> list[int]:
    """The indexes of a writer's "Follow" button right under their name line, and of a
    debate page's side labels ("YES", "NO") right over the name of the side's writer."""
    found = []
    filled = [index for index, line in enumerate(lines) if line]
    for position, index in enumerate(filled):
        line = lines[index]
        if line in _FOLLOW and position > 0:
            neighbour = lines[filled[position - 1]]
        elif line in _SIDES and position + 1 < len(filled):
            neighbour = lines[filled[position + 1]]
        else:
            continue
        if _NAME_LINE.fullmatch(neighbour) and not neighbour.isupper():
            found.append(index)
    return found
