"""What a page's widgets leave in its text when copied: furniture by its shape alone.

A web form's fields, copied as text, keep their labels with the mark of a required field
("Full name*", "Passport number*") and their empty boxes ("( ) Morning ( ) Afternoon",
"[ ] I agree to the privacy policy."), and its button stays a word alone ("Submit"). A wiki
page signs each comment with its writer's name, "(talk)" and the time in UTC, and closes
on "This page was last edited on …"; its talk page opens with a project's banner ("This
article is within the scope of WikiProject …"). A wire's copy closes each take on its
agency's tag and the operators' initials ("(OPA) ty/hn") and prints its note to editors
("Eds: adds background"). A text alert's thread keeps the link to the story ("More:
ab.example/x3Yz"), the instruction to stop alerts ("Reply STOP to 56161 …") and each
message's status ("Delivered"). A page's links keep their kind: a file's type in brackets
("Download full report (PDF)"), a recording's running time in brackets ("Watch the debate
(1 h 48 min)"; a language or "(video)" is no running time), a bar of links in brackets
("Compare with: [Japan] [Korea]"), a QR code's placeholder and its link, and a bar whose
last cell is the copyright notice ("Terminal time 09:03 JST | Copyright 2026 …").

An agreement or minutes closes on its signatures: the body each signatory signs for ("For
the Government of Japan"), the signatory's name and office under it ("Deputy Minister for
Foreign Affairs"). That is a shape of the text's end, not of a line, so
``signing_blocks`` reads it once the text is cleaned: a body's line alone, with nothing
after the body's name, and under it only short lines in title case, other signatures or
furniture. A headline or a subheading that begins "For the Bank of …" stands over prose
and stays.

Two shapes are left on purpose, though the development halves label them furniture: a
news app's card of another outlet's report ("Harbour Post · 3 hours ago · Port strike
ends …") and a question-and-answer site's line on its writer ("… · Lives in Sendai").
Removing them cost a relevant page its relevance and two pages a topic, which their words
carried.

Each line shape needs its mark (the asterisk after a form's own label, empty boxes before
short options or a reader's consent, "(talk)" with "(UTC)", an agency's tag in brackets
before lower-case initials, a file type or a running time in brackets), and each is asked
only when a cheap test of the line finds that mark. Ordinary lines that share a mark stay:
a table's label with a note's star ("Median age*", "Deaths by state*: Kerala 41, …"), a
checklist an article gives ("[ ] Carry a photo identity card to the booth."), a link with
a language in brackets ("Watch the minister's reply (Hindi)").
"""

from __future__ import annotations

import re

LINE = "line"
FORM_RULE = "form field"
BODY_RULE = "signing body"
OFFICE_WORDS = 8
"""The most words of the office a signatory holds, on the line under the body they sign for."""
_OFFICE_LINE = re.compile(
    r"[A-Z][\w.&'’()-]*(?:,? (?:[A-Z(][\w.&'’()-]*|of|for|and|the|on|to|in)){0,7}"
)

