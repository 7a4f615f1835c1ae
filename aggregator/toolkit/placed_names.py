"""Names a text itself puts on one side: "Tokyo-based Harbor Capital", "Lumen Farms, the
Pune start-up", "Kato Engines of Japan", "Orchid Ventures, headquartered in Chennai", "the
Osaka company Hanshin Seiki", "Hoshimi Space (Chuo-ku, Tokyo)", "Tokai Brake Industries
Co., Ltd., Japan".

The vocabulary knows countries, cities, ministries and a few names; the firms, funds and
bodies of a story are mostly new, and the text says where each belongs once, usually
where it is first named. Such a name then acts for that side wherever the text names it
again, by its full name or, when it has several words, by its first word alone ("Harbor"
for "Harbor Capital") unless that word is also an ordinary word of the text. A place the
vocabulary knows by its name and an institution ("Mie Prefecture") is the same place when
the text drops the institution ("the Governor of Mie").
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator

from aggregator.toolkit.terms import Match, Term, TermMatcher

NAME = r"(?P<name>[A-Z][\w&'’.-]*(?:[ ]+(?:&[ ]+)?[A-Z][\w&'’.-]*){0,4})"
"""A run of capitalised words: a proper name."""
BASED = r"(?:[-–]|\s+)(?:based|headquartered)\b"
"""After a place: "Tokyo-based", "Pune headquartered"."""
BEFORE_NAME = re.compile(rf"^(?:{BASED}|['’]s)\s+{NAME}")
"""After a place, the name it places: "Tokyo-based Harbor Capital", "Tokyo's Harbor Capital"."""
AFTER_NAME = re.compile(
    rf"{NAME}(?:,\s+(?:(?:which|that)\s+is\s+)?|\s+(?:is|was)\s+)(?:a|an|the)\s+"
    r"(?:[a-z][\w-]*\s+){0,2}$"
)
"""Before a place, a name described by it: "Harbor Capital, a Tokyo-based fund", "Lumen
Farms is a small Pune start-up"."""
OF_NAME = re.compile(
    rf"{NAME}(?:,?\s+(?:headquartered|based)\s+in|\s+(?:of|from))\s+(?:the\s+)?$",
)
"""Before a place, a name it is the home of: "Kato Engines of Japan", "Orchid Ventures,
headquartered in Chennai", "Harbor Capital from Tokyo"."""
KINDS = (
    "maker", "makers", "company", "firm", "group", "startup", "start-up", "studio", "lender",
    "bank", "supplier", "producer", "manufacturer", "developer", "operator", "insurer",
    "retailer", "house", "conglomerate", "trader", "carrier", "airline", "shipbuilder",
    "university", "institute", "foundation", "fund", "investor",
)  # fmt: skip
"""Last words of a lowercase description that say what kind of body a name is:
"bicycle-component maker", "company", "start-up"."""
KIND_NAME = re.compile(rf"^\s+(?P<kind>(?:[a-z][\w-]*\s+){{1,3}}){NAME}")
"""After a side's term or place, a name it places by its kind (the description's last word
one of ``KINDS``): "Japanese bicycle-component maker Oyama Gear", "the Osaka company
Hanshin Seiki", "Tokyo start-up Hoshimi Space"."""
PARENTHESIS_NAME = re.compile(rf"{NAME}\s*\(\s*(?:[^(),\n]{{1,30}},\s*)?$")
"""Before a place in parentheses, the name it is the home of: "Hoshimi Space (Chuo-ku,
Tokyo)", "Kato Engines (Kobe)"."""
PARENTHESIS_REACH = 34
"""Characters before a place searched for the parenthesis it stands in."""
COMPANY_FORM = (
    r"(?:,?\s+(?:Co\.,?\s*Ltd\.|Co\.|Ltd\.|Inc\.|Corp\.|Corporation|Limited|K\.K\.|"
    r"Pvt\.?\s+Ltd\.?|Private\s+Limited))"
)
FORM_APPOSITION = re.compile(NAME.replace("{0,4})", "{0,4}?)") + COMPANY_FORM + r",\s*$")
"""Before a country's name in apposition, a company it is the home of by its company form:
"Tokai Brake Industries Co., Ltd., Japan" (the name's words taken lazily, so that "Co." is
the form's)."""
FORM_WORDS = ("Co.", "Ltd", "Inc.", "Corp", "Limited", "K.K.")
"""What a window must hold for ``FORM_APPOSITION`` to be searched in it: most windows
before a country's name hold no company form."""
APPOSITION_END = re.compile(r"\s*(?:[,.;:)\n]|$)")
"""After a country's name in apposition: punctuation or the line's end."""
REACH = 80
"""Characters before a place searched for the name it places."""
ARTICLES = frozenset(["a", "an", "the"])
"""One of the last three words before a place that ``AFTER_NAME`` can match before."""
HOME_WORDS = frozenset(["in", "of", "from", "the"])
"""The last word before a place that ``OF_NAME`` can match before: the patterns are
searched only where the words allow a match, since most places follow neither."""
FUNCTION_WORDS = frozenset(
    [
        "a",
        "an",
        "the",
        "in",
        "on",
        "at",
        "by",
        "for",
        "from",
        "with",
        "and",
        "but",
        "or",
        "of",
        "to",
        "as",
        "its",
        "their",
        "our",
        "we",
        "it",
        "this",
        "that",
        "these",
        "those",
        "his",
        "her",
        "he",
        "she",
        "they",
        "led",
        "under",
        "after",
        "before",
        "when",
        "while",
    ]
)
"""Words that may open a sentence before a name without being part of it."""
QUALIFIER = re.compile(r"(?:['’]s|[-–]based)?\s+$")
"""Between a side's term and a name it qualifies: "Japanese Prime Minister", "Tokyo's"."""
QUALIFIER_REACH = 10
"""Characters before a mention searched for a qualifying side's term."""
MIN_ALIAS_LENGTH = 3
"""Letters at least in a first word that stands for the whole name."""


