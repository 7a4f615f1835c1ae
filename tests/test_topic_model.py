"""Learned topic weights: the features of a topic's evidence, the model that weighs them,
tag_topics with and without a model file, and the script that fits one from labels."""

from __future__ import annotations

import json
import math
import sys
from pathlib import Path
from typing import Any

import pytest
from topic_support import tag, topics_project

from aggregator import ConfigError
from aggregator.testing import FeedProject
from aggregator.toolkit.topic_model import FEATURES, TopicModel, topic_features

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "scripts"))
import fit_topic_model

TAXONOMY = {
    "farming": ["orchard", "harvest", "farmers"],
    "shipping": ["harbour", "cargo", "ships"],
    "weather": ["rain", "storm"],
}


def evidence(score: float, **parts: Any) -> dict[str, Any]:
    entry: dict[str, Any] = {"score": score, "terms": {"a": 1}, "matches": 1, "listed": 0}
    return entry | parts


def test_features_place_each_topic_against_the_others() -> None:
    found = {
        "farming": evidence(6.0, title=1.0, lead=1.0, body=1.0, matches=3, terms={"a": 2, "b": 1}),
        "shipping": evidence(2.0, body=2.0, matches=2, listed=1),
        "weather": evidence(0.0),
    }
    features = topic_features(found, {"farming"}, words=100)
    assert set(features) == {"farming", "shipping"}
    farming, shipping = features["farming"], features["shipping"]
    assert set(farming) == set(FEATURES)
    assert farming["is_best"] == 1.0 and shipping["is_best"] == 0.0
    assert shipping["share_of_best"] == pytest.approx(1 / 3)
    assert farming["share_of_all"] == pytest.approx(0.75)
    assert farming["in_title"] == 1.0 and shipping["in_title"] == 0.0
    assert farming["rules_give"] == 1.0 and shipping["rules_give"] == 0.0
    assert shipping["listed_share"] == 0.5
    assert farming["log_distinct_terms"] == pytest.approx(math.log(3))
    assert farming["log_density"] == pytest.approx(math.log1p(3.0))


def title_model(threshold: float = 0.5) -> TopicModel:
    """A model that gives a topic when, and only when, the headline names it."""
    weights = dict.fromkeys(FEATURES, 0.0) | {"in_title": 8.0}
    return TopicModel(weights, intercept=-4.0, threshold=threshold)


def test_the_model_gives_the_topics_whose_probability_reaches_the_threshold() -> None:
    features = topic_features(
        {
            "farming": evidence(9.0, body=9.0, matches=9),
            "shipping": evidence(3.0, title=1.0),
            "weather": evidence(3.0, title=1.0),
        },
        {"farming"},
        words=200,
    )
    chosen, probabilities = title_model().choose(features, max_topics=4)
    assert chosen == ["shipping", "weather"]
    assert probabilities["farming"] < 0.05 < 0.95 < probabilities["shipping"]
    assert title_model().choose(features, max_topics=1)[0] == ["shipping"]
    assert title_model(threshold=0.99).choose(features, max_topics=4)[0] == []


def test_a_topic_intercept_moves_only_its_topic() -> None:
    features = {"farming": dict.fromkeys(FEATURES, 0.0), "shipping": dict.fromkeys(FEATURES, 0.0)}
    model = TopicModel(dict.fromkeys(FEATURES, 0.0), 0.0, 0.6, {"farming": 2.0})
    chosen, probabilities = model.choose(features, max_topics=4)
    assert chosen == ["farming"]
    assert probabilities["shipping"] == 0.5


def test_a_model_survives_its_json_form(tmp_path: Path) -> None:
    model = TopicModel(
        dict.fromkeys(FEATURES, 0.25), -1.0, 0.4, {"farming": 0.5}, {"labels": {"a": 3}}
    )
    path = tmp_path / "model.json"
    model.dump(path)
    assert TopicModel.load(path) == model
    assert json.loads(path.read_text(encoding="utf-8"))["weights"]["in_title"] == 0.25


@pytest.mark.parametrize(
    ("change", "complaint"),
    [
        ({"format": 2}, "format"),
        ({"weights": {"in_headline": 1.0}}, "in_headline"),
        ({"threshold": 1.5}, "between 0 and 1"),
        ({"intercept": "high"}, "finite numbers"),
        ({"topic_intercepts": {"farming": math.nan}}, "finite numbers"),
    ],
)
def test_a_damaged_model_is_refused_with_its_fault(change: dict[str, Any], complaint: str) -> None:
    data = title_model().to_json() | change
    with pytest.raises(ValueError, match=complaint):
        TopicModel.from_json(data)


