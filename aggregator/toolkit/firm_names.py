"""A firm's side from its name: "Kotobuki Tanzo Co., Ltd." is Japanese, "Vidarbha Resins
Limited" Indian, though neither text says "Japanese" or "Indian".

Two kinds of evidence, both without the text's help:

* the firm is a well-known one, named in the shipped gazetteer (``firms.json``: the
  largest Japanese and Indian companies by their common names, and words that mark a
  company name as one side's, written from general knowledge);
* the firm is named with a company form ("Co., Ltd.", "Corporation", "K.K.", "Limited",
  "Pvt. Ltd." …), or a body with the last word of a city's, a university's or a chamber's
  name ("Kagami City", "Deccan Technological University"), and its distinctive words
  (those that are no English word of trade such as "Electric" or "Holdings") have a side's
  shape: every one of them reads as Japanese romanisation (:func:`japanese_shaped`: morae
  (C)(y)V, a syllabic n, a doubled consonant, Hepburn's spellings), or one of them shows
  Indian name evidence (a place of India the vocabulary knows, a word of the gazetteer
  such as "Deccan" or "Bharat", or a shape romanised Indic words have and Japanese ones
  cannot: "bh", "dh", "kh", "-esh", "-pur"). "Pvt. Ltd.", "Private Limited" and "LLP" are
  Indian forms: a name under them is Indian unless it reads as Japanese.

Romanised Indian words often fit Japanese syllables too ("Konkan", "Chakan", "Adani"), so a
name that shows Indian evidence is never Japanese, a Japanese name needs three morae at
least ("Tata", "Pune", "Hero" have two), and the side is given only when one side fits.
A name that holds a side's own term ("Tsubasa Motor India") is left to that term.

A joint name counts for the side the firm is incorporated in, as the gazetteer writes
it: Maruti Suzuki and Toyota Kirloskar are Indian companies (their parents, Suzuki and
Toyota, are Japanese ones), so a report of Maruti Suzuki's sales names one side.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path

from aggregator.toolkit.placed_names import FUNCTION_WORDS, standalone
from aggregator.toolkit.terms import WORD, Match, Term, tokenize

SHIPPED = Path(__file__).with_name("firms.json")
"""The gazetteer: for each kind of firm ("japanese", "indian"), its well-known ``firms``
and the ``words`` that mark a company name as one of that kind's; and ``trade_words``."""
KINDS = ("japanese", "indian")
"""The kinds of firm this module recognises; a judge maps each to one of its sides."""

FORM = re.compile(
    r"(?=[ACFHIKLPU])(?<![\w])(?:Co\.,?[ ]*Ltd\b\.?|Co\.|Company,?[ ]+Limited|Ltd\b\.?|Limited"
    r"|Inc\b\.?|Corp\.|Corporation|Holdings|Industries|K\.K\.|Kabushiki[ ]+Kaisha"
    r"|Pvt\.?[ ]+Ltd\b\.?|Private[ ]+Limited|LLP"
    r"|University|Institute|City|Prefecture|Consortium|Chamber|Association|Foundation"
    r")(?![\w])"
)
"""A company form, or the last word of a public or academic body's name ("Kagami City",
"Deccan Technological University", "Hokuto Chamber of Commerce"), which a name of a side's
shape before it places on that side as a form does a firm's; the text is searched for
these first, since most texts hold none (the leading lookahead lets the engine skip in C
every position but the forms' first letters). A city, university, institute, chamber or
association is mostly named after its place; a fund is named after anything, so "Ventures"
and "Capital" are no form ("Union Capital" and "Oman Ventures" would read as Japanese)."""
NAME_BEFORE_FORM = re.compile(
    r"(?<![\w&'’-])(?P<name>[A-Z][\w&'’-]*(?:[ ]+(?:&[ ]+)?[A-Z][\w&'’-]*){0,5}),?[ ]+$"
)
"""Before a company form, the capitalised name it is the form of (six words at most)."""
NAME_REACH = 80
"""Characters before a company form searched for the firm's name."""
INDIAN_FORM = re.compile(r"Pvt|Private|LLP")
"""Company forms of India's companies act alone."""
JAPANESE_FORM = re.compile(r"K\.K\.|Kabushiki")
"""Company forms of Japan's companies act alone."""

