"""Whether two reports tell one event: the verification step of story clustering.

A clusterer finds candidate pairs cheaply (exact keys, MinHash bands); each
candidate is then verified here. :class:`Report` is what verification needs of
one report, packed so that an index of 100k reports stays small; :func:`similarity`
weighs the evidence two reports give: their dates, figures that contradict, the
same copy, shared names (each weighted by its rarity, when a weighing is given),
the share of a brief's names a long report holds (unless the longer is a digest,
one item of which alone tells the event: :func:`is_digest_of`, or both are one source's:
:func:`one_source`), headline words (unless a source's own line stands for both
headlines: :func:`headline_overlap`) and shingles.
The weights are named constants, each with the reason for its value; the
``cluster_stories`` plugin is the user of all of it.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Mapping
from dataclasses import dataclass, fields
from datetime import datetime, timedelta
from operator import attrgetter
from typing import TYPE_CHECKING, Any, NamedTuple

from .minhash import jaccard
from .rare_words import RareOverlap
from .story_days import REACH_DAYS, gap_ahead
from .story_evidence import (
    Weigh,
    contradicting_unit,
    days_apart,
    is_day,
    is_identifying,
    unit_of,
    weighted_jaccard,
    weighted_overlaps,
)
from .story_figures import is_stated_amount
from .story_first_item import item_overlap
from .story_lists import confined_share, name_word_hash
from .story_recaps import BEHIND_MARK
from .text import squash

if TYPE_CHECKING:
    import numpy as np
else:
    from .minhash import np

MIN_SHARED_NAMES = 3
"""Name words two reports must share for them to count: one or two ("India", "Japan")
are what any two reports of a feed share, and a young index cannot yet tell they are common."""
MIN_CONTAINED_NAMES = 8
"""Name words two reports must share before the shorter one's names contained in the
longer count as evidence: a brief and a long report of one event share most of the
brief's names but few of the long one's. Only between dated reports, whose dates were
checked: a round-up also holds the names of an undated report of an earlier event."""
CONTAINMENT_WEIGHT = 1.0
"""Weight of that containment against the name words' Jaccard overlap (weight 1)."""
MIN_TERMS = 0.1
"""Below this term overlap, and below MIN_TEXT, two reports share nothing worth weighing."""
MIN_TEXT = 0.2
"""Below this shingle overlap, and below MIN_TERMS, two reports share nothing worth weighing."""
SAME_COPY_SCORE = 1.0
"""What the same copy scores before its shingle overlap is added: more than any other evidence."""
HEADLINE_WEIGHT = 0.5
"""Weight of the headline words' overlap in the combined score (terms weigh 1)."""
TEXT_WEIGHT = 0.5
"""Weight of the shingle overlap in the combined score (terms weigh 1)."""
FIGURE_WEIGHT = 0.1
"""What each identifying figure both reports give adds to the combined score."""
MAX_FIGURES_COUNTED = 3
"""Shared figures beyond this many add nothing more."""
LEAD_FIGURE_WEIGHT = 0.2
"""What it adds that both reports lead with one figure (:attr:`Report.lead_figures`: the
headline's and the first paragraph's): the amount both are about, where a figure further
down may be background. The mirror of :func:`contradicting_unit`, which keeps two reports
apart whose leads give other amounts in one unit. Set on the development halves: at 0.2 a
wire report and a broadcaster's feature of one loan that lead with its sum join, with no
false pair on any half; it is counted once, however many lead figures agree, and only
for an amount :func:`~aggregator.toolkit.story_figures.is_stated_amount` would key on, or a
count both headlines give: a bare "150" (students, firms, seats) is what many reports of
many events give in their first lines, while a count both headlines are about ("500 care
jobs", "to hire 500") is the event's (on dev11, three reports of one recruitment deal)."""
UNDATED_PENALTY = 0.3
"""Taken off the combined score when either report has no date to check the gap with:
an undated page (a reference article, a landing page) shares a subject's names with
every report on it, and no gap can tell its event from theirs."""
SAME_OUTLET_WORDING = 0.2
"""Text overlap two reports of one outlet need to be one story, unless their headlines
share :data:`SAME_OUTLET_HEADLINE`: an outlet's reports share its beat, its recurring
names and places, so their shared names say little; its second report of one event (an
update) repeats its headline or text."""
SAME_OUTLET_HEADLINE = 0.5
"""Headline overlap that counts as one outlet's reports' wording in common (their text
needs :data:`SAME_OUTLET_WORDING`): an outlet writes its headlines to its templates (a
rating agency's "…: Ratings reaffirmed at …", a ministry's "Exercise … concludes"), so
two of its reports of different events share a part of their headlines' words; its update
of one report repeats most of its headline, or its text. A template's headlines that share
half their words and differ only in names are not wording in common either
(:func:`other_names_in_template`)."""
DIGEST_SHARE = 0.75
"""Share of the shared names' weight that one item of a list (past its lead) holding them
alone makes the list a digest of several events for that pair: the share of the other
report's names it holds is then no evidence (a single report of one item of a press
summary or a newsletter issue; reports of one event share names with several items of a
joint statement, or with its lead)."""
RARE_WEIGHT = 1.0
"""Weight of the overlap of two reports' rare words (:func:`rare_words`) added to the
combined score."""
RARE_AS_TERMS = 1.25
"""Weight of that overlap where it stands in for the terms' overlap (when greater): two
reworded reports of one event may share no name but their unusual words."""
RARE_BAR = 0.25
"""Taken off the combined score of every pair whose rare words were compared: about what
a pair of one story adds by them (its overlap: a median of 0.26, a quarter of the pairs
below 0.20), where a pair of two stories adds little (a median of 0.03, nine tenths
below 0.08). Set with :data:`RARE_WEIGHT` and :data:`RARE_AS_TERMS` on the pooled
development halves; at 0.20 the labelled near-duplicate set joined two reports of
India-Japan talks four days apart."""
SOURCE_MARK = "Source "
"""What :attr:`Report.outlet` holds before a source's name when the report names no
outlet: capitalised, so that no case-folded outlet name begins with it."""
GAP_PENALTY = 0.04
"""Taken off the combined score per day between two reports' dates: reports of one event
come out the same day or the next, so the further apart, the more evidence it takes
(a smooth step up to the hard limit of ``max_gap_days``)."""


