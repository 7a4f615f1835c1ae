"""Real-world feed files of five other feed libraries (tests/data/feed-fixtures):
read no worse than the recorded comparison with feedparser, and all of them, served
on 127.0.0.1 as the feeds of ONE opml source, stored without one item overwriting
another."""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime
from pathlib import Path
from xml.sax.saxutils import quoteattr

import pytest
from feed_compat import BASELINE, FIXTURES, fixture_files, measure, our_items
from loopback import serve, static

from aggregator.testing import FeedProject

pytestmark = pytest.mark.skipif(not FIXTURES.is_dir(), reason="no tests/data/feed-fixtures")

UNCAUGHT = re.compile(r"^[A-Z]\w*(?:Error|Exception|Warning)\b: ")
"""How the core words an exception no plugin meant to raise (an expected one is its text)."""


def test_every_file_reads_no_worse_than_the_baseline() -> None:
    recorded = json.loads(BASELINE.read_text(encoding="utf-8"))
    worse = []
    for name, figures in measure().items():
        before = recorded.get(name, {"lost": 0, "titles": 0, "links": 0})
        now = {"lost": figures.lost, "titles": figures.titles, "links": figures.links}
        if any(now[key] > before[key] for key in now):
            worse.append(f"{name}: {now} (baseline {before}) {figures.examples[:2]}")
    assert not worse, "\n".join(worse)


def test_all_fixtures_as_one_opml_list_store_every_entry(
    feed_project: FeedProject, tmp_path: Path
) -> None:
    files = fixture_files()
    routes = {
        "/" + path.relative_to(FIXTURES).as_posix(): static(path.read_bytes(), "application/xml")
        for path in files
    }
    with serve(routes) as server:
        urls = [server.url(route) for route in routes]
        outlines = "".join(f"<outline text={quoteattr(u)} xmlUrl={quoteattr(u)}/>" for u in urls)
        opml = tmp_path / "fixtures.opml"
        opml.write_text(f'<?xml version="1.0"?><opml version="2.0"><body>{outlines}</body></opml>')
        feed_project.config["sources"] = [
            {"name": "fixtures", "type": "opml", "path": str(opml), "max_feeds": len(urls)}
        ]
        feed_project.config["http"] = {"allow_private": True, "total_timeout": 5.0, "per_host": 8}
        report = feed_project.run(now=datetime(2026, 6, 1, 12, tzinfo=UTC))
        pairs = zip(files, urls, strict=True)
        parsed = sum(len(our_items(path.read_bytes(), url)[0]) for path, url in pairs)
    uncaught = [p.line() for p in report.errors if p.plugin or UNCAUGHT.match(p.message)]
    assert not uncaught, uncaught
    assert report.items_stored == parsed
    assert len(feed_project.items()) == parsed
