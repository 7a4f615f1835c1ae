"""Furniture of official letters, orders and statements: who issues and signs them, whom
they go to, what they refer to, and the standing lines around a listing or a live page.

- a government order's frame: its issuing department in capitals, its "ABSTRACT" label,
  the references it reads ("1) From the Commissioner …, Letter No. …, dated 11.03.2026."),
  the signing officer in capitals ("R. RAO, SECRETARY TO GOVERNMENT") and the "To" over
  its addressees (the addressees' offices stay: the relevance judge reads their places),
  and a letter's copy list after its label ("Copy to: the Port Officer, Kochi / …");
- a statement's signatories, a name and the office alone ("A. Kumar, General
  Secretary"), or the signing office alone under the signature ("Deputy Registrar",
  "Chief Project Manager (Track)", "Under Secretary to the Govt. of India"; a short one
  only in a letter's place, :func:`in_letter`), and the
  line a body signs with ("By order", "For and on behalf of the Board");
- a court's or a tribunal's bench over its judgment, order or cause list: "CORAM:"
  alone or with the bench ("CORAM : K. S. KULKARNI, J."), and a judge's or a member's
  line in capitals ("HON'BLE MS. JUSTICE P. RAO", "HON'BLE MEMBER (TECHNICAL)");
- a company's parentage under its name ("A subsidiary of … , Osaka, Japan");
- a listing's schedule entries, a date and an hour before a dash ("Sat 13 June, 11 am IST
  — …", "23 May (Sat) 19:00 — Hall A …");
- a live page's closing line, a video's rights line, a preprint's page count and subject
  classes.
"""

from __future__ import annotations

import itertools
import re
from typing import Final

from .lines import may_hold

LINE: Final = "line"

_BENCH = re.compile(
    r"CORAM\s?:(?:\s*[A-Z][A-Z.'’ ()&,-]{1,120})?"
    r"|HON'?BLE\s+(?:(?:MR|MRS|MS|SHRI|SMT|DR|DR\.)\.?\s+)?(?:(?:THE\s+)?(?:CHIEF\s+)?JUSTICE"
    r"|MEMBER)\b[A-Z.'’ ()&,-]{0,100}"
)
"""A court's bench: "CORAM:" and the judges in capitals, or a judge's line alone."""
_DEPARTMENT = re.compile(r"[A-Z][A-Z ,&()'.0-9-]{2,100} DEPARTMENT")
_ABSTRACT = re.compile(r"ABSTRACT|Abstract:")
_REFERENCE = re.compile(
    r"\(?\d{1,2}\)\s+\S.{5,200}(?:dated|on|of) \d{1,2}[./-]\d{1,2}[./-]\d{2,4}\.?"
)
"""A reference an order reads, numbered "1)" and dated at its end."""
_OFFICER = re.compile(
    r"(?:[A-Z]\.\s?){1,3}[A-Z]{2,}(?: [A-Z]{2,})?, (?:[A-Z]+ ){0,3}SECRETARY TO (?:THE )?"
    r"GOVERNMENT(?: OF [A-Z ]{2,30})?"
)
_SIGNATORY = re.compile(
    r"(?:(?:Dr|Prof|Shri|Smt|Mr|Ms)\.? )?(?:[A-Z]\. ?){0,3}[A-Z][a-z]+(?: [A-Z][a-z]+){0,2}, "
    r"(?:[A-Z][a-z]+ ){0,3}(?:Secretary|Spokesperson|President|Chairman|Chairperson"
    r"|Convenor|Treasurer)(?:, [A-Z][\w ]{2,30})?"
)
"""A signatory: a person's name and an office of the body that issues the statement."""
_OFFICE = re.compile(
    r"(?:(?:Deputy|Assistant|Joint|Additional|Senior|Chief|Under|Principal|Managing|General"
    r"|Executive|Project|Interim|Municipal|District|Divisional) )*"
    r"(?:Registrar|Secretary|Director|Manager|Conservator|Principal|Chairperson|Chairman"
    r"|Member|Judge|Commissioner|Officer|Collector|Controller|Treasurer|Superintendent)"
    r"(?: General)?(?P<tail> \([^()]{1,40}\)|(?-i: to the [A-Z][\w.,& ]{2,50}))?",
    re.IGNORECASE,
)
"""A signing office alone, as it stands under a signature."""
_OFFICE_STARTS = (
    "deputy",
    "assistant",
    "joint",
    "additional",
    "senior",
    "chief",
    "under",
    "principal",
    "managing",
    "general",
    "executive",
    "project",
    "interim",
    "municipal",
    "district",
    "divisional",
    "registrar",
    "secretary",
    "director",
    "manager",
    "conservator",
    "chairperson",
    "chairman",
    "member",
    "judge",
    "commissioner",
    "officer",
    "collector",
    "controller",
    "treasurer",
    "superintendent",
)
"""The words an office (``_OFFICE``) opens with: an ASCII line that opens with none is none."""
OFFICE_RULE = "signing office"
_OWN_OFFICE_WORDS = 3
"""The words of an office that is a letter's on its own ("Chief Project Manager (Track)");
a shorter one ("Judge", "Managing Director") is a letter's only by its place (see
:func:`in_letter`)."""
_LETTER_FRAME = re.compile(
    r"Sd/?-?.*|/s/.*|\(.{3,60}\)|(?:[A-Z]\.\s?){1,3}[A-Z][A-Za-z]+.{0,40}|Yours\b.{0,30}"
    r"|By order\b.*|For and on behalf of\b.*|(?:Copy|Copies)(?: forwarded)? to\b.*|To"
    r"|CORAM\b.*|Kindly\b.*|Thanking you\b.*|(?:With )?(?:Warm |Kind )?Regards\b.*"
)
"""A line of a letter's or an order's frame near its signing office: a signature ("Sd/-",
"(A. K. Rao)", "A. K. Rao"), its close ("Yours faithfully", "By order", a circular's
"Kindly acknowledge …"), its bench ("CORAM:"), its copy list or its "To"."""
_BARE_NAME = re.compile(r"[A-Z][a-z]+(?: [A-Z][a-z]+){1,3}")
"""A person's name alone, as an interview or a profile prints it over the person's post."""
FRAME_LINES = 2