def placed_names(
    text: str,
    anchors: Iterable[Match],
    known: Callable[[str], bool],
) -> dict[str, str]:
    """Names (and their side) that the text places by a side's term or place among
    ``anchors``; ``known`` says whether the vocabulary already knows a name, which then
    keeps its own meaning. A name placed on both sides is left out."""
    sides: dict[str, set[str]] = {}
    for anchor in anchors:
        after = text[anchor.end : anchor.end + REACH]
        found = [BEFORE_NAME.match(after)]
        if after[1:2].islower():
            kind = KIND_NAME.match(after)
            if kind is not None and kind.group("kind").split()[-1].endswith(KINDS):
                found.append(kind)
        window = text[max(0, anchor.start - REACH) : anchor.start]
        if after[:1] == ")" and "(" in window[-PARENTHESIS_REACH:]:
            found.append(PARENTHESIS_NAME.search(window))
        if (
            anchor.term.text == anchor.term.label
            and window.endswith(", ")
            and any(form in window for form in FORM_WORDS)
            and APPOSITION_END.match(after)
        ):
            found.append(FORM_APPOSITION.search(window))
        last_words = window.rsplit(None, 3)[-3:]
        if not ARTICLES.isdisjoint(last_words):
            found.append(AFTER_NAME.search(window))
        if last_words and last_words[-1] in HOME_WORDS:
            found.append(OF_NAME.search(window))
        for hit in found:
            name = _trimmed(hit.group("name")) if hit else ""
            if name and not known(name):
                sides.setdefault(name, set()).add(anchor.term.label)
    return {name: labels.pop() for name, labels in sides.items() if len(labels) == 1}


def _trimmed(name: str) -> str:
    words = name.rstrip(".,").split()
    while words and words[0].casefold() in FUNCTION_WORDS:
        words.pop(0)
    return " ".join(words)


def mentions(text: str, names: dict[str, str], taken: Iterable[Match]) -> list[Match]:
    """Every mention of the placed names, as actors of their side: by the full name, or by
    its first word when that is no ordinary word of the text; not where ``taken`` matches
    already stand, nor right after one, where the name is a title that match qualifies
    ("Prime Minister of India" places a title, which "the Japanese Prime Minister" does not
    give to India)."""
    occupied = [(match.start, match.end) for match in taken]
    qualified = {match.end for match in taken}
    found: list[Match] = []
    for name, label in names.items():
        forms = [name]
        first = name.split()[0]
        if (
            first != name
            and len(first) >= MIN_ALIAS_LENGTH
            and first.casefold() not in FUNCTION_WORDS
            and not _has_word(text, first.lower())
        ):
            forms.append(first)
        term = Term(name, label)
        for form in forms:
            for span in standalone(text, form):
                before = QUALIFIER.search(text, max(0, span[0] - QUALIFIER_REACH), span[0])
                if before is not None and before.start() in qualified:
                    continue
                if not any(start < span[1] and span[0] < end for start, end in occupied):
                    occupied.append(span)
                    found.append(Match(term, form, *span))
    return sorted(found, key=lambda match: match.start)


def _is_word(text: str, position: int) -> bool:
    """Whether the character at ``position`` is one ``\\w`` matches (none outside the text)."""
    return 0 <= position < len(text) and (text[position].isalnum() or text[position] == "_")


def _joins(text: str, position: int) -> bool:
    """Whether the character at ``position`` would carry a word on: ``[\\w-]``."""
    return _is_word(text, position) or (0 <= position < len(text) and text[position] == "-")


def _has_word(text: str, word: str) -> bool:
    """Whether ``word`` stands between word boundaries in the text, as ``\\b…\\b`` finds it:
    looked for with ``str.find``, since a pattern compiled for each text's names is not
    used again and crowds the ``re`` module's cache."""
    position = text.find(word)
    while position >= 0:
        end = position + len(word)
        if _is_word(text, position - 1) != _is_word(text, position) and _is_word(
            text, end - 1
        ) != _is_word(text, end):
            return True
        position = text.find(word, position + 1)
    return False


def standalone(text: str, form: str) -> Iterator[tuple[int, int]]:
    """Spans of ``form`` neither inside a longer word nor hyphenated to one, left to right
    and not overlapping, as ``(?<![\\w-])form(?![\\w-])`` finds them (see ``_has_word``)."""
    position = text.find(form)
    while position >= 0:
        end = position + len(form)
        if not _joins(text, position - 1) and not _joins(text, end):
            yield position, end
            position = text.find(form, end)
        else:
            position = text.find(form, position + 1)


def place_short_names(text: str, places: list[Match], institutions: TermMatcher) -> list[Match]:
    """Mentions of a place by the part of its name before an institution: "Mie" where the
    vocabulary knows "Mie Prefecture" and the text names it so once."""
    occupied = [(match.start, match.end) for match in places]
    found: list[Match] = []
    seen: set[str] = set()
    for place in places:
        words = place.surface.split()
        if len(words) < 2 or place.term.text in seen:
            continue
        last = words[-1]
        if not any(m.start == 0 and m.end == len(last) for m in institutions.finditer(last)):
            continue
        seen.add(place.term.text)
        short = " ".join(words[:-1])
        for span in standalone(text, short):
            if not any(start < span[1] and span[0] < end for start, end in occupied):
                occupied.append(span)
                found.append(Match(place.term, short, *span))
    return found
