"""Fit tag_topics' learned weights from a project's own labelled articles.

    python scripts/fit_topic_model.py --labels DIR/labels.json [--labels ...]
        [--config feeds.toml] [--out topic_model.json] [--evaluate] [--topic-intercepts]

Each labels file lists articles beside it and the topics a person gives each (the
format is in docs/topic_model.md); an article marked ``"relevant": false`` is left
out. The articles are read by the project's own pipeline (its feeds.toml, plugins and
taxonomy) and tagged by its taxonomy; each topic the terms found becomes one example,
its features (``aggregator.toolkit.topic_model.FEATURES``) against whether the person
gave it. A logistic regression (numpy, L2-regularised) is fitted to them, and the
threshold chosen that gives the best mean Jaccard agreement per labels file. The model
is written as JSON; name it in ``[plugins.tag_topics] model``.

``--evaluate`` measures before writing: for each labels file, a model fitted on the
others only is compared on it with the rules (leave-one-file-out), with the mean over
files and a per-topic precision and recall table. Write the model only if it helps on
the files it was not fitted on.
"""

from __future__ import annotations

import argparse
import glob
import json
import sys
import tempfile
import tomllib
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
from logistic import fit_logistic

from aggregator.app import load_app
from aggregator.pipeline import run_once
from aggregator.plugins import tag_topics
from aggregator.store import Store
from aggregator.toolkit.toml_writer import dump_toml
from aggregator.toolkit.topic_model import FEATURES, TopicModel, topic_features

THRESHOLDS = tuple(round(0.2 + 0.05 * step, 2) for step in range(11))
NEWTON_STEPS = 100


@dataclass(frozen=True)
class Example:
    """One labelled article as the project's tagger sees it."""

    group: str
    name: str
    labelled: frozenset[str]
    evidence: dict[str, dict[str, Any]]
    words: int
    rules: tuple[str, ...]

    def features(self) -> dict[str, dict[str, float]]:
        return topic_features(self.evidence, set(self.rules), self.words)


def read_labels(path: Path) -> dict[Path, frozenset[str] | None]:
    """``{article path: topics}`` of one labels file; None for an article marked not
    relevant (read with the others, as the sources' cleaning learns from every article, but
    no example)."""
    data = json.loads(path.read_text(encoding="utf-8"))
    articles = data.get("articles") if isinstance(data, dict) else None
    if not isinstance(articles, dict):
        raise SystemExit(f'{path}: expected {{"articles": {{path: {{"topics": [...]}}}}}}')
    labels = {}
    for name, label in sorted(articles.items()):
        if not isinstance(label, dict) or not isinstance(label.get("topics"), list):
            raise SystemExit(f'{path}: {name}: expected {{"topics": [...]}}')
        relevant = label.get("relevant", True) is not False
        labels[path.parent / name] = (
            frozenset(str(topic) for topic in label["topics"]) if relevant else None
        )
    return labels


def run_project(
    config: dict[str, Any], config_path: Path, workdir: Path
) -> tuple[Any, dict[Path, Any]]:
    """Run ``config`` once, written beside the project's feeds.toml so that its relative
    paths keep their meaning, with its store in ``workdir``; the tag_topics options it
    loaded and the stored items by their resolved path."""
    with tempfile.NamedTemporaryFile(
        "w", suffix=".toml", dir=config_path.parent, encoding="utf-8", delete=False
    ) as handle:
        handle.write(dump_toml(config))
        temporary = Path(handle.name)
    try:
        app = load_app(temporary, entry_points=None)
        run_once(app)
    finally:
        temporary.unlink()
    store = Store.open(workdir / "state.db")
    try:
        items = {Path(item.uri).resolve(): item for item in store.iter_items()}
    finally:
        store.close()
    return app.config.stash[tag_topics.SETTINGS].options, items


def project_tables(config_path: Path, workdir: Path, files: Sequence[Path]) -> dict[str, Any]:
    """The project's configuration with one files source per directory of ``files``, its
    store and outputs in ``workdir``, and no broker (the articles are read here)."""
    config = tomllib.loads(config_path.read_text(encoding="utf-8"))
    by_directory: dict[Path, list[str]] = defaultdict(list)
    for path in files:
        by_directory[path.resolve().parent].append(glob.escape(str(path.resolve())))
    config["sources"] = [
        {"name": f"labelled-{index}-{directory.name}", "type": "files", "paths": paths}
        for index, (directory, paths) in enumerate(sorted(by_directory.items()))
    ]
    config["feed"] = {**config.get("feed", {}), "output_dir": str(workdir / "public")}
    config["store"] = {"path": str(workdir / "state.db")}
    config.pop("workers", None)
    config.get("plugins", {}).get(tag_topics.NAME, {}).pop("model", None)
    return config


