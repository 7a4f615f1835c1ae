"""Many feeds over HTTP: our run against the `reader` library on the same loopback feeds.

    python benchmarks/feeds_bench.py [--feeds 1000] [--entries 20] [--mode both]

F distinct RSS 2.0 feeds of E entries each are generated deterministically
from the synthetic corpus of benchmarks/corpus.py (titles, links, guids,
dates, HTML descriptions; duplicate reports spread over several feeds; a
share of entries carry India–Japan text so curation keeps some). They are
served from ThreadingHTTPServers on the loopback addresses 127.0.0.1 to
127.0.0.H (H = --hosts, 8 by default: the feeds of a real reader live on
many hosts, and our per-host politeness limit counts hosts), with ETag,
Last-Modified and 304 Not Modified. Nothing leaves the machine.

Each of these runs is a fresh process, timed from outside (wall time
includes interpreter start-up and imports), with its CPU seconds (user and
system, its own and its worker processes': on a machine other jobs share,
steadier than wall time) and its own peak RSS (VmHWM, reported at exit):

  ours, feed sources   feeds.toml with one `feed` source per feed (what
                       `aggregator import-opml` writes), the shipped
                       [plugins] tables and [http] allow_private = true;
                       `python -m aggregator run --once --json -q`
  ours, opml source    the same with one `opml` source listing the F feeds
  ours, curation off   the feed sources with the curation plugins in
                       [plugins] disable (clean_boilerplate, tag_topics,
                       tag_entities, judge_relevance, cluster_stories):
                       the work `reader` does (fetch, parse, sanitize,
                       store), plus publishing
  reader (the peer)    make_reader(temp db), add_feed for each URL,
                       update_feeds_iter(workers=W, scheduled=False)
  raw HTTP             requests GETs of every URL in W threads, no parsing:
                       the floor for fetching

a first run (every feed new: 200 with a body), then no-change reruns (every
feed should answer 304, which the server's counters confirm). A rerun takes
about a second, so a slow moment of the machine can double it: each is run
--reruns times (3) and the median one is compared and printed, with all
their times.
It prints feeds/s and entries/s for each, our throughput over the peer's
(target ≥ 2×), our stage seconds, and the parser comparison on the same
generated files: entries/s of the parser the feed_parser plugin chooses
(fastfeedparser for well-formed feeds) against feedparser's (which `reader`
uses), with the measurement of benchmarks/parser_bench.py.

With the default plugins our runs do more than the peer's: they clean, tag,
judge, cluster and publish; `reader` only parses, sanitizes and stores
entries. The curation-off run is the like-for-like comparison.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import sys
import tempfile
import threading
import time
import warnings
from collections import Counter
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime, parsedate_to_datetime
from hashlib import sha1
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape, quoteattr

sys.path.insert(0, str(Path(__file__).resolve().parent))

from e2e_bench import (
    STAGES,
    Measured,
    byte_compile_project,
    mark,
    measure_python,
    revision,
    write_config,
)

TARGET_RATIO = 2.0
CURATION_PLUGINS = [
    "clean_boilerplate",
    "tag_topics",
    "tag_entities",
    "judge_relevance",
    "cluster_stories",
]
"""What our curation-off run disables: what is left is the work `reader` does."""
SEED = 11
LEADS = (
    "India and Japan agreed to deepen bilateral cooperation, officials of both countries said"
    " after talks in New Delhi.",
    "Japanese and Indian ministers signed a memorandum to expand the partnership between the"
    " two countries, the Ministry of External Affairs said.",
    "Prime Minister Narendra Modi and Japanese Prime Minister Sanae Takaichi welcomed the"
    " joint project in a phone call on Tuesday.",
    "JICA and the Government of India signed the loan agreement in Tokyo, strengthening the"
    " ties between India and Japan.",
)
HEADLINES = (
    "India, Japan deepen ties with {word} deal",
    "Japan to fund {word} project in India",
    "India and Japan sign pact on {word}",
)


# feeds ------------------------------------------------------------------------------


@dataclass
class Feed:
    number: int
    host: int
    body: bytes
    etag: str
    modified: datetime
    url: str = ""

    @property
    def path(self) -> str:
        return f"/feeds/{self.number:05}.xml"

    @property
    def last_modified(self) -> str:
        return format_datetime(self.modified, usegmt=True)


def _entry(feed: int, index: int, text: str, relevant: bool, rng: random.Random) -> str:
    headline, dateline, *body = [line for line in text.split("\n\n") if line.strip()]
    day = datetime.strptime(dateline.strip(), "%B %d, %Y").replace(tzinfo=UTC)
    published = day + timedelta(hours=6, minutes=(feed * 7 + index) % 600)
    if relevant and rng.random() < 0.5:
        headline = rng.choice(HEADLINES).format(word=headline.split()[0].lower())
        body = [rng.choice(LEADS), *body]
    slug = "-".join(headline.lower().split()[:6]).replace(",", "")
    link = f"https://outlet{feed:05}.example.com/{day:%Y/%m/%d}/{slug}-{index}.html"
    description = "".join(f"<p>{escape(paragraph.strip())}</p>" for paragraph in body)
    return (
        f"<item><title>{escape(headline)}</title><link>{escape(link)}</link>"
        f'<guid isPermaLink="false">bench-{feed:05}-{index:07}</guid>'
        f"<pubDate>{format_datetime(published)}</pubDate>"
        f"<description>{escape(description)}</description></item>"
    )


def build_feeds(count: int, entries: int, hosts: int) -> list[Feed]:
    """``count`` RSS 2.0 feeds; report i of the corpus goes to feed i % count."""
    from corpus import generate

    rng = random.Random(SEED)
    per_feed: list[list[str]] = [[] for _ in range(count)]
    for index, report in enumerate(generate(count * entries, seed=SEED)):
        feed = index % count
        per_feed[feed].append(_entry(feed, index, report.text, report.relevant, rng))
    feeds = []
    for number, items in enumerate(per_feed):
        dates = [parsedate_to_datetime(item.split("<pubDate>")[1].split("<")[0]) for item in items]
        newest = max(dates)
        order = sorted(range(len(items)), key=lambda i: dates[i], reverse=True)
        channel = (
            '<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0"><channel>'
            f"<title>Bench Outlet {number:05}</title>"
            f"<link>https://outlet{number:05}.example.com/</link>"
            f"<description>Synthetic feed {number} of the feeds benchmark</description>"
            f"<language>en</language><lastBuildDate>{format_datetime(newest)}</lastBuildDate>"
            + "".join(items[i] for i in order)
            + "</channel></rss>\n"
        )
        body = channel.encode("utf-8")
        etag = '"' + sha1(body).hexdigest()[:20] + '"'
        feeds.append(Feed(number, number % hosts, body, etag, newest))
    return feeds


def opml(feeds: list[Feed]) -> str:
    outlines = "".join(
        f'<outline type="rss" text="Bench Outlet {feed.number:05}"'
        f" title={quoteattr(f'Bench Outlet {feed.number:05}')} xmlUrl={quoteattr(feed.url)}/>"
        for feed in feeds
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n<opml version="2.0"><head>'
        f"<title>feeds benchmark</title></head><body>{outlines}</body></opml>\n"
    )


# server -----------------------------------------------------------------------------


class Counters:
    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.status: Counter[int] = Counter()
        self.conditional = 0
        self.bytes = 0

    def reset(self) -> None:
        with self.lock:
            self.status.clear()
            self.conditional = 0
            self.bytes = 0

    def snapshot(self) -> dict[str, Any]:
        with self.lock:
            return {
                "status": dict(self.status),
                "conditional": self.conditional,
                "bytes": self.bytes,
            }


class Server(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 256


@contextmanager
def serve(feeds: list[Feed], hosts: int) -> Iterator[Counters]:
    """Serve every feed on its loopback host; set each feed's URL; yield the counters."""
    counters = Counters()
    routes = {(feed.host, feed.path): feed for feed in feeds}

    def handler_for(host: int) -> type[BaseHTTPRequestHandler]:
        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"
            disable_nagle_algorithm = True
            """Headers and body go out in two writes; with Nagle's algorithm on, the body
            waits for the client's delayed ACK of the headers (40 ms on Linux) on a
            good share of requests, and the benchmark would time that stall, not the
            clients."""

            def log_message(self, format: str, *args: object) -> None:
                pass

            def do_HEAD(self) -> None:
                self.answer(body=False)

            def do_GET(self) -> None:
                self.answer(body=True)

            def answer(self, *, body: bool) -> None:
                feed = routes.get((host, self.path.split("?", 1)[0]))
                status, payload = self.decide(feed)
                self.send_response(status)
                if feed is not None:
                    self.send_header("ETag", feed.etag)
                    self.send_header("Last-Modified", feed.last_modified)
                if status == 200:
                    self.send_header("Content-Type", "application/rss+xml; charset=utf-8")
                self.send_header("Content-Length", str(len(payload)))
                self.end_headers()
                if body and payload:
                    self.wfile.write(payload)
                with counters.lock:
                    counters.status[status] += 1
                    counters.bytes += len(payload) if body else 0

            def decide(self, feed: Feed | None) -> tuple[int, bytes]:
                if feed is None:
                    return 404, b"not here"
                match = self.headers.get("If-None-Match")
                since = self.headers.get("If-Modified-Since")
                if match or since:
                    with counters.lock:
                        counters.conditional += 1
                if match is not None:
                    tags = [tag.strip() for tag in match.split(",")]
                    return (304, b"") if feed.etag in tags or "*" in tags else (200, feed.body)
                if since:
                    try:
                        if parsedate_to_datetime(since) >= feed.modified:
                            return 304, b""
                    except (TypeError, ValueError):
                        pass
                return 200, feed.body

        return Handler

    servers = [Server((f"127.0.0.{host + 1}", 0), handler_for(host)) for host in range(hosts)]
    threads = [threading.Thread(target=s.serve_forever, daemon=True) for s in servers]
    for thread in threads:
        thread.start()
    for feed in feeds:
        address, port = servers[feed.host].server_address[:2]
        feed.url = f"http://{address}:{port}{feed.path}"
    try:
        yield counters
    finally:
        for server in servers:
            server.shutdown()
            server.server_close()