_FIELD_WORDS = (
    r"name|e-?mail|(?:e-?mail )?address|number|phone|mobile|telephone|country|city|state"
    r"|nationality|organi[sz]ation|institution|designation|company|website|comments?"
    r"|message|password|passport|date of birth|age|gender|occupation|pin ?code|post ?code"
)
_FIELD_MODIFIERS = (
    r"full|first|last|middle|given|family|your|e-?mail|mobile|phone|contact|postal|home|office"
    r"|work|current|permanent|alternate|alternative|official|registered|preferred|date of"
    r"|place of|company|organi[sz]ation|billing|delivery"
)
_REQUIRED_FIELD = re.compile(
    rf"(?:(?:{_FIELD_MODIFIERS}|{_FIELD_WORDS}) ){{0,3}}(?:{_FIELD_WORDS})"
    r"(?: \([^()]{1,30}\))? ?\*"
    r"(?:: ?(?:[(\[] ?[)\]] [^()\[\]]{1,40}){1,8})?",
    re.IGNORECASE,
)
"""A form's field label marked required ("Full name*", "Name (as in passport)*", "Mobile
number *"), with the empty boxes of its choices after it ("Service required*: ( ) …"): a
label that names what a reader fills in, after the few words a form puts before it. A
table's label with a note's star ("Median age*", "Deaths by state*: Kerala 41, …") is
no field: its words are no form's and what follows it are figures, not empty boxes."""
_CHOICES = re.compile(
    r"(?:[^()\[\]]{0,60}[:?*] ?)?(?:[(\[] ?[)\]] (?:[^()\[\]]|\([^()]{2,30}\)){1,80}){1,8}"
)
"""A form's choices, each an empty box and its answer ("( ) In person ( ) Online",
"[ ] I agree that photos may be taken."), after the question or label they answer. Each
choice is a short option or the reader's own consent ("I agree …"); a box before a longer
sentence is a checklist an article gives its readers ("[ ] Carry a photo identity card to
the booth."), which stays."""
CHOICE_WORDS = 5
_BOX = re.compile(r"[(\[] ?[)\]] ")
_BUTTON = re.compile(r"(?:submit|register|register now|send|sign up|apply now)(?: now)?", re.I)
_WIKI_SIGNATURE = re.compile(
    r"\S.{0,60}? \(talk(?: · contribs)?\) \d{1,2}:\d{2}, \d{1,2} [A-Z][a-z]+ \d{4} \(UTC\)"
)
"""A wiki comment's signature: the writer, "(talk)", the time and day in UTC."""
_WIKI_FOOT = re.compile(r"This page was last (?:edited|modified) on .{5,60}")
_WIKI_BANNER = re.compile(r"This (?:article|page) is (?:within the scope of|part of) .{0,160}")
_WIKI_ARCHIVES = re.compile(r"Archives?: \d{1,3}(?:, \d{1,3})*")
_WIRE_TAG = re.compile(r"\([A-Z]{2,8}\) [a-z]{2,3}(?:/[a-z]{2,3}){0,3}")
"""A wire take's closing tag: its agency in brackets and its operators' initials."""
_STORY_LINK = re.compile(
    r"(?:More|Read more|Full story|Details|Link): (?:https?://)?[\w-]+(?:\.[\w-]+)+/\S{1,40}"
)
_STOP_ALERTS = re.compile(r"(?:Reply|Text|SMS|Send) STOP\b.{0,120}")
_STATUS = re.compile(r"(?:Delivered|Sent|Seen|Not delivered)(?: \d{1,2}:\d{2})?")
_FILE_KIND = re.compile(r"Download .{1,60}\((?:PDF|CSV|XLSX?|DOCX?|PPTX?|ZIP|EPUB)\)")
_LENGTH = re.compile(
    r"(?:Watch|Listen to|Listen)\b[^.!?()]{1,60}"
    r"\((?:\d{1,2} ?h(?:rs?)?\b(?: ?\d{1,3} ?min\b)?|\d{1,3} ?min\b)[^()]{0,12}\)"
)
"""A recording's link by its running time in brackets ("Watch the debate (1 h 48 min)",
"Listen (12 min)"); a language or "(in full)" in brackets is no length."""
_QR_CODE = re.compile(r"\[QR(?: code)?\] .{1,200}", re.IGNORECASE)
_EDITORS_NOTE = re.compile(
    r"Eds?: (?:adds|updates|recasts|changes|corrects|fixes|inserts|rewrites|refiles|tops|"
    r"moves|withdraws|subs|expands|trims)\b.{0,160}"
)
"""A wire take's note to editors on what it changes ("Eds: adds background, quotes")."""
_SIGNING_BODY = re.compile(
    r"For (?:and on behalf of )?the [A-Z][\w.&'’-]*(?: (?:[A-Z][\w.&'’-]*|of|and|for|the|on)){0,12}"
    r"(?:, (?P<clause>[A-Z][\w.&'’-]*(?: (?:[A-Z][\w.&'’-]*|of|and|the)){0,8})){0,4}"
)
_BODY = re.compile(
    r"\b(?:Government|Ministry|Department|Agency|Board|Company|Corporation|Council|Commission"
    r"|Authority|Embassy|Bank|Institute|University|Organi[sz]ation)\b"
)
"""The body a signatory signs for under an agreement or minutes ("For the Government of
Japan", "For the Ministry of Ports, Shipping and Waterways, Government of India"): the
body's name (its portfolios parted by commas) and nothing after it but, after the last
comma, the body it belongs to. A headline's clause after the comma ("For the World Bank,
Climate Comes First") names no body."""
_ANNEXES = ("Annex", "Appendix", "Enclosure", "Attachment")
"""What an agreement prints after its signatures: its annexes ("Annex I: not reproduced.")."""
SIGNATORY_LINES = 2
"""The lines a signature holds under the body: the signatory's name, their office."""
_LINK_BAR = re.compile(r"(?:[^:\[\]]{1,30}: )?(?:\[[^\[\]]{1,40}\] ?){2,12}")
"""A bar of links in brackets, after its label ("Compare with: [Japan] [Korea] [India]")."""


