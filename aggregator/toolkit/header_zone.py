"""The header zone of a plain-text article, and the choice of its headline there.

The header zone runs from the top to the first line of body prose. Every headline-shaped line in it
is a candidate; the furniture around a headline (see :mod:`aggregator.toolkit.header_lines`) is
ranked below it, so that the headline is found by the structure of the header whatever the outlet.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Collection, Mapping, Sequence
from typing import Final, NamedTuple

from aggregator.toolkit.dates import DateMatch
from aggregator.toolkit.document_parts import PART_RULE, part_heading
from aggregator.toolkit.header_capitals import (
    capitals_above_lead,
    capitals_under_label,
    capitals_under_names,
    is_label,
    names_organisation,
    opening_capitals,
    says_something_in_capitals,
    second_row_start,
)
from aggregator.toolkit.header_dated import DAY_NAMED_RULE, named_for_its_day
from aggregator.toolkit.header_lines import (
    HEADLINE_LABELS,
    as_written,
    furniture_kind,
    header_field,
    in_two_scripts,
    is_cut_title,
    is_name_like,
    is_separator,
    is_trail,
    strip_kicker,
    strip_reply_prefix,
    unmarked,
)
from aggregator.toolkit.header_names import (
    is_issuer_units,
    is_masthead_line,
    is_street_address,
    is_tagline,
    window_title_head,
)
from aggregator.toolkit.header_periods import LOG_PERIOD_RULE, log_period
from aggregator.toolkit.header_repair import FLASH_MARK
from aggregator.toolkit.header_roles import (
    field_block_lines,
    is_navigation,
    masthead_tagline,
    names_menu_section,
    title_by_place,
    titles_section,
)
from aggregator.toolkit.header_runs import HEADLINE_MAX as HEADLINE_MAX
from aggregator.toolkit.header_runs import continues, opens_deck
from aggregator.toolkit.header_shapes import (
    PROSE_SENTENCE_WORDS,
    has_words,
    in_capitals,
    is_language_switch,
    is_notice,
    is_salutation,
    is_title_case,
)
from aggregator.toolkit.issue_lines import NAMED_ISSUE, VOLUME, is_issue_line
from aggregator.toolkit.lines import WRAP_MARGIN, wrap_width

__all__ = [
    "HEADER_ZONE_LINES",
    "HeaderZone",
    "Headline",
    "body_start",
    "candidate_ranks",
    "choose_headline",
    "choose_zone_headline",
    "headline_from",
    "headline_under_label",
    "is_body_prose",
    "rule_signals",
]

HEADER_ZONE_LINES: Final = 20
WRAPPED_PROSE_WORDS: Final = 8
"""A line of a hard-wrapped paragraph has at least this many words; a headline split over
two lines has fewer on its first."""
WRAPPED_LINE: Final = 60
"""The header zone never runs longer: past it, lines are the article's."""
_SENTENCE_END = re.compile(r"[.!?][\"'”’)]*$")
_BULLET = re.compile(r"[-–•*·▪●]\s+(?=\S)")
_WRAPPED_PROSE = re.compile(r"\. (?<=[a-z]{3}\. )[A-Z]|,$")
"""A sentence ending inside a line, or a line ending mid-sentence: prose wrapped at a width
(a word of three letters or more before the stop, so "p.m. IST" or "Dr. Rao" are not).
Looked behind from each stop, not tried at every letter: four times faster."""
_FOLLOWERS = re.compile(r"[\d.,]+\s?[KkMm]? (?:followers|connections|subscribers|members)")
"""The count under a social profile's name and tagline, which are not headlines."""
_NAME_SEPARATOR = re.compile(r"\s[|·•]\s")
_DATED_ISSUE = re.compile(
    r"(?:[A-Z][\w'’&.-]*\s+){1,4}(?:No\.|Vol\.|#)\s*\d{1,4}"
    r"(?:\s+[-–—|·]\s+|\s+\()(?:[A-Z][a-z]{2,8}\.?,?\s+)?"
    r"(?:\d{1,2}(?:st|nd|rd|th)?\s+[A-Z][a-z]{2,8}\.?|[A-Z][a-z]{2,8}\.?\s+\d{1,2}),?\s+(?:19|20)\d\d\)?"
)
"""A periodical's name, the issue's number and its day ("Exhibitor Update No. 5 — Monday,
July 27, 2026", "Exhibitor News Vol. 8 (July 29, 2026)"): the issue, never a piece of it."""
_QUOTED_NAME = re.compile(r"“[^“”\"]+”")
"""A title in curly quotes as a whole (a transcript's cover); in title case it is a name,
not a quotation, which keeps its quotes."""
_COUNTER = re.compile(r"(?:[A-Z][a-z]+\.?\s+)?#?\d+\s+(?:of|/)\s+\d+")
"""Where a piece stands in a series or a feed ("Part 1 of 4", "Item 0417 of 0552")."""
_SERIES_NUMBER = re.compile(
    r"\b(?:(?:working|discussion|policy|occasional|research) paper(?: series)?|commentary"
    r"|(?:issue |policy )?brief|briefing|analysis|insight|perspectives?|backgrounder|explainer"
    r"|special report|occasional report)\s*(?:no\.|#|number)\s*\d",
    re.IGNORECASE,
)
"""A paper's place in its series ("Working Paper No. 26-04", "Commentary No. 2026-31"),
above its title."""
_DIGIT = re.compile(r"\d")
"""A digit as the patterns above read one: most headlines hold none."""
LABEL_PART_WORDS: Final = 4
BANNER_LINES: Final = 4
THEME_WORDS: Final = 8
_ENTRY = re.compile(r"\d{1,2}[.)]\s")
"""A numbered entry of a list ("1. …"): under "IN THIS ISSUE" it is a contents line."""
_SLOT = re.compile(r"\((?=[^()]*\d[:.]\d\d)[^()]{1,40}\)$")
"""The hours in brackets after a programme's name ("Evening Wave (18:00–20:00)", "News
(Mon–Fri 7:45 / 12:45)"): a broadcaster's schedule names a programme; a headline tells."""
_DEFINES = re.compile(r"\s+(?:\([^()]{1,80}\)\s+)?(?:is|was|are|were|refers)\b")