@dataclass(slots=True)
class Report:
    """What verification needs to know about one report.

    The index keeps one per report of the last ``index_days``, so the fields
    are packed: the text signature and the term hashes are 32-bit values as
    bytes (every MinHash value and crc32 fits in 32 bits), figures and headline
    words are tuples of interned strings without repeats.
    """

    item_id: str
    story_id: str
    date: datetime | None
    year_inferred: bool
    text_sig: bytes
    terms: bytes
    figures: tuple[str, ...]
    title: tuple[str, ...]
    names: bytes = b""
    """Hashes of the name words (:func:`name_words`), as uint32 bytes."""
    lead_figures: tuple[str, ...] = ()
    """The figures of the headline and the first paragraph: what the report is about,
    where the rest of its figures may be background (a line's other sections, last
    year's total)."""
    outlet: str = ""
    """The outlet's name, case-folded, when the report gives one; else its source's name
    after :data:`SOURCE_MARK` (:func:`outlet_key`)."""
    name_items: bytes = b""
    """For a list document, the item mask of each name word, in the order of ``names``,
    as uint32 bytes (:func:`~aggregator.toolkit.story_lists.name_items`); empty for
    any other report."""
    rare: bytes = b""
    """The report's rarest content words as uint32 hashes
    (:meth:`~aggregator.toolkit.rare_words.WordFrequency.sketch`)."""
    headline_days: tuple[str, ...] = ()
    """The days among ``figures`` its headline names as its event's
    (:func:`~aggregator.toolkit.story_days.headline_days`): worked out from the headline
    when the report is made (its words' order counts), stored with it; and, marked, the
    days of an event's particulars line in its text
    (:func:`~aggregator.toolkit.story_days.particulars_days`) and the days its lead names
    behind its own date (:func:`~aggregator.toolkit.story_recaps.lead_days_behind`)."""
    headline_places: tuple[str, ...] = ()
    """The name words of the place its headline names its event at
    (:func:`~aggregator.toolkit.story_days.headline_places`), stored with it."""
    first_item: bytes = b""
    """For a multi-item document, the hashes of the name words its first item gives
    (:func:`~aggregator.toolkit.story_first_item.first_item_of`), as uint32 bytes;
    empty for any other report."""
    first_heading: tuple[str, ...] = ()
    """The words of that first item's heading without stopwords (as ``title``'s)."""

    def name_set(self) -> frozenset[int]:
        """The name-word hashes as a set, inserted in stored order (see :meth:`term_set`)."""
        return frozenset(memoryview(self.names).cast("I").tolist())

    def term_set(self) -> frozenset[int]:
        """The term hashes as a set, inserted in the order ``terms`` holds them.

        A set's iteration order depends on the order of insertion, and
        :func:`weighted_jaccard` sums weights in iteration order: inserting in
        one fixed order keeps the floating-point sums, and so the scores,
        reproducible. Read as a memoryview of uint32 (``"I"``): numpy's call costs more
        than decoding a few dozen values, once per candidate.
        """
        return frozenset(memoryview(self.terms).cast("I").tolist())

    def first_item_set(self) -> frozenset[int]:
        """The name-word hashes of the first item of a multi-item document (else none)."""
        return frozenset(memoryview(self.first_item).cast("I").tolist())

    def item_masks(self) -> dict[int, int]:
        """The item mask of each name-word hash (empty unless the report is a list)."""
        if not self.name_items:
            return {}
        names = np.frombuffer(self.names, dtype=np.uint32).tolist()
        return dict(
            zip(names, np.frombuffer(self.name_items, dtype=np.uint32).tolist(), strict=True)
        )

    def distinct_terms(self) -> np.ndarray:
        """The term hashes sorted, without repeats (two terms can share a crc32)."""
        return np.unique(np.frombuffer(self.terms, dtype=np.uint32))

    def __reduce__(self) -> tuple[type[Report], tuple[Any, ...]]:
        """Pickled as its fields in order, as a worker process sends it: unpickling then
        calls the constructor once, where the state of a slotted dataclass is set one
        field at a time (about 4 µs a report, 3 this way)."""
        return Report, _report_fields(self)


