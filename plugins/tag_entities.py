"""Tag items with the people, organisations, places and events they name, in canonical form.

Known names come from a gazetteer in feeds.toml (``[plugins.tag_entities]``
tables ``people``, ``organisations``, ``places`` and ``events``: canonical
name = [aliases]), so "PM Modi", "Modi" and "Narendra Modi" are one person.
Names not in it are detected from capitalised runs and classified by their
context: a title before a name ("Minister", "Ambassador") makes a person,
words such as "Ministry", "Agency", "Bank" an organisation, "Summit",
"Exercise", "Conference" an event, "Sea", "Prefecture", "Port" a place. An
acronym introduced as "Japan International Cooperation Agency (JICA)" and
a bare surname after a full name are resolved to the same entity.
"""

from __future__ import annotations

import functools
import itertools
import re
from bisect import bisect_left
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

from aggregator import Config, ConfigError, Entity, Item, Option, StashKey, hookimpl
from aggregator.toolkit.terms import Term, TermMatcher

NAME = "tag_entities"
KINDS = {"people": "person", "organisations": "organisation", "places": "place", "events": "event"}
SCHEMA = {
    **{table: Option(dict, {}, help="canonical name = [aliases]") for table in KINDS},
    "detect_unknown": Option(bool, True, help="also find names that are not in the gazetteer"),
    "min_mentions": Option(int, 1, help="mentions an unknown name needs to be kept"),
}

CONNECTORS = {"of", "and", "for", "the", "on", "de", "in", "&"}
NAME_TOKEN = r"(?:[A-Z][a-z]+(?:['’-][A-Za-z]+)*|[A-Z]{2,}[a-z]?|[A-Z]\.)"
FIRST_NAME_TOKEN = r"[A-Z](?:[a-z]+(?:['’-][A-Za-z]+)*|[A-Z]+[a-z]?|\.)"
"""``NAME_TOKEN`` with the capital its alternatives all begin with taken out in front: the
same alternatives tried in the same order, and a pattern that begins with a character
set, which the engine looks for in a fast loop in C before it tries anything else."""
CANDIDATE = re.compile(
    rf"{FIRST_NAME_TOKEN}(?:\s+(?:(?:of|and|for|the|on|de|in|&)\s+)?{NAME_TOKEN}){{0,5}}"
)
ACRONYM_IN_PARENS = re.compile(r"\s+\(([A-Z][A-Za-z&]{1,9})\)")
EXPANSION_BEFORE = re.compile(
    rf"{NAME_TOKEN}(?:\s+(?:(?:of|and|for|the|on|in|&)\s+)?{NAME_TOKEN}){{1,7}}$"
)
EXPANSION_REACH = 400
TITLES = re.compile(
    r"(?:Prime Minister|Minister|President|Ambassador(?:-designate)?|Mr\.?|Ms\.?|Mrs\.?|Dr\.?|"
    r"EAM|PM|Secretary|Chief|Governor|Chancellor|General|Admiral|Director|CEO|Chairman|"
    r"Chairperson|Spokesperson|spokesperson|Commissioner|Envoy|envoy|Deputy|Speaker|"
    r"Senator|MP|Vice[- ]Admiral|Rear Admiral|Captain|Commander|Colonel|Lieutenant)"
    r"(?:\s+(?:of|for)\s+[A-Z][\w ]+?)?\s*,?\s*$"
)
ORG_WORDS = {
    "Ministry", "Agency", "Corporation", "Bank", "Council", "Organisation", "Organization",
    "University", "Institute", "Company", "Ltd", "Limited", "Inc", "Association", "Federation",
    "Chamber", "Party", "Force", "Forces", "Navy", "Army", "Guard", "Department", "Commission",
    "Committee", "Authority", "Board", "Group", "Industries", "Motors", "Fund", "Office",
    "Embassy", "Cabinet", "Parliament", "Diet", "Secretariat", "Services", "Airlines",
    "Railways", "Bureau", "Foundation", "Centre", "Center", "Consulate", "Holdings", "Trust",
    "Mission", "Coalition", "Alliance", "Network", "Society", "Club", "Union",
}  # fmt: skip
EVENT_WORDS = {
    "Summit", "Conference", "Dialogue", "Exercise", "Games", "Expo", "Olympics", "Meeting",
    "Festival", "Championship", "Cup", "Talks", "Week", "Forum", "Ministerial", "Session",
}  # fmt: skip
PLACE_WORDS = {
    "Sea", "Ocean", "River", "Island", "Islands", "Strait", "Bay", "Gulf", "Mountains",
    "Valley", "State", "Province", "Prefecture", "City", "District", "Port", "Airport",
    "Station", "Lake", "Desert", "Coast", "Peninsula", "Region", "Pradesh", "Nadu",
}  # fmt: skip
NOT_NAMES = {
    "The", "A", "An", "In", "On", "At", "For", "And", "But", "Or", "It", "This", "That", "These",
    "Those", "He", "She", "They", "We", "I", "His", "Her", "Their", "Our", "Its", "As", "After",
    "Before", "While", "With", "From", "By", "To", "Of", "If", "When", "Both", "Also", "Some",
    "Officials", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep",
    "Sept", "Oct", "Nov", "Dec", "According", "Earlier", "Later", "However", "Meanwhile",
    "Under", "Over", "During", "Share", "Read", "Photo", "Updated", "Published", "Key", "Points",
    "Prime", "Minister", "President", "Ambassador", "Mr", "Ms", "Mrs", "Dr", "PM", "EAM",
    "Chief", "Secretary", "Speaking", "Addressing", "Following", "Reader", "Comments", "Leave",
}  # fmt: skip
NOT_SINGLE_NAMES = NOT_NAMES | {
    "".join(letters)
    for connector in CONNECTORS
    if connector.isalpha()
    for letters in itertools.product(*({letter, letter.upper()} for letter in connector))
}
"""A one-word candidate that is no name: a sentence word, or a connector as
:func:`_trim` compares it (lower-cased). A candidate is ASCII letters here, and the
connectors' spellings in any case are all the words whose lower case is a connector."""


