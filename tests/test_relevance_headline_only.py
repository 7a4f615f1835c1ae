"""A headline that states a dealing over a body that names neither side: page furniture
(a newsletter's sign-up blurb, a list of other stories) says nothing about the two, and
the item is dropped; a body that refers to the two together, or names one of them, is
read as before.

Examples are written for these tests with a made-up pair of sides (Norway and Chile).
"""

from __future__ import annotations

from typing import Any

import pytest
from relevance_support import judge, judge_app

from aggregator.app import App

SETTINGS: dict[str, Any] = {
    "sides": {"Norway": ["Norway", "Norwegian", "Oslo"], "Chile": ["Chile", "Chilean"]},
    "relation_terms": ["signed", "sign", "agreement", "pact", "memorandum"],
    "places": {"Chile": ["Antofagasta", "Valparaiso"], "Norway": ["Bergen"]},
}
TITLE = "Norway and Chile sign a salmon pact"
FURNITURE = (
    "Sign up for our morning newsletter and get the top stories in your inbox every day.\n"
    "Read more stories from the business desk and share them with friends and colleagues."
)


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory) -> App:
    return judge_app(tmp_path_factory.mktemp("headline-only"), SETTINGS)


def test_furniture_under_a_headline_that_names_both_is_dropped(app: App) -> None:
    reason, item = judge(app, TITLE, FURNITURE)
    assert reason == "no article body about the sides"
    assert item.relevance is not None
    assert "the article body names neither" in item.relevance.reasons[0]


@pytest.mark.parametrize(
    "body",
    [
        "The two countries signed the memorandum in the capital on Monday, officials said.",
        "The agreement, signed in Bergen on Monday, sets quotas for the next five years.",
    ],
)
def test_a_body_that_refers_to_the_two_or_names_one_is_judged(app: App, body: str) -> None:
    reason, _ = judge(app, TITLE, body + "\n" + FURNITURE)
    assert reason is None
