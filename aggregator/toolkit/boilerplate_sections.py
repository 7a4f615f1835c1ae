"""Section headings an outlet repeats: the article's own, though learned as furniture.

Documents of one kind share their sections: a fact-check's "What we found" and "The
verdict", a weekly's "ON THE CALENDAR", a newsletter's "🇯🇵 Japan", a release's "[Future
plans]". Such a heading recurs in every document of the source, so the learner counts it
like a masthead; what tells it from furniture is what stands around it. Under a heading
stands text that varies from document to document (the article's next section); around
furniture stand the page's header and footer. So a learned heading stays when the text
it heads is the document's own prose and the article's prose stands above it too; a
heading over the article's first lines (a summary box's "Key points", a podcast's "Show
notes") is told by nothing from the page's labels and goes, as before. What the cleaner
cannot tell while it walks the text it tells once the text is cleaned
(:mod:`~aggregator.toolkit.boilerplate_kept_sections`): a learned heading between kept
lines of the article, over a sentence of its own ("The verdict" / "False.").

At a document's foot, a repeated heading over a list of short entries (a school's
"Upcoming dates", a temple's "This week at the Mandir", a match centre's "Key events") is
the outlet's standing calendar or scoreboard: the heading and its entries go with the
closing lines (:func:`foot_top`).
"""

from __future__ import annotations

import functools
import re

from .boilerplate_cards import is_figures_bar
from .boilerplate_rows import QUOTE_ROW, row_shape
from .dates import parse_date_line
from .lines import is_sentence, word_count

HEADING_WORDS = 6
_MARK = re.compile(r"[^\w\s]+\s*")
"""What may stand before a heading's words: Markdown's "**", an emoji, a bullet."""
_BRACKETED = re.compile(r"\[([^\[\]]{2,60})\]")
"""A heading in brackets, as Japanese releases print them ("[Background]")."""
_NUMBERED = re.compile(r"\d{1,2}[.)]\s+\S")
ITEM_MARK = re.compile(r"\s*(?:[-–•*·▪●›]|\(?\d{1,2}[.)]|\(?[a-z][.)])\s+")
"""The mark of a numbered or bulleted entry: a list keeps one shape from start to end."""


def heading_words(line: str) -> str:
    """A line's words without the mark or brackets a heading may carry."""
    bracketed = _BRACKETED.fullmatch(line)
    if bracketed is not None:
        return bracketed[1].strip()
    mark = _MARK.match(line)
    return line[mark.end() :] if mark is not None else line


def is_heading(line: str) -> bool:
    """A short section heading: a few words, capitalised, ending on a letter (no sentence
    end, no menu's "▾") or on the question a section answers ("Why in News?", not a
    speaker's "HOST: Who wins?"), no figure, no cells of a running head ("BANK |
    RESEARCH"); behind a mark ("🇯🇵 Japan", "** In brief") or in brackets ("[Future
    plans]")."""
    words = heading_words(line)
    return (
        0 < len(words.split()) <= HEADING_WORDS
        and words[0].isupper()
        and (words[-1].isalnum() or _is_question(words))
        and " | " not in words
        and not any(char.isdigit() for char in words)
    )


def _is_question(words: str) -> bool:
    """A heading that asks ("Why in News?"), not a speaker's line ("HOST: Who wins?")."""
    return words[-1] == "?" and words[-2:-1].isalnum() and ":" not in words


def is_numbered_heading(line: str) -> bool:
    """A numbered heading behind a mark ("** 3. In brief"): numbered sections recur in
    every document of their kind, and their number is no furniture's."""
    mark = _MARK.match(line)
    return mark is not None and _NUMBERED.match(line, mark.end()) is not None


_BARE_NUMBER = re.compile(r"(\d{1,2}) +(?=[A-Z])")
"""A section's number without a stop ("1 Purpose"), as Japanese releases number items."""


def numbered_sections(lines: list[str]) -> set[int]:
    """The indexes of headings numbered without a stop ("1 Purpose", "2 Period") that stand
    in a run numbered in order, the next number below or the one before above: a
    document's numbered sections, which every document of its kind repeats, not a count
    over a list ("2 Comments"), which has no such neighbour."""
    numbered: dict[int, list[int]] = {}
    for index, line in enumerate(lines):
        match = _BARE_NUMBER.match(line)
        if match is not None and is_heading(line[match.end() :]):
            numbered.setdefault(int(match[1]), []).append(index)
    found: set[int] = set()
    for number, indexes in numbered.items():
        for index in indexes:
            before = numbered.get(number - 1, ())
            after = numbered.get(number + 1, ())
            if any(i < index for i in before) or any(i > index for i in after):
                found.add(index)
    return found


