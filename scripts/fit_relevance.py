"""Fit the relevance judge's weights by logistic regression, and measure them honestly.

Each development item's evidence vector (``aggregator.toolkit.relevance_score``) is read
with the shipped feeds.toml's vocabulary; an L2-regularised logistic regression (numpy,
Newton's method) is fitted on the development halves, and measured LEAVE-ONE-HALF-OUT:
for each half (and the curation corpus), fitted on all the others, judged on it, beside
the weights in feeds.toml (or the plugin's defaults). Items dropped before scoring (no
article body, not a report, dropped by another stage) stay dropped in both.

    python scripts/fit_relevance.py            # leave-one-half-out table
    python scripts/fit_relevance.py --toml     # also the weights fitted on all, as TOML
    python scripts/fit_relevance.py --rescue   # the model as rescue_model uses it
    python scripts/fit_relevance.py --rescue --write-model   # and write its weights

``--rescue`` measures the model as the judge's ``rescue_model`` option uses it: the hand
weights decide, except from ``--rescue-floor`` to the threshold, where the model may keep
an item; ``--write-model`` writes the model fitted on every corpus, with what it was
fitted on, to ``aggregator/toolkit/relevance_model.json``.

``--toml`` prints the weights fitted on every development half as a ``threshold`` and a
``[plugins.judge_relevance.weights]`` table to paste into feeds.toml;
docs/relevance_weights.md says what was fitted, what it measured, and why the shipped
weights are the hand-set ones. The measuring halves (``test``, ``dev10``) and the unread
ones are never read (``relevance_halves.CORPORA``).
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
from logistic import fit_logistic
from relevance_halves import CORPORA, cases, load_config

from aggregator.toolkit.relevance_model import MODEL_FILE, RescueModel

NEGATIVE_WEIGHT = 1.0
"""How many times an irrelevant item's loss counts: above 1 favours precision."""
L2 = 1.0
"""Strength of the L2 penalty on the weights (not on the bias), in units of one item's loss."""
RESCUE_FLOOR = 0.0
"""The lowest hand-weighted score the rescue model may keep an item from."""
RESCUE_L2 = 1.0
RESCUE_NEGATIVE_WEIGHT = 1.5
"""The rescue model's settings, chosen leave-one-half-out (docs/relevance_weights.md)."""


@dataclass
class Row:
    half: str
    name: str
    relevant: bool
    vector: dict[str, float] | None
    """None when the item is dropped before scoring."""


def judged(config: Any, half: str, case: Any) -> Any | None:
    """The cached item of ``case`` judged as the pipeline judges it (with the lines the
    cleaner removed, which tell the judge who issued a document), or None when it is
    dropped before scoring (no article body, not a report)."""
    from aggregator.models import Item, Removal
    from aggregator.plugins import judge_relevance

    if case.dropped is not None:
        return None
    item = Item(
        id=case.name,
        source=half,
        uri=case.name,
        title=case.title,
        text=case.text,
        summary=case.summary,
        removed=[Removal(text, "cached") for text in case.removed],
    )
    judge_relevance.aggregator_judge_item(item=item, config=config)
    relevance = item.relevance
    if relevance is None or relevance.reasons[0].startswith("dropped:"):
        return None
    return item


def rows(config: Any, halves: tuple[str, ...] = CORPORA) -> list[Row]:
    from aggregator.plugins import judge_relevance
    from aggregator.toolkit.relevance_score import evidence_vector

    settings = config.stash[judge_relevance.SETTINGS]
    found = []
    for half in halves:
        for case in cases(half):
            vector = None
            item = judged(config, half, case)
            if item is not None:
                evidence = judge_relevance.gather(item, settings)
                vector = evidence_vector(evidence, settings.side_names)
            found.append(Row(half, case.name, case.relevant, vector))
    return found


