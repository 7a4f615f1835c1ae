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
- a notice's or a page's standing lines: "(Reference) <law>", "Data used in this chart:
  …", "For enquiries: <number>", opening hours, an event's credits, a research project's
  funders ("Funded by the Department of Science and Technology …", "This project has
  received funding from …", "Acknowledgements: …"), a reprint's credit ("Excerpted with
  permission from "<book>", <author>, <publisher>"), a club bulletin's
  birthdays and meeting notice, a directory's fields and a page's buttons on one line;
- a debate page's side labels, "YES" / "NO" (or "FOR" / "AGAINST") alone over the name
  of the writer who argues that side (:func:`card_buttons`).
"""

from __future__ import annotations

import re

from .dates import MONTHS, search_dates
from .lines import may_hold

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

_OFFICE_UNDER_SPEECH = re.compile(
    r"(?:[A-Z][\w&.'-]* ){0,3}(?:Chairman|Chairperson|Director|President|Chief Executive"
    r" Officer|CEO|Managing Director)(?: (?:&|and) [A-Z][\w ]{2,30})?, [A-Z][\w&.,' -]{2,60}"
    r"(?:Limited|Ltd\.?|Inc\.?|Corporation|Co\., Ltd\.)"
)
"""The office and firm under a speech or a letter ("Managing Director, Kaveri Pumps
Limited"): who signs it, not what it says."""
_REFERENCE_NOTE = re.compile(
    r"\((?:Reference|Ref\.?)\)\s+(?=.*\b(?:Laws?|Acts?|Articles?|Regulations?|Rules|"
    r"Notification|requirements|portal|site|Record|Orders?|Guidelines)\b).{3,200}"
)
"""A notice's closing pointer to the law or the document it rests on ("(Reference) Seeds
Act, Article 4"); not a section headed "(Reference)" over the text's own account."""
_DATA_NOTE = re.compile(
    r"(?:data|series|indicators?|sources?)(?: used)? in this (?:note|chart|brief|post|piece"
    r"|article|graphic)\s*:\s*\S.{2,200}",
    re.IGNORECASE,
)
_INQUIRIES = re.compile(
    r"(?:for )?(?:inquiries|enquiries)\s*:\s*(?=.*(?:\d{2,}|@)).{3,200}", re.IGNORECASE
)
_OPENING_HOURS = re.compile(r"closed on (?:\w+days?|public holidays)\b.{0,160}", re.IGNORECASE)
_CREDITS = re.compile(
    r"(?:(?:co-)?organi[sz]ed|presented|hosted) by [A-Z][^.!?]{3,200}"
    r"|(?:[A-Z]\w+ )?(?:(?:co-)?organi[sz]ed|supported|sponsored|presented|hosted) by\s*:"
    r"(?:\s*(?-i:[A-Z])[^!?]{3,200})?"
    r"|(?:co-)?(?:organi[sz]ers?|sponsors?)\s*:\s*(?-i:[A-Z])[^!?]{3,200}"
    r"|with the (?:special |kind |generous )?(?:cooperation|support|collaboration)"
    r" of [A-Z][^.!?]{3,200}",
    re.IGNORECASE,
)
"""An exhibition's or an event's credits on a line of their own: who organises it, with
whose cooperation (a line of wrapped prose that runs on with "organised by …" starts in
lower case); as labelled rows ("Organiser: …", "Sponsors: …", "Renovation supported by:
…"), or the label alone over the supporters' logos ("Supported by:")."""
_FUNDER = r"(?:[A-Z][\w&'’.–/-]*|\([^()]{1,60}\)|of|the|for|and|in|on|&|de)"
_FUNDERS = rf"{_FUNDER}(?:,? {_FUNDER}){{0,30}}"
_FUNDING = re.compile(
    rf"(?:Co-)?(?:Funded|Financed|Sponsored|Co-funded) (?:jointly )?by {_FUNDERS}"
    r"(?: (?:under|through|as part of|within) [^,;]{3,160})?\.?"
    r"|This (?:project|work|research|study|consortium|publication) (?:has )?receive[sd]? funding"
    r" from .{3,240}"
    r"|Acknowledge?ments?\s*:\s*\S.{2,300}"
)
"""A research project's funders on a line of their own, named and nothing else: who pays
for it and under which programme; a sentence that goes on ("Funded by JICA, the line will
…") is the article's. "Supported by …" is left: in dev22 a newsletter's only words of
both countries stand in it, and its relevance goes with them."""
_REPRINT = re.compile(
    r"(?:Excerpted|Extracted|Reprinted|Reproduced|Adapted) (?:with (?:the )?(?:kind )?permission"
    r" (?:of the publishers? )?)?from [\"“‘][^\"“”‘’]{2,160}[\"”’]"
    r"(?:,? (?!.*\b(?:is|are|was|were|will|has|have|had|follows?|tells?|says?|said)\b).{2,200})?"
)
"""A reprint's credit: the book or the paper a text is taken from, by its title in quotes,
its author and publisher after it; not a sentence that goes on ("Adapted from "…", the
film follows …")."""
_CREDITS_NEEDS = ("ed by", "organi", "sponsor", "with the ")
"""What each alternative of ``_CREDITS`` holds (lower case): "organised by", "sponsors:",
"with the support of"."""
_CLUB_NOTICE = re.compile(
    r"(?:birthdays?|(?:wedding )?anniversaries)\s*:\s*\S.{2,200}"
    r"|(?:this|next) week\s*:\s*(?:regular |weekly |general |club )?(?:meeting|assembly)\b.{0,200}",
    re.IGNORECASE,
)
"""A club bulletin's standing notices: its members' birthdays, the week's meeting."""
_FIELD = r"[A-Z][\w/]*(?: [\w/]+){0,2}: [^|]{1,40}"
_FIELD_BAR = re.compile(rf"{_FIELD}(?: \| {_FIELD})+")
"""A directory's fields on one line ("Stand: B2-14 | Hall: West 1")."""
_QUANTITY = re.compile(r"(?:[¥₹$€£]\s?)?\d[\d,]*(?:\.\d+)?(?:\s?%|\s[^\W\d][^|]*)?")
"""A field's value that is a quantity: a count, a share, a sum, a weight ("63", "84%",
"₹674.30", "2,05,800 kgs", "¥4.2 million a year"); not a time or a code, whose figures
run on with ":", "/", "." or "-" ("09:00–17:30", "E4-112"), nor (asked apart) a date."""
_AUDIENCE_LABEL = re.compile(
    r"(?:page )?(?:views?|visitors?|hits|reads?|likes?|shares?|comments?|replies|votes"
    r"|followers|downloads)",
    re.IGNORECASE,
)
"""What a page counts of its readers ("Views: 1,204 | Comments: 3"): its furniture."""
_ACTION = (
    r"(?:Request|Add|Save|Share|Print|Download|Contact|Book|Register|Subscribe|View|Send"
    r"|Email|E-mail|Follow|Bookmark|Visit|Call|Apply|Watch|Listen|Close|Forward|Back|Sign"
    r"|Log|Report|Copy|Open|Get|Join)(?: [\w'’-]+){0,4}"
)
_ACTION_BAR = re.compile(rf"{_ACTION}(?: \| {_ACTION}){{1,4}}")
"""A page's buttons on one line ("Request a meeting | Add to My Planner")."""


_TRANSLATOR_NOTES = re.compile(
    r"(?:notes on (?:the )?(?:terminology|translation)|translator'?s'? notes?"
    r"|translation notes)\s*:?",
    re.IGNORECASE,
)
"""A translation's glossary heading: the entries under it speak of the translating."""
_SECTION_MORE = re.compile(r"[A-Z][\w'’ ]{2,30}:\s*(?:more|More)")
"""A section's heading over more of its pieces ("Explainers: more")."""
_DESK_INITIALS = re.compile(r"[A-Z]{2,6} [A-Z][a-z]+ \| [A-Z]{1,4}(?:/[A-Z]{1,4})+")
"""A release service's desk and its editors' initials ("NIB Pune | SK/VR")."""


def card_shape(line: str, words: int) -> tuple[str, str] | None:
    """``(name, "line")`` of a line of a signatory's block, a profile card, a mailer's
    wrapper or a tip line; ``(name, "list")`` of a translator's notes heading, which takes
    the entries under it; else ``None``."""
    if words <= 5 and line[:1] in "NnTt" and _TRANSLATOR_NOTES.fullmatch(line):
        return "translator's notes", "list"
    if words <= 6 and line.endswith(("more", "More")) and _SECTION_MORE.fullmatch(line):
        return "related stories", "list"
    if words <= 6 and " | " in line and _DESK_INITIALS.fullmatch(line):
        return "desk credit", "line"
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
    return _notice_shape(line, words)


def _notice_shape(line: str, words: int) -> tuple[str, str] | None:
    if words <= 16 and ", " in line and _OFFICE_UNDER_SPEECH.fullmatch(line):
        return "signatory", "line"
    if words <= 40 and line.startswith("(") and _REFERENCE_NOTE.fullmatch(line):
        return "reference note", "line"
    if words <= 40 and " in this " in line and _DATA_NOTE.fullmatch(line):
        return "data source", "line"
    if words <= 40 and may_hold(line, ("quiries",)) and _INQUIRIES.fullmatch(line):
        return "contact line", "line"
    if words <= 40 and line[:6].lower() == "closed" and _OPENING_HOURS.fullmatch(line):
        return "opening hours", "line"
    if (
        words <= 40
        and line[:1].isupper()
        and may_hold(line, _CREDITS_NEEDS)
        and _CREDITS.fullmatch(line)
    ):
        return "event credits", "line"
    if words <= 60 and line[:1] in "ERA" and " from " in line and _REPRINT.fullmatch(line):
        return "reprint credit", "line"
    if words <= 50 and line[:1] in "FSCAT" and _FUNDING.fullmatch(line):
        return "funding credit", "line"
    if words <= 40 and ":" in line and _CLUB_NOTICE.fullmatch(line):
        return "club notice", "line"
    if (
        words <= 20
        and " | " in line
        and ":" in line
        and _FIELD_BAR.fullmatch(line)
        and not is_figures_bar(line)
    ):
        return "field bar", "line"
    if words <= 20 and " | " in line and _ACTION_BAR.fullmatch(line):
        return "button bar", "line"
    return None


def is_figures_bar(line: str) -> bool:
    """Whether every field of a bar gives a quantity of what the text reports ("Offered:
    41,200 kgs | Sold: 84% | Avg: ₹674.30", "Companies: 14 | Offers: 63"): a row of the
    article's figures, not a directory's fields nor a page's counts of its readers."""
    if " | " not in line:
        return False
    for field in line.split(" | "):
        label, _, value = field.partition(": ")
        value = value.strip()
        if _AUDIENCE_LABEL.fullmatch(label) or not _QUANTITY.fullmatch(value):
            return False
        unit = value.split(" ", 2)[1:2]
        if search_dates(value) or (unit and unit[0].rstrip(".,").casefold() in MONTHS):
            return False
    return True


_SHARE = re.compile(r"(?<![\d.,+\-−±])(\d{1,3}(?:\.\d{1,2})?)\s?%")
"""A share in per cent with no sign: a part of a whole, not a change ("+0.3%", "-1.2%")."""
SPLIT_SLACK = 1.0
"""How far from a hundred the shares of a split may add up to (rounded figures)."""


_READERS_POLL = re.compile(r"\?|\bpoll\b|\bvote\s*:|\bvotes\b", re.IGNORECASE)
"""A poll the page puts to its readers or viewers ("What do you think? Vote: Yes 47% | No
53%", "Viewers' poll: YES 62% | NO 38% (41,206 votes)"): the page's widget."""


def is_share_split(line: str) -> bool:
    """Whether a line splits a whole into two shares or more that add up to a hundred per
    cent ("Before: For 44% Against 36% Undecided 20%", "Turnout: Men 48% Women 52%"): an
    event's result reported, each document's own figures under the same words; not a
    ticker's signed changes, nor a poll the page puts to its readers."""
    if line.count("%") < 2:
        return False
    shares = [float(share) for share in _SHARE.findall(line)]
    if len(shares) < 2 or abs(sum(shares) - 100) > SPLIT_SLACK:
        return False
    return _READERS_POLL.search(line) is None


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
