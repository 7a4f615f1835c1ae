"""Furniture of documents that carry a story without being one: a returned mail, a video's
shotlist, a statistics release, an answer engine's page, a form to cut off and return.

Each shape is a line its kind of document prints whoever issues it: the delivery status
fields of a bounced mail (RFC 3464) and the sentence that says why it bounced, a shot
of a shotlist with its timecode, the entries of a story's revision log, the date of a
release's next issue, the strip of sites an answer cites, the blanks of a reply slip, a
copy desk's labelled photo caption, an agency's note on what a corrected repeat changed,
the market-risk warnings a fund's papers must print, a filing's conformed signature, its
"SIGNATURES" heading (a footer: the signer's name, title and date under it go too) and
the securities law's signing clause under it, and its exhibit's label over the release it
carries, an agency's topic codes, a serial's note
on its parts, a rundown's soundbite cue and a press office's note on whom its answers may
be attributed to.
"""

from __future__ import annotations

import re
from typing import Final

from .lines import may_hold

LINE: Final = "line"
FOOTER: Final = "footer"
DIVIDER_RULE: Final = "divider"
"""A line of marks, or a cut-here line: the rule the cleaner's later passes read its name by."""

_DELIVERY_FIELD = re.compile(
    r"(?:Reporting-MTA|Received-From-MTA|Arrival-Date|Original-Recipient|Final-Recipient"
    r"|Action|Status|Remote-MTA|Diagnostic-Code|Last-Attempt-Date|Will-Retry-Until"
    r"|X-Postfix-[\w-]+|X-Original-Message-ID):\s.{1,200}"
)
"""A delivery status field of a returned mail (RFC 3464: "Reporting-MTA: dns; …")."""
_NOT_DELIVERED = re.compile(
    r"(?:Your message (?:wasn't|was not|could not be|couldn't be) delivered to \S+"
    r"|Delivery (?:to the following recipients? )?(?:has )?failed"
    r"|(?:DNS|SMTP) Error: .{3,80}"
    r"|The response from the remote server was:"
    r"|This is an automatically generated Delivery Status Notification)\b.*"
)
"""What a mail server says of a message it could not deliver."""
_SHOT = re.compile(r"\d{1,2}\.\s+\S.{2,240}\(\d{1,2}:\d{2}(?::\d{2})?\)")
"""A shot of a video's shotlist: its number, what it shows, its timecode ("3. Wide of
the stadium (00:15)")."""
_REVISION = re.compile(
    r"[▼▽•*-]?\s*\d{1,2}:\d{2}\s+[—–-]\s+(?:First published|Published|Added|Updated"
    r"|Corrected|Changed|Revised|Removed|Rewritten|Expanded)\b.{0,160}"
)
"""An entry of a story's revision log ("▼ 18:10 — Added investment amount …")."""
_REVISION_HEADING = re.compile(r"(?:Update|Revision|Correction|Edit|Change) (?:history|log)")
_NEXT_RELEASE = re.compile(
    r"Next (?:release|publication|update|issue|edition)(?: date)?:\s+\S.{0,160}"
)
"""A statistics release's or a newsletter's date of its next issue."""
_CITATION_STRIP = re.compile(
    r"[\w-]+(?:\.[\w-]+)+(?: · [\w-]+(?:\.[\w-]+)+)*(?: · \+\d{1,3} sources?)"
)
"""The sites an answer engine's summary cites, the rest counted ("a.example · b.example
· +3 sources")."""
_FORM_FIELD = re.compile(r"(?:[A-Z][A-Za-z0-9 &'’/().-]{1,40}:?[ ]*_{4,}[ ]*)+")
"""A form's fields to fill in by hand ("Name of the student: ________ Class: ____")."""
_CUT_LINE = re.compile(r"[-–—.·✂ ]{6,}\(?(?:cut|tear) (?:here|along this line)\)?[-–—.·✂ ]*")
_CAPTION_LABEL = re.compile(r"(?:PHOTO|PIC|PICTURE|IMAGE) CAPTION:\s+\S.*")
"""A copy desk's caption, labelled for the page ("PHOTO CAPTION: …")."""
_CORRECTION_NOTE = re.compile(
    r"\((?:Corrects|Refiles to correct|Updates|Adds|Removes|Clarifies|Fixes) [^()]{3,160}"
    r"\b(?:paragraph|para|paras|paragraphs|headline|dateline|byline)\b[^()]{0,80}\)"
)
"""An agency's note on what its corrected repeat changed, in sentence case ("(Corrects
acreage in paragraph 1 to 480 from 840)")."""
_MARKET_RISK = re.compile(
    r"(?:Mutual fund |All )?investments (?:in [\w ]{1,40} )?are subject to market risks\b.*"
    r"|Past performance (?:may or may not be sustained|is not (?:necessarily )?(?:a guide"
    r"|indicative)|does not guarantee)\b.*"
    r"|(?:riskometer\s*:\s*[\w -]{2,30}[—–-]\s*)?investors understand that their principal"
    r" (?:will|would) be at [\w -]{2,30} risk\.?",
    re.IGNORECASE,
)
"""The market-risk warnings a fund's documents must print under every page, and its
risk-o-meter's label ("Riskometer: High — Investors understand that their principal will
be at high risk.")."""
_CONFORMED_SIGNATURE = re.compile(r"(?:By:\s*)?/s/\s*[A-Z][\w.'’ -]{1,60}")
"""A filing's typed signature ("By: /s/ Asha Rao"), where an electronic filing prints the
signer's name for the signature."""
_SIGNING_CLAUSE = re.compile(
    r"Pursuant to the requirements of the Securities (?:Exchange )?Act of 19\d\d,?"
    r" (?:as amended,? )?the registrant has duly caused this \w[\w -]{0,40} to be signed"
    r" on its behalf by the undersigned,? thereunto duly authorized\.?",
    re.IGNORECASE,
)
"""The clause every report filed under the US securities acts signs with."""
_TOPIC_CODE = r"\[[A-Z0-9][A-Z0-9&.-]*/[A-Z0-9/&.-]*\]"
_TOPIC_CODES = re.compile(
    rf"(?:[A-Z][\w ]{{2,30}}:\s*{_TOPIC_CODE}|{_TOPIC_CODE}\s*{_TOPIC_CODE})(?:\s*{_TOPIC_CODE})*"
)
"""An agency's topic codes for more of its coverage ("Related coverage: [PORTS/] [JAPAN/]"),
which its clients' terminals follow and their readers cannot."""
_PART = r"(?:part|instal?l?ment|episode|chapter)"
_SERIES_NOTE = re.compile(
    r"(?:this|the) (?:article|story|report|piece|column|feature) is (?:the )?"
    r"(?:(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|last|final) "
    rf"{_PART}|{_PART} (?:\d{{1,2}}|[IVX]{{1,4}}|one|two|three|four|five|six|seven|eight|nine"
    r"|ten)) (?:of|in) (?:an?|our|the|this) .{0,40}\bseries\b.*",
    re.IGNORECASE,
)
"""A serial's note on its parts, which gives the part's number ("This article is Part 2 of
a four-part series. Part 3 appears on Sunday."): a report that is "part of a series of
audits" is the article."""
_EXHIBIT = re.compile(r"Exhibit \d{1,3}(?:\.\d{1,2})?(?: [^.!?]{1,80})?")
"""A filing's label over the document it carries ("Exhibit 99.1 Press release dated …")."""
_SOUNDBITE_CUE = re.compile(
    r"IN:\s*[\"“].{1,60}[\"”]\s*OUT:\s*[\"“].{1,60}[\"”](?:\s*DUR\s*\d{1,2}:\d{2})?"
)
"""A rundown's cue for a soundbite: its first and last words and its length ("IN: "We
will…" OUT: "…by June." DUR 0:12")."""
_ATTRIBUTION_NOTE = re.compile(
    r"(?!.*\b(?:said|says|told|tells)\b)"
    r"(?:(?:the )?(?:responses?|answers?|replies|quotes?|comments?)|(?:this|the above)"
    r" (?:statement|reply|response))\s+(?:may|can|should) be (?:attributed|ascribed) to"
    r"(?:\s*:\s*\S|\s+(?:an?\s+|the\s+)?(?:senior\s+|official\s+)?(?:spokes(?:person|man|woman)"
    r"|official|source|representative|officer)s?\b).{0,120}",
    re.IGNORECASE,
)
"""A press office's note on whom its answers may be quoted as: a colon or a role after
"attributed to" ("Responses may be attributed to: a spokesperson of …", "… to a senior
official"), and no "said" or "told" (a cause a speaker names, "The comments may be
attributed to a misunderstanding …, the minister told reporters", is the article's)."""


