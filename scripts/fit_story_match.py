"""Fit the story verification's decision with a logistic regression, and measure it
leave-one-half-out against the hand-set rules.

    python scripts/story_pairs.py --half dev ... --half dev11 --out pairs.json
    python scripts/fit_story_match.py pairs.json [--l2 1] [--min-rule 0] [--false-share 1]
        [--weights OUT.json]
    python scripts/fit_story_match.py pairs.json --rescue --l2 10 --min-rule 0.15 --margin 0.5
        --weights aggregator/toolkit/story_rescue.json      # the shipped second look

The records of scripts/story_pairs.py hold, for every report a development half
clustered, each candidate the clusterer verified with its full evidence
(:class:`aggregator.toolkit.story_match.Evidence`) and the rules' score. The
candidates and their evidence do not depend on the decisions taken (the index
holds every report, whatever story it joined), so a decision can be replayed
offline: each report in turn joins the story of its best-scoring verified
candidate at or above the threshold, as the clusterer does (:func:`replay`). The
replay of the rules reproduces the pipeline's story figures exactly; this script
checks that before it measures anything.

For each development half left out, a model is fitted on the verified candidate
pairs of the other halves (label: both reports in one labelled story; contradicting
figures stay a veto, as in the rules), and its threshold is the one that joins the
most right pairs on those halves while making no more false pairs than
``--false-share`` times the rules make on them. It is then replayed on the half
left out. ``--min-rule`` verifies with the model only the candidates the rules
score at least that high (the model then decides near the rules' threshold, not
over every pair). ``--weights`` writes the model fitted on every half given, with
its threshold chosen the same way, as JSON.

``--rescue`` fits the second look instead (:mod:`aggregator.toolkit.story_rescue`): the
rules decide, and where they refuse every candidate the model joins the one the rules
score highest among those from ``--min-rule`` whose log-odds reach its threshold. The
threshold is the one joining the most right pairs on the training halves while no half
gets a false pair more than the rules make there, plus ``--margin``.
"""

from __future__ import annotations

import argparse
import itertools
import json
import math
import sys
from collections.abc import Callable, Iterable
from datetime import date
from pathlib import Path
from typing import Any

import numpy as np
from logistic import fit_logistic

from aggregator.toolkit import story_rescue

Record = dict[str, Any]
Candidate = dict[str, Any]
Scorer = Callable[[Candidate], float | None]
"""A candidate's score, or None when it can never join."""
RULES_THRESHOLD = 0.35
"""The clusterer's default ``match_threshold``."""


def _bands(candidate: Candidate) -> int:
    indexed = candidate["text_bands"] + candidate["term_bands"] + candidate["name_bands"]
    return int(indexed + candidate.get("amount_bands", 0))


FEATURES: dict[str, Callable[[dict[str, Any], Candidate], float]] = {
    "terms": lambda e, c: e["terms"],
    "names": lambda e, c: e["names"],
    "held": lambda e, c: e["held"],
    "contained": lambda e, c: e["contained"],
    "headline": lambda e, c: e["title"],
    "text": lambda e, c: e["text"],
    "figures": lambda e, c: min(e["figures"], 3),
    "lead_figures": lambda e, c: min(e["lead_figures"], 3),
    "values": lambda e, c: min(e["values"], 4),
    "undated": lambda e, c: 0.0 if e["dated"] else 1.0,
    "gap": lambda e, c: e["gap"],
    "same_outlet": lambda e, c: float(e["same_outlet"]),
    "same_outlet_no_wording": lambda e, c: float(
        e["same_outlet"] and e["text"] < 0.2 and e["title"] < 0.5
    ),
    "digest": lambda e, c: float(e["digest"]),
    "listed": lambda e, c: float(e["listed"]),
    "log_shared_names": lambda e, c: math.log1p(e["shared_names"]),
    "log_shared_weight": lambda e, c: math.log1p(e["shared_weight"]),
    "rarest": lambda e, c: e["rarest"],
    "headline_names": lambda e, c: e["headline_names"],
    "name_ratio": lambda e, c: math.log((1 + e["more_names"]) / (1 + e["fewer_names"])),
    "log_more_names": lambda e, c: math.log1p(e["more_names"]),
    "best_overlap": lambda e, c: max(e["terms"], e["names"], e["contained"]),
    "log_bands": lambda e, c: math.log1p(_bands(c)),
    "rules": lambda e, c: c["rule_score"],
    "rare_held": lambda e, c: e.get("rare_held", 0.0),
    "rare_shared": lambda e, c: e.get("rare_shared", 0.0),
}
"""Each feature of a verified candidate pair, from its evidence and the candidate."""