_MORA = re.compile(
    r"(?:[kgnhbpmr]y|sh|ch|j)[auo]|(?:sh|ch|j)[ie]|tsu|fu|[kgnhbpmr][aiueo]|[sz][aueo]"
    r"|[td][aeo]|y[auo]|wa|[aiueo]|n(?![aiueoy])|m(?=[bmp])|(?P<double>[kstp])(?=(?P=double))"
    r"|t(?=ch)|(?<=o)h(?![aiueoy])"
)
"""One mora of Japanese in Hepburn romanisation: a vowel with its consonant and glide
("ka", "kyo", "shi", "tsu", "fu"), the syllabic n (written m before b, m, p: "Shimbun"),
the first of a doubled consonant ("Hokkaido", "Matcha") or the h of a long o ("Ohno")."""
MIN_MORAE = 3
"""Morae a name's distinctive words need at least to read as Japanese: two-mora words fit
Japanese syllables by chance too often ("Tata", "Pune", "Hero", "Goa")."""
INDIC_SHAPE = re.compile(
    r"bh|dh|gh|jh|kh|chh|ksh|shw|shr|(?:esh|pur|puram|abad|nagar|garh|ganj|wala|wadi"
    r"|endra|indra|appa|swamy|swami|palli|halli)$"
)
"""What romanised Indic words show and Japanese romanisation cannot: aspirated consonants,
and the endings of names ("Sarvesh", "Kanpur", "Ahmednagar", "Mahendra")."""
NAME_BREAKS = FUNCTION_WORDS | frozenset(["with", "between", "regarding", "notice", "approval"])
"""Words that end a firm's name read backwards from its form: a title-case headline
("Agreement With Kotobuki Tanzo Co., Ltd.") runs its words into the name."""
PUBLIC_BODIES = ("Commission", "Authority", "Board", "Tribunal", "Court", "Exchange", "Ministry")
"""Last words of a placed name that make it a public body, which approves or hears a firm's
dealing without being its counterpart ("the Competition Commission of India")."""
SUBSIDIARY = re.compile(r"(?:[ ]+(?:and|&|[A-Z][\w'’-]*)){1,4}")
"""After a well-known firm's name, the words that may make it a subsidiary's name: "Honda
Motorcycle and Scooter India", "Suzuki Motor Gujarat"."""
DEFINED = re.compile(
    r"\(\s*(?:the\s+)?(?P<quote>[\"“]?)(?P<short>[A-Z][\w&.-]*(?:[ ][A-Z][\w&.-]*){0,2})"
    r"(?(quote)[\"”])\s*\)"
)
"""A short name the text defines in parentheses after a firm's name: '(the "Company")',
'("Kotobuki")', "(Acquirer)"; a filing calls the firm so from then on."""
DEFINITION_REACH = 60
"""Characters at most between a firm's name and the parenthesis that defines its short
name ("Kotobuki Tanzo Co., Ltd., Higashiosaka, Japan ("Kotobuki")")."""
QUOTES = '"“”'
MIN_ALIAS_LENGTH = 4
"""Letters at least in a distinctive word that stands for the firm alone ("Kotobuki")."""


@lru_cache(maxsize=8192)
def _plain(word: str) -> str:
    """A word lower-cased, its macrons and accents dropped ("Tōkai" → "tokai")."""
    decomposed = unicodedata.normalize("NFKD", word.casefold())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


@lru_cache(maxsize=8192)
def morae(word: str) -> int:
    """The morae of a word read as Japanese romanisation, 0 when it cannot be read so
    (kept for the last words asked: a long run meets many names, each a few times)."""
    plain = _plain(word).replace("'", "").replace("’", "")
    count = position = 0
    while position < len(plain):
        mora = _MORA.match(plain, position)
        if mora is None or mora.end() == position:
            return 0
        position = mora.end()
        count += 1
    return count


def japanese_shaped(word: str) -> bool:
    """Whether a word reads as Japanese romanisation: "Kotobuki", "Tsubaki", "Hanshin"
    do; "Sarvesh", "Deccan", "Vidarbha" do not."""
    return morae(word) > 0


def indic_shaped(word: str) -> bool:
    """Whether a word shows a shape of romanised Indic names that Japanese cannot."""
    return INDIC_SHAPE.search(_plain(word)) is not None


@dataclass(frozen=True, slots=True)
class Firm:
    """A firm the text names, its side and the short form that stands for it alone."""

    name: str
    side: str
    alias: str = ""
    defined: tuple[str, ...] = ()
    """Short names the text defines for the firm ('(the "Company")')."""


