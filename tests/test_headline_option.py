"""``[plugins.text_parser] headline``: the rules by default, the learned chooser when asked
(aggregator/toolkit/headline_model.py), on invented headers."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from aggregator import ConfigError, Document, SourceConfig
from aggregator.config import Config, config_from_dict
from aggregator.plugins import text_parser
from aggregator.toolkit.header_zone import (
    candidate_ranks,
    choose_headline,
    headline_from,
    rule_signals,
)
from aggregator.toolkit.headline_model import (
    SHIPPED,
    candidate_pool,
    line_features,
    load_weights,
    pool_context,
)
from aggregator.toolkit.plaintext import extract_article, read_header_zone

REFERENCE = datetime(2026, 3, 1, tzinfo=UTC)
SOURCE = SourceConfig(name="bulletins", type="directory", options={}, base_dir=Path("."))
HEADER = (
    "Lowland Boatmen's Guild\n"
    "Members' Bulletin\n"
    "River authority opens two ferry landings for eastern commuters\n"
    "12 February 2026\n"
)
LEAD = (
    "The river authority opened two new ferry landings on Monday, cutting the crossing "
    "for commuters from the eastern bank by almost twenty minutes.\n"
    "Boats will run every quarter of an hour at peak times, the authority said.\n"
)
RULES_TITLE = "River authority opens two ferry landings for eastern commuters"
FAVOUR_SHORT = {"at most three words": 2.0, "first of the lines": 1.0}
"""Weights under which the guild's name outscores the rules' choice by 3."""


def config(tmp_path: Path, **options: Any) -> Config:
    data = {"feed": {"title": "t", "link": "http://127.0.0.1/"}, "plugins": {}}
    if options:
        data["plugins"] = {"text_parser": options}
    made = config_from_dict(data, tmp_path / "feeds.toml")
    text_parser.aggregator_configure(made)
    return made


def weights_file(tmp_path: Path, margin: float | None) -> str:
    path = tmp_path / "weights.json"
    path.write_text(json.dumps({"fitted_on": "test", "margin": margin, "weights": FAVOUR_SHORT}))
    return path.name


def parse(text: str, settings: Config) -> Any:
    document = Document(
        source=SOURCE.name,
        uri="bulletin.txt",
        content=text.encode(),
        media_type="text/plain",
        fetched_at=REFERENCE,
    )
    items = text_parser.aggregator_parse(document, SOURCE, settings)
    assert items is not None
    return items[0]


def test_by_default_the_rules_choose_as_the_parser_does(tmp_path: Path) -> None:
    item = parse(HEADER + LEAD, config(tmp_path))
    article = extract_article(HEADER + LEAD, reference=REFERENCE)
    assert item.title == article.title == RULES_TITLE
    assert item.extras["title_from"]["rule"] == article.title_from[1]  # type: ignore[index]
    assert "learned" not in item.extras["title_from"]["rule"]


def test_learned_the_model_decides_where_it_outscores_the_rules_by_the_margin(
    tmp_path: Path,
) -> None:
    settings = config(tmp_path, headline="learned", headline_weights=weights_file(tmp_path, 1.0))
    item = parse(HEADER + LEAD, settings)
    assert item.title == "Lowland Boatmen's Guild"
    rule = item.extras["title_from"]["rule"]
    assert rule.startswith("learned ranking: line 1 scored 3.0")
    assert rule.endswith("over the rules' choice by more than 1")


def test_learned_the_rules_stand_where_the_model_is_not_sure_enough(tmp_path: Path) -> None:
    settings = config(tmp_path, headline="learned", headline_weights=weights_file(tmp_path, 5.0))
    item = parse(HEADER + LEAD, settings)
    assert item.title == RULES_TITLE
    rules = extract_article(HEADER + LEAD, reference=REFERENCE).title_from
    assert item.extras["title_from"]["rule"] == rules[1]  # type: ignore[index]


def test_the_shipped_weights_load_and_say_what_they_were_fitted_on() -> None:
    weights = load_weights(SHIPPED)
    assert weights.margin is not None and weights.margin >= 0
    assert isinstance(weights.fitted_on, dict)
    assert "dev10" not in weights.fitted_on["halves"]
    assert "test" not in weights.fitted_on["halves"]
    assert weights.weights["the rules' choice"] > 0


def test_the_shipped_weights_keep_an_ordinary_report_as_the_rules_read_it(tmp_path: Path) -> None:
    """Counter-test: ordinary news headers, as the rules read them, stay as they are."""
    settings = config(tmp_path, headline="learned")
    texts = [
        HEADER + LEAD,
        "Harbour board approves second container berth\nBy Meera Nair\n3 March 2026\n" + LEAD,
        "CITY DESK\nTram fares to stay frozen for another year, council says\n"
        "Tuesday, 10 February 2026\n" + LEAD,
    ]
    for text in texts:
        assert parse(text, settings).title == extract_article(text, reference=REFERENCE).title


def test_a_missing_weights_file_is_a_config_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="headline_weights"):
        config(tmp_path, headline="learned", headline_weights="nowhere.json")


def test_an_unknown_chooser_is_a_config_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="headline"):
        config(tmp_path, headline="guess")


def test_a_line_under_a_short_rules_choice_is_described_against_it() -> None:
    zone = read_header_zone(
        "Portside Weekly\nHarbour board approves second container berth\n3 March 2026\n" + LEAD,
        reference=REFERENCE,
    )
    pool = candidate_pool(zone)
    context = pool_context(zone, pool, headline_from(zone, 0, "as if the rules chose it"))
    below = line_features(zone, 1, context)
    assert below["the rules chose a short line"] == 1.0
    assert below["below and longer than a short rules' choice"] == 1.0
    assert "the rules chose a short line" not in line_features(zone, 0, context)


def test_a_line_a_window_title_above_holds_is_marked() -> None:
    text = (
        "3/3/26, 9:15 AM   Harbour board approves second container berth | Portside Weekly\n"
        "Portside Weekly\nHarbour board approves second container berth\n3 March 2026\n" + LEAD
    )
    zone = read_header_zone(text, reference=REFERENCE)
    pool = candidate_pool(zone)
    context = pool_context(zone, pool, None)
    assert line_features(zone, 2, context)["held in a longer line above"] == 1.0
    assert line_features(zone, 1, context)["held in a longer line above"] == 0.0


def test_the_ranks_read_once_give_what_each_reading_gives() -> None:
    """The learned chooser reads the candidates' ranks once and hands them to the rules and
    to each line's signals: the same headline and signals as each reading on its own."""
    zone = read_header_zone(
        "Portside Weekly | Issue 12\nPRESS RELEASE\nHarbour board approves second container "
        "berth\nBy Mara Quill\n3 March 2026\n" + LEAD,
        reference=REFERENCE,
    )
    ranks = candidate_ranks(zone.lines, zone.candidates)
    assert set(ranks) == set(zone.candidates)
    given = choose_headline(zone.lines, zone.candidates, zone.anchors, zone.dated, ranks)
    assert given == choose_headline(zone.lines, zone.candidates, zone.anchors, zone.dated)
    assert ranks == candidate_ranks(zone.lines, zone.candidates)  # the chooser copies them
    for index in candidate_pool(zone):
        assert rule_signals(zone, index, ranks.get(index)) == rule_signals(zone, index)
    pool = candidate_pool(zone)
    assert pool_context(zone, pool, given, ranks) == pool_context(zone, pool, given)
