"""The words that label a publication date ("Published:", "Last updated on", "Premiered").

One list for both uses in :mod:`aggregator.toolkit.dates`: a label before a date line, and,
by its first word, a place where a date may start inside a line of other words; and, among
the days a line labels, those that say the text itself was posted (:func:`posted_among`);
a line of labelled days and nothing else (:func:`only_labelled_days`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING, Final

if TYPE_CHECKING:
    from aggregator.toolkit.dates import DateMatch


def _phrases(text: str) -> tuple[str, ...]:
    """Phrases written one after another with ";" between them."""
    return tuple(" ".join(phrase.split()) for phrase in text.split(";"))


LABELS: Final = _phrases(
    """first published; published online; last updated; last modified; last refreshed;
    release date;
    date of (?:release|publication|issue); publication date; telecast; published; updated;
    modified; posted; released; issued; filed; answered; (?:answer|reply) received; asked; aired;
    broadcast; dated; date;
    premiered; streamed live; uploaded; sent; compiled; listed; प्रकाशित; अपडेटेड; अपडेट"""
)
"""Regular-expression alternatives, a space for any run of spaces; longest first where one
begins another ("first published" before "published")."""
LABEL_STARTS: Final = tuple(dict.fromkeys(label.split()[0] for label in LABELS if label.isascii()))
"""The first words of the English labels: where a date may start inside a line."""
LABEL: Final = re.compile(
    r"(?P<label>" + "|".join(label.replace(" ", r"\s+") for label in LABELS) + ")"
    r"\b(?:\s+(?:on|at|the)\b)?\s*(?:[:\-–—]\s*)?",
    re.IGNORECASE,
)
"""A label at a date's start ("Published on:", an official letter's "dated the 30th April,
2026"); a date read after it carries the label."""

_UPDATE_STEMS: Final = ("updat", "modif", "refresh", "अपडेट")


def label_kind(label: str) -> str:
    """ "updated" for a label that says the text was changed ("Last updated", "Modified",
    a dashboard's "Last refreshed"), else "published"."""
    word = label.lower()
    return "updated" if any(stem in word for stem in _UPDATE_STEMS) else "published"


_POSTED: Final = re.compile(
    r"\b(?:posted|released|published|uploaded)(?:\s+(?:on|at))?\s*[:\-–—]?\s*$", re.IGNORECASE
)
"""A label saying the text itself was put out, right before its date ("Transcript posted:",
"Released"), not the day of what it is about (an issue's cover date, a broadcast's day)."""


def posted_among(line: str, dates: Sequence[DateMatch]) -> list[DateMatch]:
    """Those of ``dates``, read from ``line``, whose label says the text was posted or
    released ("Telecast: June 22, 2026 | Transcript posted: June 24, 2026", "Issue dated
    June 8, 2026 | Released 5 Jun 2026"): the page's own day among labelled days."""
    return [
        date
        for date in dates
        if (at := line.find(date.text)) > 0 and _POSTED.search(line, 0, at) is not None
    ]


_LABELS_LEFT: Final = re.compile(r"[\s;,|]*(?:[\w ’'-]{1,30}:[\s;,|]*;[\s;,|]*)+")
"""What a line of labelled days leaves once each day is replaced by ";": labels, separators."""


def only_labelled_days(line: str, dates: Sequence[DateMatch]) -> bool:
    """Whether ``line`` holds nothing but ``dates`` (read from it), each under a label of its
    own ("Repeats: Sat 11 Jul 12:00 SGT; Wed 15 Jul 14:30 SGT", "Submitted: May 12, 2026
    Answer received: May 22, 2026"): a schedule's or a record's days, never a headline,
    whatever the labels' words."""
    for date in dates:
        line = line.replace(date.text, ";")
    return bool(dates) and _LABELS_LEFT.fullmatch(line) is not None
