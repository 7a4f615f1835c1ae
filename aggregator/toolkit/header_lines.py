"""The shapes of the lines above and below an article: what is never a headline.

A saved page, release, clipping or e-mail puts furniture around its headline:
a masthead or an issuer's name, a menu ("Home | About | …"), a breadcrumb
("Home > World"), kickers ("FOR IMMEDIATE RELEASE", "EXCLUSIVE"), section
labels, "Label: value" fields and separators. These functions tell such lines
apart by their shape, never by naming an outlet, so that
:mod:`aggregator.toolkit.plaintext` can choose the headline among what is left.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from typing import Final, NamedTuple

from aggregator.toolkit.bilingual_lines import english_side, names_an_office
from aggregator.toolkit.boilerplate import classify
from aggregator.toolkit.header_dated import PRODUCED_BY, RELEASED_ON
from aggregator.toolkit.header_shapes import in_capitals, is_title_case
from aggregator.toolkit.lines import word_set

__all__ = [
    "AGENCIES",
    "CONTACT_MARK",
    "DATE_LABELS",
    "HEADLINE_LABELS",
    "ORGANISATION_WORDS",
    "SOURCE_LABELS",
    "Field",
    "agency_line",
    "agency_name",
    "as_written",
    "furniture_kind",
    "header_field",
    "is_name_like",
    "is_organisation",
    "is_other_field",
    "is_separator",
    "opens_like_a_title",
    "strip_kicker",
    "strip_reply_prefix",
    "unmarked",
    "unquoted",
]


ORGANISATION_WORDS: Final = word_set(
    """ministry embassy consulate commission office government secretariat department
    bureau agency council corporation company co co. corp corp. ltd ltd. limited inc
    inc. plc llc group holdings centre center institute institution foundation forum
    university college association federation chamber authority board trust society
    organisation organization network newsroom press commissionerate directorate
    collectorate"""
)
"""Nouns that make a title-case line the name of an organisation, not a headline."""

HEADLINE_LABELS: Final = frozenset(
    {"headline", "hed", "title", "subject", "re", "topic", "segment"}
)
"""Labels of a headline field ("Hed:" is a newsroom's own; "Segment:" a broadcast
rundown's or a monitoring transcript's story title)."""
SEGMENT_TITLE_WORDS: Final = 3
"""Fewer words after "Segment:" name a business segment or a section ("Segment: Ports"),
read as a section's field."""
DATE_LABELS: Final = frozenset(
    {"date", "sent", "dated", "published", "posted", "released", "issued"}
    | {"date of issue", "issue date", "date of publication", "this version"}
    | {"date created", "date published", "date posted", "date issued"}
)
"""Labels of the date a text was sent, published, issued or created ("This version:" of a
paper, a picture's "Date created:"; a clipper's bare "Created:" is the clipping's)."""
SOURCE_LABELS: Final = frozenset(
    {"source", "publication", "outlet", "newspaper", "publisher", "courtesy"}
)
OTHER_LABELS: Final = word_set(
    """from to cc bcc section edition page client category categories tags tag keywords
    programme program issued by author authors byline reported written edited filed
    location dateline desk type series reference ref no feed link url note notes credit
    credits contact contacts representative company name symbol code ticker isin cin sub
    slug item issue volume vol tel phone fax email e-mail web website distribution
    classification circulation status version attn attention encl enclosure annex priority
    original words eds editors"""
)
"""Labels of header fields that say who, where or what kind, never the headline (a wire's
"Eds:" is its note to editors on what a take changes)."""

