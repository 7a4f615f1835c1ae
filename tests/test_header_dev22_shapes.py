"""Header shapes first met in dev22, on invented texts (docs/headline_repairs.md)."""

from __future__ import annotations

from datetime import UTC, datetime

from aggregator.toolkit.header_lines import strip_kicker
from aggregator.toolkit.plaintext import extract_article

REFERENCE = datetime(2026, 9, 1, tzinfo=UTC)


def test_a_wire_slug_with_its_take_number_is_no_part_of_the_headline() -> None:
    assert strip_kicker("ROUNDUP 3-Ferry strike ends after river board raises pay") == (
        "Ferry strike ends after river board raises pay"
    )
    assert strip_kicker("WRAPUP 1-Harbour cranes idle for a second day") == (
        "Harbour cranes idle for a second day"
    )


def test_a_reaction_slug_is_no_part_of_the_headline() -> None:
    text = (
        "VNS | MARKETS | 12-08-2026 18:02\n"
        "REACTION-Traders, millers greet the early wheat harvest\n"
        "RIVERTON, Aug 12 (VNS)\n"
        "The first wheat reached the river mills on Wednesday, two weeks early. Following "
        "are reactions:\n"
    )
    assert extract_article(text, reference=REFERENCE).title == (
        "Traders, millers greet the early wheat harvest"
    )


def test_words_in_capitals_joined_to_the_headline_stay() -> None:
    for headline in (
        "NASSCOM-Backed startups raise record funds",
        "ASEAN-India summit opens in Hanoi",
        "NIFTY 50-stock index ends flat",
    ):
        assert strip_kicker(headline) == headline
