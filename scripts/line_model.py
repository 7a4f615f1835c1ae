"""Does a learned line classifier carry to a development half it never saw? (a study)

For each development half H, a logistic regression over simple line features (text and
place only, no outlet names) is trained on the labelled lines of every other development
half (boilerplate = 1, article "keep" line = 0) and judged on H's labelled lines only.
Its threshold is chosen on the training halves so that it flags at most ``--keep-budget``
of their article lines. Three cleaners are compared on H:

- rules: the shipped pipeline, scored as tests/realworld_eval.py scores it;
- model: a labelled line goes when the model's probability is above the threshold;
- rules + model: a line goes when the rules removed it or the model flags it (a union
  per labelled line; the pipeline itself is not changed).

Measuring halves (test, dev10) and the unread halves (realworld_eval.UNREAD_HALVES) are never
read. Run:

    python scripts/line_model.py [--halves dev dev2 ...] [--keep-budget 0.01]
"""

from __future__ import annotations

import argparse
import math
import re
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))
sys.path.insert(0, str(ROOT / "tests"))

from line_evidence import SourceCounts, evidence, rule_family  # noqa: E402
from logistic import fit_logistic  # noqa: E402
from realworld_eval import (  # noqa: E402
    DEVELOPMENT_HALVES,
    REALWORLD,
    boilerplate_left,
    flat,
    keep_lost,
    load_labels,
    run_half,
)

STUDY_HALVES = DEVELOPMENT_HALVES
"""The development halves: realworld_eval leaves out the measuring halves and the unread one."""

FEATURE_NAMES = (
    "log_chars",
    "log_words",
    "capital_share",
    "digit_share",
    "punctuation_share",
    "ends_with_stop",
    "share_from_top",
    "share_from_bottom",
    "log_lines_from_top",
    "log_lines_from_bottom",
    "repeats_in_document",
    "title_case_share",
    "all_capitals",
    "has_link_or_address",
    "has_separator",
    "starts_with_bullet",
    "has_copyright",
    "short_line",
    "starts_lower",
    "non_ascii_symbol_share",
)
STOPS = (".", "!", "?", '"', "'", "”", "’", ")", ":")
LINK = re.compile(r"https?://|www\.|@\w|\w@\w|\.(?:com|org|in|jp|gov)\b", re.IGNORECASE)
SEPARATOR = re.compile(r"\s[|·•/»›>]\s|\s[-–—]\s.*\s[-–—]\s")
BULLET = re.compile(r"^\s*(?:[-*•▪►▸→✦☰#]|\d{1,2}[.)]\s)")
COPYRIGHT = re.compile(r"©|\(c\)|copyright|all rights reserved", re.IGNORECASE)


def line_features(lines: list[str], index: int) -> list[float]:
    """The features of ``lines[index]`` among the non-empty, stripped lines of its document."""
    line = lines[index]
    letters = [c for c in line if c.isalpha()]
    words = [word for word in line.split() if any(c.isalnum() for c in word)]
    count = len(lines)
    chars = max(len(line), 1)
    capitalised = [w for w in words if w[:1].isupper()]
    symbols = [c for c in line if ord(c) > 127 and not c.isalnum() and not c.isspace()]
    return [
        math.log1p(len(line)),
        math.log1p(len(words)),
        sum(c.isupper() for c in letters) / max(len(letters), 1),
        sum(c.isdigit() for c in line) / chars,
        sum(not c.isalnum() and not c.isspace() for c in line) / chars,
        float(line.rstrip().endswith(STOPS)),
        index / max(count - 1, 1),
        (count - 1 - index) / max(count - 1, 1),
        math.log1p(index),
        math.log1p(count - 1 - index),
        float(lines.count(line) > 1),
        len(capitalised) / max(len(words), 1),
        float(bool(letters) and all(c.isupper() for c in letters) and len(letters) > 1),
        float(bool(LINK.search(line))),
        float(bool(SEPARATOR.search(line))),
        float(bool(BULLET.match(line))),
        float(bool(COPYRIGHT.search(line))),
        float(len(words) < 5),
        float(line[:1].islower()),
        len(symbols) / chars,
    ]


def with_neighbours(lines: list[str], index: int) -> list[float]:
    """The line's own features, then its previous and next line's (zeros past either end)."""
    blank = [0.0] * len(FEATURE_NAMES)
    before = line_features(lines, index - 1) if index > 0 else blank
    after = line_features(lines, index + 1) if index + 1 < len(lines) else blank
    return [*line_features(lines, index), *before, *after]