def same_label(record: Record, first: str, second: str) -> bool:
    label = record["labels"].get(first)
    return label is not None and label == record["labels"].get(second)


def pair_counts(labels: dict[str, Any], stories: dict[str, str]) -> tuple[int, int, int]:
    """(labelled, predicted, correct) same-story pairs, as tests/realworld_eval.py counts."""
    labelled = predicted = correct = 0
    for a, b in itertools.combinations(sorted(labels), 2):
        labelled_same = labels[a] is not None and labels[a] == labels[b]
        same = stories.get(a) is not None and stories.get(a) == stories.get(b)
        labelled += labelled_same
        predicted += same
        correct += labelled_same and same
    return labelled, predicted, correct


def replay(record: Record, score: Scorer, threshold: float) -> tuple[int, int, int]:
    """The half's pair counts had the clusterer joined each report to the story of its
    best verified candidate scoring ``threshold`` or more (the later of equal scores,
    as the clusterer takes); a report never searched (commentary) keeps its own."""
    story = {name: name for name in record["labels"]}
    for search in record["searches"]:
        best, joined = threshold, None
        for candidate in search["candidates"]:
            if not candidate["verified"]:
                continue
            value = score(candidate)
            if value is not None and value >= best:
                best, joined = value, candidate["old"]
        story[search["new"]] = story[joined] if joined else search["new"]
    return pair_counts(record["labels"], story)


def rules(candidate: Candidate) -> float:
    return float(candidate["rule_score"])


def examples(
    records: Iterable[Record], names: list[str], min_rule: float, below: float = math.inf
) -> tuple[np.ndarray, np.ndarray]:
    """The feature rows and labels of the verified, unvetoed candidate pairs the rules
    score from ``min_rule`` up and under ``below``."""
    rows, labels = [], []
    for record in records:
        for search in record["searches"]:
            for candidate in search["candidates"]:
                evidence = candidate["evidence"]
                if not candidate["verified"] or evidence["conflict"]:
                    continue
                if not min_rule <= candidate["rule_score"] < below:
                    continue
                rows.append([FEATURES[name](evidence, candidate) for name in names])
                labels.append(same_label(record, search["new"], candidate["old"]))
    return np.array(rows, dtype=float).reshape(len(rows), len(names)), np.array(labels, float)


def fit(x: np.ndarray, y: np.ndarray, l2: float) -> tuple[np.ndarray, float]:
    """Logistic regression with an L2 penalty on the standardised weights (not the bias);
    the weights and bias returned apply to the raw features."""
    return fit_logistic(x, y, l2, standardise=True)


def scorer(names: list[str], coef: np.ndarray, bias: float, min_rule: float) -> Scorer:
    """The model's log-odds of a candidate: contradicting figures veto, as in the rules."""

    def score(candidate: Candidate) -> float | None:
        evidence = candidate["evidence"]
        if evidence["conflict"] or candidate["rule_score"] < min_rule:
            return None
        values = [FEATURES[name](evidence, candidate) for name in names]
        return float(np.dot(values, coef) + bias)

    return score


def choose_threshold(records: list[Record], score: Scorer, most_false: int) -> float:
    """The highest threshold joining the most right pairs on ``records`` with at most
    ``most_false`` false ones (the highest tried when none does)."""
    best: tuple[int, float] | None = None
    for threshold in np.arange(6.0, -4.0, -0.1).round(1).tolist():
        counts = [replay(record, score, threshold) for record in records]
        correct = sum(c for _, _, c in counts)
        false = sum(p - c for _, p, c in counts)
        if false <= most_false and (best is None or correct > best[0]):
            best = (correct, threshold)
    return 6.0 if best is None else best[1]


def fitted(
    records: list[Record], names: list[str], l2: float, min_rule: float, false_share: float
) -> tuple[Scorer, np.ndarray, float, float]:
    x, y = examples(records, names, min_rule)
    coef, bias = fit(x, y, l2)
    score = scorer(names, coef, bias, min_rule)
    rules_false = sum(p - c for _, p, c in (replay(r, rules, RULES_THRESHOLD) for r in records))
    threshold = choose_threshold(records, score, int(false_share * rules_false))
    return score, coef, bias, threshold


