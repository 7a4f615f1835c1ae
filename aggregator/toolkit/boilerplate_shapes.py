"""Furniture recognised by its shape and by the conventions publishers share.

:mod:`aggregator.toolkit.boilerplate` matches the *phrases* of page
furniture; this module adds what every kind of publisher prints around an
article, told by structure rather than by outlet:

- **shapes** (:func:`shape_rule`, on the line as written, case and all):
  navigation menus and breadcrumbs (short capitalised segments between
  ``|``, ``·``, ``>`` or ``›``), rules and dividers (a line without a letter
  or digit), contact lines (a phone number or an e-mail address in a line
  that is not a sentence), postal addresses, page numbers of PDF text, the
  transmission lines and flags of agency wires, standing notices and
  classification markings, time codes and stage directions of transcripts,
  counters and pagers ("311 upvotes · 12 comments", "Photo 2 of 7"), hashtag
  lines;
- **conventions** (:data:`PUBLISHER_RULES`, phrases in match form like the
  other rules): press-release kickers, contact blocks and back matter,
  bulletin footers, e-mail headers, greetings and sign-offs, newsletter
  footers, wire trailers.

Two kinds of block start here. ``FOOTER`` (a contact heading, a sign-off,
an end mark such as "###"): the rest of the text goes when it reads as a
footer, short lines and furniture only. ``BACK_MATTER`` ("About <Company>",
"Forward-looking statements", "About the author"): what follows is the
publisher's standing text, prose included, and goes to the end.
"""

from __future__ import annotations

import re

from .boilerplate_covering import COVERING_RULE, COVERING_WORDS, is_covering_note
from .boilerplate_documents import DOCUMENT_RULES, document_shape
from .boilerplate_letter_frames import SIGNED_OFF_WORDS, is_signed_off
from .boilerplate_menus import is_menu as is_menu
from .boilerplate_notes import DIVIDER_RULE
from .lines import holds_any

LINE = "line"
FOOTER = "footer"
LIST = "list"
BACK_MATTER = "back_matter"


_TEMPERATURE = r"\d{1,2}(?:\s?°\s?[cf]?|c\b|c? ?/ ?\d{1,2}c?\b)"
"""A temperature in a weather strip ("34°C", "19°", "31C", "34/28")."""
_READING = rf".*?\b{_TEMPERATURE}"