FIELD_LABELS: Final = HEADLINE_LABELS | DATE_LABELS | SOURCE_LABELS | OTHER_LABELS
"""Every label a header field is read by, whatever it gives."""
_FIELD = re.compile(r"(?P<label>[A-Za-z][A-Za-z .'/&-]{0,24}?)\s*:\s+(?P<value>\S.*)")
_KEY = re.compile(r"[a-z]+(?:[A-Z][a-z]+)+")
"""A field named as a program names a key, in camel case ("titleText", "updateDate"), as a
feed's JSON or a data export prints it."""
_KEY_WORD = re.compile(r"[A-Z]?[a-z]+")
_TYPE_WORDS: Final = frozenset({"text", "string", "str", "value", "plain"})
"""Words of a key that say what type its value is, not what it is ("titleText")."""
_TABBED_FIELD = re.compile(r"(?P<label>[A-Za-z][A-Za-z]{0,14})\t+(?P<value>\S.*)")
HEADING_MARK: Final = "** "
"""How a newsletter's plain-text alternative marks a heading (its HTML heading, flattened)."""
_QUOTES: Final = {'"': '"', "'": "'", "“": "”", "‘": "’"}
_MARKS = re.compile(r"(?P<mark>\*{1,2}|_{1,2})(?P<text>[^\s*_](?:.*[^\s*_])?)(?P=mark)")
_REPLY_PREFIX = re.compile(r"(?:(?:fwd?|fw|re|aw|tr)\s*(?:\[\d+\])?\s*:\s*)+", re.IGNORECASE)
_KICKER_PREFIX = re.compile(
    r"(?P<kicker>[A-Z][A-Z&' -]{1,30})(?:\s+(?:#|NO\.\s*)\d{1,4}\s*[:|—–]|\s*[:|])\s+(?=\S)"
)
"""A kicker in capitals, or a series' mark numbered in its series ("POOL REPORT #2 — ",
"BULLETIN NO. 4: "), which a dash may end too."""
_LABEL_PREFIX = re.compile(
    r"(?:\[(?P<bracket>[^\[\]]{2,40})\]\s+|(?P<ref>[A-Z]{1,6}-?\d{1,5}/\d{2,4})\s*\|\s+"
    r"|【(?P<tag>[A-Za-z][\w &/-]{1,30})】\s*(?=[A-Z0-9])"
    r"|(?P<genre>[A-Z][a-z]+(?: (?:[+&] )?[a-z]+)?)(?:\s*[:|]|\s[-–—])\s+"
    r"|(?P<slug>FACTBOX|EXPLAINER|ANALYSIS|INSIGHT|BREAKINGVIEWS|TIMELINE|QUOTEBOX|GRAPHIC"
    r"|POLL|EXCLUSIVE|UPDATE \d+|REFILE|CORRECTED|WEEKAHEAD|REACTIONS?)-"
    r"|(?P<take>[A-Z]{4,12} \d{1,2})-(?=[A-Z][a-z])"
    r"|(?P<desk>(?:[A-Z]{2,} ){1,2}(?:STOCKS|MARKETS|SHARES|BONDS|FOREX|METALS|GRAINS|OIL"
    r"|GOLD|RUPEE|YEN|DOLLAR|CURRENCIES|CREDIT)|NEWSMAKER|PROFILE|INTERVIEW|PREVIEW"
    r"|OBITUARY|SCENARIOS|WRAPUP|FOREX|PRECIOUS|METALS|GRAINS)-(?=[A-Z][a-z])"
    r"|\((?P<wire>(?:LEAD|\d+(?:st|nd|rd|th) LD|UPDATE(?: \d+)?|URGENT|REFILE|CORRECTED"
    r"|WRAPUP(?: \d+)?|RPT|REPEAT|FOCUS|FACTBOX|EXPLAINER|ANALYSIS|EXCLUSIVE)"
    r"(?:[ -][A-Z0-9]{1,10})?)\)\s+)(?=\S)"
)
"""A label before a headline: in brackets ("[Industry] …"), a kind of piece in mixed
case ("Commentary: …", "Press release: …", "Invite + release | …"), an agency's version
tag ("(LEAD) …", "(2nd LD) …", "(UPDATE 2) …") or its slug ("FACTBOX-…", "UPDATE 1-…",
"WEEKAHEAD-…", "REACTION-…"); a word in capitals with a take's number before the hyphen
("WRAPUP 2-…") is a slug, whatever the word. A desk's slug is a kind of piece wires name
("NEWSMAKER-…", "PROFILE-…") or a market desk's stack ending on what it covers ("INDIA
STOCKS-…", "GLOBAL MARKETS-…"); any other word in capitals before a hyphen is the
headline's own: a compound ("NASSCOM-Backed …", "INTERPOL-Led …"), a route ("NEW
DELHI-Tokyo flights …") or two parties ("ASEAN-India summit …", "UK-Japan deal …")."""
GENRE_WORDS: Final = word_set(
    "commentary analysis opinion editorial explainer exclusive column advisory release itinerary"
)
"""The kinds of piece a label before a headline names ("Commentary:", "Media advisory |",
a mail's "Itinerary - …");
not those a headline keeps ("Review: …", "Photos: …"), which say what the piece shows."""
_MENU_SEPARATOR = re.compile(r"\s[|·•›»]\s|\s{2,}")
_BREADCRUMB = re.compile(r"\S.*?\s[>›/»]\s.*\S")
_SEPARATOR = re.compile(r"[\W_]{3,}")
_BRACKETED = re.compile(r"[\[(<].*[\])>]")
CONTACT_MARK = re.compile(r"@|https?://|www\.|\.(?:com|org|net|example|in|jp|gov)\b|\+\d[\d -]{6,}")
_CODE = re.compile(r"[A-Z0-9](?=[A-Z/.-]*\d)[A-Z0-9/.-]*|[A-Z]{2,12}")
"""A field's value that is a code or a number ("543718", "L27100OR1994PLC003812", "NSE").
The digit it must hold after its first character is looked for ahead, not matched
between two runs of the same characters, which would try every split of a long run
(quadratic time)."""
_RATING = re.compile(r"[A-Z]{2,}(?:\s+\S+)?")
"""A status or rating in capitals, with at most a word after it ("NEUTRAL (maintained)")."""
_LIFE_DATES = re.compile(r"[A-Z][^,()]{2,60},?\s*\(?(?:\d{4})\s?[–-]\s?(?:\d{4})\)?")
"""A name and the years of a life ("Jane Roe, 1931–2026"), over an obituary's headline."""
_BUTTON = re.compile(r"\[[^\W\d_][\w ]{0,15}\]")
_JUMP = re.compile(r"(?:[▸►>]\s*)?(?:continued\s+)?from\s+page\s+\d{1,3}", re.IGNORECASE)
"""A continued story's jump line on its inside page ("From Page 1")."""
_MENU_MARKS: Final = ("▾", "▸")
"""A drop-down's mark ("Products ▾ Industries ▾ …") or a teaser rail's ("INSIDE ▸ … 3 ▸ …")."""