@dataclass
class Gazetteer:
    """The known names of one project, and how to treat names that are not among them."""

    matcher: TermMatcher | None
    kinds: dict[str, str] = field(default_factory=dict)
    detect_unknown: bool = True
    min_mentions: int = 1


GAZETTEER = StashKey[Gazetteer]()
"""This plugin's settings in ``config.stash``."""


@hookimpl
def aggregator_configure(config: Config) -> None:
    options = config.plugin_options(NAME, SCHEMA)
    terms: list[Term] = []
    kinds: dict[str, str] = {}
    for table, kind in KINDS.items():
        for canonical, aliases in options[table].items():
            key = f"plugins.{NAME}.{table}.{canonical}"
            if not isinstance(aliases, list) or not all(isinstance(a, str) for a in aliases):
                raise ConfigError(config.path, key, "expected a list of aliases (strings)")
            kinds[canonical] = kind
            terms.extend(Term(text, canonical) for text in [canonical, *aliases])
    config.stash[GAZETTEER] = Gazetteer(
        matcher=TermMatcher(terms) if terms else None,
        kinds=kinds,
        detect_unknown=options["detect_unknown"],
        min_mentions=options["min_mentions"],
    )


ROLE_WORDS = {
    "Minister", "President", "Ambassador", "Secretary", "Spokesperson", "Chief", "Governor",
    "Envoy", "Director", "Chairman", "Officer", "Adviser", "Advisor", "Counsellor",
}  # fmt: skip


def classify(name: str, before: str) -> str | None:
    """The kind of an unknown name from its own words and the words before it.

    "role" marks a title such as "External Affairs Minister", which is not a name.
    """
    kind, person_shaped = _kind_by_words(name)
    if kind is not None:
        return kind
    if person_shaped or TITLES.search(before):
        return "person"
    return None


NAMES_REMEMBERED = 4096
"""Names whose own words' verdict :func:`_kind_by_words` keeps: the same unknown names
recur in an item and across items, and only the words before them change."""


@functools.lru_cache(maxsize=NAMES_REMEMBERED)
def _kind_by_words(name: str) -> tuple[str | None, bool]:
    """What a name's own words make it (see :func:`classify`), and whether they are
    shaped as a person's name (two or three capitalised words)."""
    words = name.replace("&", " ").split()
    if words[-1] in ROLE_WORDS:
        return "role", False
    distinct = set(words)
    if not distinct.isdisjoint(ORG_WORDS) or words[0] in {"Ministry", "Department", "Bank"}:
        return "organisation", False
    if not distinct.isdisjoint(EVENT_WORDS):
        return "event", False
    if not distinct.isdisjoint(PLACE_WORDS):
        return "place", False
    shaped = 2 <= len(words) <= 3 and all(w[:1].isupper() and w[1:].islower() for w in words)
    return None, shaped


def _trim(name: str) -> str:
    """The name without the sentence words and connectors around it; its first word, if
    any is left, is neither, so what is left is always a candidate name."""
    words = name.split()
    while words and (words[0] in NOT_NAMES or words[0].lower() in CONNECTORS):
        words.pop(0)
    while words and words[-1].lower() in CONNECTORS:
        words.pop()
    return " ".join(words)


Mentions = dict[str, dict[str, int]]
"""How often each surface form names each entity: plain dicts, not Counters, since an
item makes one per name and a Counter costs a Python call to make."""


def _mention(mentions: Mentions, name: str, surface: str, times: int = 1) -> None:
    counts = mentions.get(name)
    if counts is None:
        counts = mentions[name] = {}
    counts[surface] = counts.get(surface, 0) + times


