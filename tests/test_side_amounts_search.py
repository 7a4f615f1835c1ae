"""Currencies.sides_in tries its pattern only where a currency word or a digit starts in the
span; it must find what a search from the span's start finds."""

from __future__ import annotations

import random
import re

from aggregator.toolkit.side_amounts import Currencies, _converts

TABLES = [
    {"India": ["rupees", "rupee", "Rs", "INR", "₹", "crore", "lakh"], "Japan": ["yen", "JPY", "¥"]},
    {"Sweden": ["kr", "SEK", "k", "s"], "Chile": ["pesos", "CLP", "$"], "Other": ["sek", "rsk"]},
]
PIECES = [
    *("Rs", "rs.", "₹", "¥", "yen", "JPY", "ſek", "K", "crore", "lakhs", "pesos", "$", "kr"),
    *(" ", " ", "-", ",", ".", "(about ", ")", "\n", "3", "12", "4,000", "1.5", "٣"),
    *("billion", "bn", "k", "people", "tonnes", "sq", "will invest", "visitors", "Rsk"),
]


def searched(currencies: Currencies, text: str, start: int, end: int) -> set[str]:
    """The sides found by searching from ``start`` on, as the pattern alone finds them."""
    sides = set()
    if not re.search(r"\d", text[start : end + currencies._digit_reach]):
        return sides
    for side, pattern, _ in currencies._patterns:
        for found in pattern.finditer(text, start):
            if found.start() >= end:
                break
            if not _converts(text, found.start()):
                sides.add(side)
                break
    return sides


def test_sums_found_as_a_search_from_the_span_finds_them() -> None:
    rng = random.Random(18)
    found = 0
    for table in TABLES:
        currencies = Currencies(table)
        for _ in range(4000):
            text = "".join(rng.choice(PIECES) for _ in range(rng.randint(1, 40)))
            for _ in range(3):
                start = rng.randint(0, len(text))
                end = rng.randint(start, len(text))
                expected = searched(currencies, text, start, end)
                assert currencies.sides_in(text, start, end) == expected, (text, start, end)
                found += bool(expected)
    assert found > 1000


def test_a_sum_past_the_span_or_a_conversion_is_not_the_spans() -> None:
    currencies = Currencies(TABLES[0])
    text = "Tsubasa Motor of Japan will build a plant. It costs ¥1.2 billion (about ₹68 crore)."
    first = text.index(".") + 1
    assert currencies.sides_in(text, 0, first) == set()
    assert currencies.sides_in(text, first, len(text)) == {"Japan"}
    converted = text.index("₹")
    assert currencies.sides_in(text, converted, len(text)) == set()