# child processes: the peer and the raw HTTP floor -----------------------------------


def peer_child(db: Path, urls_file: Path, workers: int) -> dict[str, Any]:
    """One `reader` update of every feed; adds the feeds first when the db is new."""
    import reader

    urls = urls_file.read_text().split()
    started = time.perf_counter()
    new_db = not db.exists()
    peer = reader.make_reader(str(db))
    if new_db:
        for url in urls:
            peer.add_feed(url)
    added = time.perf_counter()
    counts: Counter[str] = Counter()
    errors: list[str] = []
    for result in peer.update_feeds_iter(workers=workers, scheduled=False):
        if result.error is not None:
            counts["errors"] += 1
            errors.append(f"{result.url}: {result.error}")
        elif result.updated_feed is None:
            counts["not_modified"] += 1
        else:
            counts["updated"] += 1
            counts["new_entries"] += result.updated_feed.new
            counts["modified_entries"] += result.updated_feed.modified
    updated = time.perf_counter()
    total = peer.get_entry_counts().total
    peer.close()
    return {
        "version": reader.__version__,
        "add_seconds": added - started,
        "update_seconds": updated - added,
        "entries_stored": total,
        **counts,
        "errors_sample": errors[:3],
    }


def raw_child(urls_file: Path, workers: int, conditional: bool) -> dict[str, Any]:
    """GET every URL (conditionally, with its ETag, the second time); no parsing."""
    import requests

    urls = urls_file.read_text().split()
    local = threading.local()
    tags: dict[str, str] = {}

    def get(url: str, headers: dict[str, str]) -> tuple[int, str, int]:
        session = getattr(local, "session", None)
        if session is None:
            session = local.session = requests.Session()
        response = session.get(url, headers=headers, timeout=30)
        return response.status_code, response.headers.get("ETag", ""), len(response.content)

    started = time.perf_counter()
    with ThreadPoolExecutor(workers) as pool:
        first = list(pool.map(lambda url: get(url, {}), urls))
    middle = time.perf_counter()
    tags = {url: etag for url, (_, etag, _) in zip(urls, first, strict=True)}
    again: list[tuple[int, str, int]] = []
    if conditional:
        with ThreadPoolExecutor(workers) as pool:
            again = list(pool.map(lambda url: get(url, {"If-None-Match": tags[url]}), urls))
    finished = time.perf_counter()
    return {
        "first_seconds": middle - started,
        "rerun_seconds": finished - middle,
        "first_status": dict(Counter(status for status, _, _ in first)),
        "rerun_status": dict(Counter(status for status, _, _ in again)),
    }