class HeaderZone(NamedTuple):
    """The header zone as the parser read it, before the headline is chosen."""

    lines: Sequence[str]
    start: int
    end: int
    """The first line of body prose: the zone is ``lines[start:end]``."""
    candidates: Sequence[int]
    """The headline-shaped lines, in order."""
    anchors: Collection[int]
    """Date lines and bylines read as metadata."""
    dated: Mapping[int, Sequence[DateMatch]]
    """Lines with a date among other words, and their dates."""
    consumed: Collection[int]
    """Lines read as metadata (fields, dates, bylines, highlights)."""
    preset: bool
    """A field ("Headline:", "Subject:") or front matter already gave the headline."""


class Headline(NamedTuple):
    text: str
    lines: tuple[int, ...]
    """The lines the headline was read from (two when a PDF split it)."""
    rule: str
    """How it was chosen, as `aggregator explain` prints it."""
    above: tuple[int, ...]
    """Name lines above it (masthead, banner, issuer), metadata rather than body."""


def body_start(lines: Sequence[str], start: int) -> int:
    """The index of the first line of body prose at or after ``start`` (the zone's end)."""
    limit = min(len(lines), start + HEADER_ZONE_LINES)
    width = wrap_width(lines)
    for index in range(start, limit):
        if is_body_prose(lines[index]) or _opens_wrapped_paragraph(lines, index, width):
            return index
    return limit


def _opens_lead(lines: Sequence[str], index: int) -> bool:
    """A line of body prose, or the first of a hard-wrapped paragraph."""
    return is_body_prose(lines[index]) or _opens_wrapped_paragraph(lines, index, wrap_width(lines))


def _opens_wrapped_paragraph(lines: Sequence[str], index: int, width: int | None) -> bool:
    """A line of prose hard-wrapped at the text's width (a PDF, an e-mail): it runs to the
    width (or, where no width stands out, past :data:`WRAPPED_LINE` characters), in
    sentence case, and its sentence goes on in the next line, in lower case, and ends
    within three lines. A headline in title case split over two lines is no paragraph."""
    line = lines[index]
    following = lines[index + 1] if index + 1 < len(lines) else ""
    return (
        len(line) >= (WRAPPED_LINE if width is None else width - WRAP_MARGIN)
        and len(line.split()) >= WRAPPED_PROSE_WORDS
        and following[:1].islower()
        and not following.startswith(("by ", "via "))
        and not _SENTENCE_END.search(line[-3:])
        and not is_title_case(line)
        and furniture_kind(line) is None
        and furniture_kind(following) is None
        and any(_SENTENCE_END.search(end[-3:]) for end in lines[index + 1 : index + 4])
    )


