"""Other models of relevance over the judge's evidence, measured leave-one-half-out.

``scripts/fit_relevance.py`` fits and ships one model; this script measures the others
tried beside it on the same items (the 19 development halves and the curation corpus,
``relevance_halves.CORPORA``; the measuring and unread halves are never read), each left
one half out against the hand weights at their threshold: the mean of the halves' F1,
the pooled precision, recall and F1, and on how many halves the model is better or
worse. Then the best F1 a linear model reaches fitted and judged on every half (the
ceiling of reweighting), beside the hand weights' in-sample F1.

    python scripts/relevance_study.py

Every setting here was chosen by this same leave-one-half-out measure, so the best row
is an optimistic estimate; the hand weights were written from every one of these
halves, so their figure is in-sample and the comparison flatters the rules.
docs/relevance_weights.md (2026-12-07) records the table and what it means.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
from fit_relevance import judged
from relevance_halves import CORPORA, cases, load_config

Decide = Callable[[np.ndarray, np.ndarray], np.ndarray]
"""Given the rows to fit on and the rows held out (masks), whether each held-out row is kept."""

FACTORS = (0.0, 0.5, 0.75, 0.9, 1.1, 1.25, 1.5, 2.0)
"""What the coordinate search multiplies one hand weight by."""
SHIFTS = (-1.0, -0.5, -0.25, 0.25, 0.5, 1.0)
"""What the coordinate search moves the threshold by."""
EXTRAS = ("weaker", "stronger", "sentences", "both_share", "unlinked", "third_leader")
EXTRAS_FLAGS = ("body_both", "lead_binding", "places", "balance")


def read() -> tuple[list[str], np.ndarray, np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Component names, each item's half, label, whether it was scored, its evidence
    vector, and the extra features (what any text has: each side's presence, length,
    the share of sentences naming both, unlinked mentions, a third party's count)."""
    from aggregator.plugins import judge_relevance
    from aggregator.toolkit.relevance_score import evidence_vector

    config = load_config()
    settings = config.stash[judge_relevance.SETTINGS]
    names = list(settings.weights)
    halves, labels, scored, vectors, extras = [], [], [], [], []
    for half in CORPORA:
        for case in cases(half):
            vector, extra = [0.0] * len(names), [0.0] * (len(EXTRAS) + len(EXTRAS_FLAGS))
            item = judged(config, half, case)
            if item is not None:
                evidence = judge_relevance.gather(item, settings)
                found = evidence_vector(evidence, settings.side_names)
                vector = [found[name] for name in names]
                weak, strong = sorted(evidence.presence(name) for name in settings.side_names)
                leader = evidence.third.most_common(1)[0][1] if evidence.third else 0
                extra = [
                    *np.log1p(
                        [
                            weak,
                            strong,
                            evidence.sentences,
                            0.0,
                            len(evidence.unlinked_sentences),
                            leader,
                        ]
                    ),
                    float(evidence.body_both),
                    float(evidence.lead_binding),
                    float(np.log1p(sum(evidence.place_mentions.values()))),
                    weak / max(1, strong),
                ]
                extra[3] = evidence.both_sentences / max(1, evidence.sentences)
            halves.append(half)
            labels.append(case.relevant)
            scored.append(item is not None)
            vectors.append(vector)
            extras.append(extra)
    return (
        names,
        np.array(halves),
        np.array(labels, bool),
        np.array(scored, bool),
        np.array(vectors, float),
        np.array(extras, float),
    )


