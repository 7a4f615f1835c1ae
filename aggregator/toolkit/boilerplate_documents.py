"""The furniture of documents other than news pages: briefs and filings, galleries,
podcasts and transcripts, forums, feed readers and social posts.

Used by :mod:`aggregator.toolkit.boilerplate_shapes` (and so by
:func:`aggregator.toolkit.boilerplate.classify`): :data:`DOCUMENT_RULES` are phrases
in match form, grouped by first word like the other publisher rules;
:func:`document_shape` tells furniture by its shape (Markdown markup, endnotes, file
links, issuer and registration lines, a page's running head, data sources, time codes,
stage directions, counters and pagers, hashtag lines, a board's comment headers);
:func:`is_update_stamp` tells a page's "Last updated" stamp, which the cleaner asks
about after the rules (in a header the stamp is read as metadata). Nothing names an
outlet.
"""

from __future__ import annotations

import re
from typing import Final

from .boilerplate_bars import bar_shape
from .boilerplate_cards import card_shape
from .boilerplate_frames import frame_shape
from .boilerplate_letters import letter_shape
from .boilerplate_listings import listing_shape
from .boilerplate_notes import note_shape
from .boilerplate_readers import reader_shape
from .boilerplate_software import software_shape
from .boilerplate_widgets import widget_shape
from .dates import parse_date_line
from .lines import holds_any
from .tool_lines import is_tool_line

LINE = "line"
LATER_SHAPES: Final = (
    card_shape,
    note_shape,
    letter_shape,
    software_shape,
    reader_shape,
    bar_shape,
    frame_shape,
    listing_shape,
    widget_shape,
)
"""The line shapes of later modules, tried in this order after this module's own: cards and
notices, furniture of documents that carry a story, official letters and listings, lines
software writes round a text, what a page shows of its readers and asks of them, bars of
buttons or fields, a paper's affiliations, what albums, listings, surveys and digests
print round what they list, what a page's widgets leave in its text."""
LIST = "list"
COMMENTS = "comments"

# (name, kind, pattern in match form, max words, first words)
DOCUMENT_RULES: list[tuple[str, str, str, int, str]] = [
    (
        "navigation link",
        LINE,
        r"(?=.*[→←▸◂►◄➜›‹»«<>▶◀]).{0,200}",
        16,
        "next previous prev back more older newer",
    ),
    (
        "promotion",
        LINE,
        r"more (?:stories|episodes|interviews|videos|galleries|photos|news|articles|columns"
        r"|podcasts|translations)\s*[:|▸›»]\s*.{0,200}|also in [\w .&'-]{1,30}\s*[:|]\s*.{1,200}"
        r"|(?:access |most[- ]read |popular )?ranking\s*[:|]?\s*1\..{0,200}"
        r"|from (?:the|this) (?:magazine|issue|print edition|archives?|series)\s*:.{1,200}",
        40,
        "more also access most popular ranking from",
    ),
    (
        "appeal notice",
        LINE,
        r"(?:\d{1,2}\. )?(?:if (?:you are )?not satisfied\b.{0,60}\bappeal\b.*"
        r"|an appeal against this (?:reply|order|decision)\b.*)",
        70,
        "if an #",
    ),
    (
        "chapter list",
        LIST,
        r"0?0:00(?::00)? [^.!?]{1,60}",
        10,
        "#",
    ),
    (
        "production credit",
        LINE,
        r"(?:produced|presented|hosted|mixed|recorded) by\b.{0,160}",
        25,
        "produced presented hosted mixed recorded",
    ),
    (
        "continuation",
        LINE,
        r"\(?cont(?:inue)?d?\.? (?:on|from) (?:p(?:age|g)?\.? ?)?\d{1,3}\)?",
        5,
        "contd cont continued",
    ),
    (
        "results prompt",
        LINE,
        r"see (?:all|more) (?:results|stories|news|answers|replies)\b.{0,60}",
        10,
        "see",
    ),
    (
        "endnotes heading",
        LINE,
        r"(?:end ?notes|foot ?notes|notes and references)\s*:?",
        3,
        "endnotes end footnotes foot notes",
    ),
    (
        "newsletter footer",
        LINE,
        r"thanks for reading\b.{0,200}",
        40,
        "thanks",
    ),
    (
        "source link",
        LINE,
        r"(?:open|view|visit) (?:the )?original(?: (?:article|story|page|post))?"
        r"(?: (?:at|on|in) \S.{0,120})?",
        16,
        "open view visit",
    ),
    (
        "call to action",
        LINE,
        r"interested\?\s.{0,80}\b(?:reply|write|call|contact|apply|register|book|sign up|click"
        r"|email|e-mail|whatsapp)\b.{0,160}",
        40,
        "interested",
    ),
    (
        "sponsor credit",
        LINE,
        r"(?:our )?(?:partners?|sponsors?|supporters?)\s*:\s*[^.!?·]{1,80}(?: · [^.!?·]{1,80})+",
        40,
        "our partner partners sponsor sponsors supporter supporters",
    ),
    (
        "web address",
        LINE,
        r"(?:website|web|site|homepage|url)\s*:\s*\S+",
        3,
        "website web site homepage url",
    ),
]

