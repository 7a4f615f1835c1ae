"""What tells two news reports of one event from two of different events.

Exact keys (:func:`canonical_url`, :func:`text_key`), the salient terms a
reworded report keeps (names, organisations, events, identifying figures, the
days it names: :func:`days_named`, never read as figures), the words those
names are made of (:func:`name_words`: "Yoji Muto", "Minister Muto" and "MUTO
Yoji" all give "yoji" and "muto"), and the figures that show two reports are
about different events (:func:`contradicting_unit`: two loans of 71.2 and 41.2
billion yen).
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Collection, Iterable, Mapping
from datetime import datetime
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from aggregator.models import Item

TRACKING = re.compile(r"^(utm_.*|fbclid|gclid|dclid|mc_cid|mc_eid|ref|ref_src|cmpid|ocid|smid)$")
WORD = re.compile(r"[a-z0-9]+(?:['’][a-z]+)?")
_POSSESSIVE = re.compile(r"['’]s\b")
"""A possessive ending: "Seto's" is the name "Seto" (a tagger's entity may keep it where a
capitalised phrase of the same report, or the other report, does not)."""
# A leading lookahead such as (?=\d) names the character every match starts with: the
# regular expression engine then skips other positions in C, which halves a scan of an
# article (it cannot tell that by itself past a lookbehind or an alternation).
FIGURE = re.compile(
    r"(?=\d)(?<![\w.,])(\d{1,3}(?:,\d{2,3})+|\d+(?:\.\d+)?)"
    r"\s*(?:(%|per ?cent|crore|lakh|billion|million|trillion|km|mw|gw|tonnes?|yen|bn|m)"
    r"(?![^\W\d_]))?",
    re.IGNORECASE,
)
UNIT_SPELLINGS = {"bn": "billion", "percent": "%"}
"""Units written two ways, as one: "50 bn" and "50 billion" are one figure."""
CAPITALISED = re.compile(
    r"(?=[A-Z])(?<![.!?]\s)(?<!^)\b([A-Z][a-zA-Z]+(?:[-\t ][A-Z][a-zA-Z]+)*|[A-Z]{2,}(?:-\d+)?)"
)
CAPITALISED_AFTER = re.compile(
    r"(?=[A-Z])(?<![.!?]\s)(?<=([\s\S]))\b"
    r"([A-Z][a-zA-Z]+(?:[-\t ][A-Z][a-zA-Z]+)*|[A-Z]{2,}(?:-\d+)?)"
)
""":data:`CAPITALISED` (keep the two alike) with the character before each phrase, which
a phrase needs anyway (``(?<!^)``): ``findall`` then gives both as strings, which costs
less than a match object per phrase."""
STOPWORDS = frozenset(
    [
        "a",
        "an",
        "and",
        "are",
        "as",
        "at",
        "be",
        "by",
        "for",
        "from",
        "has",
        "have",
        "in",
        "is",
        "it",
        "its",
        "of",
        "on",
        "or",
        "that",
        "the",
        "their",
        "this",
        "to",
        "was",
        "were",
        "will",
        "with",
        "after",
        "over",
        "new",
        "says",
        "said",
        "two",
        "its",
        "into",
        "than",
        "more",
    ]
)


CALENDAR = frozenset(
    [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "today",
        "yesterday",
        "tomorrow",
        "ist",
        "jst",
        "gmt",
        "utc",
    ]
)
"""Capitalised words that date a report rather than name anything in it."""
MIN_NAME_WORD = 3
"""Shorter capitalised words (initials, "Mr", "No") name nothing on their own."""


def canonical_url(url: str) -> str:
    """The URL without tracking parameters, fragment, default port or trailing slash."""
    parts = urlsplit(url.strip())
    query = [
        (k, v)
        for k, v in parse_qsl(parts.query, keep_blank_values=True)
        if not TRACKING.match(k.lower())
    ]
    host = (parts.hostname or "").lower()
    if parts.port and (parts.scheme, parts.port) not in (("http", 80), ("https", 443)):
        host = f"{host}:{parts.port}"
    path = parts.path.rstrip("/") or "/"
    return urlunsplit((parts.scheme.lower(), host, path, urlencode(sorted(query)), ""))


def text_key(words: list[str]) -> str:
    """A hash of the text's words (from :func:`text_words`): the same text in other markup."""
    return hashlib.sha1(" ".join(words).encode()).hexdigest()


