"""Repairs of a header line's text before it is read as a headline.

A headline is often printed behind something that is not part of it: a chat export puts
each message's time and sender before it ("[09/09/26, 7:45 PM] Desk: …"), a social post's
caption opens with the account's handle ("@handle · Place: …", or the handle the page
shows above, without its "@"), a wire terminal marks a flash ("*FLASH HEADLINE"), and a
calendar invitation's subject gives the event's time and guest after it ("Invitation: … @
Tue 3 Feb 2026 10am (guest@…)"), and a link board shows a link's site after its title
("… (example.com)"). :func:`header_view` gives each header line as
a headline would be read from it, and says what it removed, so that the header zone judges
the headline itself and ``aggregator explain`` can say why its text differs from the line.
The lines of the body are never changed.

A filing slug ("FILE: PORT-STRIKE (450w) for Fri city page") is the subject of a
reporter's e-mail to the desk, never a headline: :func:`is_filing_slug`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Final, NamedTuple

from aggregator.toolkit.header_lines import (
    HEADLINE_LABELS,
    header_field,
    strip_kicker,
    strip_reply_prefix,
    unquoted,
)
from aggregator.toolkit.header_shapes import is_title_case
from aggregator.toolkit.headline_tails import strip_headline_tail
from aggregator.toolkit.issue_lines import is_issue_line
from aggregator.toolkit.lines import word_set

__all__ = [
    "FLASH_MARK",
    "HeaderView",
    "header_view",
    "headline_field",
    "is_filing_slug",
    "repaired_line",
]

_CHAT_STAMP = re.compile(
    r"(?:\[\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4},?\s+\d{1,2}:\d{2}(?::\d{2})?(?:\s*[AaPp]\.?[Mm]\.?)?\]"
    r"|\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4},?\s+\d{1,2}:\d{2}(?:\s*[AaPp]\.?[Mm]\.?)?\s+[-–]\s)"
    r"\s*(?P<sender>[^:\s][^:]{0,40}):\s+(?=\S)"
    r"|\d{1,2}:\d{2}\t[^\t]{1,60}\t\"?(?=\S)"
)
"""A chat export's message stamp and sender: "[09/09/26, 7:45:12 PM] Name: " (one app's
export), "09/09/2026, 19:45 - Name: " (another's) or time, sender and the message's
opening quote between tabs (a third's, under a line of the day)."""
_INVITATION = re.compile(
    r"(?:(?:updated|new) )?invitation(?: updated)?:\s+(?P<title>\S.*?)\s+@\s+"
    r"(?:(?:mon|tue|wed|thu|fri|sat|sun)\w*\b|\d).*",
    re.IGNORECASE,
)
"""A calendar invitation's subject: "Invitation: <event> @ <day, date and time> (<guest>)";
the event is its headline."""
_AT_HANDLE = re.compile(r"@\w{2,30}(?:\s*[·•|:—–-])?\s+(?=\S)")
_HANDLE = re.compile(r"(?P<handle>[a-z0-9_.]{3,30})\s+(?=\S)")
"""A handle written without its "@" (a caption as a photo app shows it): lower case."""
_PLACE_TAG = re.compile(r"[A-Z][\w'’.-]+(?: [A-Z][\w'’.-]+){0,2}:\s+(?=\S)")
"""A place a social post is tagged with, before its text ("Pune: …")."""
FLASH_MARK: Final = re.compile(r"\*(?=[\w\"'“‘(])(?!.*\*$)")
"""An asterisk against a line's text, not closed at its end: a wire terminal's flash
("*RATES HELD AT 0.5%"), each of a story's flashes marked so, the first its headline. Not
a list's bullet ("* item", "• item", read as highlights), nor a pair of marks around the
line ("*Headline*"), nor emoji: a post's headline keeps its emoji."""
_LINK_SITE = re.compile(r"(?<=\S)\s+\((?:www\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}(?:/\S*)?\)$")
"""The site a link board shows after a submitted link's title ("… via PayKoban
(paykoban.example)"), in lower case: where the link goes, not part of its title."""
_SCRIPT_CUE = re.compile(r"[A-Z]{2,12}(?: [A-Z]{2,12})?:\s+(?=\S)")
"""A cue in capitals before a line of a broadcast script or rundown ("SUPER: …", "VO: …",
"ANCHOR: …"): who speaks or what the screen shows, not part of the line's text."""
SCRIPT_CUES: Final = 4
"""Lines opening with a cue that make a text a script: a headline's kicker in capitals
("TASTE TEST: …") opens one line, a script's cues open most."""
_FILING_SLUG = re.compile(
    r"(?:(?:file|filing|slug|copy)\s*:\s*\S|.*\(\s*\d{2,5}\s*(?:w|wds|words)\s*\))", re.IGNORECASE
)
"""A reporter's filing line: "FILE: …", "SLUG: …", or a word count ("(720w)", "(450 words)")."""


class HeaderView(NamedTuple):
    """The header's lines as a headline would be read from them."""

    lines: list[str]
    repairs: dict[int, str]
    """For each repaired line, what was removed (as ``aggregator explain`` says it)."""
    tags: frozenset[int]
    """Lines a repair shows to be a post's tags, not its headline: the place between the
    account's line and the caption that opens with its handle."""


def header_view(lines: Sequence[str], stop: int) -> HeaderView:
    """The lines, those before ``stop`` repaired (see :func:`repaired_line`)."""
    view = list(lines)
    repairs: dict[int, str] = {}
    tags: set[int] = set()
    for index in range(min(stop, len(lines))):
        text, what = repaired_line(lines, index)
        if what is not None:
            view[index] = text
            repairs[index] = what
        opens = _opens_like_a_handle(lines[index])
        if opens and (account := _account_line(lines, index, lines[index])) is not None:
            tags.update(range(account + 1, index))
    return HeaderView(view, repairs, frozenset(tags))


def repaired_line(lines: Sequence[str], index: int) -> tuple[str, str | None]:
    """Line ``index`` without a chat stamp, an account handle or a line mark before its
    text, or a link's site after it, and what was removed (None when nothing was)."""
    line = lines[index]
    removed = []
    if (line[:1] == "[" or line[:1].isdigit()) and (stamp := _CHAT_STAMP.match(line)):
        line, removed = line[stamp.end() :], ["chat stamp"]
    if "@" in line and (invitation := _INVITATION.fullmatch(line)):
        line, removed = invitation["title"], [*removed, "invitation's time"]
    if _opens_like_a_handle(line) and (handle := _handle_end(lines, index, line)) is not None:
        line = line[handle:]
        removed.append("account handle")
        if place := _PLACE_TAG.match(line):
            line = line[place.end() :]
    if (mark := FLASH_MARK.match(line)) and not (index and FLASH_MARK.match(lines[index - 1])):
        line = line[mark.end() :]
        removed.append("flash mark")
    if (line[:1] in "*_" or line[:1].isdigit()) and (item := _DIGEST_ITEM.fullmatch(line)):
        line = item["title"]
        removed.append("digest item's source and time")
    if line.endswith(")") and (site := _LINK_SITE.search(line)):
        line = line[: site.start()]
        removed.append("link's site")
    if (cue := _SCRIPT_CUE.match(line)) and _is_script(lines):
        line = line[cue.end() :]
        removed.append("script's cue")
    if line[:1].isdigit() or line[1:3].islower():
        line, removed = _without_part_number(line, removed)
    line, tail = strip_headline_tail(line)
    if tail is not None:
        removed.append(tail)
    return (line, f"{' and '.join(removed)} removed") if removed else (line, None)


_DIGEST_ITEM = re.compile(
    r"(?:\d{1,2}[.)]\s+)?(?P<mark>\*{1,2}|_{1,2})(?P<title>[^*_\s][^*_]{0,200}[^*_\s])(?P=mark)\s+[-–—|·]\s+"
    r"[^*_]{1,60}?\b\d{1,2}[:.]\d{2}(?:\s?[AaPp]\.?[Mm]\.?)?"
)
"""An item of a news bot's digest: its number, its title in bold, then its source and time
("1. *Port opens second berth* - Harbour Wire, 7:15 AM"); the title is the item's
headline."""
_PART_NUMBER = re.compile(
    r"(?P<section>\d{1,2}(?:\.\d{1,2}){1,3})\s+(?=[A-Z][a-z])"
    r"|(?:Ep|Eps|Pt|Ch)\.\s?\d{1,4}\s+[-–—]\s+(?=\S)"
)
"""A report's section number ("4.2 Decarbonising our …") or an abbreviated episode or
part number and a dash ("Ep. 112 - Why …"): where the piece stands in its document or
series, not what it says."""


QUANTITY_WORDS: Final = word_set(
    """magnitude lakh lakhs crore crores billion billions million millions trillion thousand
    percent per pc mn bn tonnes tons kg km degrees degree inches hours days years points"""
)
"""Words a figure opening a headline measures ("7.1 Magnitude quake …", "2.5 Lakh jobs …",
"1.2 Billion Dollar deal …"): the headline's own figure, never a section's number."""


def _without_part_number(line: str, removed: list[str]) -> tuple[str, list[str]]:
    """``line`` without a section's or episode's number before it; an issue line ("Vol. 4 -
    Issue 9") names the issue whole, and a figure in a title-case
    headline ("6.4 Magnitude Quake Hits …") and a lower-case word after one ("2.5 million
    …") are the headline's own."""
    number = _PART_NUMBER.match(line)
    if number is None or is_issue_line(line):
        return line, removed
    rest = line[number.end() :]
    if len(rest.split()) < HEADLINE_MIN_WORDS or (number["section"] and is_title_case(rest)):
        return line, removed
    if number["section"] and rest.split()[0].lower() in QUANTITY_WORDS:
        return line, removed
    return rest, [*removed, "part's number"]


def _is_script(lines: Sequence[str]) -> bool:
    """A broadcast script or rundown: :data:`SCRIPT_CUES` lines or more open with a cue."""
    return sum(_SCRIPT_CUE.match(line) is not None for line in lines) >= SCRIPT_CUES


def _opens_like_a_handle(line: str) -> bool:
    """Told at once for most lines, which open with a capital: no handle opens them."""
    first = line[:1]
    return first == "@" or first.islower() or first.isdigit() or first == "_"


def _handle_end(lines: Sequence[str], index: int, line: str) -> int | None:
    """Where the text starts after an account handle that opens ``line``: an "@handle", or
    a handle in lower case that begins a line above (the account's name on its page)."""
    if at := _AT_HANDLE.match(line):
        return at.end()
    bare = _HANDLE.match(line)
    return bare.end() if bare and _account_line(lines, index, line) is not None else None


def _account_line(lines: Sequence[str], index: int, line: str) -> int | None:
    """The line above that begins with the handle in lower case (no "@") opening ``line``:
    the account's line of a post whose caption ``line`` is."""
    bare = _HANDLE.match(line)
    if bare is None or not any(c.isalpha() for c in bare["handle"]):
        return None
    handle = bare["handle"]
    return next(
        (above for above in range(index) if lines[above].split(maxsplit=1)[:1] == [handle]),
        None,
    )


def is_filing_slug(value: str) -> bool:
    """A reporter's filing line to the desk, as an e-mail's subject: never a headline."""
    return _FILING_SLUG.match(value) is not None


HEADLINE_MIN_WORDS: Final = 3


def headline_field(line: str) -> str | None:
    """The headline a "Headline:" field gives ("Hed: …", "Subject: Re: …"), if ``line`` is
    one: not a filing slug, and of three words or more."""
    found = header_field(line)
    if found is None or found.label not in HEADLINE_LABELS or is_filing_slug(found.value):
        return None
    headline = strip_kicker(unquoted(strip_reply_prefix(found.value)))
    return headline if len(headline.split()) >= HEADLINE_MIN_WORDS else None
