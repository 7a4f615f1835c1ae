"""Bars: short fields or buttons set side by side on one line, which no article writes.

- a page's buttons under a story, labels between wide gaps or bars ("Share  |  Comment
  (14)", "Mark as read   Save for later   Open in browser"): every label is a button's;
- a programme guide's or a festival catalogue's detail bar ("Documentary | English | U |
  52 min", "Country: Peru | Year: 2024 | 96 min | Spanish"): fields between bars, one of
  them a running time and one a language or a country (a table's row with a duration
  column, "Kochi–Vypin | 20 min | hourly", names neither);
- a mail signature's or a profile's title bar, a person's post between bars ("Priya
  Rao | Head of Research | Harbour Capital", "Founder, Tidewater Foods | Kochi"): fields
  between bars, one a job title, none a sentence or a date;
- a pager, the links to the page before and after ("Next page »", "« Previous page",
  "‹ 2.1 Roads | 2.3 Ports ›");
- a post's tally of reactions, a symbol and a count ("♥ 1,204 likes", "👍 9");
- a link that calls the reader on, its arrow after it ("See open roles →", "Talk to our
  experts → | Download PDF"): a few words, no sentence before the arrow;
- a row of buttons in brackets ("[Reserve] [Ask a question] ★ 4.6 (212)"): two or more
  at the line's start, and a short tail that ends no sentence (a rating, a licence).
"""

from __future__ import annotations

import re
import unicodedata
from typing import Final

from .dates import parse_date_line

LINE: Final = "line"

_BUTTON = (
    r"(?:share(?: on [\w.]+)?|e-?mail|print|save(?: for later)?|bookmark|like|reply"
    r"|comments?(?: \(\d[\d,]*\))?|\(?\d[\d,]*\)? comments?|(?:post|add|leave) a comment"
    r"|mark as (?:read|unread)|open in (?:browser|app)|open original|view original"
    r"|read later|copy link)"
)
"""A button's label."""
_BUTTON_BAR = re.compile(rf"{_BUTTON}(?:(?:\s+|\s*[|·•]\s*){_BUTTON})+", re.IGNORECASE)
"""Two buttons' labels at least, between spaces (a wide gap is one space once the text is
normalised), bars or dots."""
_BUTTON_STARTS = (
    *("share", "e-mail", "email", "print", "save", "bookmark", "like", "reply", "comment"),
    *("post ", "add ", "leave ", "mark ", "open ", "view ", "read ", "copy ", "("),
    *"0123456789",
)
"""What a button's label (``_BUTTON``, any case) opens with: an ASCII line that opens with
none of these (lower case) is no bar of buttons."""
_RUNNING_TIME = re.compile(r"(?:running time:? )?\d{1,3} ?(?:min|mins|minutes|hrs?|hours)\.?")
_SPOKEN = re.compile(
    r"(?:(?:Language|Languages|Country|Audio|Subtitles):.*"
    r"|(?:English|Hindi|Tamil|Telugu|Malayalam|Kannada|Marathi|Bengali|Gujarati|Punjabi|Urdu"
    r"|Odia|Assamese|Japanese|Chinese|Mandarin|Korean|Spanish|French|German|Italian"
    r"|Portuguese|Arabic|Russian|Thai|Indonesian|Multilingual)"
    r"(?:(?:,| and| with) [A-Z]\w+(?: subtitles)?)*)"
)
"""A field a programme's bar holds beside its running time: its language alone ("Tamil",
"English, Malayalam", "Spanish with English subtitles") or a labelled field ("Country:
Peru"); not a field that opens with a language's word ("English Channel", a ratings row's
"Malayalam" beside its audience is a table's)."""
_AUDIENCE = re.compile(r"[\d.,]+ ?(?:million|lakh|crore|%)|[\d.,]+[mk]", re.IGNORECASE)
"""A count of viewers or a share: a ratings table's column, never a programme guide's."""
_JOB_TITLE = re.compile(
    r"(?:[A-Z][\w.&-]* ){0,3}?(?:Director|Manager|Officer|Chief|Head|President|Secretary"
    r"|Editor|Correspondent|Founder|Co-founder|Chair|Chairman|Chairperson|Partner|Consultant|Executive|Dealer"
    r"|Professor|Counsellor|Analyst|Associate|Adviser|Advisor|Coordinator|Representative"
    r"|CEO|CFO|COO|CTO|MD)(?=$|,| \(| of | at | for | and | & | – | - )"
)
"""A field that opens with a post, as its holder writes it ("Senior Account Director",
"Chief Dealer, Treasury", "Manager (Exports)"), not a headline that names one."""
_PAGER_LINK = re.compile(
    r"(?:[«‹<]\s*)?(?:next|previous|prev|older|newer)(?: (?:page|post|posts|article|chapter))?"
    r"(?:\s*[»›>])?",
    re.IGNORECASE,
)
_PAGER_BAR = re.compile(r"[«‹]\s*[^«‹»›|]{1,60}\s*\|\s*[^«‹»›|]{1,60}\s*[»›]")
"""The titles of the pages before and after between a pager's angle quotes."""
_REACTIONS = re.compile(r"(\S{1,3}) ?\d[\d,.]*[KkMm]?(?: (?:likes|reactions|views|hearts))?")
_COMPANY_ENDS = ("Ltd.", "Inc.", "Co.", "Corp.", "Pvt.", "Bhd.", "Pte.", "LLC.")
"""How a company's name may end with a full stop that ends no sentence."""
BAR_SEGMENT_WORDS = 8
_CALL_LINK = re.compile(r"[^.!?|→»]{2,80}?\s?[→»](?:\s?\|\s?[^.!?|→»]{2,40}){0,3}")
"""A link's words and its arrow, and maybe buttons beside it between bars."""
CALL_WORDS = 12
_BRACKET_BUTTONS = re.compile(r"(?:\[[^\[\]]{1,30}\]\s*){2,}(?:.{0,90}[^.!?\s])?")
"""Buttons in brackets at a line's start, and what follows them, ending no sentence."""
BUTTONS_WORDS = 20
_NAME_LINKS = frozenset({"the", "and", "&", "of", "for", "in"})
"""Lower-case words an organisation's name holds between its capitalised ones."""


