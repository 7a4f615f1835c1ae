"""The shapes of rows and entries inside a text: a table's rows, a fact box's "Label:
figure" rows, a contents list's numbered entries, a pull quote, and the content words a
line speaks of.

The boilerplate cleaner asks these to keep what stands inside the article by its place
(a table between paragraphs, a box of the article's figures under a repeated heading).
"""

from __future__ import annotations

import re

from . import boilerplate as rules
from .boilerplate_shapes import is_data_strip
from .lines import is_sentence, word_count

DIGIT = re.compile(r"\d")


_CONTENT_WORD = re.compile(r"[^\W\d_]{4,}")


def content_words(line: str) -> set[str]:
    """The words of four letters or more of a line, casefolded: what it speaks of."""
    return set(_CONTENT_WORD.findall(line.casefold()))


_CONTENTS_ENTRY = re.compile(r"\d{1,2}(?:\.\d{1,2})*\.?\s+\S.{0,80}")
CONTENTS_ENTRY_WORDS = 12


def is_contents_entry(line: str, words: int) -> bool:
    """A numbered entry of a contents list ("1 History", "2. Fares"), never a heading
    of the text itself, which the list stops at."""
    return words <= CONTENTS_ENTRY_WORDS and _CONTENTS_ENTRY.fullmatch(line) is not None


_ENTRY_NUMBER = re.compile(r"\s*[\[(]?\d{1,2}(?:\.\d{1,2})*[.)\]]?\s+")


def _entry_title(line: str) -> str:
    return " ".join(_ENTRY_NUMBER.sub("", line, count=1).casefold().split())


def is_digest_index(lines: list[str], heading: int, end: int) -> bool:
    """Whether the list under a bare "Index" heading (``heading`` to ``end``) is a digest's
    list of its own pieces: an entry stands again below as a heading ("1. Port fees cut" …
    "[1] Port fees cut"). An index an article discusses (a ranking's first places, a table
    of a city's air quality) names nothing that recurs as a heading of its own."""
    entries = {_entry_title(line) for line in lines[heading + 1 : end] if line}
    below = (line for line in lines[end:] if line and len(line) <= 120)
    return bool(entries) and any(_entry_title(line) in entries for line in below)


FACT_ROWS = 2
_LABEL_ROW = re.compile(r"[^\W_][^:|.!?]{1,39}:\s+[^:|]{1,120}")


def is_fact_row(line: str) -> bool:
    """A row of a fact box: a short label (no list's mark), a colon, a short value
    ("Students served: 4,300")."""
    return _LABEL_ROW.fullmatch(line) is not None


def is_fact_box(rows: list[str], prose: list[str]) -> bool:
    """Whether rows under a heading are the article's box of figures: two or more, most
    giving a figure, most naming what the article's ``prose`` speaks of ("Households
    served: about 900" under a report of springs that supply 900 households)."""
    if len(rows) < FACT_ROWS:
        return False
    figures = sum(DIGIT.search(row.partition(":")[2]) is not None for row in rows)
    article = {word for line in prose for word in content_words(line)}
    told = sum(bool(content_words(row) & article) for row in rows)
    return figures * 2 >= len(rows) and told * 2 >= len(rows)


TABLE_RULES = frozenset({"data strip", "menu", "title bar", "programme details"})
"""Rules whose lines may be rows of a table inside the article."""
_FIGURE_CAPTION = re.compile(
    r"(?:Figure|Fig\.|Chart|Table|Graph)(?: [\dIVX]{1,3}(?:[.-]\d{1,3})*[:.]?|:) \S"
)


def is_figure_caption(line: str) -> bool:
    """A figure's or a table's caption, its label numbered or followed by a colon ("Figure
    2: …", "Table 4.1 …", "Chart: …"; not "Chart of the Week"): the row under it is the
    figure's data, never a page's ticker."""
    return line[:1] in "FCTG" and _FIGURE_CAPTION.match(line) is not None


_LABELLED_FIGURES = re.compile(r"[^:|]{2,40}:\s+\S*\d.*")