def child_args(*args: str) -> list[str]:
    return [str(Path(__file__).resolve()), *args]


# runs -------------------------------------------------------------------------------


@dataclass
class Phase:
    who: str
    run: str
    process: Measured
    server: dict[str, Any]
    report: dict[str, Any]
    repeats: list[float] = field(default_factory=list)
    """Seconds of every repeat of this run, when it was repeated (reruns); the phase
    itself is the median one."""

    @property
    def seconds(self) -> float:
        return self.process.seconds


def median_phase(phases: list[Phase]) -> Phase:
    """The repeat with the median time (the lower middle one of an even count), with the
    times of all of them: a no-change rerun takes about a second, so one slow moment of
    the machine would otherwise decide its ratio."""
    ordered = sorted(phases, key=lambda phase: phase.seconds)
    chosen = ordered[(len(ordered) - 1) // 2]
    chosen.repeats = [phase.seconds for phase in phases]
    return chosen


def ours(
    label: str,
    project: Path,
    sources: list[dict[str, Any]],
    workers: int,
    counters: Counters,
    timeout: float,
    reruns: int,
    disable: list[str] | None = None,
) -> list[Phase]:
    project.mkdir(parents=True, exist_ok=True)
    tables: dict[str, Any] = {"http": {"allow_private": True, "max_workers": workers}}
    if disable:
        tables["plugins"] = {"disable": disable}
    config = write_config(project, sources, **tables)
    command = ["-m", "aggregator", "run", "--once", "--json", "-q"]
    phases = []
    for run in ("first", *["rerun"] * reruns):
        counters.reset()
        measured = measure_python([*command, "-c", str(config)], project, timeout)
        phases.append(Phase(label, run, measured, counters.snapshot(), measured.report()))
        print(f"  {label}, {run}: {measured.seconds:.2f} s", file=sys.stderr, flush=True)
    return [phases[0], median_phase(phases[1:])]


def peer(
    project: Path, urls_file: Path, workers: int, counters: Counters, timeout: float, reruns: int
) -> list[Phase]:
    db = project / "reader.sqlite"
    phases = []
    for run in ("first", *["rerun"] * reruns):
        counters.reset()
        command = child_args("--peer-child", str(db), str(urls_file), "--workers", str(workers))
        measured = measure_python(command, project, timeout)
        if measured.code:
            raise RuntimeError(f"the peer failed:\n{measured.stderr[-3000:]}")
        result = json.loads(measured.stdout)
        label = f"reader {result['version']}"
        phases.append(Phase(label, run, measured, counters.snapshot(), result))
        print(f"  {label}, {run}: {measured.seconds:.2f} s", file=sys.stderr, flush=True)
    return [phases[0], median_phase(phases[1:])]


def raw(project: Path, urls_file: Path, workers: int, counters: Counters, timeout: float) -> Any:
    counters.reset()
    command = child_args("--raw-child", str(urls_file), "--workers", str(workers))
    measured = measure_python(command, project, timeout)
    if measured.code:
        raise RuntimeError(f"the raw HTTP client failed:\n{measured.stderr[-3000:]}")
    return json.loads(measured.stdout), measured


# parser comparison ------------------------------------------------------------------


def parser_comparison(feeds: list[Feed], sample: int, rounds: int) -> None:
    import parser_bench

    from aggregator.plugins import feed_parser

    files = [feed.body for feed in (feeds[:sample] if sample else feeds)]
    warnings.simplefilter("ignore")
    fast = sum(feed_parser._fast_unsuitable(data.decode(), data) is None for data in files)
    size = sum(map(len, files))
    print(
        f"\nparsers on the same generated feeds: {len(files)} files, {size / 1e6:.2f} MB,"
        f" {rounds} round(s), measured by benchmarks/parser_bench.py"
    )
    print(
        f"  the feed_parser plugin chooses fastfeedparser for {fast} of {len(files)} files"
        " (well-formed XML); `reader` uses feedparser"
    )
    results = parser_bench.measure(files, rounds)
    limit = parser_bench.lxml_limit(files, rounds)
    print(f"  {'parser':40} {'entries/s':>11} {'seconds':>8} {'failed':>7} {'fewer':>6}")
    for result in results:
        print(
            f"  {result.name:40} {result.rate:11,.0f} {result.seconds:8.2f}"
            f" {result.failures:7d} {result.fewer:6d}"
        )
    by_name = {result.name: result for result in results}
    slow, quick = by_name["feedparser"], by_name["fastfeedparser"]
    if slow.rate:
        print(f"  fastfeedparser / feedparser: {quick.rate / slow.rate:.1f}x")
    for forced in (False, True):
        result = parser_bench.plugin(files, rounds, force_feedparser=forced)
        print(f"  {result.name:40} {result.rate:11,.0f} {result.seconds:8.2f}")
    print(f"  raw limit, lxml parse of the same bytes: {size * rounds / limit / 1e6:.1f} MB/s")


# printing ---------------------------------------------------------------------------


def statuses(server: dict[str, Any]) -> str:
    return " ".join(f"{code}×{count}" for code, count in sorted(server["status"].items())) or "-"


def print_runs(phases: list[Phase], feeds: int, entries: int, raw_result: Any) -> None:
    print(
        "\nfetch and update, each in a fresh process (wall time includes interpreter start-up"
        " and imports)"
    )
    print(
        f"  {'who':34} {'run':>5} {'seconds':>8} {'CPU s':>6} {'feeds/s':>8} {'entries/s':>9}"
        f" {'peak RSS MB':>11}  server answers"
    )
    for phase in phases:
        check = ""
        if phase.run == "rerun":
            all_304 = phase.server["status"] == {304: feeds}
            check = f"  all 304 {mark(all_304)}"
        entries_rate = f"{feeds * entries / phase.seconds:,.0f}" if phase.run == "first" else "-"
        print(
            f"  {phase.who:34} {phase.run:>5} {phase.seconds:8.2f} {phase.process.cpu_seconds:6.2f}"
            f" {feeds / phase.seconds:8,.0f} {entries_rate:>9} {phase.process.rss_mb:11.1f}"
            f"  {statuses(phase.server)}{check}"
        )
        if len(phase.repeats) > 1:
            times = ", ".join(f"{seconds:.2f}" for seconds in phase.repeats)
            print(f"  {'':34} {'':>5} median of {len(phase.repeats)} runs: {times} s")
    if raw_result is not None:
        result, measured = raw_result
        for run in ("first", "rerun"):
            seconds = result[f"{run}_seconds"]
            answers = " ".join(f"{c}×{n}" for c, n in sorted(result[f"{run}_status"].items()))
            print(
                f"  {'raw HTTP GET, no parsing (floor)':34} {run:>5} {seconds:8.2f} {'':>6}"
                f" {feeds / seconds:8,.0f} {'':>9} {measured.rss_mb:11.1f}  {answers}"
                "  (in-process time)"
            )
    ours_phases = [phase for phase in phases if phase.who.startswith("ours")]
    peer_phases = {phase.run: phase for phase in phases if phase.who.startswith("reader")}
    for phase in ours_phases:
        report = phase.report
        if phase.run == "first":
            print(
                f"  {phase.who}: {report['items']} items, {report['kept']} kept,"
                f" {sum(report['dropped'].values())} dropped, {report['stories_new']} stories,"
                f" {len(report['errors'])} errors"
            )
    for run, phase in peer_phases.items():
        report = phase.report
        print(
            f"  {phase.who} {run}: {report.get('updated', 0)} feeds updated,"
            f" {report.get('not_modified', 0)} not modified, {report.get('errors', 0)} errors,"
            f" {report.get('new_entries', 0)} new entries, {report['entries_stored']} stored"
            f" (add_feed {report['add_seconds']:.2f} s, update {report['update_seconds']:.2f} s)"
        )
        for line in report.get("errors_sample", []):
            print(f"    {line}")

    print(
        "\nour stages (s, from the run's JSON report; fetch = the time the run waited on"
        " the network, as the next feeds are fetched while the current ones are curated)"
    )
    header = "".join(f" {stage:>8}" for stage in STAGES)
    print(f"  {'who':34} {'run':>5}{header} {'run s':>7} {'start-up':>8}")
    for phase in ours_phases:
        stages = phase.report["stage_seconds"]
        cells = "".join(f" {stages.get(stage, 0.0):8.2f}" for stage in STAGES)
        startup = phase.seconds - phase.report["seconds"]
        print(
            f"  {phase.who:34} {phase.run:>5}{cells} {phase.report['seconds']:7.2f} {startup:8.2f}"
        )

    if not peer_phases:
        return
    print(f"\nours ÷ peer, feeds/s (target ≥ {TARGET_RATIO:.0f}×)")
    for phase in ours_phases:
        other = peer_phases[phase.run]
        ratio = other.seconds / phase.seconds
        print(
            f"  {phase.who:34} {phase.run:>5} {ratio:6.2f}× {mark(ratio >= TARGET_RATIO)}"
            f"   ({feeds / phase.seconds:,.0f} vs {feeds / other.seconds:,.0f} feeds/s)"
        )


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__.split("\n\n")[0],
        epilog=__doc__.split("\n\n", 2)[2],
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--feeds", type=int, default=1000, help="F, feeds to serve (1000)")
    parser.add_argument("--entries", type=int, default=20, help="E, entries per feed (20)")
    parser.add_argument(
        "--mode",
        choices=("both", "feed", "opml"),
        default="both",
        help="our configuration: F feed sources, one opml source, or both (default)",
    )
    parser.add_argument(
        "--hosts", type=int, default=8, help="loopback addresses to spread the feeds over (8)"
    )
    parser.add_argument(
        "--workers",
        type=int,
        default=8,
        help="concurrent fetches: our [http] max_workers and reader's workers (8)",
    )
    parser.add_argument(
        "--reruns",
        type=int,
        default=3,
        help="no-change reruns of ours and of the peer; the median one is compared (3)",
    )
    parser.add_argument(
        "--no-plain", action="store_true", help="skip our run with the curation plugins off"
    )
    parser.add_argument("--no-peer", action="store_true", help="skip the reader runs")
    parser.add_argument("--no-raw", action="store_true", help="skip the raw HTTP floor")
    parser.add_argument(
        "--parser-feeds",
        type=int,
        default=200,
        help="feeds for the parser comparison (200; 0 = all; -1 = skip it)",
    )
    parser.add_argument("--rounds", type=int, default=1, help="rounds of the parser comparison")
    parser.add_argument("--timeout", type=float, default=1800.0, help="seconds per process (1800)")
    parser.add_argument("--tmp", type=Path, default=None, help="where the temporary files go")
    parser.add_argument("--keep", action="store_true", help="keep the temporary directory")
    parser.add_argument("--peer-child", nargs=2, type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--raw-child", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.peer_child:
        print(json.dumps(peer_child(*args.peer_child, args.workers)))
        return
    if args.raw_child:
        print(json.dumps(raw_child(args.raw_child, args.workers, conditional=True)))
        return
    if args.reruns < 1:
        parser.error("--reruns must be at least 1")
    if args.hosts > 254 or args.hosts < 1:
        parser.error("--hosts must be between 1 and 254")

    started = time.perf_counter()
    feeds = build_feeds(args.feeds, args.entries, args.hosts)
    size = sum(len(feed.body) for feed in feeds)
    print(
        f"{args.feeds} feeds × {args.entries} entries = {args.feeds * args.entries} entries,"
        f" {size / 1e6:.1f} MB of RSS, generated in {time.perf_counter() - started:.1f} s;"
        f" served on 127.0.0.1–127.0.0.{args.hosts} (ETag, Last-Modified, 304);"
        f" {args.workers} concurrent fetches ([http] max_workers = {args.workers},"
        f" per_host = 2 as default; reader workers = {args.workers}); {revision()};"
        f" {os.cpu_count()} CPUs; {byte_compile_project()}"
    )
    if args.tmp is not None:
        args.tmp.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="feeds_bench_", dir=args.tmp))
    phases: list[Phase] = []
    raw_result = None
    try:
        with serve(feeds, args.hosts) as counters:
            urls_file = work / "urls.txt"
            urls_file.write_text("\n".join(feed.url for feed in feeds) + "\n")
            (work / "subscriptions.opml").write_text(opml(feeds), encoding="utf-8")
            feed_sources = [
                {"name": f"feed-{feed.number:05}", "type": "feed", "url": feed.url}
                for feed in feeds
            ]
            if args.mode in ("both", "feed"):
                label = f"ours, {args.feeds} feed sources"
                phases += ours(
                    label,
                    work / "feed",
                    feed_sources,
                    args.workers,
                    counters,
                    args.timeout,
                    args.reruns,
                )
            if args.mode in ("both", "opml"):
                project = work / "opml"
                project.mkdir()
                shutil.copy(work / "subscriptions.opml", project / "subscriptions.opml")
                sources = [
                    {
                        "name": "subscriptions",
                        "type": "opml",
                        "path": "subscriptions.opml",
                        "max_feeds": args.feeds,
                    }
                ]
                label = "ours, one opml source"
                phases += ours(
                    label, project, sources, args.workers, counters, args.timeout, args.reruns
                )
            if not args.no_plain:
                phases += ours(
                    "ours, curation off",
                    work / "plain",
                    feed_sources,
                    args.workers,
                    counters,
                    args.timeout,
                    args.reruns,
                    disable=CURATION_PLUGINS,
                )
            if not args.no_peer:
                (work / "peer").mkdir()
                phases += peer(
                    work / "peer", urls_file, args.workers, counters, args.timeout, args.reruns
                )
            if not args.no_raw:
                raw_result = raw(work, urls_file, args.workers, counters, args.timeout)
        print_runs(phases, args.feeds, args.entries, raw_result)
        if args.parser_feeds >= 0:
            parser_comparison(feeds, args.parser_feeds, args.rounds)
    finally:
        if args.keep:
            print(f"kept {work}", file=sys.stderr)
        else:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
