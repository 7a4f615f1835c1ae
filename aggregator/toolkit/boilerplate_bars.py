"""Bars: short fields or buttons set side by side on one line, which no article writes.

- a page's buttons under a story, labels between wide gaps or bars ("Share  |  Comment
  (14)", "Mark as read   Save for later   Open in browser"): every label is a button's;
- a programme guide's or a festival catalogue's detail bar ("Documentary | English | U |
  52 min", "Country: Peru | Year: 2024 | 96 min | Spanish"): fields between bars, one of
  them a running time and one a language or a country (a table's row with a duration
  column, "Kochi–Vypin | 20 min | hourly", names neither);
- a mail signature's or a profile's title bar, a person's post between bars ("Priya
  Rao | Head of Research | Harbour Capital", "Founder, Tidewater Foods | Kochi"): fields
  between bars, one a job title, none a sentence or a date.
"""

from __future__ import annotations

import re
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
_RUNNING_TIME = re.compile(r"(?:running time:? )?\d{1,3} ?(?:min|mins|minutes|hrs?|hours)\.?")
_SPOKEN = re.compile(
    r"(?:(?:Language|Languages|Country|Audio|Subtitles):"
    r"|(?:English|Hindi|Tamil|Telugu|Malayalam|Kannada|Marathi|Bengali|Gujarati|Punjabi|Urdu"
    r"|Odia|Assamese|Japanese|Chinese|Mandarin|Korean|Spanish|French|German|Italian"
    r"|Portuguese|Arabic|Russian|Thai|Indonesian|Multilingual)\b)"
)
"""A field a programme's bar holds beside its running time: its language, or its country
and year of a catalogue (a table's row with a duration column names neither)."""
_JOB_TITLE = re.compile(
    r"(?:[A-Z][\w.&-]* ){0,3}?(?:Director|Manager|Officer|Chief|Head|President|Secretary"
    r"|Editor|Correspondent|Founder|Co-founder|Chair|Chairman|Chairperson|Partner|Consultant|Executive|Dealer"
    r"|Professor|Counsellor|Analyst|Associate|Adviser|Advisor|Coordinator|Representative"
    r"|CEO|CFO|COO|CTO|MD)(?=$|,| \(| of | at | for | and | & | – | - )"
)
"""A field that opens with a post, as its holder writes it ("Senior Account Director",
"Chief Dealer, Treasury", "Manager (Exports)"), not a headline that names one."""
_COMPANY_ENDS = ("Ltd.", "Inc.", "Co.", "Corp.", "Pvt.", "Bhd.", "Pte.", "LLC.")
"""How a company's name may end with a full stop that ends no sentence."""
BAR_SEGMENT_WORDS = 8


def bar_shape(line: str, words: int) -> tuple[str, str] | None:
    """``(name, "line")`` of a bar of buttons, of a programme's details or of a person's
    title, else ``None``."""
    if words > 30 or line.endswith(("!", "?", ":")):
        return None
    if words <= 16 and _BUTTON_BAR.fullmatch(line):
        return "button bar", LINE
    if " | " not in line:
        return None
    fields = [field.strip() for field in line.split(" | ")]
    if any(not field or len(field.split()) > BAR_SEGMENT_WORDS for field in fields):
        return None
    timed = any(_RUNNING_TIME.fullmatch(field) for field in fields)
    if len(fields) >= 3 and timed and any(_SPOKEN.match(field) for field in fields):
        return "programme details", LINE
    if len(fields) <= 4 and _is_title_bar(fields):
        return "title bar", LINE
    return None


def _is_title_bar(fields: list[str]) -> bool:
    """A post among the fields, and no field a sentence, a date or a figure of a story."""
    if not any(_JOB_TITLE.match(field) for field in fields):
        return False
    for field in fields:
        if field[:1].islower() or (field.endswith(".") and not field.endswith(_COMPANY_ENDS)):
            return False
        if parse_date_line(field) is not None:
            return False
    return True