_TIME_CODE = re.compile(r"[\[(]?\d{1,2}:\d{2}(?::\d{2})?[\])]?")
"""A transcript's or video's time code alone on a line."""
_CUE = re.compile(r"(?:GFX|SUPER|CG|VO|SOT|OOV|VT|PKG|ASTON|CAPTION|LOWER THIRD)\s*:\s")
_BRACKETED = re.compile(r"[\[(][^\[\]()]{2,200}[\])]")
_DIRECTION_STARTS = frozenset("[(GSCVOPAL")
"""The first characters of ``_BRACKETED`` and ``_CUE``."""
_COUNTER_SPLIT = re.compile(r"\s+[·•]\s+|\s{3,}")
_COUNT = re.compile(
    r"(?:[^\w\s]{1,3}\s?\d(?:[\d.,]*\d)?\s?[KkMm]?"
    r"|\d(?:[\d.,]*\d)?\s?[KkMm]?(?:\s[^\W\d]+){1,2}|[^\W\d]+ \d+ of \d+"
    r"|[^\W\d]+ by \d(?:[\d.,]*\d)?[KkMm]?)"
)
"""A count of something ("311 upvotes", "💬 40", "3 new results", "Photo 2 of 7", "Seen by
1,512")."""
_SYMBOL_COUNTS = re.compile(
    r"(?:[^\w\s]{1,3}\s?\d(?:[\d.,]*\d)?[KkMm]?\s*){2,}"
    r"|(?:[^\w\s\x00-\x7f]{1,3}\s?\(\d(?:[\d.,]*\d)?[KkMm]?\)\s*)+"
)
"""Reactions, each a symbol and its count ("👍 402 👏 188"), or an emoji and its count in
brackets ("🚇 (6) 👍 (9)", "🏹 (5)"; not a table's column numbers, "(1) (2) (3)")."""
_ALONE_COUNT = re.compile(
    r"[^\W\d]+ \d+ of \d+|(?:\d[\d,]*\s?[KkMm]?|\d[\d.,]*\d\s?[KkMm]) (?:new )?(?:answers?"
    r"|comments?|replies|reply|results?|likes?|shares?|views?|reactions?|upvotes?|votes?"
    r"|followers?|restacks?|subscribers?|members?|reposts?|retweets?|photos?|images?|episodes?|responses?)",
    re.IGNORECASE,
)
"""A count that is furniture on its own: a pager, or a count of reader reactions. A count
with a decimal point gives its thousands or millions ("3.2K views"); a number such as
"3.2" alone opens a numbered section's heading ("3.2 Results")."""
_MARKUP = re.compile(r"!\[[^\]]*\]\([^)\s]*\)|\{\{[<%].{0,120}[>%]\}\}|\{%.{0,120}%\}")
"""A Markdown image or a site generator's shortcode alone on a line."""
_ENDNOTE = re.compile(r"(?:\[\d{1,3}\]|\^(?: [a-z])*)\s+\S.*")
"""An endnote ("[2] Ministry of Commerce trade data, 2024-25.") or a wiki page's
reference ("^ a b Menon, R. (2024). …")."""
_FILE_SIZE = r"[(\[](?:pdf|docx?|xlsx?|pptx?|zip|csv)[,;:]?\s*[\d.,]+\s*[kmg]b[)\]]"
_FILE_LINK = re.compile(
    rf".{{1,100}}{_FILE_SIZE}|{_FILE_SIZE}\s*.{{1,100}}"
    r"|(?:pdf|docx?|xlsx?|pptx?|zip|csv)\s*[(\[][\d.,]+\s*[kmg]b[)\]]",
    re.IGNORECASE,
)
"""A link to a file with its type and size, after or before its name ("Registration form
(PDF, 210 KB)", "[PDF: 245 KB] Notice of …"), or the type alone before it ("PDF (1.4
MB)")."""
_PLACEHOLDER = re.compile(
    r"\[(?:photo|image|picture|pic|figure|fig\.|screenshot|video|graphic|chart|map"
    r"|infographic)\b[^\]]{0,160}\](?:\s+\S.{0,200})?",
    re.IGNORECASE,
)
"""Where a picture stood, in brackets, with its caption ("[Photo 1] Exchange of notes in
New Delhi", "[Screenshot of the viral forward]")."""
_DATA_GRAPHIC = re.compile(r"\[(?:chart|graph|graphic|infographic|table)\b[^\]]*\]\s*", re.I)
_FIGURE = re.compile(r"\d[\d,.]*")
DATA_FIGURES = 3
"""A chart's caption that states this many figures carries the chart's data: article text."""


