"""Measure story clustering on the labelled near-duplicate set (tests/data/stories).

Runs the real pipeline with the shipped feeds.toml settings (relevance
judging off, so every report is clustered) and compares the stories with the
labelled groups, pair by pair. Run it directly to print the figures:

    python tests/stories_eval.py [--details]
"""

from __future__ import annotations

import argparse
import itertools
import json
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from curation_eval import run_with_shipped_settings

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "tests" / "data" / "stories"


@dataclass
class PairFigures:
    true_pairs: int = 0
    predicted_pairs: int = 0
    correct_pairs: int = 0
    wrong: list[str] = field(default_factory=list)
    missed: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.correct_pairs / self.predicted_pairs if self.predicted_pairs else 1.0

    @property
    def recall(self) -> float:
        return self.correct_pairs / self.true_pairs if self.true_pairs else 1.0

    def line(self) -> str:
        return (
            f"pairwise precision {self.precision:.3f}, recall {self.recall:.3f}"
            f" ({self.correct_pairs} of {self.predicted_pairs} predicted pairs correct,"
            f" {self.true_pairs} labelled pairs)"
        )


def cluster_corpus(files: list[Path], workdir: Path) -> dict[str, str]:
    """Run the pipeline over ``files``; return ``{file name: story id}``."""
    sources = [{"name": "stories", "type": "files", "paths": [str(p) for p in files]}]
    items = run_with_shipped_settings(sources, workdir, disable=("judge_relevance",))
    return {Path(item.uri).name: item.story_id or "" for item in items}


def pair_figures(groups: dict[str, str], stories: dict[str, str]) -> PairFigures:
    figures = PairFigures()
    for a, b in itertools.combinations(sorted(groups), 2):
        same_label = groups[a] == groups[b]
        same_story = stories.get(a) is not None and stories.get(a) == stories.get(b)
        figures.true_pairs += same_label
        figures.predicted_pairs += same_story
        figures.correct_pairs += same_label and same_story
        if same_story and not same_label:
            figures.wrong.append(f"{a} + {b}")
        if same_label and not same_story:
            figures.missed.append(f"{a} + {b}")
    return figures


def evaluate(corpus: Path = CORPUS) -> PairFigures:
    labels = json.loads((corpus / "labels.json").read_text(encoding="utf-8"))
    groups = {name: group for group, entry in labels["groups"].items() for name in entry["files"]}
    with tempfile.TemporaryDirectory() as temp:
        stories = cluster_corpus(sorted(corpus / name for name in groups), Path(temp))
    return pair_figures(groups, stories)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--details", action="store_true", help="list wrong and missed pairs")
    args = parser.parse_args(argv)
    figures = evaluate()
    print(figures.line())
    if args.details:
        for heading, rows in (("joined wrongly", figures.wrong), ("missed", figures.missed)):
            print(f"\n{heading}: {len(rows)}")
            for row in rows:
                print(f"  {row}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
