"""Lines in capitals in a header: a headline written so, or a name, a label, a number line.

A release, a notice or a parliamentary answer may print its headline in capitals among
the capitals of its letterhead and labels; these tell the one that says something from
those that name something (see :mod:`aggregator.toolkit.header_zone`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Mapping, Sequence

from aggregator.toolkit.header_lines import ORGANISATION_WORDS, furniture_kind
from aggregator.toolkit.header_shapes import has_words, in_capitals, is_title_case
from aggregator.toolkit.titles import DANGLING_WORDS

__all__ = [
    "capitals_above_lead",
    "capitals_pair",
    "capitals_run_on",
    "capitals_under_label",
    "capitals_under_names",
    "is_capitals_credit",
    "is_label",
    "names_organisation",
    "opening_capitals",
    "says_something_in_capitals",
    "second_row_start",
]

_DIGIT = re.compile(r"\d")


def capitals_under_label(
    lines: Sequence[str], candidates: Sequence[int], ranks: Mapping[int, int]
) -> int | None:
    """The first line that says something, when it is a headline in capitals right under a
    label of a word or two in capitals ("PRESS RELEASE" / "MINISTER MEETS …", "EDITORIAL"
    / "THE PRICE OF RICE"): a release's or a leader's headline, though in capitals it reads
    like a kicker. The first headline-shaped line, a masthead in capitals ("THE EVENING
    COURIER"), is passed over, and so is a line in mixed case right above the label (a
    motto under the issuer's name: a label stands over the headline, never under it)."""
    for index in candidates:
        line = lines[index]
        if says_something_in_capitals(line):
            if index and is_label(lines[index - 1]):
                return index
            if index != candidates[0]:
                return None
        over_label = index + 1 < len(lines) and is_label(lines[index + 1])
        if ranks[index] == 0 and not _is_office_name(line) and not over_label:
            return None
    return None


def is_label(line: str) -> bool:
    """A label of a word or two in capitals ("PRESS RELEASE", "EDITORIAL")."""
    return len(line.split()) <= 2 and in_capitals(line, 2) and not says_something_in_capitals(line)


def _is_office_name(line: str) -> bool:
    """A letterhead's line naming an office in title case, without a figure ("Ministry of
    Consumer Affairs, Food & Public Distribution")."""
    if not is_title_case(line) or _DIGIT.search(line):
        return False
    return any(word.strip(",.&()").lower() in ORGANISATION_WORDS for word in line.split())


CAPITALS_WITH_FIGURES = 5
"""Words a line in capitals needs to hold a figure and still be a headline ("48 JAPANESE
TEENS, 48 PUNE HOMES"); a shorter one is a label or a number line ("FORM 12")."""
_NUMBERED = re.compile(r"\b(?:NO|NUMBER|QUESTION|ITEM|CASE|FILE|REF)\.?\s*#?\d", re.IGNORECASE)


def says_something_in_capitals(line: str) -> bool:
    """A headline in capitals, not an issuer ("MINISTRY OF …"), a label ("PRESS NOTE")
    or a number line ("QUESTION NO. 12")."""
    words = line.split()
    return (
        in_capitals(line)
        and len(words) >= 3
        and (len(words) >= CAPITALS_WITH_FIGURES or not any(c.isdigit() for c in line))
        and _NUMBERED.search(line) is None
        and not names_organisation(line)
        and furniture_kind(line) in ("kicker", None)
    )


def names_organisation(line: str) -> bool:
    """A line in capitals that is an organisation's name ("MINISTRY OF TOURISM",
    "GOVERNMENT OF INDIA"): a name of at most seven words with an organisation's noun."""
    words = [word.strip(",.&()").lower() for word in line.split()]
    return len(words) <= 7 and any(word in ORGANISATION_WORDS for word in words)


def capitals_run_on(text: str, following: str) -> bool:
    """A headline in capitals that stops on "OF", "ON", "AND", or whose next line in
    capitals opens on such a word ("AT PHYSICS OLYMPIAD" / "IN TOKYO"), goes on in that
    line, which alone would read as a kicker; a credit line in capitals ("BY …", "WITH
    INPUTS FROM PTI", "FROM OUR STAFF REPORTER") is no part of it, unless the row above
    cannot end there ("… MISUSE OF" / "CENTRAL AGENCIES")."""
    if not in_capitals(text) or not in_capitals(following, 2):
        return False
    if text.split()[-1].lower() in DANGLING_WORDS:
        return True
    if is_capitals_credit(following):
        return False
    return len(text.split()) >= MINOR_ROW_WORDS and following.split()[0].lower() in DANGLING_WORDS


def capitals_pair(text: str, following: str) -> bool:
    """Two lines in capitals that each say something, without a figure (a date or number
    line: "TO BE ANSWERED ON 17.12.2025"), the first not closed by a stop or a colon: one
    headline in capitals set over two lines ("SOLAR PARK ON FORMER MINE" / "SITE BEGINS
    FEEDING THE GRID"), not a headline and a kicker (a kicker says no more than a name or
    a label). The first may name an organisation when the second opens on a word a
    headline cannot end on ("CITY COUNCIL APPROVES BUDGET" / "FOR NEW LIBRARIES")."""
    if _DIGIT.search(text + following) or text.endswith((".", ":", "!", "?", ";")):
        return False
    if not says_something_in_capitals(following):
        return False
    if is_capitals_credit(following) and text.split()[-1].lower() not in DANGLING_WORDS:
        return False
    opens_on_minor = following.split()[0].lower() in DANGLING_WORDS
    return says_something_in_capitals(text) or (
        opens_on_minor and in_capitals(text) and len(text.split()) >= MINOR_ROW_WORDS
    )


MINOR_ROW_WORDS = 3
"""Words the row above needs to be a headline's first row, not a label ("NOTICE")."""
_CREDIT_OPENING = re.compile(
    r"(?:by|with\b.*\binputs?\s+from|from our|our)\s|with\b.*\binputs?$", re.IGNORECASE
)
_CREDIT_ROLES = frozenset(
    ("reporter", "reporters", "correspondent", "correspondents", "bureau", "desk", "agencies")
)
_NAMED_BY = re.compile(r"by\s", re.IGNORECASE)


def is_capitals_credit(line: str) -> bool:
    """A credit line: who wrote or supplied a report ("BY ANIL KUMAR", "WITH INPUTS FROM
    PTI", "FROM OUR STAFF REPORTER", "OUR BUREAU"), never a headline's row. A row that
    goes on in small words or figures ("BY A FIFTH IN A MONTH", "POLICE AND INVESTIGATION
    AGENCIES") says something: it names no one."""
    words = line.split()
    if not words:
        return False
    if _NAMED_BY.match(line) and words[-1].lower() not in _CREDIT_ROLES:
        named = words[1:]
        return bool(named) and not any(
            word.lower() in DANGLING_WORDS or any(char.isdigit() for char in word) for word in named
        )
    if _CREDIT_OPENING.match(line) is not None:
        return True
    return words[-1].lower() in _CREDIT_ROLES and not any(
        word.lower() in DANGLING_WORDS for word in words[:-1]
    )


def second_row_start(lines: Sequence[str], index: int, candidates: Sequence[int]) -> int:
    """Where a headline in capitals chosen at line ``index`` begins: the line above it when
    the two are one headline over two rows (:func:`capitals_pair`), else ``index``."""
    above = index - 1
    if above in candidates and capitals_pair(lines[above], lines[index]):
        return above
    return index


def opening_capitals(
    lines: Sequence[str], candidates: Sequence[int], metadata: Collection[int]
) -> list[int]:
    """The candidates among the lines in capitals that open the page (date lines and
    bylines among them) that could be a headline."""
    opening = next(
        (
            i
            for i, line in enumerate(lines)
            if i not in metadata and has_words(line) and not in_capitals(line, 2)
        ),
        len(lines),
    )
    return [i for i in candidates if i < opening and says_something_in_capitals(lines[i])]


FURNITURE_RANK = 3
"""The header zone's rank of a line that is furniture (a menu, a label, a date line)."""


def capitals_above_lead(
    lines: Sequence[str],
    ranks: Mapping[int, int],
    passed: Collection[int],
    opens_lead: Callable[[Sequence[str], int], bool],
) -> int | None:
    """The last candidate (of ``ranks``) that is no furniture, when it is a headline in
    capitals with nothing but date lines and bylines (``passed``) and furniture (a line
    ranked so too: a score's "Label: value" rows) between it and the first paragraph (where
    ``opens_lead``): a picture desk's caption title under its
    fields; a page's headline under a mixed-case section label, over its date, a player's
    or a sharing bar. Furniture above it in mixed case keeps it from opening the page."""
    last = max((i for i, rank in ranks.items() if rank < FURNITURE_RANK), default=None)
    if last is None or not says_something_in_capitals(lines[last]):
        return None
    below = (
        i
        for i in range(last + 1, len(lines))
        if i not in passed and ranks.get(i, 0) < FURNITURE_RANK and furniture_kind(lines[i]) is None
    )
    lead = next(below, None)
    return last if lead is not None and opens_lead(lines, lead) else None


def capitals_under_names(
    lines: Sequence[str],
    candidates: Sequence[int],
    ranks: Mapping[int, int],
    marked: Collection[int],
    opens_lead: Callable[[Sequence[str], int], bool],
) -> int | None:
    """A headline in capitals right above the lead (see :func:`capitals_above_lead`) below
    every line that names something (a masthead, its affiliation, an issue line): a
    newsletter's piece under the association's name and the issue's number."""
    found = capitals_above_lead(lines, ranks, marked, opens_lead)
    named = [index for index in candidates if ranks[index] == 1]
    return found if found is not None and found > named[-1] else None
