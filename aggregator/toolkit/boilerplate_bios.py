"""An author's bio among the last lines of a text: who wrote it, not what it says.

A page closes an article with a line on its writer ("Tova Lind covers rivers for …",
"Vikram Nair served 24 years in the Indian Navy."). It is told by the name it opens with:
the byline's (the item's authors, or a name line among the text's first lines, "Dr
Hannah Okafor-Lee, Fellow, Indo-Pacific Order", which a think tank prints in place of a
byline) followed by a verb that says what the person is or does; without a byline, a full
name and the writer's trade. A video's or a post's channel is its writer too: its name
over its count of subscribers (:func:`profile_names`) is furniture, and so is the line
that opens with that name at the end ("Harbour TV covers the port and its ferries.").

Many pages print the bio under the byline instead, above the article's first paragraph
("By Mini Varghese" / "Mini Varghese writes on labour and migration from …"; "By Tomoko
Ishida / New Delhi Bureau Chief" / "Ishida has covered South Asia since 2023."): the line
opens with the writer's name, or after its first mention the surname alone
(:func:`head_bio_lines`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from .lines import ends_like_sentence, word_count

BIO_LINES = 3
"""An author's bio is among the last lines of the article."""
BIO_CHARACTERS = 300
NAME_LINES = 3
"""The first lines of a text where a name line stands in for a byline."""
NAME_LINE_WORDS = 14
_BIO_VERBS = frozenset(
    {"is", "was", "covers", "writes", "reports", "teaches", "leads", "heads", "edits", "has"}
    | {"works", "joined", "served"}
)
_FULL_NAME = r"[A-Z][a-z]+(?:[ -][A-Z][a-z]+){1,3}"
_SCHOLAR = (
    r"(?:(?:[Ff]ormer|[Ss]enior|[Vv]isiting|[Aa]djunct|[Aa]ssistant|[Aa]ssociate"
    r"|[Dd]istinguished|[Hh]onorary) )*"
    r"(?:[Pp]rofessor|[Ff]ellow|[Ll]ecturer|[Rr]esearcher|[Ss]cholar"
    r"|[Dd]irector of (?:the )?[^.]{0,60}(?:[Pp]rogramme|[Pp]rogram|[Cc]entre|[Cc]enter"
    r"|[Ii]nstitute|[Ii]nitiative))"
)
"""A scholar's post as a bio under a column gives it."""
WRITER_BIO = re.compile(
    rf"{_FULL_NAME} (?:is|was) (?:a|an|the|our|[A-Z]).{{0,80}}?\b(?:correspondent|writer|editor"
    r"|reporter|journalist|columnist|photographer|contributor|contributing editor)\b.*"
    rf"|{_FULL_NAME} (?:covers|writes (?:on|about)|reports on) .{{3,200}}"
)
"""Who the writer is, when no byline names them: a full name, then a journalist's trade
("Mira Sen is a Pune-based writer on cities", "Anil Varma covers shipping for …")."""
SCHOLAR_BIO = re.compile(
    rf"(?P<name>{_FULL_NAME})(?:, [^.,]{{3,120}},)? (?:is|was) (?:a |an |the )?{_SCHOLAR}\b.*"
    rf"|(?P<author>{_FULL_NAME}) is [^.]{{0,80}}\bthe author of\b.*"
)
"""A scholar's post or a book to the writer's name, as a bio under an opinion column gives
them ("Mira Sen is professor emeritus of economics at …", "Ken Ito, a former envoy, is a
senior fellow at …", "… is a former pilot and the author of …"): the writer's only when the
article has not spoken of the person before (an obituary's "… was the author of eleven
novels", an expert quoted earlier)."""
MENTION_WORDS = 6
"""The least a line that mentions a person holds: a sentence, not a byline's "By …"."""


def is_writer_bio(lines: list[str], index: int, *, whole: bool = False) -> bool:
    """Whether ``lines[index]`` says who the writer is (:data:`WRITER_BIO`, or
    :data:`SCHOLAR_BIO` of someone no earlier sentence names); ``whole``: the pattern
    spans the line, not only opens it."""
    line = lines[index]
    test = "fullmatch" if whole else "match"
    if getattr(WRITER_BIO, test)(line):
        return True
    found = getattr(SCHOLAR_BIO, test)(line)
    if found is None:
        return False
    name = found["name"] or found["author"]
    surname = name.split()[-1]
    return not any(
        surname in lines[i] and lines[i].count(" ") + 1 >= MENTION_WORDS for i in range(index)
    )


_HONORIFIC = r"(?:(?:Dr|Prof|Professor|Mr|Mrs|Ms|Mx|Cdr|Capt|Col|Lt|Gen|Adm|Amb)\.? )"
_NAME_LINE = re.compile(
    rf"{_HONORIFIC}?(?:\([a-z.]{{2,8}}\) )?(?P<name>{_FULL_NAME}), [A-Z][^.!?]{{2,120}}"
)
"""A name, then the person's title after a comma ("Cdr (retd) Vikram Nair, Senior Fellow,
Maritime Programme"): a byline without its "By"."""


