"""Find configured terms in text: on word boundaries, through inflections, across hyphens.

Topic taxonomies, gazetteers and relevance cues are all lists of terms in
feeds.toml; this matcher is what makes "defence", "defences", "air-defence"
and "Air Defence" the same term while "offence" is not. A term written in
capitals (``AI``, ``JIMEX``) matches case-sensitively, so that it does not
match ordinary words.
"""

from __future__ import annotations

import functools
import itertools
import re
import weakref
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from itertools import accumulate
from typing import NamedTuple

_SENTENCE_END = re.compile(r"(?=[.!?\n])(?:[.!?]([\"'”’)\]]*\s+)(?=[\"'“‘(\[]?[A-Z0-9])|(\n+))")
"""A break between sentences, in the group that matched: the closers and spaces after a
sentence's end mark, or line breaks. The end mark is matched rather than looked behind
for, and with the leading lookahead that lets the engine skip in C every position but an
end mark or a line break: a tenth of the positions a lookahead for spaces leaves."""
ABBREVIATION_REACH = 8
"""Characters before a full stop that can hold an abbreviation ("Sept.", "Capt.")."""
_ABBREVIATIONS = re.compile(
    r"\b(?:Mr|Mrs|Ms|Dr|Prof|St|Jr|Sr|No|Gen|Lt|Col|Capt|Adm|Rep|Sen|Gov|Inc|Ltd|Co|Corp|vs|etc|"
    r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|[A-Z])\.$"
)


@dataclass(frozen=True)
class Term:
    """One configured term: its text, what it stands for, and how much it weighs."""

    text: str
    label: str
    weight: float = 1.0


class Match(NamedTuple):
    """One occurrence of a term: a tuple, since a text yields many and they are made often."""

    term: Term
    surface: str
    start: int
    end: int


WORD = re.compile(r"[^\W_]+")
_WORD_SPLIT = re.compile(r"([^\W_]+)")
_ASCII_WORD_SPLIT = re.compile(r"([0-9A-Za-z]+)")
"""``_WORD_SPLIT`` for a text all ASCII, where a word character is one of these: a set the
engine tests with a table, not with Unicode's categories (a third less time)."""
SEPARATOR = re.compile(r"[\s\-–‐]+")
SIMPLE_TERM = re.compile(r"[^\W_]+(?:[\s\-–‐]+[^\W_]+)*")


ADJECTIVE_AL_STEMS = ("ion", "ur", "ment", "ic", "or")
"""Endings of the stems English turns into an adjective with "-al" and the same sense:
education, educational; culture, cultural; environment, environmental; music, musical;
sector, sectoral. Other stems take "-al" into another word: port and portal, intern and
internal, sign and signal, anime and animal."""


def inflections(word: str) -> frozenset[str]:
    """A word and its regular English inflections (lower case): defence, defences;
    invest, invested, investing; technology, technologies; exercise, exercising;
    culture, cultural (:data:`ADJECTIVE_AL_STEMS`)."""
    if not word[-1:].isalpha():
        return frozenset({word})
    forms = {word}
    stems = [word]
    if word.endswith("e"):
        stems.append(word[:-1])
    for stem in stems:
        forms.update(stem + ending for ending in ("s", "es", "ed", "d", "ing"))
        if stem.endswith(ADJECTIVE_AL_STEMS):
            forms.add(stem + "al")
    if word.endswith("y"):
        forms.add(word[:-1] + "ies")
    return frozenset(forms)


def _anchor(term: str) -> str:
    """The longest word of a term, lower-cased: it occurs in every text the term occurs in."""
    words: list[str] = WORD.findall(term.lower())
    return max(words or [""], key=len)


