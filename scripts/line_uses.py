"""Two uses of a learned line model beside the rules, judged on a half it never saw (a study).

For each development half H, two logistic models are fitted on every other development
half's labelled lines, each on the lines it would act on, with the features of
scripts/line_model.py (the line's own, ``--neighbours`` adds the previous and next
line's) and the evidence of scripts/line_evidence.py (the source's other documents, the
neighbours' verdicts, the rules' own verdict and the family of the rule that removed the
line, one column per family seen ``--min-family`` times in the training lines):

- **add**: over the lines the rules kept, the chance a line is boilerplate; a line goes
  when it is above a threshold that flags at most ``--add-budget`` of the training
  halves' kept article lines;
- **rescue**: over the lines the rules removed, the chance a line is an article line; a
  line comes back when it is above a threshold that brings back at most
  ``--rescue-budget`` of the training halves' removed boilerplate lines.

Four cleaners are compared on H's labelled lines: rules, rules + add, rules − rescue,
and both. The project's bar: no half loses more article lines than the rules alone and
boilerplate removed rises on average (add); article lines lost fall on average and
boilerplate removed falls by fewer lines than they do (rescue). Run:

    python scripts/line_uses.py [--add-budget 0] [--rescue-budget 0.002] [--sweep]
"""

from __future__ import annotations

import argparse
import os
import sys
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
"""The matrices are small: on a shared machine BLAS threads cost several times the fit."""

import numpy as np  # noqa: E402
from line_evidence import EVIDENCE_NAMES  # noqa: E402
from line_model import (  # noqa: E402
    FEATURE_NAMES,
    STUDY_HALVES,
    LabelledLine,
    half_lines,
    probability,
    share,
    threshold_for,
)
from logistic import fit_logistic  # noqa: E402

SWEEP = (0.0, 0.002, 0.005, 0.01, 0.03)
"""The budgets ``--sweep`` tries for each use (the other use off)."""


STEPS = 30
TOLERANCE = 1e-6
"""Newton's method settles within about fifteen steps here; past that, a rare family's
column only jitters (the default 1e-9 is never reached and costs a hundred steps a fit)."""


@dataclass
class Use:
    """One use's model for one held-out half: what it flags among the lines it acts on."""

    vocabulary: list[str]
    coef: np.ndarray
    bias: float
    train_probabilities: np.ndarray
    """Over the training lines the budget counts (kept article lines for add, removed
    boilerplate lines for rescue)."""
    test_probabilities: np.ndarray
    """Over the held-out lines it acts on, in their order."""

    def flagged(self, budget: float) -> np.ndarray:
        threshold = threshold_for(self.train_probabilities, budget)
        result: np.ndarray = self.test_probabilities > threshold
        return result


def design(rows: Sequence[LabelledLine], width: int, vocabulary: list[str]) -> np.ndarray:
    """Features, evidence and one column per rule family of the vocabulary."""
    if not rows:
        return np.zeros((0, width + len(EVIDENCE_NAMES) + len(vocabulary)))
    base = np.array([[*row.features[:width], *row.evidence] for row in rows])
    rules = np.array([row.rule for row in rows])
    families = np.array(vocabulary, dtype=rules.dtype).reshape(1, -1)
    return np.hstack([base, (rules[:, None] == families).astype(float)])


def fit_use(
    train: list[LabelledLine],
    test: list[LabelledLine],
    target: Callable[[LabelledLine], bool],
    width: int,
    l2: float,
    min_family: int,
) -> Use:
    """Fit on ``train`` (the lines the use acts on) to tell ``target``; score ``test``."""
    families = Counter(row.rule for row in train if row.rule)
    vocabulary = sorted(family for family, n in families.items() if n >= min_family)
    x = design(train, width, vocabulary)
    y = np.array([float(target(row)) for row in train])
    coef, bias = fit_logistic(x, y, l2, standardise=True, steps=STEPS, tolerance=TOLERANCE)
    return Use(
        vocabulary,
        coef,
        bias,
        probability(x[y == 0], coef, bias),
        probability(design(test, width, vocabulary), coef, bias),
    )


@dataclass
class HalfUses:
    """A held-out half's lines and the two uses' models for it."""

    half: str
    kept: list[LabelledLine]
    removed: list[LabelledLine]
    add: Use
    rescue: Use

    def score(self, add_budget: float | None, rescue_budget: float | None) -> tuple[int, int]:
        """Boilerplate lines removed and article lines lost with the uses at these budgets
        (``None``: that use off)."""
        add = self.add.flagged(add_budget) if add_budget is not None else [False] * len(self.kept)
        rescue = (
            self.rescue.flagged(rescue_budget)
            if rescue_budget is not None
            else [False] * len(self.removed)
        )
        gone = [row for row, hit in zip(self.kept, add, strict=True) if hit]
        gone += [row for row, hit in zip(self.removed, rescue, strict=True) if not hit]
        return sum(row.boilerplate for row in gone), sum(not row.boilerplate for row in gone)