def _marks(line: str) -> int:
    return sum(map(line.count, _MENU_MARKS))


_SEARCH_BOX = re.compile(r"(?:…|\.\.\.)\s*\[[^\W\d_][\w ]{0,15}\]$")
"""A search box: its placeholder, cut by an ellipsis, and its button ("Search products or
suppliers…  [Search]")."""
_WORD = re.compile(r"[^\W\d_][\w'’.&-]*")
_MINOR_WORDS: Final = word_set("of and the in for on at to a an & de la")


_AGENCY_NAMES: Final = """Reuters|AP|Associated Press|AFP|Agence France-Presse|PTI|IANS|ANI|UNI
    |Bloomberg|Kyodo|Kyodo News|Jiji|Jiji Press|Xinhua|Yonhap|dpa|EFE|TASS|Bernama|Anadolu
    |WAM|Agencies"""
AGENCIES: Final[dict[str, str]] = {
    **{name.strip().lower(): name.strip() for name in _AGENCY_NAMES.split("|")},
    "agency": "Agencies",
}
"""Known news agencies by lower-cased name; other agencies must be in capitals."""

_AGENCY_LINES = (
    re.compile(r"[-–—]+\s*(?P<names>\w.*)"),
    re.compile(r"\(\s*(?:with\s+inputs?\s+from\s+)?(?P<names>[^()]+?)\s*\)\.?", re.I),
    re.compile(r"with\s+inputs?\s+from\s+(?P<names>.+?)\.?", re.I),
    re.compile(r"sources?\s*(?:by|:)\s*(?P<names>.+)", re.I),
)
_AGENCY_SEPARATOR = re.compile(r"\s*(?:,|/|&|\band\b)\s*")


class Field(NamedTuple):
    """A "Label: value" line of a header block."""

    label: str
    """The label, lower-cased, its spaces squashed ("issued by")."""
    value: str


_STAMP_WORDS: Final = word_set(
    """published posted updated modified issued appeared aired broadcast released edited
    reviewed uploaded revised online"""
)
"""Words that make a "First …:" or "Last …:" label a stamp ("Last updated on:"), not the
first words of a headline ("First Veer Sakura: …")."""