ARTICLE = """{title}

{body}
"""


def project_with(tmp_path: Path, **options: Any) -> FeedProject:
    return topics_project(tmp_path, TAXONOMY, **options)


HEADLINE = "Storm closes the harbour for a second day"
BODY = (
    "Farmers in the valley said the orchard harvest was nearly done before the rain came,"
    " and the farmers' union expects the best harvest in a decade.\n\n"
    "The harbour master said cargo ships would wait at anchor until the storm passed."
)


def test_without_a_model_the_thresholds_choose(tmp_path: Path) -> None:
    item = tag(project_with(tmp_path), HEADLINE, BODY)
    assert item.topics == ["farming", "shipping", "weather"]
    assert "probability" not in item.extras["topic_evidence"]["farming"]


def test_a_model_file_beside_feeds_toml_chooses_instead(tmp_path: Path) -> None:
    project = project_with(tmp_path, model="weights/topics.json")
    (project.root / "weights").mkdir()
    title_model().dump(project.root / "weights" / "topics.json")
    item = tag(project, HEADLINE, BODY)
    assert sorted(item.topics) == ["shipping", "weather"]
    found = item.extras["topic_evidence"]
    assert found["farming"]["probability"] < 0.5 < found["shipping"]["probability"]
    assert found["farming"]["title"] == 0 < found["farming"]["lead"]


def test_a_missing_model_file_stops_with_the_key_to_fix(tmp_path: Path) -> None:
    project = project_with(tmp_path, model="nowhere.json")
    with pytest.raises(ConfigError, match=r"plugins\.tag_topics\.model: cannot use"):
        project.load()


FARM_LINES = (
    "The orchard cooperative met on Tuesday to plan the harvest with the farmers of the hills.",
    "Its chairman said the farmers would share one press for the harvest this autumn.",
)
PORT_LINES = (
    "The harbour board said cargo volumes rose again, and more ships called at the quay.",
    "Dock workers said the cargo of the ships was moved faster with the new cranes.",
)


def write_labelled(root: Path) -> list[Path]:
    """Two labels files of short reports; a topic is labelled when the headline names it,
    while the body of each report names the other topic as well."""
    label_files = []
    for group, variant in (("north", 0), ("south", 1)):
        folder = root / group / "desk"
        folder.mkdir(parents=True)
        articles: dict[str, Any] = {}
        for number in range(6):
            farm_first = (number + variant) % 2 == 0
            title = (
                f"Orchard harvest report number {number}"
                if farm_first
                else f"Harbour cargo report number {number}"
            )
            lines = (FARM_LINES + PORT_LINES) if farm_first else (PORT_LINES + FARM_LINES)
            name = f"desk/report-{number}.txt"
            (root / group / name).write_text(
                ARTICLE.format(title=title, body="\n\n".join(lines)), encoding="utf-8"
            )
            articles[name] = {"topics": ["farming" if farm_first else "shipping"]}
        articles["desk/notice.txt"] = {"topics": [], "relevant": False}
        (folder / "notice.txt").write_text(
            ARTICLE.format(title="Office closed", body="The office is closed on Friday."),
            encoding="utf-8",
        )
        label_file = root / group / "labels.json"
        label_file.write_text(json.dumps({"articles": articles}), encoding="utf-8")
        label_files.append(label_file)
    return label_files


def test_the_script_fits_weights_that_follow_the_labels(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    project = project_with(tmp_path)
    config = project.write_config()
    label_files = write_labelled(tmp_path / "labelled")
    examples = fit_topic_model.collect(config, label_files)
    assert len(examples) == 12
    assert {example.group for example in examples} == {str(path) for path in label_files}
    assert all(set(example.rules) == {"farming", "shipping"} for example in examples)

    out = project.root / "topic_model.json"
    fit_topic_model.main(
        [
            "--config",
            str(config),
            "--evaluate",
            *[argument for path in label_files for argument in ("--labels", str(path))],
        ]
    )
    printed = capsys.readouterr().out
    assert sorted(path.name for path in project.root.glob("*.toml")) == ["feeds.toml"]
    assert "mean over 2 files: rules 0.500, learned 1.000" in printed
    assert "rules: 0 right, 12 too many" in printed
    model = TopicModel.load(out)
    assert model.weights["in_title"] > 0
    assert model.fitted_on["labels"] == {str(path): 6 for path in label_files}

    project.plugin_config("tag_topics", model="topic_model.json")
    item = tag(project, "Harbour cargo report", "\n\n".join(FARM_LINES + PORT_LINES))
    assert item.topics == ["shipping"]
