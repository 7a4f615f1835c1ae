"""Titles made from a lead paragraph when an article prints no headline."""

from __future__ import annotations

import re
from typing import Final

from aggregator.toolkit.lines import word_set

__all__ = ["DANGLING_WORDS", "TITLE_MAX", "derive_title", "first_sentence", "thread_title"]

TITLE_MAX: Final = 110
TITLE_MIN: Final = 30


DANGLING_WORDS: Final = word_set("and or the of to in for with a an but on at by from")
"""Words a title (or the first line of a headline split in two) cannot end with."""
_ABBREVIATIONS: Final = word_set(
    """mr mrs ms dr prof st gen sen rep gov lt col capt maj sgt jr sr inc ltd co
    corp vs no nos fig approx dept est govt hon"""
)
_NAME_ENDINGS: Final = word_set("inc ltd co corp jr sr bros")
"""Abbreviations that end a name, and so a title, with their full stop."""
_SENTENCE_END = re.compile(r"[.!?][\"'”’)]*(?=\s+[\"'“‘(]?[A-Z0-9])")
_INTRO = re.compile(
    r"(?:In|On|At|During|After|Amid|Amidst|Following|Earlier|Meanwhile|Later|However"
    r"|Today|Yesterday|Last|This|Speaking|According|Ahead|Despite|As|Under|Against)"
    r"\b[^,]{0,60},\s+"
)
_CLAUSE_BREAK = re.compile(
    r",\s+(?=(?:which|while|as|amid|who|where|when|but|after|following"
    r"|according to|[a-z]+ing)\b)"
)
_PHRASE_BREAK = re.compile(r"\s+(?=(?:amid|aimed at|in response to|following|after)\b)")
_TRAILING_PUNCTUATION = " \t,;:-–—"


def derive_title(text: str) -> str:
    """Make a headline-like title from a lead paragraph or blurb.

    The first sentence is used when it fits :data:`TITLE_MAX`; otherwise it is
    cut at a clause boundary (", reaffirming", ", which", " amid ", ...) after
    dropping an introductory phrase, and only as a last resort at a word
    boundary, marked with an ellipsis.
    """
    sentence = first_sentence(" ".join(text.split()))
    if len(sentence) <= TITLE_MAX:
        return _drop_final_period(sentence)
    core = _drop_intro(sentence)
    if len(core) <= TITLE_MAX:
        return _drop_final_period(core)
    return _cut_at_clause(core) or _cut_at_word(core)


def first_sentence(text: str) -> str:
    """The first sentence of a paragraph; abbreviations such as "Mr." do not end it."""
    for end in _SENTENCE_END.finditer(text):
        if text[end.start()] != "." or not _is_abbreviation(text, end.start()):
            return text[: end.end()]
    return text


def _is_abbreviation(text: str, dot: int) -> bool:
    word = text[text.rfind(" ", 0, dot) + 1 : dot].lstrip("\"'“‘(")
    return (len(word) == 1 and word.isupper()) or "." in word or word.lower() in _ABBREVIATIONS


def _drop_final_period(sentence: str) -> str:
    """The sentence without its full stop, unless that stop ends an abbreviation the
    title keeps ("… Trading Co., Ltd.", "… in the U.S.")."""
    if not sentence.endswith("."):
        return sentence
    last = sentence[sentence.rfind(" ") + 1 : -1]
    if "." in last or last.lower() in _NAME_ENDINGS:
        return sentence
    return sentence[:-1].rstrip()


def _drop_intro(sentence: str) -> str:
    intro = _INTRO.match(sentence)
    if intro is None or len(sentence) - intro.end() < TITLE_MIN:
        return sentence
    rest = sentence[intro.end() :]
    return rest[:1].upper() + rest[1:]


def _cut_at_clause(sentence: str) -> str | None:
    window = sentence[: TITLE_MAX + 40]
    for pattern in (_CLAUSE_BREAK, _PHRASE_BREAK):
        for boundary in pattern.finditer(window):
            candidate = _tidy(sentence[: boundary.start()])
            if len(candidate) > TITLE_MAX:
                break
            if len(candidate) >= TITLE_MIN:
                return candidate
    return None


def _cut_at_word(sentence: str) -> str:
    head = sentence[: TITLE_MAX + 1]
    space = head.rfind(" ")
    head = head[:space] if space > 0 else head[:TITLE_MAX]
    return _tidy(head) + "…"


def _tidy(text: str) -> str:
    """Strip trailing punctuation and words that cannot end a title ("and", "of", ...)."""
    while True:
        text = text.rstrip(_TRAILING_PUNCTUATION)
        head, _, last = text.rpartition(" ")
        if not head or last.lower() not in DANGLING_WORDS:
            return text
        text = head


_THREAD_MARK = re.compile(r"(?:🧵\s*)?\(?\b\d{1,2}\s?/\s?\d{1,2}\)?\s*$")
"""The counter that ends each post of a thread ("🧵 1/6", "(1/5)"). No leading run of spaces:
searched for, it would be tried from every position of a long run of spaces."""
_TRAILING_TAGS = re.compile(r"(?:\s+[#@]\w+)+$|[\s\W]+$")


def thread_title(lines: list[str]) -> str | None:
    """The first post of a thread, as its platform shows it: the opening lines up to the
    counter "1/n" that ends the post (its hashtags and emoji dropped), or None."""
    for count, line in enumerate(lines, start=1):
        mark = _THREAD_MARK.search(line)
        if mark is None:
            continue
        if not re.search(r"\b1\s?/\s?\d", mark.group()):
            return None
        text = " ".join([*lines[: count - 1], line[: mark.start()]])
        text = _TRAILING_TAGS.sub("", " ".join(text.split()))
        return text if len(text.split()) >= 3 and len(text) <= TITLE_MAX * 2 else None
    return None