def choose_headline(
    lines: Sequence[str],
    candidates: Sequence[int],
    anchors: Collection[int] = (),
    dated: Collection[int] = (),
    ranks: Mapping[int, int] | None = None,
) -> Headline | None:
    """The headline among headline-shaped lines of the header zone.

    A line right under a kicker or section label ("PRESS RELEASE", "FACT SHEET") wins:
    such labels sit on top of the headline, below the masthead and its tagline. Else the
    first line that says something wins over lines that name something (issuer, masthead,
    programme, section), which win over lines in capitals. Among lines that name
    something, the one right above an ``anchor`` (a date line or byline) wins, else the
    last: mastheads come first, headlines last. Among the lines in capitals that open the
    page, the last that is neither an organisation's name nor a number line wins, given
    in mixed case when the header is all in capitals (another headline in capitals is
    kept as printed, unless the text writes it in mixed case elsewhere). ``dated`` lines
    (a date among other words) never go on with a headline (``ranks``: candidate_ranks').
    """
    ranks = dict(ranks) if ranks is not None else candidate_ranks(lines, candidates)
    if not ranks:
        return None
    banner = {index for index in candidates if _in_banner(lines, index)}
    for index in banner:
        ranks[index] = max(ranks[index], 1)
    for index in field_block_lines(lines, candidates, anchors, dated):
        ranks[index] = 3
    if (placed := title_by_place(lines, candidates)) is not None:
        titled, rule = placed
        return _headline(lines, titled, rule, (), (), (), kicker=False)
    if (period := log_period(lines, candidates)) is not None:
        return _headline(lines, period, LOG_PERIOD_RULE, (), (), (), kicker=False)
    if (for_day := named_for_its_day(lines, candidates)) is not None:
        return _headline(lines, for_day, DAY_NAMED_RULE, anchors, dated, candidates, True)
    if (part := part_heading(lines, candidates)) is not None:
        return _headline(lines, part, PART_RULE, anchors, dated, candidates, names_above=True)
    if (defined := _defined_by_lead(lines, candidates)) is not None:
        return _headline(lines, defined, "name the lead defines", anchors, dated, candidates)
    rank = min(ranks.values())
    marked = {*anchors, *dated}
    release = capitals_under_label(lines, candidates, ranks)
    labelled = [
        i
        for i in candidates
        if (ranks[i] == 0 and _under_breadcrumb(lines, i, anchors))
        or (ranks[i] <= 1 and _under_trail(lines, i, anchors))
        or (
            (
                ranks[i] == 0
                or (ranks[i] == 1 and not masthead_tagline(lines, i, candidates))
                or i == release
            )
            and _under_label(lines, i, marked)
            and not _is_label_path(lines[i])
            and not _ENTRY.match(lines[i])
            and not is_issue_line(lines[i])
            and not is_tagline(lines[i])
            and i not in banner
        )
    ]
    if labelled:
        first, rule = labelled[0], "line under a kicker, section label or breadcrumb"
        while first + 1 in labelled and _is_theme_label(lines[first]):
            first += 1
    elif rank == 1 and (
        piece := capitals_under_names(lines, candidates, ranks, marked, _opens_lead)
    ):
        first, rule = piece, "headline in capitals right above the lead, under lines that name"
    elif rank <= 1:
        tied = [index for index in candidates if ranks[index] == rank]
        first = tied[0] if rank == 0 else next((i for i in tied if i + 1 in anchors), tied[-1])
        rule = ("first line that reads as a headline", "name-like line")[rank]
        if rank == 0 and (signed := _over_its_byline(lines, tied, anchors)) is not None:
            first, rule = signed, "line over its byline, under a counter or an attribution dash"
    elif capitals := opening_capitals(lines, candidates, marked):
        first, rule = second_row_start(lines, capitals[-1], capitals), _CAPITALS_RULE
    elif (above_lead := capitals_above_lead(lines, ranks, marked, _opens_lead)) is not None:
        first = second_row_start(lines, above_lead, candidates)
        rule = "line in capitals right above the lead"
    else:
        return None
    return _headline(lines, first, rule, anchors, dated, candidates, bool(labelled) or rank == 0)


