#!/usr/bin/env python3
"""How well we read real article pages, against ground truth, on one of two sets.

``--set zyte`` (default, the test set): 181 real news and blog article pages with
their article text annotated by hand (https://github.com/scrapinghub/article-extraction-benchmark,
MIT; a copy is in ``benchmarks/data/article-extraction-benchmark``). ``--set wcxb``
(the development set): 150 article pages of WCXB's development split
(https://github.com/Murrough-Foley/web-content-extraction-benchmark, CC BY 4.0;
``benchmarks/data/wcxb-articles``). Change the extractor only on what the
development set shows; the test set measures. For every page:

* **ours, extractor alone**: ``parse_page`` → ``looks_like_listing`` →
  ``extract_page`` from :mod:`aggregator.toolkit.pages`, called as
  ``plugins/page_parser.py`` calls them (the page's bytes, its URL from the
  ground truth, no declared encoding). The text is scored whatever the
  plugin's gates (listing, fewer than ``MIN_WORDS`` words) would decide; the
  gates' verdicts are recorded as reasons.
* **ours, end to end**: a temporary project with one ``files`` source over
  the pages saved as ``<id>.html``, ``aggregator.pipeline.run_once``, then the
  stored items matched to pages by their ``uri``. Two configurations: the
  shipped ``[plugins]`` settings less ``judge_relevance`` and
  ``cluster_stories`` ("no judge") and the shipped settings unchanged
  ("shipped"; the India–Japan judge drops nearly every page, but dropped
  items are stored with their text, so both are scored). A page that gave
  no item scores precision undefined (left out of the mean, as upstream)
  and recall 0.
* **trafilatura** and **readability-lxml**, each if installed, called as the
  upstream benchmark's ``extractors/run_*.py`` call them.

Scoring is upstream's ``evaluate.py``: tokens are ``\\w+`` matches (case
kept), shingles are 4-grams of tokens counted as a multiset; per page
TP/FP/FN are normalised to sum 1; precision is the mean over pages with a
prediction, recall the mean over pages with a ground truth, and F1 the
harmonic mean of those two means (not a mean of per-page F1s, which is
printed too, as ``mean F1/page``).

Deterministic; no network. Install the peers with
``pip install trafilatura readability-lxml html-text`` (a missing one is skipped).

    python benchmarks/pages_bench.py                     # table, the test set
    python benchmarks/pages_bench.py --set wcxb          # the development set
    python benchmarks/pages_bench.py --details           # and every page's scores
    python benchmarks/pages_bench.py --json out.json     # every figure as JSON
"""

from __future__ import annotations

import argparse
import gzip
import importlib.metadata
import json
import re
import shutil
import statistics
import sys
import tempfile
import time
import tomllib
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"
SETS = {
    "zyte": (
        "Zyte article-extraction-benchmark (the test set)",
        DATA / "article-extraction-benchmark",
    ),
    "wcxb": ("WCXB article pages (the development set)", DATA / "wcxb-articles"),
}
"""``--set`` name → (description, directory). Study misses and change the extractor on
the development set only; the test set measures."""
DEFAULT_DATA = SETS["zyte"][1]
SHIPPED_CONFIG = ROOT / "feeds.toml"
NGRAM = 4
NOW = datetime(2026, 1, 1, tzinfo=UTC)
"""The runs' clock: fixed, so that two runs store the same items."""

# --------------------------------------------------------------------------- scoring

_TOKEN_RE = re.compile(r"\w+", re.UNICODE | re.MULTILINE | re.IGNORECASE | re.DOTALL)


def tokenize(text: str | None) -> list[str]:
    """Upstream's ``_tokenize``: every ``\\w+`` run, case kept."""
    return _TOKEN_RE.findall(text or "")


def shingles(text: str | None, n: int = NGRAM) -> Counter[tuple[str, ...]]:
    """Upstream's ``_ngrams``: n-grams of tokens; a text shorter than n is one shingle."""
    tokens = tokenize(text)
    return Counter(
        tuple(tokens[i : i + n]) for i in range(max(1, len(tokens) - n + 1)) if tokens[i : i + n]
    )