def header_field(line: str) -> Field | None:
    """The "Label: value" a header line is, if its label is one headers use (most lines
    have no colon: the pattern, which tries each length of label, is spared them)."""
    match = _FIELD.fullmatch(line) if ":" in line else None
    if match is None:
        return _tabbed_field(line) if "\t" in line else None
    label = " ".join(match["label"].lower().split())
    value = match["value"].strip()
    if _KEY.fullmatch(match["label"]):
        label = _key_label(match["label"])
    if label == "segment" and len(value.split()) < SEGMENT_TITLE_WORDS:
        return Field("section", value)
    if label in FIELD_LABELS:
        return Field(label, value)
    words = label.split()
    if len(words) == 2 and words[1] in HEADLINE_LABELS:
        return Field(label, value)  # a qualified title ("SEO title:"): a CMS's, not the page's
    stamp = words[0] in ("first", "last") and any(word in _STAMP_WORDS for word in words[1:3])
    if stamp or label.endswith(" by"):
        return Field(label, value)
    if len(words) <= 3 and (words[-1] in OTHER_LABELS or _CODE.fullmatch(value)):
        return Field(label, value)
    if len(words) in (2, 3) and (is_name_like(value) or _RATING.fullmatch(value)):
        return Field(label, value)
    return None


def _key_label(key: str) -> str:
    """The label a program's key names ("titleText" → "title", "updateDate" → "update
    date"): its words, without the words that name the value's type."""
    words = _KEY_WORD.findall(key)
    named = [word.lower() for word in words if word.lower() not in _TYPE_WORDS]
    return " ".join(named or words).lower()


def _tabbed_field(line: str) -> Field | None:
    """A mail client's tabbed field, its label then a tab ("Subject<TAB>Weekly view"), as
    an old mail system prints a memo's header: only a label headers use."""
    match = _TABBED_FIELD.fullmatch(line)
    if match is None:
        return None
    label = match["label"].lower()
    if label in FIELD_LABELS:
        return Field(label, match["value"].strip())
    return None


def is_other_field(line: str) -> bool:
    """A header field read as metadata that is neither a date, a headline nor a source
    ("Edition: City · Date: 13/05/2026 · Page: 12", "Ref: PR/014 | 12-05-2026"): a date
    among its words is the document's."""
    found = header_field(line)
    return found is not None and not (
        found.label in DATE_LABELS
        or found.label in HEADLINE_LABELS
        or found.label in SOURCE_LABELS
        or _EVENT_LABEL.search(found.label) is not None
    )


_EVENT_LABEL = re.compile(r"\b(?:date|dates|time|period|deadline|held|meeting|venue|due)\b")
"""A field label naming another date than the document's ("Date of Meeting:", "Period:")."""


def unquoted(value: str) -> str:
    """A field's value without the quotes a front-matter block puts around it."""
    if len(value) > 2 and _QUOTES.get(value[0]) == value[-1]:
        return value[1:-1].strip()
    return value


def unmarked(line: str) -> str:
    """A line without the marks a chat or Markdown puts around it ("*✈️ Headline*",
    "**Headline**") and the emoji before it; a mail's plain-text heading mark ("** Headline")."""
    if line.startswith(HEADING_MARK):
        return line[len(HEADING_MARK) :].strip() or line
    core = _MARKS.fullmatch(line)
    if core is None:
        return line
    text = core["text"]
    start = 0
    while start < len(text) and (
        unicodedata.category(text[start]) == "So" or text[start] in "\ufe0f\u200d "
    ):
        start += 1
    return text[start:] or text


def strip_reply_prefix(subject: str) -> str:
    """An e-mail subject without its "Re:", "FW:", "Fwd:" prefixes."""
    prefix = _REPLY_PREFIX.match(subject)
    return subject[prefix.end() :] if prefix else subject


