"""scripts/line_model.py: a line's features on invented lines, and the threshold that keeps
the article-line budget."""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "scripts"))
import line_model

DOCUMENT = [
    "MENU | HOME | WORLD | SPORT",
    "Harbour cranes idle as the dockers' strike enters its third week.",
    "The port authority said 14 ships were waiting offshore on Tuesday.",
    "Follow us on www.example-harbour.org",
    "MENU | HOME | WORLD | SPORT",
    "© 2026 Example Harbour Press. All rights reserved.",
]


def features(index: int) -> dict[str, float]:
    values = line_model.line_features(DOCUMENT, index)
    assert len(values) == len(line_model.FEATURE_NAMES)
    return dict(zip(line_model.FEATURE_NAMES, values, strict=True))


def test_a_menu_line_is_short_capitalised_separated_and_repeated() -> None:
    menu = features(0)
    assert menu["all_capitals"] == 1.0
    assert menu["has_separator"] == 1.0
    assert menu["repeats_in_document"] == 1.0
    assert menu["short_line"] == 1.0
    assert menu["share_from_top"] == 0.0
    assert menu["share_from_bottom"] == 1.0
    assert menu["ends_with_stop"] == 0.0


def test_an_article_sentence_ends_with_a_stop_and_is_not_furniture() -> None:
    sentence = features(2)
    assert sentence["ends_with_stop"] == 1.0
    assert sentence["all_capitals"] == 0.0
    assert sentence["repeats_in_document"] == 0.0
    assert sentence["has_link_or_address"] == 0.0
    assert sentence["short_line"] == 0.0
    assert sentence["share_from_top"] == 0.4
    assert 0.0 < sentence["digit_share"] < 0.05


def test_links_and_copyright_are_seen_and_the_last_line_is_at_the_bottom() -> None:
    assert features(3)["has_link_or_address"] == 1.0
    last = features(5)
    assert last["has_copyright"] == 1.0
    assert last["share_from_bottom"] == 0.0
    assert last["log_lines_from_bottom"] == 0.0


def test_the_threshold_flags_no_more_article_lines_than_the_budget() -> None:
    probabilities = np.linspace(0.0, 0.99, 200)
    threshold = line_model.threshold_for(probabilities, 0.01)
    assert int((probabilities > threshold).sum()) == 2
    assert int((probabilities > line_model.threshold_for(probabilities, 0.0)).sum()) == 0


def test_neighbours_features_follow_the_line_own_and_are_blank_past_the_ends() -> None:
    width = len(line_model.FEATURE_NAMES)
    first = line_model.with_neighbours(DOCUMENT, 0)
    assert len(first) == 3 * width
    assert first[:width] == line_model.line_features(DOCUMENT, 0)
    assert first[width : 2 * width] == [0.0] * width
    assert first[2 * width :] == line_model.line_features(DOCUMENT, 1)
    assert line_model.with_neighbours(DOCUMENT, 5)[2 * width :] == [0.0] * width


def test_the_removing_rule_is_the_line_own_removal_else_one_that_holds_it() -> None:
    removals = {"share this story": "share prompt", "more: floods | ferries | bridges": "menu"}
    assert line_model.removing_rule("Share this STORY", removals) == "share prompt"
    assert line_model.removing_rule("Ferries", removals) == "menu"
    assert line_model.removing_rule("Weather", removals) is None