def _states_data(line: str) -> bool:
    """A data graphic's caption that gives its figures ("[Chart 2] Output per head, 2025:
    Japan 430 kg, India 104 kg."), which a reader without the picture still needs."""
    graphic = _DATA_GRAPHIC.match(line)
    return graphic is not None and len(_FIGURE.findall(line, graphic.end())) >= DATA_FIGURES


_COMPILED_BY = re.compile(
    r"compiled by (?:the |our )?(?:[\w'’&-]+ ){0,4}(?:desk|bureau|team|staff|newsroom)\.?",
    re.IGNORECASE,
)
"""A wire desk's credit under a factbox ("Compiled by the Tokyo economics desk")."""
_SOURCE_TRAILER = re.compile(r"SOURCE [A-Z][\w&.,'’() -]{1,80}")
"""A newswire release's last line, the company it was issued for ("SOURCE Kurogane Bank,
Ltd.")."""
_TICKERS = re.compile(
    r"(?:related )?(?:tickers?|symbols?|stocks? in this (?:story|article))\s*:\s*\S.{0,120}",
    re.IGNORECASE,
)
_LISTING = re.compile(r".{0,80}\b(?:NSE|BSE|TSE|NYSE|NASDAQ|Nasdaq)\s*:\s*[A-Z0-9.]+\b.{0,80}")
"""A listed company's strip of exchange codes ("Pragati Bank Ltd | NSE: PRAGATI | BSE: …")."""
_SOURCE_NAMES = re.compile(r"Sources?\s*:\s*[A-Z][^.!?]{2,100}")
_REPORTING = re.compile(r"\b(?:said|says|told|according|reported|shows?|showed)\b")
"""A "Source:" line that reports is a sentence of the article, not an attribution."""
_MARKED_CAPTION = re.compile(
    r"[(\[](?:photo|photograph|pic|image)s?[)\]]\s+\S.{0,300}", re.IGNORECASE
)
"""A caption marked as one, as Japanese papers print them ("(Photo) Travellers at the
airport on the 9th = Setouchi Shimpo")."""
_EDITOR_INITIALS = re.compile(
    r"(?i:editor|editing|edited by|desk)\s*:\s*[A-Z]{2,3}(?:\s*[/,]\s*[A-Z]{2,3})*"
)
"""A wire's editors by their initials under a story ("Editor: PW/KS")."""
_SPONSORED_LINK = re.compile(
    r"(?:sponsored|promoted|advertisement|ad)\s*[:|•·]\s*\S.{0,150}", re.IGNORECASE
)
"""An advertiser's link between stories ("Sponsored: 2 BHK in Whitefield — Enquire now",
"Ad • Home loans from 8.1%")."""
_SPONSOR_MARKS = frozenset(":|•·")
_SAFE_HARBOUR = re.compile(r"safe harbou?r(?: statement)?\s*:\s*\S.{0,600}", re.IGNORECASE)
_ABOUT_INLINE = re.compile(r"About (?:the )?[A-Z][\w&.,'’ -]{1,60}:\s+[A-Z]\S*.{20,600}")
"""A company's "About X: X makes …" paragraph at the foot of its release."""
_REFERENCE = re.compile(
    r"(?:notification|circular|office memorandum|order|notice|letter|ref(?:erence)?|file|memo)"
    r"\s*(?:no|number)\.?\s*:?\s*[\w/.()-]*\d[\w/.()-]*(?:\s*,?\s*dated\s*:?\s*\S.{3,30})?",
    re.IGNORECASE,
)
"""An official paper's number and date ("Notification No. KOMA/JP/2026/16 dated 06.08.2026")."""
_NEXT_TEASER = re.compile(r"(?:next|coming up)\s*:\s*[^.!?]{1,60}", re.IGNORECASE)
"""What a bulletin or video plays next ("Next: Weather")."""
_DESK_SLUG = re.compile(
    r"[A-Z]{2,6}(?:/[A-Za-z]{1,4}){1,3}|[A-Z]{2,6} [a-z]{1,4}(?:/[a-z]{1,4}){1,3}"
)
"""An agency's desk slug at the end of a story: its name and editors' initials ("KPA/sa/mk",
"AIP avs/ak")."""
_CREDIT_CAPTION = re.compile(
    r"(?!(?:In|The|Our|Your|See|View|More|Top|Best|Latest) )"
    r"[A-Z][\w&.'’-]{0,20}(?: [A-Z][\w&.'’-]{0,20})? (?i:photo|photograph|pic)\s*:\s*\S.{0,300}"
)
"""A caption led by its credit ("PEP photo: Students get a garland welcome …", "PTI Photo:
…")."""
_NAME_WORD = r"(?:[A-Z][\w&'’.-]*|of|and|the|for|&)"
_ISSUER = re.compile(rf"Issued by {_NAME_WORD}(?:,? {_NAME_WORD})*\.?")
"""The office a release names at its foot ("Issued by Commissioner, Information & Public
Relations, Government of …"): names only, no sentence."""
_PAGE_EDGE = re.compile(r"^\d{1,2} |\s\|?\s?\d{1,2}$")
_MASTHEAD_DATE = re.compile(
    r"(?:MONDAY|TUESDAY|WEDNESDAY|THURSDAY|FRIDAY|SATURDAY|SUNDAY),? "
    r"(?:\d{1,2} [A-Z]+|[A-Z]+ \d{1,2}),? \d{4}"
)
_IDENTITY = re.compile(
    r"\b(?:CIN|GSTIN|LEI|Regd\. Office|Registered Office|Document (?:ref|no)\.?)\s*:"
)
"""A company's registration line ("CIN: L27100…", "Regd. Office: …")."""
_DATA_SOURCE = re.compile(
    r"Sources?\s*:\s*(?:[\w&.,'’ -]{0,60}\b)?(?:data|estimates|research|materials|filings"
    r"|statistics|calculations|compilation)\b.*",
)
"""The source line under a table or chart ("Source: Company data, broker estimates.")."""
_PAGE_TOOL = re.compile(
    r"(?:normal|larger?|smaller?|very large|default|increase|decrease) text size"
    r"|(?:like )?loading(?:\.{3}|…)?|like this:|save|slide \d{1,3}|(?:visitors?|hits)\s*:\s*[\d,.]+"
    r"|transcript|(?:show|hide) (?:less|more|transcript)|\+ ?follow(?: [\w .,&'’-]{1,50})?"
    r"|-*\s*end\s?item\s*-*",
    re.IGNORECASE,
)
"""A page's controls and counters left in its text ("Larger text size", "Loading", "Like
this:", "Visitors: 1,204,877", a video's "Transcript" and "Show less", "+ Follow"), a
slide deck's "Slide 4" marker and a wire's "Enditem"."""
_CONTENTS_ENTRY = re.compile(r"\S.{0,90}?\s*\.{5,}\s*\(?[ivxlcIVXLC\d]{1,5}\)?")
"""A contents line with its dot leader and page ("INTRODUCTION ........ (v)")."""
_CHAT_SYSTEM = re.compile(
    r"\[?\d{1,2}/\d{1,2}/\d{2,4},? \d{1,2}:\d{2}(?::\d{2})?(?:\s?[AP]M)?\]?(?: -)? "
    r"(?:(?:[^:]{1,40}: )?\u200e?(?:<media omitted>|<attached: [^<>]{1,80}>"
    r"|(?:image|video|audio|document|sticker|gif) omitted|this message was deleted\.?)"
    r"|\u200e?[^:]{1,40} (?:added|removed) [^:]{1,60}|\u200e?[^:]{1,40} left"
    r"|\u200e?[^:]{1,40} (?:joined using this group's invite link|created group \S[^:]{0,60}"
    r"|changed (?:this group's|the group|the subject|their phone number)[^:]{0,120}))",
    re.IGNORECASE,
)
"""A chat export's system line: what the app, not a person, wrote (an omitted or attached
file, a deleted message), which WhatsApp marks with U+200E, and the group's events,
which name no writer before a colon ("… - Asha added Ravi", "… - Ravi left", "… changed
this group's settings …"). The notice that the chat is encrypted, which opens the export,
is left to the header reading, which takes the first lines of such a text as its own."""
_FOLIO_DATE = re.compile(r"\d{1,2} [A-Za-z]{3,9} \d{4}|[A-Za-z]{3,9} \d{1,2}, \d{4}")
_SIGNATURE_MARK = re.compile(
    r"sd/-|signature not verified|digitally signed by\s*:?.{0,40}|signing date\s*:.{0,30}"
    r"|certified true copy",
    re.IGNORECASE,
)
"""The marks of a signed official copy: "Sd/-" where the signature stood, a digital
signature's stamp, "Certified True Copy"."""
_COMMENT_HEADER = re.compile(
    r"(?:(?:u/|@)[\w.-]{2,30}|[a-z0-9_][a-z0-9_.-]{1,30})\s*(?:·\s*)?\d{1,3}\s?"
    r"(?:s|secs?|seconds?|m|mins?|minutes?|h|hrs?|hours?|d|days?|w|wks?|weeks?|mo|months?"
    r"|y|yrs?|years?)\.? ago(?:\s*[|·•]\s*[^.!?]{0,40})?"
)
"""A reader's comment's header on a discussion board: the commenter's handle and how long
ago they wrote ("u/tokyo_cc · 2 hr. ago", "kyoto_ops 4 hours ago | next [–]")."""
_SYMBOL_SET = "[☆★✉↗↘⋯…✎✓✔♡♥➤⤴⎘🔖📌🔗]"
_SYMBOLS = re.compile(rf"\s*{_SYMBOL_SET}+\s*")
_SYMBOL = re.compile(_SYMBOL_SET)
r"""One of the symbols (none is ASCII): what ``_SYMBOLS`` finds, found without trying ``\s*`` at
every position."""
_DIGIT = re.compile(r"\d")
_HASHTAG = re.compile(r"#[^\W\d_]\w*")