def _is_case_sensitive(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and sum(c.isupper() for c in letters) >= max(2, len(letters) // 2 + 1)


_OWNERS: dict[bool, dict[str, list[int]]] = {False: {}, True: {}}
"""Every word any matcher's terms start with (lower-cased; and, under True, the words of
case-sensitive terms as written), with the numbers of the matchers whose terms start with
it. A text's words are looked up here once (:meth:`Tokens.shares`), and each matcher
then takes the words that are its own instead of reading the text for itself. A matcher
adds its words when it is made and takes them away when it is collected."""
_ANCHOR_OWNERS: dict[str, list[int]] = {}
"""The longest word of each special term, with the numbers of the matchers that hold it:
a matcher none of whose anchors is in a text finds none of its special terms there."""
_EXACT_STARTING_LOWERED: dict[str, None] = {}
"""The words under ``_OWNERS[True]``, lower-cased: a text none of whose words is
one of these holds none of them as written either, and is spared the case-sensitive
reading of its words (most texts hold no "JICA" or "QUAD"). It only grows."""
_LOWERED: dict[str, None] = {}
"""Every word of the tables above, lower-cased: a text's lower-cased words are looked up
here once, and the few found are then sorted out among the tables. It only grows."""
_GENERATION = [0]
"""Counts the changes of the tables above: a text's shares made before one are made again."""
_NUMBERS = itertools.count()
WHOLE_ANSWERS = 4096
"""Answers of :meth:`TermMatcher.spans_whole` kept at most per matcher (short names)."""


@dataclass(slots=True)
class Share:
    """What of a text concerns one matcher: the text's words its terms start with
    (lower-cased, and as written for case-sensitive terms), and whether one of its special
    terms' anchors is there."""

    firsts: list[str] = field(default_factory=list)
    exacts: list[str] = field(default_factory=list)
    special: bool = False


_NO_SHARE = Share()


class Tokens:
    """The words of a text, lower-cased, with their offsets computed only when needed."""

    def __init__(self, text: str) -> None:
        self.text = text
        split = _ASCII_WORD_SPLIT.split if text.isascii() else _WORD_SPLIT.split
        self._pieces: list[str] = split(text)
        """Text between words, then a word, alternately: the words and their offsets
        both come from this one scan in C."""
        self.words: list[str] = self._pieces[1::2]
        # Words hold no spaces, and lower-casing makes none: one join, lower and split
        # in C give each word lower-cased.
        self.lowered: list[str] = " ".join(self.words).lower().split(" ") if self.words else []
        self._bounds: list[int] | None = None
        self._starting: dict[bool, tuple[int, dict[str, list[int]]]] = {}
        self._relevant: tuple[int, dict[str, list[int]]] | None = None
        self._shares: tuple[int, dict[int, Share]] | None = None

    def relevant_positions(self) -> dict[str, list[int]]:
        """Where each of the text's lower-cased words that is in ``_LOWERED`` occurs: the
        words are looked up in C, each hashed once, and the positions of the few found
        grouped in order."""
        if self._relevant is None or self._relevant[0] != _GENERATION[0]:
            grouped: dict[str, list[int]] = {}
            sequence = self.lowered
            for position in itertools.compress(
                itertools.count(), map(_LOWERED.__contains__, sequence)
            ):
                grouped.setdefault(sequence[position], []).append(position)
            self._relevant = (_GENERATION[0], grouped)
        return self._relevant[1]

    def starting_positions(self, *, exact: bool = False) -> dict[str, list[int]]:
        """Where each of the text's words that some matcher's term starts with occurs (see
        ``_OWNERS``). The words are looked up in the vocabulary in C, each hashed
        once, and the positions of all of them found in that one pass: every matcher then
        takes the few it needs. Recomputed if a matcher was made or collected since."""
        vocabulary = _OWNERS[exact]
        found = self._starting.get(exact)
        if found is None or found[0] != _GENERATION[0]:
            relevant = self.relevant_positions()
            grouped: dict[str, list[int]] = {}
            if not exact:
                grouped = {word: at for word, at in relevant.items() if word in vocabulary}
            elif not _EXACT_STARTING_LOWERED.keys().isdisjoint(relevant):
                sequence = self.words
                # the positions that hold one, selected in C: most words hold none
                is_starting = map(vocabulary.__contains__, sequence)
                for position in itertools.compress(itertools.count(), is_starting):
                    grouped.setdefault(sequence[position], []).append(position)
            found = self._starting[exact] = (_GENERATION[0], grouped)
        return found[1]

    def shares(self) -> dict[int, Share]:
        """The text's starting words shared out among the matchers they concern, by
        matcher number, in one pass for all matchers: most matchers find that none of
        their terms can be here with one dictionary lookup."""
        if self._shares is None or self._shares[0] != _GENERATION[0]:
            shares: dict[int, Share] = {}
            for word in self.starting_positions():
                for number in _OWNERS[False].get(word, ()):
                    share = shares.get(number)
                    if share is None:
                        share = shares[number] = Share()
                    share.firsts.append(word)
            for word in self.starting_positions(exact=True):
                for number in _OWNERS[True].get(word, ()):
                    share = shares.get(number)
                    if share is None:
                        share = shares[number] = Share()
                    share.exacts.append(word)
            for anchor in [word for word in self.relevant_positions() if word in _ANCHOR_OWNERS]:
                for number in _ANCHOR_OWNERS.get(anchor, ()):
                    share = shares.get(number)
                    if share is None:
                        share = shares[number] = Share()
                    share.special = True
            self._shares = (_GENERATION[0], shares)
        return self._shares[1]

    def bounds(self) -> list[int]:
        """Word ``p`` starts at ``bounds[2 * p]`` and ends at ``bounds[2 * p + 1]``: the
        running total of the pieces' lengths. Pairs are not made, as only the few words
        where a term may start are ever asked for."""
        if self._bounds is None:
            self._bounds = list(accumulate(map(len, self._pieces)))
        return self._bounds


def _register(number: int, tables: list[tuple[dict[str, list[int]], list[str]]]) -> None:
    for owners, words in tables:
        for word in words:
            owners[word] = [*owners.get(word, ()), number]
    _GENERATION[0] += 1


def _forget(number: int, tables: list[tuple[dict[str, list[int]], list[str]]]) -> None:
    """Take a collected matcher's words away, so that texts do not share them out to it.

    Run by the garbage collector, which may run inside :meth:`Tokens.shares`: the lists
    of numbers are replaced rather than changed, and looked up with ``get``, so that a
    sharing under way reads each list whole (a number too many only costs a lookup)."""
    for owners, words in tables:
        for word in words:
            numbers = owners.get(word)
            if numbers is not None and number in numbers:
                kept = [other for other in numbers if other != number]
                if kept:
                    owners[word] = kept
                else:
                    del owners[word]
    _GENERATION[0] += 1


@functools.lru_cache(maxsize=8)
def tokenize(text: str) -> Tokens:
    """Tokens of a text, shared by every matcher that reads the same text (topics,
    entities and the relevance judge all read an item's text)."""
    return Tokens(text)


def _match_at(tokens: Tokens, position: int, entry: _Compiled) -> int | None:
    """End offset of ``entry`` matched at token ``position``, or None."""
    count = len(entry.words)
    if position + count > len(tokens.words):
        return None
    words = tokens.words if entry.case_sensitive else tokens.lowered
    bounds = tokens.bounds()
    for offset in range(count):
        index = position + offset
        word = words[index]
        if offset == count - 1:
            if word not in entry.last:
                return None
        elif word != entry.words[offset]:
            return None
        if offset and not SEPARATOR.fullmatch(
            tokens.text, bounds[2 * index - 1], bounds[2 * index]
        ):
            return None
    return bounds[2 * (position + count) - 1]


@dataclass(frozen=True)
class _Compiled:
    index: int
    words: tuple[str, ...]
    last: frozenset[str]
    case_sensitive: bool


class TermMatcher:
    """Every configured term, found in one pass over the words of a text.

    Words are looked up in a dictionary keyed by each term's first word, so
    the cost grows with the length of the text, not with the number of
    terms. Terms written with other characters ("2+2", "R&D", "U.S.") are
    matched by a regular expression instead.
    """

    def __init__(self, terms: Iterable[Term]) -> None:
        self.terms: list[Term] = []
        seen: set[tuple[str, str]] = set()
        for term in terms:
            key = (term.text.casefold(), term.label)
            if term.text.strip() and key not in seen:
                seen.add(key)
                self.terms.append(term)
        self._single: dict[str, _Compiled] = {}
        self._single_exact: dict[str, _Compiled] = {}
        self._multi: dict[str, dict[str, list[_Compiled]]] = {}
        self._multi_exact: dict[str, dict[str, list[_Compiled]]] = {}
        special: list[int] = []
        for index, term in enumerate(self.terms):
            text = term.text.strip()
            if not SIMPLE_TERM.fullmatch(text):
                special.append(index)
                continue
            sensitive = _is_case_sensitive(text)
            words = tuple(w if sensitive else w.lower() for w in WORD.findall(text))
            last = frozenset({words[-1]}) if sensitive else inflections(words[-1])
            compiled = _Compiled(index, words, last, sensitive)
            if len(words) == 1:
                single = self._single_exact if sensitive else self._single
                for form in last:
                    single.setdefault(form, compiled)
                continue
            by_second = (self._multi_exact if sensitive else self._multi).setdefault(words[0], {})
            for second in last if len(words) == 2 else (words[1],):
                by_second.setdefault(second, []).append(compiled)
        for table in (self._multi, self._multi_exact):
            for by_second in table.values():
                for entries in by_second.values():
                    entries.sort(key=lambda c: -len(c.words))
        self._special = self._compile_special(special)
        self._last: tuple[str | None, list[Match]] = (None, [])
        """The last text read and its matches: the title is asked for by several checks."""
        self._whole: dict[str, bool] = {}
        """:meth:`spans_whole`'s answers, which depend on the terms alone."""
        anchors = {_anchor(self.terms[index].text) for index in special}
        self._always_special = "" in anchors
        self._words = (
            list(dict.fromkeys([*self._single, *self._multi])),
            list(dict.fromkeys([*self._single_exact, *self._multi_exact])),
            sorted(anchors - {""}),
        )
        """The words this matcher adds to ``_OWNERS`` (lower-cased, as written) and to
        ``_ANCHOR_OWNERS``."""
        self._number = -1
        self._join()

    def _join(self) -> None:
        """Give the matcher a number and its words to the shared tables (see ``_OWNERS``)."""
        self._number = next(_NUMBERS)
        exact_lowered = dict.fromkeys(word.lower() for word in self._words[1])
        _EXACT_STARTING_LOWERED.update(exact_lowered)
        _LOWERED.update(exact_lowered)
        _LOWERED.update(dict.fromkeys(self._words[0]))
        _LOWERED.update(dict.fromkeys(self._words[2]))
        owners = (_OWNERS[False], _OWNERS[True], _ANCHOR_OWNERS)
        tables = list(zip(owners, self._words, strict=True))
        _register(self._number, tables)
        weakref.finalize(self, _forget, self._number, tables)

    def __setstate__(self, state: dict[str, object]) -> None:
        """An unpickled matcher joins this process's tables under a number of its own."""
        self.__dict__.update(state)
        self._join()

    def _compile_special(self, indexes: list[int]) -> re.Pattern[str] | None:
        if not indexes:
            return None
        ordered = sorted(indexes, key=lambda i: -len(self.terms[i].text))
        alternatives = "|".join(
            f"(?P<t{i}>{re.escape(self.terms[i].text.strip())})" for i in ordered
        )
        return re.compile(rf"(?<![\w@#])(?:{alternatives})(?!\w)", re.IGNORECASE)

    def finditer(self, text: str) -> Iterator[Match]:
        """Every match, left to right; where two overlap, the one starting first (then longest)."""
        last_text, matches = self._last
        if text is not last_text:
            matches = self._find(text)
            self._last = (text, matches)
        return iter(matches)

    def spans_whole(self, text: str) -> bool:
        """Whether one match covers all of ``text``. The text's matches are not kept as the
        last text read: asking about a short name must not make the next reading of the
        text it came from (the body, read by several checks) start over. The answers are
        kept (a few names, "Prime Ministers", are asked about in text after text)."""
        answer = self._whole.get(text)
        if answer is None:
            if len(self._whole) >= WHOLE_ANSWERS:
                self._whole.clear()
            last_text, matches = self._last
            if text is not last_text:
                matches = self._find(text)
            answer = any(match.start == 0 and match.end == len(text) for match in matches)
            self._whole[text] = answer
        return answer

    def _find(self, text: str) -> list[Match]:
        tokens = tokenize(text)
        share = tokens.shares().get(self._number)
        if share is None:
            if not self._always_special:
                return []  # most texts for most matchers: none of its terms can be there
            share = _NO_SHARE
        found = (
            self._word_matches(tokens, share.firsts, share.exacts)
            if share.firsts or share.exacts
            else []
        )
        if self._special is not None and (self._always_special or share.special):
            for m in self._special.finditer(text):
                assert m.lastgroup is not None
                found.append(
                    Match(self.terms[int(m.lastgroup[1:])], m.group(0), m.start(), m.end())
                )
            found.sort(key=lambda match: (match.start, -(match.end - match.start)))
        if len(found) < 2:
            return found
        kept: list[Match] = []
        end = -1
        for match in found:
            if match.start >= end:
                end = match.end
                kept.append(match)
        return kept

    def _word_matches(self, tokens: Tokens, firsts: list[str], exacts: list[str]) -> list[Match]:
        """Matches of the word terms: at each position where a term may start, the
        longest term that matches there. A term of several words is tried only where
        the next word is its second word, so most positions cost two lookups. ``firsts``
        and ``exacts`` are the text's words that the terms start with (see
        :meth:`Tokens.shares`)."""
        starting = tokens.starting_positions()
        positions = [p for word in firsts for p in starting[word]]
        if exacts:
            exact_starting = tokens.starting_positions(exact=True)
            positions += [p for word in exacts for p in exact_starting[word]]
        positions = sorted(set(positions))
        words, lowered = tokens.words, tokens.lowered
        text, bounds = tokens.text, tokens.bounds()
        multi, multi_exact = self._multi, self._multi_exact
        last_position = len(words) - 1
        found: list[Match] = []
        for position in positions:
            start, end = bounds[2 * position], bounds[2 * position + 1]
            if start and text[start - 1] in "@#":
                continue
            word, lower = words[position], lowered[position]
            entry = None
            if position < last_position:
                by_second = multi.get(lower)
                candidates = by_second.get(lowered[position + 1]) if by_second else None
                exact_by_second = multi_exact.get(word)
                if exact_by_second:
                    exact = exact_by_second.get(words[position + 1])
                    if exact:
                        candidates = (
                            sorted(candidates + exact, key=lambda c: -len(c.words))
                            if candidates
                            else exact
                        )
                for candidate in candidates or ():
                    matched_end = _match_at(tokens, position, candidate)
                    if matched_end is not None:
                        entry, end = candidate, matched_end
                        break
            if entry is None:
                entry = self._single.get(lower) or self._single_exact.get(word)
                if entry is None:
                    continue
            found.append(Match(self.terms[entry.index], text[start:end], start, end))
        return found

    def labels(self, text: str) -> set[str]:
        return {match.term.label for match in self.finditer(text)}


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Offsets of the sentences of a text; abbreviations such as "Mr." or "Feb." do not end one."""
    spans: list[tuple[int, int]] = []
    start = 0
    for boundary in _SENTENCE_END.finditer(text):
        end, after = boundary.span(boundary.lastindex or 0)
        if end <= start or (text[start].isspace() and text[start:end].isspace()):
            start = after
            continue
        if (
            text[end - 1] == "."
            and text.find("\n", end, after) < 0
            and _ABBREVIATIONS.search(text, max(start, end - ABBREVIATION_REACH), end)
        ):
            continue
        if text[start].isspace() or text[end - 1].isspace():
            spans.append(_trimmed(text, start, end))
        else:  # most sentences: the boundary took the spaces around them
            spans.append((start, end))
        start = after
    if text[start:].strip():
        spans.append(_trimmed(text, start, len(text)))
    return spans


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    if start < end and not text[start].isspace() and not text[end - 1].isspace():
        return start, end  # most sentences: the boundary took the spaces around them
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def split_sentences(text: str) -> list[str]:
    """Split prose into sentences, keeping abbreviations such as "Mr." or "Feb." intact."""
    return [text[start:end] for start, end in sentence_spans(text)]
