"""Where tag_topics' rules err on a project's labelled articles, and whether retuning
their numbers carries to labels files left out.

    python scripts/topic_errors.py --labels DIR/labels.json [--labels ...]
        [--config feeds.toml] [--crossval]

Pooled over every labels file (format in docs/topic_model.md; articles marked
``"relevant": false`` left out): how many topics are given and labelled per article,
how articles fall (right, too few, too many, mixed, wrong), each topic's precision and
recall with its misses split into those no term of the taxonomy found and those found
but under the thresholds, and two bounds: the agreement of a chooser that picked exactly
the labelled topics among those the terms found, and the rules without their extra
topics or without their misses among the found.

``--crossval`` retunes the rules' numbers (headline and lead weights, ``first_min_score``,
``min_score``, ``relative_score``, ``max_topics``) on all labels files but one, by the
mean over files, and measures the choice on the one left out, for every file in turn:
the table a change of those numbers has to pass before it is kept.
"""

from __future__ import annotations

import argparse
import itertools
import sys
from collections import Counter
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from fit_topic_model import Example, collect, jaccard

from aggregator.plugins import tag_topics

Numbers = tuple[float, float, float, float, float, int]
"""Headline weight, lead weight, first_min_score, min_score, relative_score, max_topics."""


def report_errors(examples: Sequence[Example]) -> None:
    given_counts = Counter(len(e.rules) for e in examples)
    labelled_counts = Counter(len(e.labelled) for e in examples)
    print(f"{len(examples)} articles in {len({e.group for e in examples})} labels files")
    for name, counts in (("given", given_counts), ("labelled", labelled_counts)):
        mean = sum(k * v for k, v in counts.items()) / max(1, len(examples))
        print(f"  topics {name} per article: mean {mean:.2f}, {dict(sorted(counts.items()))}")
    kinds: Counter[str] = Counter()
    hit: Counter[str] = Counter()
    extra: Counter[str] = Counter()
    unfound: Counter[str] = Counter()
    under: Counter[str] = Counter()
    for example in examples:
        given, labelled = set(example.rules), set(example.labelled)
        kinds[article_kind(given, labelled)] += 1
        hit.update(given & labelled)
        extra.update(given - labelled)
        for topic in labelled - given:
            (under if topic in example.evidence else unfound)[topic] += 1
    print("  articles: " + ", ".join(f"{kind} {n}" for kind, n in kinds.most_common()))
    print(
        f"  topics given that nobody labelled: {sum(extra.values())}; labelled and missed:"
        f" {sum(unfound.values()) + sum(under.values())}, of which no term found"
        f" {sum(unfound.values())}, found under the thresholds {sum(under.values())}"
    )
    print(f"\n{'topic':<22}{'labelled':>9}{'P':>6}{'R':>6}{'extra':>7}{'no term':>9}{'under':>7}")
    labelled_total = hit + unfound + under
    for topic, count in sorted(labelled_total.items(), key=lambda pair: (-pair[1], pair[0])):
        precision = hit[topic] / max(1, hit[topic] + extra[topic])
        print(
            f"{topic:<22}{count:>9}{precision:>6.2f}{hit[topic] / count:>6.2f}"
            f"{extra[topic]:>7}{unfound[topic]:>9}{under[topic]:>7}"
        )
    best_labelled = sum(1 for e in examples if e.evidence and ranked(e.evidence)[0] in e.labelled)
    print(
        f"\nbest-scored topic labelled: {best_labelled} of"
        f" {sum(1 for e in examples if e.evidence)} articles with evidence"
    )
    bounds = {
        "rules": [jaccard(e.labelled, e.rules) for e in examples],
        "rules without extra topics": [
            jaccard(e.labelled, [t for t in e.rules if t in e.labelled]) for e in examples
        ],
        "rules without misses among the found": [
            jaccard(e.labelled, [*e.rules, *(t for t in e.labelled if t in e.evidence)])
            for e in examples
        ],
        "labelled topics among the found": [
            jaccard(e.labelled, [t for t in e.labelled if t in e.evidence]) for e in examples
        ],
    }
    for name, values in bounds.items():
        print(f"  mean Jaccard, {name}: {sum(values) / len(values):.3f}")