def collect(config_path: Path, label_files: Sequence[Path]) -> list[Example]:
    """Run the project's pipeline over every labelled article; one Example each."""
    labels = {path: read_labels(path) for path in label_files}
    wanted = {article.resolve(): (group, article) for group in labels for article in labels[group]}
    with tempfile.TemporaryDirectory() as temp:
        workdir = Path(temp)
        config = project_tables(config_path, workdir, [path for _, path in wanted.values()])
        options, items = run_project(config, config_path, workdir)
    examples = []
    for resolved, (group, article) in sorted(wanted.items(), key=lambda pair: str(pair[0])):
        labelled = labels[group][article]
        item = items.get(resolved)
        if labelled is None:
            continue
        if item is None:
            print(f"warning: {article} was not read", file=sys.stderr)
            continue
        evidence = item.extras.get("topic_evidence", {})
        examples.append(
            Example(
                group=str(group),
                name=str(article),
                labelled=labelled,
                evidence=evidence,
                words=len(item.text.split()),
                rules=tuple(tag_topics.rules_choose(evidence, options)),
            )
        )
    return examples


def design(examples: Sequence[Example], topics: Sequence[str]) -> tuple[np.ndarray, np.ndarray]:
    """One row per topic with evidence: the features, then one column per topic of
    ``topics`` (for per-topic intercepts); the target is whether the person gave it."""
    rows, targets = [], []
    for example in examples:
        for topic, features in sorted(example.features().items()):
            indicator = [float(topic == name) for name in topics]
            rows.append([features[name] for name in FEATURES] + indicator)
            targets.append(float(topic in example.labelled))
    width = len(FEATURES) + len(topics)
    return np.array(rows, dtype=float).reshape(-1, width), np.array(targets, dtype=float)


def fit_weights(
    examples: Sequence[Example], *, l2: float, topic_intercepts: bool
) -> tuple[dict[str, float], float, dict[str, float]]:
    """L2-regularised logistic regression by Newton's method on standardised features,
    returned as weights on the raw features (and per-topic intercepts when asked)."""
    topics = (
        sorted({topic for example in examples for topic in example.evidence})
        if topic_intercepts
        else []
    )
    x, y = design(examples, topics)
    if not len(y) or y.min() == y.max():
        raise SystemExit("the labels need topics both given and not given to fit weights")
    raw, intercept = fit_logistic(x, y, l2, standardise=True, steps=NEWTON_STEPS, tolerance=1e-10)
    weights = {name: round(float(value), 6) for name, value in zip(FEATURES, raw, strict=False)}
    per_topic = {
        topic: round(float(value), 6)
        for topic, value in zip(topics, raw[len(FEATURES) :], strict=True)
    }
    return weights, round(intercept, 6), per_topic


def jaccard(labelled: frozenset[str], given: Sequence[str]) -> float:
    union = labelled | set(given)
    return len(labelled & set(given)) / len(union) if union else 1.0


def model_topics(model: TopicModel, example: Example, max_topics: int) -> list[str]:
    chosen, _ = model.choose(example.features(), max_topics)
    return chosen


def mean_by_group(examples: Sequence[Example], given: Any) -> dict[str, float]:
    """Mean Jaccard per labels file; ``given(example)`` is the topics given to one."""
    scores: dict[str, list[float]] = defaultdict(list)
    for example in examples:
        scores[example.group].append(jaccard(example.labelled, given(example)))
    return {group: sum(values) / len(values) for group, values in sorted(scores.items())}


def fit(
    examples: Sequence[Example], *, l2: float, topic_intercepts: bool, max_topics: int
) -> TopicModel:
    """Weights, then the threshold with the best mean over labels files of their mean
    Jaccard (each file counts alike, whatever its size)."""
    weights, intercept, per_topic = fit_weights(examples, l2=l2, topic_intercepts=topic_intercepts)

    def agreement(threshold: float) -> float:
        model = TopicModel(weights, intercept, threshold, per_topic)
        by_group = mean_by_group(examples, lambda e: model_topics(model, e, max_topics))
        return sum(by_group.values()) / len(by_group)

    threshold = max(THRESHOLDS, key=lambda value: (agreement(value), -abs(value - 0.5)))
    groups = Counter(example.group for example in examples)
    return TopicModel(
        weights,
        intercept,
        threshold,
        per_topic,
        fitted_on={
            "labels": {group: count for group, count in sorted(groups.items())},
            "l2": l2,
            "mean_jaccard_fitted": round(agreement(threshold), 4),
        },
    )