_report_fields = attrgetter(*(field.name for field in fields(Report)))
RareMeasure = Callable[[Report], RareOverlap | None]
"""The :class:`RareOverlap` of the report being clustered with an earlier one (None when
either has no content words to compare, such as a report indexed before sketches were
kept)."""


def shared_copy(new: Report, old: Report) -> float:
    """The share of the two text signatures' values that agree: an estimate of the share
    of word shingles the two texts have in common."""
    same = np.frombuffer(new.text_sig, dtype=np.uint32) == np.frombuffer(
        old.text_sig, dtype=np.uint32
    )
    return float(np.count_nonzero(same) / same.size)


def date_gap(new: Report, old: Report) -> float:
    assert new.date is not None and old.date is not None
    return days_apart(new.date, old.date, years_known=not (new.year_inferred or old.year_inferred))


def event_gap(new: Report, old: Report) -> float:
    """:func:`date_gap`, or the gap between one report's date and a day the other's headline
    names ahead of its own when less (an itinerary and the reports of the visit it
    announces: :mod:`~aggregator.toolkit.story_days`), counted only for a report that
    names the place that headline names (:func:`named_at`), or a day the other's lead names
    behind its own (a weekly's recap: :mod:`~aggregator.toolkit.story_recaps`)."""
    gap = date_gap(new, old)
    if gap > REACH_DAYS or not (new.headline_days or old.headline_days):
        return gap
    assert new.date is not None and old.date is not None
    ahead = gap_ahead(
        (new.date, new.headline_days if named_at(old, new) else looked_back(new)),
        (old.date, old.headline_days if named_at(new, old) else looked_back(old)),
        years_known=not (new.year_inferred or old.year_inferred),
    )
    return gap if ahead is None else min(gap, ahead)


def looked_back(report: Report) -> tuple[str, ...]:
    """The days ``report``'s lead names behind its own date, which its headline's place
    does not bear on (:mod:`~aggregator.toolkit.story_recaps`)."""
    return tuple(day for day in report.headline_days if day.endswith(BEHIND_MARK))


def named_at(report: Report, announcement: Report) -> bool:
    """Whether ``report`` names, among its names, every word of the place the
    ``announcement``'s headline names its event at (a headline that names none, "Itinerary
    - Visit of the Minister of …, 16-18 June", asks for none)."""
    places = announcement.headline_places
    if not places:
        return True
    names = report.name_set()
    return all(name_word_hash(word) in names for word in places)


