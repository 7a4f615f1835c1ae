"""Candidates from the amounts a report states: a reworded report of one event may share
too few words and names with another for their MinHash bands to meet, and still give its
amounts ("a ¥45 billion credit line", "29.8 billion yen"), which no rewording changes.

Each amount a report gives (:func:`stated_amounts`) is one exact key of a
:class:`~aggregator.toolkit.minhash.BandIndex` of one band: two reports that state one
amount are candidates, whatever else they share. A count that many reports give ("1,000
students", "50%") fills its bucket past :data:`CROWDED_AMOUNT` and is passed over, as a
country's name is in the name index. Verification then weighs the pair as any other.
"""

from __future__ import annotations

import sys
from collections import Counter
from collections.abc import Iterable
from zlib import crc32

from .minhash import BandIndex
from .story_evidence import is_day, unit_of

MAX_AMOUNTS = 12
"""Amounts of one report used as keys, its lead's first: a table of figures (a results
filing, a schedule) gives dozens, each of them a key would only crowd buckets."""
CROWDED_AMOUNT = 24
"""An amount more reports than this state says nothing of any of them."""
MIN_BARE_DIGITS = 4
"""Digits a bare count (no unit, no decimal point) needs to be a key: "150" delegates or
"300" seats is what many reports of many events give, "14,000 workers" is rarer."""


def is_stated_amount(figure: str) -> bool:
    """Whether a figure of :func:`~aggregator.toolkit.story_evidence.figures_of_terms` is
    an amount distinctive enough to find candidates by: not a day, and with a unit, a
    decimal point or :data:`MIN_BARE_DIGITS` digits."""
    if is_day(figure):
        return False
    number = figure[: len(figure) - len(unit_of(figure))]
    return bool(unit_of(figure)) or "." in number or len(number) >= MIN_BARE_DIGITS


def stated_amounts(lead: Iterable[str], figures: Iterable[str]) -> list[int]:
    """The keys of the amounts a report states: its lead figures first, then the rest,
    each set sorted, at most :data:`MAX_AMOUNTS`, as crc32 hashes without repeats."""
    lead_set = set(lead)
    ordered = sorted(f for f in lead_set if is_stated_amount(f))
    keys = dict.fromkeys(crc32(f"a:{figure}".encode()) for figure in ordered)
    return list(keys)[:MAX_AMOUNTS]


class AmountIndex:
    """The reports that state each amount (see the module's docstring)."""

    def __init__(self) -> None:
        self._index = BandIndex(1, CROWDED_AMOUNT)

    def add(self, ordinal: int, keys: list[int]) -> None:
        for key in keys:
            self._index.add(ordinal, key.to_bytes(4, sys.byteorder))

    def query(self, keys: list[int], found: Counter[int]) -> Counter[int]:
        """Count into ``found`` the reports that state each of ``keys`` (one a key)."""
        for key in keys:
            self._index.query(key.to_bytes(4, sys.byteorder), found)
        return found
