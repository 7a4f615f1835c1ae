"""Cross-border links: one side's people, goods, firms or money moving to, made for,
working in or sold in the other side's territory.

"More than 200 care workers from India have arrived in Japan", "a Japanese-made train made
its first test run in India", "Indian nationals who have travelled to Japan": no word of
interaction links an actor of each side, so :func:`~aggregator.toolkit.dealings.states_dealing`
finds no dealing, yet the clause is about what passes between the two. A clause links the
sides across the border when it holds a word of movement or presence ("arrived",
"shipped", "works", "operations") and names both sides, one of them in a role of origin
("from India", "Japanese-made"), of place ("to Japan", "in India") or of market ("for the
Japanese market"), the other in another role: one of those, the subject of a verb of
movement ("India shipped … to Japan") or the qualifier of a noun ("Indian nationals",
"Japan's ministry"). Two sides in the same role ("India in blue, Japan in white"), listed
together ("Indian and Japanese buyers") or beside a third party that may share the link
("Singapore and Japanese firms put money into India") are no link, and "Japanese-style" is
an imitation, not an origin. A third party framed after a comma once the clause has named
both sides is where the link stands, as a dealing's frame is ("Japanese firms put $2.9
billion into India, making Japan the fifth-largest source behind Singapore"). A clause
set in the past by its own words, a year before 1950, a past century or a named era ("bought
Japanese prints in the 1920s from dealers in Bombay", "a Japanese buyer travelling in India
in the Meiji era"), is history: a collector's or a merchant's story, not a link of the sides
today.
"""

from __future__ import annotations

import re

from aggregator.toolkit.clause_subjects import clauses
from aggregator.toolkit.dealings import FRAMING, Sentence

ORIGIN_BEFORE = re.compile(
    r"\b(?:from|(?:made|produced|grown|manufactured|harvested|caught|sourced)\s+in)\s+"
    r"(?:the\s+)?(?:[A-Z][\w'’-]*,?\s+){0,2}$"
)
"""Before a side's term, the origin of what moves: "from India", "from Sriharikota, India",
"mangoes grown in India"."""
NOT_NOUNS = (
    r"a|an|the|and|or|but|nor|of|in|on|at|to|into|from|for|with|by|as|than|that|which|who"
    r"|is|are|was|were|be|been|has|have|had|will|would|can|could|may|might|must|shall|should"
    r"|do|does|did|not|said|says|say|also|still|now|then|there|here|its|their|his|her"
)
"""Words after a side's term that show it qualifies no noun: "India in blue", "India said"."""
STYLE_AFTER = re.compile(r"[-–]\s?style\b")
"""After a side's term, an imitation rather than an origin: "Japanese-style curry"."""
MADE_AFTER = re.compile(
    r"[-–]\s?(?:made|built|designed|developed|manufactured|produced|grown|owned|trained)\b"
)
"""After a side's term, the origin of what was made: "Japanese-made", "Indian-built"."""
PLACE_BEFORE = re.compile(
    r"(?<!embassy )(?<!consulate )(?<!commission )(?<!mission )(?<!office )"
    r"\b(?:to|into|in|inside|across|throughout)\s+(?:the\s+)?"
    r"(?:(?:north|south|east|west|central|northern|southern|eastern|western)\w*\s+)?$",
    re.IGNORECASE,
)
"""Before a side's term, a destination or location: "to Japan", "in central Tokyo"."""
ENTERED_BEFORE = re.compile(r"\benter(?:s|ed|ing)?\s+(?:the\s+)?$", re.IGNORECASE)
"""Before a side's term, a verb of entering that makes it the destination, its possessive
too: "enter Japan's care sector" is to go into Japan."""
MARKET_AFTER = re.compile(r"(?:['’]s)?\s+markets?\b")
"""After a side's term, its market as a destination: "for the Japanese market"."""
PREMIERE_TIMES = r"(?:days?|weekends?|weeks?|nights?|shows?|collections?)\b"
"""After "opening", the time of a film's or a show's first run, not a verb of opening
something: "collected ₹14 crore in India over its opening weekend" is a box office figure,
where "opening a plant in India" is a firm present across the border."""
MOVEMENT = re.compile(
    r"\b(?:arriv\w*|travel\w*|came|come|comes|coming|gone|went|moved?|moving"
    r"|sen[dt]\w*|ship(?:s|ped|ping|ments?)?|export\w*|import\w*|sell\w*|sold|deliver\w*"
    r"|brought|bring\w*|fl(?:y|ies|ew|own)|work(?:s|ed|ing)?|stud(?:y|ies|ied|ying)|teach\w*"
    r"|taught|perform\w*|open(?:s|ed)?|opening(?!\s+" + PREMIERE_TIMES + r")"
    r"|establish\w*|set\s+up|sets\s+up|build\w*|built|made|makes?|making|manufactur\w*"
    r"|produc(?:e|es|ed|ing|tion)|run(?:s|ning)?|test(?:s|ed|ing)?|enter(?:s|ed|ing)?"
    r"|operat\w*|based|base|deploy\w*|berth\w*|dock\w*|repair\w*|relocat\w*|post(?:ed|ing)"
    r"|recruit\w*|hire[ds]?|hiring|employ\w*|put(?:s|ting)?|held|host\w*|launch\w*"
    r"|returned|returning|reach\w*|operations|depart\w*|set(?:s|ting)?\s+off|le(?:ave|aves|aving|ft)"
    r"\s+for)\b"
)
"""Verbs and nouns of movement and presence: what passes, or who is present, across."""
HISTORY = re.compile(
    r"(?<!since )(?<!since the )\b(?:1[0-8]\d\d|19[0-4]\d)s?\b"
    r"|\b(?:(?:1\d|[2-9])(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|eighth"
    r"|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth"
    r"|eighteenth|nineteenth)[-\s]centur(?:y|ies)\b"
    r"|\b(?-i:(?!(?:The|This|That|Its|Their|Our|New|An|A)\s)[A-Z][a-z]+)\s+era\b",
    re.IGNORECASE,
)
"""Words that set a clause in the past: a year before 1950 (not one a span starts from, "since
1947"), a century before the twentieth, or a named era ("the Meiji era")."""
TERM_END = re.compile(r"[^\W_]+(?:\s[A-Z][^\W_]*)*")
"""A side's term from its start: its words, without what a hyphen or "'s" adds."""
MOVER_AFTER = re.compile(
    r"\s+(?:(?:has|have|had|is|are|was|were|will|would)\s+(?:been\s+)?)?(?:"
    + MOVEMENT.pattern
    + ")"
)
"""After a side's term, a verb of movement it is the subject of: "India shipped", "Japan will
send"."""
QUALIFIED_NAME = re.compile(
    r"(?:['’]s|[-–]based|\s+based)\s+[A-Z][\w&'’.-]*(?:\s+[A-Z][\w&'’.-]*)*"
    r"|\s+(?:of|from)\s+[A-Z][\w&'’.-]*(?:\s+[A-Z][\w&'’.-]*)*|,[^,;()]{1,60},"
)
"""After a body of a side, what may stand between it and its verb: the name a place acting
as a body qualifies ("Pune-based Lumen Farms"), the body's home ("Lumen Farms of Pune") or
an apposition ("Lumen Farms, a Pune start-up,")."""
MODIFIER_AFTER = re.compile(r"(?:['’]s\s+|\s+(?=[a-z])(?!(?:" + NOT_NOUNS + r")\b))")
"""After a side's term, what makes it qualify a noun: "Japan's ministry", "Indian nationals"."""