@functools.lru_cache(maxsize=8)
def longest_gap(days: float) -> timedelta:
    """The longest time whose gap in days, as :func:`date_gap` works it out
    (``abs(delta.total_seconds()) / 86400``), is not over ``days``.

    Both float divisions are correctly rounded, so that gap never falls as the time
    grows: a time is over ``days`` exactly when it is longer than this one, and
    comparing two timedeltas costs less than the divisions.
    """

    def over(microseconds: int) -> bool:
        return timedelta(microseconds=microseconds).total_seconds() / 86400 > days

    low, high = 0, timedelta.max // timedelta.resolution
    if not over(high):
        return timedelta.max
    while high - low > 1:  # over(high) and not over(low), as 0 is never over
        middle = (low + high) // 2
        if over(middle):
            high = middle
        else:
            low = middle
    return timedelta(microseconds=low)


def similarity(
    new: Report,
    old: Report,
    weigh: Weigh | None = None,
    *,
    max_gap_days: float = 4.0,
    text_threshold: float = 0.5,
    new_sets: tuple[frozenset[int], frozenset[int]] | None = None,
    rare: RareMeasure | None = None,
) -> tuple[float, str]:
    """How strongly two reports look like the same event (0 = different), and why.

    ``new_sets``: ``new``'s :meth:`Report.term_set` and :meth:`Report.name_set`, when
    one report is compared with several (they are then decoded once, not per pair).
    """
    if new.date and old.date:
        gap = event_gap(new, old)
        if gap > max_gap_days:
            return 0.0, f"dated {gap:.0f} days apart"
    conflict = contradicting_unit(new.lead_figures, new.figures, old.lead_figures, old.figures)
    if conflict:
        return 0.0, f"different {conflict} figures"
    text = shared_copy(new, old)
    if text >= text_threshold:
        return SAME_COPY_SCORE + text, f"same copy ({text:.0%} of shingles)"
    title = headline_overlap(new, old, text)
    if same_outlet(new, old) and text < SAME_OUTLET_WORDING:
        if title < SAME_OUTLET_HEADLINE:
            return 0.0, f"one outlet's reports without headline or text in common ({new.outlet})"
        if other_names_in_template(new, old):
            return 0.0, f"one outlet's headline template over other names ({new.outlet})"
    new_terms, new_names = (new.term_set(), new.name_set()) if new_sets is None else new_sets
    rare_overlap = None if rare is None else rare(old)
    words = 0.0 if rare_overlap is None else rare_words(rare_overlap)
    listed = ""
    old_names = old.name_set()
    shared_names = len(new_names & old_names)
    enough_names = shared_names >= MIN_SHARED_NAMES
    if weigh is None:
        terms = jaccard(new_terms, old.term_set())
        names = jaccard(new_names, old_names) if enough_names else 0.0
        contained = 0.0
    else:
        # One lookup weighs the terms and, when they count, the names of both.
        old_terms = old.term_set()
        looked_up = new_terms | old_terms | (new_names | old_names if enough_names else frozenset())
        weights = weigh(looked_up)
        terms = weighted_jaccard(new_terms, old_terms, weights)
        names, held = (
            weighted_overlaps(new_names, old_names, weights) if enough_names else (0.0, 0.0)
        )
        contained = held if shared_names >= MIN_CONTAINED_NAMES and new.date and old.date else 0.0
        first_names, first_held = first_item_overlap(new, old, new_names, old_names, weights)
        names = max(names, first_names)
        if new.date and old.date and not one_source(new, old):
            contained = max(contained, first_held)
        if contained and one_source(new, old):
            contained = 0.0
            listed = " from one source"
        if contained and is_digest_of(new, old, new_names & old_names, weigh):
            contained = 0.0
            listed = " in one item of a list"
    terms = max(terms, names, CONTAINMENT_WEIGHT * contained, RARE_AS_TERMS * words)
    if terms < MIN_TERMS and text < MIN_TEXT:
        return 0.0, f"no names or text in common (terms {terms:.2f}, text {text:.2f})"
    figures = min(MAX_FIGURES_COUNTED, len(shared_figures(new, old)))
    score = terms + HEADLINE_WEIGHT * title + TEXT_WEIGHT * text + FIGURE_WEIGHT * figures
    lead = any(
        is_stated_amount(f) or (f in new.title and f in old.title)
        for f in set(new.lead_figures) & set(old.lead_figures)
    )
    if lead:
        score += LEAD_FIGURE_WEIGHT
    if rare_overlap is not None:
        score += RARE_WEIGHT * words - RARE_BAR
    if new.date is None or old.date is None:
        score -= UNDATED_PENALTY
    else:
        score -= GAP_PENALTY * gap
    return score, (
        f"terms {terms:.2f} (names {names:.2f}, contained {contained:.2f}{listed},"
        f" rare words {words:.2f}), headline {title:.2f}, text {text:.2f}"
        + (", a lead figure in common" if lead else "")
    )


