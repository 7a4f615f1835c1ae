"""Measure curation on the labelled development corpus (tests/data/curation).

Runs the real pipeline with the curation settings of the shipped feeds.toml,
one ``files`` source per outlet directory, and compares what it kept,
tagged and removed with labels.json. Run it directly to print the figures:

    python tests/curation_eval.py [--details]
"""

from __future__ import annotations

import argparse
import re
import sys
import tempfile
import tomllib
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "tests" / "data" / "curation"
CONFIG = ROOT / "feeds.toml"


@dataclass
class Figures:
    true_positive: int = 0
    false_positive: int = 0
    false_negative: int = 0
    true_negative: int = 0
    topic_hits: int = 0
    topic_predicted: int = 0
    topic_labelled: int = 0
    boilerplate_removed: int = 0
    boilerplate_total: int = 0
    article_lines_lost: list[str] = field(default_factory=list)
    article_lines: int = 0
    mistakes: list[str] = field(default_factory=list)
    boilerplate_left: list[str] = field(default_factory=list)
    topic_misses: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.true_positive / max(1, self.true_positive + self.false_positive)

    @property
    def recall(self) -> float:
        return self.true_positive / max(1, self.true_positive + self.false_negative)

    @property
    def topic_precision(self) -> float:
        return self.topic_hits / max(1, self.topic_predicted)

    @property
    def topic_recall(self) -> float:
        return self.topic_hits / max(1, self.topic_labelled)

    @property
    def topic_f1(self) -> float:
        p, r = self.topic_precision, self.topic_recall
        return 2 * p * r / max(1e-9, p + r)

    @property
    def boilerplate_recall(self) -> float:
        return self.boilerplate_removed / max(1, self.boilerplate_total)

    def lines(self) -> list[str]:
        total = self.true_positive + self.false_positive + self.false_negative + self.true_negative
        return [
            f"articles: {total}",
            f"relevance: precision {self.precision:.3f}, recall {self.recall:.3f}"
            f" (tp {self.true_positive}, fp {self.false_positive}, fn {self.false_negative},"
            f" tn {self.true_negative})",
            f"topics: precision {self.topic_precision:.3f}, recall {self.topic_recall:.3f},"
            f" F1 {self.topic_f1:.3f}",
            f"boilerplate: {self.boilerplate_removed}/{self.boilerplate_total} lines removed"
            f" ({self.boilerplate_recall:.3f}); article lines lost:"
            f" {len(self.article_lines_lost)} of {self.article_lines}",
        ]


BULLET = re.compile(r"^\s*[-•*–—]\s+", re.MULTILINE)


def squash(text: str) -> str:
    """Compare text without case, spacing or bullet markers."""
    return " ".join(BULLET.sub("", text).split()).casefold()


def run_with_shipped_settings(
    sources: list[dict[str, Any]],
    workdir: Path,
    *,
    disable: tuple[str, ...] = (),
    now: datetime | None = None,
) -> list[Any]:
    """Run the pipeline once on ``sources`` with the shipped feeds.toml's plugin
    settings (less the ``disable``d plugins), as at ``now`` (the clock when None);
    return every stored item."""
    from aggregator.app import load_app
    from aggregator.pipeline import run_once
    from aggregator.store import Store
    from aggregator.testing import dump_toml

    shipped = tomllib.loads(CONFIG.read_text(encoding="utf-8"))
    plugins = {
        key: value for key, value in shipped.get("plugins", {}).items() if key not in disable
    }
    plugins["disable"] = [*plugins.get("disable", []), *disable]
    config = {
        "feed": {**shipped["feed"], "output_dir": str(workdir / "public")},
        "store": {"path": str(workdir / "state.db")},
        "sources": sources,
        "plugins": plugins,
    }
    config_path = workdir / "feeds.toml"
    config_path.write_text(dump_toml(config), encoding="utf-8")
    run_once(load_app(config_path, entry_points=False), now=now)
    store = Store.open(workdir / "state.db")
    try:
        return list(store.iter_items())
    finally:
        store.close()