# (name, kind, pattern in match form, max words, first words)
PUBLISHER_RULES: list[tuple[str, str, str, int, str]] = [
    (
        "press release kicker",
        LINE,
        r"for immediate release|for release (?:at|on)\b.*|embargoed (?:until|till)\b.*"
        r"|(?:news|press|media) release|press note|notice|issued by\s*:.{1,120}"
        r"|(?:programme|program|section|series|desk)\s*:\s*[\w &,'-]{1,40}",
        16,
        "for embargoed news press media notice issued programme program section series desk",
    ),
    (
        "press release end mark",
        FOOTER,
        r"#{3}|-*\s*ends?\s*-*|-30-|\(?more\)?|-more-|end of (?:release|document)"
        r"|[(\[]\s*ends?\s*[)\]]|-*\s*end of (?:segment|item|transcript|story|bulletin"
        r"|programme|program)\s*-*|[\[(]?end (?:of )?(?:item|segment) \d+[\])]?",
        6,
        "# ends end more 30",
    ),
    (
        "press contact",
        FOOTER,
        r"\(?(?:media|press|investor|public relations|pr|news)? ?(?:contacts?|inquiries|enquiries)"
        r"\)?(?:\s*:.{0,160})?|for (?:media|press|further|more|investor) (?:inquiries|enquiries"
        r"|information|queries)\b.*|notes",
        25,
        "media press investor public pr news contact contacts inquiries enquiries for notes",
    ),
    (
        "notes to editors",
        BACK_MATTER,
        r"notes? (?:to|for) editors?\s*:?|editors'? notes?\s*:?",
        4,
        "notes note editors editor",
    ),
    (
        "about the company",
        BACK_MATTER,
        r"about (?:the )?(?:authors?|writers?|contributors?)\s*:?"
        r"|(?:forward-looking|cautionary|safe harbou?r) (?:statements?|information|note)"
        r"(?: (?:statement|disclaimer))?\s*:?|safe harbou?r",
        6,
        "about forward cautionary safe",
    ),
    (
        "author note",
        LINE,
        r"about the (?:authors?|writers?)\s*:.*|\(?the (?:writer|author|columnist)s? (?:is|are|was)"
        r" .{0,200}\)?|.{0,200}\bviews (?:are|expressed are) (?:personal|(?:the|his|her|their)"
        r" own)\W*|cite (?:this(?: [a-z]+)?|as)\s*:.*"
        r"|(?:recommended|suggested|preferred) citation\s*:.*|how to cite(?: this)?\s*:.*"
        r"|translator'?s note\s*:.*",
        80,
        "about the cite recommended suggested preferred how translator translators",
    ),
    (
        "trademark notice",
        LINE,
        r"\W*(?:all )?(?:other )?(?:company|product|brand|service)(?: names?| and product names?"
        r"|,? product(?: and service)? names?)* .{0,80}\btrademarks? of (?:their|the) respective"
        r" (?:companies|owners|holders)\W*",
        40,
        "all other company product brand service",
    ),
    # government bulletins
    (
        "release id",
        LINE,
        r"[(\[]?(?:release|press release|pib|pr) (?:id|no|number)\.?\s*[:.-]?\s*[\w/-]*\d[\w/-]*"
        r"[)\]]?|no\. ?\d+/\d{2,4}",
        6,
        "release press pib pr no",
    ),
    (
        "visitor counter",
        LINE,
        r"(?:visitor|page|hit) (?:counter|count|views?)\s*:?\s*[\d,]+",
        5,
        "visitor page hit",
    ),
    (
        "translations",
        LINE,
        r"read (?:this|the) (?:release|page|article|story|original) in\b.*",
        30,
        "read",
    ),
    (
        "translation credit",
        LINE,
        r"(?:translated|translation) (?:from (?:the )?[\w-]+(?: original)? )?by [^.,]{1,60}"
        r"(?:\.\s+(?:check|verify|refer|see)\b.{0,160})?\.?",
        40,
        "translated translation",
    ),
    (
        "page navigation",
        LINE,
        r"[◀←<«]?\s*back to\b.{1,60}|(?:back to )?(?:page )?top(?: of (?:the )?page)?\s*[↑▲^]?"
        r"|print(?:able)? (?:this page|version)\b.*|(?:print|email|e-mail)(?:\s*\|\s*"
        r"(?:print|email|e-mail|share|pdf))+|search|menu|skip to (?:main )?content"
        r"|\[?(?:provisional|unofficial) translation\]?|pin (?:this|it)\b.{0,20}",
        12,
        "back page top print printable email e search menu skip provisional unofficial pin",
    ),
    # e-mail
    (
        "e-mail header",
        LINE,
        r"(?:from|cc|bcc|reply-to)\s*:.*(?:@|<).*|to\s*:\s*(?:[^\s]+@[^\s]+|[\w.<>@,& -]{1,60})"
        r"|-+ ?(?:forwarded|original) message ?-+|begin forwarded message\s*:?"
        r"|on .{5,80} wrote\s*:|sent\s*:\s*(?:\w+,? )?.{0,30}\b(?:19|20)\d\d\b.{0,20}"
        r"|subject\s*:\s*.{1,100}",
        14,
        "from cc bcc reply to forwarded original begin on sent subject",
    ),
    ("addressee", LIST, r"to\s*:", 1, "to"),
    ("addressee", LINE, r"to\s*:\s*(?:all|the) [\w.,&/()'’ -]{3,160}", 30, "to"),
    (
        "greeting",
        LINE,
        r"(?:dear|hi|hello|hey|greetings)\b(?: (?:mr|mrs|ms|dr|prof)\.)?[^.!?;:]{0,50},",
        7,
        "dear hi hello hey greetings",
    ),
    (
        "sign-off",
        FOOTER,
        r"(?:(?:with )?(?:best|kind|warm|warmest|many|sincere)? ?(?:regards|wishes|thanks)"
        r"|thanks(?: and regards)?|thank you|thanking you|best|cheers|sincerely"
        r"|yours (?:sincerely|faithfully|truly)|respectfully|in (?:solidarity|friendship)"
        r"|with (?:gratitude|sympathy|deepest sympathy)|warmly)\s*,",
        5,
        "with best kind warm warmest many sincere regards wishes thanks thank thanking cheers "
        + "sincerely "
        + "yours respectfully in warmly",
    ),
    (
        "e-mail notice",
        FOOTER,
        r"this (?:e-?mail|message|communication)(?: and any (?:attachments?|files)"
        r"(?: transmitted with it)?)? (?:is|are|may (?:be|contain)|contains?)\b.*"
        r"\b(?:confidential|privileged|intended)\b.*"
        r"|if you (?:have )?received this (?:e-?mail|message) in error\b.*"
        r"|this is an? (?:send-only|automated|automatic|unmonitored|no-?reply) (?:e-?mail|message"
        r"|address|mailbox)\b.*|please do not reply\b.*|sent from my \w+.*",
        60,
        "this if please sent",
    ),
    # newsletters
    (
        "newsletter footer",
        FOOTER,
        r"(?:to )?unsubscribe\b.{0,120}|you(?: are|'re) receiving this\b.*"
        r"|you (?:have )?received this\b.*"
        r"|view (?:this (?:e-?mail|issue|newsletter) )?(?:in|on) (?:your |a |the )?(?:web )?browser"
        r".{0,40}|forward (?:this )?(?:e-?mail )?to a (?:friend|colleague).{0,40}"
        r"|(?:manage|update) (?:your )?(?:subscription|preferences|email preferences)\b.*"
        r"|upgrade (?:to|for) (?:read|paid|premium|get)"
        r"\b.*|this (?:issue|post|briefing|edition) is (?:available|only available|for) (?:to )?"
        r"(?:paid|premium)\b.*",
        40,
        "to unsubscribe you view forward manage update upgrade this",
    ),
    ("contents list", "list", r"in this (?:issue|edition|newsletter)\s*:?", 4, "in"),
    (
        "promotion",
        LINE,
        r"(?:you (?:may|might) (?:also )?like|more from|also read|recommended|ranking)"
        r"\s*:\s*.{1,200}"
        r"|(?:sponsored by|brought to you by|together with|in partnership with)"
        r" [^,.!?]{1,60}(?: ?[-|:] .{1,140})?"
        r"|catch (?:all )?(?:the )?(?:latest )?.{0,100}\b(?:news|updates)\b.{0,80}"
        r"\b(?:on|at)\b.{1,60}",
        40,
        "you more also recommended ranking sponsored brought catch together in",
    ),
    # wires and broadcasters
    (
        "agency trailer",
        LINE,
        r"[(\[]?(?:additional )?(?:reporting|writing|compiled) by\b.*;\s*(?:editing|edited) by\b.*"
        r"|[(\[](?:additional )?reporting by\b.*[)\]]|distribution\s*:.{1,100}"
        r"|update \d+\s*-\s*(?:adds|updates|recasts|changes|corrects|rewrites|writes through"
        r"|add|updated with)\b.*",
        45,
        "reporting additional writing compiled distribution update",
    ),
    (
        "wire flag",
        LINE,
        r"urgent|newsalert|news alert|flash|bulletin|priority \d\b.{0,80}|clip \d+ of \d+\b.*"
        r"|client\s*:.{1,80}",
        14,
        "urgent newsalert news flash bulletin priority clip client",
    ),
    (
        "broadcast prompt",
        LINE,
        r"(?:video|audio) (?:duration|length)\s*:?\s*[\d:]+|listen to the (?:full )?(?:report"
        r"|interview|programme|program|episode|podcast)\b.{0,60}|(?:watch|listen)(?: now)?\s*[:|·]"
        r"\s*.{0,80}",
        14,
        "video audio listen watch",
    ),
    (
        "summary notice",
        LINE,
        r"(?:summaries|this summary) (?:are|is|was|were) (?:generated|written|produced|created)"
        r" (?:automatically|by ai|using ai)\b.*"
        r"|read (?:the )?full (?:story|article|report) (?:at|on) .{1,60}",
        20,
        "summaries this read",
    ),
    *DOCUMENT_RULES,
    (
        "weather strip",
        LINE,
        rf"(?:today'?s )?weather"
        rf"(?:\s*[:▸|-]\s*(?={_READING})|\s+(?=[a-z][a-z .'-]{{1,30}} {_TEMPERATURE}{_READING}))"
        r"(?!.*\b(?:said|says|according)\b).{3,200}",
        30,
        "weather today todays",
    ),
    (
        "table note",
        LINE,
        r"(?:units?\s*:\s*[^.]{2,40}\.\s*)?figures in (?:brackets|parentheses)\b.{0,200}"
        r"|units?\s*:\s*(?:rs\.?|₹|yen|¥|us\$|\d+ (?:million|billion|crore|lakh|thousand)"
        r"|million|billion|crore|lakh|thousand|tonnes|%)[^.]{0,40}\.?",
        40,
        "unit units figures",
    ),
    (
        "page number",
        LINE,
        r"(?:page|p\.|pg\.?) \d+(?: (?:of|/) \d+)?|-\s*\d{1,3}\s*-|\d{1,3}(?: ?/ ?\d{1,3})?",
        4,
        "page p pg #",
    ),
]