def figures(counts: tuple[int, int, int]) -> str:
    labelled, predicted, correct = counts
    precision = correct / predicted if predicted else 1.0
    recall = correct / labelled if labelled else 1.0
    return f"P {precision:.3f} R {recall:.3f} ({correct}/{predicted}, {predicted - correct} false)"


def leave_one_half_out(
    records: list[Record], names: list[str], l2: float, min_rule: float, false_share: float
) -> list[tuple[str, tuple[int, int, int], tuple[int, int, int]]]:
    """Per half: the model fitted on the others, and the rules, replayed on it."""
    rows = []
    for held in records:
        others = [record for record in records if record is not held]
        score, _, _, threshold = fitted(others, names, l2, min_rule, false_share)
        rows.append(
            (
                held["half"],
                replay(held, score, threshold),
                replay(held, rules, RULES_THRESHOLD),
            )
        )
    return rows


RESCUE_FEATURES = list(story_rescue.FEATURES)
"""The measures of the shipped second look (aggregator/toolkit/story_rescue.py)."""
RESCUE_GRID = np.arange(8.0, -2.01, -0.25).round(2).tolist()
"""Log-odds thresholds tried for the second look, highest first."""
JOINED = 10.0
"""What a joining candidate scores in the replay of the second look, plus the rules'
score (which ranks them, as in the clusterer): over any rules' score."""


def rescue_scorer(odds: dict[int, float], threshold: float, min_rule: float) -> Scorer:
    """The rules, and the model's second look at the candidates they refuse: a candidate
    joins when the rules' score reaches their threshold, or when it is ``min_rule`` or more
    and the model's log-odds (``odds``, by the candidate's id) reach ``threshold``; the
    joining candidates rank by the rules' score (:mod:`aggregator.toolkit.story_rescue`)."""

    def score(candidate: Candidate) -> float | None:
        rule = float(candidate["rule_score"])
        if rule >= RULES_THRESHOLD:
            return JOINED + rule
        value = odds.get(id(candidate))
        if rule >= min_rule and value is not None and value >= threshold:
            return JOINED + rule
        return None

    return score


def model_odds(
    records: Iterable[Record], names: list[str], coef: np.ndarray, bias: float, min_rule: float
) -> dict[int, float]:
    """The model's log-odds of every verified, unvetoed candidate the rules refuse from
    ``min_rule`` up, by the candidate's id."""
    odds = {}
    for record in records:
        for search in record["searches"]:
            for candidate in search["candidates"]:
                evidence = candidate["evidence"]
                rule = candidate["rule_score"]
                if not candidate["verified"] or evidence["conflict"]:
                    continue
                if min_rule <= rule < RULES_THRESHOLD:
                    values = [FEATURES[name](evidence, candidate) for name in names]
                    odds[id(candidate)] = float(np.dot(values, coef) + bias)
    return odds


def rescue_threshold(records: list[Record], odds: dict[int, float], min_rule: float) -> float:
    """The threshold of :data:`RESCUE_GRID` joining the most right pairs on ``records``
    while no half gets a false pair more than the rules make there (the highest of equal
    ones); the highest tried when none joins more than the rules."""
    rules_false = [p - c for _, p, c in (replay(r, rules, RULES_THRESHOLD) for r in records)]
    best: tuple[int, float] = (-1, RESCUE_GRID[0])
    for threshold in RESCUE_GRID:
        score = rescue_scorer(odds, threshold, min_rule)
        counts = [replay(record, score, JOINED) for record in records]
        if any(p - c > false for (_, p, c), false in zip(counts, rules_false, strict=True)):
            continue
        correct = sum(c for _, _, c in counts)
        if correct > best[0]:
            best = (correct, threshold)
    return best[1]


def fitted_rescue(
    records: list[Record], names: list[str], l2: float, min_rule: float, margin: float
) -> tuple[Scorer, np.ndarray, float, float]:
    """The second look fitted on ``records``: its scorer, weights, bias and threshold
    (the one chosen on them plus ``margin``)."""
    x, y = examples(records, names, min_rule)
    coef, bias = fit(x, y, l2)
    threshold = rescue_threshold(
        records, model_odds(records, names, coef, bias, min_rule), min_rule
    )
    threshold += margin
    return _odds_scorer(names, coef, bias, threshold, min_rule), coef, bias, threshold


def _odds_scorer(
    names: list[str], coef: np.ndarray, bias: float, threshold: float, min_rule: float
) -> Scorer:
    def score(candidate: Candidate) -> float | None:
        odds = model_odds([_one(candidate)], names, coef, bias, min_rule)
        return rescue_scorer(odds, threshold, min_rule)(candidate)

    return score


