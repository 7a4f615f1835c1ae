"""Lines of scraped news text: normalising them, folding them for matching, keying them.

What the boilerplate rules (:mod:`aggregator.toolkit.boilerplate`) and the
cleaners need to agree on: one form of a line for matching
(:func:`match_form`), one key for learning repeated lines across documents
(:func:`line_key`), and the shapes a line can have: a prose sentence, an
item of a list, a commenter's name.
"""

from __future__ import annotations

import bisect
import functools
import re
import unicodedata
from collections.abc import Iterable, Sequence

__all__ = [
    "PROSE_END",
    "WRAP_MARGIN",
    "ends_like_sentence",
    "holds_any",
    "is_avatar",
    "is_cited_sentence",
    "is_commenter_name",
    "is_list_item",
    "is_sentence",
    "is_source_item",
    "join_lines",
    "line_key",
    "match_form",
    "normalise_text",
    "signature_key",
    "word_count",
    "word_set",
    "wrap_width",
]


# Invisible characters that carry nothing in news text. ZWJ/ZWNJ (U+200C/D)
# stay: Indic scripts and emoji sequences need them.
_INVISIBLE = re.compile("[\u200b\u2060\ufeff\u00ad\u180e]")
_LINE_BREAKS = {"\r\n": "\n", "\r": "\n", "\u2028": "\n", "\u2029": "\n\n", "\x85": "\n"}


def normalise_text(text: str) -> str:
    """NFC; one kind of space; no invisible characters; stripped lines; one blank line at most.

    Every Unicode space (tab, no-break space, em space, ideographic space…)
    becomes one plain space. Curly quotes, dashes and every visible
    character stay as they are.
    """
    if not text:
        return ""
    if text.isascii():
        if _is_normal_ascii(text):
            return text
    else:
        text = _INVISIBLE.sub("", unicodedata.normalize("NFC", text))
    for old, new in _LINE_BREAKS.items():
        if old in text:
            text = text.replace(old, new)
    return join_lines(" ".join(line.split()) for line in text.split("\n"))


_ODD_ASCII_SPACING = (
    "  ",
    " \n",
    "\n ",
    "\n\n\n",
    "\r",
    "\t",
    "\x0b",
    "\x0c",
    "\x1c",
    "\x1d",
    "\x1e",
    "\x1f",
)
"""What :func:`normalise_text` changes in an ASCII text: a space doubled or at a line's
edge, three line breaks in a row, a carriage return, whitespace other than spaces and line
breaks (``str.split`` splits on these)."""


def _is_normal_ascii(text: str) -> bool:
    """An ASCII text :func:`normalise_text` would give back unchanged (most texts it is
    given are a parser's, already normal), known by a few substring tests in C."""
    return (
        not text.startswith((" ", "\n"))
        and not text.endswith((" ", "\n"))
        and not holds_any(text, _ODD_ASCII_SPACING)
    )


def join_lines(lines: Iterable[str]) -> str:
    """Join lines, keeping at most one blank line in a row and none at either end."""
    out: list[str] = []
    blank = False
    for line in lines:
        if not line:
            if out:
                blank = True
            continue
        if blank:
            out.append("")
            blank = False
        out.append(line)
    return "\n".join(out)


_FOLD = str.maketrans(
    {
        **dict.fromkeys(map(ord, "\u2010\u2011\u2012\u2013\u2014\u2015\u2212"), "-"),
        **dict.fromkeys(map(ord, "\ufe58\ufe63\uff0d"), "-"),
        **dict.fromkeys(map(ord, "\u2018\u2019\u201a\u201b\u2032\u0060\u00b4"), "'"),
        **dict.fromkeys(map(ord, "\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb"), '"'),
    }
)


def match_form(line: str) -> str:
    """The form rules match: NFKC, dashes and quotes folded, casefolded, spaces collapsed."""
    if not line.isascii():
        line = unicodedata.normalize("NFKC", line).translate(_FOLD)
    return " ".join(line.casefold().split())


_WORD = re.compile(r"\w+")


_DIGITS = re.compile(r"\d+")


@functools.lru_cache(maxsize=8192)
def line_key(line: str) -> str:
    """The learning key of a line: casefolded words with digit runs folded, punctuation dropped.

    Dropping punctuation makes the key the same however a page was decoded
    (a ``©`` read as cp1252 or as a replacement character) or quoted.
    Remembered: each short line is keyed when its document is counted and again
    when its item is cleaned (up to 64 documents later), and boilerplate repeats.
    """
    key = words_key(line)
    return _DIGITS.sub("0", key) if _DIGITS.search(key) else key


def words_key(line: str) -> str:
    """A line's casefolded words, punctuation dropped, digits kept.

    An ASCII line's words are ``[A-Za-z0-9_]`` runs: its bytes, each other character
    made a space and each capital lowered by one table, split at the spaces (in C,
    about three times faster than finding the words, and the same words)."""
    if line.isascii():
        return b" ".join(line.encode("ascii").translate(_ASCII_WORDS).split()).decode("ascii")
    return " ".join(_WORD.findall(line.casefold()))


_ASCII_WORDS = bytes(
    ord(char.lower()) if char.isalnum() or char == "_" else ord(" ")
    for char in map(chr, range(128))
) + bytes(128)
"""A byte table that lowers the word characters of ASCII and makes the others spaces (the
upper half is never read: only an ASCII line's bytes are translated)."""


def signature_key(line: str) -> str:
    """A line casefolded with its spaces collapsed (for document signatures)."""
    return " ".join(line.casefold().split())