def _written(lines: list[str], indexes: range) -> list[str]:
    """The first :data:`FRAME_LINES` lines at ``indexes`` that hold text."""
    return list(itertools.islice((lines[i] for i in indexes if lines[i]), FRAME_LINES))


def in_letter(lines: list[str], index: int) -> bool:
    """Whether a signing office stands in a letter or an order: long enough to be one
    alone; else with a line of a letter's frame or another office within
    :data:`FRAME_LINES` written lines of it; else, of two words, not under a bare name (an
    interview's "Managing Director" under its guest's name, a story's "Judge" or "Officer
    to the rescue" are the article's)."""
    office = lines[index]
    found = _OFFICE.fullmatch(office)
    if found is not None and (found["tail"] or len(office.split()) >= _OWN_OFFICE_WORDS):
        return True
    above = _written(lines, range(index - 1, -1, -1))[::-1]
    below = _written(lines, range(index + 1, len(lines)))
    near = (*above, *below)
    if any(_LETTER_FRAME.fullmatch(line) or _OFFICE.fullmatch(line) for line in near):
        return True
    return " " in office and not (above and _BARE_NAME.fullmatch(above[-1]))


_SIGNS_FOR = re.compile(
    r"By order(?: of (?:the )?[A-Z][\w.,&' ]{2,60})?|For and on behalf of [\w.,&' ]{3,80}"
)
"""The line a body signs with over its officer's name."""
_COPY_LIST = re.compile(
    r"(?:Copy|Copies)(?: forwarded)? to(?: for (?:information|necessary action)[\w ]{0,30})?"
    r"\s*:\s*\S.{0,400}"
)
"""Whom a letter's copies go to, after the label."""
_PARENTAGE = re.compile(
    r"(?:A |An )?(?:(?:wholly[- ]owned )?subsidiary|group company) of (?:the )?"
    r"(?-i:[A-Z])(?:(?!, (?:which|who|that|it|and|but)\b)[\w .,&'-]){2,80}",
    re.IGNORECASE,
)
_WEEKDAY = r"(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\.?"
_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?"
_SCHEDULE = re.compile(
    rf"(?:{_WEEKDAY},? )?\d{{1,2}} {_MONTH}(?: \({_WEEKDAY}\))?,? \d{{1,2}}(?:[:.]\d{{2}})?"
    rf"(?: ?[ap]\.?m\.?)?(?: [A-Z]{{2,4}})? [—–] [^.!?]{{3,120}}"
)
"""A schedule's entry: a day, an hour, a dash and what or where, no sentence."""
_LIVE_END = re.compile(
    r"[—–-]*\s*(?:(?:Our |This )?live (?:coverage|blog|updates?)(?: has)? (?:now )?"
    r"(?:ends|ended|closed|is closed|has ended)|End of live (?:coverage|updates))\.?",
    re.IGNORECASE,
)
_RIGHTS = re.compile(r"(?:RESTRICTIONS|ACCESS|Restrictions):\s+\S.{0,100}")
_PAGE_COUNT = re.compile(r"Comments:\s+\d{1,4} pages(?:,\s+\d{1,4} (?:figures|tables))*\b.{0,80}")
_SUBJECT_CLASSES = re.compile(r"Subjects?:\s+.{3,160}\([a-z-]{2,12}\.[A-Za-z-]{2,6}\)\s*(?:;.*)?")
"""A preprint's subject classes with their codes ("Geophysics (physics.geo-ph)")."""


