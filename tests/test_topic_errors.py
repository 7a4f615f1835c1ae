"""scripts/topic_errors.py: the rules' choice rebuilt with other numbers, how an article's
topics fall, and its report on invented labelled articles."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pytest

from aggregator.plugins import tag_topics

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "scripts"))
import topic_errors
from fit_topic_model import Example

SHIPPED_NUMBERS = (3.0, 2.0, 1.5, 2.5, 0.25, 4)
OPTIONS = {"first_min_score": 1.5, "min_score": 2.5, "relative_score": 0.25, "max_topics": 4}


def entry(title: float = 0.0, lead: float = 0.0, body: float = 0.0) -> dict[str, Any]:
    score = round(3 * title + 2 * lead + body, 2)
    return {"score": score, "title": title, "lead": lead, "body": body, "terms": {"a": 1}}


EVIDENCE = {
    "orchards": entry(title=1.0, lead=1.0),
    "harbours": entry(body=3.0),
    "weather": entry(body=1.0),
    "markets": entry(lead=0.5, body=1.5),
}


def test_the_shipped_numbers_choose_as_the_rules_do() -> None:
    assert topic_errors.choose(EVIDENCE, SHIPPED_NUMBERS) == tag_topics.rules_choose(
        EVIDENCE, OPTIONS
    )
    assert topic_errors.choose(EVIDENCE, SHIPPED_NUMBERS) == ["orchards", "harbours", "markets"]


def test_other_numbers_reweigh_the_places() -> None:
    body_first = (1.0, 1.0, 1.5, 2.0, 0.25, 4)
    assert topic_errors.choose(EVIDENCE, body_first) == ["harbours", "markets", "orchards"]
    assert topic_errors.choose(EVIDENCE, (3.0, 2.0, 1.5, 1.0, 0.0, 2)) == [
        "orchards",
        "harbours",
    ]
    assert topic_errors.choose({}, SHIPPED_NUMBERS) == []


@pytest.mark.parametrize(
    ("given", "labelled", "kind"),
    [
        ({"a"}, {"a"}, "right"),
        ({"a"}, {"a", "b"}, "too few"),
        ({"a", "b"}, {"a"}, "too many"),
        ({"a", "c"}, {"a", "b"}, "mixed"),
        ({"c"}, {"a"}, "wrong"),
    ],
)
def test_articles_fall_by_how_their_topics_differ(
    given: set[str], labelled: set[str], kind: str
) -> None:
    assert topic_errors.article_kind(given, labelled) == kind


def example(group: str, labelled: set[str], rules: tuple[str, ...]) -> Example:
    return Example(group, f"{group}/x.txt", frozenset(labelled), EVIDENCE, 100, rules)


def test_the_report_splits_misses_by_whether_a_term_found_them(
    capsys: pytest.CaptureFixture[str],
) -> None:
    examples = [
        example("one", {"orchards", "weather"}, ("orchards", "harbours")),
        example("two", {"orchards", "ferries"}, ("orchards",)),
    ]
    topic_errors.report_errors(examples)
    printed = capsys.readouterr().out
    assert "articles: mixed 1, too few 1" in printed
    assert "of which no term found 1, found under the thresholds 1" in printed
    assert "mean Jaccard, labelled topics among the found: 0.750" in printed


def test_retuning_is_measured_on_the_file_left_out(capsys: pytest.CaptureFixture[str]) -> None:
    examples = [
        example("one", {"orchards"}, ("orchards", "harbours", "markets")),
        example("two", {"orchards"}, ("orchards", "harbours", "markets")),
    ]
    topic_errors.crossval(examples, SHIPPED_NUMBERS)
    printed = capsys.readouterr().out
    assert "mean                                       0.333   1.000" in printed