def strip_kicker(headline: str) -> str:
    """A headline without a kicker before it: in capitals ("EXCLUSIVE: …", "COLUMN | …"),
    in brackets ("[Industry] …", "【Space】…", not "【旅】" before a Japanese title), a
    notice's number ("TN-41/2026 | …"), naming
    the kind of piece ("Commentary: …", "Media advisory | …") or the agency's version
    ("(LEAD) …"); not when what is left is too short to be a headline or holds one word at
    most ("MEMBER UPDATE | 18 Sep 2026") or is a name and its number ("MARKET REPORT: Sale
    No. 21")."""
    match = _KICKER_PREFIX.match(headline)
    if match and match["kicker"].isupper() and _is_lead_in(match["kicker"], headline):
        return headline
    if match is None or not match["kicker"].isupper() or _is_acronym(match["kicker"]):
        match = _LABEL_PREFIX.match(headline)
        if match is None or (
            match["genre"] and match["genre"].split()[-1].lower() not in GENRE_WORDS
        ):
            return headline
    rest = headline[match.end() :]
    words = rest.split()
    worded = sum(1 for word in words if any(char.isalpha() for char in word))
    numbered = _NUMBERED_NAME.fullmatch(rest) is not None
    return rest if len(words) >= 3 and worded >= 2 and not numbered else headline


_NUMBERED_NAME = re.compile(r"(?:[A-Z][a-z]+\s+){1,3}(?:No\.|Number|#)\s*\d[\d./-]*")
"""A name and its number ("Sale No. 21"): what a kicker names, not a headline without it."""


KICKER_WORDS: Final = word_set(
    """exclusive opinion column comment watch breaking update updated live video photos
    listen alert flash urgent review interview feature editorial analysis explainer
    factbox podcast sponsored correction obituary letters bulletin world nation business
    sport sports markets tech science health politics news lead"""
)
"""Kickers of one short word in capitals that are kinds of piece or sections ("LEAD:", a
newsletter's lead story)."""
ACRONYM_LETTERS = 6


def _is_lead_in(kicker: str, headline: str) -> bool:
    """A lead-in of a headline all in capitals ("TASTE TEST: THE NEW NOODLE BAR"): the
    headline's own words, unless they name a kind of piece or a section ("EXCLUSIVE:")."""
    rest = headline[len(kicker) :]
    letters = [char for char in rest if char.isalpha()]
    return (
        len(letters) >= ACRONYM_LETTERS
        and all(char.isupper() for char in letters)
        and not any(word in KICKER_WORDS | GENRE_WORDS for word in kicker.lower().split())
    )


def _is_acronym(kicker: str) -> bool:
    """A short word in capitals before a colon that names who speaks, not the kind of
    piece ("ESCAP: South Asia to lead growth", "RBI: …")."""
    word = kicker.strip()
    return word.isalpha() and len(word) <= ACRONYM_LETTERS and word.lower() not in KICKER_WORDS


def is_cut_title(line: str) -> bool:
    """A title-case line of three words or more that ends on a minor word in lower case
    ("India-Japan Symposium on"): a title cut where a PDF wrapped it, which goes on in the
    line below, whatever that line's shape ("Concrete Durability: Abstracts" is no "Label:
    value" field there). A headline that ends on such a word writes it capitalised ("… Two
    Years On"); links side by side ("Subscribe  Sign in", a gap between them) are no title."""
    words = line.split()
    return (
        len(words) >= CUT_TITLE_WORDS
        and "  " not in line
        and words[-1] in CUT_WORDS
        and is_title_case(line)
        and furniture_kind(line) is None
    )


CUT_TITLE_WORDS: Final = 3
CUT_WORDS: Final = word_set("and or the of to in for with a an on at by from")


def is_separator(line: str) -> bool:
    """A rule of three or more marks ("=====", "* * *"): :func:`furniture_kind`'s first
    answer, "separator", told without asking it the others (a banner's search for its
    rules reads lines no other check needs)."""
    return _SEPARATOR.fullmatch(line) is not None