CHAT_RULE = "chat message"
_CHAT_MESSAGE = re.compile(
    r"\[\d{1,2}[-/.](?:\d{1,2}|[A-Za-z]{3})[-/.]\d{2,4},? \d{1,2}[:.]\d{2}(?::\d{2})?"
    r"(?: ?[AaPp]\.?[Mm]\.?)?\] [^:\[\]]{1,40}: \S.*"
)


def is_chat_message(line: str) -> bool:
    """A chat export's message: its stamp in brackets, its writer, what they wrote
    ("[14-Apr-26 08:40 AM] ravi.k: nice"). No rule of :func:`document_shape`: the
    cleaner removes such messages only as a thread under the article's prose (a
    channel's replies to a post), and a chat that is the text stays."""
    return line.startswith("[") and _CHAT_MESSAGE.fullmatch(line) is not None


def document_shape(line: str, words: int) -> tuple[str, str] | None:
    """``(name, kind)`` of a line that is a document's furniture by its shape, else None."""
    if line[:1] in "!{" and _MARKUP.fullmatch(line):
        return "markup", LINE
    if words <= 60 and line[:1] in "[^" and _ENDNOTE.fullmatch(line):
        return "endnote", LINE
    if words <= 16 and ("(" in line or "[" in line) and _FILE_LINK.fullmatch(line):
        return "file link", LINE
    if words <= 40 and line.startswith("[") and _PLACEHOLDER.fullmatch(line):
        return None if _states_data(line) else ("picture placeholder", LINE)
    if words <= 8 and line[:8].lower() == "compiled" and _COMPILED_BY.fullmatch(line):
        return "desk credit", LINE
    if words <= 12 and line.startswith("SOURCE ") and _SOURCE_TRAILER.fullmatch(line):
        return "release source", LINE
    if words <= 16 and ":" in line and _TICKERS.fullmatch(line):
        return "tickers", LINE
    if words <= 16 and "|" in line and _LISTING.fullmatch(line):
        return "tickers", LINE
    if words <= 12 and line.startswith("Source") and _is_source_credit(line):
        return "source credit", LINE
    if words <= 50 and line[:1] in "([" and _MARKED_CAPTION.fullmatch(line):
        return "photo caption", LINE
    if words <= 12 and _REFERENCE.fullmatch(line):
        return "reference number", LINE
    if words <= 6 and ":" in line and _EDITOR_INITIALS.fullmatch(line):
        return "desk credit", LINE
    if words <= 25 and not _SPONSOR_MARKS.isdisjoint(line[:14]) and _SPONSORED_LINK.fullmatch(line):
        return "advertisement", LINE
    if line[:4].lower() == "safe" and _SAFE_HARBOUR.fullmatch(line):
        return "disclaimer", LINE
    if line.startswith("About ") and _ABOUT_INLINE.fullmatch(line):
        return "about the company", LINE
    if words <= 6 and ":" in line and _NEXT_TEASER.fullmatch(line):
        return "next teaser", LINE
    if words <= 2 and "/" in line and _DESK_SLUG.fullmatch(line):
        return "desk slug", LINE
    if words <= 50 and ":" in line and _CREDIT_CAPTION.fullmatch(line):
        return "photo caption", LINE
    if words <= 20 and line.startswith("Issued by ") and _ISSUER.fullmatch(line):
        return "issuer line", LINE
    if words <= 20 and _is_running_masthead(line):
        return "running header", LINE
    if words <= 40 and ":" in line and _IDENTITY.search(line):
        return "company identity", LINE
    if words <= 25 and line.startswith("Source") and _DATA_SOURCE.fullmatch(line):
        return "data source", LINE
    if ":" in line and _TIME_CODE.fullmatch(line):
        return "time code", LINE
    if words <= 20 and line[:1] in _DIRECTION_STARTS and _is_stage_direction(line):
        return "stage direction", LINE
    if words <= 12 and " ago" in line and _COMMENT_HEADER.fullmatch(line):
        return "comment header", COMMENTS
    if words <= 12 and "|" not in line and _DIGIT.search(line) and _is_counter(line):
        return "counter", LINE
    if words <= 20 and "#" in line and _is_tag_line(line):
        return "tag line", LINE
    if words <= 10 and not line[:1].isalnum() and not line.isascii() and _is_reaction_bar(line):
        return "button bar", LINE
    if words <= 16 and not line.isascii() and _SYMBOL.search(line) and _is_button_bar(line):
        return "button bar", LINE
    if words <= 6 and _PAGE_TOOL.fullmatch(line):
        return "page tool", LINE
    if words <= 8 and _SIGNATURE_MARK.fullmatch(line):
        return "signature mark", LINE
    if words <= 12 and line.count(" | ") == 2 and _is_folio(line):
        return "running header", LINE
    if words <= 16 and "....." in line and _CONTENTS_ENTRY.fullmatch(line):
        return "contents entry", LINE
    if words <= 40 and "/" in line and _CHAT_SYSTEM.fullmatch(line):
        return "chat system line", LINE
    if (tool := is_tool_line(line, words)) is not None:
        return tool, LINE
    for shape in LATER_SHAPES:
        if (found := shape(line, words)) is not None:
            return found
    return None