# ---------------------------------------------------------------------------
# shapes

_PHONE = re.compile(
    r"(?:\b(?:tel|phone|ph|fax|mobile|mob|direct|call|t|m)\.?\s*[:.]?\s*\+?\(?\d[\d ()./-]{5,}\d)"
    r"|(?:\+\d{1,3}[\s-]?\(?\d{1,5}\)?[\s-]\d{2,5}[\s-]?\d{2,5})",
    re.IGNORECASE,
)
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_URL = re.compile(r"(?:https?://|www\.)\S+", re.IGNORECASE)
_POSTCODE_END = re.compile(
    r"(?:\b\d{3}-\d{4}|\b\d{5,6}|\b\d{3} \d{3})(?:,\s*[A-Z][a-z]+(?: [A-Z][a-z]+)?){0,2}$"
)
"""A postcode at a line's end, or before the state and the country ("…, Tokyo 100-0005,
Japan", "…, Hyderabad 500081, Telangana, India")."""
_TRANSMISSION = re.compile(
    r"[A-Z]{2,8} [A-Z]{1,4}(?:/[A-Z]{1,4})* \d{4}"
    r"|[A-Z]{2,8} \d{4} (?:IST|GMT|UTC|JST|HKT|SGT|BST|EST)(?: \d{1,2}/\d{1,2}/\d{2,4})?"
)
_TRANSMISSION_INITIALS = re.compile(
    r"[A-Z]{2,8} [A-Za-z]{1,4}(?:/[A-Za-z]{1,4})+ (?:\d{4}(?: [A-Z]{2,4})?|\d{6} [A-Z]{2,4}"
    r"(?: [A-Z]{3} \d{2})?)"
    r"|[A-Z]{2,4}(?:/[A-Z]{2,4})+ \d{4}(?: [A-Z]{2,4})?"
)
"""An agency's sign-off: desk (or none), the initials of writer and editor, the time filed
(or a teleprinter's day, time, zone, month and year: "PNX ka/tl 140948 GMT APR 26")."""
_LOWER_INITIALS = re.compile(
    r"(?!(?:and/or|yes/no|his/her|him/her|he/she|on/off)$)[a-z]{2,3}(?:/[a-z]{2,3}){1,3}"
)
"""The initials of writer, editor and typist alone under a story or an order ("rk/sm/pd")."""
_CREDIT = r"[A-Z][\w.&'’-]*(?:(?:\s+|/|,\s*)(?:[A-Z][\w.&'’-]*|of|the|and|for|de|via)){0,8}"
_CAPTION_CREDIT = re.compile(
    r"\S.{8,}?(?:[.,;:!?]|[.,;:!?]?\s)\s*[(\[]?"
    r"(?:Photo|Photograph|Picture|Image|Pic|PHOTO|IMAGE|Credit|Courtesy)s?(?: [Cc]redits?)?"
    r"(?:\s*:\s*|/)" + _CREDIT + r"[)\]]?\.?"
)
"""A photo caption that ends in its credit ("… in Kyoto. Photo: Consulate General of India")."""
_CAPTION_AGENCY = re.compile(
    r"\S.{8,}?[.!?]?\s\((?:[A-Z][\w.'’-]+ ){1,3}[A-Z][\w.'’-]+"
    r"(?:\s?/\s?[A-Z][\w .&'’-]{1,30}| for [A-Z][\w .&'’-]{1,40})\)"
)
"""A caption whose credit is the photographer and agency in parentheses at its end
("Shoppers look at rice in a Tokyo supermarket. (Yuki Iwamura/AP)")."""
_CAPTION_GLUED = re.compile(
    r"\S.{8,}?[a-z0-9)][.!?][\"”’]?([A-Z][A-Z'’.-]*(?:[ /&][A-Z][A-Z'’.-]*)*)"
)
"""A caption run into its credit in capitals with no space between them, as a page's
caption and credit elements copy ("… on Saturday.FRED LUM/THE GLOBE", "… Delhi.HANDOUT")."""
CAPTION_WORDS = 45
_CAPTION_MARKS = ("hoto", "icture", "mage", "PHOTO", "Credit", "Courtesy")
"""A word a caption's credit needs: lines without any skip the caption patterns."""
_NEWS_SERVICE = re.compile(
    r"[A-Z][\w&'’.-]*(?: [A-Z][\w&'’.-]*){0,4} (?:News Service|News Network|News Desk)"
    r"(?:, [A-Z][\w.-]*(?: [A-Z][\w.-]*){0,2})?"
)
"""A paper's own agency credited under a story ("Deccan Mail News Service, Kochi")."""
_VIDEO_DETAILS = re.compile(
    r"(?=.*\b\d[\d.,]*\s?[KkMm]?\s+views\b).{0,40}\d{1,2}:\d{2}.*|"
    r"(?=.*\d{1,2}:\d{2}).{0,40}\b\d[\d.,]*\s?[KkMm]?\s+views\b.*",
    re.IGNORECASE,
)
"""A video's details: its duration and its views ("Duration 04:05 | 3.2K views | 3 days ago")."""
_VERSION_NOTE = re.compile(
    r"\((?:ADDS|UPDATES|RECASTS|CORRECTS|REFILES|REPEATS|REWRITES|WRITETHRU|FIXES|INSERTS"
    r"|CHANGES|REMOVES|DELETES|EXPANDS|TOPS|RETOPS)\b[^()]{0,100}\)"
)
"""An agency's note on what its new version of a story changed ("(ADDS quotes in paras 4-5)")."""
_BARE_VERSION_NOTE = re.compile(
    r"(?:ADDS|UPDATES|RECASTS|CORRECTS|REFILES|REWRITES|INSERTS|EXPANDS) (?:with|to|in|on|for"
    r"|throughout|details|quotes?|background|byline|comment|reaction)\b[^.!?]{0,120}"
)
"""The same note printed without its brackets, its verb in capitals ("UPDATES with the
minister's quote in paragraph 3"), never a sentence."""
_WIRE_WORD = re.compile(r"(?:URGENT|NEWSALERT|FLASH|BULLETIN|MORE|ENDS?|ADVISORY)")
_LETTER_OR_DIGIT = re.compile(r"[^\W_]")
_NOTICE = re.compile(
    r"\b(?=[acdefhjlmnoprtuv])(?:"
    r"(?:views|opinions) (?:expressed )?(?:are|is) (?:personal|(?:the|his|her|their|my) own"
    r"|the (?:author|writer|contributor)(?:'s|s'|’s|s’) own)\b"
    r"|comments are (?:closed|disabled)\b|terms (?:and|&) conditions apply\b"
    r"|not for (?:re)?(?:distribution|publication|circulation)\b"
    r"|for internal (?:use|circulation)(?: of [\w ]{1,30})? only\b"
    r"|not (?:investment|financial|legal) advice\b|trademarks? of (?:their|the) respective\b"
    r"|(?:edited|condensed) (?:for (?:length|clarity|brevity)|and condensed)\b"
    r"|(?:rush|automated|machine|automatic|auto-generated|computer-generated) transcript\b"
    r"|check (?:all )?(?:quotes |quotations )?against (?:the )?(?:official |original )?"
    r"(?:transcript|recording|delivery|audio|video)\b"
    r"|for (?:employees|staff) only\b|do not forward\b"
    r"|transcript\b.{0,80}\b(?:may|might) contain errors\b"
    r"|(?:provisional|unofficial|courtesy|machine) translation\b"
    r"|(?:japanese|original|english|hindi)(?:-language)? (?:text|original|version) (?:shall )?"
    r"prevails?\b|(?:appeared|published) in the print edition\b|may be reproduced freely\b"
    r"|(?:originally published|first (?:appeared|published)) in\b|^from the print edition$"
    r"|^edited excerpts?\W*$|^listen to (?:this|the) (?:article|story)\b"
    r"|content on this (?:website|site|portal|page) is (?:published|managed|owned|maintained)\b"
    r")",
    re.IGNORECASE,
)
"""Standing notices. Every alternative starts a word with one of the letters looked ahead
for (the three anchored at the line's start too, whose first letter makes that a word's
start): written so, the engine leaves a position after one test instead of trying each
alternative's word boundary in turn (a sixth of the time on a line of prose)."""
_MARKING = re.compile(
    r"(?:.{0,40}\W)?(?:strictly )?(?:confidential|restricted|internal use only)"
    r"(?:\W.{0,40})?",
    re.IGNORECASE,
)
"""A document's classification marking ("STRICTLY CONFIDENTIAL", "Internal use only — do
not forward"), on a short line."""
_REPORTED = re.compile(r"[\"“”]|\b(?:said|says|told|according to)\b")
_RUNNING_PAGE = re.compile(
    r"page \d+(?: of \d+)?\s*[|·•-]\s*.{1,80}|.{1,80}[|·•-]\s*page \d+(?: of \d+)?",
    re.IGNORECASE,
)
_ABOUT_NAME = re.compile(
    r"(?:[■□▪◆◇●○►▶•#*]+ ?)?About (?:the )?[A-Z][\w'’.&,-]*"
    r"(?: (?:[A-Z0-9][\w'’.&,-]*|&|of|and|the|for|de))*:?"
)
"""A back-matter heading ("About Kaito Engineering"), behind a bullet mark or not."""
_NUMERIC = re.compile(r"\d")


