"""The word model of tag_topics: fitted from labels, checked against the taxonomy, shipped."""

from __future__ import annotations

import dataclasses
import json
import math
import sys
import tomllib
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from realworld_eval import DEVELOPMENT_HALVES, MEASURING_HALVES, UNREAD_HALVES
from topic_support import tag, topics_project

from aggregator import ConfigError
from aggregator.commands import explain_lines
from aggregator.plugins import tag_topics
from aggregator.testing import FeedProject
from aggregator.toolkit.prose import unwrap
from aggregator.toolkit.topic_model import feature_values
from aggregator.toolkit.topic_words import (
    SHIPPED,
    TopicWords,
    _row_sum,
    evidence_matrix,
    taxonomy_digest,
    word_features,
)

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "scripts"))
import fit_topic_words

ROOT = Path(__file__).resolve().parents[1]
TAXONOMY = {"farming": ["orchard"], "shipping": ["harbour"]}
FARM_WORDS = ("apples", "pruning", "saplings", "blossom", "growers")
PORT_WORDS = ("cranes", "vessels", "quay", "containers", "dockers")
BOTH = "The orchard beside the harbour was mentioned once more in the report."


def report(words: tuple[str, ...], number: int) -> tuple[str, str]:
    """A headline and body that name both topics' terms alike: only the other words
    tell the topic."""
    first, second = words[number % 5], words[(number + 2) % 5]
    title = f"Report {number} on {first} and {second}"
    body = (
        f"Officials spoke about {first}, {second} and {words[(number + 1) % 5]} on Tuesday"
        f" in the district.\n\n{BOTH}"
    )
    return title, body


def write_labelled(root: Path) -> list[Path]:
    label_files = []
    for group, start in (("north", 0), ("south", 5)):
        folder = root / group / "desk"
        folder.mkdir(parents=True)
        articles: dict[str, Any] = {}
        for number in range(start, start + 8):
            farming = number % 2 == 0
            title, body = report(FARM_WORDS if farming else PORT_WORDS, number)
            name = f"desk/report-{number}.txt"
            (root / group / name).write_text(f"{title}\n\n{body}\n", encoding="utf-8")
            articles[name] = {"topics": ["farming" if farming else "shipping"]}
        label_file = root / group / "labels.json"
        label_file.write_text(json.dumps({"articles": articles}), encoding="utf-8")
        label_files.append(label_file)
    return label_files


def project_with(tmp_path: Path, **options: Any) -> FeedProject:
    return topics_project(tmp_path, TAXONOMY, **options)


def test_words_are_read_once_and_the_headlines_twice() -> None:
    assert word_features("Apples of Shimla", "The apples, 2024's best; co-op's pears.") == {
        *("apples", "of", "shimla", "t:apples", "t:of", "t:shimla"),
        *("the", "2024", "s", "best", "co", "op", "pears"),
    }