def candidate_ranks(lines: Sequence[str], candidates: Sequence[int]) -> dict[int, int]:
    """Each candidate's rank by its shape alone, which :func:`choose_headline` starts from."""
    return {index: _rank(lines, index, candidates) for index in candidates}


def choose_zone_headline(zone: HeaderZone) -> Headline | None:
    """:func:`choose_headline` among the zone's candidates (what the parser asks)."""
    return choose_headline(zone.lines, zone.candidates, zone.anchors, zone.dated)


def _headline(
    lines: Sequence[str],
    first: int,
    rule: str,
    anchors: Collection[int],
    dated: Collection[int],
    candidates: Sequence[int],
    names_above: bool = False,
    capitals: bool | None = None,
    kicker: bool = True,
) -> Headline:
    """The headline that starts at ``first``, joined with the lines that go on with it.
    ``capitals``: it was chosen as the last of the lines in capitals opening the page (by
    default, when ``rule`` says so). ``kicker``: a kicker before it is not its own (a
    video's title keeps its "HIGHLIGHTS |")."""
    while first - 1 in candidates and is_cut_title(lines[first - 1]):
        first -= 1
    text, used = lines[first], [first]
    width = wrap_width(lines)
    while len(used) < 3 and (following := used[-1] + 1) < len(lines):
        if following in anchors or following in dated:
            break
        deck = opens_deck(lines[used[-1]], lines[following], lines)
        if not continues(lines[used[-1]], lines[following], width, following in candidates, deck):
            break
        text = f"{text} {lines[following]}"
        used.append(following)
    if len(used) > 1:
        rule += ", joined with the next line" if len(used) == 2 else ", joined with the next lines"
    above = tuple(i for i in candidates if i < first) if names_above else ()
    kicked = strip_reply_prefix(unmarked(text))
    kicked = strip_reply_prefix(strip_kicker(kicked)) if kicker else kicked
    if _QUOTED_NAME.fullmatch(kicked) and is_title_case(kicked[1:-1]):
        kicked = kicked[1:-1]
    if kicked != text:
        rule += ", kicker removed"
    after = next((line for line in lines[used[-1] + 1 :] if not FLASH_MARK.match(line)), "")
    if capitals is None:
        capitals = rule.startswith(_CAPITALS_RULE)
    all_capitals = capitals and in_capitals(after, 2)
    if in_capitals(kicked):
        written = as_written(kicked, "\n".join(lines), title_case=all_capitals)
        if written != kicked:
            kicked = written
            rule += ", given in mixed case"
    return Headline(kicked, tuple(used), rule, above)


def headline_from(zone: HeaderZone, first: int, rule: str) -> Headline:
    """The headline that starts at line ``first`` of the zone, chosen by ``rule``: joined
    with the lines that go on with it, its kicker removed, in mixed case where due."""
    metadata = {*zone.anchors, *zone.dated}
    capitals = first in opening_capitals(zone.lines, zone.candidates, metadata)[-1:]
    return _headline(
        zone.lines, first, rule, zone.anchors, zone.dated, zone.candidates, True, capitals
    )


def rule_signals(zone: HeaderZone, index: int, rank: int | None = None) -> dict[str, bool]:
    """What the rules of :func:`choose_headline` see in line ``index`` of the zone, as
    features of the learned chooser (:mod:`aggregator.toolkit.headline_model`)."""
    lines, candidates = zone.lines, zone.candidates or (index,)
    line = lines[index]
    rank = _rank(lines, index, candidates) if rank is None else rank  # candidate_ranks'
    return {
        "says something (rank 0)": rank == 0,
        "names something (rank 1)": rank == 1,
        "kicker or furniture (rank 2-3)": rank >= 2,
        "under a label": _under_label(lines, index, zone.anchors),
        "under a breadcrumb": _under_breadcrumb(lines, index, zone.anchors),
        "in a banner": _in_banner(lines, index),
        "masthead": _is_masthead(line),
        "tagline or motto": is_tagline(line),
        "issuer's units": is_issuer_units(line),
        "window title": window_title_head(line) is not None,
        "headline in capitals": says_something_in_capitals(line),
        "names an organisation": names_organisation(line),
        "label path": _is_label_path(line),
        "title case": is_title_case(line),
        "in capitals": in_capitals(line),
        "has words": has_words(line),
    }