def is_contact_line(line: str, words: int) -> bool:
    """A phone number, e-mail address or web address in a line that is not a sentence."""
    if words > 25 or line.endswith((".", "!", "?")):
        return False
    # "@" first: searched for in a long run of word characters without one, the
    # address pattern would be tried from every position (quadratic time).
    if ("@" in line and _EMAIL.search(line)) or (_NUMERIC.search(line) and _PHONE.search(line)):
        return True  # a phone number holds digits: most lines have none, and _PHONE is slow
    # A web address holds "://" or the dot after "www": a cheap test before a pattern
    # whose case folding keeps it from searching for its first letters.
    return words <= 8 and ("." in line or "://" in line) and _URL.search(line) is not None


def is_postal_address(line: str, words: int) -> bool:
    """ "Name, 18 Cecil Street, Singapore 069532", "14 Park Road, Kolkata 700016": parts
    between commas ending in a postcode (or in a state and a country after it); not an
    event's place under its label ("Venue: Kamani Auditorium, …") nor a numbered
    entry of a form or a list ("5. Address of registered office: …"), the article's. Only a
    comma with a space after it parts an address: "1,234 tonnes" is a figure's."""
    return (
        words <= 25
        and ", " in line
        and _POSTCODE_END.search(line) is not None
        and _EVENT_PLACE.match(line) is None
        and _NUMBERED_ENTRY.match(line) is None
    )


