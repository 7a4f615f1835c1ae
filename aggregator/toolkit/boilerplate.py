"""Rules that recognise boilerplate lines in scraped news text (helpers of ``clean_boilerplate``).

Every rule matches a *whole line* in its "match form"
(:func:`aggregator.toolkit.lines.match_form`: NFKC, dashes and quotes
folded, casefolded, whitespace collapsed), so that an article
sentence that merely mentions comments, sources, sharing or advertising is
never taken for boilerplate. Rules are grouped by the first word of the
line: most article lines cost one regex match for that first word and a set
lookup; only short lines (a few words) meet the few rules that look inside
a line.

A rule has a *kind* that tells the cleaner what to do beyond removing the
line itself: ``COMMENTS`` (a reader-comments heading; the block that follows
goes too), ``LIST`` (a related-stories heading; the list of links below it
goes too), ``SOURCES`` (a "Sources" heading over a list of outlets and
headlines), ``TO_END`` ("Summary based on 9 sources": everything after it is
the source list) and ``FORM`` (comment-form text, the end of a comment
section).
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass

from .boilerplate_heads import RULE_HEADS
from .boilerplate_shapes import BACK_MATTER, FOOTER, PUBLISHER_RULES, shape_rule
from .lines import ends_like_sentence, holds_any, match_form, word_count
from .link_marks import without_link_marks, without_window_note

LINE = "line"
COMMENTS = "comments"
LIST = "list"
SOURCES = "sources"
TO_END = "to_end"
FORM = "form"
__all__ = [
    "BACK_MATTER",
    "COMMENTS",
    "FOOTER",
    "FORM",
    "LINE",
    "LIST",
    "SOURCES",
    "TO_END",
    "Rule",
    "classify",
    "head_word",
]

# ---------------------------------------------------------------------------
# rules


@dataclass(frozen=True)
class Rule:
    name: str
    kind: str
    pattern: re.Pattern[str]
    max_words: int = 40


SOCIAL = (
    r"(?:facebook|fb|twitter|x|x \(formerly twitter\)|whatsapp|linkedin|telegram|reddit|"
    r"pinterest|instagram|threads|bluesky|mastodon|email|e-mail|mail|print|sms|messenger|koo|"
    r"youtube|tumblr|flipboard|pocket|copy link|copy url|copy|link|google news|google|tweet|"
    r"share|snapchat|tiktok|vk|line|viber|wechat|weibo)"
)
_SEP = r"(?:\s*[|/,:;•·●▪>»›-]\s*|\s+(?:and|&|or)\s+|\s+)"
_SOCIAL_LIST = rf"{SOCIAL}(?:{_SEP}{SOCIAL})*"
_NAME = r"[\w .&'@-]{1,40}?"
_LINK_SEP = r"(?:\s*[|:>»›]\s*|\s+-\s+)"

_RULES: list[tuple[str, str, str, int]] = [
    # (name, kind, pattern, max words)
    # share prompts
    (
        "share prompt",
        LINE,
        r"(?:click (?:here )?to |tap to )?share(?: (?:this|the|our)(?: "
        r"(?:article|story|post|page|video|news|report|link|piece))?)?"
        rf"(?: (?:on|via|with|to|using))?(?:{_SEP}{_SOCIAL_LIST})?\s*[:.!]?",
        20,
    ),
    ("share prompt", LINE, rf"{_SOCIAL_LIST}\s*[:.!]?", 15),
    (
        "share prompt",
        LINE,
        r"(?:tweet|email|e-mail|print|save|bookmark|copy) this"
        r"(?: (?:article|story|page|post|link))?\s*[:.!]?|bookmark"
        r"|(?:share|save|print|email|bookmark)(?:\s*[|/·•]?\s*(?:share|save|print|email|bookmark))+",
        6,
    ),
    # social follow prompts
    (
        "follow prompt",
        LINE,
        rf"(?:follow|like|find|join) (?:us|me|{_NAME}) (?:on|at|via) "
        rf"(?:{_SOCIAL_LIST}|google news|our (?:whatsapp|telegram) channel)"
        r"(?::? @[\w.]{2,30}| (?:for|to get|to stay)\b.{0,60})?\s*[.!]?",
        20,
    ),
    ("follow prompt", LINE, r"follow us\b.{0,80}", 15),
    ("follow prompt", LINE, r"(?:stay|keep) (?:connected|in touch) with us\b.{0,60}", 12),
    (
        "follow prompt",
        LINE,
        r"(?:join|follow|subscribe to) (?:us|our) .{0,40}\b(?:channel|community|group)\b.{0,60}"
        r"|join (?:this|the) channel\b.{0,60}",
        20,
    ),
    (  # a page's handles: "Instagram: @desk_tv | Telegram: t.me/desk_tv"
        "follow prompt",
        LINE,
        rf"{SOCIAL}\s*:\s*\S*[@/.]\S*(?:\s*[|·•]\s*{SOCIAL}\s*:\s*\S*[@/.]\S*)*",
        12,
    ),
    # reader comments and comment forms
    (
        "reader comments",
        COMMENTS,
        r"(?:(?:reader|user|your|all|top|latest|recent)(?:s|'s|s')? )?comments?"
        r"(?: \(\d+\)| \d+)?\s*:?|\d+ (?:reader |user )?(?:comments?|responses?|replies)"
        r"|(?:view|show|see|read|load)(?: all)?(?: \d+)? (?:comments|responses)"
        r"|join the (?:conversation|discussion)|have your say|discussion \(\d+\)"
        r"|responses? \(\d+\)|comments? (?:section|thread)",
        6,
    ),
    (
        "comment form",
        FORM,
        r"(?:leave|post|add|write|submit|share) (?:a |your )?(?:comment|reply|response)s?\s*[:.!]?"
        r"|minimum \d+ characters?(?: \d+ ?/ ?\d+)?|\d+ ?/ ?\d+ characters?"
        r"|your email address will not be published\b.*|required fields are marked\b.*"
        r"|we welcome (?:thoughtful|constructive|respectful|civil) "
        r"(?:discussions?|comments?|debates?)\b.*"
        r"|please (?:keep|be) (?:your )?(?:comments?|respectful)\b.*"
        r"|comments? (?:are|is|have been) (?:closed|disabled|turned off)"
        r"(?: for this (?:article|story|post))?\s*[.!]?|comments? (?:are|will be) moderated\b.*"
        r"|be the first to (?:comment|reply)\b.*"
        r"|(?:there are )?no comments(?: yet)?\s*[.!]?(?:\s*be the first\b.*)?"
        r"|(?:sign|log) in to (?:comment|reply|join the discussion)\b.*"
        r"|cancel reply|post comment|notify me of (?:new|follow-up) (?:comments|posts)\b.*"
        r"|save my name, email\b.*|(?:load|show|view) (?:more|all|older|newer) (?:comments|replies)"
        r"|report (?:this )?(?:abuse|comment)",
        40,
    ),
    # related-story links and lists
    (
        "related link",
        LINE,
        r"(?:also read|read also|also see|see also|read more|more to read|must read|read next"
        r"|read|related|related story|related stories|related news|related links?"
        r"|related information|related in this feed|recommended|watch|also watch"
        r"|video|listen|don't miss|do not miss|trending|top story|top stories|more stories"
        rf"|also on [\w .&'-]{{1,30}}|in case you missed it|ictmi|यह भी पढ़ें|ये भी पढ़ें)"
        rf"{_LINK_SEP}\S.*",
        40,
    ),
    ("related link", LINE, r"(?:continue reading|read full (?:story|article))\W*", 4),
    (
        "related stories",
        LIST,
        r"(?:related|related (?:stories|articles|news|posts|coverage|content|links?|reading"
        r"|information|questions|discussions|threads|organi[sz]ations|companies"
        r"|topics?|videos|story|[a-z]{3,20}s)|more (?:from|on|in|about) [\w .&'-]{1,40}"
        r"|(?:past|earlier|older|previous)(?: [\w-]+){0,2} (?:news|stories|bulletins|digests)"
        r"|(?:companies|people|organi[sz]ations) in this (?:article|story|report)"
        r"|explore (?:more|related)(?: (?:on|about))?(?: these| this)?"
        r" (?:topics?|stories|subjects?)|more on these topics|(?:also )?worth reading"
        r"|more (?:articles|posts|stories|pieces|columns|episodes) (?:by|from|of) [\w .&'’-]{1,40}"
        r"|(?:more|previous|recent|other|latest) episodes"
        r"|links? (?:mentioned|from (?:this|the) episode|in this episode)"
        r"|more (?:(?:web |photo |video )?stories|news|headlines|like this|to read|videos)"
        r"|trending(?: now| stories| news| topics| today| this week)?"
        r"|also read|read more|read next|read also|see also"
        r"|recommended(?: for you| stories| reading| articles| videos)?"
        r"|you (?:may|might) (?:also )?(?:like|be interested in|enjoy)"
        r"|most (?:read|popular|viewed|shared|commented)"
        r"(?: stories| articles| now| galleries| videos| photos)?"
        r"|popular (?:stories|now|news|articles|this week)|top (?:stories|news|headlines)"
        r"|latest (?:news|stories|headlines|videos)|editor's picks?|editors' picks?|don't miss"
        r"|in case you missed it|what to read next|further reading|also on [\w .&'-]{1,30}"
        r"|up next|watch next|next up|(?:ask a )?follow-up(?: questions)?|people also ask"
        r"|suggested (?:questions|follow-ups)"
        r"|other (?:news|stories|headlines|notifications|alerts) from [\w .&'-]{1,30})"
        r"(?: \(\d+\))?[\s:.>»›…|-]*",
        8,
    ),
    ("source list", SOURCES, r"(?:sources?|references|source links?)\s*:?", 2),
    ("contents list", LIST, r"(?:contents|table of contents|in this issue|index)\s*:?", 3),
    (
        "source summary",
        TO_END,
        r"(?:ai[- ]?generated |ai )?summary (?:is )?(?:based on|drawn from|compiled from) \d+ "
        r"(?:sources?|articles?|reports?|outlets?)\s*[.:]?",
        10,
    ),
    # advertisement markers
    (
        "advertisement",
        LINE,
        r"[\W_]*(?:advertisement|advertisment|advertising|advert|ads?|sponsored(?: (?:content"
        r"|post|story|stories|links?|article|by [\w .&'-]{1,40}))?|promoted(?: (?:content|stories"
        r"|links?|by [\w .&'-]{1,40}(?:\s*[·|]\s*.{1,80})?))?"
        r"|paid (?:content|post|partnership|promotion)"
        r"|partner content|(?:story|article|text|content) continues?(?: (?:below|after))?"
        r"(?: (?:this |the |an )?(?:ad|advertisement|advert|video))?|continue reading(?: below)?"
        r"|scroll (?:down )?(?:to|for) (?:continue|more)(?: reading)?|ad feedback"
        r"|report (?:this )?ad|skip (?:this )?ad|remove ads)"
        r"(?:\s*[-|:]\s*(?:scroll|continue|story|article)[\w ]{0,40})?[\W_]*",
        16,
    ),
    # newsletter, app, alert prompts
    (
        "newsletter prompt",
        LINE,
        r"(?:sign up|signup|subscribe|register|join|get|receive|don't miss(?: out)?\W+sign up)"
        r"\b.{0,120}\bnewsletters?\b.{0,80}",
        25,
    ),
    (
        "newsletter prompt",
        LINE,
        r"get (?:a |the |our |free )?(?:daily |weekly |morning |evening |free |latest )*"
        r"(?:e-?mails?|newsletters?|digest|briefing|alerts?|updates?|news alerts?|headlines)"
        r"(?: (?:with|on|about|for|from|in|delivered|straight)\b.*)?",
        20,
    ),
    ("newsletter prompt", LINE, r"to (?:get|receive) .{0,80}\b(?:sign up|subscribe)\b.*", 25),
    (
        "newsletter prompt",
        LINE,
        r"privacy notice\s*:\s*.{0,160}\bnewsletters?\b.*|(?:skip past|after) newsletter promotion",
        60,
    ),
    (
        "back issues",
        LINE,
        r"(?:back|past|previous|earlier|older) (?:issues|editions|newsletters)"
        r"(?:\s*[:|»›-]\s*.{0,200})?",
        30,
    ),
    (
        "app prompt",
        LINE,
        r"(?:download|get|install|try) (?:the|our)(?: free| new| official)? .{0,50}?\bapps?\b.*",
        20,
    ),
    ("app prompt", LINE, r"download (?:our|the|this|it|now|here)\b.*", 12),
    (
        "app prompt",
        LINE,
        r"(?:track|follow|watch|read|get|check|catch|listen|stay updated)\b.{0,80}\b"
        r"(?:on|in|via|with) (?:the|our) [\w .&'-]{1,40} app\s*[.!]?",
        20,
    ),
    (
        "app prompt",
        LINE,
        r"(?:available|get it|download it) on (?:the )?(?:app store|google play)\b.*",
        15,
    ),
    (
        "news prompt",
        LINE,
        r"(?:catch|get|read|follow|stay (?:updated|informed|tuned)(?: with| on| to)?|for)"
        r" (?:all )?(?:the )?latest(?: [\w,&-]+){0,6}? (?:news|updates|headlines|stories)\b"
        r".*\b(?:on|at|with|from|only on)\b.{1,60}",
        20,
    ),
    ("news prompt", LINE, r"(?:stay (?:updated|informed|tuned)) (?:with|on|to) .{1,60}", 12),
    # photo credits
    (
        "photo credit",
        LINE,
        r"[(\[]?(?:photo|photos|photograph|image|images|picture|pic|pics|file photo|file image"
        r"|file pic|file|illustration|graphic|graphics|video|representational image|representative"
        r" image|screengrab|screenshot|visual|caption|featured image|top image|lead image)"
        r"(?:\s*(?:credit|credits|courtesy|source))?(?:\s*[:|/]\s*|\s+-\s+|\s+by\s+).{1,120}",
        20,
    ),
    (
        "photo credit",
        LINE,
        r"[(\[]?(?:file photo|file image|file picture|file pic|file|representational"
        r" (?:image|photo|picture|pic)|representative (?:image|photo|picture|pic)|"
        r"(?:image|photo|picture|pic)(?: is)? (?:for|used for) representation(?:al)?(?: purposes?)?"
        r"(?: only)?|for representation(?:al)? purposes?(?: only)?|stock (?:photo|image)"
        r"|(?:photo|image|picture) (?:via|from|courtesy) .{1,60})[)\]]?\s*\.?",
        12,
    ),
    (
        "photo credit",
        LINE,
        r"[(\[]?(?:photo |image |picture )?(?:credits?|courtesy)\s*:.{1,100}",
        14,
    ),
    ("photo credit", LINE, r"[(\[]?(?:photo|image|picture|photograph) by .{1,80}", 12),
    # reading time, live labels
    (
        "reading time",
        LINE,
        r"(?:\d+|a|one|two|three|four|five|six|seven|eight|nine|ten)[- ]?"
        r"(?:min|mins|minute|minutes)(?:'s)?(?: read| reading| reading time| listen| watch)\s*\.?"
        r"|(?:estimated )?(?:reading|read) time\s*:?\s*\d+.*"
        r"|listen to (?:this|the) (?:article|story)\W*(?:\d+:\d+|\d+ min(?:ute)?s?)?\W*"
        r"|listen(?: \d+:\d+| \(\d+ min\))?",
        10,
    ),
    (
        "live label",
        LINE,
        r"\W*(?:live(?: updates?| blog| coverage| tv| now| streaming)?|breaking(?: news)?|just in"
        r"|developing(?: story)?|watch live)\W*",
        3,
    ),
    # cookie and paywall nags
    (
        "cookie notice",
        LINE,
        r"(?:we|this (?:web)?site|our (?:web)?site|this website|this page) (?:uses?|use)"
        r" cookies\b.*|by (?:continuing|using|browsing)(?: to (?:use|browse))? (?:this|our)"
        r" (?:site|website)\b.*",
        60,
    ),
    (
        "cookie notice",
        LINE,
        r"(?:accept|reject|allow|manage|customi[sz]e|decline)(?: all)?(?: cookies| cookie settings"
        r"| preferences| cookie preferences| settings)?(?:\s*(?:\||/|,|-|or|and)\s*(?:accept|reject"
        r"|allow|manage|customi[sz]e|decline)(?: all)?(?: cookies| cookie settings| preferences"
        r"| cookie preferences| settings)?)*",
        10,
    ),
    (
        "cookie notice",
        LINE,
        r"(?:cookie|cookies) (?:policy|settings|preferences|notice|consent|banner)"
        r"(?:\s*[|/•·:-]\s*[\w ]{1,30})*\s*[.!]?",
        6,
    ),
    (
        "site footer",
        LINE,
        r"(?:terms of (?:use|service)|terms (?:and|&) conditions|privacy policy|about us|contact us"
        r"|advertise with us|careers|sitemap|cookie policy|rss feeds?|terms|privacy)"
        r"(?:\s*[|/•·,-]\s*(?:terms of (?:use|service)|terms (?:and|&) conditions|privacy policy"
        r"|about us|contact us|advertise with us|careers|sitemap|cookie policy|rss feeds?"
        r"|terms|privacy))+"
        r"|privacy policy|terms of (?:use|service)",
        20,
    ),
    (
        "paywall",
        LINE,
        r"subscribe(?: now| today| here)?\s*[.!]?|subscribe (?:to|for|from|and|now|today) .{0,100}"
        r"|subscribe\s*\|.{0,100}"
        r"|subscribers? only|premium (?:content|story|article|subscribers? only)"
        r"|already (?:a )?(?:subscriber|member)\?.*|already have an account\?.*"
        r"|(?:sign|log) in to (?:continue|read|keep reading|access|unlock)\b.*"
        r"|(?:to )?continue reading,? (?:subscribe|sign in|log in|register)\b.*"
        r"|you(?: have|'ve) (?:reached|used)\b.*\b(?:limit|free (?:articles|stories))\b.*"
        r"|this (?:article|story|content) is (?:for|only for|available (?:only )?to|exclusive to)"
        r" (?:subscribers|members|premium)\b.*|unlock (?:this|unlimited|full|premium)\b.*"
        r"|become a (?:member|subscriber|supporter)(?: today| now)?\s*[.!]?"
        r"|support (?:our|independent|quality) journalism\b.*"
        r"|start (?:your )?(?:free )?trial\b.*|get (?:unlimited|full|premium) access\b.*"
        r"|this is a premium (?:article|story)\b.*",
        25,
    ),
    # copyright and disclaimers
    (
        "copyright footer",
        LINE,
        r"(?:copyright\s*(?:©|\(c\))?\s*\d{4}|copyright\s*(?:©|\(c\))|©|\(c\)\s*\d{4}).{0,160}",
        25,
    ),
    (
        "disclaimer",
        LINE,
        r"[(\[]?disclaimer\s*(?:[:|-].*)?"
        r"|(?:forward-looking|cautionary) statements?\s*:\s+\S.*"
        r"|(?:the |any )?forward-looking statements (?:in|contained in|made in) (?:this|these)"
        r" \w+ .{0,160}\b(?:risks?|uncertainties)\b.*"
        r"|[(\[]?the views (?:and opinions )?expressed\b.*"
        r"\b(?:author|writer|contributor|speaker)s?\b.*"
        r"|(?:this|the) (?:statement|summary|report|paper|commentary) reflects the views of"
        r" (?:the )?(?:co-?chairs?|authors?|speakers?|participants)\b.*"
        r"|(?:the (?:dialogue|meeting|discussion|workshop|exercise|roundtable|round table|event)"
        r" (?:was|is) )?held under the chatham house rule(?:\. (?!.*\d).{0,200}|\.)?"
        r"|this is a work of (?:satire|fiction|parody)(?:[.;] .{0,200}|\.)?"
        r"|[(\[]?(?:the )?(?:views|opinions) expressed\b.{0,160}\b(?:do|does) not necessarily"
        r" (?:reflect|represent)\b.*"
        r"|(?:the )?information (?:in|contained in) (?:(?:this|these|the|our) )?(?:news )?releases?"
        r" is (?:current|accurate) as (?:of|at) the date of (?:publication|release|issue)\b.*"
        r"|[(\[]?(?:this|the) (?:story|article|report|content|copy) (?:has not been|was not|is not)"
        r" edited by\b.*"
        r"|[(\[]?(?:this|the) (?:story|article|report|content) (?:is|was|has been) "
        r"(?:auto-?generated|published) from (?:a )?(?:syndicated|wire|agency) feed\b.*"
        r"|(?:important )?disclosures?\s*:.*|analyst certification\s*:.*",
        150,
    ),
    (
        "feedback prompt",
        LINE,
        r"report (?:an?|this) (?:issue|error|problem|typo|correction|inaccuracy)"
        r"(?: (?:with|in|on) (?:this|the) (?:summary|article|story|report|page))?\s*[.!]?"
        r"|(?:spotted|found|see|notice|noticed) (?:an?|any) (?:error|typo|mistake|inaccuracy)"
        r"(?: in this (?:article|story|summary))?\?.*"
        r"|(?:have|got) a (?:news |story )?tip\?.*|send us (?:your )?(?:news )?tips?\b.*"
        r"|(?:was|is|did you find) this (?:article|story|page|alert|answer|post|newsletter|summary)"
        r"(?: (?:useful|helpful))?\??\s*(?:yes\W+no\W*)?",
        15,
    ),
    (
        "agency trailer",
        LINE,
        r"sources?\s*(?::|-|by)?\s*(?:by )?"
        r"(?:agencies|agency|news agencies|wires|wire services)\s*\.?"
        r"|[(\[]?with inputs from (?:agencies|agency|wires|news agencies|[\w ,&]{1,40})"
        r"[)\]]?\s*\.?",
        10,
    ),
    (
        "tags",
        LINE,
        r"(?:tags|tagged|tagged with|filed under|topics|categories|keywords|(?:related )?sdgs?)"
        r"\s*:.{0,300}",
        40,
    ),
    ("link prompt", LINE, r"(?:click|tap) here\b.*", 25),
]

# Rules that look inside a short line, whatever its first word.
_INSIDE: list[tuple[str, str, int]] = [
    ("copyright footer", r"\ball rights reserved\b", 20),
    ("copyright footer", r"©\s*(?:\d{4}\s*)?[a-z][\w&.,'’ -]{1,60}$", 25),
    (
        "follow prompt",
        r"\b(?:is|are) (?:now )?on (?:whatsapp|telegram)\b.*\b(?:join|follow|subscribe)\b"
        r"|\b(?:join|follow|subscribe to) (?:us|our) (?:\w+ ){0,3}?(?:whatsapp|telegram)"
        r"(?: (?:channel|group|community))?\b",
        20,
    ),
    ("app prompt", r"\bdownload (?:now|the app|our app|the \w+ app)\W*$", 20),
    (
        "paywall",
        r"\bjournalism is (?:supported|funded|made possible|paid for) by (?:our )?"
        r"(?:readers|subscribers|you)\b|\bsubscribe (?:from|for just|for only|now for) \S*\d"
        r"|\bad-free reading\b",
        20,
    ),
]

_HEAD = re.compile(r"[^\w©]*([\w©]+)")
_LEADING_ARROW = re.compile(r"^[▶►▸→➜]\s*")
"""An arrow before a link ("▶ Related: …") is not part of what the rules match."""


@functools.cache
def _build() -> tuple[dict[str, list[Rule]], list[Rule]]:
    """The compiled rules, built on the first :func:`classify` rather than at import."""
    by_head: dict[str, list[Rule]] = {}
    for name, kind, pattern, max_words in _RULES:
        rule = Rule(name, kind, re.compile(pattern), max_words)
        for head in RULE_HEADS[name].split():
            by_head.setdefault(head, []).append(rule)
    for name, kind, pattern, max_words, heads in PUBLISHER_RULES:
        rule = Rule(name, kind, re.compile(pattern), max_words)
        for head in heads.split():
            by_head.setdefault(head, []).append(rule)
    inside = [Rule(name, LINE, re.compile(pattern), words) for name, pattern, words in _INSIDE]
    return by_head, inside


_INSIDE_MAX_WORDS = max(words for _, _, words in _INSIDE)
_INSIDE_HINTS = (
    "rights reserved",
    "whatsapp",
    "telegram",
    "journalism",
    "subscribe",
    "ad-free",
    "download",
    "©",
)
"""Words one of the inside rules needs: lines without any skip those rules."""


def head_word(line: str) -> str:
    """The first word of a line, casefolded; ``#`` for a number."""
    found = _HEAD.match(line)
    if found is None:
        return ""
    head = found.group(1)
    if head[0].isdigit():
        return "#"
    if not head.isascii():
        head = unicodedata.normalize("NFKC", head)
    return head.casefold()


