"""Judge the development halves' items again without running the whole pipeline.

The items of a development half (tests/data/realworld/<half>) or of the curation corpus
(tests/data/curation), cleaned by the shipped pipeline with the relevance judge
disabled, are cached as JSON under ``.cache/relevance/``; the judge then reads them
with the current plugin and settings, which takes seconds instead of a pipeline run.
Only development halves are accepted: the measuring halves (``test``, ``dev10``) are
never read.

    python scripts/relevance_halves.py [--refresh] [--details] [--rescue-model] [HALF ...]
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from realworld_eval import DEVELOPMENT_HALVES, MEASURING_HALVES  # noqa: E402

REALWORLD = ROOT / "tests" / "data" / "realworld"
CURATION = ROOT / "tests" / "data" / "curation"
CACHE = ROOT / ".cache" / "relevance"
DEVELOPMENT = DEVELOPMENT_HALVES
CORPORA = (*DEVELOPMENT, "curation")
FORBIDDEN = MEASURING_HALVES


@dataclass
class Case:
    """One labelled item as the judge sees it."""

    half: str
    name: str
    title: str
    text: str
    summary: str
    dropped: str | None
    """Why another stage dropped the item before judging, if one did."""
    relevant: bool
    removed: list[str] = field(default_factory=list)
    """Lines the cleaning removed: the judge reads a letterhead among them for the side
    that issues the document (``aggregator.toolkit.lead_dealings.issuer_side``)."""


def corpus_dir(half: str) -> Path:
    if half in FORBIDDEN or half not in CORPORA:
        raise SystemExit(f"{half}: not a development half")
    return CURATION if half == "curation" else REALWORLD / half


def _run(half: str) -> list[Case]:
    from realworld_eval import READ_AT

    from curation_eval import run_with_shipped_settings

    root = corpus_dir(half)
    labels = json.loads((root / "labels.json").read_text(encoding="utf-8"))["articles"]
    sources: list[dict[str, Any]] = [
        {"name": shape.name, "type": "files", "paths": [str(shape / "*.txt")]}
        for shape in sorted(path for path in root.iterdir() if path.is_dir())
    ]
    with tempfile.TemporaryDirectory() as temp:
        items = run_with_shipped_settings(
            sources,
            Path(temp),
            disable=("judge_relevance",),
            now=None if half == "curation" else READ_AT,
        )
    by_name = {str(Path(item.uri).relative_to(root)): item for item in items}
    cases = []
    for name, label in sorted(labels.items()):
        item = by_name.get(name)
        cases.append(
            Case(
                half,
                name,
                item.title if item else "",
                item.text if item else "",
                item.summary if item else "",
                item.dropped if item else "not processed",
                bool(label["relevant"]),
                [removal.text for removal in item.removed] if item else [],
            )
        )
    return cases


def cases(half: str, *, refresh: bool = False) -> list[Case]:
    """The half's labelled items, from the cache unless ``refresh``."""
    path = CACHE / f"{half}.json"
    corpus_dir(half)
    if refresh or not path.is_file():
        found = _run(half)
        CACHE.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps([case.__dict__ for case in found]), encoding="utf-8")
        return found
    return [Case(**row) for row in json.loads(path.read_text(encoding="utf-8"))]


def load_config(overrides: dict[str, Any] | None = None, config_path: Path | None = None) -> Any:
    """The judge's configuration: the shipped feeds.toml's table, with ``overrides``."""
    from aggregator.app import load_app
    from aggregator.testing import dump_toml

    shipped = tomllib.loads((config_path or ROOT / "feeds.toml").read_text(encoding="utf-8"))
    table = dict(shipped["plugins"]["judge_relevance"])
    table.update(overrides or {})
    temp = Path(tempfile.mkdtemp())
    config = {
        "feed": {**shipped["feed"], "output_dir": str(temp / "public")},
        "store": {"path": str(temp / "state.db")},
        "sources": [],
        "plugins": {"judge_relevance": table},
    }
    (temp / "feeds.toml").write_text(dump_toml(config), encoding="utf-8")
    return load_app(temp / "feeds.toml", entry_points=False).config


def judged(found: list[Case], config: Any) -> Iterator[tuple[Case, bool, Any]]:
    """Each case with whether the pipeline keeps it and the judge's verdict."""
    from aggregator.models import Item, Removal
    from aggregator.plugins import judge_relevance

    for case in found:
        item = Item(
            id=case.name,
            source=case.half,
            uri=case.name,
            title=case.title,
            text=case.text,
            summary=case.summary,
            removed=[Removal(text, "cached") for text in case.removed],
        )
        if case.dropped is not None:
            yield case, False, None
            continue
        reason = judge_relevance.aggregator_judge_item(item=item, config=config)
        yield case, reason is None, item.relevance


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("halves", nargs="*", default=list(CORPORA))
    parser.add_argument("--refresh", action="store_true", help="run the pipeline again")
    parser.add_argument("--details", action="store_true", help="list every mistake")
    parser.add_argument("--reasons", action="store_true", help="with the judge's reasons")
    parser.add_argument(
        "--rescue-model", action="store_true", help="judge with rescue_model = true"
    )
    args = parser.parse_args(argv)
    config = load_config({"rescue_model": True} if args.rescue_model else None)
    totals = [0, 0, 0, 0]
    for half in args.halves:
        counts = [0, 0, 0, 0]  # tp fp fn tn
        mistakes = []
        for case, kept, relevance in judged(cases(half, refresh=args.refresh), config):
            slot = (0 if kept else 2) if case.relevant else (1 if kept else 3)
            counts[slot] += 1
            if slot in (1, 2):
                score = relevance.score if relevance else case.dropped
                mistakes.append((case, "let through" if kept else "missed", score, relevance))
        totals = [a + b for a, b in zip(totals, counts, strict=True)]
        tp, fp, fn, tn = counts
        print(
            f"{half:<9} precision {tp / max(1, tp + fp):.3f} recall {tp / max(1, tp + fn):.3f}"
            f"  (tp {tp}, fp {fp}, fn {fn}, tn {tn})"
        )
        if args.details:
            for case, what, score, relevance in mistakes:
                print(f"    {what} {case.name} score {score} | {case.title[:80]}")
                if args.reasons and relevance is not None:
                    for reason in relevance.reasons:
                        print(f"        {reason}")
    tp, fp, fn, tn = totals
    print(
        f"{'all':<9} precision {tp / max(1, tp + fp):.3f} recall {tp / max(1, tp + fn):.3f}"
        f"  (tp {tp}, fp {fp}, fn {fn}, tn {tn})"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