def article_kind(given: set[str], labelled: set[str]) -> str:
    if given == labelled:
        return "right"
    if given < labelled:
        return "too few"
    if given > labelled:
        return "too many"
    return "mixed" if given & labelled else "wrong"


def ranked(evidence: dict[str, dict[str, Any]]) -> list[str]:
    return sorted(evidence, key=lambda topic: (-evidence[topic]["score"], topic))


def choose(evidence: dict[str, dict[str, Any]], numbers: Numbers) -> list[str]:
    """The rules' choice with other numbers, the score rebuilt from its parts by place."""
    title_weight, lead_weight, first_min, min_score, relative, max_topics = numbers
    scores = {
        topic: round(
            title_weight * entry.get("title", 0.0)
            + lead_weight * entry.get("lead", 0.0)
            + entry.get("body", 0.0),
            2,
        )
        for topic, entry in evidence.items()
    }
    rescored = {topic: {**entry, "score": scores[topic]} for topic, entry in evidence.items()}
    options = {
        "first_min_score": first_min,
        "min_score": min_score,
        "relative_score": relative,
        "max_topics": max_topics,
    }
    return tag_topics.rules_choose(rescored, options)


def grid(shipped: Numbers) -> Iterator[Numbers]:
    yield shipped
    yield from itertools.product(
        (2.0, 3.0, 4.0),
        (1.0, 1.5, 2.0, 3.0),
        (1.0, 1.5),
        (1.5, 2.0, 2.5, 3.0, 3.5),
        (0.15, 0.2, 0.25, 0.3, 0.4),
        (2, 3, 4),
    )


def crossval(examples: Sequence[Example], shipped: Numbers) -> None:
    groups = sorted({e.group for e in examples})
    by_group = {g: [e for e in examples if e.group == g] for g in groups}
    means = {
        numbers: {
            g: sum(jaccard(e.labelled, choose(e.evidence, numbers)) for e in by_group[g])
            / len(by_group[g])
            for g in groups
        }
        for numbers in dict.fromkeys(grid(shipped))
    }
    print(f"\n{'left out':<40}{'shipped':>8}{'retuned':>8}  numbers chosen on the others")
    totals = [0.0, 0.0]
    for out in groups:
        chosen = max(means, key=lambda n: sum(v for g, v in means[n].items() if g != out))
        totals[0] += means[shipped][out]
        totals[1] += means[chosen][out]
        print(f"{out:<40}{means[shipped][out]:>8.3f}{means[chosen][out]:>8.3f}  {chosen}")
    print(f"{'mean':<40}{totals[0] / len(groups):>8.3f}{totals[1] / len(groups):>8.3f}")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--labels", type=Path, action="append", required=True)
    parser.add_argument("--config", type=Path, default=Path("feeds.toml"))
    parser.add_argument("--crossval", action="store_true", help="retune leaving one file out")
    args = parser.parse_args(argv)
    examples = collect(args.config.resolve(), args.labels)
    if not examples:
        print("no labelled relevant article was read", file=sys.stderr)
        return 1
    report_errors(examples)
    if args.crossval:
        options = tag_topics.SCHEMA
        table = tag_topics_table(args.config)
        shipped: Numbers = (
            tag_topics.TITLE_WEIGHT,
            tag_topics.LEAD_WEIGHT,
            float(table.get("first_min_score", options["first_min_score"].default)),
            float(table.get("min_score", options["min_score"].default)),
            float(table.get("relative_score", options["relative_score"].default)),
            int(table.get("max_topics", options["max_topics"].default)),
        )
        crossval(examples, shipped)
    return 0


def tag_topics_table(config: Path) -> dict[str, Any]:
    import tomllib

    data = tomllib.loads(config.read_text(encoding="utf-8"))
    table: dict[str, Any] = data.get("plugins", {}).get(tag_topics.NAME, {})
    return table


if __name__ == "__main__":
    sys.exit(main())
