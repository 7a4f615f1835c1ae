"""The words that label a publication date ("Published:", "Last updated on", "Premiered").

One list for both uses in :mod:`aggregator.toolkit.dates`: a label before a date line, and,
by its first word, a place where a date may start inside a line of other words.
"""

from __future__ import annotations

import re
from typing import Final


def _phrases(text: str) -> tuple[str, ...]:
    """Phrases written one after another with ";" between them."""
    return tuple(" ".join(phrase.split()) for phrase in text.split(";"))


LABELS: Final = _phrases(
    """first published; published online; last updated; last modified; release date;
    date of (?:release|publication|issue); publication date; telecast; published; updated;
    modified; posted; released; issued; filed; answered; asked; aired; broadcast; dated; date;
    premiered; streamed live; uploaded; sent; compiled; प्रकाशित; अपडेटेड; अपडेट"""
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