class FirmReader:
    """Finds the firms of a text and their side, for a judge whose sides are ``sides``
    (kind of firm, one of :data:`KINDS` = the judge's side name)."""

    def __init__(
        self,
        sides: Mapping[str, str],
        home_words: Mapping[str, str] | None = None,
        gazetteer: Path = SHIPPED,
    ) -> None:
        data = json.loads(gazetteer.read_text(encoding="utf-8"))
        self.sides = dict(sides)
        self.known = Gazetteer(
            (name, side) for kind, side in self.sides.items() for name in data[kind]["firms"]
        )
        words = {
            _plain(word): side for kind, side in self.sides.items() for word in data[kind]["words"]
        }
        self.words = {**words, **{_plain(k): v for k, v in (home_words or {}).items()}}
        """Words that mark a name as one side's: the gazetteer's and the places of one side."""
        self.japan = self.sides.get("japanese")
        self.india = self.sides.get("indian")
        trade = frozenset(data["trade_words"])
        self.trade_words = trade | {word[:-1] for word in trade if word.endswith("s")}
        """Words of trade a company name holds beside its distinctive words ("Hanamura
        Electric", "Deccan Forgings"), in the singular too ("Valve" as "valves"): no
        evidence of a side either way."""

    def firms(
        self,
        text: str,
        known: Callable[[str], bool],
        given: Iterable[Firm] = (),
        placed: Mapping[str, str] | None = None,
    ) -> list[Firm]:
        """The firms the text names, longest name first: well-known ones, names with a
        company form whose words have one side's shape, and ``given`` ones (the body's,
        for its headline); ``known`` says whether the vocabulary already knows a name (a
        side's term, a place). A name the text places itself (``placed``) keeps that side."""
        found: dict[str, Firm] = {}
        for name, side, end in self.known.finditer(text):
            if not _subsidiary(text, end, known):
                found.setdefault(name, Firm(name, side))
        for form in FORM.finditer(text):
            hit = NAME_BEFORE_FORM.search(text, max(0, form.start() - NAME_REACH), form.start())
            firm = self._by_shape(hit.group("name"), form.group(0), known) if hit else None
            if firm is not None and firm.name not in found:
                found[firm.name] = firm
        for firm in given:
            found.setdefault(firm.name, firm)
        if "(" in text:
            _define(text, found, known)
        kept = [firm for firm in found.values() if not placed or firm.name not in placed]
        sides = {firm.side for firm in kept} | {
            side for name, side in (placed or {}).items() if not name.endswith(PUBLIC_BODIES)
        }
        return sorted(
            (firm for firm in kept if sides - {firm.side}), key=lambda firm: -len(firm.name)
        )

    def _by_shape(self, name: str, form: str, known: Callable[[str], bool]) -> Firm | None:
        words = name.split()
        firm = self._japanese(words, form) or self._indian(words, form)
        if firm is None or any(known(w) and _plain(w) not in self.words for w in words):
            return None  # "Tsubasa Motor India": the side's own term says it
        return firm

    def _japanese(self, words: list[str], form: str) -> Firm | None:
        """A Japanese firm named by the Japanese-shaped words before its form, unless a
        word of the name, in that run or before it back to the nearest break word, shows
        Indian evidence: "Konkan Cold Chain Logistics Limited" is no Japanese "Chain
        Logistics", while in a title-case headline ("Gujarat Signs Pact With Hanamura
        Seiki Limited") "With" ends the name and the place before it is none of it."""
        if self.japan is None or INDIAN_FORM.match(form):
            return None
        run: list[str] = []
        for word in reversed(words):
            plain = _plain(word)
            marks_japan = self.words.get(plain) == self.japan
            if plain in self.trade_words or marks_japan or japanese_shaped(word):
                run.insert(0, word)
            else:
                break
        distinctive = [word for word in run if _plain(word) not in self.trade_words]
        if not distinctive or any(self._indian_evidence(word) for word in _name_words(words)):
            return None
        marked = any(self.words.get(_plain(word)) == self.japan for word in distinctive)
        short = sum(morae(word) for word in distinctive) < MIN_MORAE
        if short and not marked and not JAPANESE_FORM.match(form):
            return None
        return Firm(" ".join(run), self.japan, _alias(distinctive))

    def _indian(self, words: list[str], form: str) -> Firm | None:
        if self.india is None or JAPANESE_FORM.match(form):
            return None
        run: list[str] = []
        for word in reversed(words):
            if word.casefold() in NAME_BREAKS:
                break
            run.insert(0, word)
        distinctive = [word for word in run if _plain(word) not in self.trade_words]
        if not distinctive:
            return None
        if any(self.words.get(_plain(word)) not in (None, self.india) for word in distinctive):
            return None
        evidence = any(self._indian_evidence(word) for word in distinctive)
        if not evidence and not (
            INDIAN_FORM.match(form) and not all(japanese_shaped(word) for word in distinctive)
        ):
            return None
        return Firm(" ".join(run), self.india, _alias(distinctive))

    def _indian_evidence(self, word: str) -> bool:
        plain = _plain(word)
        return self.words.get(plain) == self.india or (
            self.india is not None and indic_shaped(word)
        )


