"""Fit the weights of the learned headline chooser (aggregator/toolkit/headline_model.py).

For every labelled article of the development halves of tests/data/realworld and of
tests/data/curation (where it has a headline label), the header zone is read as the
parser reads it; each line of its candidate pool (and the choice of no line) gets its
features and whether it gives the labelled headline. A listwise logistic regression (a
softmax over each article's lines, L2-penalised) is fitted with numpy.

    python scripts/fit_headlines.py --loho        # leave-one-half-out against the rules
    python scripts/fit_headlines.py --loho --margin 2   # the hybrid: override by more than 2
    python scripts/fit_headlines.py --write weights.json   # fit on every half
    python scripts/fit_headlines.py --dump rows.jsonl   # the features, one line a row

The measuring and unread halves (``DEVELOPMENT_HALVES`` of tests/realworld_eval.py leaves
them out) are never read.
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import json
import sys
import tempfile
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from unittest import mock

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from realworld_eval import DEVELOPMENT_HALVES  # noqa: E402

from aggregator.toolkit import headline_model, plaintext  # noqa: E402
from aggregator.toolkit.header_zone import choose_headline, headline_from  # noqa: E402
from aggregator.toolkit.headline_model import Weights  # noqa: E402
from aggregator.toolkit.lines import normalise_text  # noqa: E402
from aggregator.toolkit.plaintext import extract_article, read_header_zone  # noqa: E402
from aggregator.toolkit.text import decode_text  # noqa: E402

DATA = ROOT / "tests" / "data"
DEV_HALVES = DEVELOPMENT_HALVES
"""The development halves; ``test`` and ``dev10`` measure, and are never read here."""
REFERENCE = datetime(2026, 12, 31, tzinfo=UTC)
RULES_ONLY = Weights({"the rules' choice": 1.0, "no headline, nor by the rules": 0.5}, "rules")
"""Weights under which the learned chooser chooses as the rules do."""
NO_LINE = Weights({"no headline": 1.0}, "no line")
_CANDIDATE = "headline-shaped (a rules' candidate)"
L2 = 1.0
STEPS = 600
RATE = 0.5
MOMENTUM = 0.9
"""Nesterov's momentum: 600 steps reach a lower loss than 4000 plain gradient steps did
(0.10165 against 0.10171 on every development half, l2 1), in a seventh of the time."""


@dataclass
class Article:
    group: str
    name: str
    text: str
    title: str
    options: list[dict[str, float]]
    """Features of each pool line, then of the choice of no line."""
    right: list[bool]
    """Whether each option is right to choose (see ``--target``)."""
    gives: list[bool]
    """Whether each option gives the labelled headline itself."""
    preset: bool


def squash(text: str) -> str:
    return " ".join(normalise_text(text).split())


def labelled() -> Iterator[tuple[str, str, str, str]]:
    """(group, name, text, title) of every labelled development article."""
    for half in DEV_HALVES:
        folder = DATA / "realworld" / half
        for name, label in json.loads((folder / "labels.json").read_text())["articles"].items():
            yield half, name, decode_text((folder / name).read_bytes()), label["title"]
    folder = DATA / "curation"
    for name, label in json.loads((folder / "labels.json").read_text())["articles"].items():
        if label.get("title"):
            yield "curation", name, decode_text((folder / name).read_bytes()), label["title"]


@contextlib.contextmanager
def parser_choosing(weights: Weights) -> Iterator[None]:
    """The parser, within, chooses headlines with the learned chooser and ``weights``."""
    with mock.patch.object(
        plaintext,
        "choose_zone_headline",
        functools.partial(headline_model.choose_learned_headline, weights=weights),
    ):
        yield


def pipeline_titles() -> dict[tuple[str, str], str]:
    """The title the whole pipeline stores for each article with the rules alone (a title
    the parser gets wrong, the boilerplate cleaner may still repair from the source's other
    documents): {(group, name): title}."""
    from realworld_eval import run_half

    from curation_eval import run_corpus

    titles: dict[tuple[str, str], str] = {}
    for group in (*DEV_HALVES, "curation"):
        with tempfile.TemporaryDirectory() as temp:
            if group == "curation":
                items = run_corpus(DATA / "curation", Path(temp))
            else:
                items = run_half(DATA / "realworld" / group, Path(temp))
        titles.update({(group, name): item.title or "" for name, item in items.items()})
    return titles


def read(group: str, name: str, text: str, title: str, repaired: bool = False) -> Article:
    zone = read_header_zone(text, reference=REFERENCE)
    wanted = squash(title)
    if zone.preset:
        return Article(group, name, text, title, [], [], [], True)
    pool = headline_model.candidate_pool(zone)
    rules = choose_headline(zone.lines, zone.candidates, zone.anchors, zone.dated)
    context = headline_model.pool_context(zone, pool, rules)
    options, right, gives = [], [], []
    for index in pool:
        options.append(headline_model.line_features(zone, index, context))
        chosen = rules if rules and rules.lines[0] == index else headline_from(zone, index, "")
        gives.append(squash(chosen.text) == wanted)
        right.append(gives[-1] or (repaired and chosen is rules))
    with parser_choosing(NO_LINE):
        fallback = extract_article(text, reference=REFERENCE).title
    options.append(headline_model.none_features(rules))
    gives.append(squash(fallback) == wanted)
    right.append(gives[-1] or (repaired and rules is None))
    return Article(group, name, text, title, options, right, gives, False)


def fit(articles: Sequence[Article], names: Sequence[str], l2: float = L2) -> dict[str, float]:
    """Listwise logistic regression: maximise, over the articles that have a right option,
    the log of the softmax probability of their right options, less ``l2``/2 |w|², by
    gradient descent with Nesterov's momentum."""
    usable = [a for a in articles if any(a.right)]
    rows = [[option.get(n, 0.0) for n in names] for a in usable for option in a.options]
    matrix = np.array(rows)
    right = np.array([r for a in usable for r in a.right], dtype=float)
    sizes = np.array([len(a.options) for a in usable])
    starts = np.concatenate([[0], np.cumsum(sizes)[:-1]])
    owner = np.repeat(np.arange(len(usable)), sizes)
    weights, velocity = np.zeros(len(names)), np.zeros(len(names))
    for _ in range(STEPS):
        ahead = weights + MOMENTUM * velocity
        scores = matrix @ ahead
        top = np.maximum.reduceat(scores, starts)[owner]
        exp = np.exp(scores - top)
        total = np.add.reduceat(exp, starts)[owner]
        wanted = np.add.reduceat(exp * right, starts)[owner]
        gradient = matrix.T @ (exp / total - exp * right / wanted) / len(usable)
        velocity = MOMENTUM * velocity - RATE * (gradient + l2 * ahead / len(usable))
        weights = weights + velocity
    return {name: round(float(w), 3) for name, w in zip(names, weights, strict=True)}