def bar_shape(line: str, words: int) -> tuple[str, str] | None:
    """``(name, "line")`` of a bar of buttons, of a programme's details or of a person's
    title, else ``None``."""
    if words > 30 or line.endswith(("!", "?", ":")):
        return None
    if words <= 3 and _is_pager(line):
        return "pager", LINE
    if words <= 3 and _is_reaction_tally(line):
        return "reaction tally", LINE
    if words <= 16 and line[:1] in "«‹" and _PAGER_BAR.fullmatch(line):
        return "pager", LINE
    if words <= CALL_WORDS and ("→" in line or "»" in line) and _CALL_LINK.fullmatch(line):
        return "link prompt", LINE
    if words <= BUTTONS_WORDS and line[:1] == "[" and _BRACKET_BUTTONS.fullmatch(line):
        return "button bar", LINE
    if (
        words <= 16
        and (not line.isascii() or line.lower().startswith(_BUTTON_STARTS))
        and _BUTTON_BAR.fullmatch(line)
    ):
        return "button bar", LINE
    if " | " not in line:
        return None
    fields = [field.strip() for field in line.split(" | ")]
    if any(not field or len(field.split()) > BAR_SEGMENT_WORDS for field in fields):
        return None
    timed = any(_RUNNING_TIME.fullmatch(field) for field in fields)
    counted = any(_AUDIENCE.fullmatch(field) for field in fields)
    if len(fields) >= 3 and timed and not counted and any(_SPOKEN.fullmatch(f) for f in fields):
        return "programme details", LINE
    if len(fields) <= 4 and _is_title_bar(fields):
        return "title bar", LINE
    return None


def _is_pager(line: str) -> bool:
    """A link to the page before or after, with its angle quote."""
    marked = line[:1] in "«‹<" or line[-1:] in "»›>"
    return marked and _PAGER_LINK.fullmatch(line) is not None


def _is_reaction_tally(line: str) -> bool:
    """A symbol (not a currency's) and a count, and at most the word for what is counted."""
    found = _REACTIONS.fullmatch(line)
    if found is None:
        return False
    return all(unicodedata.category(char) in ("So", "Sk", "Mn", "Cf") for char in found[1])


def _names_post(field: str) -> bool:
    """A field that opens with a post; what follows its " of " names an organisation or a
    department ("Head of Research", "Chairman of the Port Trust"), not a story's words
    ("Chairman of port trust resigns")."""
    post = _JOB_TITLE.match(field)
    if post is None:
        return False
    rest = field[post.end() :]
    if not rest.startswith(" of "):
        return True
    return all(word[:1].isupper() or word in _NAME_LINKS for word in rest[4:].split())


def _is_title_bar(fields: list[str]) -> bool:
    """A post among the fields, and no field a sentence, a date or a figure of a story."""
    if not any(_names_post(field) for field in fields):
        return False
    for field in fields:
        if field[:1].islower() or (field.endswith(".") and not field.endswith(_COMPANY_ENDS)):
            return False
        if parse_date_line(field) is not None:
            return False
    return True
