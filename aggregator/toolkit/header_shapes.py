"""The case a header line is written in (title case, capitals) and how its sentences run.

Shared by the header zone (which line is the headline) and the parser (which lines are
headline-shaped), so that both read a line's case alike.
"""

from __future__ import annotations

import re

from aggregator.toolkit.titles import DANGLING_WORDS

__all__ = [
    "ends_on_company_abbreviation",
    "has_words",
    "in_capitals",
    "is_language_switch",
    "is_notice",
    "is_salutation",
    "is_title_case",
    "runs_on",
]

PROSE_SENTENCE_WORDS = 8
"""Words from which a sentence is prose (as the header zone's end reads a line)."""
_SENTENCE_BREAK = re.compile(r"(?:(?<=[A-Za-z]{3}[.!?])|(?<=\)[.!?])) +(?=[A-Z])")
"""A sentence's end inside a line: a stop after a word of three letters or more or after a
bracket, then a capital ("Mr. Rao" and "p.m. IST" go on)."""
_ASCII_UPPER = b"ABCDEFGHIJKLMNOPQRSTUVWXYZ"
_ASCII_LOWER = b"abcdefghijklmnopqrstuvwxyz"


def is_title_case(line: str) -> bool:
    """Every word but the minor ones capitalised: a second line in capitals can go on
    such a headline, but not a sentence-case one (there it starts a deck)."""
    words = 0
    for word in line.split():
        if word.lower() in DANGLING_WORDS:
            continue
        if word[0].isalpha() and not word[0].isupper():
            return False  # a sentence's words tell at once
        words += 1
    return words >= 2


def in_capitals(line: str, least: int = 8) -> bool:
    """At least ``least`` letters, four in five of them capitals (an ASCII line's counted by
    its bytes, at C speed: its letters are A-Z and a-z alone)."""
    if line.isascii():
        data = line.encode("ascii")
        capitals = len(data) - len(data.translate(None, _ASCII_UPPER))
        count = capitals + len(data) - len(data.translate(None, _ASCII_LOWER))
        return count >= least and capitals >= 0.8 * count
    letters = "".join(filter(str.isalpha, line))
    return len(letters) >= least and sum(map(str.isupper, letters)) >= 0.8 * len(letters)


def is_notice(line: str) -> bool:
    """Two sentences or more, none of :data:`PROSE_SENTENCE_WORDS` words ("INTERNAL. Do not
    forward.", "Trouble reading this? View it online."): a notice over the page, which a
    line of prose is not, though together its sentences have the words of one."""
    if ". " not in line and "! " not in line and "? " not in line:
        return False  # every break is a stop and a space: most lines are spared the pattern
    sentences = _SENTENCE_BREAK.split(line)
    return len(sentences) > 1 and all(
        len(part.split()) < PROSE_SENTENCE_WORDS for part in sentences
    )


_READERS = (
    r"(?:(?:dear|fellow|our)\s+)?(?:friends|members|readers|subscribers|founders|folks"
    r"|colleagues|partners|investors|supporters|community)"
)
_SALUTATION = re.compile(
    r"(?:(?i:hello|hi|hey|dear|greetings|welcome(?: back)?|good (?:morning|afternoon|evening))"
    r"(?: again| all| there)?,\s+(?:[a-z][a-z'’-]*\s?){1,2}"
    rf"|[^,!?]{{2,40}},\s+{_READERS})!"
)
"""A letter's opening to those it is sent to, exclaimed: the readers, members or friends
it addresses ("Konnichiwa and namaste, founders!", "Dear fellow members!"), or anyone in
lower case after a greeting ("Good morning, everyone!", "Hello again, builders!"). A
headline that hails or cheers someone is no greeting ("Well played, boys!", "Thank you,
sir!", "Thank you, Chennai!")."""


def is_salutation(line: str) -> bool:
    """A newsletter's greeting to its readers over its first piece, never a headline."""
    return len(line) <= SALUTATION_MAX and _SALUTATION.fullmatch(line) is not None


SALUTATION_MAX = 60


def runs_on(value: str) -> bool:
    """A field's value that goes on past a sentence's end and ends on a full stop (a
    channel's topic, "Feed from 40 sources. Discuss elsewhere."): a note, never a headline."""
    return value.endswith(".") and _SENTENCE_BREAK.search(value) is not None


_COMPANY_END = re.compile(r"\b(?:Ltd|Co|Inc|Corp|Pvt|Bhd|Plc|Pte|Pty|Llc|Ag|Kk|Sa)\.$", re.I)
"""The abbreviation a company's name ends on ("Ltd.", "Co.", "Inc.")."""


def ends_on_company_abbreviation(line: str) -> bool:
    """A title-case line whose stop is its last name's ("… By Tsubaki Coatings Co., Ltd."),
    as an exchange prints a filing's subject: a headline's, not a sentence's end."""
    return _COMPANY_END.search(line) is not None and is_title_case(line)


def has_words(line: str) -> bool:
    """A line with words in it, not only figures, times and dates."""
    found = 0
    for word in line.split():
        if len(word) >= 3 and word.isalpha():
            found += 1
            if found >= 2:
                return True
    return not any(c.isdigit() for c in line)


LANGUAGE_NAMES = frozenset(
    {"english", "hindi", "japanese", "tamil", "bengali", "marathi", "telugu", "urdu", "chinese"}
    | {"korean", "français", "deutsch", "español", "日本語", "हिन्दी", "中文", "한국어"}
)
_BAR = re.compile(r"\s*[|｜]\s*")


def is_language_switch(line: str) -> bool:
    """A site's links to its other languages ("English | हिन्दी | 日本語"): short parts
    between bars that name languages, or written in scripts of two kinds. It stands over a
    page's masthead as well as its headline, so the line under it is no headline for that."""
    parts = _BAR.split(line.strip())
    if len(parts) < 2 or any(not part or len(part.split()) > 2 for part in parts):
        return False
    named = sum(part.casefold() in LANGUAGE_NAMES for part in parts)
    return named == len(parts) or (named > 0 and len({part.isascii() for part in parts}) == 2)
