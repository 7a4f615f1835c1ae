"""Fit tag_topics' word model from a project's own labelled articles.

    python scripts/fit_topic_words.py --labels DIR/labels.json [--labels ...]
        [--config feeds.toml] [--out topic_words.npz] [--evaluate] [--no-write]

Each labels file lists articles beside it and the topics a person gives each (the format
is in docs/topic_model.md); an article marked ``"relevant": false`` is read with the
others but gives no example. Each labels file's articles are read by the project's own
pipeline (its feeds.toml, plugins and taxonomy), in a run of their own as a batch of
sources would be. For each topic of the taxonomy a logistic regression is fitted over the
article's words and the taxonomy's evidence (:mod:`aggregator.toolkit.topic_words`); the
threshold is the one with the best mean Jaccard over labels files of probabilities from
fits that left those files out (three groups of files in turn), never from the fit itself.

``--evaluate`` measures first: for each labels file, a model fitted on the others only is
compared on it with the rules (leave-one-file-out), adding to the rules' topics and in
their place (``[plugins.tag_topics] words_add``), with the mean over files. Write the
model only if it helps on the files it was not fitted on; name it in
``[plugins.tag_topics] words``.
"""

from __future__ import annotations

import argparse
import dataclasses
import math
import os
import sys
import tempfile
import tomllib
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
"""The fit's products are small (an ``n × n`` kernel times twenty columns): on a shared
machine BLAS threads cost five to six times the CPU of one thread, and that was most of the
hour an evaluation over fifteen halves took. One thread gives the same numbers (to 1e-13)."""

import numpy as np  # noqa: E402
from fit_topic_model import jaccard, project_tables, read_labels, run_project  # noqa: E402

from aggregator.plugins import tag_topics  # noqa: E402
from aggregator.toolkit.topic_model import FEATURES, feature_values  # noqa: E402
from aggregator.toolkit.topic_words import (  # noqa: E402
    TITLE_MARK,
    TopicWords,
    evidence_matrix,
    taxonomy_digest,
    word_features,
)

THRESHOLDS = tuple(round(0.2 + 0.05 * step, 2) for step in range(7))
ADD_THRESHOLDS = tuple(round(0.3 + 0.05 * step, 2) for step in range(13))
"""The add thresholds tried for each topic (0.30 … 0.90)."""
ADD_PASSES = 2
"""Rounds of choosing each topic's add threshold with the others held (coordinate ascent)."""
L2 = 3e-5
"""The penalty on the weights, per article (the loss is a mean over articles)."""
ITERATIONS = 3000
"""Steps of accelerated gradient descent: with the small penalty, also what stops the
weights from fitting every article exactly."""
MIN_ARTICLES = 2
"""Articles a word needs to be in the vocabulary (a figure is no word)."""
INNER_GROUPS = 3
EVIDENCE_L2 = 1e-2
"""The penalty on the weights of the terms' evidence: without one they fit the articles
fitted on, as the words do, and left-one-file-out agreement falls."""


@dataclass(frozen=True)
class Article:
    """One labelled article as the project's tagger sees it."""

    group: str
    name: str
    labelled: frozenset[str]
    words: frozenset[str]
    evidence: np.ndarray
    rules: tuple[str, ...]
    has_evidence: bool


def collect(config_path: Path, label_file: Path, topics: Sequence[str]) -> list[Article]:
    """Run the project's pipeline over one labels file's articles; one Article each."""
    labels = read_labels(label_file)
    with tempfile.TemporaryDirectory() as temp:
        workdir = Path(temp)
        config = project_tables(config_path, workdir, list(labels))
        config.get("plugins", {}).get(tag_topics.NAME, {}).pop("words", None)
        options, items = run_project(config, config_path, workdir)
    articles = []
    for path, labelled in sorted(labels.items()):
        item = items.get(path.resolve())
        if labelled is None:
            continue
        if item is None:
            print(f"warning: {path} was not read", file=sys.stderr)
            continue
        evidence = item.extras.get("topic_evidence", {})
        rules = tuple(tag_topics.rules_choose(evidence, options))
        features = feature_values(evidence, set(rules), len(item.text.split()))
        articles.append(
            Article(
                group=str(label_file),
                name=str(path),
                labelled=labelled,
                words=frozenset(word_features(item.title, item.text)),
                evidence=evidence_matrix(features, topics),
                rules=rules,
                has_evidence=bool(features),
            )
        )
    return articles