def prepare(
    by_half: dict[str, list[LabelledLine]],
    half: str,
    width: int,
    l2: float,
    min_family: int,
    *,
    in_sample: bool = False,
) -> HalfUses:
    """The two uses fitted on every half but ``half`` (or every half, ``in_sample``)."""
    train = [row for other, rows in by_half.items() if in_sample or other != half for row in rows]
    test = by_half[half]
    kept = [row for row in test if not row.rules_gone]
    removed = [row for row in test if row.rules_gone]
    add = fit_use(
        [row for row in train if not row.rules_gone],
        kept,
        lambda row: row.boilerplate,
        width,
        l2,
        min_family,
    )
    rescue = fit_use(
        [row for row in train if row.rules_gone],
        removed,
        lambda row: not row.boilerplate,
        width,
        l2,
        min_family,
    )
    return HalfUses(half, kept, removed, add, rescue)


CLEANERS = ("rules", "+add", "-rescue", "both")


def figures(
    halves: list[HalfUses], add_budget: float, rescue_budget: float
) -> list[tuple[str, int, int, list[tuple[int, int]]]]:
    """Per half: name, boilerplate and article lines, and (removed, lost) per cleaner."""
    rows = []
    for uses in halves:
        lines = uses.kept + uses.removed
        rows.append(
            (
                uses.half,
                sum(row.boilerplate for row in lines),
                sum(not row.boilerplate for row in lines),
                [
                    uses.score(None, None),
                    uses.score(add_budget, None),
                    uses.score(None, rescue_budget),
                    uses.score(add_budget, rescue_budget),
                ],
            )
        )
    return rows


def table(rows: list[tuple[str, int, int, list[tuple[int, int]]]]) -> list[str]:
    header = f"{'half':<6} {'bp':>4} {'keep':>5}" + "".join(
        f" | {name:>7} {'lost':>4}" for name in CLEANERS
    )
    out = [header, "-" * len(header)]
    for half, bp, keep, scores in rows:
        cells = "".join(f" | {share(removed, bp):>7} {lost:>4}" for removed, lost in scores)
        out.append(f"{half:<6} {bp:>4} {keep:>5}{cells}")
    out.append("-" * len(header))
    means = ""
    for index in range(len(CLEANERS)):
        removed_share = np.mean([s[index][0] / bp for _, bp, _, s in rows if bp])
        lost = np.mean([s[index][1] for *_, s in rows])
        means += f" | {100 * removed_share:6.1f}% {lost:4.1f}"
    out.append(f"{'mean':<6} {'':>4} {'':>5}{means}")
    return out


def verdict(rows: list[tuple[str, int, int, list[tuple[int, int]]]], index: int) -> str:
    """The change a cleaner makes against the rules, in lines, and the project's bar."""
    removed = sum(s[index][0] - s[0][0] for *_, s in rows)
    lost = sum(s[index][1] - s[0][1] for *_, s in rows)
    worse = sum(s[index][1] > s[0][1] for *_, s in rows)
    better = sum(s[index][1] < s[0][1] for *_, s in rows)
    if CLEANERS[index] == "-rescue":
        passes = lost < 0 and -removed < -lost
    else:
        passes = worse == 0 and removed > 0
    return (
        f"{CLEANERS[index]}: boilerplate {removed:+d} lines, article lines lost {lost:+d}"
        f" ({worse} halves lose more, {better} fewer): {'passes' if passes else 'fails'}"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--add-budget", type=float, default=0.0)
    parser.add_argument("--rescue-budget", type=float, default=0.002)
    parser.add_argument(
        "--neighbours", action="store_true", help="the previous and next line's features too"
    )
    parser.add_argument(
        "--min-family", type=int, default=20, help="training lines a rule family needs"
    )
    parser.add_argument(
        "--sweep", action="store_true", help="the verdicts at each budget of " + str(SWEEP)
    )
    parser.add_argument(
        "--in-sample",
        action="store_true",
        help="train on every half, the judged one included: the ceiling, to see what carries",
    )
    parser.add_argument("--l2", type=float, default=1.0, help="ridge penalty (default 1.0)")
    args = parser.parse_args(argv)
    width = len(FEATURE_NAMES) * (3 if args.neighbours else 1)
    by_half = {half: half_lines(half) for half in STUDY_HALVES}
    halves = [
        prepare(by_half, half, width, args.l2, args.min_family, in_sample=args.in_sample)
        for half in STUDY_HALVES
    ]
    rows = figures(halves, args.add_budget, args.rescue_budget)
    for line in table(rows):
        print(line)
    for index in range(1, len(CLEANERS)):
        print(verdict(rows, index))
    if args.sweep:
        for budget in SWEEP:
            swept = figures(halves, budget, budget)
            print(f"budget {budget:g}: {verdict(swept, 1)}; {verdict(swept, 2)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