def tp_fp_fn(true: str | None, pred: str | None) -> tuple[float, float, float]:
    """Upstream's ``string_shingle_matching``: shingle TP/FP/FN, normalised to sum 1."""
    want, got = shingles(true), shingles(pred)
    tp = fp = fn = 0.0
    for key in want.keys() | got.keys():
        t, p = want.get(key, 0), got.get(key, 0)
        tp += min(t, p)
        fp += max(0, p - t)
        fn += max(0, t - p)
    total = tp + fp + fn
    return (tp / total, fp / total, fn / total) if total > 0 else (0.0, 0.0, 0.0)


def precision_score(tp: float, fp: float, fn: float) -> float:
    if fp == fn == 0:
        return 1.0
    if tp == fp == 0:
        return 0.0
    return tp / (tp + fp)


def recall_score(tp: float, fp: float, fn: float) -> float:
    if fp == fn == 0:
        return 1.0
    if tp == fn == 0:
        return 0.0
    return tp / (tp + fn)


def page_scores(true: str | None, pred: str | None) -> dict[str, float | None]:
    """One page: precision (None without a prediction), recall (None without a truth), F1."""
    counts = tp_fp_fn(true, pred)
    tp, fp, fn = counts
    precision = precision_score(*counts) if tp + fp > 0 else None
    recall = recall_score(*counts) if tp + fn > 0 else None
    p, r = precision or 0.0, recall or 0.0
    return {
        "precision": precision,
        "recall": recall,
        "f1": 2 * p * r / (p + r) if p + r > 0 else 0.0,
        "exact": float(tokenize(true) == tokenize(pred)),
    }


def aggregate(scores: Iterable[dict[str, float | None]]) -> dict[str, float]:
    """Upstream's ``metrics_from_tp_fp_fns`` (F1 of the mean precision and mean recall),
    plus the mean per-page F1 and upstream's ``accuracy`` (token lists equal)."""
    scores = list(scores)
    precisions = [s["precision"] for s in scores if s["precision"] is not None]
    recalls = [s["recall"] for s in scores if s["recall"] is not None]
    precision = statistics.mean(precisions) if precisions else 0.0
    recall = statistics.mean(recalls) if recalls else 0.0
    return {
        "precision": precision,
        "recall": recall,
        "f1": 2 * precision * recall / (precision + recall) if precision + recall else 0.0,
        "mean_page_f1": statistics.mean(s["f1"] or 0.0 for s in scores) if scores else 0.0,
        "accuracy": statistics.mean(s["exact"] or 0.0 for s in scores) if scores else 0.0,
    }


# --------------------------------------------------------------------------- data


@dataclass
class Case:
    id: str
    url: str
    truth: str
    html: bytes


def load_cases(data_dir: Path, limit: int | None = None) -> list[Case]:
    """The pages in id order: ``html/<id>.html.gz`` with ``ground-truth.json``'s text and URL."""
    truth = json.loads((data_dir / "ground-truth.json").read_text(encoding="utf-8"))
    cases = []
    for key in sorted(truth)[:limit]:
        path = data_dir / "html" / f"{key}.html.gz"
        cases.append(
            Case(
                key,
                truth[key].get("url") or "",
                truth[key].get("articleBody") or "",
                gzip.decompress(path.read_bytes()),
            )
        )
    return cases


# --------------------------------------------------------------------------- ours


def page_parser_min_words() -> int:
    from aggregator.plugins.page_parser import MIN_WORDS

    return MIN_WORDS


def ours_alone(case: Case) -> dict[str, Any]:
    """The extractor as ``plugins/page_parser.py`` calls it; the gates' verdicts beside the text."""
    from aggregator.toolkit.pages.extraction import count_words, extract_page
    from aggregator.toolkit.pages.listings import looks_like_listing
    from aggregator.toolkit.pages.parsing import parse_page

    page = parse_page(case.html, case.url, encoding=None)
    listing = looks_like_listing(page, case.url)
    article = extract_page(page, case.url)
    # words as the plugin counts them for MIN_WORDS (Chinese and Japanese by characters)
    return {"text": article.text, "listing": listing, "words": count_words(article.text)}


def _project_config(pages_dir: Path, workdir: Path, disable: tuple[str, ...]) -> dict[str, Any]:
    shipped = tomllib.loads(SHIPPED_CONFIG.read_text(encoding="utf-8"))
    plugins = {key: value for key, value in shipped["plugins"].items() if key not in disable}
    plugins["disable"] = [*plugins.get("disable", []), *disable]
    return {
        "feed": {**shipped["feed"], "output_dir": str(workdir / "public")},
        "store": {"path": str(workdir / "state.db")},
        "sources": [{"name": "pages", "type": "files", "paths": [f"{pages_dir.name}/*.html"]}],
        "plugins": plugins,
    }