QUOTE_ROW = ("%", 0)
"""The shape of a row of a table of prices (:func:`is_quote_row`)."""
QUOTE_ROW_TOKENS = 8


def is_quote_row(line: str) -> bool:
    """A row of a table of prices, one name a line with its figures and its change in per
    cent ("Nikkei 225 37,640.15 -2.91%", "Ibiden (4062) +3.1%"), not a ticker of several
    names on one line nor a sentence."""
    if not is_data_strip(line):
        return False
    tokens = line.split()
    return (
        2 <= len(tokens) <= QUOTE_ROW_TOKENS
        and tokens[0][:1].isalpha()
        and DIGIT.search(tokens[-1]) is not None
    )


_FIGURE_ROW = re.compile(
    r"[A-Z][\w/&.-]{0,20}(?: [\w/&().-]{1,20}){0,2} [-+]?[$€£¥₹]?\d[\d,]*(?:\.\d+)?%?"
)
"""A name and its figure alone ("USD/JPY 151.20"): a row of a table of prices or rates."""
PRICE_ROWS_ABOVE = 8
"""The most rows of figures a row of a table of prices is looked for above."""


def prices_above(lines: list[str], index: int) -> int | None:
    """The row of prices with its change ("Nifty 50 23,711.30 -2.03%") that a name and its
    figure ("USD/INR 86.91") closes the table of, rows of names and figures alone between
    them; None when ``lines[index]`` is no such row or closes no such table."""
    if _FIGURE_ROW.fullmatch(lines[index]) is None:
        return None
    above = index - 1
    for _ in range(PRICE_ROWS_ABOVE):
        while above >= 0 and not lines[above]:
            above -= 1
        if above < 0:
            return None
        if is_quote_row(lines[above]):
            return above
        if _FIGURE_ROW.fullmatch(lines[above]) is None:
            return None
        above -= 1
    return None


def row_shape(line: str) -> tuple[str, int] | None:
    """A table row's shape: its number of " | " cells, a "Label: figures" row, or a row of
    a table of prices."""
    cells = line.count(" | ")
    if cells:
        return "|", cells
    if _LABELLED_FIGURES.fullmatch(line):
        return ":", 1
    return QUOTE_ROW if is_quote_row(line) else None


TEXT_WORDS = 5


def is_table_text(line: str, *, lead_in: bool = False) -> bool:
    """A sentence of the article (no rule's furniture) around a table, or a lead-in to it
    ("Closing levels:")."""
    words = word_count(line)
    if rules.classify(line, words) is not None:
        return False
    return (lead_in and line.endswith(":")) or (words >= TEXT_WORDS and is_sentence(line))


QUOTE_MARKS = frozenset("\"“”'‘’")
_QUOTED = re.compile(r"[\"“”'‘’](?P<inner>[^\"“”]{20,400}?)[.,!?]?[\"“”'‘’]")
"""A line in quotes; it opens with one of ``QUOTE_MARKS`` (looked at before the pattern)."""
PULL_QUOTE_WORDS = 6


def is_pull_quote(line: str, text: str) -> bool:
    """A line that only quotes words the article says elsewhere: a magazine's pull quote.
    The text's spaces are collapsed only for a line in quotes (most texts have none)."""
    match = _QUOTED.fullmatch(line)
    if match is None:
        return False
    inner = " ".join(match["inner"].split()).rstrip(".,!?")
    return len(inner.split()) >= PULL_QUOTE_WORDS and " ".join(text.split()).count(inner) >= 2


GALLERY_CAPTIONS = 3


def keep_gallery(lines: list[str], removed: dict[int, str]) -> None:
    """A photo gallery's captions are its text: when captions with their credits are a
    third of the lines or more, they stay (taken out of ``removed``)."""
    captions = [i for i, rule in removed.items() if rule == "photo caption"]
    if len(captions) >= GALLERY_CAPTIONS and 3 * len(captions) >= sum(map(bool, lines)):
        for index in captions:
            del removed[index]