def newton(
    x: np.ndarray,
    y: np.ndarray,
    l2: float,
    *,
    offset: np.ndarray | None = None,
    weight: np.ndarray | None = None,
) -> tuple[np.ndarray, float]:
    """An L2-regularised logistic regression (no penalty on the bias) with an optional
    fixed ``offset`` on each row's log-odds and a loss ``weight`` per row."""
    rows, columns = x.shape
    design = np.hstack([x, np.ones((rows, 1))])
    penalty = np.append(np.full(columns, l2), 0.0)
    base = np.zeros(rows) if offset is None else offset
    counted = np.ones(rows) if weight is None else weight
    theta = np.zeros(columns + 1)
    for _ in range(60):
        p = 1 / (1 + np.exp(-(design @ theta + base)))
        gradient = design.T @ (counted * (p - y)) + penalty * theta
        hessian = design.T @ (design * (counted * p * (1 - p))[:, None])
        step = np.linalg.solve(hessian + np.diag(penalty + 1e-9), gradient)
        theta -= step
        if np.abs(step).max() < 1e-9:
            break
    return theta[:-1], float(theta[-1])


def counts(kept: np.ndarray, truth: np.ndarray) -> tuple[int, int, int]:
    return (
        int(np.sum(kept & truth)),
        int(np.sum(kept & ~truth)),
        int(np.sum(~kept & truth)),
    )


def f1(tp: int, fp: int, fn: int) -> float:
    return 2 * tp / max(1, 2 * tp + fp + fn)


def best_cut(score: np.ndarray, truth: np.ndarray, min_precision: float | None = None) -> float:
    """The cut on ``score`` with the best F1, or with the best recall at ``min_precision``."""
    values = np.unique(score)
    cuts = np.concatenate([[values[0] - 1], (values[:-1] + values[1:]) / 2, [values[-1] + 1]])
    best, chosen = -2.0, 0.0
    for cut in cuts:
        tp, fp, fn = counts(score >= cut, truth)
        if min_precision is None:
            value = f1(tp, fp, fn)
        else:
            precision = tp / max(1, tp + fp)
            value = tp / max(1, tp + fn) if precision >= min_precision else precision - 1
        if value > best:
            best, chosen = value, cut
    return chosen