@dataclass
class LabelledLine:
    """One labelled line of a half: its features with its neighbours' (``with_neighbours``),
    whether it is boilerplate, whether the shipped rules removed it (boilerplate) or lost
    it (article line), the evidence beyond the line (``line_evidence.evidence``) and the
    family of the rule that removed it ("" when none did)."""

    features: list[float]
    boilerplate: bool
    rules_gone: bool
    evidence: list[float] = field(default_factory=list)
    rule: str = ""


def document_lines(path: Path) -> list[str]:
    from aggregator.toolkit.text import decode_text

    return [row.strip() for row in decode_text(path.read_bytes()).splitlines() if row.strip()]


def removing_rule(line: str, removals: dict[str, str]) -> str | None:
    """The rule that removed the line: its own removal, else one whose text holds it (as
    realworld_eval names the rule for a lost line)."""
    wanted = flat(line)
    if wanted in removals:
        return removals[wanted]
    return next((rule for text, rule in removals.items() if wanted in text), None)


def half_lines(half: str) -> list[LabelledLine]:
    """Every labelled line of a half, with what the shipped pipeline did to it."""

    half_dir = REALWORLD / half
    labels: dict[str, Any] = load_labels(half_dir)["articles"]
    with tempfile.TemporaryDirectory() as temp:
        items = run_half(half_dir, Path(temp))
    texts = {name: document_lines(half_dir / name) for name in labels}
    sources = {
        source: SourceCounts(texts[name] for name in labels if Path(name).parent.name == source)
        for source in {Path(name).parent.name for name in labels}
    }
    rows: list[LabelledLine] = []
    for name, label in sorted(labels.items()):
        path = half_dir / name
        lines = texts[name]
        item = items.get(name)
        raw = path.read_bytes().decode(label["encoding"], errors="replace").splitlines()
        lost = set(keep_lost(label, raw, item)) if item is not None else set(label["keep"])
        removals = {flat(r.text): r.rule for r in item.removed} if item is not None else {}
        stored = {flat(row) for row in item.text.split("\n")} if item is not None else set()
        removed = [
            item is None or flat(line) in removals or flat(line) not in stored for line in lines
        ]
        gone_by_line: dict[int, bool] = {}
        labelled_rows: list[tuple[int, bool]] = []
        for kind, wanted in (("boilerplate", True), ("keep", False)):
            for labelled in label[kind]:
                stripped = labelled.strip()
                if stripped not in lines:
                    continue
                if wanted:
                    gone = item is not None and not boilerplate_left(labelled, item)
                else:
                    gone = labelled in lost
                index = lines.index(stripped)
                gone_by_line[index] = gone
                labelled_rows.append((index, wanted))
        for index, gone in gone_by_line.items():
            removed[index] = gone
        for index, wanted in labelled_rows:
            gone = removed[index]
            rule = rule_family(removing_rule(lines[index], removals)) if gone else ""
            rows.append(
                LabelledLine(
                    with_neighbours(lines, index),
                    wanted,
                    gone,
                    evidence(lines, index, sources[Path(name).parent.name], removed),
                    rule or ("unnamed" if gone else ""),
                )
            )
    return rows


def threshold_for(probabilities: np.ndarray, keep_budget: float) -> float:
    """The lowest threshold that flags at most ``keep_budget`` of these article lines."""
    ranked = np.sort(probabilities)[::-1]
    allowed = math.floor(keep_budget * len(ranked))
    return float(ranked[allowed]) if allowed < len(ranked) else 0.0


def probability(x: np.ndarray, coef: np.ndarray, bias: float) -> np.ndarray:
    result: np.ndarray = 1.0 / (1.0 + np.exp(-(x @ coef + bias)))
    return result


@dataclass
class HalfResult:
    half: str
    boilerplate: int
    keep: int
    rules_removed: int
    rules_lost: int
    model_removed: int
    model_lost: int
    both_removed: int
    both_lost: int


