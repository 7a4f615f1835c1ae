"""Find configured terms in text: on word boundaries, through inflections, across hyphens.

Topic taxonomies, gazetteers and relevance cues are all lists of terms in
feeds.toml; this matcher is what makes "defence", "defences", "air-defence"
and "Air Defence" the same term while "offence" is not. A term written in
capitals (``AI``, ``JIMEX``) matches case-sensitively, so that it does not
match ordinary words.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

_SEPARATOR = r"(?:[\s\-–‐]+)"
_POSSESSIVE = r"(?:['’]s)?"
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"'”’)\]]*\s+(?=[\"'“‘(\[]?[A-Z0-9])|\n+")
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


@dataclass(frozen=True)
class Match:
    term: Term
    surface: str
    start: int
    end: int


def _inflected(word: str) -> str:
    """A pattern for a word and its regular English inflections."""
    escaped = re.escape(word)
    if not word[-1:].isalpha() or word.isupper():
        return escaped + _POSSESSIVE
    endings = ["s", "es", "ed", "d", "ing", "al"]
    stems = [escaped]
    if word.endswith("e"):
        stems.append(re.escape(word[:-1]))
    if word.endswith("y"):
        stems.append(re.escape(word[:-1]) + "(?=ies)")
        endings.append("ies")
    stem = "(?:" + "|".join(stems) + ")" if len(stems) > 1 else stems[0]
    return f"{stem}(?:{'|'.join(endings)})?{_POSSESSIVE}"


def term_pattern(text: str) -> str:
    """The regular expression for one term (without boundaries)."""
    words = [w for w in re.split(r"[\s\-–‐]+", text.strip()) if w]
    if not words:
        raise ValueError("empty term")
    head = [re.escape(word) for word in words[:-1]]
    return _SEPARATOR.join([*head, _inflected(words[-1])])


def _is_case_sensitive(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and sum(c.isupper() for c in letters) >= max(2, len(letters) // 2 + 1)


class TermMatcher:
    """All terms compiled into two regular expressions (case-sensitive and not)."""

    def __init__(self, terms: Iterable[Term]) -> None:
        self.terms: list[Term] = []
        seen: set[tuple[str, str]] = set()
        for term in terms:
            key = (term.text.casefold(), term.label)
            if term.text.strip() and key not in seen:
                seen.add(key)
                self.terms.append(term)
        self._patterns = [
            self._compile([i for i, t in enumerate(self.terms) if _is_case_sensitive(t.text)], 0),
            self._compile(
                [i for i, t in enumerate(self.terms) if not _is_case_sensitive(t.text)],
                re.IGNORECASE,
            ),
        ]

    def _compile(self, indexes: Sequence[int], flags: int) -> re.Pattern[str] | None:
        if not indexes:
            return None
        ordered = sorted(indexes, key=lambda i: -len(self.terms[i].text))
        alternatives = "|".join(f"(?P<t{i}>{term_pattern(self.terms[i].text)})" for i in ordered)
        return re.compile(rf"(?<![\w@#])(?:{alternatives})(?![\w])", flags)

    def finditer(self, text: str) -> Iterator[Match]:
        """Every match, left to right; where two overlap, the one starting first (then longest)."""
        found: list[Match] = []
        for pattern in self._patterns:
            if pattern is None:
                continue
            for m in pattern.finditer(text):
                assert m.lastgroup is not None
                term = self.terms[int(m.lastgroup[1:])]
                found.append(Match(term, m.group(0), m.start(), m.end()))
        found.sort(key=lambda match: (match.start, -(match.end - match.start)))
        end = -1
        for match in found:
            if match.start >= end:
                end = match.end
                yield match

    def labels(self, text: str) -> set[str]:
        return {match.term.label for match in self.finditer(text)}


def split_sentences(text: str) -> list[str]:
    """Split prose into sentences, keeping abbreviations such as "Mr." or "Feb." intact."""
    sentences: list[str] = []
    start = 0
    for boundary in _SENTENCE_END.finditer(text):
        candidate = text[start : boundary.start()].rstrip()
        if candidate and _ABBREVIATIONS.search(candidate) and "\n" not in boundary.group(0):
            continue
        if candidate.strip():
            sentences.append(candidate.strip())
        start = boundary.end()
    tail = text[start:].strip()
    if tail:
        sentences.append(tail)
    return sentences