def classify(line: str, words: int | None = None) -> Rule | None:
    """The rule a stripped, space-collapsed line matches as a whole, or ``None``. A wiki
    page's section heading is read without its "[edit]" mark ("References[edit]"), a
    text browser's line without its link markers ("* [14]WhatsApp",
    :mod:`~aggregator.toolkit.link_marks`) and a link's "(Opens in new window)", a
    footnote without its mark ("* Information in news releases is current …", "*Terms
    and conditions apply.")."""
    if line.endswith(_EDIT_MARK) and len(line) > len(_EDIT_MARK):
        line = line[: -len(_EDIT_MARK)].rstrip()
        words = None
    elif (link := without_window_note(line)) is not None:
        line, words = link, None
    found = _classify(line, word_count(line) if words is None else words)
    if found is None and (bare := without_link_marks(line)) is not None:
        rule = classify(bare)
        return None if rule is None else _shape_rule(f"{rule.name}, behind link markers", rule.kind)
    if found is None and line[:1] in _NOTE_MARKS and (line[1:2] == " " or line[1:2].isalpha()):
        note = line[1:].lstrip()
        return _classify(note, word_count(note))  # "* The views expressed are …", "*Fares …"
    return found


_EDIT_MARK = "[edit]"
_NOTE_MARKS = frozenset("*※†")
"""Marks before a footnote at a page's foot, read without them."""