def capitalised_phrases(item: Item) -> list[str]:
    """The capitalised phrases of the report's headline and text (:data:`CAPITALISED`).

    A single capitalised word that opens a line is left out, as one that opens a
    sentence is: it is a heading, a label or a speaker mark ("Background", "Objectives",
    "ANCHOR") far more often than a name, and a name recurs inside the text anyway.
    """
    return [
        phrase
        for before, phrase in CAPITALISED_AFTER.findall(f"{item.title}\n{item.text}")
        if before != "\n" or " " in phrase or "-" in phrase
    ]


def salient_terms(item: Item, capitalised: list[str] | None = None) -> list[str]:
    """Names, organisations, events and figures: what a reworded report keeps.

    Countries and single capitalised words (India, Tokyo, JICA) are left out:
    nearly every report of a feed shares them, so they say nothing about the
    event and would make every report a candidate for every other.
    ``capitalised``: the item's :func:`capitalised_phrases`, when already found.
    """
    terms = {
        f"e:{entity.name.casefold()}"
        for entity in item.entities
        if entity.kind != "place" and " " in entity.name
    }
    text = f"{item.title}\n{item.text}"
    if capitalised is None:
        capitalised = CAPITALISED.findall(text)
    terms.update(f"c:{match.casefold()}" for match in capitalised if " " in match)
    terms.update(f"n:{figure}" for figure in figures_of(text) if is_identifying(figure))
    terms.update(f"{DAY_MARK}{day}" for day in days_named(text))
    return sorted(terms)


def name_words(item: Item, capitalised: list[str] | None = None) -> list[str]:
    """The words of every name a report gives (people, organisations, places, programmes,
    acronyms), each once, sorted: order, word case and how a name is cut into phrases
    differ between reports of one event, its words do not.

    Single names count here (JAXA, Setouchi, Gujarat): how much a shared word weighs is
    left to its rarity, so the "India" and "Japan" of every report weigh next to nothing.
    A possessive is its name ("Seto's" is "seto"), so that a name is one word, not two.
    ``capitalised``: the item's :func:`capitalised_phrases`, when already found.
    """
    phrases = [entity.name for entity in item.entities]
    phrases += capitalised_phrases(item) if capitalised is None else capitalised
    return words_of_names(phrases)


def words_of_names(phrases: Iterable[str]) -> list[str]:
    """The name words of ``phrases`` as :func:`name_words` keeps them, sorted."""
    # One scan of all phrases: no word spans the line break between two, and
    # casefolding maps each character alone.
    words = set(WORD.findall(_POSSESSIVE.sub("", "\n".join(phrases).casefold())))
    words -= STOPWORDS
    words -= CALENDAR
    return sorted(word for word in words if len(word) >= MIN_NAME_WORD and not word[0].isdigit())


def figures_of(text: str) -> set[str]:
    """Figures that identify an event (amounts, counts, percentages), not years or days."""
    found = set()
    for number, unit in FIGURE.findall(text):
        value = number.replace(",", "")
        if "." not in value and (len(value) < 2 or (len(value) == 4 and value[:2] in ("19", "20"))):
            continue
        unit = (unit or "").lower().replace(" ", "")
        found.add(f"{value}{UNIT_SPELLINGS.get(unit, unit)}")
    return found