def run_corpus(corpus: Path, workdir: Path) -> dict[str, Any]:
    """Run the pipeline over the corpus, one source per outlet; return ``{relative path: item}``."""
    outlets = sorted(path.name for path in corpus.iterdir() if path.is_dir())
    sources: list[dict[str, Any]] = [
        {"name": outlet, "type": "files", "paths": [str(corpus / outlet / "*.txt")]}
        for outlet in outlets
    ]
    items = run_with_shipped_settings(sources, workdir)
    return {str(Path(item.uri).relative_to(corpus)): item for item in items}


def is_metadata(line: str, item: Any) -> bool:
    """Headline, date, dateline and byline lines: consumed by the parser, not article lines."""
    from aggregator.toolkit.dates import parse_date_line

    flat = squash(line)
    if flat == squash(item.title) or any(parse_date_line(part) for part in line.split("|")):
        return True
    return bool(re.match(r"^(by|written by)\s", flat)) and len(flat.split()) <= 8


def evaluate(corpus: Path = CORPUS) -> Figures:
    import json

    labels = json.loads((corpus / "labels.json").read_text(encoding="utf-8"))["articles"]
    figures = Figures()
    with tempfile.TemporaryDirectory() as temp:
        items = run_corpus(corpus, Path(temp))
    for name, label in sorted(labels.items()):
        item = items.get(name)
        if item is None:
            figures.mistakes.append(f"{name}: not processed")
            figures.false_negative += bool(label["relevant"])
            continue
        kept = item.dropped is None
        score = item.relevance.score if item.relevance else None
        if label["relevant"] and kept:
            figures.true_positive += 1
        elif label["relevant"]:
            figures.false_negative += 1
            figures.mistakes.append(f"missed {name} ({label['kind']}) score {score}")
        elif kept:
            figures.false_positive += 1
            figures.mistakes.append(f"let through {name} ({label['kind']}) score {score}")
        else:
            figures.true_negative += 1
        expected_topics = set(label["topics"])
        predicted = set(item.topics)
        figures.topic_hits += len(expected_topics & predicted)
        figures.topic_predicted += len(predicted)
        figures.topic_labelled += len(expected_topics)
        if expected_topics != predicted:
            figures.topic_misses.append(
                f"{name}: expected {sorted(expected_topics)} got {sorted(predicted)}"
            )
        check_lines(corpus / name, label, item, figures, name)
    return figures


def check_lines(path: Path, label: dict[str, Any], item: Any, figures: Figures, name: str) -> None:
    from aggregator.toolkit.text import decode_text

    cleaned = squash("\n".join([item.title, item.summary, item.text]))
    cleaned_lines = {squash(line) for line in [item.title, *item.text.split("\n")]}
    boilerplate = {line.strip() for line in label["boilerplate"]}
    for line in boilerplate:
        figures.boilerplate_total += 1
        if squash(line) in cleaned_lines:
            figures.boilerplate_left.append(f"{name}: {line}")
        else:
            figures.boilerplate_removed += 1
    for raw in decode_text(path.read_bytes()).split("\n"):
        line = raw.strip()
        if not line or line in boilerplate or len(line.split()) < 6 or is_metadata(line, item):
            continue
        figures.article_lines += 1
        if squash(line) not in cleaned:
            figures.article_lines_lost.append(f"{name}: {line}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--details", action="store_true", help="list every mistake")
    args = parser.parse_args(argv)
    figures = evaluate()
    for line in figures.lines():
        print(line)
    if args.details:
        for heading, rows in (
            ("relevance mistakes", figures.mistakes),
            ("boilerplate left", figures.boilerplate_left),
            ("article lines lost", figures.article_lines_lost),
            ("topic differences", figures.topic_misses),
        ):
            print(f"\n{heading}: {len(rows)}")
            for row in rows:
                print(f"  {row}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