_CAPITALS_RULE = "last line in capitals that names no organisation"
"""A header all in capitals (a parliamentary answer, a notice: capitals above and below the
headline) gives its headline in mixed case. A headline in capitals over a mixed-case
byline or text is the outlet's style and is kept as printed, unless the text writes it
in mixed case elsewhere."""


def _over_its_byline(
    lines: Sequence[str], tied: Sequence[int], anchors: Collection[int]
) -> int | None:
    """The line right over a byline or date line, when the line above it is a counter
    ("Slide 1 of 6": a story told in slides, under the name of the series) or the
    byline is an attribution dash ("— Rtn. K. Arul, Secretary": a bulletin's piece under
    the bulletin's name and roster)."""
    for index in tied[1:]:
        if index + 1 not in anchors:
            continue
        counted = index > 0 and _COUNTER.fullmatch(lines[index - 1]) is not None
        if counted or lines[index + 1].startswith(("— ", "– ")):
            return index
    return None


def _is_theme_label(line: str) -> bool:
    """A one-word label over a name in title case ("Theme: Toward a Greener Coast",
    "Series: The River Years"): the heading of a set of pieces, above the headline."""
    label, colon, name = line.partition(": ")
    return (
        bool(colon)
        and label.isalpha()
        and label.istitle()
        and len(name.split()) <= THEME_WORDS
        and (is_name_like(name) or is_title_case(name))
    )


def _in_banner(lines: Sequence[str], index: int) -> bool:
    """A line of a banner boxed by rules at the top of a page ("=====" / name / tagline /
    "====="): the masthead's, not a headline."""
    above = [i for i in range(max(0, index - BANNER_LINES), index) if is_separator(lines[i])]
    below = [
        i for i in range(index + 1, min(len(lines), index + BANNER_LINES)) if is_separator(lines[i])
    ]
    return bool(above and below) and not any(is_separator(line) for line in lines[: above[0]])


def _defined_by_lead(lines: Sequence[str], candidates: Sequence[int]) -> int | None:
    """A name-like line of the header that the first paragraph defines ("Cricket in
    Japan" over "Cricket in Japan is a minor sport …"): a reference page's title. Not the
    page's first line, a masthead that an outlet's notice goes on about."""
    lead = next((line for line in lines[candidates[-1] + 1 :] if is_body_prose(line)), "")
    for index in candidates:
        line = lines[index]
        defines = lead.startswith(line) and _DEFINES.match(lead[len(line) :]) is not None
        if index and defines and is_name_like(line):
            return index
    return None


def _rank(lines: Sequence[str], index: int, candidates: Sequence[int]) -> int:
    line = lines[index]
    if not has_words(unmarked(line)):
        return 3
    kind = furniture_kind(line)
    if kind == "kicker":
        return 2 if len(line.split()) >= 4 else 3
    if kind is not None and not (kind == "label" and titles_section(lines, index)):
        return 3
    if is_street_address(line) or is_salutation(line):
        return 3
    if is_cut_title(line) and index + 1 in candidates:
        return 0  # a title wrapped on "… on": no name ends so
    if names_menu_section(lines, index):
        return 1
    if (
        _is_masthead(line)
        or is_masthead_line(line)
        or is_issuer_units(line)
        or _SLOT.search(line)
        or in_two_scripts(line)
    ):
        return 1
    if (head := window_title_head(line)) and any(lines[i] == head for i in candidates):
        return 3
    if index == candidates[0] + 1 and index + 1 < len(lines) and is_label(lines[index + 1]):
        return 1
    if index == candidates[0] and len(candidates) > 1:
        following = lines[index + 1] if index + 1 < len(lines) else ""
        if is_tagline(line) or window_title_head(line) or is_navigation(following):
            return 1
    if index + 1 < len(lines) and _FOLLOWERS.fullmatch(lines[index + 1]):
        return 1
    return 0


def headline_under_label(
    lines: Sequence[str], start: int, stop: int, shaped: Callable[[int], bool]
) -> int | None:
    """The first line between ``start`` and ``stop`` that is ``shaped`` like a headline,
    says something, and stands right under a section label in capitals: where a document
    begins below a covering note ("… Kindly take the same on record." / "PRESS RELEASE" /
    headline)."""
    for index in range(max(start, 1), min(stop, len(lines))):
        line = lines[index]
        if _under_label(lines, index, ()) and furniture_kind(line) is None and shaped(index):
            return index
    return None