@functools.lru_cache(maxsize=4096)
def furniture_kind(line: str) -> str | None:
    """Why a header line cannot be a headline ("menu", "kicker", …), or None; a bilingual
    line by its English side (an issuer's name there is furniture too)."""
    if (side := english_side(line)) is not None:
        return furniture_kind(side) or ("issuer" if names_an_office(side) else None)
    words = line.split()
    if _SEPARATOR.fullmatch(line):
        return "separator"
    if _BRACKETED.fullmatch(line):
        return "bracketed"
    if len(_MENU_SEPARATOR.findall(line)) >= 2 or line.count("|") >= 2 or _marks(line) >= 2:
        return "menu"
    if _JUMP.fullmatch(line):
        return "jump"
    if _BREADCRUMB.fullmatch(line) and _is_breadcrumb(line):
        return "breadcrumb"
    if CONTACT_MARK.search(line):
        return "contact"
    if len(_BUTTON.findall(line)) >= 2 or line.endswith(("→", "»", "›", "▶")):
        return "link"
    if line.endswith("]") and _SEARCH_BOX.search(line):
        return "link"
    if classify(line) is not None:
        return "boilerplate"
    if header_field(line) is not None:
        return "label"
    if (kicker := _KICKER_PREFIX.match(line)) and is_name_like(line[kicker.end() :]):
        return "kicker"
    if PRODUCED_BY.match(line[kicker.end() :] if kicker else line):
        return "credit"
    if RELEASED_ON.fullmatch(line):
        return "date line"
    if (line[-1:].isdecimal() or line.endswith(")")) and _LIFE_DATES.fullmatch(line):
        return "name and life dates"
    if _mostly_capitals(line):
        return "kicker"
    if line.endswith(")") and (
        tail := _DATED_TAIL.search(line, max(0, len(line) - DATED_TAIL_MAX))
    ):
        words = line[: tail.start()].split() or words
    if sum(map(bool, map(_WORD.match, words))) * 2 < len(words):
        return "figures"
    return None


_DATED_TAIL = re.compile(r"\((?=[^()]{0,36}(?:19|20)\d\d\))[^()]{1,40}\)$")
"""The days a name is for, in brackets at its end ("Minister's Schedule (June 15 - June 19,
2026)"): the name's words, not its figures, tell whether it says something. Looked for in
the line's last :data:`DATED_TAIL_MAX` characters only, so a long run of spaces or words
before it costs nothing."""
DATED_TAIL_MAX: Final = 42


_ASCII_LOWER = str.maketrans("", "", "abcdefghijklmnopqrstuvwxyz")


def _mostly_capitals(line: str) -> bool:
    """Four in five of the line's letters are capitals. Every header line is asked, and
    most are prose: more lower-case ASCII letters than a fifth of the whole line settle
    it at C speed before the letters are counted one by one."""
    if len(line) - len(line.translate(_ASCII_LOWER)) > 0.2 * len(line):
        return False
    return in_capitals(line, 1)


def without_emblem(line: str) -> str:
    """A name without the logo's mark a masthead prints before it ("ॐ Tokyo … Society", "☸
    …"): one character of no case, not a figure, outside ASCII (so no bullet)."""
    mark, space, rest = line.partition(" ")
    emblem = len(mark) == 1 and ord(mark) > 127 and mark.upper() == mark.lower()
    return rest.strip() if emblem and space and rest.strip() and not mark.isdigit() else line


NAME_LIKE_REMEMBERED: Final = 512
"""Lines and values :func:`is_name_like` remembers: a header line is asked about by the
ranking, the masthead, the outlet and the field readers (and by the learned chooser)."""


@functools.lru_cache(maxsize=NAME_LIKE_REMEMBERED)
def is_name_like(line: str) -> bool:
    """A title-case line that names something (an issuer, a masthead, a programme, a
    section) rather than says something: at most four words, or an organisation's name
    (one of its words names one, or the last part of a hyphenated word, or the word is an
    office's compound name, "Consulate-General"). A word's first part does not count:
    "Co-Pilot", "Group-Stage" and "Trust-Building" say something."""
    words = [word.strip(",.:;()") for word in without_emblem(line).split()]
    words = [word for word in words if word]
    if not words or not all(word[0].isupper() or word.lower() in _MINOR_WORDS for word in words):
        return False
    if len(words) <= 4:
        return True
    return len(words) <= 7 and any(_names_organisation(word.lower()) for word in words)


_COMPOUND_OFFICES: Final = word_set("consulate-general directorate-general inspectorate-general")
"""Offices named by a compound whose last part is no organisation word."""


def _names_organisation(word: str) -> bool:
    _, hyphen, last = word.rpartition("-")
    if not hyphen:
        return word in ORGANISATION_WORDS
    return word in _COMPOUND_OFFICES or (last in ORGANISATION_WORDS and last not in {"co", "co."})


_YEAR_PAGE = re.compile(r"(?:19|20)\d\d")
"""A trail may end on a year's archive page ("Press Conferences > 2026")."""