def letter_shape(line: str, words: int) -> tuple[str, str] | None:
    """``(name, kind)`` of a line that is such furniture, else None."""
    if line == "To":
        return "addressees", LINE
    if words <= 24 and line[:1] in "CH" and line[1:3].isupper() and _BENCH.fullmatch(line):
        return "bench", LINE
    if words <= 16 and line.endswith("DEPARTMENT") and _DEPARTMENT.fullmatch(line):
        return "issuer line", LINE
    if words <= 1 and _ABSTRACT.fullmatch(line):
        return "section label", LINE
    if words <= 45 and line[:2].lstrip("(")[:1].isdigit() and _REFERENCE.fullmatch(line):
        return "order reference", LINE
    if words <= 14 and "SECRETARY" in line and _OFFICER.fullmatch(line):
        return "signatory", LINE
    if words <= 12 and ", " in line and _SIGNATORY.fullmatch(line):
        return "signatory", LINE
    if (
        words <= 10
        and line[:1].isupper()
        and (not line.isascii() or line.lower().startswith(_OFFICE_STARTS))
        and _OFFICE.fullmatch(line)
    ):
        return OFFICE_RULE, LINE
    if words <= 14 and line[:1] in "BF" and _SIGNS_FOR.fullmatch(line):
        return "signatory", LINE
    if words <= 70 and line.startswith("Cop") and _COPY_LIST.fullmatch(line):
        return "copy list", LINE
    if (
        words <= 18
        and " of " in line
        and may_hold(line, ("subsidiary", "group company"))
        and _PARENTAGE.fullmatch(line)
    ):
        return "company identity", LINE
    if words <= 30 and (" — " in line or " – " in line) and _SCHEDULE.fullmatch(line):
        return "schedule entry", LINE
    if words <= 10 and "live" in line.lower() and _LIVE_END.fullmatch(line):
        return "live page end", LINE
    if (
        words <= 20
        and line.startswith(("RESTRICTIONS", "ACCESS", "Restrictions"))
        and _RIGHTS.fullmatch(line)
    ):
        return "video rights", LINE
    if words <= 25 and line.startswith("Comments:") and _PAGE_COUNT.fullmatch(line):
        return "preprint details", LINE
    if words <= 30 and line.startswith("Subject") and _SUBJECT_CLASSES.fullmatch(line):
        return "preprint details", LINE
    return None