def fit(
    x: np.ndarray, y: np.ndarray, l2: float = L2, negative_weight: float = 1.0
) -> tuple[np.ndarray, float]:
    """Weights and bias of an L2-regularised logistic regression; each irrelevant item's
    loss counts ``negative_weight`` times."""
    return fit_logistic(x, y, l2, sample_weight=np.where(y > 0, 1.0, negative_weight))


def figures(kept: list[bool], relevant: list[bool]) -> tuple[int, int, int, int]:
    tp = sum(k and r for k, r in zip(kept, relevant, strict=True))
    fp = sum(k and not r for k, r in zip(kept, relevant, strict=True))
    fn = sum(r and not k for k, r in zip(kept, relevant, strict=True))
    tn = sum(not k and not r for k, r in zip(kept, relevant, strict=True))
    return tp, fp, fn, tn


def f1(counts: tuple[int, int, int, int]) -> float:
    tp, fp, fn, _ = counts
    return 2 * tp / max(1, 2 * tp + fp + fn)


def describe(counts: tuple[int, int, int, int]) -> str:
    tp, fp, fn, _ = counts
    return f"P {tp / max(1, tp + fp):.3f} R {tp / max(1, tp + fn):.3f} F1 {f1(counts):.3f}"


def decide(
    found: list[Row],
    names: list[str],
    weights: np.ndarray,
    bias: float,
    rescue: tuple[np.ndarray, float, float] | None = None,
) -> list[bool]:
    """Whether each row is kept by the weighted sum (``weights``, ``bias``: kept from 0); with
    ``rescue`` (the hand weights, the threshold and the floor), as the judge with
    ``rescue_model`` decides: kept by the hand score, or scoring from the floor and kept by
    the model (``weights``, ``bias``)."""
    kept = []
    for row in found:
        if row.vector is None:
            kept.append(False)
            continue
        values = [row.vector[name] for name in names]
        odds = float(np.dot(values, weights)) + bias
        if rescue is None:
            kept.append(odds >= 0)
            continue
        hand, threshold, floor = rescue
        score = float(np.dot(values, hand))
        kept.append(score >= threshold or (score >= floor and odds >= 0))
    return kept


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--toml", action="store_true", help="print the weights fitted on all")
    parser.add_argument("--l2", type=float, default=None, help=f"default {L2}; rescue {RESCUE_L2}")
    parser.add_argument(
        "--negative-weight",
        type=float,
        default=None,
        help=f"loss weight of irrelevant items (default {NEGATIVE_WEIGHT}; rescue"
        f" {RESCUE_NEGATIVE_WEIGHT})",
    )
    parser.add_argument(
        "--rescue",
        action="store_true",
        help="measure the model as the judge's rescue_model uses it: it may only keep an item"
        " the hand weights drop with a score from --rescue-floor",
    )
    parser.add_argument("--rescue-floor", type=float, default=RESCUE_FLOOR)
    parser.add_argument(
        "--write-model",
        type=Path,
        nargs="?",
        const=MODEL_FILE,
        help=f"with --rescue, write the model fitted on all halves (default {MODEL_FILE})",
    )
    parser.add_argument("--details", action="store_true", help="list the fitted mistakes")
    args = parser.parse_args(argv)
    l2 = args.l2 if args.l2 is not None else RESCUE_L2 if args.rescue else L2
    negative = args.negative_weight
    if negative is None:
        negative = RESCUE_NEGATIVE_WEIGHT if args.rescue else NEGATIVE_WEIGHT
    config = load_config()
    from aggregator.plugins import judge_relevance

    settings = config.stash[judge_relevance.SETTINGS]
    names = list(settings.weights)
    found = rows(config)
    hand = np.array([settings.weights[name] for name in names])
    hand_bias = -settings.threshold
    rescue = (hand, settings.threshold, args.rescue_floor) if args.rescue else None
    model = "hand weights, rescued by the model" if args.rescue else "fitted on the other halves"
    print(f"{'half':<9} {'rules (shipped weights)':<30} {model}")
    hand_f1s, fit_f1s, wins, losses = [], [], 0, 0
    total_hand, total_fit = (0, 0, 0, 0), (0, 0, 0, 0)
    table = {}
    for half in CORPORA:
        held = [row for row in found if row.half == half]
        train = [row for row in found if row.half != half and row.vector is not None]
        x = np.array([[row.vector[name] for name in names] for row in train if row.vector])
        y = np.array([float(row.relevant) for row in train])
        weights, bias = fit(x, y, l2, negative)
        relevant = [row.relevant for row in held]
        by_hand = figures(decide(held, names, hand, hand_bias), relevant)
        fitted_kept = decide(held, names, weights, bias, rescue)
        fitted = figures(fitted_kept, relevant)
        if args.details:
            for row, kept in zip(held, fitted_kept, strict=True):
                if kept != row.relevant:
                    print(f"    {'let through' if kept else 'missed'} {row.name}")
        total_hand = add(total_hand, by_hand)
        total_fit = add(total_fit, fitted)
        hand_f1s.append(f1(by_hand))
        fit_f1s.append(f1(fitted))
        wins += f1(fitted) > f1(by_hand)
        losses += f1(fitted) < f1(by_hand)
        table[half] = {"hand": list(by_hand), "model": list(fitted)}
        print(f"{half:<9} {describe(by_hand):<30} {describe(fitted)}")
    print(
        f"{'mean F1':<9} {np.mean(hand_f1s):<30.3f} {np.mean(fit_f1s):.3f}"
        f"  (better on {wins} of {len(CORPORA)}, worse on {losses})"
    )
    print(f"{'pooled':<9} {describe(total_hand):<30} {describe(total_fit)}")
    x = np.array([[row.vector[name] for name in names] for row in found if row.vector])
    y = np.array([float(row.relevant) for row in found if row.vector])
    weights, bias = fit(x, y, l2, negative)
    relevant = [row.relevant for row in found]
    in_sample = figures(decide(found, names, weights, bias, rescue), relevant)
    print(f"{'in-sample':<9} {describe(total_hand):<30} {describe(in_sample)}  (fitted on all)")
    print("\nfitted on all halves:")
    for name, weight in zip(names, weights, strict=True):
        print(f"  {name:<22} {weight:+.3f}   (shipped {settings.weights[name]:+.2f})")
    print(f"  bias {bias:+.3f}" if args.rescue else f"  threshold {-bias:.3f}")
    if args.toml and not args.rescue:
        print(f"\n# fitted by scripts/fit_relevance.py on {', '.join(CORPORA)}")
        print(f"threshold = {-bias:.3f}\n\n[plugins.judge_relevance.weights]")
        for name, weight in zip(names, weights, strict=True):
            print(f"{name} = {weight:.3f}")
    if args.write_model is not None and args.rescue:
        fitted_on = {
            "halves": list(CORPORA),
            "items": len(found),
            "scored": len(y),
            "relevant": int(y.sum()),
            "settings": {"l2": l2, "negative_weight": negative, "floor": args.rescue_floor},
            "date": str(date.today()),
            "script": "python scripts/fit_relevance.py --rescue --write-model",
            "leave_one_half_out": {
                "hand": describe(total_hand),
                "model": describe(total_fit),
                "mean_f1": [round(float(np.mean(hand_f1s)), 4), round(float(np.mean(fit_f1s)), 4)],
                "halves_better_worse": [wins, losses],
                "per_half": table,
            },
        }
        rounded = {name: round(float(w), 4) for name, w in zip(names, weights, strict=True)}
        written = RescueModel(rounded, round(bias, 4), args.rescue_floor, fitted_on)
        args.write_model.write_text(
            json.dumps(written.to_dict(), indent=1, ensure_ascii=False) + "\n", encoding="utf-8"
        )
        print(f"\nwrote {args.write_model}")
    return 0


def add(a: tuple[int, int, int, int], b: tuple[int, int, int, int]) -> tuple[int, int, int, int]:
    return (a[0] + b[0], a[1] + b[1], a[2] + b[2], a[3] + b[3])


if __name__ == "__main__":
    sys.exit(main())