def _name_words(words: list[str]) -> list[str]:
    """The words before a form that may be the firm's own: those after the last break
    word ("With", "Of") that a title-case headline runs into the name."""
    for index in range(len(words) - 1, -1, -1):
        if words[index].casefold() in NAME_BREAKS:
            return words[index + 1 :]
    return words


class Gazetteer:
    """Well-known firms' names, found as written (or in capitals, as a headline writes
    them): "ReNew" is a firm, "renewed" a verb. A text's words are intersected with the
    names' first words in C, and the few found are read where they stand."""

    def __init__(self, names: Iterable[tuple[str, str]]) -> None:
        self.entries: dict[str, str] = {}
        """Each name as written, and in capitals, with its side."""
        for name, side in names:
            self.entries.setdefault(name, side)
            self.entries.setdefault(name.upper(), side)
        self.by_first: dict[str, list[str]] = {}
        """The names by their first word, longest first."""
        for name in sorted(self.entries, key=len, reverse=True):
            self.by_first.setdefault(WORD.findall(name)[0], []).append(name)
        self.firsts = frozenset(self.by_first)

    def finditer(self, text: str) -> Iterator[tuple[str, str, int]]:
        """Each name the text holds, its side and where it ends, left to right and longest
        first where two start at one place."""
        found: list[tuple[int, str, str, int]] = []
        for first in self.firsts.intersection(tokenize(text).words):
            for start, _ in standalone(text, first):
                for name in self.by_first[first]:
                    end = start + len(name)
                    if text.startswith(name, start) and not _is_word_at(text, end):
                        found.append((start, name, self.entries[name], end))
                        break
        taken = -1
        for start, name, side, end in sorted(found):
            if start >= taken:
                taken = end
                yield name, side, end


def _is_word_at(text: str, position: int) -> bool:
    return position < len(text) and (text[position].isalnum() or text[position] == "_")


def _define(text: str, found: dict[str, Firm], known: Callable[[str], bool]) -> None:
    """Give each firm the short names the text defines for it (``DEFINED``): the firm
    named closest before the parenthesis, within ``DEFINITION_REACH`` characters and with
    no other parenthesis between. A place or side the vocabulary knows is no short name."""
    for definition in DEFINED.finditer(text):
        short, start = definition.group("short"), definition.start()
        if known(short) or short in found:
            continue
        best, best_end = None, -1
        for firm in found.values():
            at = text.rfind(firm.name, max(0, start - DEFINITION_REACH), start)
            end = at + len(firm.name)
            if at >= 0 and end > best_end and not any(c in text[end:start] for c in "()"):
                best, best_end = firm, end
        if best is not None and short not in best.defined:
            found[best.name] = replace(best, defined=(*best.defined, short))


def _subsidiary(text: str, end: int, known: Callable[[str], bool]) -> bool:
    """Whether the well-known firm named before ``end`` is named as its subsidiary in a
    place the vocabulary knows ("Honda Motorcycle and Scooter India"): that firm belongs
    where it is, and the place's term says so itself."""
    words = SUBSIDIARY.match(text, end)
    return words is not None and any(
        known(word.removesuffix("'s").removesuffix("’s")) for word in words.group(0).split()
    )


def _alias(distinctive: list[str]) -> str:
    """The first distinctive word, which the text may use for the firm alone."""
    first = distinctive[0]
    return first if len(first) >= MIN_ALIAS_LENGTH and first[0].isupper() else ""


def firm_mentions(
    text: str, firms: Iterable[Firm], taken: Iterable[Match], *, aliases: bool = True
) -> list[Match]:
    """Every mention of the firms, as actors of their side, by the full name or, unless
    firms of both sides share it, by the alias (when no ordinary lower-case word of the
    text is the same word) or a short name the text defines, and not where ``taken``
    matches already stand."""
    firms = list(firms)
    occupied = [(match.start, match.end) for match in taken]
    sides: dict[str, set[str]] = {}
    for firm in firms:
        for short in (firm.alias, *firm.defined):
            sides.setdefault(short, set()).add(firm.side)
    found: list[Match] = []
    for firm in firms:
        forms = [firm.name]
        if (
            aliases
            and firm.alias
            and firm.alias != firm.name
            and len(sides[firm.alias]) == 1
            and firm.alias.lower() not in text
        ):
            forms.append(firm.alias)
        forms += [short for short in firm.defined if len(sides[short]) == 1]
        term = Term(firm.name, firm.side)
        for form in forms:
            for span in standalone(text, form):
                if span[0] and text[span[0] - 1] in QUOTES:
                    continue  # the definition itself
                if not any(start < span[1] and span[0] < end for start, end in occupied):
                    occupied.append(span)
                    found.append(Match(term, form, *span))
    return sorted(found, key=lambda match: match.start)