def test_the_script_fits_words_that_tell_topics_the_terms_cannot(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    project = project_with(tmp_path)
    config = project.write_config()
    label_files = write_labelled(tmp_path / "labelled")
    fit_topic_words.main(
        [
            "--config",
            str(config),
            "--evaluate",
            "--iterations",
            "300",
            *[argument for path in label_files for argument in ("--labels", str(path))],
        ]
    )
    printed = capsys.readouterr().out
    assert "mean over 2 files: rules 0.500, added 0.500, in place 1.000" in printed
    model = TopicWords.load(project.root / "topic_words.npz")
    assert model.topics == ("farming", "shipping")
    assert model.fitted_on["labels"] == {str(path): 8 for path in label_files}
    assert model.fitted_on["taxonomy_digest"] == taxonomy_digest(TAXONOMY)

    assert tag(project, *report(PORT_WORDS, 1)).topics == ["farming", "shipping"]
    project.plugin_config("tag_topics", words="topic_words.npz", words_add=False)
    item = tag(project, "Apples and blossom this spring", f"Growers spoke of pruning.\n\n{BOTH}")
    assert item.topics == ["farming"]
    evidence = item.extras["topic_evidence"]["farming"]
    assert evidence["probability"] > 0.5
    assert {"apples", "t:apples", "pruning"} & set(evidence["words"])
    assert "probability" not in item.extras["topic_evidence"]["shipping"]
    lines = explain_lines(item, [])
    assert any(line.startswith("  * farming: score") and "probability" in line for line in lines)

    project.plugin_config("tag_topics", words_add=True)
    orchard_only = "The orchard board met the cranes, vessels and dockers of the quay."
    assert tag(project, "Quay cranes and vessels", orchard_only).topics == ["farming", "shipping"]
    project.plugin_config("tag_topics", words="")
    assert tag(project, "Quay cranes and vessels", orchard_only).topics == ["farming"]


def test_a_model_fitted_on_another_taxonomy_is_refused(tmp_path: Path) -> None:
    project = project_with(tmp_path, words="topic_words.json")
    model = TopicWords.load(SHIPPED)
    model.dump(project.root / "topic_words.json")
    with pytest.raises(ConfigError, match=r"words: .* fitted on another taxonomy .*farming"):
        project.load()


def test_words_and_model_are_not_set_together(tmp_path: Path) -> None:
    project = project_with(tmp_path, words="shipped", model="topic_model.json")
    with pytest.raises(ConfigError, match="either model or words"):
        project.load()


def shipped_topics() -> dict[str, Any]:
    table: dict[str, Any] = tomllib.loads((ROOT / "feeds.toml").read_text(encoding="utf-8"))
    return dict(table["plugins"]["tag_topics"])


def test_the_shipped_model_is_fitted_on_the_shipped_taxonomy() -> None:
    model = TopicWords.load(SHIPPED)
    assert model.check_topics(shipped_topics()["taxonomy"]) == ""
    assert SHIPPED.stat().st_size <= 2_000_000
    assert 0 < model.threshold < 1
    fitted = {Path(name).parent.name for name in model.fitted_on["labels"]}
    assert fitted <= set(DEVELOPMENT_HALVES)
    assert not fitted & {*MEASURING_HALVES, *UNREAD_HALVES}


def test_the_shipped_model_was_fitted_on_the_shipped_terms() -> None:
    """Its weights were learned for the evidence of these terms: a model fitted before the
    terms changed carries another fingerprint and has to be refitted."""
    model = TopicWords.load(SHIPPED)
    assert model.fitted_on["taxonomy_digest"] == taxonomy_digest(shipped_topics()["taxonomy"])


def test_the_taxonomy_fingerprint_follows_terms_and_weights() -> None:
    taxonomy: dict[str, Any] = {"orchards": ["apple", {"term": "cider", "weight": 0.5}]}
    same = {"orchards": ["apple", {"term": "cider", "weight": 0.5}]}
    lighter = {"orchards": ["apple", {"term": "cider", "weight": 0.25}]}
    more = {"orchards": ["apple", "pear", {"term": "cider", "weight": 0.5}]}
    assert taxonomy_digest(taxonomy) == taxonomy_digest(same)
    assert len({taxonomy_digest(t) for t in (taxonomy, lighter, more)}) == 3


def test_the_shipped_taxonomy_tags_by_the_shipped_model_when_asked(tmp_path: Path) -> None:
    project = FeedProject(tmp_path / "project")
    project.plugin_config(
        "tag_topics", **(shipped_topics() | {"words": "shipped", "words_add": False})
    )
    item = tag(
        project,
        "Japanese firm to set up plant in Gujarat",
        "The company will invest 20 billion yen in a factory near Ahmedabad, which will"
        " export parts to Japan from 2028.",
    )
    assert "investment" in item.topics
    for topic in item.topics:
        assert 0.0 < item.extras["topic_evidence"][topic]["probability"] <= 1.0


def test_the_tagger_reads_the_words_the_fit_read() -> None:
    """The plugin looks words up without making :func:`word_features`' strings; the rows
    must be the same."""
    model = TopicWords.load(SHIPPED)
    title = "Tokyo and Delhi sign yen loan for the Mumbai-Ahmedabad high-speed rail"
    text = "The loan, signed on Friday, funds the\ncorridor's viaducts.\n\nJICA said so."
    features = word_features(title, text)
    expected = sorted(model.vocabulary[word] for word in features if word in model.vocabulary)
    assert sorted(model._rows(title, text)) == expected
    assert "t:loan" in features and "viaducts" in features


PLANT_AND_DRILL = (
    "Japanese carmaker to invest in new plant as navies hold joint exercise off Chennai",
    "The company will invest 150 billion yen in a factory in Gujarat, creating jobs.\n\n"
    "Separately, warships of the Indian Navy and the Japan Maritime Self-Defense Force held"
    " a joint exercise.",
)
PLANT_AND_DRILL_EVIDENCE = {
    "investment": {
        **{"score": 5.0, "title": 1.0, "lead": 1.0, "body": 0.0},
        **{"matches": 2, "listed": 0, "terms": {"invest": 2}},
    },
    "defence": {
        **{"score": 4.0, "title": 0.0, "lead": 0.0, "body": 4.0},
        **{"matches": 4, "listed": 1, "terms": {"navy": 1, "warships": 1, "joint exercise": 2}},
    },
}


def test_the_tagger_scores_to_the_bit_as_the_fit_reads_the_model() -> None:
    """The tagger weighs only the topics the terms found and adds the twenty log-odds
    in Python; the fit and its evaluation read the whole evidence matrix in numpy.
    Both must give the same numbers, or a refit's figures would not be the tagger's."""
    model = TopicWords.load(SHIPPED)
    title, text = PLANT_AND_DRILL
    for evidence in (
        PLANT_AND_DRILL_EVIDENCE,
        {},
        {"defence": PLANT_AND_DRILL_EVIDENCE["defence"]},
    ):
        features = feature_values(evidence, {"investment"}, len(text.split()))
        expected = model.logits(word_features(title, text), evidence_matrix(features, model.topics))
        assert model._scored(model._rows(title, text), features)[0] == expected.tolist()
    assert (
        model._scored(model._rows("", ""), {})[0]
        == model.logits(set(), evidence_matrix({}, model.topics)).tolist()
    )


def test_a_row_is_summed_in_python_to_the_bit_as_numpy_sums_it() -> None:
    """The tagger sums a topic's dozen evidence products in Python, in the order numpy's
    pairwise summation adds a row of 8 to 15 values: any other order differs in the last
    bits, and the log-odds would then differ from the fit's."""
    rng = np.random.default_rng(18)
    for width in range(8, 16):
        rows = rng.standard_normal((400, width)) * rng.choice([1e-3, 1.0, 1e3, 0.0], (400, width))
        sums = rows.sum(axis=1).tolist()
        assert [_row_sum(row) for row in rows.tolist()] == sums
    # a different order gives other bits for some rows: the test can tell
    rows = rng.standard_normal((400, 12)).tolist()
    assert any(_row_sum(row) != math.fsum(row) for row in rows)


def test_the_unwrapped_text_handed_in_is_read_as_the_model_would_make_it() -> None:
    model = TopicWords.load(SHIPPED)
    title, text = PLANT_AND_DRILL
    wrapped = text.replace(". ", ".\n", 3)
    features = feature_values(PLANT_AND_DRILL_EVIDENCE, {"investment"}, len(text.split()))
    given = model.give(title, wrapped, features, 4, 4, adding=True)
    assert model.give(title, wrapped, features, 4, 4, adding=True, body=unwrap(wrapped)) == given
    assert model._rows(title, wrapped) == model._rows(title, "", unwrap(wrapped))


def test_topics_the_caller_has_are_ranked_but_not_returned() -> None:
    model = TopicWords.load(SHIPPED)
    title, text = PLANT_AND_DRILL
    features = feature_values(PLANT_AND_DRILL_EVIDENCE, {"investment"}, len(text.split()))
    both = model.give(title, text, features, 4, 4, adding=True)
    assert {given.topic for given in both} == {"investment", "defence"}
    drill = next(given for given in both if given.topic == "defence")
    assert {"navy", "navies"} & set(drill.words)
    first, second = both
    assert model.give(title, text, features, 4, 4, adding=True, known={first.topic}) == [second]
    # the known topic still holds the only place: nothing is left to give
    assert model.give(title, text, features, 1, 4, adding=True, known={first.topic}) == []


def test_the_most_likely_topics_are_chosen_ties_in_the_taxonomys_order() -> None:
    model = dataclasses.replace(TopicWords.load(SHIPPED), add_thresholds=())
    rest = [-4.0] * (len(model.topics) - 5)
    logits = [0.3, 2.0, -1.0, 2.0, 0.1, *rest]
    assert model.chosen(logits, 2, adding=True) == [1, 3]
    assert model.chosen(logits, 4, adding=True) == [1, 3, 0, 4]
    assert model.chosen(logits, 4, threshold=0.85) == [1, 3]
    # none reaches the threshold: the most likely alone (shipped first_threshold: 0)
    assert model.first_threshold == 0.0
    assert model.chosen([-2.0, -0.5, -0.5, -3.0, -3.0, *rest], 4, threshold=0.9) == [1]
    assert model.chosen([-2.0, -0.5, -0.5, -3.0, -3.0, *rest], 4, adding=True) == []


def logit(probability: float) -> float:
    return math.log(probability / (1.0 - probability))


def test_each_topic_is_added_at_its_own_threshold() -> None:
    """A topic the labellers give readily is added from a low probability, one they give
    seldom beside the rules' only from a high one; a model without add thresholds adds
    every topic more likely than not, as before."""
    shipped = TopicWords.load(SHIPPED)
    count = len(shipped.topics)
    cuts = (0.3, 0.8, *([0.5] * (count - 2)))
    model = dataclasses.replace(shipped, add_thresholds=cuts)
    logits = [logit(0.4), logit(0.7), logit(0.55), *([-4.0] * (count - 3))]
    assert model.chosen(logits, 4, adding=True) == [2, 0]
    assert dataclasses.replace(shipped, add_thresholds=()).chosen(logits, 4, adding=True) == [1, 2]
    # the in-place choice does not read them
    assert model.chosen(logits, 4, threshold=0.5) == [1, 2]
    again = TopicWords.from_json(json.loads(json.dumps(model.to_json())))
    assert again.add_thresholds == cuts
    assert again.chosen(logits, 4, adding=True) == [2, 0]
    without = {key: value for key, value in model.to_json().items() if key != "add_thresholds"}
    assert TopicWords.from_json(without).chosen(logits, 4, adding=True) == [1, 2]


def test_the_shipped_model_adds_by_thresholds_fitted_per_topic() -> None:
    model = TopicWords.load(SHIPPED)
    assert len(model.add_thresholds) == len(model.topics)
    assert all(value in fit_topic_words.ADD_THRESHOLDS for value in model.add_thresholds)
    assert len(set(model.add_thresholds)) > 1


def scored_article(group: str, number: int, labelled: set[str]) -> fit_topic_words.Article:
    return fit_topic_words.Article(
        group=group,
        name=f"{group}/{number}",
        labelled=frozenset(labelled),
        words=frozenset(),
        evidence=evidence_matrix({}, ("farming", "shipping")),
        rules=(),
        has_evidence=True,
    )


def test_the_fit_chooses_a_topics_add_threshold_from_articles_left_out() -> None:
    """farming is labelled whenever its probability reaches 0.35 (a cut at 0.5 would miss
    it), shipping never: the fit adds farming from a lower probability than shipping."""
    topics = ("farming", "shipping")
    shipped = TopicWords.load(SHIPPED)
    model = dataclasses.replace(
        shipped,
        topics=topics,
        evidence_weights=shipped.evidence_weights[:2],
        bias=shipped.bias[:2],
        word_weights=shipped.word_weights[:, :2],
        add_thresholds=(),
    )
    scored = []
    for number, (farming, shipping) in enumerate(
        [(0.4, 0.6), (0.45, 0.7), (0.38, 0.2), (0.2, 0.65), (0.1, 0.35), (0.42, 0.55)]
    ):
        labelled = {"farming"} if farming >= 0.35 else set()
        scored.append(
            (
                scored_article("a" if number % 2 else "b", number, labelled),
                [logit(farming), logit(shipping)],
            )
        )
    farming_cut, shipping_cut = fit_topic_words.add_thresholds(scored, model, 4)
    assert farming_cut <= 0.35 < 0.7 < shipping_cut


@pytest.mark.parametrize(
    ("change", "complaint"),
    [
        ({"format": 2}, "format"),
        ({"evidence_features": ["log_score"]}, "evidence_features"),
        ({"threshold": 1.5}, "between 0 and 1"),
        ({"bias": [0.0]}, "wrong shape"),
        ({"add_thresholds": [0.5]}, "one probability per topic"),
        ({"add_thresholds": [1.0] * 20}, "one probability per topic"),
    ],
)
def test_a_damaged_model_is_refused_with_its_fault(change: dict[str, Any], complaint: str) -> None:
    data = TopicWords.load(SHIPPED).to_json() | change
    with pytest.raises(ValueError, match=complaint):
        TopicWords.from_json(data)


def test_a_missing_words_file_stops_with_the_key_to_fix(tmp_path: Path) -> None:
    project = project_with(tmp_path, words="nowhere.json")
    with pytest.raises(ConfigError, match=r"plugins\.tag_topics\.words: cannot use"):
        project.load()


def test_a_dropped_item_keeps_only_the_topics_its_terms_gave(tmp_path: Path) -> None:
    project = FeedProject(tmp_path / "project")
    project.plugin_config("tag_topics", **(shipped_topics() | {"words": "shipped"}))
    config = project.load().config
    title = "Metro line in Mumbai gets a new loan"
    text = (
        "The underground line will be built with a loan from Japan, and Japanese firms will"
        " supply signalling and coaches."
    )
    words = tag(project, title, text)
    rules = tag(project_with_rules(tmp_path), title, text)
    added = words.extras[tag_topics.FROM_WORDS]
    assert added and not set(added) & set(rules.topics)
    assert set(words.topics) == set(rules.topics) | set(added)
    kept = tag(project, title, text)
    tag_topics.aggregator_item_dropped(item=words, reason="off the subject", config=config)
    assert words.topics == rules.topics
    assert tag_topics.FROM_WORDS not in words.extras
    assert set(kept.topics) == set(rules.topics) | set(added)


def project_with_rules(tmp_path: Path) -> FeedProject:
    project = FeedProject(tmp_path / "rules")
    rules_alone = {key: value for key, value in shipped_topics().items() if key != "words"}
    project.plugin_config("tag_topics", **rules_alone)
    return project


@pytest.mark.parametrize("name", ["model.npz", "model.json"])
def test_a_model_reads_back_the_same_from_either_form(tmp_path: Path, name: str) -> None:
    shipped = TopicWords.load(SHIPPED)
    shipped.dump(tmp_path / name)
    again = TopicWords.load(tmp_path / name)
    assert again.to_json() == shipped.to_json()
    assert again.vocabulary == shipped.vocabulary
    assert again._packed == shipped._packed
    assert all(np.array_equal(a, b) for a, b in zip(again._folded, shipped._folded, strict=True))


def test_the_arrays_form_is_the_smaller_file(tmp_path: Path) -> None:
    shipped = TopicWords.load(SHIPPED)
    shipped.dump(tmp_path / "model.json")
    assert SHIPPED.suffix == ".npz"
    assert SHIPPED.stat().st_size * 2 < (tmp_path / "model.json").stat().st_size


def write_arrays(path: Path, **arrays: Any) -> None:
    with path.open("wb") as file:
        np.savez(file, **arrays)


def as_bytes(text: str) -> np.ndarray:
    return np.frombuffer(text.encode("utf-8"), dtype=np.uint8)


@pytest.mark.parametrize(
    ("arrays", "complaint"),
    [
        ({"words": as_bytes("a")}, "not a word model's arrays"),
        (
            {
                "table": np.zeros((2, 21)),
                "words": np.array([{"pickled": "object"}], dtype=object),
                "settings": as_bytes("{}"),
            },
            "not a word model.s arrays: Object arrays cannot be loaded",
        ),
        (
            {"table": np.zeros((2, 21)), "words": as_bytes("a\nb"), "settings": as_bytes("[]")},
            "settings or table of the wrong shape",
        ),
    ],
)
def test_a_damaged_arrays_file_is_refused_with_its_fault(
    tmp_path: Path, arrays: dict[str, Any], complaint: str
) -> None:
    path = tmp_path / "model.npz"
    write_arrays(path, **arrays)
    with pytest.raises(ValueError, match=complaint):
        TopicWords.load(path)


def test_an_arrays_file_of_other_words_or_rows_is_refused(tmp_path: Path) -> None:
    settings = TopicWords.load(SHIPPED).to_json()
    settings.pop("words")
    path = tmp_path / "model.npz"
    write_arrays(
        path,
        table=np.ones((3, 21)),
        words=as_bytes("a\nb"),
        settings=as_bytes(json.dumps(settings)),
    )
    with pytest.raises(ValueError, match="for each of the distinct words"):
        TopicWords.load(path)


def test_a_file_that_is_no_zip_stops_the_project_with_the_key_to_fix(tmp_path: Path) -> None:
    project = project_with(tmp_path, words="model.npz")
    (project.root / "model.npz").write_bytes(b"not a zip at all")
    with pytest.raises(ConfigError, match=r"plugins\.tag_topics\.words: cannot use"):
        project.load()