def fit_weights(
    articles: Sequence[Article],
    topics: Sequence[str],
    *,
    l2: float,
    iterations: int,
    evidence_l2: float = EVIDENCE_L2,
    min_articles: int = MIN_ARTICLES,
) -> TopicWords:
    """Weights of every topic at once, by accelerated gradient descent on the mean
    logistic loss, the words' part in the dual (the word weights are a sum of the
    articles' vectors: ``n × n`` products instead of ``n × words``). The threshold is
    left at 0.5 (:func:`fit` chooses it)."""
    counts = Counter(word for article in articles for word in article.words)
    known = sorted(
        word
        for word, count in counts.items()
        if count >= min_articles and not word.removeprefix(TITLE_MARK).isdigit()
    )
    vocabulary = {word: row for row, word in enumerate(known)}
    n = len(articles)
    idf = np.array([math.log(n / counts[word]) for word in vocabulary])
    x = np.zeros((n, len(vocabulary)))
    for index, article in enumerate(articles):
        rows = [vocabulary[word] for word in article.words if word in vocabulary]
        x[index, rows] = idf[rows]
        norm = math.sqrt(float(x[index] @ x[index]))
        if norm:
            x[index] /= norm
    evidence = np.stack([article.evidence for article in articles])
    mean = evidence.reshape(-1, len(FEATURES)).mean(axis=0)
    scale = evidence.reshape(-1, len(FEATURES)).std(axis=0)
    scale[scale < 1e-6] = 1.0  # a feature constant over the articles (bar rounding)
    z = (evidence - mean) / scale
    y = np.array([[topic in article.labelled for topic in topics] for article in articles], float)
    kernel = x @ x.T
    lipschitz = 0.25 * (
        np.linalg.eigvalsh(kernel)[-1]
        + max(np.linalg.norm(z[:, topic, :], 2) ** 2 for topic in range(len(topics)))
        + n
    ) / n + max(l2, evidence_l2)
    step = 1.0 / lipschitz
    dual, weights, bias = (
        np.zeros((n, len(topics))),
        np.zeros((len(topics), len(FEATURES))),
        np.zeros(len(topics)),
    )
    ahead = (dual, weights, bias)
    momentum = 1.0
    for _ in range(iterations):
        d, w, b = ahead
        p = 1.0 / (1.0 + np.exp(-(kernel @ d + np.einsum("ntf,tf->nt", z, w) + b)))
        g = (p - y) / n
        new = (
            d - step * (g + l2 * d),
            w - step * (np.einsum("ntf,nt->tf", z, g) + evidence_l2 * w),
            b - step * g.sum(axis=0),
        )
        following = (1 + math.sqrt(1 + 4 * momentum * momentum)) / 2
        share = (momentum - 1) / following
        ahead = tuple(
            part + share * (part - old)
            for part, old in zip(new, (dual, weights, bias), strict=True)
        )
        (dual, weights, bias), momentum = new, following
    return TopicWords(
        topics=tuple(topics),
        vocabulary=vocabulary,
        idf=idf,
        word_weights=x.T @ dual,
        evidence_mean=mean,
        evidence_scale=scale,
        evidence_weights=weights,
        bias=bias,
        threshold=0.5,
        first_threshold=0.0,
    )


def given(
    model: TopicWords, article: Article, max_topics: int, threshold: float, *, adding: bool = False
) -> list[str]:
    """The topics the model gives at ``threshold`` (``adding``: the rules' and those it
    adds); none without the terms' evidence, as tag_topics gives none then."""
    if not article.has_evidence:
        return []
    logits = model.logits(set(article.words), article.evidence)
    indices = model.chosen(logits, max_topics, threshold, adding=adding)
    topics = list(article.rules) if adding else []
    topics += [model.topics[index] for index in indices if model.topics[index] not in topics]
    return topics[:max_topics]


def mean_over_groups(scores: Sequence[tuple[str, float]]) -> float:
    """The mean over groups of each group's mean: every labels file counts alike."""
    by_group: dict[str, list[float]] = defaultdict(list)
    for group, score in scores:
        by_group[group].append(score)
    return sum(sum(values) / len(values) for values in by_group.values()) / len(by_group)