CLASSIFIED_LINES = 8192
"""Lines whose rule :func:`classify` remembers. A line is often asked about again: an
item's summary is its lead, a cleaner looks ahead of a footer, and an outlet's
furniture recurs in document after document (half the lines of a run, measured)."""


@functools.lru_cache(maxsize=CLASSIFIED_LINES)
def _classify(line: str, words: int) -> Rule | None:
    by_head, inside_rules = _build()
    rules = by_head.get(head_word(line))
    inside = words <= _INSIDE_MAX_WORDS and holds_any(line.lower(), _INSIDE_HINTS)
    if rules is None and not inside:
        return _shape(line, words)  # the cheap path most article lines take
    form = _LEADING_ARROW.sub("", match_form(line))
    if rules is not None:
        for rule in rules:
            if words > rule.max_words or not rule.pattern.fullmatch(form):
                continue
            if (
                rule.kind in _HEADINGS
                and rule.name not in _SENTENCE_FOOTERS
                and ends_like_sentence(line)
            ):
                continue  # "More from the talks will follow." is prose, not a heading
            return rule
    if inside and not _REPORTED.search(form):
        for rule in inside_rules:
            if words <= rule.max_words and rule.pattern.search(form):
                return rule
    return _shape(line, words)


_NO_PATTERN = re.compile("")


@functools.lru_cache(maxsize=256)
def _shape_rule(name: str, kind: str) -> Rule:
    return Rule(name, kind, _NO_PATTERN)


def _shape(line: str, words: int) -> Rule | None:
    """The rule of a line that is furniture by its shape (menus, contact lines, dividers…)."""
    found = shape_rule(line, words)
    return None if found is None else _shape_rule(*found)


_HEADINGS = frozenset({LIST, SOURCES, COMMENTS, FOOTER, BACK_MATTER})
_SENTENCE_FOOTERS = frozenset({"e-mail notice", "newsletter footer"})
"""Footer markers that are sentences ("Please do not reply."): a sentence does not excuse them."""
_REPORTED = re.compile(r"[\"“”]|\b(?:said|says|told|according to)\b")
"""Reported speech: a line quoting someone is article text, whatever phrase it contains."""