def _is_source_credit(line: str) -> bool:
    """ "Source:" and the names a post credits ("Source: Japan Customs press material,
    Yamato Shimbun"), not a line that reports ("Source: officials said …")."""
    return _SOURCE_NAMES.fullmatch(line) is not None and _REPORTING.search(line) is None


def _is_folio(line: str) -> bool:
    """A printed page's folio: its number, the publication's name and the issue's date
    between bars ("34 | AUTO ASIA REVIEW | 6 MARCH 2026"), in either order."""
    parts = line.split(" | ")
    return (
        (parts[0].isdigit() or parts[-1].isdigit())
        and any(_FOLIO_DATE.fullmatch(part) for part in (parts[0], parts[-1]))
        and parts[1].upper() == parts[1]
    )


def _is_stage_direction(line: str) -> bool:
    """A transcript's direction, bracketed and in capitals ("[SOT: SPOKESPERSON]", "(VO —
    HARBOUR PICTURES)", "[END ITEM 2]"), or a production cue in capitals ("GFX: …")."""
    if not _BRACKETED.fullmatch(line) and not _CUE.match(line):
        return False
    letters = [char for char in line if char.isalpha()]
    return len(letters) >= 2 and sum(char.isupper() for char in letters) >= 0.8 * len(letters)


def _is_running_masthead(line: str) -> bool:
    """A newspaper page's running head: its page number, its name and the day in capitals
    ("4 THE HARBOUR POST PORT MARA, WEDNESDAY, FEBRUARY 11, 2026")."""
    if "DAY" not in line or _MASTHEAD_DATE.search(line) is None or _PAGE_EDGE.search(line) is None:
        return False
    letters = [char for char in line if char.isalpha()]
    return len(letters) >= 8 and sum(char.isupper() for char in letters) >= 0.9 * len(letters)


