"""Record the clusterer's candidate pairs, and the evidence of each, on development halves.

    python scripts/story_pairs.py --half dev6 [--half dev8 ...] [--out pairs.json] [--details]

Runs the pipeline over a labelled half of tests/data/realworld as
tests/realworld_eval.py does for its story figures (relevance judging off), with the
clusterer's candidate search recorded: for every report, every earlier report the three
MinHash indexes, the index of lead amounts and that of rare name words offered (with the
bands or keys it shared in each),
whether the date filter passed it over, whether it was among the ``MAX_CANDIDATES``
verified, and for each verified pair the full evidence
(:func:`aggregator.toolkit.story_match.evidence`) with the verdict of the rules; and each
item's headline, the start of its cleaned body and its date (:func:`item_text`).
``--details`` prints each labelled pair the clusterer kept apart and each pair it joined
against the labels, with where it was lost.

The measuring halves (``test``, ``dev10``) are refused: they are measured once, by
tests/realworld_eval.py, and never trained or looked at here.
"""

from __future__ import annotations

import argparse
import itertools
import json
import sys
import tempfile
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from realworld_eval import DEVELOPMENT_HALVES, MEASURING_HALVES  # noqa: E402

REALWORLD = ROOT / "tests" / "data" / "realworld"
MEASURING = frozenset(MEASURING_HALVES)
DEVELOPMENT = DEVELOPMENT_HALVES


@dataclass
class Candidate:
    old: str
    text_bands: int
    term_bands: int
    name_bands: int
    amount_bands: int
    rare_name_keys: int
    """Rarest name words shared (:mod:`aggregator.toolkit.story_rare_names`)."""
    near: bool
    """Not passed over by the date filter."""
    verified: bool
    """Among the candidates verified."""
    evidence: dict[str, Any] | None = None
    rule_score: float = 0.0
    reason: str = ""


@dataclass
class Search:
    new: str
    order: int
    candidates: list[Candidate] = field(default_factory=list)
    joined: str | None = None


@contextmanager
def recording(searches: list[Search]) -> Iterator[None]:
    """Replace the clusterer's candidate search by one that does the same and records it."""
    import aggregator.plugins.cluster_stories as cs
    from aggregator.toolkit.story_match import evidence

    original = cs._best_match

    def best_match(
        index: cs.Index, report: cs.Report, placement: cs.Placement, settings: cs.Settings
    ) -> tuple[str | None, str]:
        per_index: list[Counter[int]] = [index.text.query(report.text_sig)]
        per_index.append(index.terms.query(placement.terms) if report.terms else Counter())
        per_index.append(index.names.query(placement.names) if placement.names else Counter())
        amounts = cs.stated_amounts(report.lead_figures)
        per_index.append(index.amounts.query(amounts, Counter()))
        asked = index.rare_names.keys(report.names, index.frequency, len(index.ordered))[0]
        per_index.append(index.rare_names.query(asked if placement.names else [], Counter()))
        story, reason = original(index, report, placement, settings)
        candidates = cs.candidates(index, report, placement)
        near_test = cs._near_test(report, index, settings)
        near = [
            o for o, bands in candidates.items() if bands >= cs.MIN_SHARED_BANDS and near_test(o)
        ]
        ranked = set(sorted(near, key=lambda o: -candidates[o])[: cs.MAX_CANDIDATES])
        search = Search(report.item_id, len(searches))
        new_sets = (report.term_set(), report.name_set())
        rare = cs.rare_measure(index, report, placement)
        for ordinal in candidates:
            old = index.ordered[ordinal]
            if old.item_id == report.item_id:
                continue
            found = Candidate(
                old.item_id,
                *(counts.get(ordinal, 0) for counts in per_index),
                near=ordinal in near,
                verified=ordinal in ranked,
            )
            if found.near:
                found.evidence = evidence(report, old, index.weight, new_sets, rare)._asdict()
                found.rule_score, found.reason = cs.similarity(
                    report, old, index, settings, new_sets, rare
                )
            search.candidates.append(found)
        search.joined = story and reason.removeprefix("joined ").split(":", 1)[0]
        searches.append(search)
        return story, reason

    cs._best_match = best_match
    try:
        yield
    finally:
        cs._best_match = original


def collect(half: str) -> dict[str, Any]:
    """Run one development half with the search recorded: its labels, each item's
    story and the searches, with item ids replaced by the half's file names."""
    if half in MEASURING:
        raise SystemExit(f"{half} is a measuring half: not read here")
    from realworld_eval import load_labels, run_half

    half_dir = REALWORLD / half
    labels = load_labels(half_dir)["articles"]
    searches: list[Search] = []
    with tempfile.TemporaryDirectory() as temp, recording(searches):
        items = run_half(half_dir, Path(temp), disable=("judge_relevance",))
    name_of = {item.id: name for name, item in items.items()}
    rows = []
    for search in searches:
        row = asdict(search)
        row["new"] = name_of.get(search.new, search.new)
        row["joined"] = search.joined and name_of.get(search.joined, search.joined)
        for candidate in row["candidates"]:
            candidate["old"] = name_of.get(candidate["old"], candidate["old"])
        rows.append(row)
    return {
        "half": half,
        "labels": {name: label["story"] for name, label in labels.items()},
        "kinds": {name: label["kind"] for name, label in labels.items()},
        "stories": {name: item.story_id for name, item in items.items()},
        "how": {name: item.extras.get("cluster") for name, item in items.items()},
        "searches": rows,
        "items": {name: item_text(item) for name, item in items.items()},
    }