def ours_end_to_end(
    cases: list[Case], disable: tuple[str, ...], keep: Path | None = None
) -> dict[str, Any]:
    """One run of a temporary project over the pages; the stored items by page id."""
    from aggregator.app import load_app
    from aggregator.pipeline import run_once
    from aggregator.store import Store
    from aggregator.toolkit.toml_writer import dump_toml

    workdir = Path(tempfile.mkdtemp(prefix="pages-bench-"))
    try:
        pages = workdir / "pages"
        pages.mkdir()
        for case in cases:
            (pages / f"{case.id}.html").write_bytes(case.html)
        config_path = workdir / "feeds.toml"
        config_path.write_text(
            dump_toml(_project_config(pages, workdir, disable)), encoding="utf-8"
        )
        started = time.perf_counter()
        report = run_once(load_app(config_path, entry_points=False), now=NOW, publish=False)
        seconds = time.perf_counter() - started
        store = Store.open(workdir / "state.db")
        try:
            items = list(store.iter_items())
        finally:
            store.close()
        by_id: dict[str, Any] = {}
        for item in items:
            key = Path(item.uri).name.removesuffix(".html")
            by_id.setdefault(key, item)
        notes: dict[str, str] = {}
        for line in [*report.skipped, *(problem.line() for problem in report.errors)]:
            for case in cases:
                if case.id in line:
                    notes.setdefault(case.id, line)
        return {
            "items": by_id,
            "notes": notes,
            "seconds": seconds,
            "report": report.to_dict(),
            "kept": sum(1 for item in items if not item.dropped),
        }
    finally:
        if keep is not None:
            shutil.copytree(workdir, keep, dirs_exist_ok=True)
        shutil.rmtree(workdir, ignore_errors=True)


# --------------------------------------------------------------------------- peers


def _version(dist: str) -> str:
    try:
        return importlib.metadata.version(dist)
    except importlib.metadata.PackageNotFoundError:
        return "?"


def peers() -> dict[str, tuple[str, Callable[[Case], str]] | str]:
    """name → (version, extract) for each installed peer, else the reason it is missing."""
    found: dict[str, tuple[str, Callable[[Case], str]] | str] = {}
    try:
        import trafilatura

        def run_trafilatura(case: Case) -> str:
            # as upstream's extractors/run_trafilatura.py: the decoded page, comments left out
            return trafilatura.extract(case.html.decode("utf-8"), include_comments=False) or ""

        found["trafilatura"] = (_version("trafilatura"), run_trafilatura)
    except ImportError:
        found["trafilatura"] = "not installed (pip install trafilatura)"
    try:
        from readability import Document as ReadabilityDocument

        try:
            from html_text import extract_text as summary_text
        except ImportError:  # upstream uses html-text; the closest without it
            from aggregator.toolkit.pages.extraction import html_text as summary_text

        def run_readability(case: Case) -> str:
            # as upstream's extractors/run_readability.py
            document = ReadabilityDocument(case.html.decode("utf-8"))
            return summary_text(document.summary(html_partial=True)) or ""

        found["readability-lxml"] = (_version("readability-lxml"), run_readability)
    except ImportError:
        found["readability-lxml"] = "not installed (pip install readability-lxml html-text)"
    return found


# --------------------------------------------------------------------------- report


@dataclass
class Tool:
    name: str
    version: str
    texts: dict[str, str | None]
    seconds: float
    scores: dict[str, dict[str, float | None]] = field(default_factory=dict)
    items: int | None = None
    """Pages that became an item (end to end only)."""
    kept: int | None = None

    def score(self, cases: list[Case]) -> dict[str, float]:
        self.scores = {case.id: page_scores(case.truth, self.texts.get(case.id)) for case in cases}
        return aggregate(self.scores.values())


def _words(text: str | None) -> int:
    return len(tokenize(text))