ADDRESS_BAR_CELL_WORDS = 6


def _is_address_bar(line: str, words: int) -> bool:
    """A page's foot bar that opens with the publisher's postal address, the rest short
    cells (links, opening hours): "Patent Office, 3-4 Kasumigaseki, Tokyo 100-8915 |
    Privacy Policy | Terms of Use", "Embassy, 50 Shantipath, New Delhi 110021 | Consular
    hours: 9:00–12:30"."""
    address, *cells = (cell.strip() for cell in line.split(" | "))
    return (
        words <= 40
        and is_postal_address(address, len(address.split()))
        and all(
            0 < len(cell.split()) <= ADDRESS_BAR_CELL_WORDS and not cell.endswith(".")
            for cell in cells
        )
    )


_EVENT_PLACE = re.compile(r"(?:venue|location|place|where)\s*:", re.IGNORECASE)
_NUMBERED_ENTRY = re.compile(r"\(?\d{1,2}[.)]\s+[A-Za-z]")


def is_data_strip(line: str) -> bool:
    """A ticker of figures ("Sensex 77,606.43 ▲ 0.41% Nifty …"): most words carry a digit."""
    if "%" not in line and "▲" not in line and "▼" not in line:
        return False
    tokens = line.split()
    figures = sum(_NUMERIC.search(token) is not None for token in tokens)
    return figures * 2 >= len(tokens)


