"""Cheap tests in front of costly patterns must refuse only lines the pattern refuses."""

from __future__ import annotations

import random

from aggregator.toolkit.lead_dealings import ISSUER_PARTS, ISSUER_WORDS, issuer_side
from aggregator.toolkit.lines import may_hold
from aggregator.toolkit.signed_notes import _SIGNED

SIDES = ("India", "Japan")
PIECES = [
    *("Government", "GOVERNMENT", "embassy", "Consulate", "High", "HIGH", "Commission"),
    *("commission", "of", "India", "Japan", "Oslo", " ", "  ", "\t", ",", ".", "/", "—", "–"),
    *("-", "President", "Emiko Tanabe", "below.", "ſ", "K", "x", "ok)"),
]
NOTES = ["", "See you below. ", "as agreed) ", "Welcome, members! ", "ok "]
DASHES = ["—", "–", "-", "ſ", "x"]
NAMES = ["Emiko Tanabe", "K. Rao", "x", "Ola Nordmann-Berg"]
ROLES = ["President", "Oslo", "x", "7"]


def test_letterheads_in_any_case_are_still_read() -> None:
    assert issuer_side(["HIGH COMMISSION OF INDIA, TOKYO"], "", SIDES) == "India"
    assert issuer_side(["The Government of Japan"], "", SIDES) == "Japan"
    assert issuer_side([], "EMBASSY OF JAPAN\nNew Delhi\n\nA note", SIDES) == "Japan"
    assert issuer_side(["Ministry of External Affairs"], "A note", SIDES) is None


def test_the_prefilters_refuse_no_line_their_patterns_take() -> None:
    rng = random.Random(18)
    taken = [0, 0]
    for _ in range(30_000):
        line = "".join(rng.choice(PIECES) for _ in range(rng.randint(1, 12)))
        if ISSUER_WORDS.search(line):
            taken[0] += 1
            assert may_hold(line, ISSUER_PARTS), line
        signature = "".join(
            rng.choice(choices)
            for choices in (
                NOTES,
                ["—", "–", "-", "ſ", "x"],
                [" ", "  "],
                NAMES,
                [", ", " "],
                ROLES,
            )
        )
        if _SIGNED.fullmatch(signature):
            taken[1] += 1
            assert "—" in signature or "–" in signature, signature
    assert min(taken) > 100
