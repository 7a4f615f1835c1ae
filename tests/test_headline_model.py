"""The experimental learned headline chooser (aggregator/toolkit/headline_model.py), on
invented headers: which lines it chooses among, and how weights decide and explain."""

from __future__ import annotations

from datetime import UTC, datetime

from aggregator.toolkit.header_zone import choose_zone_headline
from aggregator.toolkit.headline_model import (
    Weights,
    candidate_pool,
    choose_learned_headline,
)
from aggregator.toolkit.plaintext import extract_article, read_header_zone

REFERENCE = datetime(2026, 3, 1, tzinfo=UTC)
LEAD = (
    "The river authority opened two new ferry landings on Monday, cutting the crossing "
    "for commuters from the eastern bank by almost twenty minutes.\n"
    "Boats will run every quarter of an hour at peak times, the authority said.\n"
)
HEADER = (
    "Lowland Boatmen's Guild\n"
    "Members' Bulletin\n"
    "River authority opens two ferry landings for eastern commuters\n"
    "12 February 2026\n"
)
RULES = Weights({"the rules' choice": 1.0, "no headline, nor by the rules": 0.5}, "rules")


def test_the_pool_holds_every_line_of_the_zone_but_metadata() -> None:
    zone = read_header_zone(HEADER + LEAD, reference=REFERENCE)
    lines = [zone.lines[i] for i in candidate_pool(zone)]
    assert lines[:3] == [
        "Lowland Boatmen's Guild",
        "Members' Bulletin",
        "River authority opens two ferry landings for eastern commuters",
    ]
    assert "12 February 2026" not in lines
    assert not any(line.startswith("The river authority opened") for line in lines)


def test_a_headline_field_is_read_before_any_choice() -> None:
    zone = read_header_zone(f"Subject: Ferry landings open\n{LEAD}", reference=REFERENCE)
    assert zone.preset


def test_weights_on_the_rules_choice_alone_choose_as_the_rules_do() -> None:
    zone = read_header_zone(HEADER + LEAD, reference=REFERENCE)
    rules = choose_zone_headline(zone)
    learned = choose_learned_headline(zone, RULES)
    assert rules is not None and learned is not None
    assert learned.text == rules.text == extract_article(HEADER + LEAD, reference=REFERENCE).title
    assert learned.rule.startswith(rules.rule)
    assert "learned ranking: line 3 scored 1.0 (the rules' choice +1.0" in learned.rule


def test_the_best_scoring_line_wins_and_its_rule_says_why() -> None:
    zone = read_header_zone(HEADER + LEAD, reference=REFERENCE)
    favour_short_names = Weights({"at most three words": 2.0, "first of the lines": 1.0}, "test")
    chosen = choose_learned_headline(zone, favour_short_names)
    assert chosen is not None
    assert chosen.text == "Lowland Boatmen's Guild"
    assert chosen.rule == (
        "learned ranking: line 1 scored 3.0 (at most three words +2.0, first of the lines +1.0)"
    )


def test_the_choice_of_no_line_wins_when_it_scores_higher() -> None:
    zone = read_header_zone(HEADER + LEAD, reference=REFERENCE)
    assert choose_learned_headline(zone, Weights({"no headline": 1.0}, "none")) is None