def find_entities(texts: str | Sequence[str], gazetteer: Gazetteer) -> list[Entity]:
    """Entities in one text, or in several parts of one item (its title and its text)."""
    mentions: Mentions = {}
    kinds: dict[str, str] = {}
    known: set[str] = set()
    for text in [texts] if isinstance(texts, str) else texts:
        covered: list[tuple[int, int]] = []
        if gazetteer.matcher is not None:
            for match in gazetteer.matcher.finditer(text):
                canonical = match.term.label
                _mention(mentions, canonical, match.surface)
                kinds[canonical] = gazetteer.kinds[canonical]
                known.add(canonical)
                covered.append((match.start, match.end))
        if gazetteer.detect_unknown:
            _detect_unknown(text, covered, mentions, kinds, gazetteer)
    entities = []
    for name, counts in mentions.items():
        count = sum(counts.values())
        if name in known or count >= gazetteer.min_mentions:
            surfaces = (
                list(counts)
                if len(counts) == 1
                else sorted(counts, key=lambda surface: (-counts[surface], surface))
            )
            entities.append(Entity(name, kinds[name], surfaces, count, name in known))
    return sorted(entities, key=lambda entity: (-entity.count, entity.kind, entity.name))


def _detect_unknown(
    text: str,
    covered: list[tuple[int, int]],
    mentions: Mentions,
    kinds: dict[str, str],
    gazetteer: Gazetteer,
) -> None:
    aliases: dict[str, str] = {}
    for raw_expansion, acronym in _acronyms(text):
        expansion = _trim(raw_expansion)
        initials = "".join(word[0] for word in expansion.split() if word[0].isupper())
        if expansion and acronym.upper() == initials and classify(expansion, "") != "role":
            aliases[acronym] = expansion
            kind = classify(expansion, "")
            kinds.setdefault(expansion, kind if kind in ("event", "place") else "organisation")

    covered_starts = [c_start for c_start, _ in covered]
    surnames: dict[str, str] = {}
    for name, kind in kinds.items():
        if kind == "person" and " " in name:
            _add_name_parts(surnames, name)
    pending_single: list[str] = []
    for match in CANDIDATE.finditer(text):
        start, end = match.span()
        if covered:  # sorted and disjoint: the one that starts last before the end overlaps
            before = bisect_left(covered_starts, end) - 1
            if before >= 0 and covered[before][1] > start:
                continue
        name = match.group(0)
        if name.isalpha():  # one word: "The", "Modi", "JICA" (what _trim would make of it)
            if name in NOT_SINGLE_NAMES:
                continue
        else:
            name = _trim(name)
            if not name:
                continue
        if name in aliases:
            _mention(mentions, aliases[name], name)
            continue
        if " " not in name:
            pending_single.append(name)
            continue
        kind = kinds.get(name) or classify(name, text[max(0, start - 40) : start])
        if kind is None or kind == "role":
            continue
        kinds[name] = kind
        _mention(mentions, name, name)
        if kind == "person":
            _add_name_parts(surnames, name)
    acronyms: dict[str, int] = {}
    for name in pending_single:
        full = surnames.get(name)
        if full is not None:
            _mention(mentions, full, name)
        elif name.isupper() and 3 <= len(name) <= 8 and name not in NOT_NAMES:
            acronyms[name] = acronyms.get(name, 0) + 1
    for name, count in acronyms.items():
        if count >= 2:
            kinds.setdefault(name, "organisation")
            _mention(mentions, name, name, count)


def _acronyms(text: str) -> Iterator[tuple[str, str]]:
    """Each "(ABC)" with the capitalised words before it: "Japan International Cooperation
    Agency (JICA)". Found from the parenthesis backwards, which is far cheaper than trying
    every capitalised run of the text as the start of an expansion."""
    if "(" not in text:
        return  # most texts; the pattern would otherwise be tried at every space
    for paren in ACRONYM_IN_PARENS.finditer(text):
        end = paren.start()
        start = max(0, end - EXPANSION_REACH)
        found = EXPANSION_BEFORE.search(text, start, end)
        if found is not None and found.start() == start and start > 0:
            found = EXPANSION_BEFORE.search(text, 0, end)
        if found is not None:
            yield found.group(0), paren.group(1)


def _add_name_parts(parts: dict[str, str], name: str) -> None:
    """A bare family name refers to the full name; it may come last ("Narendra Modi")
    or first ("Tanaka Hiroshi", Japanese order)."""
    words = name.split()
    parts.setdefault(words[-1], name)
    parts.setdefault(words[0], name)


@hookimpl
def aggregator_tag_item(item: Item, config: Config) -> None:
    gazetteer = config.stash[GAZETTEER]
    if gazetteer.matcher is None and not gazetteer.detect_unknown:
        return
    found = find_entities([part for part in (item.title, item.text) if part], gazetteer)
    existing = {(entity.kind, entity.name) for entity in item.entities}
    item.entities.extend(e for e in found if (e.kind, e.name) not in existing)