def fit(
    articles: Sequence[Article],
    topics: Sequence[str],
    *,
    max_topics: int,
    l2: float,
    iterations: int,
    evidence_l2: float = EVIDENCE_L2,
    min_articles: int = MIN_ARTICLES,
) -> TopicWords:
    """Weights on every article; the threshold from fits that left a third of the labels
    files out in turn, measured on them (with one file, on the fit itself)."""
    groups = sorted({article.group for article in articles})
    pairs: list[tuple[Article, TopicWords]] = []
    if len(groups) >= 2:
        for part in range(min(INNER_GROUPS, len(groups))):
            held = set(groups[part :: min(INNER_GROUPS, len(groups))])
            inner = fit_weights(
                [a for a in articles if a.group not in held],
                topics,
                l2=l2,
                iterations=iterations,
                evidence_l2=evidence_l2,
                min_articles=min_articles,
            )
            pairs += [(article, inner) for article in articles if article.group in held]
    model = fit_weights(
        articles,
        topics,
        l2=l2,
        iterations=iterations,
        evidence_l2=evidence_l2,
        min_articles=min_articles,
    )
    if not pairs:
        pairs = [(article, model) for article in articles]

    def agreement(threshold: float) -> float:
        return mean_over_groups(
            [(a.group, jaccard(a.labelled, given(m, a, max_topics, threshold))) for a, m in pairs]
        )

    threshold = max(THRESHOLDS, key=lambda value: (agreement(value), -abs(value - 0.35)))
    adds = add_thresholds(
        [(a, m.logits(set(a.words), a.evidence).tolist()) for a, m in pairs], model, max_topics
    )
    return dataclasses.replace(
        model,
        threshold=threshold,
        add_thresholds=adds,
        fitted_on={
            "labels": dict(sorted(Counter(a.group for a in articles).items())),
            "l2": l2,
            "evidence_l2": evidence_l2,
            "iterations": iterations,
            "min_articles": min_articles,
            "mean_jaccard_held_out_thirds": round(agreement(threshold), 4),
            "add_thresholds_from": "each topic's best on held-out thirds, two rounds",
        },
    )


def add_thresholds(
    scored: Sequence[tuple[Article, list[float]]], model: TopicWords, limit: int
) -> tuple[float, ...]:
    """Each topic's add threshold (:data:`ADD_THRESHOLDS`), chosen in turn with the others
    held, :data:`ADD_PASSES` rounds from 0.5, for the best mean Jaccard over labels files of
    the rules' topics and those added (``scored``: articles with log-odds from fits that
    left them out); ties go to the value nearest 0.5."""
    index = {topic: place for place, topic in enumerate(model.topics)}
    groups = sorted({article.group for article, _ in scored})
    given_by_rules = [
        ([index[t] for t in article.rules if t in index], article) for article, _ in scored
    ]
    cuts = [0.5] * len(model.topics)

    def agreement(values: Sequence[float]) -> float:
        logs = [_logit(value) for value in values]
        totals = dict.fromkeys(groups, 0.0)
        counts = dict.fromkeys(groups, 0)
        for (rules, article), (_, logits) in zip(given_by_rules, scored, strict=True):
            chosen = list(article.rules)
            if article.has_evidence:
                passing = [i for i, value in enumerate(logits) if value >= logs[i]]
                passing.sort(key=lambda i: -logits[i])
                chosen += [model.topics[i] for i in passing[:limit] if i not in rules]
            else:
                chosen = []
            totals[article.group] += jaccard(article.labelled, chosen[:limit])
            counts[article.group] += 1
        return sum(totals[g] / counts[g] for g in groups) / len(groups)

    for _ in range(ADD_PASSES):
        for topic in range(len(cuts)):

            def trying(value: float, topic: int = topic) -> list[float]:
                return [*cuts[:topic], value, *cuts[topic + 1 :]]

            cuts[topic] = max(ADD_THRESHOLDS, key=lambda v: (agreement(trying(v)), -abs(v - 0.5)))
    return tuple(cuts)


def _logit(probability: float) -> float:
    return math.log(probability / (1.0 - probability))


WAYS = ("rules", "added", "in place")
"""The ways --evaluate compares: the rules' topics; those and the topics the model adds
(tag_topics' ``words_add = true``); the model's choice in place of the rules'."""