def first_item_overlap(
    new: Report,
    old: Report,
    new_names: frozenset[int],
    old_names: frozenset[int],
    weights: Mapping[int, float],
) -> tuple[float, float]:
    """:func:`~aggregator.toolkit.story_first_item.item_overlap` of either report's first
    item (a multi-item document's) with the other, the greater of each."""
    best, held = 0.0, 0.0
    for items, other, names in ((new, old, old_names), (old, new, new_names)):
        if items.first_item:
            overlap, item_held = item_overlap(
                (items.first_item_set(), items.first_heading), (names, other.title), weights
            )
            best, held = max(best, overlap), max(held, item_held)
    return best, held


def shared_figures(new: Report, old: Report) -> list[str]:
    """The identifying figures both reports give, with the days both name
    (:func:`~aggregator.toolkit.story_evidence.figures_of_terms`) only beside an amount both
    give: many events fall on one day (a holiday's closures, a quarter's results), so a
    day tells one event only with a figure of it."""
    both = [f for f in set(new.figures).intersection(old.figures) if is_identifying(f)]
    amounts = [f for f in both if not is_day(f)]
    return both if amounts else []


def outlet_key(outlet: str | None, source: str) -> str:
    """What :attr:`Report.outlet` holds of a report: the outlet it names, case-folded, else
    its source's name after :data:`SOURCE_MARK`."""
    return squash(outlet or "").casefold() or f"{SOURCE_MARK}{source}"


def same_outlet(new: Report, old: Report) -> bool:
    """Whether both reports name one outlet."""
    return bool(new.outlet) and new.outlet == old.outlet and not new.outlet.startswith(SOURCE_MARK)


def other_names_in_template(new: Report, old: Report) -> bool:
    """Whether the two headlines differ only in names, each in its own: one outlet's
    template filled in for two subjects ("FY2026 commendations: recipients in India" and
    "…: recipients in Nepal and Sri Lanka", "Asahi Pumps: Ratings reaffirmed" and
    "Kaveri Castings: …"). The template's words make the overlap, the names tell the
    events apart; an outlet's update of one report rewords its headline, not only its
    names."""
    new_words, old_words = set(new.title), set(old.title)
    new_only, old_only = new_words - old_words, old_words - new_words
    if not new_only or not old_only:
        return False
    new_names, old_names = new.name_set(), old.name_set()
    return all(name_word_hash(word) in new_names for word in new_only) and all(
        name_word_hash(word) in old_names for word in old_only
    )


def one_source(new: Report, old: Report) -> bool:
    """Whether both reports come from one source that names no outlet for either (a blog,
    a channel's export, a council's record, a folder of clippings). Such a source's
    reports carry its recurring names (its author's, its body's, its furniture's), so the
    share of one report's names the other holds says little; but a source is not always
    one outlet (a folder of many outlets' clippings, an agency channel), so their
    headlines and texts need not overlap as one outlet's must (:data:`SAME_OUTLET_WORDING`)."""
    return new.outlet == old.outlet and new.outlet.startswith(SOURCE_MARK)


def headline_overlap(new: Report, old: Report, text: float) -> float:
    """The overlap of the two headlines' words, but none where the headlines are the same
    word for word over texts that share under :data:`SAME_OUTLET_WORDING` of their
    shingles: that headline is a source's own line taken for each report's (a channel's
    banner, a programme's name, a template's title), not one the reports share. Two
    reports of one event under one headline mostly repeat its copy too; those that do
    not (a government's and its partner's release of a joint statement) share their
    names, which carry them."""
    title = jaccard(new.title, old.title)
    return 0.0 if title == 1.0 and text < SAME_OUTLET_WORDING else title


def rare_words(overlap: RareOverlap) -> float:
    """The evidence of two reports' rarest words: the mean of how much of the earlier
    one's the new one uses and of how far the two sketches overlap."""
    return (overlap.held + overlap.shared) / 2


def is_digest_of(first: Report, second: Report, shared: frozenset[int], weigh: Weigh) -> bool:
    """Whether either report is a list one item of which alone holds the names they share
    (:data:`DIGEST_SHARE` of their weight or more): a digest of several events and a
    report of one of them."""
    if not (first.name_items or second.name_items):
        return False
    weights = weigh(shared)
    return any(
        report.name_items and confined_share(shared, report.item_masks(), weights) >= DIGEST_SHARE
        for report in (first, second)
    )