MONTH_WORD = re.compile(
    r"(?=[ADFJMNOS])\b(?i:(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)"
    r"(?:uary|ruary|ch|il|e|y|ust|t|tember|ober|ember)?)\b"
)
"""A month's name or its short form, written with a capital ("May", "Sept", "JUNE"): the
scan stops only at capitals, far fewer than digits or letters."""
DAY_BEFORE = re.compile(r"(?<![\w.,])(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?\Z")
DAY_AFTER = re.compile(r"\.?\s+(\d{1,2})(?:st|nd|rd|th)?(?!\w)")
DAY_REACH = 12
"""Characters before a month's name searched for its day ("3rd of ")."""
_MONTH_NUMBER = {
    name: number
    for number, name in enumerate(
        ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), 1
    )
}
_MONTH_ENDINGS = {
    "jan": "uary",
    "feb": "ruary",
    "mar": "ch",
    "apr": "il",
    "jun": "e",
    "jul": "y",
    "aug": "ust",
    "sep": "t tember",
    "oct": "ober",
    "nov": "ember",
    "dec": "ember",
}


DAY_MARK = "d:"
"""What a salient term of a day named in the text starts with."""


def figures_of_terms(terms: list[str], published: datetime | None) -> list[str]:
    """The figures among a report's :func:`salient_terms`, with the days it names other
    than its own publication day (the day of an event, a deadline, a start): another
    report of the event names them too, where every report of one day names that day."""
    own = f"{published.month}-{published.day}" if published else ""
    return [
        term[2:]
        for term in terms
        if term.startswith("n:") or (term.startswith(DAY_MARK) and term[2:] != own)
    ]


def is_day(figure: str) -> bool:
    """Whether a figure of :func:`figures_of_terms` is a day ("5-15"), not an amount."""
    return "-" in figure


def days_named(text: str) -> set[str]:
    """The days of the year the text names by day and month ("15 May", "May 15th", "3rd of
    March"), as "month-day" ("5-15"): a report's event day, which its other reports name."""
    found = set()
    for month in MONTH_WORD.finditer(text):
        short, ending = month.group(1).casefold(), month.group(0)[3:].casefold()
        if ending and ending not in _MONTH_ENDINGS.get(short, "").split():
            continue
        before = DAY_BEFORE.search(text, max(0, month.start() - DAY_REACH), month.start())
        day = before or DAY_AFTER.match(text, month.end())
        if day and 1 <= int(day.group(1)) <= 31 and not _in_stamp(text, day, month):
            found.add(f"{_MONTH_NUMBER[short]}-{int(day.group(1))}")
    return found


STAMP_WORDS = 2
"""Words a line may hold beside its date and still be a date stamp ("Thursday, 5 Feb 2026
- 8:47 PM", "DATE: 18 MAY 2026"), not a sentence that names a day."""
_STAMP_WORD = re.compile(r"[^\W\d_]{2,}")
STAMP_REACH = 80
"""How far a stamp's line runs on either side of its date: a line that runs on further is
no stamp, and is not read (a text of one long line names many days)."""


def _in_stamp(text: str, day: re.Match[str], month: re.Match[str]) -> bool:
    """Whether the day and month stand on a line of their own, a report's date stamp: each
    report of one event is stamped with its own day, which tells nothing of the event."""
    start, end = min(day.start(), month.start()), max(day.end(), month.end())
    line_start = text.rfind("\n", max(0, start - STAMP_REACH), start)
    if line_start < 0 and start > STAMP_REACH:
        return False
    line_end = text.find("\n", end, end + STAMP_REACH)
    if line_end < 0 and len(text) > end + STAMP_REACH:
        return False
    rest = text[line_start + 1 : start] + " " + text[end : None if line_end < 0 else line_end]
    return len(_STAMP_WORD.findall(rest)) <= STAMP_WORDS


LEAD_WORDS = 80
"""Words of the text after the headline that count as its lead, when the first
paragraph runs longer (text without paragraph breaks)."""