def _one(candidate: Candidate) -> Record:
    return {"searches": [{"candidates": [candidate]}]}


def rescue_leave_one_half_out(
    records: list[Record], names: list[str], l2: float, min_rule: float, margin: float
) -> list[tuple[str, tuple[int, int, int], tuple[int, int, int]]]:
    """Per half: the second look fitted on the others, and the rules, replayed on it."""
    rows = []
    for held in records:
        others = [record for record in records if record is not held]
        score, *_ = fitted_rescue(others, names, l2, min_rule, margin)
        rows.append(
            (held["half"], replay(held, score, JOINED), replay(held, rules, RULES_THRESHOLD))
        )
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("records", type=Path, help="JSON written by scripts/story_pairs.py")
    parser.add_argument(
        "--features",
        help="comma-separated (default: every one, or the second look's with --rescue)",
    )
    parser.add_argument("--l2", type=float, default=1.0)
    parser.add_argument("--min-rule", type=float, default=0.0)
    parser.add_argument("--false-share", type=float, default=1.0)
    parser.add_argument(
        "--rescue", action="store_true", help="fit the second look at refused candidates"
    )
    parser.add_argument("--margin", type=float, default=0.0, help="added to --rescue's threshold")
    parser.add_argument("--weights", type=Path, help="write the model fitted on every half")
    args = parser.parse_args(argv)
    records: list[Record] = json.loads(args.records.read_text(encoding="utf-8"))
    default = RESCUE_FEATURES if args.rescue else list(FEATURES)
    names = args.features.split(",") if args.features else default
    for record in records:
        if replay(record, rules, RULES_THRESHOLD) != pair_counts(
            record["labels"], record["stories"]
        ):
            print(f"{record['half']}: the replay of the rules differs from the run")
            return 1
    rows = (
        rescue_leave_one_half_out(records, names, args.l2, args.min_rule, args.margin)
        if args.rescue
        else leave_one_half_out(records, names, args.l2, args.min_rule, args.false_share)
    )
    totals = np.zeros((2, 3), dtype=int)
    precision, recall, rule_precision, rule_recall = [], [], [], []
    for half, model, rule in rows:
        print(f"{half:6} model {figures(model)}   rules {figures(rule)}")
        totals += np.array([model, rule])
        for counts, p, r in ((model, precision, recall), (rule, rule_precision, rule_recall)):
            p.append(counts[2] / counts[1] if counts[1] else 1.0)
            r.append(counts[2] / counts[0] if counts[0] else 1.0)
    print(
        f"mean   model P {np.mean(precision):.3f} R {np.mean(recall):.3f}"
        f"   rules P {np.mean(rule_precision):.3f} R {np.mean(rule_recall):.3f}"
    )
    model_total, rule_total = ((int(row[0]), int(row[1]), int(row[2])) for row in totals)
    print(f"pooled model {figures(model_total)}   rules {figures(rule_total)}")
    if args.weights:
        args.weights.write_text(
            json.dumps(weights_file(records, names, args), indent=2) + "\n", encoding="utf-8"
        )
    return 0


def weights_file(
    records: list[Record], names: list[str], args: argparse.Namespace
) -> dict[str, Any]:
    """The model fitted on every half given, with what it was fitted on."""
    if args.rescue:
        score, coef, bias, threshold = fitted_rescue(
            records, names, args.l2, args.min_rule, args.margin
        )
        joined = JOINED
    else:
        score, coef, bias, threshold = fitted(
            records, names, args.l2, args.min_rule, args.false_share
        )
        joined = threshold
    in_sample = {r["half"]: list(replay(r, score, joined)) for r in records}
    return {
        "fitted_on": {
            "halves": [record["half"] for record in records],
            "labelled_pairs": sum(v[0] for v in in_sample.values()),
            "examples": len(examples(records, names, args.min_rule)[1]),
            "settings": {
                "l2": args.l2,
                "min_rule": args.min_rule,
                "margin": args.margin if args.rescue else None,
                "rescue": args.rescue,
            },
            "date": date.today().isoformat(),
            "in_sample_pairs": in_sample,
        },
        "min_rule": args.min_rule,
        "threshold": threshold,
        "bias": bias,
        "weights": dict(zip(names, coef.tolist(), strict=True)),
    }


if __name__ == "__main__":
    sys.exit(main())