_NOTICE_WORDS = (
    "view",
    "opinion",
    "not for",
    "internal",
    "advice",
    "trademark",
    "edited",
    "condensed",
    "transcript",
    "translation",
    "prevail",
    "print edition",
    "reproduced",
    "published in",
    "appeared in",
    "content on this",
    "comments are",
    "conditions apply",
    "excerpt",
    "listen to",
    "against",
    "only",
    "forward",
)
"""Each alternative of ``_NOTICE`` holds one of these (lower case)."""


_MARKING_WORDS = ("confidential", "restricted", "internal use only")


def _may_hold(lowered: str | None, words: tuple[str, ...]) -> bool:
    """False when a case-insensitive pattern that needs one of ``words`` (lower case) cannot
    match: an ASCII line whose ``lowered`` form holds none of them (a check far cheaper
    than the pattern). A line with other characters (``lowered`` None) goes to the
    pattern, whose case folding is Unicode's."""
    return lowered is None or holds_any(lowered, words)


def _is_credited_caption(line: str) -> bool:
    """A photo caption that ends in its credit, after a label ("Photo: …") or as the
    photographer and agency in parentheses ("(Yuki Iwamura/AP)"); reported speech is not."""
    credited = (
        (holds_any(line, _CAPTION_MARKS) and _CAPTION_CREDIT.fullmatch(line))
        or (line.endswith(")") and _CAPTION_AGENCY.fullmatch(line))
        or (line[-1:].isupper() and _glued_credit(line))
    )
    return bool(credited) and _REPORTED.search(line) is None