def widget_shape(line: str, words: int) -> tuple[str, str] | None:
    """``(name, kind)`` of a line a page's widget leaves in its text, else None."""
    if words > 40:
        return None
    first = line[:1]
    if "*" in line and words <= 24 and _REQUIRED_FIELD.fullmatch(line):
        return FORM_RULE, LINE
    boxed = "( )" in line or "[ ]" in line or "()" in line or "[]" in line
    if boxed and _CHOICES.fullmatch(line) and _short_choices(line):
        return FORM_RULE, LINE
    if words <= 3 and _BUTTON.fullmatch(line):
        return "form button", LINE
    if "(talk" in line and "(UTC)" in line and _WIKI_SIGNATURE.fullmatch(line):
        return "wiki signature", LINE
    if first == "T" and line.startswith("This ") and _wiki_furniture(line):
        return "wiki furniture", LINE
    if first == "A" and line.startswith("Archive") and _WIKI_ARCHIVES.fullmatch(line):
        return "wiki furniture", LINE
    if first == "(" and words <= 3 and _WIRE_TAG.fullmatch(line):
        return "wire transmission", LINE
    if ": " in line and "/" in line and words <= 6 and _STORY_LINK.fullmatch(line):
        return "story link", LINE
    if "STOP" in line and _STOP_ALERTS.fullmatch(line):
        return "alert opt-out", LINE
    if words <= 2 and _STATUS.fullmatch(line):
        return "message status", LINE
    if first == "D" and line.startswith("Download ") and _FILE_KIND.fullmatch(line):
        return "file link", LINE
    if first in "WL" and "min" in line and _LENGTH.fullmatch(line):
        return "recording link", LINE
    if ("] [" in line or "][" in line) and _LINK_BAR.fullmatch(line):
        return "link bar", LINE
    if first == "[" and line[1:3].upper() == "QR" and _QR_CODE.fullmatch(line):
        return "picture placeholder", LINE
    if first == "E" and line[:4] in ("Eds:", "Ed: ") and _EDITORS_NOTE.fullmatch(line):
        return "wire version note", LINE
    if " | " in line and _closes_on_copyright(line):
        return "copyright footer", LINE
    return None


def _closes_on_copyright(line: str) -> bool:
    """Whether a bar's last cell is a copyright notice, its other cells no sentences
    ("Terminal time 09:03 JST | Copyright 2026 …", "About | Privacy | © 2026 …")."""
    *cells, last = line.split(" | ")
    if not ("opyright" in last or "©" in last or "(c)" in last.lower()):
        return False
    from .boilerplate import classify  # the line rules call this module's shapes

    rule = classify(last.strip())
    if rule is None or rule.name != "copyright footer":
        return False
    return all(len(cell.split()) <= 10 and not cell.rstrip().endswith(".") for cell in cells)


def _wiki_furniture(line: str) -> bool:
    return _WIKI_FOOT.fullmatch(line) is not None or (
        "WikiProject" in line and _WIKI_BANNER.fullmatch(line) is not None
    )


def _short_choices(line: str) -> bool:
    """Whether each empty box of ``line`` stands before a short option or the reader's own
    consent, not before an article's sentence."""
    for choice in _BOX.split(line)[1:]:
        if len(choice.split()) > CHOICE_WORDS and not choice.startswith(("I ", "Yes, I ")):
            return False
    return True


def _signing_body(line: str) -> bool:
    if not (line.startswith("For ") and _BODY.search(line)):
        return False
    body = _SIGNING_BODY.fullmatch(line)
    return body is not None and (body["clause"] is None or _BODY.search(body["clause"]) is not None)


def signing_blocks(lines: list[str], removed: dict[int, str]) -> None:
    """Marks as removed the signatures that close an agreement or minutes: the body each
    signatory signs for ("For the Government of Japan"), then at most a name and an office
    ("Deputy Minister for Foreign Affairs"), each a short line in title case with no
    sentence's stop, and below them only other such signatures, the agreement's annexes or
    lines removed already.
    A heading of that shape over prose, or over a line the article goes on after, stays."""
    block: dict[int, str] = {}
    under = 0
    for index in range(len(lines) - 1, -1, -1):
        line = lines[index]
        if not line or (not block and (index in removed or line.startswith(_ANNEXES))):
            continue
        if line[:4] == "For " and _signing_body(line):
            block[index] = BODY_RULE
            under = 0
        elif under < SIGNATORY_LINES and (index in removed or _signatory(line)):
            block[index] = "signatory office"
            under += 1
        else:
            break
    bodies = sorted(i for i, rule in block.items() if rule == BODY_RULE)
    if bodies:
        for index, rule in block.items():
            if index >= bodies[0]:
                removed.setdefault(index, rule)


def _signatory(line: str) -> bool:
    return len(line.split()) <= OFFICE_WORDS and _OFFICE_LINE.fullmatch(line) is not None