def study(
    by_half: dict[str, list[LabelledLine]],
    half: str,
    keep_budget: float,
    l2: float,
    *,
    in_sample: bool = False,
    neighbours: bool = False,
) -> HalfResult:
    """Train on every half but ``half`` (or on every half, ``in_sample``), judge on ``half``."""
    train = [row for other, rows in by_half.items() if in_sample or other != half for row in rows]
    width = len(FEATURE_NAMES) * (3 if neighbours else 1)
    x = np.array([row.features[:width] for row in train])
    y = np.array([float(row.boilerplate) for row in train])
    coef, bias = fit_logistic(x, y, l2, standardise=True)
    threshold = threshold_for(probability(x[y == 0], coef, bias), keep_budget)
    test = by_half[half]
    flagged = probability(np.array([row.features[:width] for row in test]), coef, bias) > threshold
    bp = [(row, bool(hit)) for row, hit in zip(test, flagged, strict=True) if row.boilerplate]
    keep = [(row, bool(hit)) for row, hit in zip(test, flagged, strict=True) if not row.boilerplate]
    return HalfResult(
        half=half,
        boilerplate=len(bp),
        keep=len(keep),
        rules_removed=sum(row.rules_gone for row, _ in bp),
        rules_lost=sum(row.rules_gone for row, _ in keep),
        model_removed=sum(hit for _, hit in bp),
        model_lost=sum(hit for _, hit in keep),
        both_removed=sum(row.rules_gone or hit for row, hit in bp),
        both_lost=sum(row.rules_gone or hit for row, hit in keep),
    )


def share(part: int, whole: int) -> str:
    return f"{100 * part / whole:5.1f}%" if whole else "  n/a"


def table(results: list[HalfResult]) -> list[str]:
    header = (
        f"{'half':<6} {'bp':>4} {'keep':>5} | {'rules':>6} {'lost':>4} | {'model':>6} {'lost':>4}"
        f" | {'r+m':>6} {'lost':>4}"
    )
    rows = [header, "-" * len(header)]
    for r in results:
        rows.append(
            f"{r.half:<6} {r.boilerplate:>4} {r.keep:>5} |"
            f" {share(r.rules_removed, r.boilerplate)} {r.rules_lost:>4} |"
            f" {share(r.model_removed, r.boilerplate)} {r.model_lost:>4} |"
            f" {share(r.both_removed, r.boilerplate)} {r.both_lost:>4}"
        )
    count = len(results)

    def mean_share(pick: str) -> str:
        values = [getattr(r, pick) / r.boilerplate for r in results if r.boilerplate]
        return f"{100 * sum(values) / len(values):5.1f}%" if values else "  n/a"

    def mean_lost(pick: str) -> str:
        return f"{sum(getattr(r, pick) for r in results) / count:4.1f}"

    rows.append("-" * len(header))
    rows.append(
        f"{'mean':<6} {'':>4} {'':>5} | {mean_share('rules_removed')} {mean_lost('rules_lost')} |"
        f" {mean_share('model_removed')} {mean_lost('model_lost')} |"
        f" {mean_share('both_removed')} {mean_lost('both_lost')}"
    )
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog=(
            "Columns: bp / keep = labelled boilerplate / article lines of the held-out half;"
            " rules, model, r+m = share of its boilerplate removed; lost = its article lines"
            " lost. Each half's model never saw that half."
        ),
    )
    parser.add_argument(
        "--halves",
        nargs="+",
        choices=STUDY_HALVES,
        default=list(STUDY_HALVES),
        metavar="HALF",
        help="held-out halves to report (training always uses every other development half)",
    )
    parser.add_argument(
        "--keep-budget",
        type=float,
        default=0.01,
        help="share of the training halves' article lines the model may flag (default 0.01)",
    )
    parser.add_argument(
        "--in-sample",
        action="store_true",
        help="train on every half, the judged one included: the ceiling a held-out half is"
        " compared with, to see how much of the fit carries",
    )
    parser.add_argument(
        "--neighbours",
        action="store_true",
        help="add the previous and next line's features to each line's own",
    )
    parser.add_argument("--l2", type=float, default=1.0, help="ridge penalty (default 1.0)")
    args = parser.parse_args(argv)
    by_half = {half: half_lines(half) for half in STUDY_HALVES}
    results = [
        study(
            by_half,
            half,
            args.keep_budget,
            args.l2,
            in_sample=args.in_sample,
            neighbours=args.neighbours,
        )
        for half in args.halves
    ]
    for row in table(results):
        print(row)
    return 0


if __name__ == "__main__":
    sys.exit(main())