def _role(text: str, start: int, end: int, label: str, body: bool = False) -> str:
    """The role the side's term at ``start``:``end`` of ``text`` plays: "origin" ("from
    India"), "market" ("the Japanese market"), "place" ("in Japan"), "subject" of a verb of
    movement (the country by its name or a ``body`` acting for it: "India shipped", "Pune-based
    Lumen Farms has opened", not "Indians are travelling"),
    "modifier" of a noun ("Indian nationals", "Japan's ministry"; the country's own name
    only as a possessive, since "India came" is a verb's subject) or ""."""
    before = text[max(0, start - 40) : start]
    if STYLE_AFTER.match(text, end):
        return ""
    if ENTERED_BEFORE.search(before):
        return "place"
    if text.startswith(("'s", "’s"), end):
        return "modifier"
    if ORIGIN_BEFORE.search(before) or MADE_AFTER.match(text, end):
        return "origin"
    if MARKET_AFTER.match(text, end):
        return "market"
    if PLACE_BEFORE.search(before):
        return "place"
    if body:
        qualified = QUALIFIED_NAME.match(text, end)
        if MOVER_AFTER.match(text, qualified.end() if qualified else end):
            return "subject"
    if text[start:end] == label and MOVER_AFTER.match(text, end):
        return "subject"
    modifier = MODIFIER_AFTER.match(text, end)
    if modifier and (text[start:end] != label or modifier.group(0)[0] in "'’"):
        return "modifier"
    return ""


def crosses_border(sentence: Sentence) -> bool:
    """Whether one clause of the sentence links the two sides across the border (see the
    module's docstring). Meant for a sentence that names both sides and states no dealing."""
    if any(sentence.listed):
        return False
    text, origin = sentence.text, sentence.start
    if not MOVEMENT.search(text):
        return False
    mentions = sorted({*sentence.side_offsets, *sentence.place_offsets})
    bodies = set(sentence.body_offsets)
    for start, end in clauses(sentence):
        inside = [(offset, label) for offset, label in mentions if start <= offset < end]
        if len({label for _, label in inside}) < 2:
            continue
        if not MOVEMENT.search(text, start - origin, end - origin) or HISTORY.search(
            text, start - origin, end - origin
        ):
            continue
        roles = []
        for offset, label in inside:
            word = TERM_END.match(text, offset - origin)
            term_end = word.end() if word else 0
            roles.append((label, _role(text, offset - origin, term_end, label, offset in bodies)))
        firsts: dict[str, int] = {}
        for offset, label in inside:
            firsts.setdefault(label, offset)
        if _third_party_in_it(sentence, max(firsts.values())):
            continue
        for label, role in roles:
            if role not in ("origin", "place", "market"):
                continue
            if any(other != label and their and their != role for other, their in roles):
                return True
    return False


def _third_party_in_it(sentence: Sentence, complete: int) -> bool:
    """Whether a third party of the sentence may be part of a link complete at ``complete``
    (where its clause has named both sides): named before it ("Singapore and Japan put
    money into India"), or after it with no comma or subordinating conjunction between
    ("into India through Singapore"). One framed after a comma is where the link stands
    ("Japanese firms put $3 billion into India, fifth behind Singapore and Mauritius"), as a
    dealing's frame is (:func:`aggregator.toolkit.dealings.states_dealing`)."""
    text, origin = sentence.text, sentence.start
    return any(
        offset <= complete or not FRAMING.search(text, complete - origin, offset - origin)
        for offset in sentence.third_offsets
    )