def note_shape(line: str, words: int) -> tuple[str, str] | None:
    """``(name, kind)`` of a line that is such a document's furniture, else None."""
    if words <= 40 and "-" in line[:25] and _DELIVERY_FIELD.fullmatch(line):
        return "delivery status", LINE
    if words <= 40 and line[:1] in "YDTS" and _NOT_DELIVERED.fullmatch(line):
        return "delivery failure", LINE
    if words <= 50 and line[:1].isdigit() and line.endswith(")") and _SHOT.fullmatch(line):
        return "shotlist entry", LINE
    if words <= 30 and ":" in line[:8] and _REVISION.fullmatch(line):
        return "revision log", LINE
    if words <= 3 and _REVISION_HEADING.fullmatch(line):
        return "revision log", LINE
    if words <= 30 and line.startswith("Next ") and _NEXT_RELEASE.fullmatch(line):
        return "release calendar", LINE
    if words <= 20 and " · +" in line and _CITATION_STRIP.fullmatch(line):
        return "citation strip", LINE
    if "____" in line and _FORM_FIELD.fullmatch(line):
        return "form field", LINE
    if words <= 60 and ("cut" in line or "tear" in line) and _CUT_LINE.fullmatch(line):
        return DIVIDER_RULE, LINE
    if line[:1] in "PI" and " CAPTION:" in line and _CAPTION_LABEL.fullmatch(line):
        return "photo caption", LINE
    if words <= 40 and line.startswith("(") and _CORRECTION_NOTE.fullmatch(line):
        return "wire version note", LINE
    if (
        words <= 40
        and may_hold(line, ("invest", "past performance"))
        and _MARKET_RISK.fullmatch(line)
    ):
        return "disclaimer", LINE
    if words <= 12 and "/s/" in line and _CONFORMED_SIGNATURE.fullmatch(line):
        return "signatory", LINE
    if line == "SIGNATURES" or line == "SIGNATURE":
        return "filing signatures", FOOTER
    if 20 <= words <= 50 and line[:1] in "Pp" and _SIGNING_CLAUSE.fullmatch(line):
        return "filing signatures", LINE
    if words <= 16 and line.endswith("]") and _TOPIC_CODES.fullmatch(line):
        return "topic codes", LINE
    if (
        words <= 40
        and line[:3].lower() in ("thi", "the")
        and may_hold(line, ("series",))
        and _SERIES_NOTE.fullmatch(line)
    ):
        return "series note", LINE
    if words <= 16 and line.startswith("Exhibit ") and _EXHIBIT.fullmatch(line):
        return "filing label", LINE
    if words <= 30 and line.startswith("IN:") and _SOUNDBITE_CUE.fullmatch(line):
        return "time code", LINE
    if words <= 30 and " attributed to" in line and _ATTRIBUTION_NOTE.fullmatch(line):
        return "attribution note", LINE
    return None