def head_names(lines: list[str]) -> tuple[str, ...]:
    """The names a text's first lines give in place of a byline."""
    names = []
    seen = 0
    for line in lines:
        if not line:
            continue
        seen += 1
        if seen > NAME_LINES:
            break
        if ", " not in line or line.count(" ") >= NAME_LINE_WORDS:
            continue  # the pattern needs the comma after the name: most lines go untried
        found = _NAME_LINE.fullmatch(line)
        if found is not None:
            names.append(found["name"])
    return tuple(names)


_AUDIENCE = re.compile(r"\d[\d.,]*\s?[KkMm]? (?:subscribers|followers)")
AUDIENCE_WORDS = ("subscribers", "followers")
"""What a text holds when it may hold a profile card (a cheap test before the lines')."""
PROFILE_NAME_WORDS = 5


def profile_names(lines: list[str]) -> list[int]:
    """The lines of a profile card's name: a short line over its count of subscribers or
    followers ("Harbour TV" over "904K subscribers"), a channel's or an account's, not the
    article's."""
    found = []
    previous = None
    for index, line in enumerate(lines):
        if not line:
            continue
        if previous is not None and _AUDIENCE.fullmatch(line):
            name = lines[previous]
            if name.count(" ") < PROFILE_NAME_WORDS and not name.endswith((".", ":", "!", "?")):
                found.append(previous)
        previous = index
    return found


def bio_lines(lines: list[str], removed: Iterable[int], authors: tuple[str, ...]) -> list[int]:
    """The indexes of the lines among the last kept that are the writer's bio: opening with
    the byline's name (``authors``: the item's, a channel's from its profile card; or a
    name line of the text's head) and a verb that says
    who the writer is ("… covers rivers for …", "… is our diplomatic correspondent"), or,
    without a byline, with a full name and the trade ("Mira Sen is a Pune-based writer on
    cities.")."""
    gone = set(removed)
    last: list[int] = []  # the last lines kept, walked to from the end
    for index in range(len(lines) - 1, -1, -1):
        if lines[index] and index not in gone:
            last.append(index)
            if len(last) == BIO_LINES:
                break
    names = authors + head_names(lines)
    found = []
    for index in reversed(last):
        line = lines[index]
        for name in names:
            rest = line[len(name) :].split()
            if line.startswith(name) and rest and rest[0].lower() in _BIO_VERBS:
                found.append(index)
                break
        else:
            if len(line) <= BIO_CHARACTERS and is_writer_bio(lines, index, whole=True):
                found.append(index)
    return found


HEAD_LINES = 14
"""The first lines of a text where a bio under the byline stands."""
_BYLINE_NAME = re.compile(rf"By (?P<name>{_FULL_NAME})\b")
_NAME_ALONE = re.compile(_FULL_NAME)
SURNAME_LETTERS = 3
PARAGRAPH_WORDS = 10


def head_bio_lines(lines: list[str], removed: Iterable[int], authors: tuple[str, ...]) -> list[int]:
    """The indexes of the lines above the article's first paragraph that say who its
    writer is: a line that opens with a name of the byline (``authors``, or a "By <Name>"
    line above it), or its surname alone, and a verb that says what the writer is or does;
    under a name alone on its line ("Arjun Menon" / "India Correspondent"), a line that
    gives a journalist's trade (:data:`WRITER_BIO`). A paragraph that is no bio ends the
    search: the article has begun."""
    gone = set(removed)
    names = tuple(form for name in authors for form in _name_forms(name))
    alone: tuple[str, ...] = ()
    found: list[int] = []
    seen = 0
    for index, line in enumerate(lines):
        if not line:
            continue
        seen += 1
        if seen > HEAD_LINES:
            break
        if len(line) <= BIO_CHARACTERS and (
            _opens_with(line, names) or (_opens_with(line, alone) and WRITER_BIO.match(line))
        ):
            found.append(index)
            continue
        if (byline := _BYLINE_NAME.match(line)) is not None:
            names += _name_forms(byline["name"])
        elif _NAME_ALONE.fullmatch(line):
            alone += _name_forms(line)
        elif index not in gone and word_count(line) >= PARAGRAPH_WORDS and ends_like_sentence(line):
            break  # a paragraph: told by its end, not by is_sentence, asked of every text
    return found


def _name_forms(name: str) -> tuple[str, ...]:
    """How a bio may open with a name: the whole name, or its surname alone ("Ishida has
    covered …"), each with the space after it."""
    surname = name.split()[-1]
    return (f"{name} ", f"{surname} ") if len(surname) >= SURNAME_LETTERS else (f"{name} ",)


def _opens_with(line: str, forms: tuple[str, ...]) -> bool:
    """Whether ``line`` opens with one of ``forms`` and a bio's verb after it."""
    if not forms or not line.startswith(forms):
        return False
    for form in forms:
        if line.startswith(form):
            verb = line[len(form) :].split(maxsplit=1)[:1]
            if verb and verb[0].lower() in _BIO_VERBS:
                return True
    return False