def reason(
    case: Case,
    alone: dict[str, Any],
    e2e_item: Any,
    note: str | None,
    scores: dict[str, float | None],
    min_words: int,
) -> str:
    """One line on why ours scores low on this page."""
    truth_words = _words(case.truth)
    if e2e_item is None:
        if note and "listing page" in note:
            return "no item: refused as a listing (page_parser: looks_like_listing)"
        if note:
            return f"no item: {note}"
        if alone["listing"]:
            return "no item: refused as a listing (looks_like_listing)"
        if alone["words"] < min_words:
            return f"no item: extractor text {alone['words']} words < MIN_WORDS {min_words}"
        return "no item (no reason recorded)"
    ours_words = _words(e2e_item.text)
    precision, recall = scores["precision"] or 0.0, scores["recall"] or 0.0
    if recall < 0.5 and ours_words < truth_words / 2:
        what = f"missed most of the article ({ours_words} of {truth_words} words)"
    elif precision < 0.5 and ours_words > truth_words * 1.5:
        what = f"much extra text ({ours_words} words, truth {truth_words})"
    elif recall < precision:
        what = f"missed part of the article ({ours_words} of {truth_words} words)"
    else:
        what = f"extra text ({ours_words} words, truth {truth_words})"
    return f"{what}; P {precision:.2f} R {recall:.2f}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--set",
        choices=sorted(SETS),
        default="zyte",
        help="zyte: the 181 pages of the test set (default); wcxb: 150 pages to develop on",
    )
    parser.add_argument(
        "--data",
        type=Path,
        help="directory with html/*.html.gz and ground-truth.json (instead of --set's)",
    )
    parser.add_argument("--limit", type=int, help="only the first N pages (by id)")
    parser.add_argument("--json", type=Path, help="write every figure and page score here")
    parser.add_argument("--details", action="store_true", help="print every page's scores")
    parser.add_argument("--worst", type=int, default=10, help="worst pages listed for ours")
    parser.add_argument(
        "--no-shipped",
        action="store_true",
        help="skip the end-to-end run with the shipped settings (judge on)",
    )
    parser.add_argument("--no-peers", action="store_true", help="skip trafilatura, readability")
    parser.add_argument("--keep", type=Path, help="copy the no-judge project here")
    args = parser.parse_args(argv)
    set_name, set_dir = SETS[args.set]
    if args.data is None:
        args.data = set_dir
    else:
        set_name = str(args.data)

    if not (args.data / "ground-truth.json").is_file():
        print(
            f"{args.data}: no ground-truth.json. Clone "
            "https://github.com/scrapinghub/article-extraction-benchmark and pass its "
            "directory with --data.",
            file=sys.stderr,
        )
        return 2
    cases = load_cases(args.data, args.limit)
    min_words = page_parser_min_words()
    tools: list[Tool] = []

    started = time.perf_counter()
    alone = {case.id: ours_alone(case) for case in cases}
    tools.append(
        Tool(
            "ours, extractor alone",
            _version("aggregator-feeds"),
            {k: v["text"] for k, v in alone.items()},
            time.perf_counter() - started,
        )
    )

    configs = [("ours, end to end, no judge", ("judge_relevance", "cluster_stories"))]
    if not args.no_shipped:
        configs.append(("ours, end to end, shipped", ()))
    e2e_runs: dict[str, dict[str, Any]] = {}
    for name, disable in configs:
        run = ours_end_to_end(cases, disable, args.keep if disable else None)
        e2e_runs[name] = run
        tool = Tool(
            name,
            _version("aggregator-feeds"),
            {key: item.text for key, item in run["items"].items()},
            run["seconds"],
        )
        tool.items = sum(1 for case in cases if case.id in run["items"])
        tool.kept = run["kept"]
        tools.append(tool)

    missing: dict[str, str] = {}
    if not args.no_peers:
        for name, found in peers().items():
            if isinstance(found, str):
                missing[name] = found
                continue
            version, extract = found
            started = time.perf_counter()
            texts = {case.id: extract(case) for case in cases}
            tools.append(Tool(name, version, texts, time.perf_counter() - started))

    results = {tool.name: tool.score(cases) for tool in tools}

    print(f"{set_name}: {len(cases)} pages, {args.data}")
    print(f"scoring: {NGRAM}-word shingles, upstream evaluate.py (F1 of mean P and mean R)\n")
    header = (
        f"{'':<28} {'version':<9} {'items':>7} {'F1':>6} {'P':>6} {'R':>6} "
        f"{'F1/page':>7} {'exact':>6} {'s':>6}"
    )
    print(header)
    for tool in tools:
        m = results[tool.name]
        items = f"{tool.items}" if tool.items is not None else "-"
        print(
            f"{tool.name:<28} {tool.version:<9} {items:>7} {m['f1']:>6.3f} "
            f"{m['precision']:>6.3f} {m['recall']:>6.3f} {m['mean_page_f1']:>7.3f} "
            f"{m['accuracy']:>6.3f} {tool.seconds:>6.1f}"
        )
    for name, why in missing.items():
        print(f"{name:<28} skipped: {why}")
    listing = sorted(k for k, v in alone.items() if v["listing"])
    short = sorted(k for k, v in alone.items() if v["words"] < min_words)
    print(
        f"\nextractor alone: {len(listing)} pages looks_like_listing() refuses, "
        f"{len(short)} under MIN_WORDS ({min_words}) words"
    )
    for name, run in e2e_runs.items():
        print(
            f"{name}: {len(run['items'])} of {len(cases)} pages became an item, "
            f"{run['kept']} kept by the judge"
        )

    main_e2e = "ours, end to end, no judge"
    e2e_tool = next(tool for tool in tools if tool.name == main_e2e)
    run = e2e_runs[main_e2e]
    reasons = {
        case.id: reason(
            case,
            alone[case.id],
            run["items"].get(case.id),
            run["notes"].get(case.id),
            e2e_tool.scores[case.id],
            min_words,
        )
        for case in cases
    }
    worst = sorted(cases, key=lambda c: (e2e_tool.scores[c.id]["f1"] or 0.0, c.id))[: args.worst]
    print(f"\nworst {len(worst)} pages for {main_e2e} (F1 per page; alone = extractor alone):")
    for case in worst:
        f1 = e2e_tool.scores[case.id]["f1"] or 0.0
        f1_alone = tools[0].scores[case.id]["f1"] or 0.0
        print(f"  {case.id[:12]} F1 {f1:.2f} alone {f1_alone:.2f}  {case.url[:60]}")
        print(f"      {reasons[case.id]}")

    with_item = [case for case in cases if case.id in run["items"]]
    worst_items = sorted(with_item, key=lambda c: (e2e_tool.scores[c.id]["f1"] or 0.0, c.id))
    print(f"\nworst {args.worst} of the pages that became an item:")
    for case in worst_items[: args.worst]:
        f1 = e2e_tool.scores[case.id]["f1"] or 0.0
        print(f"  {case.id[:12]} F1 {f1:.2f}  {case.url[:60]}")
        print(f"      {reasons[case.id]}")
    causes = Counter(
        "became an item"
        if case.id in run["items"]
        else "refused as a listing"
        if "listing" in reasons[case.id]
        else f"under MIN_WORDS ({min_words})"
        if "MIN_WORDS" in reasons[case.id]
        else "no item, other"
        for case in cases
    )
    print("\npages by outcome: " + ", ".join(f"{n} {what}" for what, n in causes.most_common()))

    if args.details:
        names = [tool.name for tool in tools]
        print("\nper page F1: " + " | ".join(names))
        for case in cases:
            row = " ".join(f"{tool.scores[case.id]['f1'] or 0.0:.2f}" for tool in tools)
            print(f"  {case.id[:12]} {row}  {case.url[:70]}")

    if args.json:
        data = {
            "set": args.set,
            "data": str(args.data),
            "page_count": len(cases),
            "scoring": f"upstream evaluate.py, {NGRAM}-word shingles",
            "min_words": min_words,
            "tools": {
                tool.name: {
                    "version": tool.version,
                    "seconds": round(tool.seconds, 3),
                    "pages_with_item": tool.items,
                    "kept": tool.kept,
                    **results[tool.name],
                }
                for tool in tools
            },
            "skipped_tools": missing,
            "listing_refused": listing,
            "under_min_words": short,
            "pages": {
                case.id: {
                    "url": case.url,
                    "truth_words": _words(case.truth),
                    "alone_words": alone[case.id]["words"],
                    "alone_listing": alone[case.id]["listing"],
                    "reason": reasons[case.id],
                    "scores": {tool.name: tool.scores[case.id] for tool in tools},
                }
                for case in cases
            },
        }
        args.json.write_text(json.dumps(data, indent=1, sort_keys=True), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