def _glued_credit(line: str) -> bool:
    glued = _CAPTION_GLUED.fullmatch(line)
    return glued is not None and sum(char.isalpha() for char in glued[1]) >= 5


def shape_rule(line: str, words: int) -> tuple[str, str] | None:
    """``(name, kind)`` when a line is furniture by its shape alone, else ``None``."""
    if not line[:1].isalnum() and _LETTER_OR_DIGIT.search(line) is None:  # [^\W_] is isalnum
        return (DIVIDER_RULE, FOOTER) if len(line) >= 3 or line in ("==", "--", "**") else None
    if line.startswith(">"):
        return "quoted reply", LINE
    lowered = line.lower() if line.isascii() else None  # for the hint words of three checks
    notice = words <= 40 and _may_hold(lowered, _NOTICE_WORDS) and _NOTICE.search(line) is not None
    if notice and not _REPORTED.search(line):
        return "notice", LINE
    marking = words <= 8 and not line.endswith(".") and _may_hold(lowered, _MARKING_WORDS)
    if marking and _MARKING.fullmatch(line):
        return "classification marking", LINE
    if 2 <= words <= 8 and _ABOUT_NAME.fullmatch(line) and line.casefold() != "about us":
        return "about the company", BACK_MATTER
    if words <= 14 and _may_hold(lowered, ("page",)) and _RUNNING_PAGE.fullmatch(line):
        return "running header", LINE
    if 4 <= words <= 20 and not line.endswith((".", "!", "?")) and is_data_strip(line):
        return "data strip", LINE
    if words <= 25 and is_menu(line):
        return "menu", LINE
    if is_contact_line(line, words):
        return "contact line", LINE
    if is_postal_address(line, words) or (" | " in line and _is_address_bar(line, words)):
        return "postal address", LINE
    if words <= CAPTION_WORDS and _is_credited_caption(line):
        return "photo caption", LINE
    if words <= 8 and "News" in line and _NEWS_SERVICE.fullmatch(line):
        return "agency credit", LINE
    if (
        words <= 14
        and ("|" in line or "·" in line)
        and "views" in line.lower()
        and _VIDEO_DETAILS.fullmatch(line)
    ):
        return "video details", LINE
    if line.startswith("(") and words <= 20 and _VERSION_NOTE.fullmatch(line):
        return "wire version note", LINE
    if words <= 20 and line[:2].isupper() and _BARE_VERSION_NOTE.fullmatch(line):
        return "wire version note", LINE
    if words <= 6 and (
        _TRANSMISSION.fullmatch(line)
        or _TRANSMISSION_INITIALS.fullmatch(line)
        or _LOWER_INITIALS.fullmatch(line)
        or _WIRE_WORD.fullmatch(line)
    ):
        return "wire transmission", LINE
    if words <= COVERING_WORDS and "elow" in line and is_covering_note(line):
        return COVERING_RULE, LINE
    if words <= SIGNED_OFF_WORDS and ", " in line and is_signed_off(line):
        return "sign-off with the sender's name", LINE
    return document_shape(line, words)