def feature_names(articles: Sequence[Article]) -> list[str]:
    return sorted({name for a in articles for option in a.options for name in option})


def extract_right(articles: Sequence[Article], weights: Weights) -> int:
    with parser_choosing(weights):
        return sum(
            squash(extract_article(a.text, reference=REFERENCE).title) == squash(a.title)
            for a in articles
        )


def pipeline_right(half: str, weights: Weights) -> float:
    from realworld_eval import measure

    with parser_choosing(weights):
        figure: float = measure(DATA / "realworld" / half)["overall"]["headline_right"]
    return figure


def ceiling(articles: Sequence[Article]) -> str:
    """How many articles any choice could get right: a line of the pool (or the choice of
    no line, a title found below the header or made from the lead) gives the label."""
    free = [a for a in articles if not a.preset]
    lines = sum(any(a.gives[:-1]) for a in free)
    either = sum(any(a.gives) for a in free)
    candidates = sum(
        any(g for o, g in zip(a.options, a.gives, strict=False) if o.get(_CANDIDATE)) for a in free
    )
    return (
        f"{len(articles) - len(free)} articles take their headline from a field; of the other"
        f" {len(free)}, a line of the pool gives the labelled headline in {lines} (one of the"
        f" rules' candidates in {candidates}), a line or the choice of none in {either}"
    )


def leave_one_half_out(articles: Sequence[Article], l2: float, margin: float | None) -> None:
    names = feature_names(articles)
    print(ceiling(articles))
    print("headline right after the parser, and after the whole pipeline:")
    print(f"{'half':<6} {'n':>4}  parser: rules   model   pipeline: rules  model")
    sums = np.zeros(4)
    for half in DEV_HALVES:
        train = [a for a in articles if a.group != half]
        held = [a for a in articles if a.group == half]
        model = Weights(fit(train, names, l2), f"all but {half}", margin)
        figures = (
            extract_right(held, RULES_ONLY) / len(held),
            extract_right(held, model) / len(held),
            pipeline_right(half, RULES_ONLY),
            pipeline_right(half, model),
        )
        sums += figures
        print(f"{half:<6} {len(held):>4} " + " ".join(f"{100 * f:>10.1f}%" for f in figures))
    print(f"{'mean':<11} " + " ".join(f"{100 * f / len(DEV_HALVES):>10.1f}%" for f in sums))


def write(
    articles: Sequence[Article], l2: float, margin: float | None, target: str, path: Path
) -> None:
    weights = fit(articles, feature_names(articles), l2)
    counts = dict(Counter(a.group for a in articles))
    data = {
        "fitted_on": {
            "halves": list(counts),
            "articles": counts,
            "settings": {"l2": l2, "target": target, "steps": STEPS, "margin": margin},
            "date": datetime.now(UTC).date().isoformat(),
        },
        "margin": margin,
        "weights": dict(sorted(weights.items(), key=lambda item: -abs(item[1]))),
    }
    text = json.dumps(data, indent=1, ensure_ascii=False) + "\n"
    path.write_text(text, encoding="utf-8")
    print(f"wrote {path}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--loho", action="store_true", help="leave-one-half-out figures")
    parser.add_argument("--write", type=Path, help="fit on every half, write the weights here")
    parser.add_argument("--dump", type=Path, help="write every option's features here")
    parser.add_argument("--l2", type=float, default=L2)
    parser.add_argument(
        "--margin",
        type=float,
        default=None,
        help="the hybrid: the model replaces the rules' choice only where its best option"
        " outscores it by more than this (default: the best option always wins)",
    )
    parser.add_argument(
        "--target",
        choices=("parser", "pipeline"),
        default="pipeline",
        help="right options: the lines giving the labelled headline (parser), and also the"
        " rules' choice where the pipeline repairs it to the label (pipeline, default)",
    )
    args = parser.parse_args(argv)
    rows = list(labelled())
    if args.target == "pipeline":
        stored = pipeline_titles()
        articles = [read(*row, squash(stored[row[:2]]) == squash(row[3])) for row in rows]
    else:
        articles = [read(*row) for row in rows]
    if args.dump:
        with args.dump.open("w", encoding="utf-8") as out:
            for a in articles:
                for option, right in zip(a.options, a.right, strict=True):
                    row = {"group": a.group, "name": a.name, "right": right, **option}
                    out.write(json.dumps(row) + "\n")
    if args.loho:
        leave_one_half_out(articles, args.l2, args.margin)
    if args.write:
        write(articles, args.l2, args.margin, args.target, args.write)
    return 0


if __name__ == "__main__":
    sys.exit(main())