def _under_label(lines: Sequence[str], index: int, anchors: Collection[int]) -> bool:
    """A line right under a kicker or section label ("PRESS RELEASE", "COVER STORY |
    TECHNOLOGY", "SLUG: PORT STRIKE"), which is not a byline or date line."""
    above = index - 1
    if above < 0 or above in anchors:
        return False
    label = lines[above]
    if _is_theme_label(label):
        return True
    if len(label.split()) > 6:
        return False
    if _is_label_path(label) and not VOLUME.search(label) and not is_language_switch(label):
        return True
    letters = sum(char.isalpha() for char in label)
    return (
        letters * 2 >= len(label.replace(" ", ""))
        and in_capitals(label, 2)
        and furniture_kind(label) in ("kicker", "boilerplate")
    )


def _under_trail(lines: Sequence[str], index: int, anchors: Collection[int]) -> bool:
    """A line right under a breadcrumb's trail that :func:`furniture_kind` reads as a menu
    for its steps' marks ("Suppliers › Japan › Machinery"): the page's title, though it
    reads as a name (a directory's company, a tour's name and its days)."""
    above = index - 1
    if above < 0 or above in anchors:
        return False
    return furniture_kind(lines[above]) == "menu" and is_trail(lines[above])


def _under_breadcrumb(lines: Sequence[str], index: int, anchors: Collection[int]) -> bool:
    """A line right under a breadcrumb ("Home > Press Room > Press Conferences")."""
    above = index - 1
    return above >= 0 and above not in anchors and furniture_kind(lines[above]) == "breadcrumb"


@functools.lru_cache(maxsize=256)
def _is_masthead(line: str) -> bool:
    """A name, or names and numbers between bars ("The Ledger | Issue 112 | Weekly"), a
    category path ("Economics · Currency Markets", "Business | Food service"), a series
    label ("Feature: The Long Road | Part 1 of 4") or a journal's issue line ("Ferry
    Review, Vol. 9, No. 1")."""
    numbered = _DIGIT.search(line) is not None  # each of the three patterns needs a digit
    if numbered and (
        VOLUME.search(line)
        or _SERIES_NUMBER.search(line)
        or NAMED_ISSUE.fullmatch(line)
        or _DATED_ISSUE.fullmatch(line)
    ):
        return True
    parts = [part.strip() for part in _NAME_SEPARATOR.split(line)]
    if len(parts) > 1:
        return all(_is_label_part(part) for part in parts)
    return is_name_like(line) or (numbered and is_issue_line(line))


def _is_label_part(part: str) -> bool:
    """A part of a label path: a few words, not a sentence, or a counter ("Item 4 of 9")."""
    words = part.split()
    return bool(words) and (
        _COUNTER.fullmatch(part) is not None
        or (len(words) <= LABEL_PART_WORDS and not _SENTENCE_END.search(part[-2:]))
    )


def _is_label_path(line: str) -> bool:
    """A section or series label of two or more short parts between bars."""
    parts = [part.strip() for part in _NAME_SEPARATOR.split(line)]
    return len(parts) > 1 and all(_is_label_part(part) for part in parts)


PROSE_LINES_REMEMBERED = 1024
"""Lines :func:`is_body_prose` remembers: a header line is asked about two or three times."""


@functools.lru_cache(maxsize=PROSE_LINES_REMEMBERED)
def is_body_prose(line: str) -> bool:
    """A line of the article's prose: a long line, wrapped prose, or a sentence of eight
    words or more (a question under 200 characters is a headline's; a line in title case,
    "… By Tsubaki Coatings Co., Ltd.", is a headline's, whose last word may end on a stop)."""
    words = len(line.split())
    if _BULLET.match(line) or ((found := header_field(line)) and found.label in HEADLINE_LABELS):
        return False
    if line.endswith("?") and len(line) < 200:
        return False
    if len(line) >= 200 or (words >= 10 and _WRAPPED_PROSE.search(line)):
        return furniture_kind(line) is None
    return (
        words >= PROSE_SENTENCE_WORDS
        and _SENTENCE_END.search(line[-4:]) is not None
        and (line.rstrip("\"'”’)").endswith(".") or words >= 14)
        and not is_title_case(line)
        and not is_notice(line)
    )