class Study:
    def __init__(self) -> None:
        self.names, self.half, self.truth, self.scored, self.x, self.extra = read()
        from aggregator.toolkit.relevance_score import HAND_WEIGHTS

        self.hand = np.array([HAND_WEIGHTS[name] for name in self.names])
        self.threshold = 3.0
        self.score = self.x @ self.hand
        self.y = self.truth.astype(float)
        self.with_extras = np.hstack([self.x, self.extra])

    def measure(self, label: str, decide: Decide) -> None:
        hand_f1s, model_f1s, better, worse = [], [], 0, 0
        pooled_hand, pooled_model = np.zeros(3, int), np.zeros(3, int)
        for half in CORPORA:
            held = self.half == half
            train = ~held & self.scored
            kept = decide(train, held) & self.scored[held]
            by_hand = counts(
                (self.score >= self.threshold)[held] & self.scored[held], self.truth[held]
            )
            by_model = counts(kept, self.truth[held])
            pooled_hand += by_hand
            pooled_model += by_model
            hand_f1s.append(f1(*by_hand))
            model_f1s.append(f1(*by_model))
            better += model_f1s[-1] > hand_f1s[-1] + 1e-12
            worse += model_f1s[-1] < hand_f1s[-1] - 1e-12
        tp, fp, fn = pooled_model
        print(
            f"{label:<52} {np.mean(model_f1s):.3f} (hand {np.mean(hand_f1s):.3f})"
            f"  P {tp / max(1, tp + fp):.3f} R {tp / max(1, tp + fn):.3f} F1 {f1(tp, fp, fn):.3f}"
            f"  better {better:>2} worse {worse:>2}"
        )

    def logistic(
        self, x: np.ndarray, l2: float = 1.0, negative: float = 1.0, cut: str = "0"
    ) -> Decide:
        def decide(train: np.ndarray, held: np.ndarray) -> np.ndarray:
            weight = np.where(self.truth[train], 1.0, negative)
            w, b = newton(x[train], self.y[train], l2, weight=weight)
            odds = x @ w + b
            at = 0.0
            if cut == "f1":
                at = best_cut(odds[train], self.truth[train])
            elif cut == "precision":
                hand_kept = self.score[train] >= self.threshold
                tp, fp, _ = counts(hand_kept, self.truth[train])
                at = best_cut(odds[train], self.truth[train], tp / max(1, tp + fp))
            result: np.ndarray = odds[held] >= at
            return result

        return decide

    def signed(self, x: np.ndarray, signs: np.ndarray) -> Decide:
        """A logistic regression whose weights keep the hand weights' signs: a weight that
        comes out the wrong way is set to 0 and the rest refitted."""

        def decide(train: np.ndarray, held: np.ndarray) -> np.ndarray:
            free = np.ones(x.shape[1], bool)
            weights, bias = np.zeros(x.shape[1]), 0.0
            for _ in range(x.shape[1]):
                weights = np.zeros(x.shape[1])
                weights[free], bias = newton(x[train][:, free], self.y[train], 1.0)
                wrong = free & (signs != 0) & (np.sign(weights) * signs < 0)
                if not wrong.any():
                    break
                free &= ~wrong
            result: np.ndarray = (x @ weights + bias)[held] >= 0
            return result

        return decide

    def hand_cut(self) -> Decide:
        def decide(train: np.ndarray, held: np.ndarray) -> np.ndarray:
            result: np.ndarray = self.score[held] >= best_cut(self.score[train], self.truth[train])
            return result

        return decide

    def corrected(self, l2: float) -> Decide:
        """The hand score scaled to log-odds, plus corrections to each weight, penalised
        towards none; the cut at the best F1 on the halves fitted on."""

        def decide(train: np.ndarray, held: np.ndarray) -> np.ndarray:
            scale, bias = newton(self.score[train, None], self.y[train], 0.0)
            offset = scale[0] * self.score + bias
            w, b = newton(self.x[train], self.y[train], l2, offset=offset[train])
            odds = offset + self.x @ w + b
            result: np.ndarray = odds[held] >= best_cut(odds[train], self.truth[train])
            return result

        return decide

    def coordinate(self, min_gain: float) -> Decide:
        """From the hand weights, one weight or the threshold moved at a time while that
        removes at least ``min_gain`` mistakes on the halves fitted on."""

        def decide(train: np.ndarray, held: np.ndarray) -> np.ndarray:
            x, truth = self.x[train], self.truth[train]

            def mistakes(w: np.ndarray, cut: float) -> int:
                kept = x @ w >= cut
                return int(np.sum(kept != truth))

            weights, cut = self.hand.copy(), self.threshold
            current = mistakes(weights, cut)
            for _ in range(10):
                best: tuple[int, np.ndarray, float] = (0, weights, cut)
                for index in range(len(weights)):
                    for factor in FACTORS:
                        moved = weights.copy()
                        moved[index] *= factor
                        gain = current - mistakes(moved, cut)
                        if gain > best[0]:
                            best = (gain, moved, cut)
                for shift in SHIFTS:
                    gain = current - mistakes(weights, cut + shift)
                    if gain > best[0]:
                        best = (gain, weights, cut + shift)
                if best[0] < min_gain:
                    break
                _, weights, cut = best
                current = mistakes(weights, cut)
            result: np.ndarray = self.x[held] @ weights >= cut
            return result

        return decide

    def stumps(self, x: np.ndarray, rounds: int = 60, rate: float = 0.3) -> Decide:
        """Boosted decision stumps on the logistic loss: a model that is not linear."""

        def decide(train: np.ndarray, held: np.ndarray) -> np.ndarray:
            fit_x, y = x[train], self.y[train]
            cuts = [
                np.unique(np.quantile(column, np.linspace(0.05, 0.95, 12))) for column in fit_x.T
            ]
            fitted, odds = np.zeros(len(y)), np.zeros(held.sum())
            for _ in range(rounds):
                p = 1 / (1 + np.exp(-fitted))
                g, h = y - p, p * (1 - p) + 1e-6
                best = (-1.0, 0, 0.0, 0.0, 0.0)
                for column, values in enumerate(cuts):
                    for at in values:
                        low = fit_x[:, column] <= at
                        gl, hl, gr, hr = g[low].sum(), h[low].sum(), g[~low].sum(), h[~low].sum()
                        gain = gl * gl / (hl + 1) + gr * gr / (hr + 1)
                        if gain > best[0]:
                            best = (gain, column, at, gl / (hl + 1), gr / (hr + 1))
                _, column, at, left, right = best
                fitted += rate * np.where(fit_x[:, column] <= at, left, right)
                odds += rate * np.where(x[held, column] <= at, left, right)
            result: np.ndarray = odds >= 0
            return result

        return decide

    def rescue(self, x: np.ndarray, floor: float, l2: float = 1.0, negative: float = 1.5) -> Decide:
        """The hand weights' verdict, except from ``floor`` to the threshold, where a
        logistic regression decides (``rescue_model``)."""

        def decide(train: np.ndarray, held: np.ndarray) -> np.ndarray:
            weight = np.where(self.truth[train], 1.0, negative)
            w, b = newton(x[train], self.y[train], l2, weight=weight)
            score = self.score[held]
            model = (x[held] @ w + b) >= 0
            result: np.ndarray = (score >= self.threshold) | ((score >= floor) & model)
            return result

        return decide

    def interactions(self) -> np.ndarray:
        column = self.names.index
        no_third = (np.expm1(self.extra[:, EXTRAS.index("third_leader")]) == 0).astype(float)
        dealing = (self.x[:, column("bilateral_sentences")] > 0).astype(float)
        return np.hstack(
            [
                self.x,
                np.column_stack(
                    [
                        dealing * no_third,
                        self.x[:, column("no_dealing")] * no_third,
                        self.x[:, column("headline_both")] * self.x[:, column("no_dealing")],
                        self.x[:, column("lead_dealing")] * no_third,
                    ]
                ),
            ]
        )

    def ceilings(self) -> None:
        seen = self.scored
        tp, fp, fn = counts((self.score >= self.threshold) & seen, self.truth)
        print(f"\nin-sample: hand weights F1 {f1(tp, fp, fn):.3f}", end="")
        for label, x in (("17 components", self.x), ("the extra features too", self.with_extras)):
            w, b = newton(x[seen], self.y[seen], 0.01)
            odds = x @ w + b
            cut = best_cut(odds[seen], self.truth[seen])
            tp, fp, fn = counts((odds >= cut) & seen, self.truth)
            print(f"; best logistic on {label} F1 {f1(tp, fp, fn):.3f}", end="")
        print()