def evaluate(
    articles: Sequence[Article],
    topics: Sequence[str],
    *,
    max_topics: int,
    l2: float,
    iterations: int,
    evidence_l2: float = EVIDENCE_L2,
    min_articles: int = MIN_ARTICLES,
) -> dict[str, dict[str, float]]:
    """Leave-one-labels-file-out: ``{file: {way: mean Jaccard}}`` for each of
    :data:`WAYS`, the model fitted on the other files; printed with the mean over files
    and each topic's precision and recall."""
    groups = sorted({article.group for article in articles})
    if len(groups) < 2:
        raise SystemExit("--evaluate needs two labels files or more (one is left out in turn)")
    figures: dict[str, dict[str, float]] = {}
    tally: dict[str, Counter[str]] = defaultdict(Counter)
    for group in groups:
        held = [article for article in articles if article.group == group]
        model = fit(
            [a for a in articles if a.group != group],
            topics,
            max_topics=max_topics,
            l2=l2,
            iterations=iterations,
            evidence_l2=evidence_l2,
            min_articles=min_articles,
        )
        figures[group] = {}
        for way in WAYS:
            chosen = [
                list(article.rules)
                if way == "rules"
                else given(model, article, max_topics, model.threshold, adding=way == "added")
                for article in held
            ]
            for article, topics_given in zip(held, chosen, strict=True):
                tally[way].update(topics_given)
                tally[way + " hit"].update(article.labelled & set(topics_given))
                if way == "rules":
                    tally["labelled"].update(article.labelled)
            figures[group][way] = sum(
                jaccard(a.labelled, t) for a, t in zip(held, chosen, strict=True)
            ) / len(held)
        print(
            f"{group}: {len(held)} articles, "
            + ", ".join(f"{way} {figures[group][way]:.3f}" for way in WAYS)
            + f" (threshold in place {model.threshold})",
            flush=True,
        )
    means = {way: sum(f[way] for f in figures.values()) / len(figures) for way in WAYS}
    print(f"mean over {len(figures)} files: " + ", ".join(f"{w} {means[w]:.3f}" for w in WAYS))
    for way in WAYS[1:]:
        worst = min(f[way] - f["rules"] for f in figures.values())
        print(f"  {way}: {means[way] - means['rules']:+.3f} on the mean, worst file {worst:+.3f}")
    print(f"\n{'topic':<24}{'labelled':>9}" + "".join(f"{way + ' P / R':>18}" for way in WAYS))
    labelled = tally["labelled"]
    for topic in sorted(labelled, key=lambda name: (-labelled[name], name)):
        cells = [
            f"{tally[way + ' hit'][topic] / max(1, tally[way][topic]):.2f} / "
            f"{tally[way + ' hit'][topic] / labelled[topic]:.2f}"
            for way in WAYS
        ]
        print(f"{topic:<24}{labelled[topic]:>9}" + "".join(f"{cell:>18}" for cell in cells))
    return figures


def taxonomy_settings(config_path: Path) -> tuple[list[str], int, str]:
    """The taxonomy's topics, ``max_topics`` and the taxonomy's fingerprint
    (:func:`taxonomy_digest`) of a feeds.toml."""
    table = (
        tomllib.loads(config_path.read_text(encoding="utf-8"))
        .get("plugins", {})
        .get(tag_topics.NAME, {})
    )
    taxonomy = table.get("taxonomy", {})
    topics = list(taxonomy)
    if not topics:
        raise SystemExit(f"{config_path}: [plugins.{tag_topics.NAME}.taxonomy] has no topics")
    max_topics = int(table.get("max_topics", tag_topics.SCHEMA["max_topics"].default))
    return topics, max_topics, taxonomy_digest(taxonomy)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--labels", type=Path, action="append", required=True)
    parser.add_argument("--config", type=Path, default=Path("feeds.toml"))
    parser.add_argument(
        "--out",
        type=Path,
        help="default: topic_words.npz beside --config; a .json name writes the JSON form",
    )
    parser.add_argument("--evaluate", action="store_true", help="leave-one-file-out first")
    parser.add_argument("--no-write", action="store_true", help="measure only")
    parser.add_argument("--l2", type=float, default=L2, help=f"penalty (default {L2})")
    parser.add_argument("--iterations", type=int, default=ITERATIONS)
    parser.add_argument(
        "--evidence-l2", type=float, default=EVIDENCE_L2, help="penalty on the terms' evidence"
    )
    parser.add_argument(
        "--min-articles",
        type=int,
        default=MIN_ARTICLES,
        help=f"articles a word needs to be in the vocabulary (default {MIN_ARTICLES})",
    )
    args = parser.parse_args(argv)
    config_path = args.config.resolve()
    topics, max_topics, digest = taxonomy_settings(config_path)
    articles = [article for path in args.labels for article in collect(config_path, path, topics)]
    settings: dict[str, Any] = {
        "max_topics": max_topics,
        "l2": args.l2,
        "iterations": args.iterations,
        "evidence_l2": args.evidence_l2,
        "min_articles": args.min_articles,
    }
    if args.evaluate:
        evaluate(articles, topics, **settings)
    if args.no_write:
        return 0
    model = fit(articles, topics, **settings)
    model = dataclasses.replace(
        model,
        fitted_on={
            **model.fitted_on,
            "taxonomy_digest": digest,
            "date": datetime.now(UTC).date().isoformat(),
        },
    )
    out = args.out or config_path.parent / "topic_words.npz"
    model.dump(out)
    print(
        f"wrote {out} (threshold {model.threshold}, {len(articles)} articles,"
        f" {len(model.vocabulary)} words)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