def in_two_scripts(line: str) -> bool:
    """One name or label given in two scripts with a slash between ("भारत सरकार /
    Government of India", a letterhead's): no trail of pages."""
    sides = line.split(" / ")
    return len(sides) == 2 and len({side.isascii() for side in sides}) == 2


def is_trail(line: str) -> bool:
    """A breadcrumb's trail, whatever marks its steps ("Home › Chemicals › Guar Gum", which
    :func:`furniture_kind` calls a menu for its two "›")."""
    return _BREADCRUMB.fullmatch(line) is not None and _is_breadcrumb(line)


def _is_breadcrumb(line: str) -> bool:
    """Short parts between ">" ("Home > World"); the last, the page itself, may be long
    when the trail has three parts or more."""
    parts = re.split(r"\s[>›/»]\s", line)
    if len(parts) < 2 or not all(any(char.isalpha() for char in part) for part in parts[:-1]):
        return False
    if in_two_scripts(line):
        return False
    if not any(char.isalpha() for char in parts[-1]) and not _YEAR_PAGE.fullmatch(parts[-1]):
        return False
    if any(len(part.split()) > 4 for part in parts[:-1]):
        return False
    return len(parts[-1].split()) <= 4 or len(parts) >= 3


def agency_name(text: str) -> str | None:
    text = text.strip()
    if text.lower() in AGENCIES:
        return AGENCIES[text.lower()]
    return text if re.fullmatch(r"[A-Z]{2,6}", text) else None


def agency_line(line: str) -> str | None:
    """The agency named by a trailer line such as "- IANS" or "(With inputs from PTI)"."""
    if len(line) > 60:
        return None
    for pattern in _AGENCY_LINES:
        if match := pattern.fullmatch(line):
            names = [agency_name(part) for part in _AGENCY_SEPARATOR.split(match["names"])]
            if names and all(names):
                return ", ".join(name for name in names if name)
    return None


def is_organisation(name: str) -> bool:
    """A name with an abbreviation or an organisation's noun in it ("the Press Office")."""
    return any(
        (word.isupper() and len(word) >= 2) or word.lower() in ORGANISATION_WORDS
        for word in name.split()
    )


def as_written(name: str, text: str, *, title_case: bool = True) -> str:
    """A name in capitals as the text writes it elsewhere in mixed case, else title-cased
    with its minor words in lower case (else, without ``title_case``, as it is)."""
    if not name.isupper():
        return name
    folded, folded_text = name.casefold(), text.casefold()
    start = folded_text.find(folded)
    while start != -1:
        found = text[start : start + len(name)]
        if found[0].isupper() and not found.isupper():
            return found
        start = folded_text.find(folded, start + 1)
    if not title_case:
        return name
    words = _title_cased(name).split()
    return " ".join(
        word.lower() if index and word.lower() in _MINOR_WORDS else word
        for index, word in enumerate(words)
    )


def _title_cased(text: str) -> str:
    """``str.title``, but an apostrophe's ending stays in lower case: "JAPAN'S" is
    "Japan's", "DON'T" "Don't" (a name's "O'BRIEN" is still "O'Brien")."""
    return _APOSTROPHE_ENDING.sub(lambda m: m.group(0).lower(), text.title())


_APOSTROPHE_ENDING = re.compile(r"(?<=\w['’])(?:S|T|D|M|Ll|Re|Ve)\b")


def opens_like_a_title(line: str) -> bool:
    """A capital, a figure or a quote first, past emoji and a bracketed tag ("🇮🇳🤝🇯🇵
    3rd …", "【旅】…"); or a letter of a script without case in a title that goes on in
    English ("成田から…｜First Narita–Hyderabad …"), not a masthead in one script."""
    rest = _TITLE_START.sub("", line) or line
    if rest != line and strip_kicker(rest) != rest:
        return False  # "🔴 LIVE: …": a live ticker's link
    first = rest[0]
    if first.isalpha() and not first.isupper() and not first.islower():
        return _LATIN_CAPITAL.search(rest) is not None  # a title in two scripts
    return first.isupper() or first.isdigit() or first in "\"'“‘"


_LATIN_CAPITAL = re.compile(r"[A-Z]")
_TITLE_START = re.compile(
    r"^(?:[\U0001F000-\U0001FAFF\u2600-\u27BF\uFE0F\u200D ]+|【[^】]{1,8}】\s*)+"
)