def lead_figures(item: Item) -> list[str]:
    """Identifying figures of the headline and the first paragraph (at most
    :data:`LEAD_WORDS` words of it)."""
    lead = item.text.split("\n\n", 1)[0].split(maxsplit=LEAD_WORDS)[:LEAD_WORDS]
    found = figures_of(f"{item.title}\n{' '.join(lead)}")
    return [figure for figure in found if is_identifying(figure)]


def days_within(date: datetime, day: str, days: float) -> list[datetime]:
    """The dates of ``day`` ("month-day") that fall within ``days`` days after ``date``
    (``days`` > 0) or before it (``days`` < 0), at its time of day: a day in January named
    ahead in December is of the next year, one in December named back in January of the
    last."""
    month, _, number = day.partition("-")
    step = 1 if days > 0 else -1
    found = []
    for year in (date.year, date.year + step):
        try:
            named = date.replace(year=year, month=int(month), day=int(number))
        except ValueError:  # 29 February of another year
            continue
        if 0 < step * (named - date).total_seconds() <= step * days * 86400:
            found.append(named)
    return found


def days_apart(first: datetime, second: datetime, *, years_known: bool = True) -> float:
    """Days between two dates; without ``years_known`` (a year was guessed), the days
    between the same dates in the nearest years."""
    gap = abs((first - second).total_seconds()) / 86400
    if not years_known:
        gap %= 365.25
        gap = min(gap, 365.25 - gap)
    return gap


Weigh = Callable[[frozenset[int]], dict[int, float]]
"""Weights of term hashes, such as their rarity among the indexed reports."""


def weighted_jaccard(
    first: frozenset[int], second: frozenset[int], weights: Mapping[int, float]
) -> float:
    """Jaccard overlap of two term sets, each term weighted by ``weights`` (which may
    weigh other terms too: one lookup can serve several overlaps). The union's weights
    are summed in the order the union iterates, so the sum is reproducible."""
    if not first or not second:
        return 0.0
    weight = weights.__getitem__
    union = sum(map(weight, first | second))
    return sum(map(weight, first & second)) / union if union else 0.0


def weighted_overlaps(
    first: frozenset[int], second: frozenset[int], weights: Mapping[int, float]
) -> tuple[float, float]:
    """The Jaccard overlap of two term sets and how much of the lighter set the other
    holds (1.0 when every name of a short report is in a long one), each term weighted
    by ``weights`` (as for :func:`weighted_jaccard`)."""
    if not first or not second:
        return 0.0, 0.0
    weight = weights.__getitem__
    shared = sum(map(weight, first & second))
    union = sum(map(weight, first | second))
    smaller = min(sum(map(weight, first)), sum(map(weight, second)))
    return (shared / union if union else 0.0, shared / smaller if smaller else 0.0)


def unit_of(figure: str) -> str:
    """The unit of a figure ("crore" of "1500crore"), empty when it has none."""
    return figure.lstrip("0123456789.")


def is_identifying(figure: str) -> bool:
    """An amount with a unit, a decimal or three or more digits: not "10 years"."""
    number = figure[: len(figure) - len(unit_of(figure))]
    return bool(unit_of(figure)) or "." in number or len(number) >= 3


def contradicting_unit(
    first_lead: Collection[str],
    first: Collection[str],
    second_lead: Collection[str],
    second: Collection[str],
) -> str | None:
    """A unit (crore, billion, km, %) both reports lead with figures in, where neither
    report's lead figure in it appears anywhere in the other: two loans of 71.2 and
    41.2 billion yen are two loans. Only lead figures (headline and first paragraph)
    count, since the rest of a report may give background figures the other lacks
    (the length of one section of a line, last year's total)."""
    first_units = {unit_of(f) for f in first_lead if unit_of(f)}
    units = first_units & {unit_of(f) for f in second_lead if unit_of(f)}
    for unit in sorted(units):
        first_in = {f for f in first_lead if unit_of(f) == unit}
        second_in = {f for f in second_lead if unit_of(f) == unit}
        if not (first_in & set(second)) and not (second_in & set(first)):
            return unit
    return None