class Evidence(NamedTuple):
    """What :func:`similarity` weighs of one pair, and a few more measures, each computed
    whatever the others are: for measuring and fitting the decision
    (scripts/story_pairs.py, scripts/fit_story_match.py), not used by the clusterer."""

    dated: bool
    gap: float
    """Days between the dates (0.0 when either is undated)."""
    conflict: bool
    text: float
    title: float
    same_outlet: bool
    terms: float
    names: float
    held: float
    """The share of the lighter name set's weight the other holds (from three shared
    name words)."""
    shared_names: int
    contained: float
    """``held`` where the rules count it: eight shared name words, both dated, no digest,
    not one source's two reports."""
    digest: bool
    figures: int
    lead_figures: int
    shared_weight: float
    """The summed rarity weights of the name words both give."""
    rarest: float
    """The weight of the rarest name word both give."""
    headline_names: float
    """Share of the headline words of each that are name words of the other."""
    fewer_names: int
    more_names: int
    listed: bool
    """Either report is a numbered or bulleted list."""
    values: int
    """Figures both give, their units set aside ("4200" and "4200crore")."""
    rare_held: float = 0.0
    """:attr:`RareOverlap.held`: the share of the earlier report's rarest words the new
    one uses."""
    rare_shared: float = 0.0
    """:attr:`RareOverlap.shared`: the overlap of the two reports' rarest words."""


def evidence(
    new: Report,
    old: Report,
    weigh: Weigh,
    new_sets: tuple[frozenset[int], frozenset[int]] | None = None,
    rare: RareMeasure | None = None,
) -> Evidence:
    """The :class:`Evidence` of a pair, with the rarity weights of ``weigh``."""
    rare_words = (None if rare is None else rare(old)) or RareOverlap(0.0, 0.0)
    dated = bool(new.date and old.date)
    gap = event_gap(new, old) if dated else 0.0
    conflict = bool(
        contradicting_unit(new.lead_figures, new.figures, old.lead_figures, old.figures)
    )
    text = shared_copy(new, old)
    title = headline_overlap(new, old, text)
    new_terms, new_names = (new.term_set(), new.name_set()) if new_sets is None else new_sets
    old_terms, old_names = old.term_set(), old.name_set()
    shared = new_names & old_names
    weights = weigh(new_terms | old_terms | new_names | old_names)
    terms = weighted_jaccard(new_terms, old_terms, weights)
    names, held = (
        weighted_overlaps(new_names, old_names, weights)
        if len(shared) >= MIN_SHARED_NAMES
        else (0.0, 0.0)
    )
    digest = bool(shared) and is_digest_of(new, old, shared, weigh)
    counts = len(shared) >= MIN_CONTAINED_NAMES and dated and not digest
    contained = held if counts and not one_source(new, old) else 0.0
    figures_both = shared_figures(new, old)
    new_heads, old_heads = headline_hashes(new), headline_hashes(old)
    heads = len(new_heads) + len(old_heads)
    return Evidence(
        dated=dated,
        gap=gap,
        conflict=conflict,
        text=text,
        title=title,
        same_outlet=same_outlet(new, old),
        terms=terms,
        names=names,
        held=held,
        shared_names=len(shared),
        contained=contained,
        digest=digest,
        figures=len(figures_both),
        lead_figures=len(set(new.lead_figures) & set(old.lead_figures)),
        shared_weight=sum(weights[name] for name in shared),
        rarest=max((weights[name] for name in shared), default=0.0),
        headline_names=(len(new_heads & old_names) + len(old_heads & new_names)) / heads
        if heads
        else 0.0,
        fewer_names=min(len(new_names), len(old_names)),
        more_names=max(len(new_names), len(old_names)),
        listed=bool(new.name_items or old.name_items),
        values=len(
            {f[: len(f) - len(unit_of(f))] for f in new.figures}
            & {f[: len(f) - len(unit_of(f))] for f in old.figures}
        ),
        rare_held=rare_words.held,
        rare_shared=rare_words.shared,
    )


def headline_hashes(report: Report) -> frozenset[int]:
    """The headline's words hashed as the name words are (:func:`name_word_hash`)."""
    return frozenset(map(name_word_hash, report.title))
