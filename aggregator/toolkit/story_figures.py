"""Candidates from the amounts a report leads with: a reworded report of one event may
share too few words and names with another for their MinHash bands to meet, and still
lead with its sum ("a ¥45 billion credit line", "45 billion yen"), which no rewording
changes.

Each amount of a report's headline and first paragraph (:func:`stated_amounts`) is one
exact key of a :class:`~aggregator.toolkit.minhash.BandIndex` of one band: two reports
that lead with one amount are candidates, whatever else they share. An amount many
reports lead with ("50%") fills its bucket past :data:`CROWDED_AMOUNT` and is passed
over, as a country's name is in the name index. Verification then weighs the pair as any
other. Amounts further down are left out: a report gives background sums of other events
there (a package's other loans, last year's total), and keyed on them a report of one
loan met every report of its neighbours (on dev11, a false pair); the lead's amount is
what the report is about.
"""

from __future__ import annotations

import sys
from collections import Counter
from collections.abc import Iterable, Sequence
from zlib import crc32

from .minhash import BandIndex
from .story_evidence import is_day, unit_of

MAX_AMOUNTS = 12
"""Amounts of one report used as keys: a lead that is a table of figures (a results
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


def stated_amounts(lead: Iterable[str]) -> list[int]:
    """The keys of the amounts among a report's lead figures, in sorted order, at most
    :data:`MAX_AMOUNTS`, as crc32 hashes without repeats."""
    ordered = sorted(f for f in set(lead) if is_stated_amount(f))
    keys = dict.fromkeys(crc32(f"a:{figure}".encode()) for figure in ordered)
    return list(keys)[:MAX_AMOUNTS]


class AmountIndex:
    """The reports that state each amount (see the module's docstring)."""

    def __init__(self) -> None:
        self._index = BandIndex(1, CROWDED_AMOUNT)

    def add(self, ordinal: int, keys: Sequence[int]) -> None:
        for key in keys:
            self._index.add(ordinal, key.to_bytes(4, sys.byteorder))

    def query(self, keys: Sequence[int], found: Counter[int]) -> Counter[int]:
        """Count into ``found`` the reports that state each of ``keys`` (one a key)."""
        for key in keys:
            self._index.query(key.to_bytes(4, sys.byteorder), found)
        return found