def _is_counter(line: str) -> bool:
    """Counts and pagers of a page ("311 upvotes · 12 comments · Share", "Photo 2 of 7",
    "💬 21 🔁 45 ❤️ 610", "Weekly digest · 3 new results"): short segments, one a count."""
    if _SYMBOL_COUNTS.fullmatch(line):
        return True
    if line.endswith((".", "!", "?")):
        return False  # a sentence with a number in it, before its segments are split
    segments = [segment.strip() for segment in _COUNTER_SPLIT.split(line) if segment.strip()]
    reactions = [_SYMBOL_COUNTS.fullmatch(segment) is not None for segment in segments]
    if any(len(s.split()) > 4 and not r for s, r in zip(segments, reactions, strict=True)):
        return False
    if len(segments) == 1:
        return _ALONE_COUNT.fullmatch(line) is not None
    return any(reactions) or any(_COUNT.fullmatch(segment) for segment in segments)


def _is_tag_line(line: str) -> bool:
    """A line of hashtags, after an optional label ("Trending Topics: #Pharma #Japan"), or
    one hashtag alone (a list of tags one to a line)."""
    tail = line.split(":", 1)[-1].split()
    tags = sum(_HASHTAG.fullmatch(token) is not None for token in tail)
    return (tags >= 2 and tags * 4 >= len(tail) * 3) or (tags == 1 and len(tail) == 1)