LIST_ENTRIES = 2
FOOT_ENTRY_WORDS = 10
MARKED_ENTRY_WORDS = 16


def is_foot_entry(line: str) -> bool:
    """A short line that is no sentence: an entry of a changing list under an outlet's
    shared closing lines ("Sensex Today", a "most read" headline, numbered or not); an
    entry behind a list's mark may run longer ("– Film screening at the Film Club, 14
    March"); not a bar of the document's own figures ("Offered: 41,200 kgs | Sold: 84%"),
    which its other documents print with other figures."""
    limit = MARKED_ENTRY_WORDS if ITEM_MARK.match(line) else FOOT_ENTRY_WORDS
    return word_count(line) <= limit and not is_sentence(line) and not is_figures_bar(line)


_STAMP_LABEL = re.compile(r"(?:date|time|dated|signed|reason|location)\s*:", re.IGNORECASE)
"""Labels of a digital signature's stamp, which closes a signed document's text."""


def ends_foot(line: str) -> bool:
    """Whether a line no outlet closes its documents with stands over the closing lines a
    text shares: a date (not a listed item's), a numbered clause (a standard clause of an
    order is the order's own), a "Label: figures" row (not a signature's stamp) or a row of
    prices ("Nifty 50 23,711.30 -2.03%"), which other documents print with other figures."""
    if ITEM_MARK.match(line) is not None:
        return is_sentence(line)
    if parse_date_line(line) is not None:
        return True
    shape = row_shape(line)
    return (shape == (":", 1) and not _STAMP_LABEL.match(line)) or shape == QUOTE_ROW


def foot_top(
    lines: list[str], foot: list[int], shared: dict[int, int], heads: set[int], entries: set[int]
) -> int:
    """Where the outlet's closing lines begin in ``foot`` (indexes of ``lines`` from the top
    down): at the first line its documents share, at a repeated status line with only
    short entries under it (an app's "Listened · Archived" over the reader's note), or at
    a repeated heading (learned and
    removed, heading-shaped: no caption file's timing line) over a list of two entries or
    more, changing or repeated ("Upcoming dates", "This week at the Mandir"): the outlet's
    standing calendar or scoreboard. ``len(foot)`` when neither stands in it."""
    for position, index in enumerate(foot):
        if index in shared:
            return position
        under = foot[position + 1 :]
        if index in heads and _is_status(lines[index]) and under and set(under) <= entries:
            return position  # a repeated status line, the reader's own note under it
        if index in heads and is_heading(lines[index]):
            listed = 0
            for below in foot[position + 1 :]:
                if below not in entries and below not in heads:
                    break
                listed += 1
            if listed >= LIST_ENTRIES:
                return position
    return len(foot)


_WORD = re.compile(r"[^\W\d_]{3,}")


def _is_status(line: str) -> bool:
    """A repeated line of words that is no heading ("Listened 100% · Archived"): an app's
    status over what its reader added, not a caption file's timing line."""
    return not is_heading(line) and _WORD.search(line) is not None


@functools.lru_cache(maxsize=4096)
def learnable(line: str) -> bool:
    """Whether a repeated short line may be boilerplate: not a prose sentence, not a date,
    not a word alone nor a numbered line (section headings such as "ANSWER" or "3.
    Recommendations" repeat in every document of their kind; one-word furniture such as
    "Advertisement" has its rules). A line of a script written without spaces
    ("東京サナタン寺院", a masthead) is a phrase, however it splits."""
    return (
        not _word_alone(line.strip())
        and ITEM_MARK.match(line) is None
        and not is_numbered_heading(line)
        and not is_sentence(line)
        and parse_date_line(line) is None
    )


_UNSPACED = re.compile("[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\u0e00-\u0e7f]")
"""Kana, CJK ideographs and Thai: scripts whose phrases hold no space."""
UNSPACED_PHRASE = 4


def _word_alone(line: str) -> bool:
    return line.isalpha() and not (
        len(line) >= UNSPACED_PHRASE and _UNSPACED.search(line) is not None
    )