LEAD_WORDS = 200
"""Words of each item's cleaned body kept in the records, for studies that read what the
reports say (scripts/story_embeddings.py reads the first 80)."""


def item_text(item: Any) -> dict[str, Any]:
    """An item's headline, the first :data:`LEAD_WORDS` words of its cleaned body and the
    date it gives (None for an undated item, whose date of record is when it was read)."""
    date = item.published or item.updated
    return {
        "title": item.title,
        "lead": " ".join(item.text.split()[:LEAD_WORDS]),
        "date": date.isoformat() if date else None,
    }


def pair_figures(record: dict[str, Any]) -> tuple[int, int, int]:
    """(labelled, predicted, correct) same-story pairs, as tests/realworld_eval.py counts."""
    labels, stories = record["labels"], record["stories"]
    labelled = predicted = correct = 0
    for a, b in itertools.combinations(sorted(labels), 2):
        same_label = labels[a] is not None and labels[a] == labels[b]
        got_a, got_b = stories.get(a), stories.get(b)
        same = got_a is not None and got_a == got_b
        labelled += same_label
        predicted += same
        correct += same_label and same
    return labelled, predicted, correct


MATCH_THRESHOLD = 0.35
"""The clusterer's default ``match_threshold`` (the shipped feeds.toml keeps it)."""
REJECTIONS = (
    ("dated", "dates too far apart"),
    ("different", "contradicting figures"),
    ("one outlet", "one outlet without shared wording"),
    ("no names", "no names or text in common"),
)


def where_lost(record: dict[str, Any], a: str, b: str) -> tuple[str, str]:
    """Why the pair of ``a`` and ``b`` (labelled one story) was not joined directly:
    a cause (one of a few) and its detail."""
    searched = [search for search in record["searches"] if search["new"] in (a, b)]
    if len(searched) < 2:
        how = [record["how"].get(a), record["how"].get(b)]
        return "not both searched (commentary or exact key)", str(how)
    search = searched[-1]
    other = b if search["new"] == a else a
    found = [c for c in search["candidates"] if c["old"] == other]
    if not found:
        return "never a candidate", ""
    candidate = found[0]
    bands = "bands text/terms/names/amounts/rare names {}/{}/{}/{}/{}".format(
        candidate["text_bands"],
        candidate["term_bands"],
        candidate["name_bands"],
        candidate.get("amount_bands", 0),  # none in records made before the amount index
        candidate.get("rare_name_keys", 0),
    )
    if not candidate["near"]:
        return "candidate passed over by date", bands
    if not candidate["verified"]:
        return "candidate not among those verified", bands
    detail = f"rules {candidate['rule_score']:.2f}: {candidate['reason']} ({bands})"
    for start, cause in REJECTIONS:
        if candidate["reason"].startswith(start):
            return f"rejected: {cause}", detail
    if candidate["rule_score"] < MATCH_THRESHOLD:
        return "rejected: evidence below the threshold", detail
    return "accepted, but another candidate scored higher", detail


def carried_by_containment(candidate: dict[str, Any]) -> bool:
    """Whether the rules joined the pair only thanks to the share of the shorter report's
    names the longer holds."""
    evidence = candidate["evidence"]
    direct = max(evidence["terms"], evidence["names"])
    best = max(direct, evidence["contained"])
    return bool(candidate["rule_score"] - best + direct < MATCH_THRESHOLD)


def report(record: dict[str, Any], details: bool) -> None:
    labelled, predicted, correct = pair_figures(record)
    precision = correct / predicted if predicted else 1.0
    recall = correct / labelled if labelled else 1.0
    print(
        f"== {record['half']}: pairs P {precision:.3f} R {recall:.3f}"
        f" ({correct} correct of {predicted} predicted, {labelled} labelled)"
    )
    labels, stories = record["labels"], record["stories"]
    causes: Counter[str] = Counter()
    lines = []
    for a, b in itertools.combinations(sorted(labels), 2):
        same_label = labels[a] is not None and labels[a] == labels[b]
        same = stories.get(a) is not None and stories.get(a) == stories.get(b)
        if same_label and not same:
            cause, detail = where_lost(record, a, b)
            causes[cause] += 1
            lines.append(f"  missed {a} + {b}: {cause}; {detail}")
    joins: Counter[str] = Counter()
    for search in record["searches"]:
        old = search["joined"]
        if not old:
            continue
        right = bool(labels.get(old)) and labels.get(old) == labels.get(search["new"])
        chosen = next(c for c in search["candidates"] if c["old"] == old)
        how = "by containment" if carried_by_containment(chosen) else "by shared names"
        joins[f"{'right' if right else 'false'} joins {how}"] += 1
        if not right:
            lines.append(
                f"  false join {search['new']} -> {old}: rules {chosen['rule_score']:.2f}"
                f" {chosen['reason']}"
            )
    for cause, count in sorted(causes.items()):
        print(f"  missed pairs, {cause}: {count}")
    for kind, count in sorted(joins.items()):
        print(f"  {kind}: {count}")
    if details:
        print("\n".join(lines))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--half", action="append", choices=DEVELOPMENT, required=True)
    parser.add_argument("--out", type=Path, help="write the records as JSON")
    parser.add_argument("--details", action="store_true")
    args = parser.parse_args(argv)
    records = [collect(half) for half in args.half]
    for record in records:
        report(record, args.details)
    if args.out:
        args.out.write_text(json.dumps(records, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
