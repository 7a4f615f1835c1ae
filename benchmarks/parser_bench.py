"""Feed parser speed and tolerance: feedparser against fastfeedparser, on the same bytes.

    python benchmarks/parser_bench.py [--rounds 5] [--corpora ../shared/corpora]

Two sets of files from the shared corpora: the real-size feeds of miniflux's
testdata (``parser/*.xml``, with ``large_rss.xml`` and ``large_atom.xml``)
and every file of feedparser's tests and miniflux's testdata (2,000+ small
synthetic cases, many of them broken). Each parser gets each file's bytes as
received; the script prints entries per second for each and their ratio,
how often each fails or finds fewer entries than feedparser (tolerance), and
the raw limit measured in the same run (lxml parsing the same bytes). Then
the whole plugin, end to end (decoding, checks, sanitizing, plain text), with
its usual choice (fastfeedparser first) and with feedparser forced.

Optional candidates are measured when installed (``feedparser_rs``).
"""

from __future__ import annotations

import argparse
import contextlib
import importlib
import time
import warnings
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from lxml import etree

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CORPORA = ROOT.parent / "shared" / "corpora"
URI = "http://127.0.0.1/feed.xml"


@dataclass
class Result:
    name: str
    seconds: float = 0.0
    entries: int = 0
    failures: int = 0
    fewer: int = 0

    @property
    def rate(self) -> float:
        return self.entries / self.seconds if self.seconds else 0.0


def parsers() -> dict[str, Callable[[bytes], Any]]:
    import fastfeedparser
    import feedparser

    found: dict[str, Callable[[bytes], Any]] = {
        "feedparser": lambda data: feedparser.parse(data),
        "feedparser (as the plugin calls it)": lambda data: feedparser.parse(
            data,
            response_headers={"content-location": URI},
            sanitize_html=False,
            resolve_relative_uris=True,
        ),
        "fastfeedparser": lambda data: fastfeedparser.parse(data),
    }
    try:
        rs: Any = importlib.import_module("feedparser_rs")
    except ImportError:
        pass
    else:
        found["feedparser_rs (optional)"] = lambda data: rs.parse(data)
    return found


def entries_of(parse: Callable[[bytes], Any], data: bytes) -> int | None:
    try:
        return len(parse(data)["entries"])
    except Exception:  # a parser that gives up: counted as a failure
        return None


def measure(files: list[bytes], rounds: int) -> list[Result]:
    reference = [entries_of(parsers()["feedparser"], data) or 0 for data in files]
    results = []
    for name, parse in parsers().items():
        result = Result(name)
        started = time.perf_counter()
        for _ in range(rounds):
            for data, expected in zip(files, reference, strict=True):
                count = entries_of(parse, data)
                result.entries += count or 0
                if count is None:
                    result.failures += 1
                elif count < expected:
                    result.fewer += 1
        result.seconds = time.perf_counter() - started
        result.failures //= rounds
        result.fewer //= rounds
        results.append(result)
    return results


def lxml_limit(files: list[bytes], rounds: int) -> float:
    parser = etree.XMLParser(recover=True, resolve_entities=False, no_network=True, huge_tree=True)
    started = time.perf_counter()
    for _ in range(rounds):
        for data in files:
            with contextlib.suppress(etree.XMLSyntaxError):
                etree.fromstring(data, parser)
    return time.perf_counter() - started


def plugin(files: list[bytes], rounds: int, *, force_feedparser: bool) -> Result:
    from aggregator import Document, DocumentError, SkipDocument, SourceConfig
    from aggregator.plugins import feed_parser

    source = SourceConfig(name="bench", type="http", options={}, base_dir=Path("."))
    original = feed_parser._fast_unsuitable
    if force_feedparser:
        feed_parser._fast_unsuitable = lambda *args: "forced by the benchmark"  # type: ignore[assignment]
    result = Result("plugin, feedparser forced" if force_feedparser else "plugin, as configured")
    try:
        started = time.perf_counter()
        for _ in range(rounds):
            for data in files:
                doc = Document(
                    source="bench",
                    uri=URI,
                    content=data,
                    media_type="application/xml",
                    fetched_at=datetime.now(UTC),
                )
                try:
                    result.entries += len(feed_parser.parse_document(doc, source) or [])
                except (DocumentError, SkipDocument):
                    result.failures += 1
        result.seconds = time.perf_counter() - started
        result.failures //= rounds
    finally:
        feed_parser._fast_unsuitable = original  # type: ignore[method-assign]
    return result


def report(title: str, files: list[bytes], rounds: int) -> None:
    size = sum(map(len, files))
    print(f"\n{title}: {len(files)} files, {size / 1e6:.2f} MB, {rounds} round(s)")
    results = measure(files, rounds)
    limit = lxml_limit(files, rounds)
    print(f"  {'parser':40} {'entries/s':>11} {'seconds':>8} {'failed':>7} {'fewer':>6}")
    for result in results:
        print(
            f"  {result.name:40} {result.rate:11,.0f} {result.seconds:8.2f} "
            f"{result.failures:7d} {result.fewer:6d}"
        )
    by_name = {result.name: result for result in results}
    slow, fast = by_name["feedparser"], by_name["fastfeedparser"]
    if slow.rate:
        print(f"  ratio fastfeedparser / feedparser: {fast.rate / slow.rate:.1f}x")
    print(
        f"  raw limit, lxml parse of the same bytes: {size * rounds / limit / 1e6:.1f} MB/s "
        f"(feedparser takes {slow.seconds / limit:.0f}x that time, "
        f"fastfeedparser {fast.seconds / limit:.1f}x)"
    )
    for forced in (False, True):
        result = plugin(files, rounds, force_feedparser=forced)
        print(f"  {result.name:40} {result.rate:11,.0f} {result.seconds:8.2f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5, help="rounds over the real-size feeds")
    parser.add_argument("--corpora", type=Path, default=DEFAULT_CORPORA)
    args = parser.parse_args()
    warnings.simplefilter("ignore")
    miniflux = args.corpora / "miniflux-testdata"
    real = sorted((miniflux / "parser").glob("*.xml"))
    if not real:
        raise SystemExit(f"no corpora under {args.corpora}")
    every = sorted(
        path
        for root in (args.corpora / "feedparser-tests", miniflux)
        for path in root.rglob("*")
        if path.is_file() and path.name != "LICENSE"
    )
    report("real-size feeds (miniflux parser/)", [p.read_bytes() for p in real], args.rounds)
    large = [miniflux / "parser" / "large_rss.xml", miniflux / "parser" / "large_atom.xml"]
    report("large_rss.xml + large_atom.xml", [p.read_bytes() for p in large], args.rounds)
    report("every corpus file", [p.read_bytes() for p in every], 1)


if __name__ == "__main__":
    main()