def main() -> int:
    study = Study()
    signs = np.sign(study.hand)
    print(f"{'left one half out':<52} mean F1        pooled                    halves")
    study.measure("hand weights, threshold chosen for F1", study.hand_cut())
    study.measure("logistic (fit_relevance.py as it stands)", study.logistic(study.x))
    study.measure("logistic, cut for F1 on the halves fitted", study.logistic(study.x, cut="f1"))
    study.measure(
        "logistic, cut at the hand weights' precision",
        study.logistic(study.x, cut="precision"),
    )
    study.measure("logistic, irrelevant items count twice", study.logistic(study.x, negative=2.0))
    study.measure("logistic, weights keep the hand weights' signs", study.signed(study.x, signs))
    study.measure("logistic with interactions", study.logistic(study.interactions()))
    study.measure("logistic with extra features", study.logistic(study.with_extras))
    study.measure("hand score + corrections (l2 30), cut for F1", study.corrected(30.0))
    study.measure("coordinate search from the hand weights (gain 1)", study.coordinate(1.0))
    study.measure("coordinate search from the hand weights (gain 2)", study.coordinate(2.0))
    study.measure("boosted stumps", study.stumps(study.x))
    study.measure("boosted stumps with extra features", study.stumps(study.with_extras))
    study.measure("rescue from 1 (shipped settings otherwise)", study.rescue(study.x, 1.0))
    study.measure("rescue from 0, with extra features", study.rescue(study.with_extras, 0.0))
    study.measure("rescue from 0 (rescue_model as shipped)", study.rescue(study.x, 0.0))
    study.ceilings()
    return 0


if __name__ == "__main__":
    sys.exit(main())