def holds_any(text: str, parts: tuple[str, ...]) -> bool:
    """Whether ``text`` contains one of ``parts``: for a few literal words, ``in`` tests
    are faster than a regular expression of alternatives, which is tried at every
    position where one of their first letters stands."""
    for part in parts:  # noqa: SIM110 (a loop, not any(): no generator to start)
        if part in text:
            return True
    return False


def may_hold(line: str, parts: tuple[str, ...]) -> bool:
    """False when a case-insensitive pattern that needs one of ``parts`` (lower case) cannot
    match ``line``: an ASCII line whose lower case holds none of them (a check far cheaper
    than the pattern). A line with other characters goes to the pattern, whose case
    folding is Unicode's ("ſ" matches "s", "K" the Kelvin sign matches "k")."""
    return not line.isascii() or holds_any(line.lower(), parts)


def word_count(line: str) -> int:
    """Words in a line whose spaces are already collapsed (see :func:`normalise_text`)."""
    return line.count(" ") + 1 if line else 0


_TERMINAL = re.compile(r"[.!?…][\"'”’)\]]*$")
_SENTENCE_SPLIT = re.compile(r"(?<=[.!?…])[\"'”’)\]]*\s+")


def is_sentence(line: str, min_words: int = 6) -> bool:
    """A complete prose sentence: ends with . ! ? and has a clause of ``min_words`` words or more.

    Taglines such as "Money. Markets. Asia." are not sentences; "The talks
    will resume in Tokyo next month." is.
    """
    if not _TERMINAL.search(line):
        return False
    return any(
        len([w for w in part.split() if any(c.isalnum() for c in w)]) >= min_words
        for part in _SENTENCE_SPLIT.split(line)
    )


_CITATIONS = re.compile(r"(?<=[.!?])(?:\s+\([^()]{1,50}\))+$")
"""Sources named in brackets after a sentence's stop ("… agree a joint venture. (Rashtra
Today) (Meridian Press)"), as a digest or a news wiki cites each item. Each bracket is
checked to name a source (:data:`_CITATION`) in Python: one pattern for both kinds of
source would try every split of a long run of brackets between them."""
_CITATION = re.compile(r"\((?:[A-Z][^()]*|[^()]*\d)\)")
"""A source in brackets: a name in capitals ("(Meridian Press)") or one ending in its year
or number ("(report, 2026)")."""
_BRACKETS = re.compile(r"\([^()]*\)")


def is_cited_sentence(line: str, min_words: int = 6) -> bool:
    """A prose sentence, or one followed by its sources in brackets: a digest's item."""
    if is_sentence(line, min_words):
        return True
    cited = _CITATIONS.search(line)
    return (
        cited is not None
        and all(_CITATION.fullmatch(source) for source in _BRACKETS.findall(cited.group()))
        and is_sentence(line[: cited.start()], min_words)
    )


PROSE_END = re.compile(r"[.!?][\"'”’)]*$")
"""A line's end that closes a sentence: a full stop, question or exclamation mark, with
any closing quotes or bracket after it."""


def word_set(words: str) -> frozenset[str]:
    """The words of a space-separated list, as a set: how word lists are written."""
    return frozenset(words.split())


def ends_like_sentence(line: str) -> bool:
    return bool(_TERMINAL.search(line)) and not line.endswith("...")


_BULLET = re.compile(r"^(?:[-–—•*·▪►›»]|\d{1,2}[.)])\s+\S")


def is_avatar(line: str) -> bool:
    """A commenter's avatar initial(s): one or two letters alone on a line."""
    return 1 <= len(line) <= 2 and line.isalpha()


def is_commenter_name(line: str) -> bool:
    """ "Sarah B", "Rohit P.", "@tokyo_fan": one to four capitalised words, no sentence."""
    if len(line) > 40 or line.endswith((":", "?", "!", ",")):
        return False
    tokens = line.split()
    if not 1 <= len(tokens) <= 4:
        return False
    if len(tokens) == 1 and tokens[0].startswith("@"):
        return True
    return all(token[0].isupper() and not any(c.isdigit() for c in token) for token in tokens)


def is_list_item(line: str, words: int) -> bool:
    """A line of a related-stories list: a bullet, a headline (no sentence ending), or a
    short question (a forum's related questions)."""
    if _BULLET.match(line):
        return words <= 30
    if line.endswith("?"):
        return words <= QUESTION_ITEM_WORDS
    return words <= 20 and not ends_like_sentence(line)


QUESTION_ITEM_WORDS = 14


def is_source_item(line: str, words: int) -> bool:
    """A line of a source list: an outlet name or a headline, never a prose sentence."""
    if _BULLET.match(line):
        return words <= 30
    return words <= 25 and not is_sentence(line, 5)


WRAP_MARGIN = 16
"""A line of hard-wrapped prose ends within this many characters of the wrap width."""


def wrap_width(lines: Sequence[str]) -> int | None:
    """The width text was hard-wrapped at (a PDF, an e-mail, a newsletter), if it was: most
    long lines end within :data:`WRAP_MARGIN` characters of one width (a tenth of them,
    unwrapped lines such as a keyword list, may run past it)."""
    long = sorted([length for length in map(len, lines[:200]) if length >= 60])
    if len(long) < 5:
        return None
    width = long[len(long) * 9 // 10 - 1] if len(long) >= 10 else long[-1]
    near = bisect.bisect_right(long, width) - bisect.bisect_left(long, width - WRAP_MARGIN)
    return width if width <= 120 and near * 2 >= len(long) else None