def _is_button_bar(line: str) -> bool:
    """A reader app's buttons, labels between symbols ("Mark as read ☆ Star ✉ Email ↗ Open
    original ⋯"): three or more short labels, none a sentence."""
    labels = [label.strip() for label in _SYMBOLS.split(line) if label.strip()]
    if len(labels) < 3 or len(_SYMBOLS.findall(line)) < 2:
        return False
    return all(len(label.split()) <= 3 and label[-1].isalnum() for label in labels)


_REACTION_COUNT = re.compile(r"\d[\d.,]*[KkMm]?")


def _is_reaction_bar(line: str) -> bool:
    """A video's or post's reactions and buttons ("👍 22K 👎 Share Save"): symbols, counts
    and single capitalised button words only, two symbols at least, one count."""
    tokens = line.split()
    symbols = counts = 0
    for token in tokens:
        if not any(char.isalnum() for char in token):
            symbols += 1
        elif _REACTION_COUNT.fullmatch(token):
            counts += 1
        elif not (token.isalpha() and token[0].isupper() and len(token) <= 10):
            return False
    return symbols >= 2 and counts >= 1 and len(tokens) >= 3


STAMP_WORDS = 12
_UPDATED_LABEL_PARTS = ("updat", "modif", "अपडेट")
"""What :func:`~aggregator.toolkit.dates.find_date_prefix` looks for in a label it reads
as "updated"."""


def is_update_stamp(line: str) -> bool:
    """A line that only says when the page was last updated ("Last Updated: 22 Jan 2026"):
    page furniture below an article (in its header it is read as metadata). Its label is
    a word of the line, and one that says "updated" holds one of these (lower case). The
    label may name the page ("Page last modified: 01-06-2026")."""
    if not holds_any(line.lower(), _UPDATED_LABEL_PARTS):
        return False
    date = parse_date_line(_PAGE_WORD.sub("", line, count=1))
    return date is not None and date.label == "updated"


_PAGE_WORD = re.compile(r"(?:this )?page (?=last )", re.IGNORECASE)