def evaluate(
    examples: Sequence[Example], *, l2: float, topic_intercepts: bool, max_topics: int
) -> dict[str, tuple[float, float]]:
    """Leave-one-labels-file-out: ``{file: (rules, model fitted on the other files)}``;
    prints the table and the per-topic precision and recall of both."""
    groups = sorted({example.group for example in examples})
    if len(groups) < 2:
        raise SystemExit("--evaluate needs two labels files or more (one is left out in turn)")
    figures: dict[str, tuple[float, float]] = {}
    given: dict[str, list[tuple[Example, list[str]]]] = {"rules": [], "model": []}
    for group in groups:
        held = [example for example in examples if example.group == group]
        model = fit(
            [example for example in examples if example.group != group],
            l2=l2,
            topic_intercepts=topic_intercepts,
            max_topics=max_topics,
        )
        learned = [model_topics(model, example, max_topics) for example in held]
        given["rules"] += [(example, list(example.rules)) for example in held]
        given["model"] += list(zip(held, learned, strict=True))
        rules = mean_by_group(held, lambda example: example.rules)[group]
        by_model = sum(jaccard(e.labelled, t) for e, t in zip(held, learned, strict=True))
        figures[group] = (rules, by_model / len(held))
        print(
            f"{group}: {len(held)} articles, rules {rules:.3f}, learned {figures[group][1]:.3f}"
            f" (threshold {model.threshold})"
        )
    rules_mean = sum(rules for rules, _ in figures.values()) / len(figures)
    model_mean = sum(model for _, model in figures.values()) / len(figures)
    print(f"mean over {len(figures)} files: rules {rules_mean:.3f}, learned {model_mean:.3f}")
    for how, pairs in given.items():
        kinds = Counter(miss_kind(example.labelled, topics) for example, topics in pairs)
        print(f"{how}: " + ", ".join(f"{kinds[kind]} {kind}" for kind in MISS_KINDS))
    print_topic_table(given)
    return figures


MISS_KINDS = ("right", "too many", "too few", "wrong", "mixed")


def miss_kind(labelled: frozenset[str], given: Sequence[str]) -> str:
    """How the topics given differ from the labelled ones: none (right), only extra
    topics, only missing ones, no topic in common, or some of each."""
    chosen = set(given)
    if chosen == labelled:
        return "right"
    if chosen > labelled:
        return "too many"
    if chosen < labelled:
        return "too few"
    return "mixed" if chosen & labelled else "wrong"


def print_topic_table(given: dict[str, list[tuple[Example, list[str]]]]) -> None:
    """Per topic: labelled count, then precision and recall of each way of choosing."""
    counts: dict[str, dict[str, Counter[str]]] = {
        how: {"hit": Counter(), "given": Counter()} for how in given
    }
    labelled: Counter[str] = Counter()
    for how, pairs in given.items():
        for example, topics in pairs:
            counts[how]["given"].update(topics)
            counts[how]["hit"].update(set(topics) & example.labelled)
            if how == "rules":
                labelled.update(example.labelled)
    print(f"\n{'topic':<24}{'labelled':>9}" + "".join(f"{how + ' P / R':>18}" for how in given))
    for topic in sorted(labelled, key=lambda name: (-labelled[name], name)):
        cells = []
        for how in given:
            hit, shown = counts[how]["hit"][topic], counts[how]["given"][topic]
            cells.append(f"{hit / shown if shown else 0:.2f} / {hit / labelled[topic]:.2f}")
        print(f"{topic:<24}{labelled[topic]:>9}" + "".join(f"{cell:>18}" for cell in cells))


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--labels", type=Path, action="append", required=True)
    parser.add_argument("--config", type=Path, default=Path("feeds.toml"))
    parser.add_argument("--out", type=Path, help="default: topic_model.json beside --config")
    parser.add_argument("--evaluate", action="store_true", help="leave-one-file-out first")
    parser.add_argument("--no-write", action="store_true", help="measure only")
    parser.add_argument("--l2", type=float, default=1.0, help="regularisation (default 1)")
    parser.add_argument(
        "--topic-intercepts", action="store_true", help="also fit one intercept per topic"
    )
    args = parser.parse_args(argv)
    config_path = args.config.resolve()
    examples = collect(config_path, args.labels)
    max_topics = int(
        tomllib.loads(config_path.read_text(encoding="utf-8"))
        .get("plugins", {})
        .get(tag_topics.NAME, {})
        .get("max_topics", tag_topics.SCHEMA["max_topics"].default)
    )
    settings = {"l2": args.l2, "topic_intercepts": args.topic_intercepts, "max_topics": max_topics}
    if args.evaluate:
        evaluate(examples, **settings)
    if args.no_write:
        return 0
    model = fit(examples, **settings)
    out = args.out or config_path.parent / "topic_model.json"
    model.dump(out)
    print(f"wrote {out} (threshold {model.threshold}, {len(examples)} articles)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
